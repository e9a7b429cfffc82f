package io.keras4j.spark;

import io.keras4j.models.Model;
import java.io.Serializable;

/**
 * Builds and compiles a fresh model in each training task: the same architecture, loss and optimizer everywhere
 * (the starting weights are the driver model's, sent by {@link BarrierTrainer}).
 *
 * <pre>{@code
 * ModelFactory factory = () -> {
 *   Sequential m = new Sequential(new Dense(1).inputShape(3));
 *   m.compile(new SGD().learningRate(0.1), "mse");
 *   return m;
 * };
 * }</pre>
 *
 * <p>Keras equivalent: the model-building function of {@code tf.distribute} strategies' {@code scope()}. Porting
 * note: a lambda assigned to this interface is serializable, so Spark ships it to the executors.
 */
@FunctionalInterface
public interface ModelFactory extends Serializable {
  /** A new, built and compiled model. */
  Model create();
}
