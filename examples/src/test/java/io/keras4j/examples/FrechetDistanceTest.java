package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class FrechetDistanceTest {
  @Test
  void squareRootOfA2x2MatrixByHand() {
    // [[2, 1], [1, 2]] has eigenvalues 3 and 1 on (1, 1) / sqrt 2 and (1, -1) / sqrt 2, so its root is
    // 0.5 [[sqrt3 + 1, sqrt3 - 1], [sqrt3 - 1, sqrt3 + 1]]; squared: (4 + 4) / 4 = 2 and 2 * 2 / 4 = 1
    double s3 = Math.sqrt(3);
    double[][] root = FrechetDistance.sqrtm(new double[][] {{2, 1}, {1, 2}});
    assertEquals(0.5 * (s3 + 1), root[0][0], 1e-12);
    assertEquals(0.5 * (s3 - 1), root[0][1], 1e-12);
    assertEquals(0.5 * (s3 - 1), root[1][0], 1e-12);
    assertEquals(0.5 * (s3 + 1), root[1][1], 1e-12);
  }

  @Test
  void diagonalCovariancesGiveTheSumOfSquaredStandardDeviationDifferences() {
    // |mu1 - mu2|^2 = 1 + 4 + 9, and sum (sqrt a - sqrt b)^2 = (1 - 2)^2 + (2 - 1)^2 + (3 - 4)^2
    double d = FrechetDistance.between(new double[] {1, 2, 3}, diag(1, 4, 9), new double[] {0, 0, 0},
        diag(4, 1, 16));
    assertEquals(14 + 3, d, 1e-10);
  }

  @Test
  void correlatedAgainstTheIdentity() {
    // tr(S + I - 2 S^(1/2)) = 4 + 2 - 2 (sqrt3 + 1)
    double d = FrechetDistance.between(new double[2], new double[][] {{2, 1}, {1, 2}}, new double[2], diag(1, 1));
    assertEquals(4 - 2 * Math.sqrt(3), d, 1e-10);
  }

  @Test
  void nonCommutingCovariances() {
    // A = diag(4, 1)^(1/2) = diag(2, 1); A S2 A = [[8, 2], [2, 2]]: trace 10, determinant 12, eigenvalues 5 +- sqrt13
    double[][] s2 = {{2, 1}, {1, 2}};
    double traceRoot = Math.sqrt(5 + Math.sqrt(13)) + Math.sqrt(5 - Math.sqrt(13));
    double d = FrechetDistance.between(new double[2], diag(4, 1), new double[2], s2);
    assertEquals(5 + 4 - 2 * traceRoot, d, 1e-10);
    double swapped = FrechetDistance.between(new double[2], s2, new double[2], diag(4, 1));
    assertEquals(d, swapped, 1e-10, "the distance is symmetric");
  }

  @Test
  void fromSamplesAShiftedCopyIsAtTheSquaredShift() {
    Random r = new Random(2);
    double[][] a = new double[200][3];
    double[][] b = new double[200][3];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < 3; j++) {
        a[i][j] = r.nextGaussian() * (j + 1);
      }
      a[i][1] += 0.8 * a[i][0]; // correlated, so the covariance is not diagonal
      b[i] = new double[] {a[i][0], a[i][1], a[i][2] + 2};
    }
    assertEquals(0, FrechetDistance.of(a, a), 1e-8);
    assertEquals(4, FrechetDistance.of(a, b), 1e-8);
  }

  @Test
  void covarianceNormalisedByNMinusOne() {
    double[][] x = {{1, 2}, {3, 6}, {5, 7}};
    // means 3 and 5; deviations (-2, -3), (0, 1), (2, 2)
    double[][] c = FrechetDistance.covariance(x);
    assertEquals(8 / 2.0, c[0][0], 1e-12);
    assertEquals(14 / 2.0, c[1][1], 1e-12);
    assertEquals(10 / 2.0, c[0][1], 1e-12);
  }

  @Test
  void mismatchedDimensionsAreRefused() {
    var e = assertThrows(IllegalArgumentException.class,
        () -> FrechetDistance.of(new double[3][2], new double[3][4]));
    assertTrue(e.getMessage().contains("3 x 2 and 3 x 4"), e.getMessage());
  }

  private static double[][] diag(double... d) {
    double[][] m = new double[d.length][d.length];
    for (int i = 0; i < d.length; i++) {
      m[i][i] = d[i];
    }
    return m;
  }
}
