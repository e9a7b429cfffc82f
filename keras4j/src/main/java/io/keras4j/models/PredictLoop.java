package io.keras4j.models;

import io.keras4j.backend.BatchHint;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Shape;
import io.keras4j.backend.TracedFunction;
import io.keras4j.callbacks.CallbackList;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * The loop of {@code predict} over array data: the batches of {@code x} (its first {@code steps} only, when given),
 * {@code steps_per_execution} of them per call and the batches left over in one call, each call's outputs copied into
 * one array per output, between the callbacks' predict hooks.
 *
 * <p>Keras equivalent: the loop of {@code TensorFlowTrainer.predict} (keras/src/backend/tensorflow/trainer.py):
 * <pre>
 * on_predict_begin
 * per step group: on_predict_batch_begin(begin), predict_function, on_predict_batch_end(end)
 * on_predict_end; the batches' outputs concatenated
 * </pre>
 */
final class PredictLoop {
  private final Trainer trainer;
  private final Model model;

  PredictLoop(Trainer trainer, Model model) {
    this.trainer = trainer;
    this.model = model;
  }

  /** Every output for each sample of {@code x}, or of its first {@code steps} batches. */
  List<HostArray> run(Object x, PredictOptions o) {
    // one walk of a nested x: its copy into native memory, made before anything runs, checks every row
    List<HostArray> xs = DataAdapters.nonEmpty(DataAdapters.arrays(x, "x", false));
    int n = DataAdapters.cardinality(xs, null);
    int batchSize = FitOptions.arrayBatchSize(o.batchSize, n, o.steps);
    return BatchHint.with(Math.min(batchSize, n), () -> predictBatches(xs, n, batchSize, o));
  }

  /** The outputs of {@code n} samples predicted in batches of {@code batchSize}. */
  private List<HostArray> predictBatches(List<HostArray> xs, int n, int batchSize, PredictOptions o) {
    trainer.checkInputs(xs);
    List<float[]> buffers = new ArrayList<>();
    List<Shape> outShapes = new ArrayList<>();
    CallbackList list = new CallbackList(o.callbacks, false, 0, model);
    try (ArrayDataAdapter data = DataAdapters.copied(new ArrayDataAdapter(xs, null, null, batchSize, null), "x")) {
      int spe = Math.min(trainer.stepsPerExecution(), data.numBatches());
      // steps_per_execution batches per call and the batches left over in one call, as Keras' loop
      int kerasSpe = trainer.stepsPerExecution(); // the iterator numbers calls by it, as Keras; spe traces the calls
      // asKeras: the first steps= batches in whole calls, its run-out warning naming steps
      EpochIterator epoch = new EpochIterator(data, o.steps, kerasSpe, true).asKeras("steps", kerasSpe);
      int rows = (int) Math.min(n, (long) epoch.epochBatches() * batchSize); // steps= may stop before the end
      TracedFunction traced = trainer.functions.predict(data, spe);
      for (int i = 0; i < traced.outputs().size(); i++) { // the predict step's outputs (predictStep may differ)
        Shape s = outputShape(traced.outputs().get(i).shape(), i).with(0, rows);
        if (!s.isFullyDefined()) {
          throw new IllegalStateException("Output shape " + s.with(0, -1) + " of model '" + model.name()
              + "' is not fully defined");
        }
        outShapes.add(s);
        buffers.add(new float[(int) s.size()]);
      }
      list.onPredictBegin(new LinkedHashMap<>());
      epoch.beginEpoch(0);
      for (EpochIterator.Step step : epoch) {
        list.onPredictBatchBegin(step.begin(), new LinkedHashMap<>());
        int[] batches = step.batches();
        int start = batches[0] * batchSize;
        int len = Math.min(batches.length * batchSize, n - start);
        boolean one = batches.length == 1;
        try (DataAdapter.Feeds feeds = one ? data.testFeeds(batches[0]) : data.predictFeeds(batches)) {
          // the batches left over run in one call of their own function
          TracedFunction fn = batches.length == spe ? traced : trainer.functions.predict(data, batches.length);
          List<NativeArray> res = fn.call(feeds.arrays());
          try {
            for (int out = 0; out < res.size(); out++) {
              int row = (int) (res.get(out).shape().size() / len);
              res.get(out).copyTo(buffers.get(out), start * row);
            }
          } finally {
            res.forEach(NativeArray::close);
          }
        }
        list.onPredictBatchEnd(step.end(), new LinkedHashMap<>()); // as Keras: batches 0-3 at 8 per call end at 7
      }
      epoch.endEpoch();
      list.onPredictEnd(new LinkedHashMap<>());
    }
    List<HostArray> result = new ArrayList<>();
    for (int i = 0; i < buffers.size(); i++) {
      result.add(new HostArray(buffers.get(i), outShapes.get(i)));
    }
    return result;
  }

  /** The static shape of predict output {@code i}: the model's output's when it fits the traced one (more known). */
  private Shape outputShape(Shape traced, int i) {
    List<KerasTensor> outs = model.outputs();
    if (i < outs.size() && outs.get(i).shape().rank() == traced.rank()
        && outs.get(i).shape().isCompatibleWith(traced)) {
      return outs.get(i).shape();
    }
    return traced;
  }
}
