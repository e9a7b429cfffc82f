package io.keras4j.backend;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.ServiceLoader;

/**
 * Finds the {@link Engine} implementations on the class or module path and picks the one the user asked for.
 *
 * <p>Keras equivalent: the backend choice Keras makes at import from the {@code KERAS_BACKEND} environment variable.
 * keras4j reads the system property {@code keras4j.backend} first, then {@code KERAS_BACKEND}, and defaults to
 * {@code "tensorflow"}. Engines are found with {@link ServiceLoader}: a jar offers one by listing its class in
 * {@code META-INF/services/io.keras4j.backend.Engine} (or {@code provides io.keras4j.backend.Engine with ...} in its
 * module descriptor).
 * <pre>{@code java -Dkeras4j.backend=tensorflow ...   // or KERAS_BACKEND=tensorflow}</pre>
 */
public final class Engines {
  /** The system property that names the engine. */
  public static final String PROPERTY = "keras4j.backend";
  /** The environment variable that names the engine when the property is not set (Keras' own). */
  public static final String ENV = "KERAS_BACKEND";
  /** The engine used when neither is set. */
  public static final String DEFAULT = "tensorflow";

  private Engines() {}

  /** The engine name the user asked for: {@value #PROPERTY}, else {@value #ENV}, else {@value #DEFAULT}. */
  public static String requested() {
    String name = System.getProperty(PROPERTY);
    if (name == null || name.isBlank()) {
      name = System.getenv(ENV);
    }
    return name == null || name.isBlank() ? DEFAULT : name.trim().toLowerCase(Locale.ROOT);
  }

  /** Every engine found, in ServiceLoader order. */
  public static List<Engine> available() {
    List<Engine> out = new ArrayList<>();
    ServiceLoader.load(Engine.class, Engine.class.getClassLoader()).forEach(out::add);
    return out;
  }

  /**
   * The engine named {@code name}.
   *
   * @throws IllegalStateException when no engine of that name is on the class or module path; the message lists the
   *     engines found
   */
  public static Engine load(String name) {
    List<Engine> found = available();
    for (Engine e : found) {
      if (e.name().equalsIgnoreCase(name)) {
        return e;
      }
    }
    throw new IllegalStateException("No keras4j engine named '" + name + "' (set by -D" + PROPERTY + " or " + ENV
        + "). Available: " + found.stream().map(Engine::name).toList() + ". An engine is found through "
        + "META-INF/services/" + Engine.class.getName() + " in a jar on the class path, or a module that provides "
        + Engine.class.getName());
  }
}
