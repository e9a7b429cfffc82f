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

  History run(List<HostArray> xs, List<HostArray> ys, float[] sw, int n, List<HostArray> vx, List<HostArray> vy,
      float[] vsw) {
    int steps = o.stepsPerEpoch != null ? o.stepsPerEpoch : (n + o.batchSize - 1) / o.batchSize;
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
    List<NativeArray> data = new ArrayList<>();
    Random random = Backend.random(null);
    try (NativeArray offset = Backend.scalar(0); NativeArray size = Backend.scalar(0)) {
      for (HostArray a : xs) {
        data.add(Backend.array(a.values(), a.shape()));
      }
      for (HostArray a : ys) {
        data.add(Backend.array(a.values(), a.shape()));
      }
      data.add(Backend.array(sw, Shape.of(n)));
      Map<String, Double> empty = new LinkedHashMap<>();
      callbacks.forEach(c -> c.onTrainBegin(empty));
      for (int epoch = o.initialEpoch; epoch < o.epochs && !model.stopTraining(); epoch++) {
        Map<String, Double> logs = epoch(epoch, steps, n, data, offset, size, random);
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

  private Map<String, Double> epoch(int epoch, int steps, int n, List<NativeArray> data, NativeArray offset,
      NativeArray size, Random random) {
    trainer.resetState();
    Map<String, Double> begin = new LinkedHashMap<>();
    callbacks.forEach(c -> c.onEpochBegin(epoch, begin));
    int[] perm = o.shuffle ? io.keras4j.data.Split.shuffled(n, random) : io.keras4j.data.Split.identity(n);
    Map<String, Double> logs = new LinkedHashMap<>();
    int batches = (n + o.batchSize - 1) / o.batchSize;
    int k = trainer.stepsPerExecution();
    try (NativeArray permArray = Backend.array(perm, Shape.of(n))) {
      List<NativeArray> feeds = new ArrayList<>(data);
      feeds.add(permArray);
      feeds.add(offset);
      feeds.add(size);
      for (int step = 0; step < steps && !model.stopTraining(); step++) {
        int batch = step % batches;
        int start = batch * o.batchSize;
        if (step % k == 0) {
          final int s = step;
          callbacks.forEach(c -> c.onTrainBatchBegin(s, new LinkedHashMap<>()));
        }
        offset.setInt(start);
        size.setInt(Math.min(o.batchSize, n - start));
        logs = trainer.trainStep(feeds);
        if ((step + 1) % k == 0 || step == steps - 1) {
          final int s = step;
          final Map<String, Double> l = logs;
          callbacks.forEach(c -> c.onTrainBatchEnd(s, l));
        }
      }
    }
    return new LinkedHashMap<>(logs);
  }
}
