package io.keras4j.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {
  @Test
  void readsNumbersTextAndQuotedFields(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("t.csv");
    Files.writeString(f, "u,g,class\n19.5,17.0,STAR\n18.0,\"17.5\",\"Q,SO\"\n");
    Table t = Csv.read(f);
    assertEquals(2, t.size());
    assertArrayEquals(new float[][] {{19.5f, 17f}, {18f, 17.5f}}, t.columns("u", "g"));
    assertArrayEquals(new String[] {"STAR", "Q,SO"}, t.strings("class"));
    assertEquals(1, t.where("class", "STAR").size());
    assertThrows(IllegalArgumentException.class, () -> t.floats("r"));
  }

  @Test
  void standardScalerCentresAndScales() {
    float[][] x = {{1, 10}, {3, 10}};
    StandardScaler s = new StandardScaler().fit(x);
    assertArrayEquals(new float[] {2, 10}, s.mean());
    assertArrayEquals(new float[][] {{-1, 0}, {1, 0}}, s.transform(x)); // std (1, constant -> 1)
  }

  @Test
  void splitPartitionsEveryIndexOnce() {
    int[][] p = Split.indices(10, 0.6, 0.2, 3L);
    assertEquals(6, p[0].length);
    assertEquals(2, p[1].length);
    assertEquals(2, p[2].length);
    boolean[] seen = new boolean[10];
    for (int[] part : p) {
      for (int i : part) {
        seen[i] = true;
      }
    }
    for (boolean b : seen) {
      assertEquals(true, b);
    }
  }
}
