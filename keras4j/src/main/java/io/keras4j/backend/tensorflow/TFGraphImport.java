package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ImportedFunction;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.tensorflow.GraphOperation;
import org.tensorflow.GraphOperationBuilder;
import org.tensorflow.Operand;
import org.tensorflow.Output;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.TensorFlow;
import org.tensorflow.proto.AttrValue;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.OpDef;
import org.tensorflow.proto.SignatureDef;
import org.tensorflow.proto.TensorInfo;
import org.tensorflow.types.TFloat32;

/**
 * Copies a SavedModel signature's graph, node by node, into the graph being traced, with its variables replaced
 * by keras4j variables (so they can be frozen or trained).
 *
 * <p>Porting note: Keras' TFSMLayer calls the restored tf.function. TensorFlow Java cannot call a function of
 * another session inside a graph, so the signature's nodes are rebuilt here from the GraphDef (attributes copied
 * as they are). Signatures that run through function calls (StatefulPartitionedCall, as TF2 Python and Keras 3's
 * {@code model.export} write) are inlined first ({@link FunctionInliner}), so TensorFlow's gradients apply op by
 * op. Ops that run functions of their own (While, If) are refused before any variable is read. The variables
 * those calls capture are read from the checkpoint ({@link SavedModelCheckpoint}); other graphs' variables through
 * the loaded SavedModel.
 */
final class TFGraphImport implements ImportedFunction {
  static final Set<String> VARIABLES = Set.of("VariableV2", "Variable", "VarHandleOp");
  private final Map<String, NodeDef> nodes = new LinkedHashMap<>();
  private final List<String> inputNames = new ArrayList<>();
  private final List<String> inputNodes = new ArrayList<>();
  private final List<Shape> inputShapes = new ArrayList<>();
  private final List<String> outputs = new ArrayList<>();
  private final List<Shape> outputShapes = new ArrayList<>();
  private final Map<String, Variable> variables = new LinkedHashMap<>();
  private final Map<String, OpDef> opDefs = new HashMap<>();
  private final Set<String> noGradient = new java.util.TreeSet<>();

  private TFGraphImport() {}

  /**
   * Reads {@code signature} of the SavedModel in {@code dir}, inlines the functions it calls, checks that every op
   * can be copied (refusing before any variable is read), then reads its variables' values in one session call.
   */
  static TFGraphImport load(Path dir, String tag, String signature) {
    TFGraphImport imp = new TFGraphImport();
    for (OpDef d : TensorFlow.registeredOpList().getOpList()) {
      imp.opDefs.put(d.getName(), d);
    }
    MetaGraphDef meta = SavedModelFiles.metaGraph(dir, tag);
    SignatureDef sig = meta.getSignatureDefMap().get(signature);
    if (sig == null) {
      throw new IllegalArgumentException("No signature '" + signature + "' in " + dir + ". Available: "
          + meta.getSignatureDefMap().keySet());
    }
    for (Map.Entry<String, TensorInfo> e : inKeyOrder(sig.getInputsMap()).entrySet()) {
      imp.inputNames.add(e.getKey());
      imp.inputNodes.add(nodeName(e.getValue().getName()));
      imp.inputShapes.add(shape(e.getValue()));
    }
    List<String> wanted = new ArrayList<>();
    for (TensorInfo t : inKeyOrder(sig.getOutputsMap()).values()) {
      wanted.add(t.getName());
      imp.outputShapes.add(shape(t));
    }
    imp.nodes.putAll(FunctionInliner.inline(meta.getGraphDef(), imp.opDefs, wanted, imp.outputs));
    List<String> needed = imp.needed();
    new ImportChecks(imp.nodes, imp.opDefs, "The signature '" + signature + "' of " + dir).check(needed);
    imp.noGradient.addAll(ImportChecks.opsWithoutGradient(imp.nodes, imp.opDefs, needed));
    List<NodeDef> handles = needed.stream().map(imp.nodes::get).filter(n -> VARIABLES.contains(n.getOp())).toList();
    Map<String, SavedModelCheckpoint.Captured> captured = SavedModelCheckpoint.captures(meta,
        meta.getGraphDef().getNodeList().stream().filter(n -> n.getOp().contains("PartitionedCall")).toList());
    if (!handles.isEmpty() && handles.stream().allMatch(n -> captured.containsKey(n.getName()))) {
      imp.readCaptured(dir, handles, captured);
    } else if (!handles.isEmpty()) {
      try (SavedModelBundle bundle = SavedModelBundle.load(dir.toString(), tag)) {
        imp.readVariables(bundle, handles, SavedModelFiles.variableFlags(meta));
      }
    }
    return imp;
  }

  /**
   * A signature's inputs or outputs by key, "output_2" before "output_10" (the file's map order is arbitrary; Keras
   * returns a signature's outputs as a dict).
   */
  static Map<String, TensorInfo> inKeyOrder(Map<String, TensorInfo> byKey) {
    java.util.TreeMap<String, TensorInfo> sorted = new java.util.TreeMap<>((a, b) -> {
      String pa = a.replaceFirst("\\d+$", "");
      String pb = b.replaceFirst("\\d+$", "");
      int c = pa.compareTo(pb);
      return c != 0 ? c : a.length() != b.length() ? Integer.compare(a.length(), b.length()) : a.compareTo(b);
    });
    sorted.putAll(byKey);
    return sorted;
  }

  private static Shape shape(TensorInfo t) {
    if (t.getTensorShape().getUnknownRank()) {
      throw new IllegalArgumentException("Signature tensor " + t.getName() + " has an unknown rank");
    }
    return Shape.of(t.getTensorShape().getDimList().stream().mapToLong(d -> d.getSize()).toArray());
  }

  static String nodeName(String tensor) {
    String n = tensor.startsWith("^") ? tensor.substring(1) : tensor;
    int colon = n.indexOf(':');
    return colon < 0 ? n : n.substring(0, colon);
  }

  private static int outputIndex(String tensor) {
    int colon = tensor.indexOf(':');
    return colon < 0 ? 0 : Integer.parseInt(tensor.substring(colon + 1));
  }

  /** The nodes the outputs depend on, inputs and variables included, in an order where inputs come first. */
  private List<String> needed() {
    List<String> order = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (String o : outputs) {
      visit(nodeName(o), seen, order);
    }
    return order;
  }

  private void visit(String name, Set<String> seen, List<String> order) {
    Deque<String[]> stack = new ArrayDeque<>();
    stack.push(new String[] {name, "0"});
    while (!stack.isEmpty()) {
      String[] top = stack.peek();
      NodeDef n = nodes.get(top[0]);
      if (n == null) {
        throw new IllegalArgumentException("The SavedModel graph lacks node " + top[0]);
      }
      if (seen.contains(top[0]) && top[1].equals("0")) {
        stack.pop();
        continue;
      }
      seen.add(top[0]);
      boolean stop = inputNodes.contains(top[0]) || VARIABLES.contains(n.getOp());
      int i = Integer.parseInt(top[1]);
      if (!stop && i < n.getInputCount()) {
        top[1] = Integer.toString(i + 1);
        String child = nodeName(n.getInput(i));
        if (!seen.contains(child)) {
          stack.push(new String[] {child, "0"});
        }
        continue;
      }
      stack.pop();
      order.add(top[0]);
    }
  }

  /** Reads the variables TF2 function calls capture from the checkpoint, named and flagged as the object graph says. */
  private void readCaptured(Path dir, List<NodeDef> handles, Map<String, SavedModelCheckpoint.Captured> captured) {
    List<String> keys = handles.stream().map(n -> captured.get(n.getName()).key()).toList();
    List<SavedModelCheckpoint.Value> values = SavedModelCheckpoint.read(dir, keys);
    for (int i = 0; i < handles.size(); i++) {
      var saved = captured.get(handles.get(i).getName()).variable();
      SavedModelCheckpoint.Value value = values.get(i);
      Variable v = new Variable(saved.getName().replace('/', '_'), value.shape(), "float32", saved.getTrainable(),
          value.values());
      v.path(saved.getName());
      variables.put(handles.get(i).getName(), v);
    }
  }

  /** Reads every variable of {@code handles} in one session call (graphs without an object graph: TF1, keras4j). */
  private void readVariables(SavedModelBundle bundle, List<NodeDef> handles, Map<String, Boolean> trainable) {
    org.tensorflow.op.Ops tf = org.tensorflow.op.Ops.create(bundle.graph());
    Session.Runner runner = bundle.session().runner();
    for (NodeDef n : handles) {
      GraphOperation op = bundle.graph().operation(n.getName());
      runner.fetch(n.getOp().equals("VarHandleOp") ? tf.readVariableOp(op.output(0), TFloat32.class) : op.output(0));
    }
    try (Result r = runner.run()) {
      for (int i = 0; i < handles.size(); i++) {
        NodeDef n = handles.get(i);
        TFNativeArray a = new TFNativeArray(r.get(i));
        String name = SavedModelFiles.variableName(n, trainable.keySet());
        Variable v = new Variable(name.replace('/', '_'), a.shape(), "float32", trainable.getOrDefault(name, true),
            a.toFloatArray());
        v.path(name);
        variables.put(n.getName(), v);
      }
    }
  }

  @Override
  public List<String> opsWithoutGradient() {
    return List.copyOf(noGradient);
  }

  @Override
  public List<Variable> variables() {
    return List.copyOf(variables.values());
  }

  @Override
  public List<String> inputNames() {
    return List.copyOf(inputNames);
  }

  @Override
  public List<Shape> inputShapes() {
    return List.copyOf(inputShapes);
  }

  @Override
  public List<Shape> outputShapes() {
    return List.copyOf(outputShapes);
  }

  @Override
  public List<Tensor> apply(List<Tensor> in) {
    if (!(Backend.ops() instanceof TFOps ops)) {
      throw new IllegalStateException("An imported SavedModel runs only while a TensorFlow graph is traced");
    }
    Map<String, Object> made = new HashMap<>(); // node name -> Operand (single) or GraphOperation
    for (int i = 0; i < inputNodes.size(); i++) {
      made.put(inputNodes.get(i), ((TFTensor) in.get(i)).operand());
    }
    String prefix = "saved_model_" + Integer.toHexString(System.identityHashCode(made)) + "/";
    for (String name : needed()) {
      if (made.containsKey(name)) {
        continue;
      }
      NodeDef n = nodes.get(name);
      if (VARIABLES.contains(n.getOp())) {
        made.put(name, ((TFTensor) ops.read(variables.get(name))).operand());
      } else if (n.getOp().equals("ReadVariableOp") && made.get(nodeName(n.getInput(0))) instanceof Operand<?> v
          && VARIABLES.contains(nodes.get(nodeName(n.getInput(0))).getOp())) {
        made.put(name, v);
      } else {
        made.put(name, build(ops, n, prefix, made));
      }
    }
    List<Tensor> out = new ArrayList<>();
    for (String o : outputs) {
      out.add(new TFTensor(output(made, o)));
    }
    return out;
  }

  private static Output<?> output(Map<String, Object> made, String tensor) {
    Object m = made.get(nodeName(tensor));
    if (m instanceof GraphOperation op) {
      return op.output(outputIndex(tensor));
    }
    return ((Operand<?>) m).asOutput();
  }

  private GraphOperation build(TFOps ops, NodeDef n, String prefix, Map<String, Object> made) {
    GraphOperationBuilder b = (GraphOperationBuilder) ops.graph().graph().opBuilder(n.getOp(), prefix + n.getName(),
        ops.tf().scope());
    List<String> data = new ArrayList<>();
    for (String input : n.getInputList()) {
      if (input.startsWith("^")) {
        if (made.get(nodeName(input)) instanceof GraphOperation dep) {
          b.addControlInput(dep);
        }
      } else {
        data.add(input);
      }
    }
    OpDef def = opDefs.get(n.getOp());
    int k = 0;
    for (OpDef.ArgDef arg : def.getInputArgList()) {
      int count = -1;
      if (!arg.getNumberAttr().isEmpty()) {
        count = (int) n.getAttrMap().get(arg.getNumberAttr()).getI();
      } else if (!arg.getTypeListAttr().isEmpty()) {
        count = n.getAttrMap().get(arg.getTypeListAttr()).getList().getTypeCount();
      }
      if (count < 0) {
        b.addInput(output(made, data.get(k++)));
      } else {
        Output<?>[] list = new Output<?>[count];
        for (int j = 0; j < count; j++) {
          list[j] = output(made, data.get(k++));
        }
        b.addInputList(list);
      }
    }
    for (Map.Entry<String, AttrValue> a : n.getAttrMap().entrySet()) {
      if (!a.getKey().startsWith("_")) {
        b.setAttr(a.getKey(), a.getValue());
      }
    }
    return b.build();
  }
}
