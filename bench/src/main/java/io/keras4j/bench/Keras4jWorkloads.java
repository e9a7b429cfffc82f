package io.keras4j.bench;

import io.keras4j.backend.Backend;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import io.keras4j.optimizers.SGD;

/** W1-W3 written with keras4j, as a Keras user writes them. */
final class Keras4jWorkloads {
  private final int stepsPerExecution;

  Keras4jWorkloads(int stepsPerExecution) {
    this.stepsPerExecution = stepsPerExecution;
  }

  Sequential w1() {
    Backend.setRandomSeed(1);
    Sequential m = new Sequential();
    m.add(new Dense(16).activation("relu").inputDim(5));
    m.add(new Dense(16).activation("relu"));
    m.add(new Dense(1).activation("sigmoid"));
    m.compile(new CompileOptions().optimizer(new SGD(0.01).momentum(0.9)).loss("binary_crossentropy")
        .stepsPerExecution(stepsPerExecution));
    return m;
  }

  Sequential w2() {
    Backend.setRandomSeed(2);
    Sequential m = new Sequential();
    m.add(new Dense(512).activation("relu").inputDim(784));
    m.add(new Dense(256).activation("relu"));
    m.add(new Dense(10).activation("softmax"));
    m.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("categorical_crossentropy")
        .stepsPerExecution(stepsPerExecution));
    return m;
  }

  Sequential w3() {
    Backend.setRandomSeed(3);
    Sequential m = new Sequential();
    m.add(new Conv2D(32, 3).padding("same").activation("relu").inputShape(28, 28, 1));
    m.add(new MaxPooling2D(2));
    m.add(new Conv2D(64, 3).padding("same").activation("relu"));
    m.add(new MaxPooling2D(2));
    m.add(new Flatten());
    m.add(new Dense(128).activation("relu"));
    m.add(new Dense(10).activation("softmax"));
    m.compile(new CompileOptions().optimizer(new Adam(1e-3)).loss("sparse_categorical_crossentropy")
        .stepsPerExecution(stepsPerExecution));
    return m;
  }

  /** Samples per second of one fit of {@code epochs} epochs. */
  static double fit(Sequential m, Object x, Object y, int epochs, int batch) {
    long t = System.nanoTime();
    m.fit(x, y, new FitOptions().epochs(epochs).batchSize(batch).verbose(0));
    double s = (System.nanoTime() - t) / 1e9;
    return (double) epochs * java.lang.reflect.Array.getLength(x) / s;
  }

  static double predict(Sequential m, Object x, int batch) {
    long t = System.nanoTime();
    m.predict(x, batch);
    double s = (System.nanoTime() - t) / 1e9;
    return java.lang.reflect.Array.getLength(x) / s;
  }
}
