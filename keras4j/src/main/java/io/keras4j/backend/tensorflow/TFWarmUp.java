package io.keras4j.backend.tensorflow;

import org.tensorflow.ConcreteFunction;
import org.tensorflow.Signature;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;

/**
 * Loads, on a background thread when the engine starts, TensorFlow's native library and the classes that the first
 * session and the first traced step loop need: TensorFlow Java's function classes and the protocol-buffer descriptors
 * of function and signature definitions. Loading them costs a fresh JVM one to two seconds, once; without this
 * warm-up the first {@code predict} (the native library) and the first {@code fit} with {@code steps_per_execution > 1}
 * (the function classes) pay it, where the warm-up overlaps it with building or loading the model. Disabled by
 * {@code -Dkeras4j.warmUp=false}.
 *
 * <p>Porting note: Python's {@code import tensorflow} loads all of this before any model exists; a JVM loads classes
 * when first used.
 */
final class TFWarmUp {
  private static boolean started;

  private TFWarmUp() {}

  /** Starts the warm-up once per JVM (a daemon thread; failures are ignored, the classes then load when used). */
  static synchronized void start() {
    if (started || "false".equals(System.getProperty("keras4j.warmUp"))) {
      return;
    }
    started = true;
    Thread t = new Thread(TFWarmUp::run, "keras4j-warm-up");
    t.setDaemon(true);
    t.setPriority(Thread.MIN_PRIORITY);
    t.start();
  }

  /** Runs a one-op graph and builds a one-op function: the class and native paths of a session and of a loop body. */
  static void run() {
    try (org.tensorflow.Graph g = new org.tensorflow.Graph(); org.tensorflow.Session s = new org.tensorflow.Session(g)) {
      org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(g);
      s.runner().fetch(tf.math.add(tf.constant(1), tf.constant(2))).run().close();
    } catch (RuntimeException | LinkageError e) {
      return; // a warm-up only: what is missing loads when used
    }
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
