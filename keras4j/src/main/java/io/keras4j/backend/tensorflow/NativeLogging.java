package io.keras4j.backend.tensorflow;

import com.sun.jna.Library;
import com.sun.jna.Native;
import com.sun.jna.Platform;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets TensorFlow's native log level before the native library loads, so that a program prints no TensorFlow
 * banner (oneDNN, cpu_feature_guard, MLIR) unless asked to.
 *
 * <p>TensorFlow's C++ logging reads {@code TF_CPP_MIN_LOG_LEVEL} from the process environment once, at its first
 * message: 0 shows everything, 1 hides INFO, 2 hides INFO and WARNING, 3 hides ERROR too. keras4j sets it to 2
 * unless the user set it already; the system property {@code keras4j.tf.logLevel} (0 to 3) picks another level.
 * {@code TF_ENABLE_ONEDNN_OPTS} and every other variable are left alone.
 *
 * <p>Porting note: Python Keras users set the variable before importing TensorFlow. Java cannot change its own
 * environment, so this class calls the C library's {@code setenv} ({@code _putenv_s} on Windows) through JNA. Where
 * that is not possible, TensorFlow keeps its own default and a debug message says so.
 */
public final class NativeLogging {
  /** The environment variable TensorFlow's C++ logging reads. */
  public static final String ENV = "TF_CPP_MIN_LOG_LEVEL";
  /** The system property that overrides keras4j's default level. */
  public static final String PROPERTY = "keras4j.tf.logLevel";
  /** keras4j's default: INFO and WARNING hidden, errors shown (TensorFlow's own default is 0, everything). */
  public static final String DEFAULT_LEVEL = "2";

  private static final Logger LOG = LoggerFactory.getLogger(NativeLogging.class);
  private static boolean configured;

  private NativeLogging() {}

  /**
   * Sets {@code TF_CPP_MIN_LOG_LEVEL} in the process environment when the user has not; call before the first use
   * of TensorFlow. Later calls do nothing.
   */
  public static synchronized void configure() {
    if (configured) {
      return;
    }
    configured = true;
    String level = level(System.getenv(ENV), System.getProperty(PROPERTY));
    if (level == null) {
      LOG.debug("{} is set to {} by the user; left as it is", ENV, System.getenv(ENV));
      return;
    }
    try {
      setenv(ENV, level);
      LOG.debug("{} set to {} before TensorFlow loads", ENV, level);
    } catch (Throwable e) { // JNA without a native part for this platform, or no C library found
      LOG.debug("Cannot set {} (TensorFlow keeps its default log level): {}", ENV, e.toString());
    }
  }

  /**
   * The value to set for {@code TF_CPP_MIN_LOG_LEVEL}, or null to leave the environment alone.
   *
   * @param env the variable's current value in the environment, null when unset
   * @param property the {@code keras4j.tf.logLevel} system property, null when unset
   * @return null when the user set the variable (it wins over the property); else the property when it is one of
   *     0, 1, 2, 3; else {@link #DEFAULT_LEVEL} (with a warning when the property is set to something else)
   */
  static String level(String env, String property) {
    if (env != null && !env.isEmpty()) {
      return null;
    }
    if (property == null || property.isBlank()) {
      return DEFAULT_LEVEL;
    }
    String p = property.trim();
    if (p.length() == 1 && p.charAt(0) >= '0' && p.charAt(0) <= '3') {
      return p;
    }
    LOG.warn("-D{} must be 0 (all messages), 1 (no INFO), 2 (no INFO or WARNING) or 3 (no ERROR either). "
        + "Received: {}; using {}", PROPERTY, property, DEFAULT_LEVEL);
    return DEFAULT_LEVEL;
  }

  private static void setenv(String name, String value) {
    if (Platform.isWindows()) {
      // TensorFlow's Windows build reads the environment through the universal C runtime
      int rc = Native.load("ucrtbase", WindowsCrt.class)._putenv_s(name, value);
      if (rc != 0) {
        throw new IllegalStateException("_putenv_s returned " + rc);
      }
    } else {
      int rc = Native.load(Platform.C_LIBRARY_NAME, PosixC.class).setenv(name, value, 0);
      if (rc != 0) {
        throw new IllegalStateException("setenv returned " + rc);
      }
    }
  }

  /** The POSIX C library's {@code setenv}. */
  public interface PosixC extends Library {
    int setenv(String name, String value, int overwrite);
  }

  /** The Windows C runtime's {@code _putenv_s}. */
  public interface WindowsCrt extends Library {
    int _putenv_s(String name, String value);
  }
}
