package io.keras4j.backend.tensorflow;

import static org.tensorflow.internal.c_api.global.tensorflow.TF_GraphNextOperation;
import static org.tensorflow.internal.c_api.global.tensorflow.TF_OperationName;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bytedeco.javacpp.PointerScope;
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
 * layer's; those made outside any layer's call (the loss, the optimizer) have no owner. A function's body (a loop
 * of {@code steps_per_execution} steps, a recurrence's step) is traced into a graph of its own: its owners are kept
 * under the function's name ({@link #noteFunction}), which TensorFlow's error names before the node.
 *
 * <p>A graph is traced by one thread at a time, as its ops are made; the methods are synchronized only so that the
 * map is safely read by the thread that runs the graph.
 */
final class NodeOwners implements AutoCloseable {
  /**
   * A frame of TensorFlow's error message: the node, after the functions it sits in, outermost first, where it is
   * in a function's body ({@code [[{{function_node body_1}}{{node MatMul}}]]}).
   */
  private static final Pattern NODE = Pattern.compile("\\[\\[((?:\\{\\{function_node [^}]+}})*)\\{\\{node ([^}]+)}}");
  private static final Pattern FUNCTION = Pattern.compile("\\{\\{function_node ([^}]+)}}");
  /**
   * The end of a node's frame and the frames after it, which name the ops that called the function holding the node
   * ({@code [[{{node MatMul}}]]\n\t [[steps_loop]]}), where TensorFlow runs a body as a function of its own.
   */
  private static final Pattern CALLERS = Pattern.compile("\\G[^\\[\\]]*]]((?:\\s*\\[\\[[^\\[\\]{}]+]])*)");
  /** The name TensorFlow gives the nodes it adds when it partitions a graph ({@code Mean/_29}), not a caller. */
  private static final Pattern PARTITION_NODE = Pattern.compile(".+/_\\d+");
  /** The record of a function name that bodies of different owners share (identical bodies, hashed alike). */
  private static final Body AMBIGUOUS = new Body(Map.of(), null);
  private static final Pattern CALLER = Pattern.compile("\\[\\[([^\\[\\]{}]+)]]");

  private final TF_Graph graph;
  /**
   * {@code TF_GraphNextOperation}'s position: the id of the last op walked (0 before the first), from which the call
   * moves on to the next op.
   */
  private long walked;
  private final Map<String, String> owners = new HashMap<>();
  /** The function bodies traced for this graph, by their names in its library ({@link #addFunction}). */
  private final Map<String, Body> bodies = new HashMap<>();
  /** The model graph's loop ops, by name, and the functions they call for their bodies. */
  private final Map<String, String> callers = new HashMap<>();
  /** The layer calls being traced, innermost first. */
  private final Deque<String> calls = new ArrayDeque<>();
  private boolean closed;

  /** A function body's owners: of its nodes that a layer's call made, and of the others ({@code rest}, or null). */
  private record Body(Map<String, String> owners, String rest) {}

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

  /**
   * Gives the ops made since the last walk to {@code owner}, or to none where it is null. The position's native
   * memory is this walk's own (a scope of its own, not a caller's {@code PointerScope}). Never called while
   * TensorFlow holds the graph's lock (inside a gradient function that {@code TF_AddGradients} calls), which
   * {@code TF_GraphNextOperation} takes.
   */
  private void walk(String owner) {
    if (closed) {
      return;
    }
    try (PointerScope scope = new PointerScope(); SizeTPointer position = new SizeTPointer(1)) {
      position.put(walked);
      while (true) {
        long last = position.get();
        TF_Operation op = TF_GraphNextOperation(graph, position);
        if (op == null || op.isNull()) {
          walked = last; // the call moves past the end first: the next op made will be at the end
          return;
        }
        if (owner != null) {
          owners.put(TF_OperationName(op).getString(), owner);
        }
      }
    }
  }

  /** The owner of the op named {@code node}, or null where no layer's call made it. */
  synchronized String owner(String node) {
    return owners.get(node);
  }

  /** The owner of the op named {@code node} in the body of the function {@code function}, or null. */
  synchronized String owner(String function, String node) {
    Body b = bodies.get(function);
    return b == null ? null : b.owners().getOrDefault(node, b.rest());
  }

  /** The layer call being traced innermost, or null outside every layer's call. */
  synchronized String current() {
    return calls.peek();
  }

  /**
   * Records the body of the function named {@code function} in this graph's library: its ops are {@code body}'s
   * owners' (the ops of a loop of steps, traced into the body's own graph; null where none were recorded), and
   * the others are {@code rest}'s (the layer whose call traced the function, such as the recurrent layer of an RNN's
   * step, or null).
   */
  synchronized void addFunction(String function, NodeOwners body, String rest) {
    Map<String, String> ops = body == null ? Map.of() : body.snapshot();
    if (!ops.isEmpty() || rest != null) {
      Body b = new Body(ops, rest);
      // TensorFlow names a function after a hash of its body: two layers' identical steps share one name
      bodies.merge(function, b, (old, added) -> old.equals(added) ? old : AMBIGUOUS);
    }
  }

  /** Records that the model graph's op {@code op} (a loop) calls {@code function} for its body. */
  synchronized void addCaller(String op, String function) {
    callers.put(op, function);
  }

  /**
   * Records {@code fn}, the body of the loop op {@code loop} of {@code caller}'s ops, in the model graph's owners:
   * its ops are {@code body}'s owners' where given (a loop of steps), the others the layer whose call traced it (a
   * recurrent layer's step).
   */
  static void noteFunction(TFOps caller, org.tensorflow.ConcreteFunction fn, NodeOwners body, String loop) {
    NodeOwners model = caller.graph().owners();
    NodeOwners here = caller.owners();
    if (model != null) {
      model.addFunction(fn.getDefinedName(), body, here == null ? null : here.current());
      if (here == model) {
        model.addCaller(loop, fn.getDefinedName());
      }
    }
  }

  private synchronized Map<String, String> snapshot() {
    return Map.copyOf(owners);
  }

  /**
   * {@code e} with the layer that made its failing node named first, as an exception of the same class whose cause
   * is {@code e}; {@code e} itself where its message names no node a layer made (a node of the loss, one that
   * TensorFlow's optimiser made, one in a function body not recorded here) or where its class cannot be made again.
   */
  RuntimeException explain(RuntimeException e) {
    String message = e.getMessage();
    if (message == null) {
      return e;
    }
    Matcher m = NODE.matcher(message);
    while (m.find()) {
      String function = innermost(m.group(1));
      String node = m.group(2);
      if (function == null) {
        Matcher after = CALLERS.matcher(message);
        List<String> calls = after.find(m.end()) ? callers(after.group(1)) : List.of();
        if (calls.size() > 1) {
          continue; // a body inside a body: its callers' names are the outer body's own
        }
        function = calls.isEmpty() ? null : calledBy(calls.get(0));
        if (!calls.isEmpty() && function == null) {
          continue;
        }
      }
      String owner = function == null ? owner(node) : owner(function, node);
      if (owner != null) {
        return withMessage(e, "Layer " + owner + ", at TensorFlow node " + node
            + (function == null ? "" : " of function " + function) + ": " + message);
      }
    }
    return e;
  }

  private static List<String> callers(String frames) {
    List<String> names = new ArrayList<>();
    for (Matcher c = CALLER.matcher(frames); c.find(); ) {
      if (!PARTITION_NODE.matcher(c.group(1)).matches()) {
        names.add(c.group(1));
      }
    }
    return names;
  }

  private synchronized String calledBy(String op) {
    return callers.get(op);
  }

  /** The last function named in {@code functions} (a frame's {@code {{function_node f}}} parts), or null. */
  private static String innermost(String functions) {
    String last = null;
    for (Matcher f = FUNCTION.matcher(functions); f.find(); ) {
      last = f.group(1);
    }
    return last;
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
      owners.clear();
      bodies.clear();
      callers.clear();
    }
  }
}
