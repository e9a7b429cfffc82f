package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.random.SeedGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The base of Attention and AdditiveAttention: scores of a query against a key, masked, softmaxed over the key's
 * steps, and used to weigh the value.
 *
 * <p>Keras equivalent: {@code keras.layers.Attention} (keras/src/layers/attention/attention.py), the base that
 * Keras' AdditiveAttention subclasses. A subclass gives the scores ({@code _calculate_scores}). The call follows
 * Keras' order of operations: the value mask (and the causal mask) lowers the masked scores by 1e9, then softmax
 * over the last axis, dropout on the distribution in training, its product with the value, and zeros where the
 * query mask is false.
 *
 * <p>Porting note: Keras' call arguments are this layer's inputs, named as in {@link #apply(Map)}; the keywords
 * {@code use_causal_mask} and {@code return_attention_scores}, which Keras takes per call, are settings of the
 * layer in keras4j (a functional graph fixes them), read from and written to a node's {@code kwargs} in a
 * {@code .keras} file. Masks are given explicitly (Keras' {@code mask=[query_mask, value_mask]}).
 *
 * @param <T> the concrete attention layer
 */
public abstract class BaseAttention<T extends BaseAttention<T>> extends BaseLayer<T> implements CallArguments {
  /** The tensor call arguments, in the order the layer's inputs list them. */
  static final List<String> ARGUMENTS = List.of("query", "value", "key", "query_mask", "value_mask");
  private boolean useScale;
  private double dropout;
  private long seed = Backend.nextSeed();
  private Long givenSeed;
  private SeedGenerator seedGenerator;
  private boolean useCausalMask;
  private boolean returnAttentionScores;
  private final AttentionInputs inputs = new AttentionInputs(this, ARGUMENTS);

  protected BaseAttention(boolean useScale) {
    this.useScale = useScale;
  }

  /** Sets whether a trained scale multiplies the scores (Keras' {@code use_scale=}). */
  public T useScale(boolean useScale) {
    checkNotBuilt("use_scale");
    this.useScale = useScale;
    return self();
  }

  public boolean useScale() {
    return useScale;
  }

  /** Sets the fraction of the attention distribution dropped in training (Keras' {@code dropout=}). Default 0. */
  public T dropout(double dropout) {
    checkNotBuilt("dropout");
    if (!(dropout >= 0 && dropout <= 1)) {
      throw new IllegalArgumentException("Layer '" + name() + "': `dropout` must be a float between 0 and 1. "
          + "Received: dropout=" + dropout);
    }
    this.dropout = dropout;
    this.seedGenerator = dropout > 0 ? new SeedGenerator(seed) : null;
    return self();
  }

  public double dropout() {
    return dropout;
  }

  /** Sets the seed of the dropout (Keras' {@code seed=}). Default: drawn from the global generator. */
  public T seed(long seed) {
    checkNotBuilt("seed");
    this.seed = seed;
    this.givenSeed = seed;
    this.seedGenerator = dropout > 0 ? new SeedGenerator(seed) : null;
    return self();
  }

  /**
   * Sets whether position i of the query may only attend to positions j &lt;= i of the value (Keras' call
   * keyword {@code use_causal_mask=}). Default false.
   */
  public T useCausalMask(boolean useCausalMask) {
    this.useCausalMask = useCausalMask;
    return self();
  }

  public boolean useCausalMask() {
    return useCausalMask;
  }

  /**
   * Sets whether the layer also outputs the attention distribution, shape (batch, Tq, Tv) (Keras' call keyword
   * {@code return_attention_scores=}). Default false.
   */
  public T returnAttentionScores(boolean returnAttentionScores) {
    checkNotBuilt("return_attention_scores");
    this.returnAttentionScores = returnAttentionScores;
    return self();
  }

  public boolean returnAttentionScores() {
    return returnAttentionScores;
  }

  /**
   * Calls the layer on named tensors, Keras' call arguments: {@code query} (batch, Tq, dim) and {@code value}
   * (batch, Tv, dim) required; {@code key} (batch, Tv, dim), {@code query_mask} (batch, Tq) and
   * {@code value_mask} (batch, Tv) optional. Returns the output, then the scores when
   * {@link #returnAttentionScores} is set.
   * <pre>{@code attention.apply(Map.of("query", q, "value", v, "value_mask", vMask))}</pre>
   */
  public List<io.keras4j.backend.KerasTensor> apply(Map<String, io.keras4j.backend.KerasTensor> arguments) {
    return super.apply(inputs.order(arguments));
  }

  /**
   * Keras' {@code layer([query, value, key], mask=[query_mask, value_mask])}: {@code inputs} of 2 or 3 tensors,
   * {@code mask} of 2 (either may be null).
   */
  public List<io.keras4j.backend.KerasTensor> apply(List<io.keras4j.backend.KerasTensor> inputs,
      List<io.keras4j.backend.KerasTensor> mask) {
    return apply(AttentionInputs.named(name(), inputs, mask, "query_mask", "value_mask"));
  }

  /** Calls the layer on named graph tensors (see {@link #apply(Map)}), inside another layer's or a model's call. */
  public List<Tensor> applyAll(Map<String, Tensor> arguments, boolean training) {
    return applyAll(inputs.order(arguments), training);
  }

  @Override
  public List<io.keras4j.backend.KerasTensor> apply(List<io.keras4j.backend.KerasTensor> list) {
    inputs.layout(list.size());
    return super.apply(list);
  }

  /** The scores of {@code query} (..., Tq, dim) against {@code key} (..., Tv, dim): shape (..., Tq, Tv). */
  protected abstract Tensor scores(Tensor query, Tensor key);

  /** Creates the weights for a query of {@code queryShape}. */
  protected abstract void build(Shape queryShape, Shape valueShape);

  @Override
  protected void build(List<Shape> shapes) {
    Map<String, Shape> s = inputs.byName(shapes);
    Shape q = s.get("query");
    Shape v = s.get("value");
    if (q.rank() < 2 || v.rank() != q.rank() || s.containsKey("key") && s.get("key").rank() != q.rank()) {
      throw new IllegalArgumentException("Layer '" + name() + "' expects query, value and key of one rank >= 2, "
          + "(batch, Tq, dim) and (batch, Tv, dim). Received: " + s);
    }
    build(q, v);
  }

  @Override
  protected List<Tensor> call(List<Tensor> list, boolean training) {
    return call(list, null, training);
  }

  /**
   * The call with the Keras masks of the inputs: as in Keras ({@code mask=[query_mask, value_mask]} taken from the
   * query's and the value's masks), used when no mask is given explicitly.
   */
  @Override
  protected List<Tensor> call(List<Tensor> list, List<Tensor> masks, boolean training) {
    Map<String, Tensor> a = inputs.byName(list, masks, List.of("query", "value"), true);
    Ops ops = ops();
    Tensor q = a.get("query");
    Tensor v = a.get("value");
    Tensor k = a.getOrDefault("key", v);
    Tensor scores = scores(q, k);
    Tensor mask = a.containsKey("value_mask") ? AttentionInputs.bool(a.get("value_mask")) : null;
    if (useCausalMask) {
      Tensor causal = AttentionInputs.causalMask(ops.dimension(scores, -2), ops.dimension(scores, -1));
      mask = mask == null ? causal : ops.logicalAnd(ops.expandDims(mask, -2), causal);
    }
    if (mask != null) {
      if (mask.rank() == scores.rank() - 1) {
        mask = ops.expandDims(mask, -2);
      }
      scores = ops.where(ops.logicalNot(mask), ops.add(scores, -1e9f), scores);
    }
    Tensor weights = ops.softmax(scores, -1);
    if (training && dropout > 0) {
      weights = ops.statelessDropout(weights, dropout, ops.shapeOf(weights), seedGenerator.next());
    }
    Tensor out = ops.matmul(weights, v);
    if (a.containsKey("query_mask")) {
      out = ops.where(ops.expandDims(AttentionInputs.bool(a.get("query_mask")), -1), out, ops.constant(0f));
    }
    return returnAttentionScores ? List.of(out, weights) : List.of(out);
  }

  /** The output's mask: the query mask, explicit or the query's own (Keras' {@code compute_mask}), else none. */
  @Override
  public List<Tensor> computeMask(List<Tensor> list, List<Tensor> masks) {
    Tensor m = inputs.byName(list, masks, List.of("query", "value"), true).get("query_mask");
    return m == null ? null : java.util.Collections.singletonList(AttentionInputs.bool(m));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> shapes, List<String> dtypes) {
    Map<String, Shape> s = inputs.byName(shapes);
    Shape q = s.get("query");
    Shape v = s.get("value");
    Shape k = s.getOrDefault("key", v);
    List<Shape> out = new ArrayList<>();
    out.add(q.with(-1, v.get(-1)));
    if (returnAttentionScores) {
      out.add(q.with(-1, k.get(-2)));
    }
    return out;
  }

  @Override
  public List<io.keras4j.random.SeedGenerator> seedGenerators() {
    return seedGenerator == null ? List.of() : List.of(seedGenerator);
  }

  @Override
  public Map<String, Object> nodeArguments(List<Object> serializedInputs) {
    Map<String, Object> named = inputs.byName(serializedInputs);
    List<Object> tensors = new ArrayList<>(List.of(named.get("query"), named.get("value")));
    if (named.containsKey("key")) {
      tensors.add(named.get("key"));
    }
    Map<String, Object> kwargs = new java.util.LinkedHashMap<>();
    if (named.containsKey("query_mask") || named.containsKey("value_mask")) {
      kwargs.put("mask", java.util.Arrays.asList(named.get("query_mask"), named.get("value_mask")));
    }
    AttentionInputs.putFlags(kwargs, returnAttentionScores, useCausalMask);
    Map<String, Object> node = new java.util.LinkedHashMap<>();
    node.put("args", List.of(tensors));
    node.put("kwargs", kwargs);
    return node;
  }

  /** Keras' build_config: the shapes of {@code [query, value(, key)]}, the masks left out. */
  @Override
  public Map<String, Object> buildConfig(List<Object> inputShapes) {
    Map<String, Object> named = inputs.byName(inputShapes);
    List<Object> shapes = new ArrayList<>(List.of(named.get("query"), named.get("value")));
    if (named.containsKey("key")) {
      shapes.add(named.get("key"));
    }
    return Map.of("input_shape", shapes);
  }

  @Override
  public List<io.keras4j.backend.KerasTensor> applyNode(List<Object> args, Map<String, Object> kwargs) {
    Map<String, Object> kw = new java.util.LinkedHashMap<>(kwargs);
    List<Object> in = args.isEmpty() ? AttentionInputs.list(kw.remove("inputs")) : AttentionInputs.list(args.get(0));
    List<Object> mask = kw.containsKey("mask") ? AttentionInputs.list(kw.remove("mask")) : List.of();
    AttentionInputs.readFlags(this, kw, b -> returnAttentionScores(b), b -> useCausalMask(b));
    return apply(AttentionInputs.named(name(), AttentionInputs.tensors(name(), in),
        AttentionInputs.tensors(name(), mask), "query_mask", "value_mask"));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("use_scale", useScale);
    c.put("dropout", dropout);
    c.put("seed", givenSeed);
    return c;
  }

  /** Applies the keys common to both attention layers' configs. */
  static <L extends BaseAttention<L>> L withAttentionConfig(L layer, io.keras4j.saving.Config c, boolean useScale) {
    layer.useScale(c.bool("use_scale", useScale)).dropout(c.number("dropout", 0.0));
    Long seed = c.optionalLong("seed");
    if (seed != null) {
      layer.seed(seed);
    }
    return withBaseConfig(layer, c);
  }
}
