package io.keras4j.optimizers;

import io.keras4j.optimizers.schedules.LearningRateSchedule;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Adam with decoupled weight decay.
 *
 * <p>Keras equivalent: {@code keras.optimizers.AdamW(learning_rate=0.001, weight_decay=0.004, beta_1=0.9,
 * beta_2=0.999, epsilon=1e-07, amsgrad=False)}: before each Adam step {@code w -= w * weight_decay * lr}.
 */
public class AdamW extends BaseAdam<AdamW> {
  /** AdamW with Keras' defaults. */
  public AdamW() {
    this(0.001);
  }

  /** AdamW at learning rate {@code learningRate} (Keras' {@code learning_rate=}, default 0.001). */
  public AdamW(double learningRate) {
    super("adam_w", learningRate);
    weightDecay(0.004);
  }

  /** AdamW whose learning rate follows {@code schedule}. */
  public AdamW(LearningRateSchedule schedule) {
    super("adam_w", schedule);
    weightDecay(0.004);
  }

  /** The AdamW of Keras' config (Keras' {@code AdamW.from_config}). */
  public static AdamW fromConfig(Map<String, Object> config) {
    return withAdamConfig(new AdamW(), new Config("AdamW", config));
  }
}
