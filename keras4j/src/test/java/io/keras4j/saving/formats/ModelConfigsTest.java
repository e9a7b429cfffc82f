package io.keras4j.saving.formats;

import io.keras4j.saving.KerasFileException;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.KerasTensor;
import io.keras4j.layers.Add;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layers;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import java.util.List;
import org.junit.jupiter.api.Test;

/** JSON configs: round trips, Keras 2 and 3 node formats, unknown and unsafe classes. */
class ModelConfigsTest {
  @Test
  void toJsonAndBackGivesTheSameArchitecture() {
    KerasTensor a = Input.of(4);
    Dense shared = new Dense(3).activation("relu").name("shared");
    KerasTensor s = new Add().apply(List.of(shared.apply(a), new Dense(3).apply(a))).get(0);
    Model m = new Model(a, new Dense(1).activation("sigmoid").apply(s));
    String json = m.toJson();
    assertTrue(json.contains("\"__keras_tensor__\"") && json.contains("\"keras_history\""), json);
    Model back = Models.modelFromJson(json);
    assertEquals(m.countParams(), back.countParams());
    assertEquals(json, back.toJson());
  }

  @Test
  void keras2InboundNodesAndFlatEndpointsAreRead() {
    String keras2 = """
        {"class_name": "Model", "config": {"name": "m", "layers": [
          {"name": "in", "class_name": "InputLayer", "config": {"batch_input_shape": [null, 3], "name": "in"},
           "inbound_nodes": []},
          {"name": "d", "class_name": "Dense", "config": {"name": "d", "units": 2},
           "inbound_nodes": [[["in", 0, 0, {}]]]}],
         "input_layers": [["in", 0, 0]], "output_layers": ["d", 0, 0]}}
        """;
    Model m = Models.modelFromJson(keras2);
    assertEquals(3 * 2 + 2, m.countParams());
  }

  @Test
  void unknownAndLambdaClassesAreRefusedUnlessRegistered() {
    String lambda = """
        {"class_name": "Sequential", "config": {"name": "s", "layers": [
          {"class_name": "InputLayer", "config": {"batch_shape": [null, 2], "name": "i"}},
          {"class_name": "Lambda", "config": {"name": "l", "function": "4wEAAAAAAAAA..."}}]}}
        """;
    KerasFileException e = assertThrows(KerasFileException.class, () -> Models.modelFromJson(lambda));
    assertTrue(e.getMessage().contains("Lambda") && e.getMessage().contains("Layers.register"), e.getMessage());
    // the caller allows it by supplying the function in Java
    Layers.register("Lambda", c -> new io.keras4j.layers.Lambda(x -> io.keras4j.backend.Backend.ops().multiply(x, 2f)));
    try {
      Model m = Models.modelFromJson(lambda);
      assertEquals(4f, m.predict(new float[][] {{2, 3}}).toFloat2D()[0][0]);
    } finally {
      Layers.unregister("Lambda");
    }
  }

  @Test
  void sequentialOfSequentialInsideFunctionalLoads() {
    Sequential inner = new Sequential();
    inner.add(new Dense(3).inputDim(2));
    KerasTensor a = Input.of(2);
    Model outer = new Model(a, new Dense(1).apply(inner.apply(a)));
    Model back = Models.modelFromJson(outer.toJson());
    assertEquals(outer.countParams(), back.countParams());
    assertTrue(back.layers().get(1) instanceof Sequential);
  }
}
