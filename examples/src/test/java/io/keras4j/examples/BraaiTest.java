package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.models.Sequential;
import java.util.List;
import org.junit.jupiter.api.Test;

/** braai's input preparation worked out by hand, and its architecture's size. */
class BraaiTest {
  @Test
  void rowsAreL2NormalisedAndEdgeCutoutsPadded() {
    float[][] c = new float[62][61];
    for (int y = 0; y < 62; y++) {
      java.util.Arrays.fill(c[y], y + 1);
    }
    c[0][5] = Float.NaN;
    java.util.Arrays.fill(c[1], 0);
    c[2] = new float[61];
    c[2][0] = 3;
    c[2][1] = 4;
    float[][] p = Braai.prepare(c);
    assertEquals(63, p.length);
    assertEquals(63, p[0].length);
    assertEquals(0f, p[0][5]); // NaN to 0, and left out of the row's norm: 60 ones remain
    assertEquals(1 / Math.sqrt(60), p[0][0], 1e-7);
    assertEquals(0f, p[1][0]); // a zero row stays zero (its norm is taken as 1)
    assertEquals(0.6f, p[2][0], 1e-7); // 3 / 5
    assertEquals(0.8f, p[2][1], 1e-7); // 4 / 5
    assertEquals(1 / Math.sqrt(61), p[40][30], 1e-7); // a constant row: every pixel 1 / sqrt(61)
    assertEquals(1e-9f, p[10][61]); // padded at the right
    assertEquals(1e-9f, p[62][0]); // and at the bottom
  }

  @Test
  void tripletChannelsAreScienceTemplateDifference() {
    float[][] ones = new float[63][63];
    for (float[] r : ones) {
      java.util.Arrays.fill(r, 1);
    }
    float[][] zeros = new float[63][63];
    Alerts.Alert a = new Alerts.Alert("x", 1, null, null, ones, zeros, ones);
    HostArray t = Braai.triplets(List.of(a));
    assertEquals(Shape.of(1, 63, 63, 3), t.shape());
    float[] v = t.values();
    int pixel = (7 * 63 + 9) * 3; // row 7, column 9
    assertEquals(1 / Math.sqrt(63), v[pixel], 1e-7);
    assertEquals(0f, v[pixel + 1]);
    assertEquals(1 / Math.sqrt(63), v[pixel + 2], 1e-7);
  }

  @Test
  void rejectsCutoutsLargerThan63() {
    String msg = assertThrows(IllegalArgumentException.class, () -> Braai.prepare(new float[64][63])).getMessage();
    assertTrue(msg.contains("64x63"), msg);
  }

  @Test
  void architectureHasD6M7sParameterCount() {
    Sequential m = Braai.architecture(1);
    // conv 3*3*3*16+16, 3*3*16*16+16, 3*3*16*32+32, 3*3*32*32+32; 63 -> 61 -> 59 -> pool 29 -> 27 -> 25 -> pool 6;
    // dense (6*6*32)*256+256, 256+1
    assertEquals(448 + 2320 + 4640 + 9248 + 295168 + 257, m.countParams());
    m.close();
  }
}
