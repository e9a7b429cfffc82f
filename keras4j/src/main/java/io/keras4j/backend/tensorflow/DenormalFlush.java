package io.keras4j.backend.tensorflow;

import com.sun.jna.Memory;
import com.sun.jna.Native;
import com.sun.jna.NativeLibrary;
import com.sun.jna.Platform;
import com.sun.jna.Pointer;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * TensorFlow's floating-point environment around a run in a Java thread: denormal numbers flushed to zero (the x86-64
 * MXCSR bits FTZ and DAZ) while the run's kernels execute, and the thread's own environment restored after it.
 *
 * <p>TensorFlow equivalent: {@code port::ScopedFlushDenormal}. TensorFlow's thread pools set that environment in
 * every thread they start, and its eager ops set it around each kernel, so Keras' kernels flush denormals. A session
 * run inline ({@code inter_op_thread_pool = -1}) executes its kernels in the calling thread instead, which a JVM
 * starts with denormals kept (Java's arithmetic needs them). There, products that reach denormal values (a GRU's
 * gradients through 200 steps) took microcode assists on an Intel Xeon: W5g's GRU training ran at 302 samples/s
 * inline against 1,881-1,904 with this ({@code PerfLoop w5g_train}, docs/performance.md, 12-07 evening), and the
 * results differed from Keras' in the denormal range.
 *
 * <p>The environment is read and written by the C math library's {@code fegetenv} and {@code fesetenv} (glibc's
 * libm; JNA's direct mapping) on a 32-byte {@code fenv_t} whose last four bytes are MXCSR. Where that is not there
 * (not Linux on x86-64), or does not do what it should (checked once, when this class loads, with a warning when it
 * fails; for example under the JVM's {@code -Xcheck:jni} or {@code -XX:+RestoreMXCSROnJNICalls}, which reset MXCSR
 * at every return from native code), or where the system property {@code keras4j.tensorflow.flushDenormals} is
 * {@code false}, {@link #current} returns null and runs keep the thread's environment. Between {@link #enter} and
 * {@link #exit} the thread runs only TensorFlow Java's call of the session (no arithmetic of keras4j's or of the
 * caller's); Java code that native code calls back into starts with the JVM's own environment. A virtual thread
 * that a run through {@code Session.Runner} parks may resume on another carrier thread, which the flush does not
 * follow; the run's kernels then keep denormals, as before this class.
 */
final class DenormalFlush {
  private static final int FENV_BYTES = 32;
  /** The offset in {@code fenv_t} of MXCSR ({@code __mxcsr}, bytes 28-31). */
  private static final int MXCSR_OFFSET = 28;
  /** MXCSR's flush-to-zero (bit 15) and denormals-are-zero (bit 6). */
  private static final int FTZ_DAZ = 0x8040;
  /** MXCSR's control bits (exception masks, rounding, FTZ, DAZ), without the sticky exception flags. */
  private static final int CONTROL = 0xffc0;
  /** Where the functions are: glibc's math library, else the process' C library (musl has both in one). */
  private static final String[] LIBRARIES = {"libm.so.6", "m", Platform.C_LIBRARY_NAME};
  private static final Logger LOG = LoggerFactory.getLogger(DenormalFlush.class);
  private static final boolean AVAILABLE = register();
  private static final ThreadLocal<DenormalFlush> THREAD = ThreadLocal.withInitial(DenormalFlush::new);

  /** The saved and the flushing environment, freed by the garbage collector with this. */
  private final Memory memory = new Memory(2 * FENV_BYTES);
  private final long saved = Pointer.nativeValue(memory);
  private final long flushed = saved + FENV_BYTES;
  private final ByteBuffer bytes = memory.getByteBuffer(0, 2 * FENV_BYTES).order(ByteOrder.nativeOrder());
  /** Runs entered and not yet exited (a nested run keeps the outer run's saved environment). */
  private int depth;

  private DenormalFlush() {}

  private static native int fegetenv(long envp);

  private static native int fesetenv(long envp);

  /** Whether runs flush denormals (decided once, when this class loads). */
  static boolean available() {
    return AVAILABLE;
  }

  /** The calling thread's environments, or null where denormals are not flushed (see the class comment). */
  static DenormalFlush current() {
    return AVAILABLE ? THREAD.get() : null;
  }

  /**
   * For a run that executes its ops in the calling thread ({@code inline}): the thread's environments, entered (see
   * {@link #enter}); null, having done nothing, for a run on the pool or where denormals are not flushed. The run's
   * {@code finally} passes it to {@link #exit(DenormalFlush)}.
   */
  static DenormalFlush enterFor(boolean inline) {
    DenormalFlush flush = inline ? current() : null;
    if (flush != null) {
      flush.enter();
    }
    return flush;
  }

  /** Exits {@code flush} unless it is null (see {@link #enterFor}). */
  static void exit(DenormalFlush flush) {
    if (flush != null) {
      flush.exit();
    }
  }

  /** Saves the calling thread's environment and sets it to flush denormals; {@link #exit} restores it. */
  void enter() {
    if (depth++ > 0) {
      return;
    }
    fegetenv(saved);
    bytes.put(FENV_BYTES, bytes, 0, FENV_BYTES); // (Java 16's absolute bulk put)
    bytes.putInt(FENV_BYTES + MXCSR_OFFSET, bytes.getInt(MXCSR_OFFSET) | FTZ_DAZ);
    fesetenv(flushed);
  }

  /** Restores the environment {@link #enter} saved. */
  void exit() {
    if (--depth == 0) {
      fesetenv(saved);
    }
  }

  private static boolean register() {
    if ("false".equals(System.getProperty("keras4j.tensorflow.flushDenormals"))
        || !Platform.isLinux() || !Platform.isIntel() || !Platform.is64Bit()) {
      return false;
    }
    for (String library : LIBRARIES) {
      try {
        Native.register(DenormalFlush.class, NativeLibrary.getInstance(library));
        if (check()) {
          return true;
        }
        break;
      } catch (Throwable e) { // not this library, or no such functions in it: the next one
        LOG.debug("fegetenv/fesetenv not registered from {}: {}", library, e.toString());
      }
    }
    LOG.warn("Inline TensorFlow runs keep denormal numbers: MXCSR could not be set through fegetenv/fesetenv "
        + "(-Xcheck:jni and -XX:+RestoreMXCSROnJNICalls reset it); computations that reach denormals run slower than "
        + "on TensorFlow's own threads. -Dkeras4j.tensorflow.flushDenormals=false silences this.");
    return false;
  }

  /** Whether entering and exiting set and restore MXCSR's control bits, in this thread. */
  private static boolean check() {
    DenormalFlush f = new DenormalFlush();
    try (Memory read = new Memory(FENV_BYTES)) {
      ByteBuffer readBytes = read.getByteBuffer(0, FENV_BYTES).order(ByteOrder.nativeOrder());
      int during;
      f.enter();
      try {
        fegetenv(Pointer.nativeValue(read));
        during = readBytes.getInt(MXCSR_OFFSET);
      } finally {
        f.exit();
      }
      fegetenv(Pointer.nativeValue(read));
      int before = f.bytes.getInt(MXCSR_OFFSET);
      int after = readBytes.getInt(MXCSR_OFFSET);
      return (during & FTZ_DAZ) == FTZ_DAZ && (after & CONTROL) == (before & CONTROL);
    }
  }
}
