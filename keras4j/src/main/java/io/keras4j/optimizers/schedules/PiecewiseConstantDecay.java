package io.keras4j.optimizers.schedules;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code values[0]} while step <= boundaries[0], {@code values[i]} while boundaries[i-1] < step <= boundaries[i],
 * and the last value after the last boundary.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.PiecewiseConstantDecay(boundaries, values)}.
 */
public class PiecewiseConstantDecay implements LearningRateSchedule {
  private final long[] boundaries;
  private final double[] values;

  public PiecewiseConstantDecay(long[] boundaries, double[] values) {
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
    Map<String, Object> c = new LinkedHashMap<>();
    c.put("boundaries", boundaries.clone());
    c.put("values", values.clone());
    return c;
  }
}
