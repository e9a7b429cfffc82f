package io.keras4j.callbacks;

import java.util.Map;

/**
 * Sets the learning rate at the start of each epoch from a function of (epoch, current rate).
 *
 * <p>Keras equivalent: {@code keras.callbacks.LearningRateScheduler(schedule, verbose=0)}.
 * <pre>{@code new LearningRateScheduler((epoch, lr) -> epoch < 10 ? lr : lr * Math.exp(-0.1))}</pre>
 */
public class LearningRateScheduler extends Callback {
  /** Keras' schedule function. */
  @FunctionalInterface
  public interface Schedule {
    double apply(int epoch, double lr);
  }

  private final Schedule schedule;
  private int verbose;

  public LearningRateScheduler(Schedule schedule) {
    this.schedule = schedule;
  }

  /** Sets verbosity (Keras' {@code verbose=}). Default 0. */
  public LearningRateScheduler verbose(int verbose) {
    this.verbose = verbose;
    return this;
  }

  @Override
  public void onEpochBegin(int epoch, Map<String, Double> logs) {
    double lr = schedule.apply(epoch, model().optimizer().learningRate());
    if (Double.isNaN(lr) || lr < 0) {
      throw new IllegalArgumentException("The output of the `schedule` function should be a non-negative float. Got: " + lr);
    }
    model().optimizer().learningRate(lr);
    if (verbose > 0) {
      System.out.printf("%nEpoch %d: LearningRateScheduler setting learning rate to %s.%n", epoch + 1, lr);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    logs.put("learning_rate", model().optimizer().learningRate());
  }
}
