package io.keras4j.optimizers;

import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Adaptive moment estimation.
 *
 * <p>Keras equivalent: {@code keras.optimizers.Adam(learning_rate=0.001, beta_1=0.9, beta_2=0.999,
 * epsilon=1e-07, amsgrad=False)}; the update is {@link BaseAdam}'s.
 * <pre>{@code new Adam(1e-3).beta1(0.8).clipnorm(1)}</pre>
 */
public class Adam extends BaseAdam<Adam> {
  /** Adam with Keras' defaults. */
  public Adam() {
    this(0.001);
  }

  /** Adam at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.001). */
  public Adam(double learningRate) {
    super("adam", learningRate);
  }

  /** Adam whose learning rate follows {@code schedule}. */
  public Adam(LearningRateSchedule schedule) {
    super("adam", schedule);
  }

  /** The Adam of Keras' config (Keras' {@code Adam.from_config}). */
  public static Adam fromConfig(Map<String, Object> config) {
    return withAdamConfig(new Adam(), new Config("Adam", config));
  }
}
