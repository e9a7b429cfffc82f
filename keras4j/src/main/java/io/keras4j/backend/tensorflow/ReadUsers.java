package io.keras4j.backend.tensorflow;

import java.util.HashSet;
import java.util.Iterator;
import java.util.Set;
import org.tensorflow.Graph;
import org.tensorflow.GraphOperation;
import org.tensorflow.Operation;

/**
 * The ops of one trace that use a value read from a variable, which the variable's update waits for
 * ({@link TFOps}' fused optimizer updates): TensorFlow updates a resource variable in place only while no tensor
 * holds its buffer, and otherwise copies the whole variable first, as it would each step for a layer's kernel whose
 * update is ready before the backward matmul that needs the kernel has run.
 */
final class ReadUsers {
  /** Op types whose output may share their input's buffer: their users hold the variable's buffer too. */
  private static final Set<String> PASSES_BUFFER = Set.of("Identity", "IdentityN", "Reshape", "ExpandDims",
      "Squeeze", "Snapshot", "StopGradient", "PreventGradient", "Bitcast");
  /**
   * TensorFlow 1 control flow, as in imported graphs: waiting for an op inside a loop's frame or a branch would join
   * frames or make the update dead when the branch is not taken, so such ops are neither waited for nor followed.
   */
  private static final Set<String> CONTROL_FLOW = Set.of("Enter", "RefEnter", "Exit", "RefExit", "Switch",
      "RefSwitch", "Merge", "RefMerge", "NextIteration", "RefNextIteration", "LoopCond");

  private final Graph graph;
  private final int opsBefore;
  /** The ops of the graph made before this trace (other traced functions'), listed at the first need. */
  private Set<GraphOperation> earlierOps;
  /** Ops of this trace that nothing uses, left out: waiting for them would run them ({@link #leaveOut}). */
  private final Set<GraphOperation> unused = new HashSet<>();

  /** The users in {@code graph} of a trace that began when the graph held {@code opsBefore} ops of other traces. */
  ReadUsers(Graph graph, int opsBefore) {
    this.graph = graph;
    this.opsBefore = opsBefore;
  }

  int opsBefore() {
    return opsBefore;
  }

  /** The number of ops in {@code graph}: a trace that begins now is preceded by that many. */
  static int opsIn(Graph graph) {
    int n = 0;
    for (Iterator<GraphOperation> it = graph.operations(); it.hasNext(); it.next()) {
      n++;
    }
    return n;
  }

  /**
   * Adds to {@code deps} the ops of this trace that consume {@code read}'s outputs and, where such an op may pass the
   * buffer on, those that consume its outputs; the ops of functions traced earlier in the graph, which share its
   * variables' reads, are left out.
   */
  void addTo(GraphOperation read, Set<Operation> deps) {
    for (GraphOperation user : read.consumers()) {
      if (!CONTROL_FLOW.contains(user.type()) && !tracedEarlier(user) && !unused.contains(user) && deps.add(user)
          && PASSES_BUFFER.contains(user.type())) {
        addTo(user, deps);
      }
    }
  }

  /** Leaves {@code ops}, which this trace made but does not use, out of every later {@link #addTo}. */
  void leaveOut(Set<GraphOperation> ops) {
    unused.addAll(ops);
  }

  /** Drops the list of earlier ops once the trace has ended (it is listed again if needed). */
  void release() {
    earlierOps = null;
  }

  private boolean tracedEarlier(GraphOperation op) {
    if (opsBefore == 0) {
      return false;
    }
    if (earlierOps == null) {
      earlierOps = new HashSet<>();
      Iterator<GraphOperation> it = graph.operations(); // in creation order
      for (int i = 0; i < opsBefore && it.hasNext(); i++) {
        earlierOps.add(it.next());
      }
    }
    return earlierOps.contains(op);
  }
}
