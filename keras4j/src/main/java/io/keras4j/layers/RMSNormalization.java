package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Root-mean-square normalisation: {@code x * rsqrt(mean(x^2 over axis) + epsilon) * scale}.
 *
 * <p>Keras equivalent: {@code keras.layers.RMSNormalization(axis=-1, epsilon=1e-6)}
 * (keras/src/layers/normalization/rms_normalization.py, {@code keras.ops.rms_normalization}). One weight,
 * {@code scale}, initialised to ones, of the sizes of the normalised axes. Unlike LayerNormalization's deprecated
 * {@code rms_scaling}, there is no centring and no beta. As in Keras, a built layer writes {@code axis} as a sorted
 * list, and {@code scale} broadcasts against the input from the right as NumPy does.
 * <pre>{@code model.add(new RMSNormalization().epsilon(1e-5));}</pre>
 */
public class RMSNormalization extends BaseLayer<RMSNormalization> {
  private int[] axis = {-1};
  private boolean axisList;
  private double epsilon = 1e-6;
  private Variable scale;

  /** RMS normalisation over the last axis. */
  public RMSNormalization() {}

  /** Sets one normalised axis, negative counting from the end (Keras' {@code axis=}). Default -1. */
  public RMSNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = new int[] {axis};
    this.axisList = false;
    return this;
  }

  /** Sets several normalised axes (Keras' {@code axis=} as a list). Default -1. */
  public RMSNormalization axis(int... axes) {
    checkNotBuilt("axis");
    if (require(axes, "axis").length == 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': axis must name at least one axis. Received: axis=[]");
    }
    this.axis = axes.clone();
    this.axisList = true;
    return this;
  }

  /** Sets the small number added to the mean square (Keras' {@code epsilon=}). Default 1e-6. */
  public RMSNormalization epsilon(double epsilon) {
    checkNotBuilt("epsilon");
    if (!(epsilon >= 0) || Double.isInfinite(epsilon)) {
      throw new IllegalArgumentException("Layer '" + name() + "': epsilon must be a finite number >= 0. Received: "
          + "epsilon=" + epsilon);
    }
    this.epsilon = epsilon;
    return this;
  }

  /** The normalised axes. */
  public int[] axis() {
    return axis.clone();
  }

  public double epsilon() {
    return epsilon;
  }

  @Override
  protected void build(Shape inputShape) {
    int rank = inputShape.rank();
    for (int a : axis) {
      if (a >= rank || a < -rank) {
        throw new IllegalArgumentException("Layer '" + name() + "': Axis " + a + " is out of bounds for input shape "
            + inputShape + ". Received: axis=" + axisValue());
      }
    }
    int[] sorted = axis.clone();
    Arrays.sort(sorted); // as Keras' build, which also keeps the list
    long[] shape = new long[sorted.length];
    for (int i = 0; i < sorted.length; i++) {
      shape[i] = inputShape.get(sorted[i]);
      if (shape[i] < 0) {
        throw new IllegalArgumentException("Layer '" + name() + "': axis " + sorted[i] + " of the input must be "
            + "known. Received: input_shape=" + inputShape);
      }
    }
    axis = sorted;
    axisList = true;
    scale = addWeight("scale", Shape.of(shape), "ones", null, null, true);
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    Ops ops = ops();
    int rank = input.rank();
    int[] axes = new int[axis.length];
    for (int i = 0; i < axes.length; i++) {
      axes[i] = axis[i] < 0 ? axis[i] + rank : axis[i];
    }
    Tensor rrms = ops.rsqrt(ops.add(ops.mean(ops.square(input), axes, true), (float) epsilon));
    return ops.multiply(ops.multiply(input, rrms), ops.read(scale));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  private Object axisValue() {
    if (!axisList) {
      return axis[0];
    }
    List<Integer> l = new ArrayList<>();
    for (int a : axis) {
      l.add(a);
    }
    return l;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axisValue());
    c.put("epsilon", epsilon);
    return c;
  }

  /** An RMSNormalization layer from its Keras config (Keras' {@code RMSNormalization.from_config}). */
  public static RMSNormalization fromConfig(Map<String, Object> config) {
    Config c = new Config("RMSNormalization", config);
    RMSNormalization l = new RMSNormalization().epsilon(c.number("epsilon", 1e-6));
    if (c.get("axis") instanceof List<?>) {
      l.axis(c.ints("axis", null));
    } else {
      l.axis(c.integer("axis", -1));
    }
    return withBaseConfig(l, c);
  }
}
