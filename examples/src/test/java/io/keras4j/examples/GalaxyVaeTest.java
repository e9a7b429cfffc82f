package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalaxyVaeTest {
  @Test
  void elboImprovesAndTheLatentSpaceSeparatesTheClasses(@TempDir Path out) throws Exception {
    GalaxyVae.Report r = GalaxyVae.run(800, 200, 6, 0, out);
    List<Double> loss = r.history().get("loss");
    assertEquals(List.of("loss", "reconstruction_loss", "kl_loss"), List.copyOf(r.history().history().keySet()));
    assertTrue(loss.get(loss.size() - 1) < 0.8 * loss.get(0), "training negative ELBO " + loss);
    double after = r.test().get("loss");
    assertTrue(after < 0.5 * r.testLossBefore(), "held-out negative ELBO " + r.testLossBefore() + " -> " + after);
    assertTrue(r.test().get("kl_loss") > 0, "KL " + r.test().get("kl_loss"));
    assertTrue(r.latentKnnAccuracy() > 0.4, "5-NN accuracy on z_mean " + r.latentKnnAccuracy());
    for (String png : List.of("vae_elbo.png", "vae_latent.png", "vae_generated.png")) {
      assertTrue(Files.size(out.resolve(png)) > 1000, png);
    }
  }
}
