package io.keras4j.tuner;

import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.tuner.hyperparameters.HyperParameters;

/**
 * Builds a compiled model from hyperparameters, and trains it; a lambda {@code hp -> model} is a hypermodel.
 *
 * <pre>{@code
 * HyperModel hm = hp -> {
 *   Sequential m = new Sequential(new Input(4), new Dense(hp.Int("units", 8, 64, 8)).activation("relu"),
 *       new Dense(3).activation("softmax"));
 *   m.compile(new Adam().learningRate(hp.Float("lr", 1e-4, 1e-2, "log")), "sparse_categorical_crossentropy",
 *       "accuracy");
 *   return m;
 * };
 * }</pre>
 *
 * <p>Keras equivalent: {@code keras_tuner.HyperModel} with {@code build(hp)}, {@code fit(hp, model, *args,
 * **kwargs)} and {@code declare_hyperparameters(hp)}. Porting note: an interface, so that a lambda is a hypermodel;
 * {@code fit} takes keras4j's {@code (x, y, FitOptions)} and may return a History, a number or a map of metrics,
 * as Keras' may.
 */
@FunctionalInterface
public interface HyperModel {

  /** A new compiled model for the values of {@code hp}, declaring the hyperparameters it reads. */
  Model build(HyperParameters hp);

  /** Trains {@code model}; by default {@code model.fit(x, y, options)}. Override to tune the training too. */
  default Object fit(HyperParameters hp, Model model, Object x, Object y, FitOptions options) {
    return model.fit(x, y, options);
  }

  /** Declares hyperparameters before the first build (Keras' {@code declare_hyperparameters}); none by default. */
  default void declareHyperparameters(HyperParameters hp) {}
}
