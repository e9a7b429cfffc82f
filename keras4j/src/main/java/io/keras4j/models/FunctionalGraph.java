package io.keras4j.models;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Tensor;
import io.keras4j.layers.InputLayer;
import io.keras4j.layers.Layer;
import io.keras4j.layers.Node;
import io.keras4j.layers.Operation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The nodes and layers of a functional model, found by walking back from its outputs to its inputs.
 *
 * <p>Keras equivalent: the graph walk of {@code keras.src.ops.function.Function} ({@code map_graph}) that
 * {@code keras.Model(inputs, outputs)} runs, and the graph's execution ({@code Function._run_through_graph}). The
 * layers come in Keras' order ({@code model.layers}, {@code model.operations}): by depth from the outputs,
 * deepest first, layers of equal depth in the order a depth-first walk from the outputs first meets them. Files
 * number and match weights by that order ({@code layers/dense_1} in {@code .keras}, positions in legacy
 * {@code .h5}), so a branching graph loads only in exactly this order.
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
    Map<Layer, Integer> firstSeen = new IdentityHashMap<>();
    for (KerasTensor o : outputs) {
      visit(o, seen, ordered, firstSeen);
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
    return new FunctionalGraph(List.copyOf(ordered), kerasOrder(ordered, inputLayers, firstSeen));
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

  /** The layers of {@code operations}, in order, without the operation nodes (Keras' {@code model.layers}). */
  static List<Layer> withoutOperations(List<Layer> operations) {
    return operations.stream().filter(l -> !(l instanceof Operation)).toList();
  }

  /**
   * {@code operations} in the order of {@code names}, which must name each of them; names of none are skipped. For
   * {@link Model#orderLayers}: a loader's config lists the layers in Keras' order.
   *
   * @throws IllegalArgumentException naming model {@code model} and the layer {@code names} lacks
   */
  static List<Layer> ordered(List<Layer> operations, List<String> names, String model) {
    Map<String, Integer> position = new HashMap<>();
    for (String n : names) {
      position.putIfAbsent(n, position.size());
    }
    for (Layer l : operations) {
      if (!position.containsKey(l.name())) {
        throw new IllegalArgumentException("Model '" + model + "': the layer order " + names + " lacks layer '"
            + l.name() + "'");
      }
    }
    List<Layer> ordered = new ArrayList<>(operations);
    ordered.sort(java.util.Comparator.comparingInt(l -> position.get(l.name())));
    return ordered;
  }

  private static List<String> layerNames(List<Node> nodes) {
    List<String> n = new ArrayList<>();
    for (Node node : nodes) {
      n.add(node.layer().name());
    }
    return n;
  }

  /**
   * The layers by decreasing depth, ties by first sight: Keras' {@code map_graph}. A node's depth is the longest
   * path from it to an output; a layer's, the largest of its nodes'. Inputs the walk never reached come last.
   */
  private static List<Layer> kerasOrder(List<Node> postOrder, Set<Layer> inputLayers, Map<Layer, Integer> firstSeen) {
    Map<Node, Integer> nodeDepth = new IdentityHashMap<>();
    Map<Layer, Integer> layerDepth = new IdentityHashMap<>();
    Set<Node> inGraph = java.util.Collections.newSetFromMap(new IdentityHashMap<>());
    inGraph.addAll(postOrder);
    for (int i = postOrder.size() - 1; i >= 0; i--) {
      Node node = postOrder.get(i);
      int depth = Math.max(nodeDepth.getOrDefault(node, 0), layerDepth.getOrDefault(node.layer(), 0));
      layerDepth.put(node.layer(), depth);
      nodeDepth.put(node, depth);
      for (KerasTensor in : node.inputs()) {
        Node parent = nodeOf(in);
        if (inGraph.contains(parent)) {
          nodeDepth.merge(parent, depth + 1, Math::max);
        }
      }
    }
    List<Layer> layers = new ArrayList<>(layerDepth.keySet());
    layers.sort(java.util.Comparator.<Layer>comparingInt(l -> -layerDepth.get(l)).thenComparingInt(firstSeen::get));
    for (Layer in : inputLayers) {
      if (!layerDepth.containsKey(in)) {
        layers.add(in); // an input no output depends on: depth 0, listed after the others of depth 0
      }
    }
    return layers;
  }

  /**
   * Adds the nodes behind {@code t} in post-order, iteratively (a chain of many thousand layers fits any stack),
   * and numbers each layer when the walk first meets it.
   */
  private static void visit(KerasTensor t, Set<Node> seen, List<Node> ordered, Map<Layer, Integer> firstSeen) {
    Node start = nodeOf(t);
    if (!seen.add(start)) {
      return;
    }
    firstSeen.putIfAbsent(start.layer(), firstSeen.size());
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
          firstSeen.putIfAbsent(in.layer(), firstSeen.size());
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
