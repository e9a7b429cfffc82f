package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalaxyGanTest {
  @Test
  void generatedGalaxiesAreCloserToRealOnesThanNoise(@TempDir Path out) throws Exception {
    GalaxyGan.Report r = GalaxyGan.run(800, 200, 4, 0, out);
    assertEquals(List.of("d_loss", "g_loss"), List.copyOf(r.history().history().keySet()));
    for (String key : List.of("d_loss", "g_loss")) {
      r.history().get(key).forEach(v -> assertTrue(Double.isFinite(v) && v > 0, key + "=" + v));
    }
    assertTrue(r.classifierAccuracy() > 0.8, "feature classifier accuracy " + r.classifierAccuracy());
    assertTrue(r.fidReal() < r.fidGenerated(), "real " + r.fidReal() + " vs generated " + r.fidGenerated());
    assertTrue(r.fidGenerated() < 0.5 * r.fidNoise(), "generated " + r.fidGenerated() + " vs noise "
        + r.fidNoise());
    double total = 0;
    for (double f : r.generatedClassFractions()) {
      total += f;
    }
    assertEquals(1, total, 1e-9);
    for (int epoch = 1; epoch <= 4; epoch++) {
      assertTrue(Files.size(out.resolve(String.format("gan_epoch_%02d.png", epoch))) > 500, "epoch " + epoch);
    }
  }
}
