package io.keras4j.callbacks;

import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops training when a monitored metric has stopped improving.
 *
 * <p>Keras equivalent: {@code keras.callbacks.EarlyStopping(monitor="val_loss", min_delta=0, patience=0,
 * verbose=0, mode="auto", baseline=None, restore_best_weights=False, start_from_epoch=0)}.
 * <pre>{@code new EarlyStopping().monitor("val_loss").patience(3).restoreBestWeights(true)}</pre>
 */
public class EarlyStopping extends Callback {
  private static final Logger LOG = LoggerFactory.getLogger(EarlyStopping.class);
  private String monitor = "val_loss";
  private double minDelta;
  private int patience;
  private String mode = "auto";
  private Double baseline;
  private boolean restoreBestWeights;
  private int startFromEpoch;
  private int verbose;

  private int wait;
  private int stoppedEpoch;
  private Double best; // null until the first monitored epoch, as Keras' None
  private int bestEpoch;
  private List<io.keras4j.data.NDArray> bestWeights;

  /** Sets the metric watched (Keras' {@code monitor=}). Default "val_loss". */
  public EarlyStopping monitor(String monitor) {
    this.monitor = monitor;
    return this;
  }

  /** Sets the smallest change counted as an improvement (Keras' {@code min_delta=}). Default 0. */
  public EarlyStopping minDelta(double minDelta) {
    this.minDelta = Math.abs(minDelta);
    return this;
  }

  /** Sets the epochs without improvement before stopping (Keras' {@code patience=}). Default 0. */
  public EarlyStopping patience(int patience) {
    this.patience = patience;
    return this;
  }

  /** Sets "min", "max" or "auto" (Keras' {@code mode=}). Default "auto". */
  public EarlyStopping mode(String mode) {
    MonitorMode.greaterIsBetter(mode, monitor);
    this.mode = mode;
    return this;
  }

  /** Sets a value the metric must beat (Keras' {@code baseline=}). Default none. */
  public EarlyStopping baseline(Double baseline) {
    this.baseline = baseline;
    return this;
  }

  /** Sets whether the best epoch's weights are restored (Keras' {@code restore_best_weights=}). Default false. */
  public EarlyStopping restoreBestWeights(boolean restoreBestWeights) {
    this.restoreBestWeights = restoreBestWeights;
    return this;
  }

  /** Sets the number of warm-up epochs not monitored (Keras' {@code start_from_epoch=}). Default 0. */
  public EarlyStopping startFromEpoch(int startFromEpoch) {
    this.startFromEpoch = startFromEpoch;
    return this;
  }

  /** Sets verbosity (Keras' {@code verbose=}). Default 0. */
  public EarlyStopping verbose(int verbose) {
    this.verbose = verbose;
    return this;
  }

  /** The epoch at which training stopped (0 if it did not). */
  public int stoppedEpoch() {
    return stoppedEpoch;
  }

  /** The best epoch seen. */
  public int bestEpoch() {
    return bestEpoch;
  }

  /** Keras' {@code _is_improvement}: any value improves on no reference (so a first NaN becomes the best). */
  private boolean improved(double current, Double reference) {
    if (reference == null) {
      return true;
    }
    return MonitorMode.greaterIsBetter(mode, monitor) ? current - minDelta > reference : current + minDelta < reference;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    wait = 0;
    stoppedEpoch = 0;
    MonitorMode.greaterIsBetter(mode, monitor);
    best = null;
    bestWeights = null;
    bestEpoch = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Double current = logs.get(monitor);
    if (current == null) {
      LOG.warn("Early stopping conditioned on metric `{}` which is not available. Available metrics are: {}",
          monitor, logs.keySet());
      return;
    }
    if (epoch < startFromEpoch) {
      return;
    }
    if (restoreBestWeights && bestWeights == null) {
      bestWeights = model().getWeights();
    }
    wait++;
    if (improved(current, best)) {
      best = current;
      bestEpoch = epoch;
      if (restoreBestWeights) {
        bestWeights = model().getWeights();
      }
      if (baseline == null || improved(current, baseline)) {
        wait = 0;
      }
      return;
    }
    if (wait >= patience && epoch > 0) {
      stoppedEpoch = epoch;
      model().stopTraining(true);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (stoppedEpoch > 0 && verbose > 0) {
      System.out.println("Epoch " + (stoppedEpoch + 1) + ": early stopping");
    }
    if (restoreBestWeights && bestWeights != null) {
      if (verbose > 0) {
        System.out.println("Restoring model weights from the end of the best epoch: " + (bestEpoch + 1) + ".");
      }
      model().setWeights(bestWeights);
    }
  }
}
