package io.keras4j.layers;

import io.keras4j.backend.Tensor;
import io.keras4j.regularizers.L1L2;
import java.util.Map;

/**
 * Identity that adds {@code l1 * sum|x| + l2 * sum x^2} of its input to the training loss.
 *
 * <p>Keras equivalent: {@code keras.layers.ActivityRegularization(l1=0.0, l2=0.0)}.
 */
public class ActivityRegularization extends Layer {
  private final double l1;
  private final double l2;

  public ActivityRegularization(double l1, double l2) {
    this.l1 = l1;
    this.l2 = l2;
    activityRegularizer(new L1L2(l1, l2));
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    return input;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("l1", l1);
    c.put("l2", l2);
    return c;
  }
}
