package io.keras4j.examples;

import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Dropout;
import io.keras4j.layers.Flatten;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.models.Sequential;
import java.util.List;

/**
 * braai, ZTF's deep real/bogus classifier (Duev et al. 2019, MNRAS 489, 3582; github.com/dmitryduev/braai): the
 * input triplet its notebook prepares, and its architecture.
 *
 * <p>Preparation (braai's {@code make_triplet(alert, normalize=True, old_norm=True)}, used up to model d6_m7): each
 * cutout has NaN replaced by 0, then each image row is divided by its L2 norm as
 * {@code tf.keras.utils.normalize(x)} does (axis -1, a zero norm left as 1), then a cutout smaller than 63x63 is
 * padded at its bottom and right with 1e-9; science, template and difference become the three channels.
 */
public final class Braai {
  /** The cutout size braai was trained on. */
  public static final int SIZE = 63;
  /** braai's padding value for cutouts cut by the edge of a CCD. */
  public static final float PAD = 1e-9f;

  private Braai() {}

  /** The input of {@code alerts}: shape (n, 63, 63, 3), channels science, template, difference. */
  public static HostArray triplets(List<Alerts.Alert> alerts) {
    int plane = SIZE * SIZE * 3;
    float[] v = new float[alerts.size() * plane];
    for (int n = 0; n < alerts.size(); n++) {
      Alerts.Alert a = alerts.get(n);
      float[][][] channels = {prepare(a.science()), prepare(a.template()), prepare(a.difference())};
      for (int c = 0; c < 3; c++) {
        for (int y = 0; y < SIZE; y++) {
          for (int x = 0; x < SIZE; x++) {
            v[n * plane + (y * SIZE + x) * 3 + c] = channels[c][y][x];
          }
        }
      }
    }
    return new HostArray(v, Shape.of(alerts.size(), SIZE, SIZE, 3));
  }

  /** One cutout as braai's old_norm prepares it: NaN to 0, rows L2-normalised, padded to 63x63 with 1e-9. */
  public static float[][] prepare(float[][] cutout) {
    int h = cutout.length;
    int w = h == 0 ? 0 : cutout[0].length;
    if (h > SIZE || w > SIZE) {
      throw new IllegalArgumentException("Expected a cutout of at most " + SIZE + "x" + SIZE + ". Received: " + h
          + "x" + w);
    }
    float[][] out = new float[SIZE][SIZE];
    for (int y = 0; y < SIZE; y++) {
      if (y >= h) {
        java.util.Arrays.fill(out[y], PAD);
        continue;
      }
      // summed in double; numpy sums the float32 row pairwise in float32, so the two differ in the last bits only
      double sq = 0;
      for (int x = 0; x < w; x++) {
        float p = Float.isNaN(cutout[y][x]) ? 0 : cutout[y][x];
        sq += (double) p * p;
      }
      float norm = sq == 0 ? 1 : (float) Math.sqrt(sq);
      for (int x = 0; x < SIZE; x++) {
        out[y][x] = x >= w ? PAD : Float.isNaN(cutout[y][x]) ? 0 : cutout[y][x] / norm;
      }
    }
    return out;
  }

  /**
   * braai's architecture (d6_m7 and d6_m9), freshly initialised and untrained: Conv2D 16, 16, max pooling 2,
   * dropout 0.25, Conv2D 32, 32, max pooling 4, dropout 0.25, Dense 256, dropout 0.5, Dense 1 sigmoid.
   */
  public static Sequential architecture(long seed) {
    Backend.setRandomSeed(seed);
    Sequential m = new Sequential();
    m.add(new Conv2D(16, 3).activation("relu").inputShape(SIZE, SIZE, 3));
    m.add(new Conv2D(16, 3).activation("relu"));
    m.add(new MaxPooling2D(2));
    m.add(new Dropout(0.25));
    m.add(new Conv2D(32, 3).activation("relu"));
    m.add(new Conv2D(32, 3).activation("relu"));
    m.add(new MaxPooling2D(4));
    m.add(new Dropout(0.25));
    m.add(new Flatten());
    m.add(new Dense(256).activation("relu"));
    m.add(new Dropout(0.5));
    m.add(new Dense(1).activation("sigmoid"));
    return m;
  }
}
