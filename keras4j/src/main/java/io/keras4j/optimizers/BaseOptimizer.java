package io.keras4j.optimizers;

import io.keras4j.optimizers.schedules.LearningRateSchedule;

/**
 * The base of the concrete optimizers: {@link Optimizer}'s common keyword setters, returning the concrete class so
 * that a chain such as {@code new Adam(1e-3).clipnorm(1).beta1(0.8)} keeps its type.
 *
 * <p>Keras equivalent: the keyword arguments of {@code keras.optimizers.Optimizer} that every optimizer accepts.
 *
 * @param <T> the concrete optimizer
 */
public abstract class BaseOptimizer<T extends BaseOptimizer<T>> extends Optimizer {
  /** An optimizer named {@code name} at {@code learningRate}, a number or a LearningRateSchedule. */
  protected BaseOptimizer(String name, Object learningRate) {
    super(name, learningRate);
  }

  @SuppressWarnings("unchecked")
  private T self() {
    return (T) this;
  }

  @Override
  public T name(String name) {
    super.name(name);
    return self();
  }

  @Override
  public T learningRate(double learningRate) {
    super.learningRate(learningRate);
    return self();
  }

  @Override
  public T learningRate(LearningRateSchedule schedule) {
    super.learningRate(schedule);
    return self();
  }

  @Override
  public T weightDecay(double weightDecay) {
    super.weightDecay(weightDecay);
    return self();
  }

  @Override
  public T clipnorm(double clipnorm) {
    super.clipnorm(clipnorm);
    return self();
  }

  @Override
  public T clipvalue(double clipvalue) {
    super.clipvalue(clipvalue);
    return self();
  }

  @Override
  public T globalClipnorm(double globalClipnorm) {
    super.globalClipnorm(globalClipnorm);
    return self();
  }

  @Override
  public T useEma(boolean useEma) {
    super.useEma(useEma);
    return self();
  }

  @Override
  public T lossScaleFactor(double factor) {
    super.lossScaleFactor(factor);
    return self();
  }

  @Override
  public T gradientAccumulationSteps(int steps) {
    super.gradientAccumulationSteps(steps);
    return self();
  }

  @Override
  public T emaMomentum(double emaMomentum) {
    super.emaMomentum(emaMomentum);
    return self();
  }

  @Override
  public T emaOverwriteFrequency(int steps) {
    super.emaOverwriteFrequency(steps);
    return self();
  }

  @Override
  public T excludeFromWeightDecay(String... names) {
    super.excludeFromWeightDecay(names);
    return self();
  }
}
