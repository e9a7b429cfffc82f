package io.keras4j.backend;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.ServiceConfigurationError;
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
  /** How many unloadable providers in a row end the search (ServiceLoader moves past each). */
  private static final int MAX_FAILURES = 64;

  private Engines() {}

  /** The engine name the user asked for: {@value #PROPERTY}, else {@value #ENV}, else {@value #DEFAULT}. */
  public static String requested() {
    String name = System.getProperty(PROPERTY);
    if (name == null || name.isBlank()) {
      name = System.getenv(ENV);
    }
    return name == null || name.isBlank() ? DEFAULT : name.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Every engine found that can be created, in ServiceLoader order; a provider that fails to load or to be created
   * is left out.
   */
  public static List<Engine> available() {
    List<Engine> out = new ArrayList<>();
    for (ServiceLoader.Provider<Engine> p : providers(loader().stream().iterator())) {
      Engine e = create(p);
      if (e != null) {
        out.add(e);
      }
    }
    return out;
  }

  /**
   * The engine named {@code name}. Only that engine is created: the others' names are read from their
   * {@link EngineName} annotation, so a broken provider of another engine cannot fail the choice; an engine without
   * the annotation is created to ask its name only when no annotated engine matched.
   *
   * @throws IllegalStateException when no engine of that name is on the class or module path; the message lists the
   *     engines found
   */
  public static Engine load(String name) {
    return find(name, loader().stream().iterator());
  }

  private static ServiceLoader<Engine> loader() {
    return ServiceLoader.load(Engine.class, Engine.class.getClassLoader());
  }

  /** {@link #load} over the given providers. */
  static Engine find(String name, Iterator<ServiceLoader.Provider<Engine>> it) {
    List<ServiceLoader.Provider<Engine>> providers = providers(it);
    List<String> names = new ArrayList<>();
    for (ServiceLoader.Provider<Engine> p : providers) {
      EngineName n = p.type().getAnnotation(EngineName.class);
      if (n != null) {
        if (n.value().equalsIgnoreCase(name)) {
          return p.get();
        }
        names.add(n.value());
      }
    }
    for (ServiceLoader.Provider<Engine> p : providers) {
      if (p.type().getAnnotation(EngineName.class) == null) {
        Engine e = create(p);
        if (e != null && e.name().equalsIgnoreCase(name)) {
          return e;
        }
        if (e != null) {
          names.add(e.name());
        }
      }
    }
    throw new IllegalStateException("No keras4j engine named '" + name + "' (set by -D" + PROPERTY + " or " + ENV
        + "). Available: " + names + ". An engine is found through "
        + "META-INF/services/" + Engine.class.getName() + " in a jar on the class path, or a module that provides "
        + Engine.class.getName());
  }

  /** The providers of {@code it}, skipping those whose class cannot be loaded. */
  private static List<ServiceLoader.Provider<Engine>> providers(Iterator<ServiceLoader.Provider<Engine>> it) {
    List<ServiceLoader.Provider<Engine>> out = new ArrayList<>();
    for (int failures = 0; failures < MAX_FAILURES; ) {
      try {
        if (!it.hasNext()) {
          break;
        }
        out.add(it.next());
      } catch (ServiceConfigurationError e) {
        failures++; // a listed class that cannot be loaded: another engine's problem, not this choice's
      }
    }
    return out;
  }

  /** The engine of {@code p}, or null when creating it fails. */
  private static Engine create(ServiceLoader.Provider<Engine> p) {
    try {
      return p.get();
    } catch (ServiceConfigurationError | RuntimeException | LinkageError e) {
      return null;
    }
  }
}
