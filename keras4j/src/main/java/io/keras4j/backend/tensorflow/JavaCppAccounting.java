package io.keras4j.backend.tensorflow;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Turns off JavaCPP's check of the process's physical memory on every native allocation, unless the user set it.
 *
 * <p>TensorFlow Java allocates through JavaCPP, which by default reads the process's resident size
 * ({@code Pointer.physicalBytesInaccurate}, a read of {@code /proc}) each time it registers a native object, to call
 * the garbage collector when the resident size passes {@code org.bytedeco.javacpp.maxPhysicalBytes}. A training or
 * predict step registers several (its feeds, fetches and output tensors), and the check took 8-13% of W1's step in
 * JFR profiles. keras4j closes every tensor, session and graph itself and never waits on the garbage collector for
 * native memory, so it sets the property to 0 (no check) before TensorFlow's classes load; JavaCPP's count of the
 * bytes it allocates itself ({@code org.bytedeco.javacpp.maxBytes}) stays on.
 *
 * <p>The property is read once, when JavaCPP's {@code Pointer} class initializes: a program that sets it on the
 * command line ({@code -Dorg.bytedeco.javacpp.maxPhysicalBytes=8g}) keeps its value, and a program that used
 * TensorFlow Java or JavaCPP before keras4j keeps JavaCPP's default.
 */
final class JavaCppAccounting {
  /** JavaCPP's system property: the resident size above which it collects garbage before allocating; 0 turns it off. */
  static final String PROPERTY = "org.bytedeco.javacpp.maxPhysicalBytes";
  private static final Logger LOG = LoggerFactory.getLogger(JavaCppAccounting.class);
  private static boolean configured;

  private JavaCppAccounting() {}

  /** Sets {@value #PROPERTY} to 0 unless the user set it; call before TensorFlow loads. Later calls do nothing. */
  static synchronized void configure() {
    if (configured) {
      return;
    }
    configured = true;
    String value = value(System.getProperty(PROPERTY));
    if (value == null) {
      LOG.debug("{} is set to {} by the user; left as it is", PROPERTY, System.getProperty(PROPERTY));
      return;
    }
    System.setProperty(PROPERTY, value);
  }

  /** The value to set, or null to leave the user's {@code current} value alone. */
  static String value(String current) {
    return current == null || current.isBlank() ? "0" : null;
  }
}
