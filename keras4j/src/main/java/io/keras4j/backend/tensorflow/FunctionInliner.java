package io.keras4j.backend.tensorflow;

import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.FunctionDef;
import org.tensorflow.proto.GraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/**
 * Turns a TF2 SavedModel graph, whose signatures call functions of its library (StatefulPartitionedCall,
 * PartitionedCall, nested calls), into a plain graph: each call reached from the wanted tensors is replaced by the
 * function's body, its nodes renamed under the call's name, its arguments bound to the call's inputs and its
 * results to the call's outputs.
 *
 * <p>Follows what TensorFlow's own function inlining ({@code tensorflow/core/common_runtime/inline_function_utils})
 * does before a graph runs. Porting note: control inputs inside a function body are dropped (they order variable
 * reads and stateful side effects, which a signature run for inference or a gradient step does not need), and so
 * are the top graph's control inputs on calls.
 */
final class FunctionInliner {
  private static final Set<String> CALLS = Set.of("StatefulPartitionedCall", "PartitionedCall");
  private final Map<String, NodeDef> top = new LinkedHashMap<>();
  private final Map<String, FunctionDef> library = new HashMap<>();
  private final Map<String, OpDef> opDefs;
  private final Map<String, NodeDef> out = new LinkedHashMap<>();
  private final Map<String, String> alias = new HashMap<>();

  private FunctionInliner(GraphDef graph, Map<String, OpDef> opDefs) {
    this.opDefs = opDefs;
    for (NodeDef n : graph.getNodeList()) {
      top.put(n.getName(), n);
    }
    for (FunctionDef f : graph.getLibrary().getFunctionList()) {
      library.put(f.getSignature().getName(), f);
    }
  }

  /**
   * The plain graph (node name to node) computing {@code wanted} (tensor names such as
   * "StatefulPartitionedCall:0"), and those tensors renamed into it, in the returned list's order.
   */
  static Map<String, NodeDef> inline(GraphDef graph, Map<String, OpDef> opDefs, List<String> wanted,
      List<String> renamed) {
    FunctionInliner f = new FunctionInliner(graph, opDefs);
    Set<String> reached = f.reachedFrom(wanted);
    for (NodeDef n : graph.getNodeList()) {
      if (!reached.contains(n.getName())) {
        continue;
      }
      if (f.isCall(n)) {
        List<String> args = new ArrayList<>();
        for (String in : n.getInputList()) {
          if (!in.startsWith("^")) {
            args.add(in.contains(":") ? in : in + ":0");
          }
        }
        f.bindOutputs(n.getName(), f.inlineCall(n, n.getName(), args));
      } else {
        f.out.put(n.getName(), n);
      }
    }
    for (String t : wanted) {
      renamed.add(f.resolve(t.contains(":") ? t : t + ":0"));
    }
    return f.renameInputs();
  }

  private Set<String> reachedFrom(List<String> wanted) {
    Set<String> seen = new HashSet<>();
    Deque<String> todo = new ArrayDeque<>();
    for (String t : wanted) {
      todo.push(TFGraphImport.nodeName(t));
    }
    while (!todo.isEmpty()) {
      String name = todo.pop();
      NodeDef n = top.get(name);
      if (n == null) {
        throw new IllegalArgumentException("The SavedModel graph lacks node " + name);
      }
      if (seen.add(name)) {
        for (String in : n.getInputList()) {
          todo.push(TFGraphImport.nodeName(in));
        }
      }
    }
    return seen;
  }

  private boolean isCall(NodeDef n) {
    return CALLS.contains(n.getOp()) || library.containsKey(n.getOp());
  }

  private FunctionDef calledFunction(NodeDef n) {
    String name = CALLS.contains(n.getOp()) ? n.getAttrOrThrow("f").getFunc().getName() : n.getOp();
    FunctionDef f = library.get(name);
    if (f == null) {
      throw new IllegalArgumentException("Node " + n.getName() + " calls function " + name
          + ", which the SavedModel's function library lacks");
    }
    return f;
  }

  private void bindOutputs(String node, List<String> results) {
    for (int i = 0; i < results.size(); i++) {
      alias.put(node + ":" + i, results.get(i));
    }
  }

  /** Copies the body of the function {@code call} runs under {@code prefix}; returns its results' tensors. */
  private List<String> inlineCall(NodeDef call, String prefix, List<String> args) {
    FunctionDef f = calledFunction(call);
    List<OpDef.ArgDef> params = f.getSignature().getInputArgList();
    if (params.size() != args.size()) {
      throw new IllegalArgumentException("Node " + call.getName() + " passes " + args.size() + " inputs to function "
          + f.getSignature().getName() + ", which takes " + params.size());
    }
    Map<String, String> bound = new HashMap<>();
    for (int i = 0; i < params.size(); i++) {
      bound.put(params.get(i).getName(), args.get(i));
    }
    Map<String, NodeDef> body = new HashMap<>();
    for (NodeDef n : f.getNodeDefList()) {
      body.put(n.getName(), n);
    }
    for (NodeDef n : f.getNodeDefList()) {
      String name = prefix + "/" + n.getName();
      List<String> inputs = new ArrayList<>();
      for (String in : n.getInputList()) {
        if (!in.startsWith("^")) {
          inputs.add(tensor(in, prefix, bound, body));
        }
      }
      if (isCall(n)) {
        bindOutputs(name, inlineCall(n, name, inputs));
      } else {
        out.put(name, copy(n, name, inputs));
      }
    }
    List<String> results = new ArrayList<>();
    for (OpDef.ArgDef ret : f.getSignature().getOutputArgList()) {
      results.add(tensor(f.getRetOrThrow(ret.getName()), prefix, bound, body));
    }
    return results;
  }

  private static NodeDef copy(NodeDef n, String name, List<String> inputs) {
    for (Map.Entry<String, AttrValue> a : n.getAttrMap().entrySet()) {
      if (!a.getValue().getPlaceholder().isEmpty()) {
        throw new IllegalArgumentException("Node " + name + " (" + n.getOp() + ") takes attribute " + a.getKey()
            + " from a function attribute (" + a.getValue().getPlaceholder() + "), which keras4j cannot inline");
      }
    }
    return n.toBuilder().setName(name).clearInput().addAllInput(inputs).build();
  }

  /** A function body's tensor reference ("arg" or "node:out_arg:index") as a graph tensor ("node:flat_index"). */
  private String tensor(String ref, String prefix, Map<String, String> bound, Map<String, NodeDef> body) {
    String[] parts = ref.split(":");
    if (parts.length == 1) {
      String arg = bound.get(ref);
      if (arg == null) {
        throw new IllegalArgumentException("Function input " + ref + " is not an argument of its function");
      }
      return arg;
    }
    NodeDef n = body.get(parts[0]);
    if (n == null) {
      throw new IllegalArgumentException("A function body refers to missing node " + parts[0]);
    }
    int index = parts.length == 3 ? Integer.parseInt(parts[2]) : 0;
    return prefix + "/" + parts[0] + ":" + (flatIndex(n, parts[1]) + index);
  }

  /** Where the output list {@code arg} of node {@code n} starts among the node's flat outputs. */
  private int flatIndex(NodeDef n, String arg) {
    if (CALLS.contains(n.getOp())) {
      return 0;
    }
    if (library.containsKey(n.getOp())) {
      List<OpDef.ArgDef> outs = library.get(n.getOp()).getSignature().getOutputArgList();
      for (int i = 0; i < outs.size(); i++) {
        if (outs.get(i).getName().equals(arg)) {
          return i;
        }
      }
      throw new IllegalArgumentException("Function " + n.getOp() + " has no output " + arg);
    }
    OpDef def = opDefs.get(n.getOp());
    if (def == null) {
      throw new IllegalArgumentException("Op " + n.getOp() + " (node " + n.getName() + ") is not registered in "
          + "this TensorFlow runtime");
    }
    int flat = 0;
    for (OpDef.ArgDef a : def.getOutputArgList()) {
      if (a.getName().equals(arg)) {
        return flat;
      }
      flat += listLength(n, def, a);
    }
    throw new IllegalArgumentException("Op " + n.getOp() + " has no output " + arg);
  }

  /** How many tensors the argument {@code a} of op {@code def} stands for in node {@code n}. */
  static int listLength(NodeDef n, OpDef def, OpDef.ArgDef a) {
    if (!a.getNumberAttr().isEmpty()) {
      return (int) attr(n, def, a.getNumberAttr()).getI();
    }
    if (!a.getTypeListAttr().isEmpty()) {
      return attr(n, def, a.getTypeListAttr()).getList().getTypeCount();
    }
    return 1;
  }

  /** Attribute {@code name} of node {@code n}, or its default in {@code def}. */
  static AttrValue attr(NodeDef n, OpDef def, String name) {
    if (n.containsAttr(name)) {
      return n.getAttrOrThrow(name);
    }
    for (OpDef.AttrDef a : def.getAttrList()) {
      if (a.getName().equals(name)) {
        return a.getDefaultValue();
      }
    }
    throw new IllegalArgumentException("Node " + n.getName() + " lacks attribute " + name);
  }

  private String resolve(String tensor) {
    String t = tensor;
    for (int guard = 0; alias.containsKey(t); guard++) {
      if (guard > alias.size()) {
        throw new IllegalArgumentException("Function calls of the SavedModel form a cycle at " + tensor);
      }
      t = alias.get(t);
    }
    return t;
  }

  /** The copied nodes with inputs pointing past the inlined calls; control inputs on calls dropped. */
  private Map<String, NodeDef> renameInputs() {
    Map<String, NodeDef> plain = new LinkedHashMap<>();
    for (NodeDef n : out.values()) {
      List<String> inputs = new ArrayList<>();
      for (String in : n.getInputList()) {
        if (in.startsWith("^")) {
          if (out.containsKey(in.substring(1))) {
            inputs.add(in);
          }
        } else {
          inputs.add(resolve(in.contains(":") ? in : in + ":0"));
        }
      }
      plain.put(n.getName(), n.toBuilder().clearInput().addAllInput(inputs).build());
    }
    return plain;
  }
}
