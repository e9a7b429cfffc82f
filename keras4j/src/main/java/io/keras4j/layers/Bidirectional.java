package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import io.keras4j.saving.NestedSaveables;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a recurrent layer over the sequence in both directions and merges the two outputs.
 *
 * <p>Keras equivalent: {@code keras.layers.Bidirectional(layer, merge_mode="concat", weights=None,
 * backward_layer=None)} (keras/src/layers/rnn/bidirectional.py). The forward layer is a fresh copy of {@code layer}
 * made from its config and named {@code forward_<name>}; the backward layer, unless given, is another copy with
 * {@code go_backwards=True} named {@code backward_<name>}. With {@code return_sequences} the backward outputs are
 * reversed in time before merging, and both layers output zeros at masked steps. Merge modes: "concat" (last axis),
 * "sum", "mul", "ave", or null for the two outputs apart. With {@code return_state} the forward layer's states
 * follow the output(s), then the backward layer's. Initial states, given after the sequence as inputs, are split
 * in half: the first half for the forward layer, the second for the backward one. Weights: the forward layer's,
 * then the backward layer's, saved under {@code bidirectional/forward_layer} and {@code .../backward_layer}.
 * <pre>{@code
 * model.add(new Bidirectional(new LSTM(10).returnSequences(true)));
 * model.add(new Bidirectional(new LSTM(10)).mergeMode("sum"));
 * }</pre>
 * Porting note: Keras reads {@code go_backwards}, {@code return_sequences}, {@code return_state} and
 * {@code stateful} as attributes of any layer; keras4j reads them from the layer's config, and sets
 * {@code zero_output_for_mask} through the layer's {@code zeroOutputForMask(boolean)} setter when it has one. The
 * backward copy of a layer named {@code forward_lstm} (a forward layer read from a file) is {@code backward_lstm},
 * where Keras names it {@code backward_forward_lstm}.
 */
public class Bidirectional extends BaseLayer<Bidirectional> implements NestedSaveables {
  private final Layer forwardLayer;
  private Layer backwardLayer;
  private String mergeMode = "concat";
  private List<?> initialWeights;
  private final boolean returnSequences;
  private final boolean returnState;
  private final boolean stateful;

  /** Both directions of {@code layer} (Keras' {@code layer}), a recurrent layer such as LSTM or GRU. */
  public Bidirectional(Layer layer) {
    if (layer == null) {
      throw new IllegalArgumentException("Please initialize `Bidirectional` layer with a `keras.layers.Layer` "
          + "instance. Received: null");
    }
    this.forwardLayer = track(copy(layer, "forward_", false));
    this.backwardLayer = track(copy(layer, "backward_", true));
    this.returnSequences = attribute(forwardLayer, "return_sequences");
    this.returnState = attribute(forwardLayer, "return_state");
    this.stateful = attribute(forwardLayer, "stateful");
    forceZeroOutputForMask(forwardLayer);
    forceZeroOutputForMask(backwardLayer);
    verify();
    supportsMasking(true);
  }

  /** A fresh layer from {@code layer}'s config, named {@code prefix + name}, with go_backwards=True if asked. */
  private static Layer copy(Layer layer, String prefix, boolean backwards) {
    @SuppressWarnings("unchecked")
    Map<String, Object> spec = new LinkedHashMap<>((Map<String, Object>) ser(layer));
    @SuppressWarnings("unchecked")
    Map<String, Object> config = new LinkedHashMap<>((Map<String, Object>) spec.get("config"));
    String name = layer.name();
    for (String p : List.of("forward_", "backward_")) {
      name = name.startsWith(p) ? name.substring(p.length()) : name;
    }
    config.put("name", prefix + name);
    if (backwards) {
      config.put("go_backwards", true);
    }
    spec.put("config", config);
    return Layers.deserialize(spec);
  }

  /** A boolean attribute of a recurrent layer, read from its config (false when it has no such key). */
  private static boolean attribute(Layer layer, String key) {
    return Boolean.TRUE.equals(layer.getConfig().get(key));
  }

  /** Keras forces zero_output_for_mask to return_sequences on both layers, where the layer has that option. */
  private void forceZeroOutputForMask(Layer layer) {
    if (!layer.getConfig().containsKey("zero_output_for_mask")) {
      return;
    }
    try {
      layer.getClass().getMethod("zeroOutputForMask", boolean.class).invoke(layer, returnSequences);
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("Layer '" + layer.name() + "' has zero_output_for_mask in its config but "
          + "no zeroOutputForMask(boolean) setter", e);
    }
  }

  private void verify() {
    if (attribute(forwardLayer, "go_backwards") == attribute(backwardLayer, "go_backwards")) {
      throw new IllegalArgumentException("Forward layer and backward layer should have different `go_backwards` "
          + "value. Received: forward_layer.go_backwards " + attribute(forwardLayer, "go_backwards")
          + ", backward_layer.go_backwards=" + attribute(backwardLayer, "go_backwards"));
    }
    for (String a : List.of("stateful", "return_sequences", "return_state")) {
      boolean f = attribute(forwardLayer, a);
      boolean b = attribute(backwardLayer, a);
      if (f != b) {
        throw new IllegalArgumentException("Forward layer and backward layer are expected to have the same value for "
            + "attribute \"" + a + "\", got \"" + pythonBool(f) + "\" for forward layer and \"" + pythonBool(b)
            + "\" for backward layer");
      }
    }
  }

  private static String pythonBool(boolean b) {
    return b ? "True" : "False";
  }

  /**
   * Sets how the two outputs are combined: "concat", "sum", "mul", "ave", or null to return both (Keras'
   * {@code merge_mode=}). Default "concat".
   */
  public Bidirectional mergeMode(String mergeMode) {
    checkNotBuilt("merge_mode");
    if (mergeMode != null && !List.of("sum", "mul", "ave", "concat").contains(mergeMode)) {
      throw new IllegalArgumentException("Invalid merge mode. Received: " + mergeMode + ". Merge mode should be one "
          + "of {\"sum\", \"mul\", \"ave\", \"concat\", None}");
    }
    this.mergeMode = mergeMode;
    return this;
  }

  /**
   * Sets the layer that reads the sequence backwards (Keras' {@code backward_layer=}): it must have go_backwards
   * opposite to the forward layer's and the same stateful, return_sequences and return_state. Default: a copy of
   * the layer with go_backwards=True.
   */
  public Bidirectional backwardLayer(Layer backwardLayer) {
    checkNotBuilt("backward_layer");
    if (backwardLayer == null) {
      throw new IllegalArgumentException("`backward_layer` need to be a `keras.layers.Layer` instance. Received: "
          + "null");
    }
    Layer previous = this.backwardLayer;
    sublayers().remove(previous);
    this.backwardLayer = track(backwardLayer);
    try {
      verify();
    } catch (IllegalArgumentException e) {
      sublayers().remove(backwardLayer);
      this.backwardLayer = track(previous);
      throw e;
    }
    forceZeroOutputForMask(backwardLayer);
    return this;
  }

  /**
   * Sets the initial weights, forward layer's then backward layer's, applied when the layer is built (Keras'
   * {@code weights=}). Default none (the layers' initializers).
   */
  public Bidirectional weights(List<?> weights) {
    checkNotBuilt("weights");
    this.initialWeights = weights == null ? null : List.copyOf(weights);
    return this;
  }

  /** The layer reading the sequence forwards (Keras' {@code forward_layer}). */
  public Layer forwardLayer() {
    return forwardLayer;
  }

  /** The layer reading the sequence backwards (Keras' {@code backward_layer}). */
  public Layer backwardLayer() {
    return backwardLayer;
  }

  public String mergeMode() {
    return mergeMode;
  }

  public boolean returnSequences() {
    return returnSequences;
  }

  public boolean returnState() {
    return returnState;
  }

  public boolean stateful() {
    return stateful;
  }

  /** Sets both layers' states back to zeros (Keras' {@code reset_states()}); the layer must be stateful. */
  public void resetStates() {
    resetState();
  }

  /** Sets both layers' states back to zeros (Keras' {@code reset_state()}); the layer must be stateful. */
  public void resetState() {
    if (!stateful) {
      throw new IllegalStateException("Layer '" + name() + "' must be stateful to reset its states");
    }
    for (Layer l : List.of(forwardLayer, backwardLayer)) {
      if (l instanceof BaseRNN<?> rnn) {
        rnn.resetState();
      }
    }
  }

  @Override
  public Map<String, Object> nestedSaveables() {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("forward_layer", forwardLayer);
    m.put("backward_layer", backwardLayer);
    return m;
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    for (Layer l : List.of(forwardLayer, backwardLayer)) {
      if (!l.built()) {
        l.build(inputShapes.subList(0, 1));
        l.markBuilt(inputShapes.subList(0, 1));
      }
    }
    if (initialWeights != null) {
      setWeights(initialWeights);
    }
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    List<Shape> f = forwardLayer.computeOutputShapes(inputShapes.subList(0, 1), dtypes.subList(0, 1));
    Shape out = f.get(0);
    List<Shape> states = f.subList(1, f.size());
    List<Shape> result = new ArrayList<>();
    if ("concat".equals(mergeMode)) {
      // Keras doubles the forward size; with a backward layer of another size the sum is what call returns
      long back = backwardLayer.computeOutputShapes(inputShapes.subList(0, 1), dtypes.subList(0, 1)).get(0).get(-1);
      result.add(out.with(out.rank() - 1, out.get(-1) < 0 || back < 0 ? -1 : out.get(-1) + back));
    } else if (mergeMode == null) {
      result.add(out);
      result.add(backwardLayer.computeOutputShapes(inputShapes.subList(0, 1), dtypes.subList(0, 1)).get(0));
    } else {
      result.add(out);
    }
    if (returnState) {
      result.addAll(states);
      result.addAll(states);
    }
    return result;
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, List<Tensor> masks, boolean training) {
    Ops ops = ops();
    Tensor sequences = inputs.get(0);
    List<Tensor> initial = inputs.subList(1, inputs.size());
    int half = initial.size() / 2;
    List<Tensor> forwardInputs = new ArrayList<>();
    forwardInputs.add(sequences);
    forwardInputs.addAll(initial.subList(0, half));
    List<Tensor> backwardInputs = new ArrayList<>();
    backwardInputs.add(sequences);
    backwardInputs.addAll(initial.subList(half, initial.size()));
    List<Tensor> y = forwardLayer.applyAll(forwardInputs, training);
    List<Tensor> yRev = backwardLayer.applyAll(backwardInputs, training);
    List<Tensor> states = new ArrayList<>();
    if (returnState) {
      states.addAll(y.subList(1, y.size()));
      states.addAll(yRev.subList(1, yRev.size()));
    }
    Tensor forward = y.get(0);
    Tensor backward = returnSequences ? ops.flip(yRev.get(0), 1) : yRev.get(0);
    List<Tensor> out = new ArrayList<>();
    if (mergeMode == null) {
      out.add(forward);
      out.add(backward);
    } else {
      out.add(switch (mergeMode) {
        case "concat" -> ops.concatenate(List.of(forward, backward), -1);
        case "sum" -> ops.add(forward, backward);
        case "ave" -> ops.divide(ops.add(forward, backward), ops.constant(2f));
        default -> ops.multiply(forward, backward);
      });
    }
    out.addAll(states);
    return out;
  }

  /**
   * The sequences' mask on each output with {@code return_sequences}, none otherwise; none on the states (Keras'
   * {@code compute_mask}).
   */
  @Override
  public List<Tensor> computeMask(List<Tensor> inputs, List<Tensor> masks) {
    Tensor mask = returnSequences && masks != null && !masks.isEmpty() ? masks.get(0) : null;
    List<Tensor> out = new ArrayList<>();
    out.add(mask);
    if (mergeMode == null) {
      out.add(mask);
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("merge_mode", mergeMode);
    c.put("layer", ser(forwardLayer));
    c.put("backward_layer", ser(backwardLayer));
    return c;
  }

  /** A Bidirectional layer from its Keras config: {@code layer} and {@code backward_layer} read through Layers. */
  public static Bidirectional fromConfig(Map<String, Object> config) {
    Config c = new Config("Bidirectional", config);
    if (c.get("layer") == null) {
      throw new IllegalArgumentException("Bidirectional: the config lacks the wrapped `layer`");
    }
    Bidirectional b = new Bidirectional(Layers.deserialize(c.get("layer")));
    if (c.get("backward_layer") != null) {
      b.backwardLayer(Layers.deserialize(c.get("backward_layer")));
    }
    b.mergeMode(config.containsKey("merge_mode") ? c.string("merge_mode", null) : "concat"); // null is None
    return withBaseConfig(b, c);
  }
}
