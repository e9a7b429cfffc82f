package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The scoring step on a real ZTF packet against ZTF's own score (when present), and the embedded demo. */
class AlertScoringTest {
  static final Path DATA = AlertScoring.defaultData();

  @Test
  void braaiD6M7ReproducesTheDrbZtfWroteIntoThePacket(@TempDir Path out) throws Exception {
    assumeTrue(DATA != null, "ZTF data not present (shared/data/ztf)");
    AlertScoring.Result r = AlertScoring.run(DATA.resolve("alerts/1661382530015060001.avro"),
        DATA.resolve("braai/models/d6_m7.h5"), out);
    assertTrue(r.trainedModel());
    AlertScoring.Scored s = r.scores().get(0);
    assertEquals("d6_m7", s.alert().drbVersion());
    // the packet's drb is 0.9819347 (ZTF's pipeline, model d6_m7); a numpy re-implementation gives 0.9819348
    assertEquals(s.alert().drb(), s.score(), 1e-4);
    assertEquals(0.9819347, s.score(), 1e-4);
    assertTrue(Files.size(r.pngs().get(0)) > 1000);
  }

  @Test
  void braaiD6M7TellsTheSimulatedTransientFromTheSimulatedArtefact() throws Exception {
    assumeTrue(DATA != null, "ZTF data not present (shared/data/ztf)");
    AlertScoring.Result r = AlertScoring.run(null, DATA.resolve("braai/models/d6_m7.h5"), null);
    // an independent check of the simulator: the real model (0.9988 and 1e-5 when written) calls the new point
    // source real and the misalignment dipole bogus
    assertEquals("SIMreal00001", r.scores().get(0).alert().objectId());
    assertTrue(r.scores().get(0).score() > 0.9, "simulated transient " + r.scores().get(0).score());
    assertTrue(r.scores().get(1).score() < 0.1, "simulated artefact " + r.scores().get(1).score());
  }

  @Test
  void withoutDataTheDemoRunsEndToEnd(@TempDir Path out) throws Exception {
    PrintStream saved = System.out;
    ByteArrayOutputStream printed = new ByteArrayOutputStream();
    System.setOut(new PrintStream(printed, true, "UTF-8"));
    try {
      AlertScoring.main(new String[] {"--demo", "--out", out.toString()});
    } finally {
      System.setOut(saved);
    }
    String text = printed.toString("UTF-8");
    assertTrue(text.contains("UNTRAINED"), text);
    assertTrue(text.contains("SIMreal00001") && text.contains("SIMbogus0001"), text);
    assertTrue(Files.size(out.resolve("alert_1000000000000000001.png")) > 1000);
    assertTrue(Files.size(out.resolve("alert_1000000000000000002.png")) > 1000);
  }

  @Test
  void demoScoresAreProbabilities() throws Exception {
    AlertScoring.Result r = AlertScoring.run(null, null, null);
    assertFalse(r.trainedModel());
    assertEquals(2, r.scores().size());
    for (AlertScoring.Scored s : r.scores()) {
      assertTrue(s.score() > 0 && s.score() < 1, "score " + s.score());
    }
    assertTrue(r.pngs().isEmpty());
  }
}
