package io.keras4j.saving;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes custom classes and functions known by name to every load inside a {@code try} block of this thread.
 *
 * <p>Keras equivalent: {@code keras.saving.CustomObjectScope(custom_objects)}, also spelled
 * {@code keras.saving.custom_object_scope}. Names in a scope are looked up before the registered ones
 * ({@link KerasObjects#registerKerasSerializable}) and the {@code customObjects} of a load call, as Keras' lookup
 * does; inner scopes before outer ones.
 * <pre>{@code
 * try (CustomObjectScope scope = new CustomObjectScope(Map.of("Scale", (Function<Map<String, Object>, Layer>) Scale::fromConfig))) {
 *   Model m = Models.loadModel(Path.of("scaled.keras"));
 * }
 * }</pre>
 * A value is a config reader ({@code Function<Map<String, Object>, ?>}, such as {@code Scale::fromConfig}), a
 * {@code Class} with a static {@code fromConfig(Map)} method, or an object used as it is (an activation function, a
 * loss instance). Porting note: Python's {@code with} is Java's try-with-resources; the scope holds for the thread
 * that opened it only, as Keras' is thread-local.
 */
public final class CustomObjectScope implements AutoCloseable {
  private static final ThreadLocal<Deque<CustomObjectScope>> OPEN = ThreadLocal.withInitial(ArrayDeque::new);
  private final Map<String, Object> objects;
  private final Thread owner = Thread.currentThread();
  private boolean closed;

  /** Opens a scope in which {@code customObjects} (names to readers, classes or objects) resolve. */
  public CustomObjectScope(Map<String, ?> customObjects) {
    if (customObjects == null) {
      throw new IllegalArgumentException("CustomObjectScope: custom_objects must be a map of names to classes, "
          + "config readers or objects. Received: null");
    }
    this.objects = new LinkedHashMap<>(customObjects);
    this.objects.forEach(CustomObjectScope::check);
    OPEN.get().push(this);
  }

  /** Keras' spelling {@code custom_object_scope(custom_objects)}: the same as the constructor. */
  public static CustomObjectScope customObjectScope(Map<String, ?> customObjects) {
    return new CustomObjectScope(customObjects);
  }

  /** The objects of this scope, by name. */
  public Map<String, Object> customObjects() {
    return Map.copyOf(objects);
  }

  /** Closes the scope; scopes close in the reverse order of opening, on the thread that opened them. */
  @Override
  public void close() {
    if (closed) {
      return;
    }
    if (Thread.currentThread() != owner || OPEN.get().peek() != this) {
      throw new IllegalStateException("CustomObjectScope closed out of order or on another thread than the one "
          + "that opened it (" + owner.getName() + "); close scopes innermost first, as try-with-resources does");
    }
    OPEN.get().pop();
    closed = true;
  }

  /** The object named {@code name} in the innermost open scope of this thread that has it, or null. */
  static Object lookup(String name) {
    for (CustomObjectScope s : OPEN.get()) {
      Object o = s.objects.get(name);
      if (o != null) {
        return o;
      }
    }
    return null;
  }

  static void check(String name, Object value) {
    if (name == null || name.isEmpty() || value == null) {
      throw new IllegalArgumentException("custom_objects: each entry needs a non-empty name and a class, config "
          + "reader or object. Received: " + name + "=" + value);
    }
  }
}
