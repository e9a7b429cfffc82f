package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Applies a layer to every time step of its input: the same layer, with the same weights, on each slice
 * {@code x[:, t]} of an input of shape {@code (batch, time, ...)}.
 *
 * <p>Keras equivalent: {@code keras.layers.TimeDistributed(layer)} (keras/src/layers/rnn/time_distributed.py). With a
 * static number of steps, the wrapped layer's call runs once per step, given the step's slice of the mask
 * {@code (batch, time)} and the training flag, and the outputs are stacked on axis 1; the output mask is the input
 * mask (Keras' default {@code compute_mask}). The wrapped layer is built for {@code (batch, ...)} and its weights are
 * saved under {@code time_distributed/layer} in a {@code .keras} file.
 * <pre>{@code
 * KerasTensor frames = Input.of(Shape.of(10, 64, 64, 3), null);
 * KerasTensor features = new TimeDistributed(new Conv2D(16, 3)).apply(frames); // (None, 10, 62, 62, 16)
 * }</pre>
 * Porting note: with an unknown number of steps Keras maps the layer over the steps
 * ({@code backend.vectorized_map}); keras4j folds the steps into the batch axis, calls the layer once and unfolds
 * its output, which gives the same values for layers that treat each sample on its own.
 */
public class TimeDistributed extends Wrapper<TimeDistributed> {

  /** Applies {@code layer} to every time step (Keras' {@code layer}). */
  public TimeDistributed(Layer layer) {
    super(layer);
    supportsMasking(true);
  }

  /** {@code (batch, ...)}: the input shape without its time axis, as the wrapped layer sees it. */
  private Shape childShape(Shape inputShape) {
    if (inputShape.rank() < 3) {
      throw new IllegalArgumentException("`TimeDistributed` Layer should be passed an `input_shape` with at least 3 "
          + "dimensions, received: " + inputShape + " (layer '" + name() + "')");
    }
    long[] d = inputShape.dims();
    long[] child = new long[d.length - 1];
    child[0] = d[0];
    System.arraycopy(d, 2, child, 1, d.length - 2);
    return Shape.of(child);
  }

  @Override
  protected void build(Shape inputShape) {
    buildWrapped(childShape(inputShape));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    Shape in = inputShapes.get(0);
    Shape child = layer().computeOutputShapes(List.of(childShape(in)), dtypes).get(0);
    long[] c = child.dims();
    long[] out = new long[c.length + 1];
    out[0] = c[0];
    out[1] = in.get(1);
    System.arraycopy(c, 1, out, 2, c.length - 1);
    return List.of(Shape.of(out));
  }

  @Override
  protected Tensor call(Tensor input, Tensor mask, boolean training) {
    Shape shape = input.shape();
    childShape(shape);
    if (mask != null) {
      checkMask(shape, mask.shape());
    }
    long steps = shape.get(1);
    return steps >= 0 ? callPerStep(input, mask, (int) steps, training) : callFolded(input, mask, training);
  }

  /** Keras' way for a static number of steps: the wrapped layer's call on each {@code x[:, t]}, stacked on axis 1. */
  private Tensor callPerStep(Tensor input, Tensor mask, int steps, boolean training) {
    Ops ops = ops();
    List<Tensor> outputs = new ArrayList<>();
    for (int t = 0; t < steps; t++) {
      Tensor m = mask == null ? null : step(ops, mask, t);
      outputs.add(callWrapped(step(ops, input, t), m, training));
    }
    return ops.stack(outputs, 1);
  }

  /** Unknown number of steps: {@code (batch * time, ...)} through the wrapped layer, then back to (batch, time). */
  private Tensor callFolded(Tensor input, Tensor mask, boolean training) {
    Ops ops = ops();
    Tensor y = callWrapped(fold(ops, input), mask == null ? null : fold(ops, mask), training);
    long[] rest = java.util.Arrays.copyOfRange(y.shape().dims(), 1, y.rank());
    List<Tensor> parts = new ArrayList<>();
    parts.add(ops.reshape(ops.dimension(input, 0), 1));
    parts.add(ops.reshape(ops.dimension(input, 1), 1));
    parts.add(known(rest) ? ops.constant(ints(rest), Shape.of(rest.length))
        : ops.slice(ops.shapeOf(y), new int[] {1}, new int[] {-1}));
    return ops.reshape(y, ops.concatenate(parts, 0));
  }

  private Tensor callWrapped(Tensor x, Tensor mask, boolean training) {
    List<Tensor> masks = new ArrayList<>();
    masks.add(mask);
    List<Tensor> out = layer().call(List.of(x), masks, training);
    if (out.size() != 1) {
      throw new IllegalArgumentException("Layer '" + name() + "': TimeDistributed wraps layers of one output. "
          + "Received: layer '" + layer().name() + "' with " + out.size() + " outputs");
    }
    return out.get(0);
  }

  /** {@code x[:, t]}. */
  private static Tensor step(Ops ops, Tensor x, int t) {
    int[] begin = new int[x.rank()];
    int[] size = new int[x.rank()];
    java.util.Arrays.fill(size, -1);
    begin[1] = t;
    size[1] = 1;
    return ops.squeeze(ops.slice(x, begin, size), 1);
  }

  /** {@code x} of shape (batch, time, ...) as (batch * time, ...), its static sizes kept. */
  private static Tensor fold(Ops ops, Tensor x) {
    long[] rest = java.util.Arrays.copyOfRange(x.shape().dims(), 2, x.rank());
    Tensor restShape = known(rest) ? ops.constant(ints(rest), Shape.of(rest.length))
        : ops.slice(ops.shapeOf(x), new int[] {2}, new int[] {-1});
    return ops.reshape(x, ops.concatenate(List.of(ops.constant(new int[] {-1}, Shape.of(1)), restShape), 0));
  }

  private static boolean known(long[] dims) {
    return java.util.Arrays.stream(dims).allMatch(d -> d >= 0);
  }

  private static int[] ints(long[] dims) {
    return java.util.Arrays.stream(dims).mapToInt(d -> (int) d).toArray();
  }

  private void checkMask(Shape input, Shape mask) {
    if (mask.rank() < 2) {
      throw new IllegalArgumentException("The `mask` passed to the `TimeDistributed` layer must be at least 2D (e.g., "
          + "`(batch_size, timesteps)`), but it has " + mask.rank() + " dimension(s) with shape " + mask
          + " (layer '" + name() + "')");
    }
    for (int i = 0; i < 2; i++) {
      if (input.get(i) >= 0 && mask.get(i) >= 0 && input.get(i) != mask.get(i)) {
        throw new IllegalArgumentException("The `mask` passed to the `TimeDistributed` layer has a shape " + mask
            + " that is incompatible with the input shape " + input + ". The first two dimensions of the mask (batch "
            + "size and timesteps) must match the input's first two dimensions (layer '" + name() + "')");
      }
    }
  }

  /** A TimeDistributed layer from its Keras config, the wrapped layer read through {@link Layers}. */
  public static TimeDistributed fromConfig(Map<String, Object> config) {
    Config c = new Config("TimeDistributed", config);
    return withBaseConfig(new TimeDistributed(wrappedLayer("TimeDistributed", c)), c);
  }
}
