package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.callbacks.Callback;
import io.keras4j.data.Dataset;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Input;
import io.keras4j.optimizers.SGD;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@code Dataset}'s batches read ahead of the steps on worker threads, as Keras reads a {@code PyDataset} through
 * its enqueuer ({@code workers > 1}) or its tf.data prefetch (one worker): the same training, sooner.
 */
class DatasetReaderTest {
  /** Eight batches of two samples of y = 2x, recording which thread read each and every hook, in order. */
  private static class Logged extends Dataset {
    final List<String> events = Collections.synchronizedList(new ArrayList<>());
    final Set<String> threads = Collections.synchronizedSet(new HashSet<>());
    final long sleepMillis;

    Logged(int workers, int maxQueueSize, long sleepMillis) {
      super(workers, false, maxQueueSize);
      this.sleepMillis = sleepMillis;
    }

    @Override
    public int length() {
      return 8;
    }

    @Override
    public Batch get(int index) {
      events.add("get " + index);
      threads.add(Thread.currentThread().getName());
      try {
        Thread.sleep(sleepMillis);
      } catch (InterruptedException e) {
        throw new IllegalStateException(e);
      }
      float a = index;
      float b = index + 0.5f;
      return Batch.of(new float[][] {{a / 8}, {b / 8}}, new float[] {a / 4, b / 4});
    }

    @Override
    public void onEpochBegin() {
      events.add("begin");
    }

    @Override
    public void onEpochEnd() {
      events.add("end");
    }
  }

  private static Model model() {
    Backend.setRandomSeed(5);
    KerasTensor in = Input.of(1);
    Model m = new Model(in, new Dense(1).apply(in));
    m.compile(new CompileOptions().optimizer(new SGD(0.1)).loss("mse"));
    return m;
  }

  private static float[] trained(Dataset data, FitOptions options) {
    try (Model m = model()) {
      m.fit(data, options.verbose(0));
      return m.getWeights().get(0).toFloatArray();
    }
  }

  /** The reader threads that read a batch (the first batch is read on the fit's thread, for its shapes). */
  private static long readers(Logged data) {
    return data.threads.stream().filter(t -> t.startsWith("keras4j-dataset-reader-")).count();
  }

  @Test
  void severalWorkersTrainAsOneInTheSameOrder() {
    Logged one = new Logged(1, 10, 0);
    Logged four = new Logged(4, 10, 20);
    float[] w1 = trained(one, new FitOptions().epochs(2).shuffle(false));
    float[] w4 = trained(four, new FitOptions().epochs(2).shuffle(false));
    assertArrayEquals(w1, w4, "the steps take the batches in order, whichever thread read them");
    assertEquals(1, readers(one), one.threads.toString());
    assertTrue(readers(four) >= 2, four.threads.toString());
  }

  /** At the end of step 0, batch 1 is already being read: loading overlaps training. */
  @Test
  void theNextBatchIsReadWhileAStepRuns() throws InterruptedException {
    CountDownLatch secondRead = new CountDownLatch(1);
    Dataset data = new Logged(1, 10, 0) {
      @Override
      public Batch get(int index) {
        if (index == 1) {
          secondRead.countDown();
        }
        return super.get(index);
      }
    };
    List<Boolean> aheadAtStep0 = new ArrayList<>();
    Callback waiter = new Callback() {
      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        if (batch == 0) {
          try {
            aheadAtStep0.add(secondRead.await(10, TimeUnit.SECONDS));
          } catch (InterruptedException e) {
            throw new IllegalStateException(e);
          }
        }
      }
    };
    trained(data, new FitOptions().epochs(1).shuffle(false).callbacks(waiter));
    assertEquals(List.of(true), aheadAtStep0);
  }

  /**
   * Two steps per epoch of eight batches, two ahead: epoch e reads batches 2e and 2e + 1 only (the pass goes on, as
   * Keras' steps_per_epoch), nothing after its end nor before its begin.
   */
  @Test
  void batchesAreReadWithinTheirEpoch() {
    Logged data = new Logged(2, 2, 5);
    trained(data, new FitOptions().epochs(3).stepsPerEpoch(2).shuffle(false));
    List<String> events = new ArrayList<>(data.events);
    events.remove("get 0"); // the first batch, read once before the fit for its shapes
    List<List<String>> epochs = new ArrayList<>();
    List<String> current = null;
    for (String e : events) {
      if (e.equals("begin")) {
        current = new ArrayList<>();
        epochs.add(current);
      } else if (e.equals("end")) {
        current = null;
      } else {
        assertTrue(current != null, e + " outside an epoch: " + events);
        current.add(e);
      }
    }
    assertEquals(List.of(List.of("get 0", "get 1"), List.of("get 2", "get 3"), List.of("get 4", "get 5")),
        epochs.stream().map(l -> l.stream().sorted().toList()).toList(), events.toString());
  }

  @Test
  void anErrorOfAReadIsThrownAtItsStep() {
    Dataset broken = new Logged(3, 10, 0) {
      @Override
      public Batch get(int index) {
        if (index == 5) {
          throw new IllegalArgumentException("file 5 is unreadable");
        }
        return super.get(index);
      }
    };
    List<Integer> stepsRun = new ArrayList<>();
    Callback steps = new Callback() {
      @Override
      public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
        stepsRun.add(batch);
      }
    };
    try (Model m = model()) {
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
          () -> m.fit(broken, new FitOptions().shuffle(false).verbose(0).callbacks(steps)));
      assertEquals("file 5 is unreadable", e.getMessage());
    }
    assertEquals(List.of(0, 1, 2, 3, 4), stepsRun, "the steps before the broken batch ran");
    assertEquals(0, liveReaders(), "the reader threads end with the failed fit");
  }

  private static long liveReaders() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().startsWith("keras4j-dataset-reader-") && t.isAlive()).count();
  }

  /**
   * As Keras: the dataset's on_epoch_end also runs once before each fit, evaluation and validation (its epoch
   * iterator's reset), then on_epoch_begin and on_epoch_end around each epoch; no reader thread outlives the fit.
   */
  @Test
  void epochHooksInKerasOrder() {
    Logged train = new Logged(1, 10, 0);
    Logged validation = new Logged(1, 10, 0);
    try (Model m = model()) {
      m.fit(train, new FitOptions().epochs(2).validationData(validation).shuffle(false).verbose(0));
    }
    assertEquals(List.of("end", "begin", "end", "begin", "end"), hooks(train));
    assertEquals(List.of("end", "begin", "end", "end", "begin", "end"), hooks(validation));
    assertEquals(0, liveReaders());
  }

  private static List<String> hooks(Logged data) {
    return data.events.stream().filter(e -> !e.startsWith("get")).toList();
  }

  @Test
  void negativeWorkersAreRefused() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Logged(-1, 10, 0));
    assertEquals("Expected workers >= 0 and max_queue_size >= 0. Received: workers=-1, max_queue_size=10",
        e.getMessage());
  }
}
