package io.keras4j.callbacks;

import java.util.Map;

/**
 * Stops training as soon as the batch loss is NaN or infinite.
 *
 * <p>Keras equivalent: {@code keras.callbacks.TerminateOnNaN()}.
 */
public class TerminateOnNaN extends Callback {
  private boolean terminated;

  /** True once training was stopped for a non-finite loss. */
  public boolean terminated() {
    return terminated;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    Double loss = logs.get("loss");
    if (loss != null && (loss.isNaN() || loss.isInfinite())) {
      System.out.println("Batch " + batch + ": Invalid loss, terminating training");
      terminated = true;
      model().stopTraining(true);
    }
  }
}
