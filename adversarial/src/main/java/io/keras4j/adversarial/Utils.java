package io.keras4j.adversarial;

import io.keras4j.data.NDArray;
import java.util.Arrays;
import java.util.Random;

/**
 * Array helpers the attacks and defences share: labels, norms, projection onto an eps-ball and random points in one.
 *
 * <p>ART equivalent: {@code art.utils} ({@code to_categorical}, {@code get_labels_np_array}, {@code projection},
 * {@code random_sphere}, {@code compute_success}). Samples are the rows of a flat {@code float[]} holding
 * {@code n} samples of {@code d} values each.
 */
public final class Utils {
  /** The small number ART adds to norms before dividing ({@code tol = 10e-8}). */
  public static final double TOL = 10e-8;

  private Utils() {}

  /** One-hot rows of {@code labels} (ART's {@code to_categorical(labels, nb_classes)}). */
  public static float[][] toCategorical(int[] labels, int nbClasses) {
    float[][] y = new float[labels.length][nbClasses];
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= nbClasses) {
        throw new IllegalArgumentException("toCategorical expects labels in [0, " + nbClasses + "). Received: label="
            + labels[i] + " at index " + i);
      }
      y[i][labels[i]] = 1;
    }
    return y;
  }

  /** One-hot rows of each row's largest entry (ART's {@code get_labels_np_array(preds)}). */
  public static float[][] getLabelsNpArray(float[][] preds) {
    return toCategorical(argmax(preds), preds[0].length);
  }

  /** The index of each row's largest entry (the first one on ties, as {@code np.argmax}). */
  public static int[] argmax(float[][] rows) {
    int[] out = new int[rows.length];
    for (int i = 0; i < rows.length; i++) {
      for (int j = 1; j < rows[i].length; j++) {
        if (rows[i][j] > rows[i][out[i]]) {
          out[i] = j;
        }
      }
    }
    return out;
  }

  /** Fraction of rows whose argmax agree (the accuracy of predictions {@code preds} against one-hot {@code y}). */
  public static double accuracy(float[][] preds, float[][] y) {
    int[] p = argmax(preds);
    int[] t = argmax(y);
    int hits = 0;
    for (int i = 0; i < p.length; i++) {
      hits += p[i] == t[i] ? 1 : 0;
    }
    return (double) hits / p.length;
  }

  /**
   * Fraction of adversarial samples that succeed (ART's {@code compute_success}): for an untargeted attack, the
   * prediction on {@code xAdv} differs from the one on {@code xClean}; for a targeted one, it equals {@code y}'s
   * class.
   */
  public static double computeSuccess(KerasClassifier classifier, NDArray xClean, float[][] y, NDArray xAdv,
      boolean targeted) {
    int[] adv = argmax(classifier.predict(xAdv));
    int[] ref = targeted ? argmax(y) : argmax(classifier.predict(xClean));
    int ok = 0;
    for (int i = 0; i < adv.length; i++) {
      ok += (targeted == (adv[i] == ref[i])) ? 1 : 0;
    }
    return (double) ok / adv.length;
  }

  /** The L-{@code norm} norm of sample {@code i} (inf, 1 or 2). */
  public static double norm(float[] v, int i, int d, double norm) {
    double s = 0;
    for (int k = i * d; k < (i + 1) * d; k++) {
      double a = Math.abs(v[k]);
      if (norm == Double.POSITIVE_INFINITY) {
        s = Math.max(s, a);
      } else {
        s += norm == 1 ? a : a * a;
      }
    }
    return norm == 2 ? Math.sqrt(s) : s;
  }

  /**
   * Projects each sample of {@code values} (perturbations, changed in place) onto the L-{@code norm} ball of radius
   * {@code eps}: clipping each value for inf, scaling the sample down to norm eps for 1 and 2 (ART's
   * {@code projection(values, eps, norm_p)}).
   */
  public static float[] projection(float[] values, int d, double eps, double norm) {
    checkNorm(norm, "projection");
    for (int i = 0; i < values.length / d; i++) {
      if (norm == Double.POSITIVE_INFINITY) {
        for (int k = i * d; k < (i + 1) * d; k++) {
          values[k] = (float) Math.max(-eps, Math.min(eps, values[k]));
        }
      } else {
        double scale = Math.min(1, eps / (norm(values, i, d, norm) + TOL));
        for (int k = i * d; k < (i + 1) * d; k++) {
          values[k] *= (float) scale;
        }
      }
    }
    return values;
  }

  /**
   * {@code nbPoints} points of {@code nbDims} values drawn uniformly from the L-{@code norm} ball of the given
   * radius (ART's {@code random_sphere}); flat, one point after another.
   */
  public static float[] randomSphere(int nbPoints, int nbDims, double radius, double norm, Random random) {
    checkNorm(norm, "randomSphere");
    float[] out = new float[nbPoints * nbDims];
    for (int i = 0; i < nbPoints; i++) {
      int o = i * nbDims;
      if (norm == Double.POSITIVE_INFINITY) {
        for (int k = 0; k < nbDims; k++) {
          out[o + k] = (float) (radius * (2 * random.nextDouble() - 1));
        }
      } else if (norm == 2) {
        double s = 0;
        double[] g = new double[nbDims];
        for (int k = 0; k < nbDims; k++) {
          g[k] = random.nextGaussian();
          s += g[k] * g[k];
        }
        double r = radius * Math.pow(random.nextDouble(), 1.0 / nbDims) / Math.sqrt(s);
        for (int k = 0; k < nbDims; k++) {
          out[o + k] = (float) (g[k] * r);
        }
      } else {
        // uniform in the L1 ball: nbDims + 1 exponential spacings, normalized, with random signs
        double[] e = new double[nbDims + 1];
        double s = 0;
        for (int k = 0; k <= nbDims; k++) {
          e[k] = -Math.log(1 - random.nextDouble());
          s += e[k];
        }
        for (int k = 0; k < nbDims; k++) {
          out[o + k] = (float) (radius * e[k] / s * (random.nextBoolean() ? 1 : -1));
        }
      }
    }
    return out;
  }

  /** Clips every value into {@code clipValues} (in place); no-op when {@code clipValues} is null. */
  public static float[] clip(float[] v, float[] clipValues) {
    if (clipValues != null) {
      for (int k = 0; k < v.length; k++) {
        v[k] = Math.max(clipValues[0], Math.min(clipValues[1], v[k]));
      }
    }
    return v;
  }

  /** Rows {@code from} (inclusive) to {@code to} (exclusive) of {@code x} along its first axis. */
  public static NDArray rows(NDArray x, int from, int to) {
    long[] shape = x.shape().clone();
    int d = (int) (x.size() / shape[0]);
    shape[0] = to - from;
    return NDArray.of(Arrays.copyOfRange(x.toFloatArray(), from * d, to * d), shape);
  }

  /** {@code values} with the shape of {@code like} except for the first axis, which is {@code values.length / d}. */
  public static NDArray like(float[] values, NDArray like) {
    long[] shape = like.shape().clone();
    shape[0] = values.length / (like.size() / Math.max(1, shape[0]));
    return NDArray.of(values, shape);
  }

  /** Checks that {@code norm} is inf, 1 or 2. */
  public static double checkNorm(double norm, String owner) {
    if (norm != 1 && norm != 2 && norm != Double.POSITIVE_INFINITY) {
      throw new IllegalArgumentException(owner + " expects norm inf (\"inf\" or Double.POSITIVE_INFINITY), 1 or 2. "
          + "Received: norm=" + norm);
    }
    return norm;
  }

  /** Parses ART's norm names: "inf" (or "np.inf"), "1", "2". */
  public static double parseNorm(String norm, String owner) {
    return switch (norm == null ? "" : norm) {
      case "inf", "np.inf", "Infinity" -> Double.POSITIVE_INFINITY;
      case "1" -> 1;
      case "2" -> 2;
      default -> throw new IllegalArgumentException(owner + " expects norm \"inf\", \"1\" or \"2\". Received: norm="
          + norm);
    };
  }
}
