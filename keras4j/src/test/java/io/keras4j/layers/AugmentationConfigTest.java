package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The augmentation layers: Keras 3.15.1's keys and factor forms, read back. */
class AugmentationConfigTest {
  private static TreeSet<String> keys(String... own) {
    TreeSet<String> k = new TreeSet<>(List.of("name", "trainable", "dtype", "data_format", "seed"));
    k.addAll(List.of(own));
    return k;
  }

  private static TreeSet<String> keysOf(Layer l) {
    return new TreeSet<>(l.getConfig().keySet());
  }

  @Test
  void kerasKeys() {
    assertEquals(keys("mode"), keysOf(new RandomFlip()));
    assertEquals(keys("factor", "fill_mode", "fill_value", "interpolation"), keysOf(new RandomRotation(0.1)));
    assertEquals(keys("height_factor", "width_factor", "fill_mode", "fill_value", "interpolation"),
        keysOf(new RandomTranslation(0.1, 0.2)));
    assertEquals(keys("height_factor", "width_factor", "fill_mode", "fill_value", "interpolation"),
        keysOf(new RandomZoom(0.1)));
    assertEquals(keys("factor", "value_range"), keysOf(new RandomContrast(0.2)));
    assertEquals(keys("factor", "value_range"), keysOf(new RandomBrightness(0.2)));
    assertEquals(keys("height", "width"), keysOf(new RandomCrop(4, 5)));
  }

  @Test
  void configsReadBackUnchanged() {
    for (Layer l : List.<Layer>of(new RandomFlip("vertical"), new RandomRotation(-0.1, 0.2),
        new RandomTranslation(0.1, 0.2), new RandomZoom(0.1).widthFactor(-0.2, 0.3), new RandomContrast(0.1, 0.3), new RandomBrightness(0.2),
        new RandomCrop(2, 3), new RandomCutout(0.5, 0.25).fillValue(1))) {
      String cls = l.getClass().getSimpleName();
      assertEquals(EveryConfig.json(l.getConfig()), EveryConfig.json(Layers.fromConfig(cls, l.getConfig()).getConfig()),
          cls);
    }
  }

  @Test
  void kerasDefaults() {
    Map<String, Object> rotation = new RandomRotation(0.1).getConfig();
    // Keras: RandomRotation(0.1) writes factor [-0.1, 0.1], fill_mode "reflect", interpolation "bilinear"
    assertEquals(List.of(-0.1, 0.1), EveryConfig.list(rotation.get("factor")));
    assertEquals("reflect", rotation.get("fill_mode"));
    assertEquals("bilinear", rotation.get("interpolation"));
    assertEquals(0.0, rotation.get("fill_value"));
    assertEquals("channels_last", rotation.get("data_format"));
    assertEquals("horizontal_and_vertical", new RandomFlip().getConfig().get("mode"));
    assertEquals(List.of(0.0, 255.0), EveryConfig.list(new RandomBrightness(0.2).getConfig().get("value_range")));
    assertNull(new RandomZoom(0.1).getConfig().get("width_factor"));
  }

  @Test
  void zoomReadsItsWidthFactor() {
    // the width factor used to be dropped on load, so a loaded layer kept the aspect ratio
    RandomZoom z = RandomZoom.fromConfig(Map.of("height_factor", 0.2, "width_factor", List.of(-0.3, 0.1)));
    assertEquals(List.of(-0.2, 0.2), EveryConfig.list(z.getConfig().get("height_factor")));
    assertEquals(List.of(-0.3, 0.1), EveryConfig.list(z.getConfig().get("width_factor")));
    assertEquals(List.of(-0.5, 0.5), EveryConfig.list(new RandomZoom(0.1).widthFactor(0.5).getConfig()
        .get("width_factor")));
  }

  @Test
  void translationReadsRanges() {
    RandomTranslation t = RandomTranslation.fromConfig(Map.of("height_factor", List.of(-0.2, 0.3),
        "width_factor", 0.1, "fill_mode", "constant", "fill_value", 2.0, "interpolation", "nearest", "seed", 5));
    Map<String, Object> c = t.getConfig();
    assertEquals(List.of(-0.2, 0.3), EveryConfig.list(c.get("height_factor")));
    assertEquals(List.of(-0.1, 0.1), EveryConfig.list(c.get("width_factor")));
    assertEquals("constant", c.get("fill_mode"));
    assertEquals(2.0, c.get("fill_value"));
    assertEquals("nearest", c.get("interpolation"));
    assertEquals(5L, ((Number) c.get("seed")).longValue());
  }

  @Test
  void contrastReadsKerasThreesPair() {
    // Keras 3.15.1 writes RandomContrast(0.2) as factor [0, 0.2] and draws the contrast in [1 - 0, 1 + 0.2]
    RandomContrast c = RandomContrast.fromConfig(Map.of("factor", List.of(0, 0.2), "value_range", List.of(0, 1)));
    assertEquals(List.of(0.0, 0.2), EveryConfig.list(c.getConfig().get("factor")));
    assertEquals(List.of(0.0, 1.0), EveryConfig.list(c.getConfig().get("value_range")));
  }

  @Test
  void nullSeedDrawsOne() {
    Map<String, Object> keras = new HashMap<>();
    keras.put("height", 2);
    keras.put("width", 3);
    keras.put("seed", null);
    assertTrue(RandomCrop.fromConfig(keras).getConfig().get("seed") instanceof Long);
  }

  @Test
  void channelsFirstIsRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> new RandomFlip().dataFormat("channels_first"));
    assertTrue(e.getMessage().contains("data_format=\"channels_last\""), e.getMessage());
  }

  @Test
  void settersReturnTheConcreteClass() {
    RandomRotation r = new RandomRotation(0.1).seed(1).fillMode("nearest").name("rot");
    RandomZoom z = new RandomZoom(0.1).interpolation("nearest").seed(2).widthFactor(0.2);
    assertEquals("rot", r.name());
    assertEquals("nearest", z.getConfig().get("interpolation"));
  }
}
