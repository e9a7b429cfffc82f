package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;

/**
 * The attention computation of {@link MultiHeadAttention}: its einsum equations, masks and masked softmax.
 *
 * <p>Keras equivalent: {@code _build_proj_equation}, {@code _build_attention_equation},
 * {@code _compute_attention_mask}, {@code _masked_softmax} and {@code _compute_attention} of
 * keras/src/layers/attention/multi_head_attention.py, with {@code dot_product_attention} of Keras' TensorFlow
 * backend (keras/src/backend/tensorflow/nn.py) for the fused path.
 */
final class MultiHeadAttentionMath {
  /** The fill of masked logits in Keras' TensorFlow {@code dot_product_attention} (-0.7 * 3.38953e38). */
  static final float FUSED_LARGE_NEGATIVE = (float) (3.38953e38 * -0.7);
  /** The fill of masked scores in Keras' Softmax layer. */
  static final float SOFTMAX_LARGE_NEGATIVE = -1e9f;
  private final BaseMultiHeadAttention layer;
  private int[] attentionAxes;
  private String dotProductEquation;
  private String combineEquation;
  private int[] normAxes;

  MultiHeadAttentionMath(BaseMultiHeadAttention layer) {
    this.layer = layer;
  }

  private static char letter(int i) {
    return (char) ('a' + i);
  }

  /** Keras' {@code _build_proj_equation}: {equation, bias axes}. */
  static String[] projectionEquation(int freeDims, int boundDims, int outputDims) {
    StringBuilder input = new StringBuilder();
    StringBuilder kernel = new StringBuilder();
    StringBuilder output = new StringBuilder();
    StringBuilder bias = new StringBuilder();
    for (int i = 0; i < freeDims; i++) {
      input.append(letter(i));
      output.append(letter(i));
    }
    for (int i = 0; i < boundDims; i++) {
      input.append(letter(freeDims + i));
      kernel.append(letter(freeDims + i));
    }
    for (int i = 0; i < outputDims; i++) {
      char c = letter(freeDims + boundDims + i);
      kernel.append(c);
      output.append(c);
      bias.append(c);
    }
    return new String[] {input + "," + kernel + "->" + output, bias.toString()};
  }

  /** Keras' check that the value and the key agree on every axis but the last. */
  static void checkKeyValue(String layer, Shape v, Shape k) {
    boolean same = v.rank() == k.rank();
    for (int i = 1; same && i < v.rank() - 1; i++) {
      same = v.get(i) == k.get(i);
    }
    if (!same) {
      throw new IllegalArgumentException("All dimensions of `value` and `key`, except the last one, must be equal. "
          + "Received: value_shape=" + v + " and key_shape=" + k + " (layer '" + layer + "')");
    }
  }

  /** Keras' {@code _build_attention}: resolves the attention axes for projections of {@code rank}. */
  void build(int rank) {
    int[] given = layer.attentionAxes();
    if (given == null) {
      attentionAxes = new int[rank - 3];
      for (int i = 0; i < attentionAxes.length; i++) {
        attentionAxes[i] = i + 1;
      }
    } else {
      attentionAxes = new int[given.length];
      for (int i = 0; i < given.length; i++) {
        attentionAxes[i] = given[i] >= 0 ? given[i] : rank - 1 + given[i];
        if (attentionAxes[i] <= 0 || attentionAxes[i] >= rank - 2) {
          throw new IllegalArgumentException("Layer '" + layer.name() + "': attention_axes must name axes between the "
              + "batch and the features of the inputs. Received: attention_axes="
              + java.util.Arrays.toString(given) + " for inputs of rank " + (rank - 1));
        }
      }
    }
    StringBuilder target = new StringBuilder();
    for (int i = 0; i < rank; i++) {
      target.append(letter(i));
    }
    List<Integer> batchDims = new ArrayList<>();
    for (int i = 0; i < rank - 1; i++) {
      if (!contains(attentionAxes, i)) {
        batchDims.add(i);
      }
    }
    StringBuilder source = new StringBuilder();
    int offset = rank;
    for (int i = 0; i < rank; i++) {
      source.append(batchDims.contains(i) || i == rank - 1 ? target.charAt(i) : letter(offset++));
    }
    StringBuilder product = new StringBuilder();
    batchDims.forEach(i -> product.append(target.charAt(i)));
    for (int a : attentionAxes) {
      product.append(target.charAt(a));
    }
    for (int a : attentionAxes) {
      product.append(source.charAt(a));
    }
    dotProductEquation = source + "," + target + "->" + product;
    combineEquation = product + "," + source + "->" + target;
    int scoresRank = product.length();
    normAxes = new int[attentionAxes.length];
    for (int i = 0; i < normAxes.length; i++) {
      normAxes[i] = scoresRank - attentionAxes.length + i;
    }
  }

  private static boolean contains(int[] a, int x) {
    for (int v : a) {
      if (v == x) {
        return true;
      }
    }
    return false;
  }

  /** The resolved attention axes, or null before build. */
  int[] attentionAxes() {
    return attentionAxes == null ? null : attentionAxes.clone();
  }

  /** The scores' shape for a query and value of these shapes: (batch dims, heads, query axes, key axes). */
  Shape scoresShape(Shape query, Shape value) {
    int rank = query.rank() + 1;
    long[] q = new long[rank];
    long[] v = new long[rank];
    System.arraycopy(query.dims(), 0, q, 0, rank - 2);
    System.arraycopy(value.dims(), 0, v, 0, rank - 2);
    q[rank - 2] = layer.numHeads();
    List<Long> dims = new ArrayList<>();
    for (int i = 0; i < rank - 1; i++) {
      if (!contains(attentionAxes, i)) {
        dims.add(q[i]);
      }
    }
    for (int a : attentionAxes) {
      dims.add(q[a]);
    }
    for (int a : attentionAxes) {
      dims.add(v[a]);
    }
    return Shape.of(dims.stream().mapToLong(Long::longValue).toArray());
  }

  /** Keras' {@code _compute_attention_mask}: the masks given, and-ed, broadcastable to (batch, T, S); or null. */
  Tensor attentionMask(Tensor query, Tensor value, Tensor queryMask, Tensor valueMask, Tensor keyMask,
      Tensor attentionMask, boolean useCausalMask, int slidingWindow) {
    Ops ops = Layer.ops();
    Tensor auto = null;
    if (queryMask != null) {
      auto = ops.expandDims(AttentionInputs.bool(queryMask), -1);
    }
    for (Tensor m : new Tensor[] {valueMask, keyMask}) {
      if (m != null) {
        Tensor e = ops.expandDims(AttentionInputs.bool(m), -2);
        auto = auto == null ? e : ops.logicalAnd(auto, e);
      }
    }
    if (useCausalMask) {
      Tensor causal = AttentionInputs.causalMask(ops.dimension(query, 1), ops.dimension(value, 1));
      auto = auto == null ? causal : ops.logicalAnd(auto, causal);
    }
    if (slidingWindow > 0) {
      Tensor zero = ops.constant(new int[] {0}, Shape.scalar());
      Tensor rows = ops.expandDims(ops.expandDims(ops.range(zero, ops.dimension(query, 1)), -1), 0);
      Tensor cols = ops.expandDims(ops.expandDims(ops.range(zero, ops.dimension(value, 1)), 0), 0);
      Tensor band = ops.less(ops.abs(ops.subtract(rows, cols)), ops.constant(new int[] {slidingWindow},
          Shape.scalar()));
      auto = auto == null ? band : ops.logicalAnd(auto, band);
    }
    Tensor mask = attentionMask == null ? null : AttentionInputs.bool(attentionMask);
    if (auto != null) {
      mask = mask == null ? auto : ops.logicalAnd(mask, auto);
    }
    return mask;
  }

  /** Expands {@code mask} from the heads' axis on, Keras' {@code mask_expansion_axis}, to {@code rank}. */
  private Tensor expandMask(Tensor mask, int rank) {
    Ops ops = Layer.ops();
    int axis = -attentionAxes.length * 2 - 1;
    while (mask.rank() < rank) {
      mask = ops.expandDims(mask, axis);
    }
    return mask;
  }

  /**
   * Keras' {@code _compute_attention} on the projected tensors: {output, scores}; the scores are null on the
   * fused path (where Keras returns None).
   */
  Tensor[] attention(Tensor q, Tensor k, Tensor v, Tensor mask, boolean training, boolean returnScores,
      boolean causalOnly, Dropout dropout) {
    Ops ops = Layer.ops();
    float scale = (float) (1.0 / Math.sqrt(layer.keyDim()));
    if (!(layer.dropout() > 0 || returnScores || q.rank() != 4)) {
      // Keras' TensorFlow dot_product_attention: "BTNH,BSNH->BNTS", scaled, masked, softmax, "BNTS,BSNH->BTNH"
      Tensor logits = ops.multiply(ops.einsum("abcd,aecd->acbe", q, k), scale);
      Tensor m = causalOnly ? AttentionInputs.causalMask(ops.dimension(logits, 2), ops.dimension(logits, 3)) : mask;
      if (m != null) {
        logits = ops.where(expandMask(m, 4), logits, ops.constant(FUSED_LARGE_NEGATIVE));
      }
      Tensor probs = ops.softmax(logits, -1);
      return new Tensor[] {ops.einsum("acbe,aecd->abcd", probs, v), null};
    }
    if (causalOnly) {
      mask = AttentionInputs.causalMask(ops.dimension(q, 1), ops.dimension(v, 1));
    }
    Tensor scores = ops.einsum(dotProductEquation, k, ops.multiply(q, scale));
    scores = maskedSoftmax(scores, mask == null ? null : expandMask(mask, scores.rank()));
    Tensor dropped = layer.dropout() > 0 ? dropout.apply(scores, training) : scores;
    return new Tensor[] {ops.einsum(combineEquation, dropped, v), scores};
  }

  /** Keras' Softmax layer over the attention axes, with a mask: -1e9 where masked, then zeros there. */
  private Tensor maskedSoftmax(Tensor scores, Tensor mask) {
    Ops ops = Layer.ops();
    Tensor x = mask == null ? scores : ops.where(mask, scores, ops.constant(SOFTMAX_LARGE_NEGATIVE));
    Tensor out = normAxes.length == 1 ? ops.softmax(x, normAxes[0])
        : ops.exp(ops.subtract(x, ops.logSumExp(x, normAxes, true)));
    return mask == null ? out : ops.where(mask, out, ops.constant(0f));
  }
}
