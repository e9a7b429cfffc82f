package io.keras4j.metrics;

import io.keras4j.saving.Config;
import java.util.Map;

/**
 * The weighted mean over the samples of a correlation of y_true and y_pred along {@code axis}: the base of
 * {@link PearsonCorrelation} and {@link ConcordanceCorrelation}.
 *
 * <p>Keras equivalent: the shared {@code (name, dtype=None, axis=-1)} arguments of
 * {@code keras.metrics.PearsonCorrelation} and {@code keras.metrics.ConcordanceCorrelation}, both
 * {@code MeanMetricWrapper}s with state {@code total} and {@code count}.
 *
 * @param <T> the concrete metric
 */
public abstract class BaseCorrelation<T extends BaseCorrelation<T>> extends BaseMean<T> {
  private int axis = -1;

  /** A correlation named {@code name}. */
  protected BaseCorrelation(String name) {
    super(name);
  }

  /** Sets the axis the correlation is computed along (Keras' {@code axis=}). Default -1. */
  public T axis(int axis) {
    this.axis = axis;
    return self();
  }

  public int axis() {
    return axis;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("axis", axis);
    return c;
  }

  /** Reads {@code axis} into {@code m}, then the base keys. */
  protected static <T extends BaseCorrelation<T>> T withAxisConfig(T m, Config c) {
    return withBaseConfig(m.axis(c.integer("axis", -1)), c);
  }
}
