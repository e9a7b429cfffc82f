package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.initializers.GlorotUniform;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every layer of the core issue through the shared harness: shapes as Keras gives them, weights, gradients, a step. */
class EveryLayerTest {
  static Stream<Arguments> layers() {
    return Stream.of(
        Arguments.of("Dense", LayerHarness.of(() -> new Dense(3).activation("tanh")).input(4).output(-1, 3).weights(2, 0)),
        Arguments.of("Dense3D", LayerHarness.of(() -> new Dense(3)).input(2, 4).output(-1, 2, 3).weights(2, 0)),
        Arguments.of("Activation", LayerHarness.of(() -> new Activation("softplus")).input(5).output(-1, 5).weights(0, 0)),
        Arguments.of("Dropout", LayerHarness.of(() -> new Dropout(0.5)).input(5).output(-1, 5).weights(0, 0)),
        Arguments.of("Flatten", LayerHarness.of(Flatten::new).input(2, 3).output(-1, 6).weights(0, 0)),
        Arguments.of("Reshape", LayerHarness.of(() -> new Reshape(3, 2)).input(6).output(-1, 3, 2).weights(0, 0)),
        Arguments.of("Permute", LayerHarness.of(() -> new Permute(2, 1)).input(2, 3).output(-1, 3, 2).weights(0, 0)),
        Arguments.of("RepeatVector", LayerHarness.of(() -> new RepeatVector(3)).input(2).output(-1, 3, 2).weights(0, 0)),
        Arguments.of("Lambda", LayerHarness.of(() -> new Lambda(x -> Backend.ops().multiply(x, x))).input(3)
            .output(-1, 3).weights(0, 0)),
        Arguments.of("GaussianNoise", LayerHarness.of(() -> new GaussianNoise(0.1)).input(3).output(-1, 3).weights(0, 0)),
        Arguments.of("GaussianDropout", LayerHarness.of(() -> new GaussianDropout(0.2)).input(3).output(-1, 3).weights(0, 0)),
        Arguments.of("ActivityRegularization", LayerHarness.of(() -> new ActivityRegularization(0.01, 0.01)).input(3)
            .output(-1, 3).weights(0, 0)),
        Arguments.of("ReLU", LayerHarness.of(() -> new ReLU().maxValue(1.0)).input(4).output(-1, 4).weights(0, 0)),
        Arguments.of("LeakyReLU", LayerHarness.of(LeakyReLU::new).input(4).output(-1, 4).weights(0, 0)),
        // rank 4 as in MobileNetV2: the activation layers give their input's shape without tracing a scratch graph
        Arguments.of("ReLU6 4D", LayerHarness.of(() -> new ReLU().maxValue(6.0)).input(3, 4, 2).output(-1, 3, 4, 2)
            .weights(0, 0)),
        Arguments.of("Softmax 3D", LayerHarness.of(Softmax::new).input(2, 5).output(-1, 2, 5).weights(0, 0)),
        Arguments.of("ELU", LayerHarness.of(() -> new ELU(0.7)).input(4).output(-1, 4).weights(0, 0)),
        Arguments.of("PReLU", LayerHarness.of(() -> new PReLU().alphaInitializer("ones")).input(4).output(-1, 4)
            .weights(1, 0)),
        Arguments.of("Softmax", LayerHarness.of(Softmax::new).input(4).output(-1, 4).weights(0, 0)),
        // a seeded kernel: maxout is piecewise linear, and a random one can put an input on a kink of the check
        Arguments.of("Maxout", LayerHarness.of(() -> new Maxout(3, 2).kernelInitializer(new GlorotUniform(7)))
            .input(4).output(-1, 3).weights(2, 0)),
        Arguments.of("Normalization", LayerHarness.of(Normalization::new).input(4).output(-1, 4).weights(0, 3)),
        Arguments.of("Rescaling", LayerHarness.of(() -> new Rescaling(0.5, 1)).input(4).output(-1, 4).weights(0, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void layerPassesTheHarness(String name, LayerHarness harness) {
    harness.run();
  }
}
