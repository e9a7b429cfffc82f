package io.keras4j.initializers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Shape;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** Each initializer's distribution: the variance Keras' formula gives for the shape's fans. */
class InitializersTest {
  static double[] meanVar(float[] v) {
    double m = 0;
    for (float x : v) {
      m += x;
    }
    m /= v.length;
    double s = 0;
    for (float x : v) {
      s += (x - m) * (x - m);
    }
    return new double[] {m, s / v.length};
  }

  static Stream<Arguments> scaled() {
    // shape (200, 300): fan_in 200, fan_out 300, fan_avg 250
    return Stream.of(
        Arguments.of(new GlorotUniform(1L), 1.0 / 250),
        Arguments.of(new GlorotNormal(1L), 1.0 / 250),
        Arguments.of(new HeUniform(1L), 2.0 / 200),
        Arguments.of(new HeNormal(1L), 2.0 / 200),
        Arguments.of(new LecunUniform(1L), 1.0 / 200),
        Arguments.of(new LecunNormal(1L), 1.0 / 200),
        Arguments.of(new RandomNormal(0, 0.05, 1L), 0.0025),
        Arguments.of(new RandomUniform(-0.05, 0.05, 1L), 0.01 / 12));
  }

  @ParameterizedTest
  @MethodSource("scaled")
  void varianceMatchesKerasFormula(Initializer init, double variance) {
    double[] mv = meanVar(init.call(Shape.of(200, 300)));
    assertEquals(0, mv[0], 3 * Math.sqrt(variance / 60000) + 1e-4);
    assertEquals(variance, mv[1], variance * 0.03, init.getClass().getSimpleName());
  }

  @Test
  void uniformVarianceScalingStaysWithinItsLimit() {
    float limit = (float) Math.sqrt(3.0 / 250);
    for (float v : new GlorotUniform(2L).call(Shape.of(200, 300))) {
      assertTrue(Math.abs(v) <= limit, "value " + v);
    }
  }

  @Test
  void truncatedNormalStaysWithinTwoStandardDeviations() {
    for (float v : new TruncatedNormal(0, 0.05, 3L).call(Shape.of(1000))) {
      assertTrue(Math.abs(v) <= 0.1f + 1e-7f);
    }
  }

  @Test
  void convolutionFansIncludeTheReceptiveField() {
    // kernel (3, 3, 16, 32): fan_in 3*3*16 = 144
    double[] f = Initializer.fans(Shape.of(3, 3, 16, 32));
    assertArrayEquals(new double[] {144, 288}, f);
  }

  @Test
  void fanAxesOverrideTheKernelLayout() {
    // kernel (4, 100, 50) of an einsum-style layer: input units on axis 1, outputs on axes 0 and 2 (fan_out 200).
    // HeUniform then has variance 2 / fan_in = 2 / 100, not 2 / (100 * 4) as the convolution layout would give.
    HeUniform init = new HeUniform(7L).inputAxes(1).outputAxes(0, 2);
    assertEquals(2.0 / 100, meanVar(init.call(Shape.of(4, 100, 50)))[1], 2.0 / 100 * 0.03);
    java.util.Map<String, Object> config = init.getConfig();
    assertEquals(java.util.List.of(1), config.get("input_axes"));
    assertEquals(java.util.List.of(0, 2), config.get("output_axes"));
    assertEquals(config, HeUniform.fromConfig(config).getConfig());
  }

  @Test
  void identityKeepsAGainOtherThanOne() {
    assertEquals(java.util.Map.of(), new Identity().getConfig());
    Identity doubled = Identity.fromConfig(new Identity(2).getConfig());
    assertEquals(2f, doubled.call(Shape.of(2, 2))[3]);
  }

  @Test
  void orthogonalColumnsAreOrthonormal() {
    float[] q = new Orthogonal(1.0, 5L).call(Shape.of(6, 4));
    for (int a = 0; a < 4; a++) {
      for (int b = 0; b < 4; b++) {
        double dot = 0;
        for (int i = 0; i < 6; i++) {
          dot += q[i * 4 + a] * q[i * 4 + b];
        }
        assertEquals(a == b ? 1 : 0, dot, 1e-5);
      }
    }
  }

  @Test
  void constantsAndIdentity() {
    assertArrayEquals(new float[] {0, 0}, new Zeros().call(Shape.of(2)));
    assertArrayEquals(new float[] {1, 1}, new Ones().call(Shape.of(2)));
    assertArrayEquals(new float[] {2.5f, 2.5f}, new Constant(2.5).call(Shape.of(2)));
    assertArrayEquals(new float[] {3, 0, 0, 0, 3, 0}, new Identity(3).call(Shape.of(2, 3)));
  }

  @Test
  void seedsRepeatAndNamesResolve() {
    assertArrayEquals(new HeNormal(9L).call(Shape.of(5)), new HeNormal(9L).call(Shape.of(5)));
    assertTrue(Initializers.get("glorot_uniform") instanceof GlorotUniform);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Initializers.get("glorot"));
    assertTrue(e.getMessage().contains("glorot_uniform"), e.getMessage());
  }

  @Test
  void boundValuesAreTheValuesOfACallAtBindTimeInAnyOrderOfUse() {
    Shape shape = Shape.of(4, 3);
    io.keras4j.backend.Backend.setRandomSeed(5);
    float[] first = new GlorotUniform().call(shape);
    float[] second = new HeNormal().call(shape);
    io.keras4j.backend.Backend.setRandomSeed(5);
    var a = new GlorotUniform().bind(shape);
    var b = new HeNormal().bind(shape);
    new RandomNormal().call(shape); // a draw from the global generator between bind and use
    assertArrayEquals(second, b.get(), "used first, drawn second");
    assertArrayEquals(first, a.get(), "used second, drawn first");
  }

  @Test
  void aVariableAssignedBeforeItsFirstUseNeverDrawsItsInitialValue() {
    int[] draws = {0};
    var v = new io.keras4j.backend.Variable("w", Shape.of(2), true, () -> {
      draws[0]++;
      return new float[] {1, 2};
    });
    v.assign(new float[] {3, 4});
    assertArrayEquals(new float[] {3, 4}, v.floatValue());
    assertEquals(0, draws[0]);
    var u = new io.keras4j.backend.Variable("u", Shape.of(2), true, () -> {
      draws[0]++;
      return new float[] {1, 2};
    });
    assertArrayEquals(new float[] {1, 2}, u.floatValue());
    assertArrayEquals(new float[] {1, 2}, u.floatValue());
    assertEquals(1, draws[0], "drawn once, at the first use");
    var reset = new io.keras4j.backend.Variable("r", Shape.of(2), true, () -> {
      draws[0]++;
      return new float[] {1, 2};
    });
    reset.reset();
    assertArrayEquals(new float[2], reset.floatValue(), "reset before the first use: zeros, nothing drawn");
    assertEquals(1, draws[0]);
    var bad = new io.keras4j.backend.Variable("bad", Shape.of(3), true, () -> new float[2]);
    assertThrows(IllegalArgumentException.class, bad::floatValue);
  }
}
