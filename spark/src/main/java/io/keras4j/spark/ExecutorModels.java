package io.keras4j.spark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.spark.broadcast.Broadcast;

/**
 * The models loaded in this JVM (an executor, or the driver in local mode), kept for every later task and closed by
 * a shutdown hook.
 *
 * <p>A keras4j model runs one predict at a time, so the cache keeps, per model key, a pool of loaded copies: a task
 * borrows one for its partition and gives it back, and a copy is loaded only when every loaded one is busy. An
 * executor thus loads a model at most once per task slot ({@code spark.executor.cores}), however many partitions and
 * jobs it scores. Keras equivalent: none.
 */
final class ExecutorModels {
  private static final Map<String, Queue<Predictor>> IDLE = new ConcurrentHashMap<>();
  private static final Queue<Predictor> ALL = new ConcurrentLinkedQueue<>();
  private static final AtomicInteger LOADS = new AtomicInteger();

  static {
    Runtime.getRuntime().addShutdownHook(new Thread(ExecutorModels::closeAll, "keras4j-spark-models"));
  }

  private ExecutorModels() {}

  /** A loaded copy of {@code file}: an idle one, or a new one. Give it back with {@link #release}. */
  static Predictor borrow(ModelFile file) {
    Predictor p = IDLE.computeIfAbsent(file.key(), k -> new ConcurrentLinkedQueue<>()).poll();
    return p != null ? p : load(file);
  }

  /** Returns a copy borrowed for {@code file} to the pool. */
  static void release(ModelFile file, Predictor predictor) {
    IDLE.computeIfAbsent(file.key(), k -> new ConcurrentLinkedQueue<>()).add(predictor);
  }

  /** The pool of {@code file}'s copies as a scoring task sees it, shipped to executors with the task. */
  static PartitionScorer.Models of(Broadcast<ModelFile> file) {
    return new Pooled(file);
  }

  private record Pooled(Broadcast<ModelFile> file) implements PartitionScorer.Models {
    @Override
    public Predictor borrow() {
      return ExecutorModels.borrow(file.value());
    }

    @Override
    public void release(Predictor predictor) {
      ExecutorModels.release(file.value(), predictor);
    }
  }

  /** How many copies this JVM has loaded since it started (tests check that partitions share them). */
  static int loads() {
    return LOADS.get();
  }

  private static Predictor load(ModelFile file) {
    Path dir = null;
    try {
      dir = Files.createTempDirectory("keras4j-spark-model");
      Predictor p = Predictor.load(file.writeTo(dir), file.isSavedModel());
      ALL.add(p);
      LOADS.incrementAndGet();
      return p;
    } catch (IOException e) {
      throw new UncheckedIOException("KerasModelScorer: cannot write model " + file.key() + " to a temporary file", e);
    } finally {
      deleteQuietly(dir);
    }
  }

  /** Closes every loaded model (the shutdown hook; also for tests). */
  static synchronized void closeAll() {
    IDLE.clear();
    Predictor p;
    while ((p = ALL.poll()) != null) {
      try {
        p.close();
      } catch (RuntimeException ignored) {
        // the JVM is going down: close the others
      }
    }
  }

  private static void deleteQuietly(Path dir) {
    if (dir == null) {
      return;
    }
    try {
      for (Path p : ModelFile.contents(dir)) {
        Files.deleteIfExists(p);
      }
    } catch (IOException ignored) {
      // a temporary directory left behind is harmless
    }
  }
}
