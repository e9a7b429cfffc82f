package io.keras4j.plot;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * scikit-learn's, numpy's and matplotlib's numbers from tools/keras-reference/plot_metrics.py, and pixel helpers for
 * the plot tests.
 */
final class Golden {
  private static JsonNode root;

  private Golden() {}

  static synchronized JsonNode json() {
    if (root == null) {
      try (InputStream in = Golden.class.getResourceAsStream("sklearn_metrics.json")) {
        root = new ObjectMapper().readTree(in);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return root;
  }

  /** A JSON array of numbers; null stands for +infinity (the first ROC threshold). */
  static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).isNull() ? Double.POSITIVE_INFINITY : a.get(i).asDouble();
    }
    return out;
  }

  static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asInt();
    }
    return out;
  }

  static float[][] floats2d(JsonNode a) {
    float[][] out = new float[a.size()][];
    for (int i = 0; i < out.length; i++) {
      out[i] = new float[a.get(i).size()];
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = (float) a.get(i).get(j).asDouble();
      }
    }
    return out;
  }

  /** Pixels within {@code tolerance} of {@code c} in each channel. */
  static int count(BufferedImage im, Color c, int tolerance) {
    int n = 0;
    for (int y = 0; y < im.getHeight(); y++) {
      for (int x = 0; x < im.getWidth(); x++) {
        if (near(new Color(im.getRGB(x, y)), c, tolerance)) {
          n++;
        }
      }
    }
    return n;
  }

  static boolean near(Color a, Color b, int tolerance) {
    return Math.abs(a.getRed() - b.getRed()) <= tolerance && Math.abs(a.getGreen() - b.getGreen()) <= tolerance
        && Math.abs(a.getBlue() - b.getBlue()) <= tolerance;
  }

  /** Distinct colours of the image (a blank image has one). */
  static long distinctColours(BufferedImage im) {
    java.util.Set<Integer> seen = new java.util.HashSet<>();
    for (int y = 0; y < im.getHeight(); y++) {
      for (int x = 0; x < im.getWidth(); x++) {
        seen.add(im.getRGB(x, y));
      }
    }
    return seen.size();
  }
}
