package io.keras4j.layers;

import io.keras4j.activations.Activations;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Softmax along {@code axis}, or jointly over several axes ({@code exp(x - logsumexp(x, axes))}).
 *
 * <p>Keras equivalent: {@code keras.layers.Softmax(axis=-1)}.
 * <pre>{@code model.add(new Softmax().axis(1));}</pre>
 */
public class Softmax extends BaseLayer<Softmax> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private int[] axes = {-1};

  /** A softmax over the last axis. */
  public Softmax() {}

  /** The same as {@code new Softmax().axis(axis)}. */
  public Softmax(int axis) {
    this.axes = new int[] {axis};
  }

  /**
   * Sets the normalised axis or axes (Keras' {@code axis=}, an int or a tuple), negative counting from the end.
   * Default -1.
   */
  public Softmax axis(int... axes) {
    checkNotBuilt("axis");
    if (axes == null || axes.length == 0) {
      throw new IllegalArgumentException("Softmax: `axis` needs at least one axis. Received: axis=[]");
    }
    this.axes = axes.clone();
    return this;
  }

  /** The input's shape (Keras' {@code compute_output_shape}): found without tracing a scratch graph. */
  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    return List.of(inputShapes.get(0));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    if (axes.length == 1) {
      return Activations.softmax(input, axes[0]);
    }
    // Keras' Softmax over a tuple of axes: exp(x - logsumexp(x, axes, keepdims=True))
    io.keras4j.backend.Ops ops = ops();
    return ops.exp(ops.subtract(input, ops.logSumExp(input, axes, true)));
  }

  /**
   * The softmax where the mask is true (or above 0.5), 0 elsewhere (Keras' {@code Softmax.call(inputs, mask)}): a
   * masked entry takes -1e9 before the softmax. As in Keras, the mask broadcasts against the input from the last
   * axis, so an attention mask fits, and a (batch, steps) sequence mask before (batch, steps, features) is refused.
   */
  @Override
  protected Tensor call(Tensor input, Tensor mask, boolean training) {
    if (mask == null) {
      return call(input, training);
    }
    Shape m = mask.shape();
    Shape x = input.shape();
    boolean fits = m.rank() <= x.rank();
    for (int i = 1; fits && i <= m.rank(); i++) {
      long md = m.get(-i);
      long xd = x.get(-i);
      fits = md < 0 || xd < 0 || md == 1 || md == xd;
    }
    if (!fits) {
      throw new IllegalArgumentException("Layer '" + name() + "': the `mask` must be broadcastable to `inputs`. Each "
          + "mask dimension must be 1 or match the corresponding input dimension. Received: inputs.shape=" + x
          + ", mask.shape=" + m);
    }
    io.keras4j.backend.Ops ops = ops();
    Tensor keep = mask.dtype().equals("bool") ? mask : ops.greater(mask, ops.cast(ops.constant(0.5f), mask.dtype()));
    Tensor out = call(ops.where(keep, input, ops.constant(-1e9f)), training);
    return ops.where(keep, out, ops.zerosLike(out));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axes.length == 1 ? (Object) axes[0] : java.util.Arrays.stream(axes).boxed().toList());
    return c;
  }

  /** A Softmax layer from its Keras config (Keras' {@code Softmax.from_config}). */
  public static Softmax fromConfig(Map<String, Object> config) {
    Config c = new Config("Softmax", config);
    return withBaseConfig(new Softmax().axis(c.ints("axis", new int[] {-1})), c);
  }
}
