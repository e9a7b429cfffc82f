package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Operation nodes that only feed Keras' mask keyword arguments are dropped; any other use is refused. */
class MaskOperationsTest {
  private static Map<String, Object> tensor(String layer) {
    return Map.of("class_name", "__keras_tensor__", "config", Map.of("keras_history", List.of(layer, 0, 0)));
  }

  private static Map<String, Object> spec(String cls, String module, String name, Map<String, Object> node) {
    return Map.of("class_name", cls, "module", module, "name", name, "config", Map.of("name", name),
        "inbound_nodes", node == null ? List.of() : List.of(node));
  }

  private static final Map<String, Object> INPUT = spec("InputLayer", "keras.layers", "ids", null);
  private static final Map<String, Object> NOT_EQUAL = spec("NotEqual", "keras.src.ops.numpy", "not_equal",
      Map.of("args", List.of(tensor("ids"), 0), "kwargs", Map.of()));

  @Test
  void dropsOperationsFeedingOnlyMasks() {
    Map<String, Object> pool = spec("GlobalAveragePooling1D", "keras.layers", "pool",
        Map.of("args", List.of(tensor("ids")), "kwargs", Map.of("mask", tensor("not_equal"))));
    List<Object> kept = MaskOperations.withoutMaskOperations(List.of(INPUT, NOT_EQUAL, pool),
        List.of("pool", 0, 0));
    assertEquals(List.of(INPUT, pool), kept);
  }

  @Test
  void keepsAnOperationUsedAsALayerInputAndTheOperationsItUses() {
    Map<String, Object> add = spec("Add", "keras.src.ops.numpy", "add",
        Map.of("args", List.of(tensor("not_equal"), 3.0), "kwargs", Map.of()));
    Map<String, Object> dense = spec("Dense", "keras.layers", "dense",
        Map.of("args", List.of(tensor("add")), "kwargs", Map.of()));
    Map<String, Object> unused = spec("Relu", "keras.src.ops.nn", "relu",
        Map.of("args", List.of(tensor("ids")), "kwargs", Map.of()));
    List<Object> kept = MaskOperations.withoutMaskOperations(List.of(INPUT, NOT_EQUAL, add, unused, dense),
        List.of("dense", 0, 0));
    assertEquals(List.of(INPUT, NOT_EQUAL, add, dense), kept);
  }

  @Test
  void keepsAnOperationThatIsAModelOutput() {
    assertEquals(List.of(INPUT, NOT_EQUAL),
        MaskOperations.withoutMaskOperations(List.of(INPUT, NOT_EQUAL), List.of(List.of("not_equal", 0, 0))));
  }
}
