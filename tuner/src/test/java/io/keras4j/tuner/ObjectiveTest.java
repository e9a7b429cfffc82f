package io.keras4j.tuner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ObjectiveTest {

  @ParameterizedTest
  @CsvSource({"val_accuracy,max", "accuracy,max", "val_acc,max", "val_loss,min", "loss,min", "mse,min",
      "val_mean_absolute_error,min", "auc,max", "val_precision,max", "weighted_binary_accuracy,max",
      "val_categorical_crossentropy,min"})
  void directionIsInferredAsKerasTunerDoes(String name, String direction) {
    assertEquals(direction, Objective.create(name).direction());
  }

  @Test
  void unknownMetricsNeedAnExplicitDirection() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Objective.create("val_f9"));
    assertTrue(e.getMessage().contains("Could not infer optimization direction"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Objective("x", "up"));
  }

  @Test
  void printsAndComparesAsKerasTuner() {
    Objective o = new Objective("val_accuracy", "max");
    assertEquals("Objective(name=\"val_accuracy\", direction=\"max\")", o.toString());
    assertTrue(o.betterThan(0.9, 0.8));
    assertFalse(o.betterThan(0.8, 0.8));
    assertTrue(new Objective("val_loss", "min").betterThan(0.1, 0.2));
  }
}
