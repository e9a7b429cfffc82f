package io.keras4j.layers;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * A one-input test layer that calls an attention layer on its input as query and value (and key), so that
 * {@link LayerHarness} (one input) can check the attention layers' gradients and training step. {@code extra}
 * adds call arguments made from the input, such as a mask.
 */
final class SelfAttention extends Layer {
  private final Layer inner;
  private final BiFunction<Tensor, Map<String, Tensor>, Map<String, Tensor>> extra;

  SelfAttention(Layer inner, BiFunction<Tensor, Map<String, Tensor>, Map<String, Tensor>> extra) {
    this.inner = track(inner);
    this.extra = extra;
  }

  SelfAttention(Layer inner) {
    this(inner, (x, args) -> args);
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    Tensor x = inputs.get(0);
    Map<String, Tensor> args = new LinkedHashMap<>();
    args.put("query", x);
    args.put("value", x);
    args = extra.apply(x, args);
    List<Tensor> out = inner instanceof MultiHeadAttention m ? m.applyAll(args, training)
        : ((BaseAttention<?>) inner).applyAll(args, training);
    return List.of(out.get(0));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return io.keras4j.backend.Backend.traceShapes(in, dtypes, ts -> call(ts, false));
  }
}
