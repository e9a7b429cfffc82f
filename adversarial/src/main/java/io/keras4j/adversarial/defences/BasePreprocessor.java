package io.keras4j.adversarial.defences;

/**
 * The {@code apply_fit} and {@code apply_predict} switches the preprocessing defences share; {@code T} is the
 * concrete class, which the setters return.
 *
 * <p>ART equivalent: the constructor arguments of {@code art.defences.preprocessor.Preprocessor}.
 */
public abstract class BasePreprocessor<T extends BasePreprocessor<T>> implements Preprocessor {
  private boolean applyFit;
  private boolean applyPredict;

  protected BasePreprocessor(boolean applyFit, boolean applyPredict) {
    this.applyFit = applyFit;
    this.applyPredict = applyPredict;
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  /** Whether classifiers apply it to training data ({@code apply_fit}); the default is the subclass's. */
  public T applyFit(boolean applyFit) {
    this.applyFit = applyFit;
    return self();
  }

  /** Whether classifiers apply it to inputs they predict ({@code apply_predict}); the default is the subclass's. */
  public T applyPredict(boolean applyPredict) {
    this.applyPredict = applyPredict;
    return self();
  }

  @Override
  public boolean applyFit() {
    return applyFit;
  }

  @Override
  public boolean applyPredict() {
    return applyPredict;
  }
}
