/**
 * Hyperparameter search with KerasTuner's API ({@code keras_tuner}): {@code HyperParameters}, {@code HyperModel} and
 * the tuners {@code RandomSearch}, {@code GridSearch}, {@code Hyperband} and {@code BayesianOptimization}.
 */
package io.keras4j.tuner;
