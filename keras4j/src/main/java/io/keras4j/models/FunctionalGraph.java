package io.keras4j.models;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Tensor;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes and layers of a functional model, found by walking back from its outputs to its inputs.
 *
 * <p>Keras equivalent: the graph walk of {@code keras.src.ops.function.Function} ({@code map_graph}) that
 * {@code keras.Model(inputs, outputs)} runs, and the graph's execution ({@code Function._run_through_graph}).
 */
record FunctionalGraph(List<Node> nodes, List<Layer> layers) {
  /** Every node between {@code inputs} and {@code outputs}, in call order, and their layers, inputs first. */
  static FunctionalGraph of(List<KerasTensor> inputs, List<KerasTensor> outputs) {
    for (KerasTensor t : inputs) {
      if (!(t.layer() instanceof InputLayer)) {
        throw new IllegalArgumentException("Model inputs must come from `keras.Input` (thus holding past layer "
            + "metadata). Received: " + t);
      }
    }
    List<Node> ordered = new ArrayList<>();
    Set<Node> seen = new LinkedHashSet<>();
    for (KerasTensor o : outputs) {
      visit(o, seen, ordered);
    }
    Set<Layer> inputLayers = new LinkedHashSet<>();
    for (KerasTensor t : inputs) {
      inputLayers.add((Layer) t.layer());
    }
    for (Node n : ordered) {
      if (n.isInput() && !inputLayers.contains(n.layer())) {
        throw new IllegalArgumentException("Graph disconnected: cannot find parent for tensor "
            + n.outputs().get(0) + " at layer \"" + n.layer().name() + "\". The following previous layers were "
            + "accessed without issue: " + layerNames(ordered));
      }
    }
    Set<Layer> layers = new LinkedHashSet<>(inputLayers);
    for (Node n : ordered) {
      layers.add(n.layer());
    }
    return new FunctionalGraph(List.copyOf(ordered), new ArrayList<>(layers));
  }

  /** Runs {@code nodes} on values of {@code inputs}; returns the values of {@code outputs}. */
  static List<Tensor> run(List<Node> nodes, List<KerasTensor> inputs, List<KerasTensor> outputs, List<Tensor> in,
      boolean training, String model) {
    Map<KerasTensor, Tensor> values = new IdentityHashMap<>();
    for (int i = 0; i < inputs.size(); i++) {
      values.put(inputs.get(i), in.get(i));
    }
    for (Node n : nodes) {
      if (n.isInput()) {
        continue;
      }
      List<Tensor> args = new ArrayList<>();
      for (KerasTensor k : n.inputs()) {
        Tensor v = values.get(k);
        if (v == null) {
          throw new IllegalStateException("Model '" + model + "': no value for " + k + " at layer "
              + n.layer().name());
        }
        args.add(v);
      }
      List<Tensor> outs = n.layer().applyAll(args, training);
      for (int i = 0; i < outs.size(); i++) {
        values.put(n.outputs().get(i), outs.get(i));
      }
    }
    List<Tensor> result = new ArrayList<>();
    for (KerasTensor o : outputs) {
      result.add(values.get(o));
    }
    return result;
  }

  private static List<String> layerNames(List<Node> nodes) {
    List<String> n = new ArrayList<>();
    for (Node node : nodes) {
      n.add(node.layer().name());
    }
    return n;
  }

  /** Adds the nodes behind {@code t} in post-order, iteratively: a chain of many thousand layers fits any stack. */
  private static void visit(KerasTensor t, Set<Node> seen, List<Node> ordered) {
    Node start = nodeOf(t);
    if (!seen.add(start)) {
      return;
    }
    java.util.Deque<Node> nodes = new java.util.ArrayDeque<>();
    java.util.Deque<Integer> next = new java.util.ArrayDeque<>();
    nodes.push(start);
    next.push(0);
    while (!nodes.isEmpty()) {
      Node node = nodes.peek();
      int i = next.pop();
      if (i < node.inputs().size()) {
        next.push(i + 1);
        Node in = nodeOf(node.inputs().get(i));
        if (seen.add(in)) {
          nodes.push(in);
          next.push(0);
        }
      } else {
        nodes.pop();
        ordered.add(node);
      }
    }
  }

  private static Node nodeOf(KerasTensor t) {
    return ((Layer) t.layer()).inboundNodes().get(t.nodeIndex());
  }
}
