package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SourceFindingTest {
  @Test
  void peakFindingAndMatchingByHand() {
    float[][] map = new float[5][5];
    map[1][1] = 1;
    map[1][2] = 0.5f; // a shoulder, not a peak
    map[3][3] = 0.9f;
    List<Catalogue.Detection> d = Catalogue.peaks(map, 0.6f);
    assertEquals(2, d.size());
    // the first peak's centroid is pulled towards its shoulder: x = (1 * 1 + 2 * 0.5) / 1.5
    assertEquals(4.0 / 3, d.get(0).x(), 1e-9);
    Catalogue.Score s = new Catalogue.Score(new double[] {0, 100, 1000});
    s.add(List.of(new SkySimulator.Source(1.2, 1.0, 50), new SkySimulator.Source(4.5, 0.5, 500)), d);
    assertEquals(1.0, s.completeness()[0]);
    assertEquals(0.0, s.completeness()[1]);
    assertEquals(0.5, s.purity());
  }

  @Test
  void simulatedPixelsAreSignalToNoise() {
    SkySimulator sim = new SkySimulator(32, 2.5, true);
    SkySimulator.Frame f = sim.frame(new Random(1));
    double sum = 0;
    double sq = 0;
    int n = 0;
    for (int y = 0; y < 32; y++) {
      for (int x = 0; x < 32; x++) {
        double noise = f.noisy()[y][x] - f.clean()[y][x];
        sum += noise;
        sq += noise * noise;
        n++;
      }
    }
    // background-subtracted and scaled by the sky noise: mean near 0, standard deviation near 1
    assertEquals(0, sum / n, 0.15);
    assertEquals(1, Math.sqrt(sq / n), 0.15);
  }

  @Test
  void networksDenoiseAndFindFainterSourcesThanAThreshold() throws Exception {
    SourceFinding.Report r = SourceFinding.run(1200, 150, 6, 0, null);
    assertTrue(r.psnrDenoised() > r.psnrNoisy() + 6, "PSNR " + r.psnrNoisy() + " -> " + r.psnrDenoised());
    double[] nn = r.network().completeness();
    double[] thr = r.threshold().completeness();
    assertTrue(nn[2] > thr[2] + 0.3, "completeness at 240-480 e-: " + nn[2] + " vs " + thr[2]);
    assertTrue(r.network().purity() > 0.85, "purity " + r.network().purity());
  }
}
