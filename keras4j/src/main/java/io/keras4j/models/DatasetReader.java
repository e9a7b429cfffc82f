package io.keras4j.models;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Reads the batches of one epoch ahead of the steps that take them, on worker threads and in step order, so that
 * loading a batch overlaps training on the ones before it.
 *
 * <p>Keras equivalent: the {@code OrderedEnqueuer} that {@code PyDatasetAdapter} starts for a {@code PyDataset} of
 * {@code workers > 1}, or {@code workers > 0} with {@code use_multiprocessing} (that many threads or processes, at
 * most {@code max_queue_size} batches ahead), and otherwise the {@code prefetch} of the {@code tf.data} pipeline its
 * TensorFlow backend reads the batches through (one thread). Porting notes: {@code use_multiprocessing=True} reads
 * on threads too, as one JVM runs the whole fit; one worker reads at most {@code max_queue_size} batches ahead as
 * well, where {@code tf.data} sizes its buffer itself.
 * <pre>{@code
 * reader.start(0, steps);        // on_epoch_begin: the first batches are being read
 * T batch = reader.take(0);      // each step, in order
 * reader.stop();                 // on_epoch_end: batches read ahead and not taken are dropped
 * }</pre>
 */
final class DatasetReader<T> implements AutoCloseable {
  private static final AtomicInteger THREADS = new AtomicInteger();

  private final IntFunction<T> read;
  private final int workers;
  private final int ahead;
  private final Map<Integer, Future<T>> pending = new HashMap<>();
  private final List<Thread> threads = Collections.synchronizedList(new ArrayList<>());
  private ExecutorService pool;
  private volatile int pass;
  private int end;
  private int next;

  /**
   * A reader of {@code read(position)} on {@code workers} threads (one when fewer), at most {@code ahead} positions
   * beyond the one taken ({@code 0}: the whole pass, as Keras' queue of size 0 is unbounded).
   */
  DatasetReader(IntFunction<T> read, int workers, int ahead) {
    this.read = read;
    this.workers = Math.max(1, workers);
    this.ahead = ahead <= 0 ? Integer.MAX_VALUE : ahead;
  }

  /** Starts reading positions {@code from} to {@code to - 1}: the first ones are submitted now. */
  void start(int from, int to) {
    stop();
    next = from;
    end = to;
    submitUpTo(from);
  }

  /**
   * The batch of step {@code position}, waiting for it when it is still being read; an error of its reading is
   * thrown here. A position not submitted (taken twice, or outside the started range) is read now, on this thread.
   */
  T take(int position) {
    submitUpTo(position);
    Future<T> f = pending.get(position);
    if (f == null) {
      return read.apply(position);
    }
    try {
      T batch = f.get();
      pending.remove(position);
      return batch;
    } catch (InterruptedException e) { // left pending: stop() waits for it
      Thread.currentThread().interrupt();
      throw new IllegalStateException("Interrupted while waiting for batch " + position + " of the dataset", e);
    } catch (ExecutionException e) {
      pending.remove(position);
      throw rethrown(e.getCause());
    }
  }

  private static RuntimeException rethrown(Throwable cause) {
    if (cause instanceof RuntimeException r) {
      return r;
    }
    if (cause instanceof Error err) {
      throw err;
    }
    return new IllegalStateException("Reading a batch of the dataset failed: " + cause, cause);
  }

  private void submitUpTo(int position) {
    next = Math.max(next, position);
    long last = Math.min((long) position + ahead, end - 1L);
    while (next <= last) {
      final int p = next++;
      final int of = pass;
      pending.put(p, pool().submit(() -> of == pass ? read.apply(p) : null)); // null: dropped at the pass's end
    }
  }

  private ExecutorService pool() {
    if (pool == null) {
      ThreadFactory daemons = r -> {
        Thread t = new Thread(r, "keras4j-dataset-reader-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        threads.add(t);
        return t;
      };
      pool = Executors.newFixedThreadPool(workers, daemons);
    }
    return pool;
  }

  /** Ends the pass: batches not yet read are dropped and those being read waited for, so none is read after. */
  void stop() {
    pass++;
    boolean interrupted = false;
    for (Future<T> f : pending.values()) {
      while (true) {
        try {
          f.get(); // uninterruptibly: no read of this pass may outlive it
          break;
        } catch (ExecutionException e) {
          break; // failed for a step that will not run
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
    pending.clear();
    next = 0;
    end = 0;
  }

  @Override
  public void close() {
    stop();
    if (pool != null) {
      pool.shutdownNow(); // its threads are idle: they end at once
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10); // for all of them together
      try {
        synchronized (threads) {
          for (Thread t : threads) {
            t.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
          }
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      threads.clear();
      pool = null;
    }
  }
}
