package io.keras4j.losses;

/**
 * The base of keras4j's losses: {@link Loss}'s setters returning the concrete class, so that
 * {@code new Huber().delta(2).reduction("sum")} keeps its type.
 *
 * <p>Keras equivalent: the {@code name=} and {@code reduction=} arguments every {@code keras.losses} class takes.
 *
 * @param <T> the concrete loss
 */
public abstract class BaseLoss<T extends BaseLoss<T>> extends Loss {
  /** A loss named {@code name} (Keras' default name of the class). */
  protected BaseLoss(String name) {
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
  public T reduction(String reduction) {
    super.reduction(reduction);
    return self();
  }
}
