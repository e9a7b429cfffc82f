package io.keras4j.models;

import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Shape;
import io.keras4j.callbacks.Callback;
import io.keras4j.callbacks.History;
import io.keras4j.callbacks.ProgbarLogger;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The epoch and batch loop of {@code fit}, with its callbacks.
 *
 * <p>Keras equivalent: the loop in {@code keras.src.backend.tensorflow.trainer.TensorFlowTrainer.fit}.
 */
final class FitLoop {
  private final Trainer trainer;
  private final Model model;
  private final FitOptions o;
  private final List<Callback> callbacks = new ArrayList<>();
  private final History history = new History();

  FitLoop(Trainer trainer, Model model, FitOptions options) {
    this.trainer = trainer;
    this.model = model;
    this.o = options;
  }

  /** The epoch loop over a streamed dataset: one Session.run per batch, the batch copied in as it comes. */
  History run(io.keras4j.data.Dataset dataset) {
    int steps = o.stepsPerEpoch != null ? o.stepsPerEpoch : dataset.length();
    start(steps);
    Map<String, Double> empty = new LinkedHashMap<>();
    callbacks.forEach(c -> c.onTrainBegin(empty));
    for (int epoch = o.initialEpoch; epoch < o.epochs && !model.stopTraining(); epoch++) {
      trainer.resetState();
      final int e = epoch;
      callbacks.forEach(c -> c.onEpochBegin(e, new LinkedHashMap<>()));
      Map<String, Double> logs = new LinkedHashMap<>();
      for (int step = 0; step < steps && !model.stopTraining(); step++) {
        final int s = step;
        callbacks.forEach(c -> c.onTrainBatchBegin(s, new LinkedHashMap<>()));
        logs = trainer.trainBatch(dataset.get(step % dataset.length()));
        final Map<String, Double> l = logs;
        callbacks.forEach(c -> c.onTrainBatchEnd(s, l));
      }
      dataset.onEpochEnd();
      Map<String, Double> epochLogs = new LinkedHashMap<>(logs);
      if (o.validationX instanceof io.keras4j.data.Dataset val && !model.stopTraining()) {
        trainer.evaluate(val).forEach((k, v) -> epochLogs.put("val_" + k, v));
      }
      callbacks.forEach(c -> c.onEpochEnd(e, epochLogs));
    }
    Map<String, Double> end = new LinkedHashMap<>();
    callbacks.forEach(c -> c.onTrainEnd(end));
    return history;
  }

  private void start(int steps) {
    callbacks.add(history);
    callbacks.addAll(o.callbacks);
    if (o.verbose > 0) {
      ProgbarLogger bar = new ProgbarLogger(o.verbose);
      bar.params(o.epochs, steps);
      callbacks.add(bar);
    }
    for (Callback c : callbacks) {
      c.setModel(model);
    }
    model.stopTraining(false);
  }

  History run(List<HostArray> xs, List<HostArray> ys, float[] sw, int n, List<HostArray> vx, List<HostArray> vy,
      float[] vsw) {
    int steps = o.stepsPerEpoch != null ? o.stepsPerEpoch : (n + o.batchSize - 1) / o.batchSize;
    start(steps);
    List<NativeArray> data = new ArrayList<>();
    Random random = Backend.random(null);
    try {
      for (HostArray a : xs) {
        data.add(Backend.array(a.values(), a.shape()));
      }
      for (HostArray a : ys) {
        data.add(Backend.array(a.values(), a.shape()));
      }
      data.add(Backend.array(sw, Shape.of(n)));
      Map<String, Double> empty = new LinkedHashMap<>();
      callbacks.forEach(c -> c.onTrainBegin(empty));
      Integer resume = model.takeResumeEpoch();
      for (int epoch = resume != null ? resume : o.initialEpoch; epoch < o.epochs && !model.stopTraining(); epoch++) {
        Map<String, Double> logs = epoch(epoch, steps, n, data, random);
        if (vx != null && !model.stopTraining()) {
          Map<String, Double> val = trainer.evaluateArrays(vx, vy, vsw, o.batchSize);
          val.forEach((k, v) -> logs.put("val_" + k, v));
        }
        final int e = epoch;
        callbacks.forEach(c -> c.onEpochEnd(e, logs));
      }
      Map<String, Double> end = new LinkedHashMap<>();
      callbacks.forEach(c -> c.onTrainEnd(end));
    } finally {
      for (NativeArray a : data) {
        a.close();
      }
    }
    return history;
  }

  private Map<String, Double> epoch(int epoch, int steps, int n, List<NativeArray> data, Random random) {
    trainer.resetState();
    Map<String, Double> begin = new LinkedHashMap<>();
    callbacks.forEach(c -> c.onEpochBegin(epoch, begin));
    int[] perm = o.shuffle ? io.keras4j.data.Split.shuffled(n, random) : io.keras4j.data.Split.identity(n);
    Map<String, Double> logs = new LinkedHashMap<>();
    int batches = (n + o.batchSize - 1) / o.batchSize;
    int k = trainer.stepsPerExecution();
    boolean batchLogs = needsBatchLogs();
    try (NativeArray permArray = Backend.array(perm, Shape.of(n));
        NativeArray off1 = Backend.array(new int[1], Shape.of(1));
        NativeArray len1 = Backend.array(new int[1], Shape.of(1))) {
      for (int step = 0; step < steps && !model.stopTraining(); ) {
        int run = steps - step >= k ? k : 1;
        int[] offsets = new int[run];
        int[] sizes = new int[run];
        for (int i = 0; i < run; i++) {
          int start = ((step + i) % batches) * o.batchSize;
          offsets[i] = start;
          sizes[i] = Math.min(o.batchSize, n - start);
        }
        final int first = step;
        callbacks.forEach(c -> c.onTrainBatchBegin(first, new LinkedHashMap<>()));
        List<NativeArray> feeds = new ArrayList<>(data);
        feeds.add(permArray);
        NativeArray off = off1;
        NativeArray len = len1;
        if (run == 1) {
          // one step: reuse the fed one-element arrays instead of allocating tensors per step
          off1.setInt(offsets[0]);
          len1.setInt(sizes[0]);
        } else {
          off = Backend.array(offsets, Shape.of(run));
          len = Backend.array(sizes, Shape.of(run));
        }
        try {
          feeds.add(off);
          feeds.add(len);
          if (batchLogs) {
            logs = trainer.trainSteps(run, feeds);
          } else {
            trainer.trainStepsQuietly(run, feeds);
          }
        } finally {
          if (run != 1) {
            off.close();
            len.close();
          }
        }
        step += run;
        final int last = step - 1;
        final Map<String, Double> l = logs;
        callbacks.forEach(c -> c.onTrainBatchEnd(last, l));
      }
    }
    if (!batchLogs) {
      logs = trainer.currentLogs();
    }
    return new LinkedHashMap<>(logs);
  }

  /** True when a callback reads the logs of each batch (the progress bar, TerminateOnNaN, user callbacks). */
  private boolean needsBatchLogs() {
    for (Callback c : callbacks) {
      for (String m : new String[] {"onTrainBatchEnd", "onTrainBatchBegin"}) {
        try {
          if (c.getClass().getMethod(m, int.class, Map.class).getDeclaringClass() != Callback.class) {
            return true;
          }
        } catch (NoSuchMethodException e) {
          return true;
        }
      }
    }
    return false;
  }
}
