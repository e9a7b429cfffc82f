package io.keras4j.backend.tensorflow;

import org.tensorflow.ConcreteFunction;
import org.tensorflow.Signature;
import org.tensorflow.op.core.Placeholder;
import org.tensorflow.types.TInt32;

/**
 * Loads, on a background thread when the engine starts, the classes that the first traced step loop needs: TensorFlow
 * Java's function classes and the protocol-buffer descriptors of function and signature definitions. Loading them
 * costs a fresh JVM some tenths of a second, once; without this warm-up the first {@code fit} with
 * {@code steps_per_execution > 1} pays it. Disabled by {@code -Dkeras4j.warmUp=false}.
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

  /** Builds and drops a one-op function: the same class and native paths a step loop's body takes. */
  static void run() {
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
