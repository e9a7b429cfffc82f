package io.keras4j.metrics;

/**
 * The base of keras4j's metrics: {@link Metric}'s setters returning the concrete class, so that
 * {@code new AUC().curve("PR").name("pr_auc")} keeps its type.
 *
 * <p>Keras equivalent: the {@code name=} and {@code dtype=} arguments every {@code keras.metrics} class takes.
 *
 * @param <T> the concrete metric
 */
public abstract class BaseMetric<T extends BaseMetric<T>> extends Metric {
  /** A metric named {@code name} (Keras' default name of the class). */
  protected BaseMetric(String name) {
    super(name);
  }

  @SuppressWarnings("unchecked")
  protected final T self() {
    return (T) this;
  }

  @Override
  public T name(String name) {
    super.name(name);
    return self();
  }

  @Override
  public T dtype(String dtype) {
    super.dtype(dtype);
    return self();
  }
}
