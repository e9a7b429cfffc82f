package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Normalises each sample over groups of channels (and all spatial positions); the channels are on {@code axis}.
 *
 * <p>Keras equivalent: {@code keras.layers.GroupNormalization(groups=32, axis=-1, epsilon=0.001, center=True,
 * scale=True, beta_initializer="zeros", gamma_initializer="ones", beta_regularizer=None, ...)}; gamma and beta are
 * per channel. groups=1 is layer normalisation over all features, groups=channels is instance normalisation.
 * <pre>{@code model.add(new GroupNormalization().groups(8));}</pre>
 */
public class GroupNormalization extends BaseNormalization<GroupNormalization> {
  private int groups = 32;
  private int axis = -1;
  private Variable gamma;
  private Variable beta;

  /** Sets the number of channel groups, > 0, dividing the channels (Keras' {@code groups=}). Default 32. */
  public GroupNormalization groups(int groups) {
    checkNotBuilt("groups");
    if (groups <= 0) {
      throw new IllegalArgumentException("Layer '" + name() + "': groups must be positive. Received: groups="
          + groups);
    }
    this.groups = groups;
    return this;
  }

  /** Sets the channel axis (Keras' {@code axis=}), negative counting from the end. Default -1. */
  public GroupNormalization axis(int axis) {
    checkNotBuilt("axis");
    this.axis = axis;
    return this;
  }

  @Override
  protected void build(Shape inputShape) {
    int a = channelAxis(inputShape.rank());
    long c = inputShape.get(a);
    if (c < 0 || c % groups != 0) {
      throw new IllegalArgumentException("Number of groups (" + groups + ") must be a multiple of the number of "
          + "channels (" + c + ") in layer '" + name() + "'. Input shape: " + inputShape);
    }
    if (scale()) {
      gamma = addGamma(Shape.of(c));
    }
    if (center()) {
      beta = addBeta(Shape.of(c));
    }
  }

  private int channelAxis(int rank) {
    int a = axis < 0 ? axis + rank : axis;
    if (a < 1 || a >= rank) {
      throw new IllegalArgumentException("Layer '" + name() + "': axis must be a non-batch axis of the rank-" + rank
          + " inputs. Received: axis=" + axis);
    }
    return a;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    int rank = input.rank();
    int a = channelAxis(rank);
    if (a == rank - 1) {
      return channelsLast(input);
    }
    // Porting note: another channel axis is moved last, normalised, and moved back (Keras reshapes in place)
    int[] perm = new int[rank];
    int[] back = new int[rank];
    for (int i = 0, j = 0; i < rank; i++) {
      if (i != a) {
        perm[j++] = i;
      }
    }
    perm[rank - 1] = a;
    for (int i = 0; i < rank; i++) {
      back[perm[i]] = i;
    }
    Ops ops = ops();
    return ops.transpose(channelsLast(ops.transpose(input, perm)), back);
  }

  private Tensor channelsLast(Tensor input) {
    Ops ops = ops();
    Shape s = input.shape();
    int rank = s.rank();
    long c = s.get(-1);
    long[] grouped = new long[rank + 1];
    grouped[0] = -1;
    for (int i = 1; i < rank - 1; i++) {
      grouped[i] = s.get(i);
    }
    grouped[rank - 1] = groups;
    grouped[rank] = c / groups;
    Tensor g = ops.reshape(input, grouped);
    int[] axes = new int[rank - 1];
    for (int i = 1; i < rank - 1; i++) {
      axes[i - 1] = i;
    }
    axes[rank - 2] = rank;
    Tensor mean = ops.mean(g, axes, true);
    Tensor variance = ops.mean(ops.square(ops.subtract(g, mean)), axes, true);
    Tensor normed = ops.multiply(ops.subtract(g, mean), ops.rsqrt(ops.add(variance, (float) epsilon())));
    long[] back = s.dims();
    back[0] = -1;
    Tensor y = ops.reshape(normed, back);
    if (gamma != null) {
      y = ops.multiply(y, ops.read(gamma));
    }
    return beta == null ? y : ops.add(y, ops.read(beta));
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    return List.of(in.get(0));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("groups", groups);
    c.put("axis", axis);
    putEpsilonCenterScale(c);
    putInitializers(c);
    putRegularizersAndConstraints(c);
    return c;
  }

  /** A GroupNormalization layer from its Keras config (Keras' {@code GroupNormalization.from_config}). */
  public static GroupNormalization fromConfig(Map<String, Object> config) {
    Config c = new Config("GroupNormalization", config);
    GroupNormalization g = readShared(new GroupNormalization(), c).groups(c.integer("groups", 32))
        .axis(singleAxis(c, "axis", -1));
    return withBaseConfig(g, c);
  }
}
