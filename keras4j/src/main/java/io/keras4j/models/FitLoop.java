package io.keras4j.models;

import io.keras4j.backend.TracedFunction;
import io.keras4j.callbacks.CallbackList;
import io.keras4j.callbacks.History;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The epoch loop of {@code fit}, the same for in-memory arrays and a streamed {@code Dataset}: resume
 * (BackupAndRestore, {@code initial_epoch}), {@code steps_per_execution}, validation every
 * {@code validation_freq} epochs, and every callback hook in Keras' order.
 *
 * <p>Keras equivalent: the loop of {@code TensorFlowTrainer.fit} (keras/src/backend/tensorflow/trainer.py):
 * <pre>
 * on_train_begin
 * per epoch: reset_metrics, on_epoch_begin,
 *            per step group: on_train_batch_begin(begin), train_function, on_train_batch_end(end),
 *                            stop_training? end the epoch's steps
 *            [validation: on_test_begin, per step: on_test_batch_begin/end, on_test_end],
 *            on_epoch_end(logs + val_ logs), stop_training? end the fit
 * on_train_end(last epoch's logs)
 * </pre>
 * The training logs are fetched from the engine at the last step of an epoch, or at every step when a callback
 * reads the batch logs (the progress bar, TerminateOnNaN, a user's batch hook).
 */
final class FitLoop {
  private final Trainer trainer;
  private final Model model;
  private final FitOptions o;
  /** Whether this fit's steps run in the engine's loop (steps_per_execution > 1): then every call runs it. */
  private boolean loops;

  FitLoop(Trainer trainer, Model model, FitOptions options) {
    this.trainer = trainer;
    this.model = model;
    this.o = options;
  }

  /**
   * Trains on {@code train}, whose first batches' functions are {@code traced} (prepared), validating on
   * {@code validation} (or not, when null); closes {@code validation}.
   */
  History run(DataAdapter train, StepFunctions.TrainData traced, DataAdapter validation) {
    assert train.weighted() == traced.weighted() : "fed and traced weighting differ";
    try (DataAdapter val = validation) {
      int spe = trainer.stepsPerExecution();
      loops = spe > 1 && trainer.functions.loops(traced);
      EpochIterator steps = new EpochIterator(train, o.stepsPerEpoch, spe, loops);
      CallbackList callbacks = new CallbackList(o.callbacks, true, o.verbose, model);
      callbacks.params(o.epochs, steps.numBatches());
      boolean batchLogs = callbacks.readsBatchLogs("train");
      model.stopTraining(false);
      train.reset();
      callbacks.onTrainBegin(new LinkedHashMap<>());
      Integer resume = model.takeResumeEpoch();
      Map<String, Double> trainingLogs = null;
      for (int epoch = resume != null ? resume : o.initialEpoch; epoch < o.epochs; epoch++) {
        trainer.functions.resetMetrics();
        callbacks.onEpochBegin(epoch, new LinkedHashMap<>());
        Map<String, Double> logs = epoch(epoch, train, steps, callbacks, batchLogs);
        if (val != null && (epoch + 1) % o.validationFreq == 0) { // also when a step stopped training, as Keras
          trainer.evaluate(val, callbacks, o.validationSteps, "validation_steps")
              .forEach((k, v) -> logs.put("val_" + k, v));
        }
        callbacks.onEpochEnd(epoch, logs);
        trainingLogs = logs;
        if (model.stopTraining()) {
          break;
        }
      }
      if (o.epochs > 0) {
        trainer.optimizer().finalizeVariableValues(model.trainableWeights()); // Keras: EMA weights at the end
      }
      callbacks.onTrainEnd(trainingLogs == null ? new LinkedHashMap<>() : new LinkedHashMap<>(trainingLogs));
      return callbacks.history();
    }
  }

  /** One pass of {@code steps}, each call with the train function of its data; returns the epoch's training logs. */
  private Map<String, Double> epoch(int epoch, DataAdapter train, EpochIterator steps, CallbackList callbacks,
      boolean batchLogs) {
    steps.beginEpoch(epoch);
    Map<String, Double> logs = null;
    for (Iterator<EpochIterator.Step> it = steps.iterator(); it.hasNext(); ) {
      EpochIterator.Step step = it.next();
      callbacks.onTrainBatchBegin(step.begin(), new LinkedHashMap<>());
      boolean last = !it.hasNext(); // the epoch's last call (a pass's end may come before steps_per_epoch)
      logs = call(train.trainFeeds(step.batches()), batchLogs || last);
      callbacks.onTrainBatchEnd(step.end(), logs);
      if (model.stopTraining()) { // after the step, as Keras checks: a stop asked before it still runs one step
        break;
      }
    }
    steps.endEpoch();
    if (logs == null) {
      // stopped early without fetching, or no steps
      logs = steps.numBatches() == 0 ? new LinkedHashMap<>() : trainer.functions.currentLogs();
    }
    return new LinkedHashMap<>(logs);
  }

  /**
   * Runs the calls of one step group in order, fetching the last one's logs when {@code fetch}; closes their feeds.
   * Each call's function is looked up there, as a callback may have closed or recompiled the model's functions.
   */
  private Map<String, Double> call(List<DataAdapter.Feeds> calls, boolean fetch) {
    Map<String, Double> logs = null;
    try {
      for (int i = 0; i < calls.size(); i++) {
        DataAdapter.Feeds feeds = calls.get(i);
        TracedFunction fn = trainer.functions.train(feeds.signature(), feeds.steps(), loops);
        logs = trainer.functions.run(fn, feeds.arrays(), fetch && i == calls.size() - 1);
      }
      return logs;
    } finally {
      calls.forEach(DataAdapter.Feeds::close);
    }
  }
}
