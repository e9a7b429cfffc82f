package io.keras4j.layers;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.initializers.Initializers;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Multi-head attention ("Attention is all you need"): the query, key and value projected into {@code num_heads}
 * heads, scaled dot-product attention per head, and the heads projected back.
 *
 * <p>Keras equivalent: {@code keras.layers.MultiHeadAttention(num_heads, key_dim, value_dim=None, dropout=0.0,
 * use_bias=True, output_shape=None, attention_axes=None, sliding_window=None, kernel_initializer="glorot_uniform",
 * bias_initializer="zeros", kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None,
 * kernel_constraint=None, bias_constraint=None, use_gate=False, seed=None)}
 * (keras/src/layers/attention/multi_head_attention.py). Its weights are those of the EinsumDense sublayers
 * {@code query}, {@code key}, ({@code gate},) {@code value} and {@code attention_output}, in that order, with
 * Keras' shapes: for inputs (batch, T, dim) the kernels (dim, num_heads, key_dim) and the biases
 * (num_heads, key_dim), the output kernel (num_heads, value_dim, dim). The computation follows Keras' two paths on
 * TensorFlow: without dropout, without returned scores and for rank-3 inputs, Keras' {@code dot_product_attention}
 * (masked scores set to -0.7 * 3.38953e38, so a fully masked row attends uniformly); otherwise its einsum path
 * (the query scaled first, masked scores set to -1e9, softmax over the attention axes, masked weights zeroed).
 * <pre>{@code
 * KerasTensor y = new MultiHeadAttention(4, 16).useCausalMask(true).apply(x, x);
 * }</pre>
 * Porting note: the call arguments are inputs, named as in {@link #apply(Map)}; {@code use_causal_mask} and
 * {@code return_attention_scores} are settings (see {@link BaseAttention}). {@code query_mask} stands for the
 * query's Keras mask (Keras reads it from the query tensor). The symbolic shape of the scores is the computed one,
 * (batch, num_heads, T, S) for rank-3 inputs, where Keras' {@code compute_output_spec} states (batch, num_heads, T,
 * T). {@code flash_attention} is not supported (Keras'
 * TensorFlow backend has none either).
 */
public class MultiHeadAttention extends BaseMultiHeadAttention implements CallArguments,
    io.keras4j.saving.NestedSaveables {
  static final List<String> ARGUMENTS = List.of("query", "value", "key", "query_mask", "value_mask", "key_mask",
      "attention_mask");
  private static final List<String> IMPLICIT_MASKS = List.of("query", "value", "key");
  private final AttentionInputs inputs = new AttentionInputs(this, ARGUMENTS);
  private final MultiHeadAttentionMath math = new MultiHeadAttentionMath(this);
  private EinsumDense queryDense;
  private EinsumDense keyDense;
  private EinsumDense gateDense;
  private EinsumDense valueDense;
  private EinsumDense outputDense;
  private Dropout dropoutLayer;

  /** {@code numHeads} heads of query/key size {@code keyDim} (Keras' {@code num_heads}, {@code key_dim}). */
  public MultiHeadAttention(int numHeads, int keyDim) {
    super(numHeads, keyDim);
  }

  /** Keras' {@code mha(query, value)}. */
  public KerasTensor apply(KerasTensor query, KerasTensor value) {
    return apply(List.of(query, value)).get(0);
  }

  /** Keras' {@code mha(query, value, key)}. */
  public KerasTensor apply(KerasTensor query, KerasTensor value, KerasTensor key) {
    return apply(List.of(query, value, key)).get(0);
  }

  /**
   * Calls the layer on named tensors, Keras' call arguments: {@code query} (batch, T, dim) and {@code value}
   * (batch, S, dim) required; {@code key} (batch, S, dim), {@code attention_mask} (batch, T, S),
   * {@code query_mask} (batch, T), {@code value_mask} and {@code key_mask} (batch, S) optional. Returns the
   * output, then the scores (batch, num_heads, T, S) when {@link #returnAttentionScores} is set.
   */
  public List<KerasTensor> apply(Map<String, KerasTensor> arguments) {
    return super.apply(inputs.order(arguments));
  }

  /** Calls the layer on named graph tensors (see {@link #apply(Map)}), inside another layer's or a model's call. */
  public List<Tensor> applyAll(Map<String, Tensor> arguments, boolean training) {
    return applyAll(inputs.order(arguments), training);
  }

  @Override
  public List<KerasTensor> apply(List<KerasTensor> list) {
    inputs.layout(list.size());
    return super.apply(list);
  }

  @Override
  protected void build(List<Shape> shapes) {
    Map<String, Shape> s = inputs.byName(shapes);
    Shape q = s.get("query");
    Shape v = s.get("value");
    Shape k = s.getOrDefault("key", v);
    MultiHeadAttentionMath.checkKeyValue(name(), v, k);
    queryDense = projection("query", q.rank(), keyDim(), null);
    buildSublayer(queryDense, q);
    keyDense = projection("key", k.rank(), keyDim(), null);
    buildSublayer(keyDense, k);
    if (useGate()) {
      gateDense = projection("gate", q.rank(), valueDim(), "sigmoid");
      buildSublayer(gateDense, q);
    }
    valueDense = projection("value", v.rank(), valueDim(), null);
    buildSublayer(valueDense, v);
    math.build(v.rank() + 1);
    dropoutLayer = new Dropout(dropout()).name("dropout");
    if (givenSeed() != null) {
      dropoutLayer.seed(givenSeed());
    }
    long[] outShape = outputShape() == null ? new long[] {q.get(-1)} : toLong(outputShape());
    outputDense = outputProjection(q.rank(), outShape);
    long[] projected = java.util.Arrays.copyOf(q.dims(), q.rank() + 1);
    projected[q.rank() - 1] = numHeads();
    projected[q.rank()] = valueDim();
    buildSublayer(outputDense, Shape.of(projected));
    for (Layer l : new Layer[] {queryDense, keyDense, gateDense, valueDense, outputDense, dropoutLayer}) {
      if (l != null) {
        track(l);
      }
    }
  }

  private static void buildSublayer(Layer l, Shape shape) {
    l.build(List.of(shape));
    l.markBuilt(List.of(shape));
  }

  /** {@code x}, or an identity of it without its Keras mask when it has one. */
  private static Tensor unmasked(Tensor x) {
    return io.keras4j.backend.Backend.getKerasMask(x) == null ? x : ops().identity(x);
  }

  private static long[] toLong(int[] a) {
    long[] out = new long[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i];
    }
    return out;
  }

  /** Keras' {@code _build_proj_equation(rank - 1, 1, 2)} projection to (num_heads, size). */
  private EinsumDense projection(String name, int rank, int size, String activation) {
    String[] eq = MultiHeadAttentionMath.projectionEquation(rank - 1, 1, 2);
    int[] out = new int[rank];
    java.util.Arrays.fill(out, -1);
    out[rank - 2] = numHeads();
    out[rank - 1] = size;
    EinsumDense d = sublayer(new EinsumDense(eq[0], out), name, eq[1]);
    return activation == null ? d : d.activation(activation);
  }

  /** Keras' {@code _make_output_dense}: from (num_heads, value_dim) to {@code outputShape}. */
  private EinsumDense outputProjection(int queryRank, long[] outputShape) {
    String[] eq = MultiHeadAttentionMath.projectionEquation(queryRank - 1, 2, outputShape.length);
    int free = queryRank - 1;
    int[] out = new int[free - 1 + outputShape.length];
    java.util.Arrays.fill(out, -1);
    for (int i = 0; i < outputShape.length; i++) {
      out[free - 1 + i] = (int) outputShape[i];
    }
    return sublayer(new EinsumDense(eq[0], out), "attention_output", eq[1]);
  }

  private EinsumDense sublayer(EinsumDense d, String name, String biasAxes) {
    d.name(name).biasAxes(useBias() ? biasAxes : null)
        .kernelInitializer(Initializers.get(ser(kernelInitializer())))
        .biasInitializer(Initializers.get(ser(biasInitializer())))
        .kernelRegularizer(kernelRegularizer()).biasRegularizer(biasRegularizer())
        .kernelConstraint(kernelConstraint()).biasConstraint(biasConstraint())
        .activityRegularizer(sublayerActivityRegularizer());
    return d;
  }

  @Override
  protected List<Tensor> call(List<Tensor> list, boolean training) {
    return call(list, null, training);
  }

  /**
   * The call with the Keras masks of the inputs: as in Keras, the query's, value's and key's masks serve as
   * {@code query_mask}, {@code value_mask} and {@code key_mask} unless given explicitly.
   */
  @Override
  protected List<Tensor> call(List<Tensor> list, List<Tensor> masks, boolean training) {
    Map<String, Tensor> a = inputs.byName(list, masks, IMPLICIT_MASKS, false);
    Tensor query = a.get("query");
    Tensor value = a.get("value");
    Tensor key = a.getOrDefault("key", value);
    boolean masked = a.containsKey("query_mask") || a.containsKey("value_mask") || a.containsKey("key_mask")
        || a.containsKey("attention_mask");
    boolean causalOnly = useCausalMask() && !masked && slidingWindow() == 0;
    Tensor mask = causalOnly ? null : math.attentionMask(query, value, a.get("query_mask"), a.get("value_mask"),
        a.get("key_mask"), a.get("attention_mask"), useCausalMask(), slidingWindow());
    // the masks are handled here: as Keras, the projections see the inputs without them (and warn of no lost mask)
    query = unmasked(query);
    key = unmasked(key);
    value = unmasked(value);
    Tensor gate = gateDense == null ? null : gateDense.apply(query, training);
    Tensor q = queryDense.apply(query, training);
    Tensor k = keyDense.apply(key, training);
    Tensor v = valueDense.apply(value, training);
    Tensor[] attended = math.attention(q, k, v, mask, training, returnAttentionScores(), causalOnly, dropoutLayer);
    Tensor out = attended[0];
    if (gate != null) {
      out = ops().multiply(out, gate);
    }
    out = outputDense.apply(out, training);
    return returnAttentionScores() ? List.of(out, attended[1]) : List.of(out);
  }

  /** The output's mask: the query's (explicit {@code query_mask} or its Keras mask), as Keras sets it. */
  @Override
  public List<Tensor> computeMask(List<Tensor> list, List<Tensor> masks) {
    Tensor m = inputs.byName(list, masks, IMPLICIT_MASKS, false).get("query_mask");
    return m == null ? null : java.util.Collections.singletonList(AttentionInputs.bool(m));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> shapes, List<String> dtypes) {
    Map<String, Shape> s = inputs.byName(shapes);
    Shape q = s.get("query");
    Shape v = s.get("value");
    MultiHeadAttentionMath.checkKeyValue(name(), v, s.getOrDefault("key", v));
    Shape out = q;
    if (outputShape() != null) {
      long[] dims = new long[q.rank() - 1 + outputShape().length];
      System.arraycopy(q.dims(), 0, dims, 0, q.rank() - 1);
      for (int i = 0; i < outputShape().length; i++) {
        dims[q.rank() - 1 + i] = outputShape()[i];
      }
      out = Shape.of(dims);
    }
    List<Shape> result = new ArrayList<>(List.of(out));
    if (returnAttentionScores()) {
      result.add(math.scoresShape(q, v));
    }
    return result;
  }

  /** The query projection (Keras' {@code query_dense}); null before the layer is built. */
  public EinsumDense queryDense() {
    return queryDense;
  }

  /** The key projection (Keras' {@code key_dense}). */
  public EinsumDense keyDense() {
    return keyDense;
  }

  /** The value projection (Keras' {@code value_dense}). */
  public EinsumDense valueDense() {
    return valueDense;
  }

  /** The output projection (Keras' {@code output_dense}). */
  public EinsumDense outputDense() {
    return outputDense;
  }

  /** The attention axes as Keras resolves them at build (its config then lists them); null before. */
  int[] resolvedAttentionAxes() {
    return math.attentionAxes();
  }

  @Override
  public Map<String, Object> nestedSaveables() {
    // Keras' attribute names: its weights file holds query_dense/vars/0, ..., output_dense/vars/1
    Map<String, Object> m = new LinkedHashMap<>();
    String[] keys = {"query_dense", "key_dense", "gate_dense", "value_dense", "output_dense", "dropout_layer"};
    Layer[] layers = {queryDense, keyDense, gateDense, valueDense, outputDense, dropoutLayer};
    for (int i = 0; i < keys.length; i++) {
      if (layers[i] != null) {
        m.put(keys[i], layers[i]);
      }
    }
    return m;
  }


  @Override
  public Map<String, Object> nodeArguments(List<Object> serializedInputs) {
    Map<String, Object> named = inputs.byName(serializedInputs);
    List<Object> args = new ArrayList<>(List.of(named.remove("query"), named.remove("value")));
    if (named.containsKey("key")) {
      args.add(named.remove("key"));
    }
    Map<String, Object> kwargs = new LinkedHashMap<>(named);
    AttentionInputs.putFlags(kwargs, returnAttentionScores(), useCausalMask());
    Map<String, Object> node = new LinkedHashMap<>();
    node.put("args", args);
    node.put("kwargs", kwargs);
    return node;
  }

  /** Keras' build_config: {@code shapes_dict} of the query's, value's (and key's) shapes. */
  @Override
  public Map<String, Object> buildConfig(List<Object> inputShapes) {
    Map<String, Object> named = inputs.byName(inputShapes);
    Map<String, Object> shapes = new LinkedHashMap<>();
    shapes.put("query_shape", named.get("query"));
    shapes.put("value_shape", named.get("value"));
    if (named.containsKey("key")) {
      shapes.put("key_shape", named.get("key"));
    }
    return Map.of("shapes_dict", shapes);
  }

  @Override
  public List<KerasTensor> applyNode(List<Object> args, Map<String, Object> kwargs) {
    Map<String, Object> kw = new LinkedHashMap<>(kwargs);
    Map<String, KerasTensor> named = new LinkedHashMap<>();
    List<String> positional = List.of("query", "value", "key");
    if (args.size() > positional.size()) {
      throw new IllegalArgumentException("Layer '" + name() + "': a Keras node passes at most query, value and key "
          + "positionally. Received " + args.size() + " arguments");
    }
    for (int i = 0; i < args.size(); i++) {
      named.put(positional.get(i), AttentionInputs.tensors(name(), List.of(args.get(i))).get(0));
    }
    for (String arg : ARGUMENTS) {
      if (kw.containsKey(arg)) {
        named.put(arg, AttentionInputs.tensors(name(), AttentionInputs.list(kw.remove(arg))).get(0));
      }
    }
    AttentionInputs.readFlags(this, kw, this::returnAttentionScores, this::useCausalMask);
    return apply(named);
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("activity_regularizer");
    c.put("num_heads", numHeads());
    c.put("key_dim", keyDim());
    c.put("value_dim", valueDim());
    c.put("dropout", dropout());
    c.put("use_bias", useBias());
    c.put("use_gate", useGate());
    c.put("output_shape", outputShape() == null ? null : ConfigLists.of(outputShape()));
    int[] axes = math.attentionAxes() != null ? math.attentionAxes() : attentionAxes();
    c.put("attention_axes", axes == null ? null : ConfigLists.of(axes));
    c.put("sliding_window", slidingWindow() == 0 ? null : (Object) slidingWindow());
    c.put("kernel_initializer", ser(kernelInitializer()));
    c.put("bias_initializer", ser(biasInitializer()));
    c.put("kernel_regularizer", ser(kernelRegularizer()));
    c.put("bias_regularizer", ser(biasRegularizer()));
    c.put("activity_regularizer", ser(sublayerActivityRegularizer()));
    c.put("kernel_constraint", ser(kernelConstraint()));
    c.put("bias_constraint", ser(biasConstraint()));
    c.put("seed", givenSeed());
    return c;
  }

  /**
   * A MultiHeadAttention layer from its Keras config (Keras' {@code MultiHeadAttention.from_config});
   * {@code output_shape} and {@code attention_axes} may be one integer or a list.
   */
  public static MultiHeadAttention fromConfig(Map<String, Object> config) {
    Config c = new Config("MultiHeadAttention", config);
    MultiHeadAttention m = new MultiHeadAttention(c.integer("num_heads"), c.integer("key_dim"));
    Integer valueDim = c.optionalInteger("value_dim");
    if (valueDim != null) {
      m.valueDim(valueDim);
    }
    m.dropout(c.number("dropout", 0.0)).useBias(c.bool("use_bias", true)).useGate(c.bool("use_gate", false));
    int[] outputShape = c.ints("output_shape", null);
    if (outputShape != null) {
      m.outputShape(outputShape);
    }
    int[] axes = c.ints("attention_axes", null);
    if (axes != null) {
      m.attentionAxes(axes);
    }
    Integer window = c.optionalInteger("sliding_window");
    if (window != null) {
      m.slidingWindow(window);
    }
    if (c.has("kernel_initializer")) {
      m.kernelInitializer(Initializers.get(c.get("kernel_initializer")));
    }
    if (c.has("bias_initializer")) {
      m.biasInitializer(Initializers.get(c.get("bias_initializer")));
    }
    m.kernelRegularizer(io.keras4j.regularizers.Regularizer.get(c.get("kernel_regularizer")))
        .biasRegularizer(io.keras4j.regularizers.Regularizer.get(c.get("bias_regularizer")))
        .kernelConstraint(io.keras4j.constraints.Constraint.get(c.get("kernel_constraint")))
        .biasConstraint(io.keras4j.constraints.Constraint.get(c.get("bias_constraint")));
    Long seed = c.optionalLong("seed");
    if (seed != null) {
      m.seed(seed);
    }
    return withBaseConfig(m, c);
  }
}
