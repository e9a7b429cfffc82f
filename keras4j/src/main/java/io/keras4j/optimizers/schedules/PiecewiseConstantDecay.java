package io.keras4j.optimizers.schedules;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.Arrays;
import java.util.Map;

/**
 * {@code values[0]} while step <= boundaries[0], {@code values[i]} while boundaries[i-1] < step <= boundaries[i],
 * and the last value after the last boundary.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.PiecewiseConstantDecay(boundaries, values,
 * name="PiecewiseConstant")}.
 * <pre>{@code new SGD(new PiecewiseConstantDecay(new long[] {100}, new double[] {0.1, 0.01}))}</pre>
 */
public class PiecewiseConstantDecay extends BaseSchedule<PiecewiseConstantDecay> {
  private final long[] boundaries;
  private final double[] values;

  /** {@code values[i]} between {@code boundaries[i-1]} and {@code boundaries[i]}; one more value than boundaries. */
  public PiecewiseConstantDecay(long[] boundaries, double[] values) {
    super("PiecewiseConstant");
    if (values.length != boundaries.length + 1) {
      throw new IllegalArgumentException("The length of boundaries should be 1 less than the length of values. "
          + "Received: boundaries length " + boundaries.length + ", values length " + values.length);
    }
    this.boundaries = boundaries.clone();
    this.values = values.clone();
  }

  @Override
  public Tensor call(Tensor step) {
    Ops ops = Backend.ops();
    Tensor lr = ops.constant((float) values[0]);
    for (int i = 0; i < boundaries.length; i++) {
      Tensor after = ops.cast(ops.greater(step, ops.constant((float) boundaries[i])), "float32");
      lr = ops.add(lr, ops.multiply(after, (float) (values[i + 1] - values[i])));
    }
    return lr;
  }

  @Override
  public double value(long step) {
    for (int i = 0; i < boundaries.length; i++) {
      if (step <= boundaries[i]) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = baseConfig();
    c.put("boundaries", Arrays.stream(boundaries).boxed().toList());
    c.put("values", Arrays.stream(values).boxed().toList());
    return c;
  }

  /** The schedule of Keras' config (Keras' {@code PiecewiseConstantDecay.from_config}). */
  public static PiecewiseConstantDecay fromConfig(Map<String, Object> config) {
    Config c = new Config("PiecewiseConstantDecay", config);
    double[] b = c.numbers("boundaries", new double[0]);
    long[] boundaries = new long[b.length];
    for (int i = 0; i < b.length; i++) {
      boundaries[i] = (long) b[i];
    }
    return withBaseConfig(new PiecewiseConstantDecay(boundaries, c.numbers("values", new double[0])), c);
  }
}
