package io.keras4j.backend.tensorflow;

import org.tensorflow.ConcreteFunction;
import org.tensorflow.Signature;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;

/**
 * Loads, on a background thread when the engine starts, TensorFlow's native library and the classes that the first
 * session needs, and (when training is prepared, see {@link TensorFlowEngine#prepareTraining}) those the first traced
 * step loop needs: TensorFlow Java's function classes and the protocol-buffer descriptors
 * of function and signature definitions. Loading them costs a fresh JVM one to two seconds, once; without this
 * warm-up the first {@code predict} (the native library) and the first {@code fit} with {@code steps_per_execution > 1}
 * (the function classes) pay it, where the warm-up overlaps it with building or loading the model. Disabled by
 * {@code -Dkeras4j.warmUp=false}.
 *
 * <p>Porting note: Python's {@code import tensorflow} loads all of this before any model exists; a JVM loads classes
 * when first used.
 */
final class TFWarmUp {
  private static Thread session;
  private static boolean functions;

  private TFWarmUp() {}

  /** Starts the native library and session warm-up once per JVM (a daemon thread; failures are ignored). */
  static synchronized void start() {
    if (session == null && enabled()) {
      session = launch(TFWarmUp::runSession);
    }
  }

  /**
   * Starts the function classes' warm-up once per JVM, after the session's: only training's traced step loops need
   * them, so an engine started for loading a model defers it to {@code compile} (a third of a second of CPU that a
   * load and first predict on two cores would otherwise share with the load).
   */
  static synchronized void startFunctions() {
    if (functions || !enabled()) {
      return;
    }
    functions = true;
    start();
    Thread before = session;
    launch(() -> {
      try {
        before.join(); // one class loader at a time: the session's warm-up first, as when both started together
      } catch (InterruptedException e) {
        return;
      }
      runFunction();
    });
  }

  private static boolean enabled() {
    return !"false".equals(System.getProperty("keras4j.warmUp"));
  }

  private static Thread launch(Runnable r) {
    Thread t = new Thread(r, "keras4j-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
    return t;
  }

  /** Runs a one-op graph: the class and native paths of a session. */
  static void runSession() {
    try (org.tensorflow.Graph g = new org.tensorflow.Graph(); org.tensorflow.Session s = new org.tensorflow.Session(g)) {
      org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(g);
      s.runner().fetch(tf.math.add(tf.constant(1), tf.constant(2))).run().close();
      DirectRun.available(); // its handles' lookup, before the first traced function's call
    } catch (RuntimeException | LinkageError e) {
      // a warm-up only: what is missing loads when used
    }
  }

  /** Builds a one-op function: the class paths of a loop body. */
  static void runFunction() {
    try (ConcreteFunction fn = ConcreteFunction.create(tf -> {
      Placeholder<TInt32> x = tf.placeholder(TInt32.class);
      return Signature.builder().input("x", x).output("y", tf.identity(x)).build();
    })) {
      fn.signature();
    } catch (RuntimeException | LinkageError e) {
      // a warm-up only: the first loop loads what is missing
    }
  }
}
