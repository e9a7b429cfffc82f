package io.keras4j.layers;

import io.keras4j.backend.AutocastScope;
import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link Layer}'s {@code apply} does around its {@code call}: the build on the first call and the input spec
 * check, the symbolic call that records a {@link Node}, and the graph call with its input autocast, output masks and
 * activity regularization loss.
 *
 * <p>Keras equivalent: {@code keras.layers.Layer.__call__} and {@code Operation.symbolic_call} in
 * keras/src/layers/layer.py and keras/src/ops/operation.py: {@code _maybe_build}, {@code input_spec} checks,
 * {@code convert_input} under the {@code autocast} scope, {@code _set_mask_metadata} (see {@link Masks}) and the
 * {@code activity_regularizer}'s loss.
 */
final class LayerCalls {
  private LayerCalls() {}

  /** Builds {@code layer} for {@code shapes} unless it is built, then checks them against its input spec. */
  static void maybeBuild(Layer layer, List<Shape> shapes) {
    if (!layer.built()) {
      layer.build(shapes);
      layer.markBuilt(shapes);
    }
    InputSpec spec = layer.inputSpec();
    if (spec != null) {
      for (int i = 0; i < shapes.size(); i++) {
        spec.check(layer.name(), i, shapes.get(i));
      }
    }
  }

  /** Calls {@code layer} on symbolic tensors: its outputs' shapes and dtype, recorded as a new inbound node. */
  static List<KerasTensor> symbolic(Layer layer, List<KerasTensor> inputs) {
    List<Shape> shapes = new ArrayList<>();
    List<String> dtypes = new ArrayList<>();
    for (KerasTensor t : inputs) {
      shapes.add(t.shape());
      dtypes.add(t.dtype());
    }
    maybeBuild(layer, shapes);
    List<Shape> outShapes = layer.computeOutputShapes(shapes, dtypes);
    List<Node> nodes = layer.inboundNodes();
    List<KerasTensor> outputs = new ArrayList<>();
    for (int i = 0; i < outShapes.size(); i++) {
      outputs.add(new KerasTensor(outShapes.get(i), layer.outputDtype(), layer, nodes.size(), i));
    }
    nodes.add(new Node(layer, inputs, outputs));
    return outputs;
  }

  /**
   * Calls {@code layer} on graph tensors: the inputs autocast, {@code call} run in the compute dtype's autocast
   * scope with the inputs' masks, the output masks attached and the activity regularizer's losses added; the ops it
   * adds are the layer's, which a kernel's error names (Keras' name scope of the call).
   */
  static List<Tensor> graph(Layer layer, List<Tensor> inputs, boolean training) {
    String owner = "'" + layer.name() + "' (" + layer.getClass().getSimpleName() + ")";
    return Backend.ops().inLayer(owner, () -> inGraph(layer, inputs, training));
  }

  private static List<Tensor> inGraph(Layer layer, List<Tensor> inputs, boolean training) {
    List<Shape> shapes = new ArrayList<>();
    for (Tensor t : inputs) {
      shapes.add(t.shape());
    }
    maybeBuild(layer, shapes);
    List<Tensor> masks = new ArrayList<>();
    for (Tensor t : inputs) {
      masks.add(Backend.getKerasMask(t));
    }
    List<Tensor> cast = autocastInputs(layer, inputs);
    String computeDtype = layer.computeDtype();
    String scope = Backend.isFloat(computeDtype) ? computeDtype : null;
    List<Tensor> outputs = AutocastScope.run(scope, () -> layer.call(cast, masks, training));
    Masks.attach(layer, inputs, masks, outputs);
    if (layer.activityRegularizer() != null) {
      for (Tensor o : outputs) {
        Backend.addLoss(layer.activityRegularizer().call(o));
      }
    }
    return outputs;
  }

  /**
   * The only output of {@code layer}'s call, or an IllegalStateException saying how many it has and, in
   * {@code advice}, what to call or override instead.
   */
  static <T> T only(Layer layer, List<T> outputs, String advice) {
    if (outputs.size() != 1) {
      throw new IllegalStateException("Layer '" + layer.name() + "' has " + outputs.size() + " outputs; " + advice);
    }
    return outputs.get(0);
  }

  /** The floating inputs cast to the compute dtype when {@link Layer#autocast()} (Keras' {@code convert_input}). */
  private static List<Tensor> autocastInputs(Layer layer, List<Tensor> inputs) {
    if (!layer.autocast()) {
      return inputs;
    }
    String computeDtype = layer.computeDtype();
    List<Tensor> out = new ArrayList<>(inputs.size());
    for (Tensor t : inputs) {
      boolean cast = t != null && Backend.isFloat(t.dtype()) && !t.dtype().equals(computeDtype);
      out.add(cast ? Backend.ops().cast(t, computeDtype) : t);
    }
    return out;
  }
}
