package io.keras4j.backend.tensorflow;

import org.tensorflow.Graph;
import org.tensorflow.internal.c_api.TF_Graph;

/**
 * TensorFlow Java's native handle of a graph, for the calls of TensorFlow's C API that TensorFlow Java does not wrap
 * ({@link ReluGradients}' gradient functions, {@link NodeOwners}' walk over the ops in creation order).
 */
final class NativeGraphs {
  private NativeGraphs() {}

  /** The {@code TF_Graph} of {@code graph}, read by reflection; null where the JVM refuses the read. */
  static TF_Graph handle(Graph graph) {
    try {
      java.lang.reflect.Field f = Graph.class.getDeclaredField("nativeHandle");
      f.setAccessible(true);
      return (TF_Graph) f.get(graph);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}
