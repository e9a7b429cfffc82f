package io.keras4j.models;

import io.keras4j.callbacks.Callback;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The keyword arguments of {@link Model#fit(Object, Object, FitOptions)}, as fluent setters.
 *
 * <p>Keras equivalent: {@code model.fit(x, y, batch_size=None, epochs=1, verbose="auto", callbacks=None,
 * validation_split=0.0, validation_data=None, shuffle=True, class_weight=None, sample_weight=None,
 * initial_epoch=0, steps_per_epoch=None, validation_steps=None, validation_batch_size=None, validation_freq=1)}.
 * <pre>{@code model.fit(x, y, new FitOptions().epochs(10).batchSize(32).validationSplit(0.2));}</pre>
 */
public final class FitOptions {
  /** Null: Keras' {@code batch_size=None}, 32 or, with a step count, the samples over the steps. */
  Integer batchSize;
  int epochs = 1;
  int verbose = 1;
  List<Callback> callbacks = new ArrayList<>();
  double validationSplit;
  Object validationX;
  Object validationY;
  Object validationSampleWeight;
  boolean shuffle = true;
  Map<Integer, Double> classWeight;
  Object sampleWeight;
  int initialEpoch;
  Integer stepsPerEpoch;
  int validationFreq = 1;
  Integer validationSteps;
  Integer validationBatchSize;

  /**
   * Sets the samples per step (Keras' {@code batch_size=}). Default, as Keras' None: 32, or with
   * {@code steps_per_epoch} and array data, the samples over the steps rounded up (Keras' array adapter); 0 too, as
   * Keras reads it as None. Porting note: a negative size is refused, where Keras fails inside its data pipeline.
   */
  public FitOptions batchSize(int batchSize) {
    this.batchSize = checkedBatchSize(batchSize, "batch_size");
    return this;
  }

  /** Sets the number of epochs (Keras' {@code epochs=}). Default 1. */
  public FitOptions epochs(int epochs) {
    if (epochs < 0) {
      throw new IllegalArgumentException("epochs must be >= 0. Received: epochs=" + epochs);
    }
    this.epochs = epochs;
    return this;
  }

  /** Sets 0 (silent), 1 (progress bar) or 2 (one line per epoch) (Keras' {@code verbose=}). Default 1. */
  public FitOptions verbose(int verbose) {
    if (verbose < 0 || verbose > 2) {
      throw new IllegalArgumentException("verbose must be 0, 1 or 2. Received: verbose=" + verbose);
    }
    this.verbose = verbose;
    return this;
  }

  /** Sets the callbacks (Keras' {@code callbacks=}). Default none. */
  public FitOptions callbacks(Callback... callbacks) {
    this.callbacks = new ArrayList<>(Arrays.asList(callbacks));
    return this;
  }

  /** Sets the fraction of the data, taken from its end, held out for validation (Keras' {@code validation_split=}). Default 0. */
  public FitOptions validationSplit(double split) {
    if (!(split >= 0 && split < 1)) {
      throw new IllegalArgumentException("validation_split must be in [0, 1). Received: validation_split=" + split);
    }
    this.validationSplit = split;
    return this;
  }

  /** Sets the validation data (Keras' {@code validation_data=(x, y)}). Default none. */
  public FitOptions validationData(Object x, Object y) {
    this.validationX = x;
    this.validationY = y;
    return this;
  }

  /** Sets a streamed validation dataset (Keras' {@code validation_data=PyDataset}). Default none. */
  public FitOptions validationData(io.keras4j.data.Dataset dataset) {
    this.validationX = dataset;
    this.validationY = null;
    return this;
  }

  /** Sets validation data with sample weights (Keras' {@code validation_data=(x, y, w)}). */
  public FitOptions validationData(Object x, Object y, Object sampleWeight) {
    validationData(x, y);
    this.validationSampleWeight = sampleWeight;
    return this;
  }

  /** Sets whether the samples are shuffled each epoch (Keras' {@code shuffle=}). Default true. */
  public FitOptions shuffle(boolean shuffle) {
    this.shuffle = shuffle;
    return this;
  }

  /**
   * Sets a weight per class index (Keras' {@code class_weight=}): each training sample weighs its class' weight (1
   * for a class not in the map) in the loss and the weighted metrics, not in the plain metrics nor in validation.
   * Not with {@link #sampleWeight} nor on a model of several outputs, as in Keras. Default none.
   */
  public FitOptions classWeight(Map<Integer, Double> classWeight) {
    this.classWeight = classWeight;
    return this;
  }

  /**
   * Sets a weight per sample, {@code float[]} (Keras' {@code sample_weight=}), weighing the loss and the weighted
   * metrics, not the plain metrics. Default none.
   */
  public FitOptions sampleWeight(Object sampleWeight) {
    this.sampleWeight = sampleWeight;
    return this;
  }

  /** Sets the epoch to start from, for resuming (Keras' {@code initial_epoch=}). Default 0. */
  public FitOptions initialEpoch(int initialEpoch) {
    this.initialEpoch = initialEpoch;
    return this;
  }

  /**
   * Sets the steps per epoch (Keras' {@code steps_per_epoch=}). Default null: one pass over the data per epoch (0
   * too, as Keras reads it). As in Keras, an epoch goes on with the pass the last one left unfinished, a new pass (a
   * new shuffle) begins once one is done, and an epoch asking for more batches than its pass has left ends at the
   * pass's end (with Keras' warning when a whole call of {@code steps_per_execution} finds no batch left). Each epoch
   * takes whole calls: {@code steps_per_epoch} rounded up to a multiple of {@code steps_per_execution}, as Keras'
   * loop. Porting note: a negative count is refused (Keras runs one pass).
   */
  public FitOptions stepsPerEpoch(Integer stepsPerEpoch) {
    this.stepsPerEpoch = checkedSteps(stepsPerEpoch, "steps_per_epoch");
    return this;
  }

  /**
   * The batch size of {@code samples} array samples, as Keras' array adapter sets it: the one given, else the
   * samples over {@code steps} rounded up when a step count is given, else 32.
   */
  static int arrayBatchSize(Integer batchSize, int samples, Integer steps) {
    if (batchSize != null) {
      return batchSize;
    }
    return steps != null ? (int) Math.max(1, ((long) samples + steps - 1) / steps) : 32;
  }

  /** Keras' {@code validation_batch_size or batch_size} for {@code samples} validation samples of arrays. */
  int validationBatchSizeFor(int samples) {
    return arrayBatchSize(validationBatchSize != null ? validationBatchSize : batchSize, samples, validationSteps);
  }

  /**
   * A batch size as Keras reads it: null or 0 mean None (Keras' adapters test {@code if not batch_size}); a negative
   * one is refused.
   */
  static Integer checkedBatchSize(Integer batchSize, String name) {
    if (batchSize != null && batchSize < 0) {
      throw new IllegalArgumentException(name + " must be positive, 0 or null. Received: " + name + "=" + batchSize);
    }
    return batchSize == null || batchSize == 0 ? null : batchSize;
  }

  /** A count of steps as Keras reads it: null or 0 mean every batch; a negative one is refused. */
  static Integer checkedSteps(Integer steps, String name) {
    if (steps != null && steps < 0) {
      throw new IllegalArgumentException(name + " must be a positive integer, 0 or null. Received: " + name + "="
          + steps);
    }
    return steps == null || steps == 0 ? null : steps;
  }

  /**
   * Sets the validation batches of each validation (Keras' {@code validation_steps=}): the first
   * {@code validationSteps} batches of the validation data, from its start each time, as Keras' cached evaluation
   * iterator is reset before each validation; rounded up to whole calls of {@code steps_per_execution}, as Keras'
   * loop reads them. Default null (or 0): every batch. Porting note: a negative count is refused (Keras does not
   * refuse it).
   */
  public FitOptions validationSteps(Integer validationSteps) {
    this.validationSteps = checkedSteps(validationSteps, "validation_steps");
    return this;
  }

  /**
   * Sets the samples per validation step of array validation data, also of {@code validation_split}'s (Keras'
   * {@code validation_batch_size=}). Default null (or 0, as Keras reads it): the training batch size, or with
   * neither set, 32, or with {@code validation_steps} the validation samples over the steps, rounded up. A
   * {@code Dataset}'s batches are its own.
   */
  public FitOptions validationBatchSize(Integer validationBatchSize) {
    this.validationBatchSize = checkedBatchSize(validationBatchSize, "validation_batch_size");
    return this;
  }

  /** Sets how often to validate: after every {@code freq}-th epoch (Keras' {@code validation_freq=}). Default 1. */
  public FitOptions validationFreq(int freq) {
    if (freq < 1) {
      throw new IllegalArgumentException("validation_freq must be a positive integer. Received: validation_freq="
          + freq);
    }
    this.validationFreq = freq;
    return this;
  }

  /** The number of epochs set (Keras' {@code epochs=}); a tuner reads it to schedule its trials. */
  public int epochs() {
    return epochs;
  }

  /** The verbosity set (Keras' {@code verbose=}). */
  public int verbose() {
    return verbose;
  }

  /** The epoch to start from (Keras' {@code initial_epoch=}). */
  public int initialEpoch() {
    return initialEpoch;
  }

  /** The callbacks set, in order (Keras' {@code callbacks=}); the returned list is a copy. */
  public List<Callback> callbackList() {
    return new ArrayList<>(callbacks);
  }

  /**
   * A copy of these options, so that a tuner can change the epochs and callbacks of one trial without touching the
   * caller's options (KerasTuner copies its {@code fit_kwargs} for each execution). The callback list is copied; the
   * callbacks, data and maps are shared.
   */
  public FitOptions copy() {
    FitOptions c = new FitOptions();
    c.batchSize = batchSize;
    c.epochs = epochs;
    c.verbose = verbose;
    c.callbacks = new ArrayList<>(callbacks);
    c.validationSplit = validationSplit;
    c.validationX = validationX;
    c.validationY = validationY;
    c.validationSampleWeight = validationSampleWeight;
    c.shuffle = shuffle;
    c.classWeight = classWeight;
    c.sampleWeight = sampleWeight;
    c.initialEpoch = initialEpoch;
    c.stepsPerEpoch = stepsPerEpoch;
    c.validationFreq = validationFreq;
    c.validationSteps = validationSteps;
    c.validationBatchSize = validationBatchSize;
    return c;
  }
}
