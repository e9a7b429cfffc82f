package io.keras4j.models;

import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Lets one thread at a time run a model's fit, evaluate, predict or single-batch step; the same thread may nest
 * them (a callback that predicts inside fit). A second thread gets an {@link IllegalStateException} at once
 * instead of racing on the model's variables and losing steps.
 *
 * <p>Porting note: Keras models are not thread-safe either, but Python's global lock hides most races; in Java two
 * threads really run at once, so keras4j refuses the second call.
 */
final class RunGuard {
  private final ReentrantLock lock = new ReentrantLock();
  private volatile String running;

  <T> T run(String what, String model, Supplier<T> body) {
    if (!lock.tryLock()) {
      throw new IllegalStateException("Model '" + model + "' is already running `" + running + "` on another "
          + "thread; received a concurrent `" + what + "`. A model runs one fit, evaluate or predict at a time: "
          + "wait for the first call to return, or give each thread its own model.");
    }
    String outer = running;
    running = what;
    try {
      return body.get();
    } finally {
      running = outer;
      lock.unlock();
    }
  }
}
