package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;

/**
 * The shared layer test (Keras' {@code run_layer_test}): output shape, weight counts, a finite-difference gradient
 * check with respect to the input, and one training step that moves the trainable weights.
 */
public final class LayerHarness {
  private final Supplier<Layer> factory;
  private int[] inputShape;
  private Shape expectedOutput;
  private int trainable;
  private int nonTrainable;
  private double tolerance = 3e-3;
  private boolean checkGradient = true;

  private LayerHarness(Supplier<Layer> factory) {
    this.factory = factory;
  }

  public static LayerHarness of(Supplier<Layer> factory) {
    return new LayerHarness(factory);
  }

  /** The input shape without the batch axis. */
  public LayerHarness input(int... shape) {
    this.inputShape = shape;
    return this;
  }

  /** The expected output shape, batch axis (None = -1) included. */
  public LayerHarness output(long... shape) {
    this.expectedOutput = Shape.of(shape);
    return this;
  }

  /** The expected numbers of trainable and non-trainable weight tensors. */
  public LayerHarness weights(int trainable, int nonTrainable) {
    this.trainable = trainable;
    this.nonTrainable = nonTrainable;
    return this;
  }

  public LayerHarness tolerance(double tolerance) {
    this.tolerance = tolerance;
    return this;
  }

  /** Skips the gradient check (for layers whose output does not depend smoothly on the input). */
  public LayerHarness noGradient() {
    this.checkGradient = false;
    return this;
  }

  public void run() {
    Layer layer = factory.get();
    KerasTensor in = Input.of(inputShape);
    KerasTensor out = layer.apply(in);
    String name = layer.getClass().getSimpleName();
    assertEquals(expectedOutput, out.shape(), name + " output shape");
    assertEquals(trainable, layer.trainableWeights().size(), name + " trainable weights");
    assertEquals(nonTrainable, layer.nonTrainableWeights().size(), name + " non-trainable weights");

    Shape batch = Shape.of(inputShape).withBatch(2);
    float[] x = random((int) batch.size(), 1);
    if (checkGradient) {
      double err = GraphFixture.gradientError(x, batch, t -> layer.apply(t, false), 1e-3);
      assertTrue(err < tolerance, name + " gradient error " + err);
    }

    Model model = new Model(in, out);
    model.compile("sgd", "mse");
    Shape outBatch = out.shape().with(0, 2);
    HostArray xs = new HostArray(x, batch);
    HostArray ys = new HostArray(random((int) outBatch.size(), 2), outBatch);
    List<NDArray> before = layer.getWeights();
    model.trainOnBatch(xs, ys);
    List<NDArray> after = layer.getWeights();
    for (int i = 0; i < trainable; i++) {
      assertFalse(before.get(i).equals(after.get(i)), name + " trainable weight " + i + " did not move");
    }
    assertEquals(2, model.predictOutputs(xs, 2).get(0).length());
    model.close();
  }

  private static float[] random(int n, long seed) {
    Random r = new Random(seed);
    float[] v = new float[n];
    for (int i = 0; i < n; i++) {
      v[i] = (float) (r.nextGaussian() * 0.8 + 0.05);
    }
    return v;
  }
}
