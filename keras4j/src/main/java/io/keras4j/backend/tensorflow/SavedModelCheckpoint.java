package io.keras4j.backend.tensorflow;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.Session;
import org.tensorflow.op.Ops;
import org.tensorflow.op.train.Restore;
import org.tensorflow.proto.MetaGraphDef;
import org.tensorflow.proto.NodeDef;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedConcreteFunction;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObject;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedObjectGraph;
import org.tensorflow.proto.SavedObjectGraphOuterClass.SavedVariable;
import org.tensorflow.proto.TrackableObjectGraphOuterClass.TrackableObjectGraph.TrackableObject.ObjectReference;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.family.TType;

/**
 * The variables a TF2 SavedModel's function calls capture, found as Python's {@code tf.saved_model.load} finds them:
 * each call's captured inputs are the object-graph nodes its concrete function's {@code bound_inputs} lists; their
 * values are read from {@code variables/} under their object-based checkpoint keys
 * ({@code <path from the root>/.ATTRIBUTES/VARIABLE_VALUE}), with one RestoreV2.
 *
 * <p>Porting note: TensorFlow's C++ loader restores the graph's own variable handles only; a Keras model saved with
 * {@code tf.saved_model.save} captures other handles (Keras tracks each variable twice), which it leaves unset.
 */
final class SavedModelCheckpoint {
  /** A captured variable: its object-graph record and checkpoint key. */
  record Captured(SavedVariable variable, String key) {}

  /** A variable's value read from the checkpoint. */
  record Value(io.keras4j.backend.Shape shape, float[] values) {}

  private SavedModelCheckpoint() {}

  /** The captured variable behind each handle node that a reached top-level call passes to its function. */
  static Map<String, Captured> captures(MetaGraphDef meta, Iterable<NodeDef> calls) {
    SavedObjectGraph objects = meta.getObjectGraphDef();
    Map<Integer, String> paths = paths(objects);
    Map<String, Captured> byHandle = new HashMap<>();
    for (NodeDef call : calls) {
      if (!call.containsAttr("f")) {
        continue;
      }
      SavedConcreteFunction f = objects.getConcreteFunctionsMap().get(call.getAttrOrThrow("f").getFunc().getName());
      if (f == null) {
        continue;
      }
      List<String> data = call.getInputList().stream().filter(in -> !in.startsWith("^")).toList();
      List<Integer> bound = f.getBoundInputsList();
      for (int i = 0; i < bound.size(); i++) {
        SavedObject o = objects.getNodes(bound.get(i));
        if (o.hasVariable() && paths.containsKey(bound.get(i))) {
          String handle = TFGraphImport.nodeName(data.get(data.size() - bound.size() + i));
          byHandle.put(handle, new Captured(o.getVariable(), paths.get(bound.get(i)) + "/.ATTRIBUTES/VARIABLE_VALUE"));
        }
      }
    }
    return byHandle;
  }

  /** Each node's breadth-first path from the root, local names escaped as TensorFlow's checkpoints escape them. */
  private static Map<Integer, String> paths(SavedObjectGraph objects) {
    Map<Integer, String> paths = new HashMap<>();
    if (objects.getNodesCount() == 0) {
      return paths;
    }
    paths.put(0, "");
    Deque<Integer> todo = new ArrayDeque<>(Collections.singleton(0));
    while (!todo.isEmpty()) {
      int i = todo.poll();
      for (ObjectReference c : objects.getNodes(i).getChildrenList()) {
        if (!paths.containsKey(c.getNodeId())) {
          String name = c.getLocalName().replace(".", "..").replace("/", ".S");
          paths.put(c.getNodeId(), paths.get(i).isEmpty() ? name : paths.get(i) + "/" + name);
          todo.add(c.getNodeId());
        }
      }
    }
    return paths;
  }

  private static org.tensorflow.Operand<org.tensorflow.types.TString> strings(Ops tf, List<String> values) {
    return tf.constant(org.tensorflow.ndarray.NdArrays.vectorOfObjects(values.toArray(String[]::new)));
  }

  /** The float32 values stored under {@code keys} in the checkpoint of the SavedModel in {@code dir}. */
  static List<Value> read(Path dir, List<String> keys) {
    List<Value> values = new ArrayList<>();
    if (keys.isEmpty()) {
      return values;
    }
    try (Graph g = new Graph(); Session s = new Session(g)) {
      Ops tf = Ops.create(g);
      List<Class<? extends TType>> dtypes = Collections.nCopies(keys.size(), TFloat32.class);
      Restore restore = tf.train.restore(tf.constant(dir.resolve("variables").resolve("variables").toString()),
          strings(tf, keys), strings(tf, Collections.nCopies(keys.size(), "")), dtypes);
      Session.Runner runner = s.runner();
      restore.tensors().forEach(runner::fetch);
      try (Result r = runner.run()) {
        for (int i = 0; i < keys.size(); i++) {
          TFNativeArray a = new TFNativeArray(r.get(i));
          values.add(new Value(a.shape(), a.toFloatArray()));
        }
      }
    }
    return values;
  }
}
