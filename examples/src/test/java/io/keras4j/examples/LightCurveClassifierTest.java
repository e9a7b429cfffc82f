package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The light-curve example in a small configuration: both models well above chance (1/7) on held-out simulated
 * light curves, and, with the ALeRCE data present (shared/data/ztf/alerce), the real evaluation of its supernovae.
 */
class LightCurveClassifierTest {
  private static final LightCurveClassifier.Config SMALL = new LightCurveClassifier.Config(150, 40, 32, 40, 42,
      SequenceModel.DEFAULT);

  @Test
  void simulatedAndRealLightCurves() {
    Path alerce = AlerceLightCurves.find();
    long start = System.nanoTime();
    LightCurveClassifier.Result r = LightCurveClassifier.run(SMALL, alerce, 0);
    double seconds = (System.nanoTime() - start) / 1e9;
    System.out.print(LightCurveClassifier.describe(r));
    System.out.printf("small configuration: %.1f s%n", seconds);
    assertEquals(7 * 40, r.test().size());
    assertTrue(r.simSequence().report().accuracy() > 0.5, "sequence model accuracy " + r.simSequence().report()
        .accuracy());
    assertTrue(r.simMlp().report().accuracy() > 0.6, "feature MLP accuracy " + r.simMlp().report().accuracy());
    assertTrue(r.simSequence().macroF1() > 0.45, "sequence model macro F1 " + r.simSequence().macroF1());
    if (alerce == null) {
      return;
    }
    // 30 supernovae: 19 SNIa, 8 SNIbc, 1 SNII kept; 2 SLSN excluded (the simulator has no SLSN class)
    LightCurveClassifier.RealResult real = r.real();
    assertEquals(28, real.kept().size());
    assertEquals(2, real.excluded().size());
    assertTrue(real.excluded().stream().allMatch(lc -> lc.label().equals("SLSN")));
    long[][] cm = real.sequence().report().confusionMatrix();
    assertEquals(28, Arrays.stream(cm).flatMapToLong(Arrays::stream).sum());
    assertEquals(19, Arrays.stream(cm[0]).sum());
    assertEquals(8, Arrays.stream(cm[1]).sum());
    assertEquals(1, Arrays.stream(cm[2]).sum());
    assertEquals(98, real.variablesWithoutLightCurves());
    assertTrue(real.sequence().macroF1() >= 0 && real.mlp().macroF1() <= 1);
  }

  @Test
  void alerceLightCurvesAsRead() {
    Path alerce = AlerceLightCurves.find();
    assumeTrue(alerce != null, "ALeRCE data not found under shared/data/ztf/alerce");
    List<LightCurve> all = AlerceLightCurves.read(alerce);
    assertEquals(30, all.size());
    assertEquals(19, all.stream().filter(lc -> lc.label().equals("SNIa")).count());
    assertEquals(8, all.stream().filter(lc -> lc.label().equals("SNIbc")).count());
    assertEquals(2, all.stream().filter(lc -> lc.label().equals("SLSN")).count());
    // 784 detections in the file, one of them with isdiffpos -1 (dropped)
    assertEquals(783, all.stream().mapToInt(LightCurve::size).sum());
    LightCurve first = all.get(0);
    assertEquals("ZTF18ablhqle", first.id());
    assertEquals(58586.4766667, Arrays.stream(first.t()).filter(t -> Math.abs(t - 58586.48) < 0.01).findFirst()
        .orElse(0), 1e-6);
  }
}
