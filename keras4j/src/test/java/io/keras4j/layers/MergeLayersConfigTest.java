package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The merge layers: Keras 3.15.1's keys, Dot's axes as Keras writes them, setters returning the merge class. */
class MergeLayersConfigTest {
  @ParameterizedTest
  @ValueSource(strings = {"Add", "Subtract", "Multiply", "Average", "Maximum", "Minimum"})
  void elementwiseMergesHaveOnlyTheBaseKeys(String cls) {
    Layer l = Layers.fromConfig(cls, Map.of("name", "m1", "trainable", false));
    assertEquals(cls, l.getClass().getSimpleName());
    assertEquals(new TreeSet<>(List.of("name", "trainable", "dtype")), new TreeSet<>(l.getConfig().keySet()));
    assertEquals("m1", l.name());
    assertEquals(false, l.trainable());
  }

  @Test
  void settersReturnTheMergeClass() {
    Add add = new Add().name("sum").trainable(false);
    Concatenate cat = new Concatenate().axis(1).name("cat");
    assertEquals("sum", add.name());
    assertEquals(1, cat.getConfig().get("axis"));
  }

  @Test
  void concatenateAxis() {
    assertEquals(-1, new Concatenate().getConfig().get("axis"));
    assertEquals(2, Layers.fromConfig("Concatenate", Map.of("axis", 2)).getConfig().get("axis"));
  }

  @Test
  void dotAxesAsKerasWritesThem() {
    // Keras 3.15.1: Dot(1).get_config()["axes"] == 1, Dot((1, 2)) gives [1, 2]; normalize defaults to False
    Map<String, Object> one = new Dot(1).getConfig();
    assertEquals(1, one.get("axes"));
    assertEquals(false, one.get("normalize"));
    assertEquals(List.of(1, 2), EveryConfig.list(new Dot(1, 2).getConfig().get("axes")));
    Dot read = Dot.fromConfig(Map.of("axes", List.of(2, 1), "normalize", true));
    assertEquals(List.of(2, 1), EveryConfig.list(read.getConfig().get("axes")));
    assertEquals(true, read.getConfig().get("normalize"));
    assertEquals(-1, Dot.fromConfig(Map.of("axes", -1)).getConfig().get("axes"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Dot.fromConfig(Map.of("axes", List.of(1, 2, 3))));
    assertTrue(e.getMessage().contains("axes"), e.getMessage());
  }
}
