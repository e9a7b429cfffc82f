package io.keras4j.bench;

import java.util.Random;

/** The synthetic data of the workloads, the same for every peer (fixed seeds; PyTorch draws its own alike). */
final class Data {
  private Data() {}

  /** n samples of d standard normal features. */
  static float[][] features(int n, int d, long seed) {
    Random r = new Random(seed);
    float[][] x = new float[n][d];
    for (float[] row : x) {
      for (int j = 0; j < d; j++) {
        row[j] = (float) r.nextGaussian();
      }
    }
    return x;
  }

  /** W1 labels: 1 when the sum of the first two features is positive. */
  static float[] binaryLabels(float[][] x) {
    float[] y = new float[x.length];
    for (int i = 0; i < x.length; i++) {
      y[i] = x[i][0] + x[i][1] > 0 ? 1 : 0;
    }
    return y;
  }

  /** One-hot labels of 10 classes from the first feature's decile-like bins. */
  static float[][] oneHot10(float[][] x) {
    float[][] y = new float[x.length][10];
    for (int i = 0; i < x.length; i++) {
      int c = (int) Math.floor((Math.tanh(x[i][0]) + 1) * 5);
      y[i][Math.min(9, Math.max(0, c))] = 1;
    }
    return y;
  }

  /** n 28x28x1 images. */
  static float[][][][] images(int n, long seed) {
    Random r = new Random(seed);
    float[][][][] x = new float[n][28][28][1];
    for (float[][][] img : x) {
      for (float[][] row : img) {
        for (float[] px : row) {
          px[0] = r.nextFloat();
        }
      }
    }
    return x;
  }

  /** W3's class labels 0-9 of {@code images}: the tenths digit of the centre pixel. */
  static int[] digitLabels(float[][][][] images) {
    int[] y = new int[images.length];
    for (int i = 0; i < y.length; i++) {
      y[i] = (int) (images[i][14][14][0] * 10) % 10;
    }
    return y;
  }

  /** W5's n sequences of 200 steps of 8 standard normal features. */
  static float[][][] sequences(int n, long seed) {
    Random r = new Random(seed);
    float[][][] x = new float[n][200][8];
    for (float[][] seq : x) {
      for (float[] step : seq) {
        for (int j = 0; j < step.length; j++) {
          step[j] = (float) r.nextGaussian();
        }
      }
    }
    return x;
  }

  /** {@code y} as an (n, 1) array: W1's labels as the raw loop feeds them. */
  static float[][] column(float[] y) {
    float[][] c = new float[y.length][1];
    for (int i = 0; i < y.length; i++) {
      c[i][0] = y[i];
    }
    return c;
  }

  /** W5's regression target: the mean of feature 0 over the steps, as an (n, 1) array. */
  static float[][] sequenceMeans(float[][][] x) {
    float[][] y = new float[x.length][1];
    for (int i = 0; i < x.length; i++) {
      double s = 0;
      for (float[] step : x[i]) {
        s += step[0];
      }
      y[i][0] = (float) (s / x[i].length);
    }
    return y;
  }

  static float[][] flatten(float[][][][] images) {
    float[][] out = new float[images.length][784];
    for (int i = 0; i < images.length; i++) {
      for (int y = 0; y < 28; y++) {
        for (int x = 0; x < 28; x++) {
          out[i][y * 28 + x] = images[i][y][x][0];
        }
      }
    }
    return out;
  }

  /** W1-W3's data sets: W1 20,000 x 5 with binary labels, W2 60,000 x 784 one-hot, W3 10,000 images with classes. */
  record Workloads(float[][] x1, float[] y1, float[][] x2, float[][] y2, float[][][][] x3, int[] y3) {}

  /** The data of W1-W3, the same in every JVM of the suite. */
  static Workloads workloads() {
    float[][] x1 = features(20000, 5, 1);
    float[][] x2 = features(60000, 784, 2);
    float[][][][] x3 = images(10000, 3);
    int[] y3 = digitLabels(x3);
    return new Workloads(x1, binaryLabels(x1), x2, oneHot10(x2), x3, y3);
  }
}
