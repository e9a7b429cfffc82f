package io.keras4j.optimizers.schedules;

import io.keras4j.backend.Tensor;
import java.util.Map;

/**
 * A learning rate as a function of the step, computed in the graph at every step and on the host on request.
 *
 * <p>Keras equivalent: {@code keras.optimizers.schedules.LearningRateSchedule}.
 * <pre>{@code new Adam(new ExponentialDecay(1e-3, 1000, 0.96))}</pre>
 */
public interface LearningRateSchedule extends io.keras4j.saving.KerasSerializable {
  /** The learning rate at {@code step} (a float32 scalar, counted from 0), built with {@code Backend.ops()}. */
  Tensor call(Tensor step);

  /** The learning rate at {@code step}, on the host. */
  double value(long step);

  /** Keras' config: the constructor's keyword arguments. */
  @Override
  Map<String, Object> getConfig();

  /** Keras' module, {@code "keras.optimizers.schedules"}. */
  @Override
  default String kerasModule() {
    return "keras.optimizers.schedules";
  }
}
