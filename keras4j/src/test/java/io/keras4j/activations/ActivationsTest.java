package io.keras4j.activations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Each activation against its formula in plain Java, and its gradient against finite differences. */
class ActivationsTest {
  static final float[] X = {-2.5f, -0.7f, -0.1f, 0.2f, 1.3f, 3.1f};
  static final Shape S = Shape.of(2, 3);

  static double sigmoid(double x) {
    return 1 / (1 + Math.exp(-x));
  }

  static double erf(double x) {
    // Abramowitz-Stegun 7.1.26 is too coarse; integrate instead (Simpson, 2000 panels)
    int n = 2000;
    double h = x / n;
    double s = 0;
    for (int i = 0; i <= n; i++) {
      double t = i * h;
      double f = Math.exp(-t * t);
      s += (i == 0 || i == n) ? f : (i % 2 == 1 ? 4 * f : 2 * f);
    }
    return 2 / Math.sqrt(Math.PI) * s * h / 3;
  }

  static Stream<Arguments> elementwise() {
    double alpha = 1.6732632423543772;
    double scale = 1.0507009873554805;
    return Stream.of(
        Arguments.of("linear", (DoubleUnaryOperator) x -> x),
        Arguments.of("sigmoid", (DoubleUnaryOperator) ActivationsTest::sigmoid),
        Arguments.of("tanh", (DoubleUnaryOperator) Math::tanh),
        Arguments.of("relu", (DoubleUnaryOperator) x -> Math.max(x, 0)),
        Arguments.of("relu6", (DoubleUnaryOperator) x -> Math.min(Math.max(x, 0), 6)),
        Arguments.of("leaky_relu", (DoubleUnaryOperator) x -> x > 0 ? x : 0.2 * x),
        Arguments.of("elu", (DoubleUnaryOperator) x -> x > 0 ? x : Math.exp(x) - 1),
        Arguments.of("selu", (DoubleUnaryOperator) x -> scale * (x > 0 ? x : alpha * (Math.exp(x) - 1))),
        Arguments.of("softplus", (DoubleUnaryOperator) x -> Math.log1p(Math.exp(x))),
        Arguments.of("softsign", (DoubleUnaryOperator) x -> x / (1 + Math.abs(x))),
        Arguments.of("swish", (DoubleUnaryOperator) x -> x * sigmoid(x)),
        Arguments.of("gelu", (DoubleUnaryOperator) x -> 0.5 * x * (1 + erf(x / Math.sqrt(2)))),
        Arguments.of("hard_sigmoid", (DoubleUnaryOperator) x -> Math.min(Math.max(x / 6 + 0.5, 0), 1)),
        Arguments.of("hard_swish", (DoubleUnaryOperator) x -> x * Math.min(Math.max(x / 6 + 0.5, 0), 1)),
        Arguments.of("exponential", (DoubleUnaryOperator) Math::exp),
        Arguments.of("mish", (DoubleUnaryOperator) x -> x * Math.tanh(Math.log1p(Math.exp(x)))));
  }

  @ParameterizedTest
  @MethodSource("elementwise")
  void valuesMatchTheFormula(String name, DoubleUnaryOperator f) {
    float[] y = GraphFixture.eval1(X, S, x -> Activations.get(name).apply(x));
    for (int i = 0; i < X.length; i++) {
      assertEquals(f.applyAsDouble(X[i]), y[i], 1e-5 * Math.max(1, Math.abs(y[i])), name + "(" + X[i] + ")");
    }
  }

  @ParameterizedTest
  @MethodSource("elementwise")
  void gradientsMatchFiniteDifferences(String name, DoubleUnaryOperator f) {
    double err = GraphFixture.gradientError(X, S, x -> Activations.get(name).apply(x), 1e-3);
    assertTrue(err < 5e-3, name + " gradient error " + err);
  }

  @org.junit.jupiter.api.Test
  void softmaxRowsSumToOneAndMatchExp() {
    float[] y = GraphFixture.eval1(X, S, x -> Activations.softmax(x, -1));
    double z = Math.exp(X[0]) + Math.exp(X[1]) + Math.exp(X[2]);
    assertEquals(Math.exp(X[1]) / z, y[1], 1e-6);
    assertEquals(1.0, y[3] + y[4] + y[5], 1e-6);
    float[] l = GraphFixture.eval1(X, S, x -> Activations.logSoftmax(x, -1));
    assertEquals(Math.log(Math.exp(X[1]) / z), l[1], 1e-5);
    float[] axis0 = GraphFixture.eval1(X, S, x -> Activations.softmax(x, 0));
    assertEquals(1.0, axis0[0] + axis0[3], 1e-6);
  }

  @org.junit.jupiter.api.Test
  void reluWithThresholdAndMaxValue() {
    // Keras: relu(x, negative_slope=0.5, max_value=2, threshold=0.15)
    float[] y = GraphFixture.eval1(X, S, x -> Activations.relu(x, 0.5, 2.0, 0.15));
    for (int i = 0; i < X.length; i++) {
      double x = X[i];
      double e = x > 0.15 ? Math.min(x, 2) : 0.5 * (x - 0.15);
      assertEquals(e, y[i], 1e-6, "x=" + x);
    }
  }
}
