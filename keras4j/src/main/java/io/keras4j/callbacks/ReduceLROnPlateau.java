package io.keras4j.callbacks;

import io.keras4j.optimizers.Optimizer;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Multiplies the learning rate by {@code factor} when a metric has stopped improving for {@code patience} epochs.
 *
 * <p>Keras equivalent: {@code keras.callbacks.ReduceLROnPlateau(monitor="val_loss", factor=0.1, patience=10,
 * verbose=0, mode="auto", min_delta=1e-4, cooldown=0, min_lr=0.0)}.
 */
public class ReduceLROnPlateau extends Callback {
  private static final Logger LOG = LoggerFactory.getLogger(ReduceLROnPlateau.class);
  private String monitor = "val_loss";
  private double factor = 0.1;
  private int patience = 10;
  private String mode = "auto";
  private double minDelta = 1e-4;
  private int cooldown;
  private double minLr;
  private int verbose;

  private Double best; // null until the first monitored epoch, as Keras' None
  private int wait;
  private int cooldownCounter;

  /** Sets the metric watched (Keras' {@code monitor=}). Default "val_loss". */
  public ReduceLROnPlateau monitor(String monitor) {
    this.monitor = monitor;
    return this;
  }

  /** Sets the reduction factor, below 1 (Keras' {@code factor=}). Default 0.1. */
  public ReduceLROnPlateau factor(double factor) {
    if (factor >= 1.0) {
      throw new IllegalArgumentException("ReduceLROnPlateau does not support a factor >= 1.0. Received factor=" + factor);
    }
    this.factor = factor;
    return this;
  }

  /** Sets the epochs without improvement before a reduction (Keras' {@code patience=}). Default 10. */
  public ReduceLROnPlateau patience(int patience) {
    this.patience = patience;
    return this;
  }

  /** Sets "min", "max" or "auto" (Keras' {@code mode=}). Default "auto". */
  public ReduceLROnPlateau mode(String mode) {
    MonitorMode.greaterIsBetter(mode, monitor);
    this.mode = mode;
    return this;
  }

  /** Sets the threshold of a significant change; its sign is ignored (Keras' {@code min_delta=}). Default 1e-4. */
  public ReduceLROnPlateau minDelta(double minDelta) {
    this.minDelta = Math.abs(minDelta);
    return this;
  }

  /** Sets the epochs to wait after a reduction (Keras' {@code cooldown=}). Default 0. */
  public ReduceLROnPlateau cooldown(int cooldown) {
    this.cooldown = cooldown;
    return this;
  }

  /** Sets the lower bound of the learning rate (Keras' {@code min_lr=}). Default 0. */
  public ReduceLROnPlateau minLr(double minLr) {
    this.minLr = minLr;
    return this;
  }

  /** Sets verbosity (Keras' {@code verbose=}). Default 0. */
  public ReduceLROnPlateau verbose(int verbose) {
    this.verbose = verbose;
    return this;
  }

  /** Keras' {@code _is_improvement}: any value improves on no best yet (so a first NaN becomes the best). */
  private boolean improved(double current) {
    if (best == null) {
      return true;
    }
    return MonitorMode.greaterIsBetter(mode, monitor) ? current > best + minDelta : current < best - minDelta;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    MonitorMode.greaterIsBetter(mode, monitor);
    best = null;
    wait = 0;
    cooldownCounter = 0;
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    Optimizer opt = model().optimizer();
    logs.put("learning_rate", opt.learningRate());
    Double current = logs.get(monitor);
    if (current == null) {
      LOG.warn("Learning rate reduction is conditioned on metric `{}` which is not available. "
          + "Available metrics are: {}", monitor, logs.keySet());
      return;
    }
    if (cooldownCounter > 0) {
      cooldownCounter--;
      wait = 0;
    }
    if (improved(current)) {
      best = current;
      wait = 0;
    } else if (cooldownCounter <= 0) {
      wait++;
      if (wait >= patience) {
        double old = opt.learningRate();
        if (old > minLr) {
          double lr = Math.max(old * factor, minLr);
          opt.learningRate(lr);
          if (verbose > 0) {
            System.out.printf("%nEpoch %d: ReduceLROnPlateau reducing learning rate to %s.%n", epoch + 1, lr);
          }
          cooldownCounter = cooldown;
          wait = 0;
        }
      }
    }
  }
}
