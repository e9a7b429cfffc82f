package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.keras4j.data.NDArray;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Layer;
import io.keras4j.models.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GalaxyTransferLearningTest {
  private static final int SIZE = 32;

  private static Path nsfwjs() {
    Path dir = GalaxyTransferLearning.findNsfwjs();
    assumeTrue(dir != null, "the nsfwjs MobileNetV2 is absent");
    return dir;
  }

  @Test
  void pretrainedBaseCarriesTheNsfwjsWeightsAndFrozenTrainingLeavesThemUnchanged() throws Exception {
    Path dir = nsfwjs();
    GalaxySimulator sim = new GalaxySimulator(SIZE);
    GalaxyTransferLearning.Labelled train = GalaxyTransferLearning.images(sim, 32, new Random(3));
    try (Model base = GalaxyTransferLearning.pretrainedBase(dir, SIZE);
        Model model = GalaxyTransferLearning.classifier(base)) {
      float[] conv1 = base.getLayer("Conv1").getWeights().get(0).toFloatArray();
      try (Model original = io.keras4j.models.Models.loadModel(dir)) {
        assertArrayEquals(original.getLayer("Conv1").getWeights().get(0).toFloatArray(), conv1);
      }
      List<NDArray> before = base.getWeights();
      List<NDArray> headBefore = model.layers().get(model.layers().size() - 1).getWeights();
      base.trainable(false);
      GalaxyTransferLearning.Result r = GalaxyTransferLearning.train("frozen", model, train, train, 1, 1e-2, 0);
      List<NDArray> after = base.getWeights();
      assertEquals(before.size(), after.size());
      for (int i = 0; i < before.size(); i++) {
        assertArrayEquals(before.get(i).toFloatArray(), after.get(i).toFloatArray(), "base weight " + i);
      }
      float[] head = model.layers().get(model.layers().size() - 1).getWeights().get(0).toFloatArray();
      assertNotEquals(java.util.Arrays.toString(headBefore.get(0).toFloatArray()), java.util.Arrays.toString(head),
          "the head was trained");
      assertTrue(r.accuracy() >= 0 && r.accuracy() <= 1, "accuracy " + r.accuracy());
    }
  }

  @Test
  void unfreezeTopKeepsBatchNormalizationAndLowerLayersFrozen() throws Exception {
    try (Model base = GalaxyTransferLearning.base(SIZE)) {
      base.trainable(false);
      GalaxyTransferLearning.unfreezeTop(base, 10);
      List<Layer> layers = base.layers();
      for (int i = 0; i < layers.size(); i++) {
        boolean expected = i >= layers.size() - 10 && !(layers.get(i) instanceof BatchNormalization);
        assertEquals(expected, layers.get(i).trainable(), layers.get(i).name());
      }
      assertTrue(base.getLayer("Conv_1").trainable());
      assertTrue(!base.getLayer("Conv_1_bn").trainable());
    }
  }

  @Test
  void runWritesTheCurveAndTheTable(@TempDir Path out) throws Exception {
    Path dir = nsfwjs();
    List<GalaxyTransferLearning.Result> results =
        GalaxyTransferLearning.run(dir, SIZE, new int[] {16}, 16, 1, 0, out);
    System.out.println(GalaxyTransferLearning.table(results));
    assertEquals(3, results.size());
    for (GalaxyTransferLearning.Result r : results) {
      assertTrue(r.accuracy() >= 0 && r.accuracy() <= 1, r.method() + " accuracy " + r.accuracy());
      assertTrue(r.secondsPerEpoch() > 0, r.method() + " time");
      assertEquals(1, r.history().get("loss").size());
    }
    assertEquals(List.of("frozen", "fine-tuned", "scratch"),
        results.stream().map(GalaxyTransferLearning.Result::method).toList());
    assertTrue(Files.size(out.resolve("galaxy_transfer_learning.png")) > 1000);
    String table = Files.readString(out.resolve("galaxy_transfer_learning.md"));
    assertEquals(2 + 3, table.lines().count(), table);
    assertTrue(table.contains("| scratch | 16 |"), table);
  }
}
