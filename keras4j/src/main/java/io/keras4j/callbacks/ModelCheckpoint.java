package io.keras4j.callbacks;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Saves the model (or its weights) at the end of epochs, optionally only when the monitored metric improves.
 *
 * <p>Keras equivalent: {@code keras.callbacks.ModelCheckpoint(filepath, monitor="val_loss", verbose=0,
 * save_best_only=False, save_weights_only=False, mode="auto", initial_value_threshold=None)}. The path may name
 * the epoch (1-based) and logged metrics with Python's format fields:
 * {@code "ckpt/model-{epoch:02d}-{val_loss:.2f}.keras"}. Whole models need {@code .keras}, weights
 * {@code .weights.h5}.
 */
public class ModelCheckpoint extends Callback {
  private static final Logger LOG = LoggerFactory.getLogger(ModelCheckpoint.class);
  private static final Pattern FIELD = Pattern.compile("\\{(\\w+)(?::([^}]*))?}");
  private final String filepath;
  private String monitor = "val_loss";
  private boolean saveBestOnly;
  private boolean saveWeightsOnly;
  private String mode = "auto";
  private Double initialValueThreshold;
  private int verbose;
  private Double best; // null until a first value is seen, as Keras' None

  public ModelCheckpoint(String filepath) {
    this.filepath = filepath;
  }

  /** Sets the metric compared for save_best_only (Keras' {@code monitor=}). Default "val_loss". */
  public ModelCheckpoint monitor(String monitor) {
    this.monitor = monitor;
    return this;
  }

  /** Sets saving only when the monitored metric improves (Keras' {@code save_best_only=}). Default false. */
  public ModelCheckpoint saveBestOnly(boolean v) {
    this.saveBestOnly = v;
    return this;
  }

  /** Sets saving the weights only (Keras' {@code save_weights_only=}). Default false. */
  public ModelCheckpoint saveWeightsOnly(boolean v) {
    this.saveWeightsOnly = v;
    return this;
  }

  /** Sets "min", "max" or "auto" (Keras' {@code mode=}). Default "auto". */
  public ModelCheckpoint mode(String mode) {
    MonitorMode.greaterIsBetter(mode, monitor);
    this.mode = mode;
    return this;
  }

  /** Sets the value a first save must beat (Keras' {@code initial_value_threshold=}). Default none. */
  public ModelCheckpoint initialValueThreshold(Double v) {
    this.initialValueThreshold = v;
    return this;
  }

  /** Sets verbosity (Keras' {@code verbose=}). Default 0. */
  public ModelCheckpoint verbose(int verbose) {
    this.verbose = verbose;
    return this;
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    best = initialValueThreshold;
  }

  /** The file name for {@code epoch} (0-based) and {@code logs}: Python format fields filled in. */
  public String format(int epoch, Map<String, Double> logs) {
    Matcher m = FIELD.matcher(filepath);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String key = m.group(1);
      String spec = m.group(2);
      Object value = key.equals("epoch") ? (Object) (epoch + 1) : logs.get(key);
      if (value == null) {
        throw new IllegalArgumentException("Failed to format this callback filepath: \"" + filepath + "\". Reason: "
            + "no value for '" + key + "'. Available: epoch, " + logs.keySet());
      }
      String text = spec == null ? value.toString() : String.format(Locale.ROOT, "%" + spec, value);
      m.appendReplacement(out, Matcher.quoteReplacement(text));
    }
    m.appendTail(out);
    return out.toString();
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    if (saveBestOnly) {
      Double current = logs.get(monitor);
      if (current == null) {
        // as Keras: without the monitored value the model is saved anyway
        LOG.warn("Can save best model only with {} available. Available: {}", monitor, logs.keySet());
      } else {
        boolean max = MonitorMode.greaterIsBetter(mode, monitor);
        if (best != null && !(max ? current > best : current < best)) {
          return;
        }
        if (verbose > 0) {
          System.out.printf("%nEpoch %d: %s improved from %.5f to %.5f, saving model%n", epoch + 1, monitor, best,
              current);
        }
        best = current;
      }
    }
    Path file = Path.of(format(epoch, logs));
    if (saveWeightsOnly) {
      model().saveWeights(file);
    } else {
      model().save(file);
    }
  }
}
