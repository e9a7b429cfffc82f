package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.Dense;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** EarlyStopping and ReduceLROnPlateau driven by a fixed sequence of validation losses. */
class CallbacksTest {
  static Sequential model() {
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(1));
    m.compile(new SGD(0.1), "mse");
    return m;
  }

  static Map<String, Double> logs(double valLoss) {
    Map<String, Double> l = new HashMap<>();
    l.put("val_loss", valLoss);
    return l;
  }

  @Test
  void earlyStoppingWaitsPatienceEpochsWithoutImprovement() {
    Sequential m = model();
    EarlyStopping es = new EarlyStopping().patience(2);
    es.setModel(m);
    es.onTrainBegin(Map.of());
    List<Double> losses = List.of(1.0, 0.8, 0.85, 0.9, 0.7);
    int stopped = -1;
    for (int e = 0; e < losses.size(); e++) {
      es.onEpochEnd(e, logs(losses.get(e)));
      if (m.stopTraining()) {
        stopped = e;
        break;
      }
    }
    assertEquals(3, stopped); // best at epoch 1, no improvement at 2 and 3
    assertEquals(1, es.bestEpoch());
  }

  @Test
  void earlyStoppingMinDeltaAndRestoreBestWeights() {
    Sequential m = model();
    EarlyStopping es = new EarlyStopping().patience(1).minDelta(0.1).restoreBestWeights(true);
    es.setModel(m);
    es.onTrainBegin(Map.of());
    es.onEpochEnd(0, logs(1.0));
    float[] best = m.getWeights().get(0).toFloatArray();
    m.setWeights(List.of(new float[][] {{42f}}, new float[] {0f}));
    es.onEpochEnd(1, logs(0.95)); // improves by less than min_delta: not an improvement
    assertTrue(m.stopTraining());
    es.onTrainEnd(Map.of());
    assertEquals(best[0], m.getWeights().get(0).toFloatArray()[0]);
  }

  @Test
  void reduceLrOnPlateauMultipliesByFactorAfterPatience() {
    Sequential m = model();
    ReduceLROnPlateau r = new ReduceLROnPlateau().factor(0.5).patience(2).minLr(0.02);
    r.setModel(m);
    r.onTrainBegin(Map.of());
    double[] losses = {1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0};
    double[] expectedLr = {0.1, 0.1, 0.05, 0.05, 0.025, 0.025, 0.02};
    for (int e = 0; e < losses.length; e++) {
      r.onEpochEnd(e, logs(losses[e]));
      assertEquals(expectedLr[e], m.optimizer().learningRate(), 1e-7, "epoch " + e);
    }
    assertFalse(m.stopTraining());
  }

  @Test
  void learningRateSchedulerSetsTheRateEachEpoch() {
    Sequential m = model();
    LearningRateScheduler s = new LearningRateScheduler((epoch, lr) -> 0.1 / (epoch + 1));
    s.setModel(m);
    s.onEpochBegin(3, new HashMap<>());
    assertEquals(0.025, m.optimizer().learningRate(), 1e-7);
  }
}
