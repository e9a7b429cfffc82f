package io.keras4j.layers;

import io.keras4j.backend.Tensor;
import io.keras4j.regularizers.L1L2;
import io.keras4j.saving.Config;
import java.util.Map;

/**
 * Identity that adds {@code l1 * sum|x| + l2 * sum x^2} of its input to the training loss.
 *
 * <p>Keras equivalent: {@code keras.layers.ActivityRegularization(l1=0.0, l2=0.0)}.
 * <pre>{@code model.add(new ActivityRegularization().l2(1e-4));}</pre>
 */
public class ActivityRegularization extends BaseLayer<ActivityRegularization> {
  {
    supportsMasking(true); // Keras: self.supports_masking = True
  }

  private double l1;
  private double l2;

  /** No penalty until {@link #l1} or {@link #l2} is set. */
  public ActivityRegularization() {
    activityRegularizer(new L1L2(0, 0));
  }

  /** The penalty {@code l1 * sum|x| + l2 * sum x^2}. */
  public ActivityRegularization(double l1, double l2) {
    l1(l1).l2(l2);
  }

  /** Sets the L1 factor (Keras' {@code l1=}). Default 0. */
  public ActivityRegularization l1(double l1) {
    this.l1 = check("l1", l1);
    activityRegularizer(new L1L2(this.l1, l2));
    return this;
  }

  /** Sets the L2 factor (Keras' {@code l2=}). Default 0. */
  public ActivityRegularization l2(double l2) {
    this.l2 = check("l2", l2);
    activityRegularizer(new L1L2(l1, this.l2));
    return this;
  }

  private double check(String key, double v) {
    checkNotBuilt(key);
    if (!(v >= 0)) {
      throw new IllegalArgumentException("Layer '" + name() + "': `" + key + "` must be >= 0. Received: " + key + "="
          + v);
    }
    return v;
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return input;
  }

  /** Keras' keys {@code l1}, {@code l2}; the activity regularizer they make is not written (Keras does the same). */
  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.remove("activity_regularizer");
    c.put("l1", l1);
    c.put("l2", l2);
    return c;
  }

  /** An ActivityRegularization layer from its Keras config (Keras' {@code ActivityRegularization.from_config}). */
  public static ActivityRegularization fromConfig(Map<String, Object> config) {
    Config c = new Config("ActivityRegularization", config);
    ActivityRegularization a = withBaseConfig(new ActivityRegularization(), c);
    return a.l1(c.number("l1", 0)).l2(c.number("l2", 0));
  }
}
