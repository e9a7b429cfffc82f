package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.layers.Dense;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.SGD;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** CallbackList: Keras' order of the default callbacks, and what the user's callbacks log reaching the History. */
class CallbackListTest {
  static final float[][] X = {{1}, {2}, {3}, {4}};
  static final float[] Y = {2, 4, 6, 8};

  static Sequential model() {
    Sequential m = new Sequential();
    m.add(new Dense(1).inputDim(1));
    m.compile(new SGD(0.1), "mse");
    return m;
  }

  @Test
  void historyAndProgbarComeAfterTheUsersCallbacks() {
    EarlyStopping user = new EarlyStopping();
    CallbackList list = new CallbackList(List.of(user), true, 1, model());
    List<Callback> cs = list.callbacks();
    assertEquals(3, cs.size());
    assertSame(user, cs.get(0));
    assertInstanceOf(History.class, cs.get(1));
    assertInstanceOf(ProgbarLogger.class, cs.get(2));
    assertSame(cs.get(1), list.history());
  }

  @Test
  void aGivenHistoryIsUsedAndNoProgbarWhenSilent() {
    History mine = new History();
    CallbackList list = new CallbackList(List.of(mine), true, 0, model());
    assertEquals(List.of(mine), list.callbacks());
    assertSame(mine, list.history());
  }

  @Test
  void batchLogsAreReadOnlyWhenACallbackOverridesABatchHook() {
    assertFalse(new CallbackList(List.of(new EarlyStopping()), true, 0, model()).readsBatchLogs("train"));
    assertTrue(new CallbackList(List.of(new TerminateOnNaN()), true, 0, model()).readsBatchLogs("train"));
    assertTrue(new CallbackList(List.of(), true, 1, model()).readsBatchLogs("train"), "the progress bar");
    assertFalse(new CallbackList(List.of(), true, 1, model()).readsBatchLogs("test"));
  }

  @Test
  void theHistoryRecordsTheLearningRateOfLearningRateScheduler() {
    Sequential m = model();
    var h = m.fit(X, Y, new FitOptions().epochs(3).batchSize(4).verbose(0)
        .callbacks(new LearningRateScheduler((epoch, lr) -> 0.1 / (epoch + 1))));
    List<Double> lr = h.get("learning_rate");
    assertEquals(3, lr.size());
    assertEquals(0.1, lr.get(0), 1e-7);
    assertEquals(0.05, lr.get(1), 1e-7);
    assertEquals(0.1 / 3, lr.get(2), 1e-7);
  }

  @Test
  void theHistoryRecordsTheLearningRateOfReduceLrOnPlateau() {
    Sequential m = model();
    // min_delta so large that only the first epoch counts as an improvement (anything beats +inf): with patience
    // 1 the rate halves at the end of epochs 1, 2 and 3; each epoch logs the rate it trained with
    ReduceLROnPlateau r = new ReduceLROnPlateau().monitor("loss").factor(0.5).patience(1).minDelta(1e9);
    var h = m.fit(X, Y, new FitOptions().epochs(4).batchSize(4).verbose(0).callbacks(r));
    List<Double> lr = h.get("learning_rate");
    double[] expected = {0.1, 0.1, 0.05, 0.025};
    for (int e = 0; e < 4; e++) {
      assertEquals(expected[e], lr.get(e), 1e-7, "epoch " + e);
    }
    assertEquals(0.0125, m.optimizer().learningRate(), 1e-7);
    assertEquals(List.of("loss", "learning_rate"), List.copyOf(h.history().keySet()));
  }

  @Test
  void epochLogsAddedByOneCallbackReachTheNext() {
    Sequential m = model();
    Callback adds = new Callback() {
      @Override
      public void onEpochEnd(int epoch, Map<String, Double> logs) {
        logs.put("extra", (double) epoch);
      }
    };
    var h = m.fit(X, Y, new FitOptions().epochs(2).batchSize(4).verbose(0).callbacks(adds));
    assertEquals(List.of(0.0, 1.0), h.get("extra"));
  }
}
