package io.keras4j.examples;

/**
 * A k-nearest-neighbour classifier (Euclidean distance, majority vote, ties to the nearest neighbour's class), as
 * scikit-learn's {@code KNeighborsClassifier(n_neighbors=k)}: a check of how well a feature space (a VAE's latent
 * space, a classifier's features) keeps the classes apart.
 * <pre>{@code double acc = new Knn(5).fit(trainFeatures, trainLabels).score(testFeatures, testLabels);}</pre>
 */
public final class Knn {
  private final int k;
  private double[][] points;
  private int[] labels;
  private int classes;

  /** A classifier voting among {@code k} neighbours, k >= 1. */
  public Knn(int k) {
    if (k < 1) {
      throw new IllegalArgumentException("Knn expects n_neighbors >= 1. Received: k=" + k);
    }
    this.k = k;
  }

  /** Keeps the training points and their labels (each in [0, number of classes)). */
  public Knn fit(double[][] points, int[] labels) {
    if (points.length != labels.length || points.length < k) {
      throw new IllegalArgumentException("Knn.fit expects as many labels as points, and at least k=" + k
          + " points. Received: " + points.length + " points, " + labels.length + " labels");
    }
    this.points = points;
    this.labels = labels;
    for (int label : labels) {
      classes = Math.max(classes, label + 1);
    }
    return this;
  }

  /** The predicted class of {@code p}. */
  public int predict(double[] p) {
    int[] nearest = new int[k];
    double[] dist = new double[k];
    java.util.Arrays.fill(dist, Double.POSITIVE_INFINITY);
    for (int i = 0; i < points.length; i++) {
      double d = 0;
      for (int j = 0; j < p.length; j++) {
        double diff = p[j] - points[i][j];
        d += diff * diff;
      }
      int pos = k - 1;
      if (d >= dist[pos]) {
        continue;
      }
      while (pos > 0 && dist[pos - 1] > d) {
        dist[pos] = dist[pos - 1];
        nearest[pos] = nearest[pos - 1];
        pos--;
      }
      dist[pos] = d;
      nearest[pos] = i;
    }
    int[] votes = new int[classes];
    for (int n : nearest) {
      votes[labels[n]]++;
    }
    int best = labels[nearest[0]];
    for (int c = 0; c < classes; c++) {
      if (votes[c] > votes[best]) {
        best = c;
      }
    }
    return best;
  }

  /** The fraction of {@code points} predicted as their {@code labels}. */
  public double score(double[][] points, int[] labels) {
    int right = 0;
    for (int i = 0; i < points.length; i++) {
      right += predict(points[i]) == labels[i] ? 1 : 0;
    }
    return (double) right / points.length;
  }
}
