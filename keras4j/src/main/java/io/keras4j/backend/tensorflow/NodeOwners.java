package io.keras4j.backend.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphNextOperation;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OperationName;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.SizeTPointer;
import org.tensorflow.internal.c_api.TF_Graph;
import org.tensorflow.internal.c_api.TF_Operation;

/**
 * Which layer's call added each op of a graph, so that an error of a kernel names the layer it belongs to.
 *
 * <p>Keras equivalent: the name scope Keras enters for each layer's call ({@code backend.name_scope(self.name)} in
 * {@code Layer.__call__}), which puts the layer's name in TensorFlow's node names and so in TensorFlow's errors
 * ("Detected at node sequential/embedding/GatherV2"). keras4j's node names carry no scope: TensorFlow Java's
 * {@code Ops.withSubScope} reads the name of every op in the graph each time it makes a scope, once per layer call,
 * a cost that grows with the square of the model's size. The owners are recorded here instead, by walking the
 * graph's ops in creation order ({@code TF_GraphNextOperation}) from where the last walk stopped, so each op is read
 * once: the ops made between the start of a layer's call and the start of a call nested in it, or its end, are that
 * layer's; those made outside any layer's call (the loss, the optimizer) have no owner.
 *
 * <p>A graph is traced by one thread at a time, as its ops are made; the methods are synchronized only so that the
 * map is safely read by the thread that runs the graph.
 */
final class NodeOwners implements AutoCloseable {
  /** A frame of TensorFlow's error message that names a node of the graph itself (not of a function's body). */
  private static final Pattern NODE = Pattern.compile("\\[\\[\\{\\{node ([^}]+)}}");

  private final TF_Graph graph;
  /**
   * {@code TF_GraphNextOperation}'s position: the id of the last op given its owner (0 before the first), from which
   * the call moves on to the next op.
   */
  private final SizeTPointer walked = new SizeTPointer(1).put(0L);
  private final Map<String, String> owners = new HashMap<>();
  /** The layer calls being traced, innermost first. */
  private final Deque<String> calls = new ArrayDeque<>();
  private boolean closed;

  NodeOwners(TF_Graph graph) {
    this.graph = graph;
  }

  /**
   * Runs {@code body}, the call of the layer that {@code owner} describes (for example {@code "'embedding'
   * (Embedding)"}); the ops it adds to the graph, and not to a layer called inside it, are that layer's.
   */
  <T> T run(String owner, Supplier<T> body) {
    enter(owner);
    try {
      return body.get();
    } finally {
      exit();
    }
  }

  private synchronized void enter(String owner) {
    walk(calls.peek());
    calls.push(owner);
  }

  private synchronized void exit() {
    walk(calls.pop());
  }

  /** Gives the ops made since the last walk to {@code owner}, or to none where it is null. */
  private void walk(String owner) {
    if (closed) {
      return;
    }
    while (true) {
      long last = walked.get();
      TF_Operation op = TF_GraphNextOperation(graph, walked);
      if (op == null || op.isNull()) {
        walked.put(last); // the call moves past the end first: the next op made will be at the end
        return;
      }
      if (owner != null) {
        owners.put(TF_OperationName(op).getString(), owner);
      }
    }
  }

  /** The owner of the op named {@code node}, or null where no layer's call made it. */
  synchronized String owner(String node) {
    return owners.get(node);
  }

  /**
   * {@code e} with the layer that made its failing node named first, as an exception of the same class whose cause
   * is {@code e}; {@code e} itself where its message names no node a layer made (a node of the loss, one that
   * TensorFlow's optimiser made, a node inside a loop's body) or where its class cannot be made again.
   */
  RuntimeException explain(RuntimeException e) {
    String message = e.getMessage();
    if (message == null) {
      return e;
    }
    Matcher m = NODE.matcher(message);
    while (m.find()) {
      String owner = owner(m.group(1));
      if (owner != null) {
        return withMessage(e, "Layer " + owner + ", at TensorFlow node " + m.group(1) + ": " + message);
      }
    }
    return e;
  }

  private static RuntimeException withMessage(RuntimeException e, String message) {
    try {
      return e.getClass().getConstructor(String.class, Throwable.class).newInstance(message, e);
    } catch (ReflectiveOperationException | RuntimeException notMade) {
      return e;
    }
  }

  @Override
  public synchronized void close() {
    if (!closed) {
      closed = true;
      walked.close();
      owners.clear();
    }
  }
}
