package io.keras4j.applications;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Variable;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.models.Model;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The recipe of docs/applications.md: a frozen base under a new head; only the head trains. */
class TransferLearningTest {
  @Test
  void aFrozenBaseKeepsItsWeightsAndBatchStatisticsWhileTheHeadTrains() {
    try (Model base = new MobileNet().alpha(0.25).inputShape(32, 32, 3).includeTop(false).pooling("avg")
        .weights((String) null).build()) {
      ApplicationsTest.fill(base);
      base.trainable(false);
      KerasTensor inputs = Input.of(32, 32, 3);
      Dense head = new Dense(3);
      head.activation("softmax");
      try (Model model = new Model(inputs, head.apply(base.apply(inputs)))) {
        model.compile("adam", "sparse_categorical_crossentropy");
        List<float[]> before = values(base.weights());
        float[] headBefore = head.weights().get(0).floatValue();
        assertEquals(2, model.trainableWeights().size()); // the head's kernel and bias only
        model.fit(NDArray.of(ApplicationsTest.images(4, 32), 4, 32, 32, 3), NDArray.of(new int[] {0, 1, 2, 1}, 4),
            2, 2);
        List<float[]> after = values(base.weights());
        for (int i = 0; i < before.size(); i++) {
          assertArrayEquals(before.get(i), after.get(i), 0f, base.weights().get(i).path());
        }
        assertFalse(Arrays.equals(headBefore, head.weights().get(0).floatValue()));
      }
    }
  }

  private static List<float[]> values(List<Variable> vars) {
    List<float[]> out = new ArrayList<>();
    for (Variable v : vars) {
      out.add(v.floatValue());
    }
    return out;
  }
}
