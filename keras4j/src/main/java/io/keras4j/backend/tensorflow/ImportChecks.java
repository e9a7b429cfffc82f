package io.keras4j.backend.tensorflow;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.DataType;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;

/**
 * What an inlined SavedModel graph must satisfy to be copied into a keras4j graph, checked on the graph alone
 * (before any variable is read): registered ops, no op running functions of its own, variables used only through
 * ReadVariableOp and of dtype float32. Also finds the ops fine-tuning would need a gradient for and that have none.
 */
final class ImportChecks {
  private static final Set<DataType> FLOATS = Set.of(DataType.DT_FLOAT, DataType.DT_DOUBLE, DataType.DT_HALF,
      DataType.DT_BFLOAT16);
  private final Map<String, NodeDef> nodes;
  private final Map<String, OpDef> opDefs;
  private final String what;

  ImportChecks(Map<String, NodeDef> nodes, Map<String, OpDef> opDefs, String what) {
    this.nodes = nodes;
    this.opDefs = opDefs;
    this.what = what;
  }

  /** Throws an IllegalArgumentException naming the first op of {@code needed} that cannot be copied, and why. */
  void check(List<String> needed) {
    for (String name : needed) {
      NodeDef n = nodes.get(name);
      if (!opDefs.containsKey(n.getOp())) {
        refuse(n, "which this TensorFlow runtime does not register");
      }
      List<String> functions = functionsOf(n);
      if (!functions.isEmpty()) {
        refuse(n, "which runs functions of its own " + functions + " that keras4j cannot copy into its graph");
      }
      if (TFGraphImport.VARIABLES.contains(n.getOp()) && n.containsAttr("dtype")
          && n.getAttrOrThrow("dtype").getType() != DataType.DT_FLOAT) {
        refuse(n, "a variable of dtype " + n.getAttrOrThrow("dtype").getType() + "; expected float32 variables");
      }
      for (String in : n.getInputList()) {
        NodeDef from = nodes.get(TFGraphImport.nodeName(in));
        if (!in.startsWith("^") && from != null && from.getOp().equals("VarHandleOp")
            && !n.getOp().equals("ReadVariableOp")) {
          refuse(n, "which uses variable " + from.getName() + " otherwise than by reading it (ReadVariableOp)");
        }
      }
    }
  }

  private void refuse(NodeDef n, String reason) {
    throw new IllegalArgumentException(what + " cannot become a keras4j layer: it uses op " + n.getOp() + " (node "
        + n.getName() + "), " + reason + ". It can still be run for inference with SavedModel.load");
  }

  private static List<String> functionsOf(NodeDef n) {
    List<String> names = new ArrayList<>();
    for (AttrValue a : n.getAttrMap().values()) {
      if (a.hasFunc()) {
        names.add(a.getFunc().getName());
      }
      a.getList().getFuncList().forEach(f -> names.add(f.getName()));
    }
    return names;
  }

  /**
   * The op types between the variables and the outputs ({@code needed}, inputs first) with no gradient. Ops with
   * no floating-point output (ArgMax, Shape) end a path: no gradient flows through them.
   */
  static Set<String> opsWithoutGradient(Map<String, NodeDef> nodes, Map<String, OpDef> opDefs, List<String> needed) {
    Set<String> onPath = new HashSet<>();
    Set<String> missing = new TreeSet<>();
    for (String name : needed) {
      NodeDef n = nodes.get(name);
      if (TFGraphImport.VARIABLES.contains(n.getOp())) {
        onPath.add(name);
        continue;
      }
      boolean fromVariable = n.getInputList().stream()
          .anyMatch(in -> !in.startsWith("^") && onPath.contains(TFGraphImport.nodeName(in)));
      if (fromVariable && producesFloats(n, opDefs.get(n.getOp()))) {
        onPath.add(name);
        if (!n.getOp().equals("ReadVariableOp") && !hasGradient(n.getOp())) {
          missing.add(n.getOp());
        }
      }
    }
    return missing;
  }

  private static boolean producesFloats(NodeDef n, OpDef def) {
    for (OpDef.ArgDef a : def.getOutputArgList()) {
      List<DataType> types = new ArrayList<>();
      if (a.getType() != DataType.DT_INVALID) {
        types.add(a.getType());
      } else if (!a.getTypeAttr().isEmpty()) {
        types.add(FunctionInliner.attr(n, def, a.getTypeAttr()).getType());
      } else if (!a.getTypeListAttr().isEmpty()) {
        types.addAll(FunctionInliner.attr(n, def, a.getTypeListAttr()).getList().getTypeList());
      }
      if (types.stream().anyMatch(FLOATS::contains)) {
        return true;
      }
    }
    return false;
  }

  /** Whether TensorFlow's C++ registry (or TensorFlow Java's custom gradients) has a gradient for {@code op}. */
  static boolean hasGradient(String op) {
    CustomGradients.ensureRegistered();
    return org.tensorflow.internal.c_api.global.tensorflow.TFJ_HasGradient(op);
  }
}
