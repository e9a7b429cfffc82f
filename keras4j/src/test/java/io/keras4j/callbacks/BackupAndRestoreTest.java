package io.keras4j.callbacks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * BackupAndRestore's crash consistency: whatever a kill leaves in the backup directory, a resumed fit continues
 * from a complete epoch and ends with the weights and step count of an uninterrupted fit.
 */
class BackupAndRestoreTest {
  private static final float[][] X = new float[48][3];
  private static final float[] Y = new float[48];

  static {
    Random r = new Random(11);
    for (int i = 0; i < X.length; i++) {
      for (int j = 0; j < 3; j++) {
        X[i][j] = (float) r.nextGaussian();
      }
      Y[i] = X[i][0] - 2 * X[i][1] + 0.5f * X[i][2];
    }
  }

  /** The same program in every "process": the global seed, then the model. */
  private static Sequential model() {
    Backend.setRandomSeed(21);
    Sequential m = new Sequential();
    m.add(new Dense(5).activation("tanh").inputDim(3));
    m.add(new Dense(1));
    m.compile(new CompileOptions().optimizer(new Adam(0.02)).loss("mse"));
    return m;
  }

  /** The same with Dropout between the layers: its masks come from a generator saved in each backup. */
  private static Sequential dropoutModel() {
    Backend.setRandomSeed(22);
    Sequential m = new Sequential();
    m.add(new Dense(8).activation("tanh").inputDim(3));
    m.add(new io.keras4j.layers.Dropout(0.3));
    m.add(new Dense(1));
    m.compile(new CompileOptions().optimizer(new Adam(0.02)).loss("mse"));
    return m;
  }

  private static FitOptions options(Callback... callbacks) {
    return new FitOptions().epochs(5).batchSize(8).shuffle(true).verbose(0).callbacks(callbacks);
  }

  private static LambdaCallback crashAfterEpoch(int epoch) {
    return new LambdaCallback().onEpochEnd((e, logs) -> {
      if (e == epoch) {
        throw new IllegalStateException("power cut");
      }
    });
  }

  private static void assertSameTraining(Sequential expected, Sequential actual) {
    assertEquals(expected.optimizer().iterations(), actual.optimizer().iterations(), "optimizer steps");
    for (int i = 0; i < expected.getWeights().size(); i++) {
      assertArrayEquals(expected.getWeights().get(i).toFloatArray(), actual.getWeights().get(i).toFloatArray(),
          1e-6f, "weight " + i);
    }
  }

  private static List<String> files(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void aResumedShuffledFitEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
    Sequential straight = model();
    straight.fit(X, Y, options());

    Path backup = dir.resolve("backup");
    Sequential interrupted = model();
    assertThrows(IllegalStateException.class,
        () -> interrupted.fit(X, Y, options(new BackupAndRestore(backup), crashAfterEpoch(1))));

    Sequential resumed = model();
    List<Integer> epochs = new ArrayList<>();
    resumed.fit(X, Y, options(new BackupAndRestore(backup), new LambdaCallback().onEpochBegin((e, l) -> epochs.add(e))));
    assertEquals(List.of(2, 3, 4), epochs);
    assertEquals(30, resumed.optimizer().iterations()); // 5 epochs of 6 batches, none twice
    assertSameTraining(straight, resumed);
    assertEquals(List.of(), files(backup));
  }

  @Test
  void aResumedFitWithShufflingAndDropoutEqualsAnUninterruptedOne(@TempDir Path dir) throws Exception {
    Sequential straight = dropoutModel();
    straight.fit(X, Y, options());

    Path backup = dir.resolve("backup");
    Sequential interrupted = dropoutModel();
    assertThrows(IllegalStateException.class,
        () -> interrupted.fit(X, Y, options(new BackupAndRestore(backup), crashAfterEpoch(2))));

    Sequential resumed = dropoutModel();
    resumed.fit(X, Y, options(new BackupAndRestore(backup)));
    assertSameTraining(straight, resumed);

    Sequential unrestored = dropoutModel(); // without the backup's generator state the masks would restart
    unrestored.fit(X, Y, options().epochs(2));
    assertTrue(Math.abs(unrestored.getWeights().get(0).toFloatArray()[0]
        - straight.getWeights().get(0).toFloatArray()[0]) > 1e-6, "the check can fail");
  }

  @Test
  void aKillBetweenTheModelAndTheMetadataResumesFromTheCommittedEpoch(@TempDir Path dir) throws Exception {
    Sequential straight = model();
    straight.fit(X, Y, options());

    Path backup = dir.resolve("backup");
    Sequential interrupted = model();
    assertThrows(IllegalStateException.class,
        () -> interrupted.fit(X, Y, options(new BackupAndRestore(backup), crashAfterEpoch(1))));
    String committed = files(backup).stream().filter(f -> f.endsWith(".keras")).findFirst().orElseThrow();
    // what a kill after the next epoch's model was written, before its metadata was committed, leaves behind:
    // a complete but uncommitted model of a later epoch, and a save's temporary
    Sequential later = model();
    later.fit(X, Y, options().epochs(3));
    later.save(backup.resolve("latest-7-1.keras"));
    Files.writeString(backup.resolve(".latest-8-1.keras.1.x1.tmp"), "half a zip");

    Sequential resumed = model();
    List<Integer> epochs = new ArrayList<>();
    resumed.fit(X, Y, options(new BackupAndRestore(backup).deleteCheckpoint(false),
        new LambdaCallback().onEpochBegin((e, l) -> epochs.add(e))));
    assertEquals(List.of(2, 3, 4), epochs, "resumed after the committed epoch, not the uncommitted one");
    assertSameTraining(straight, resumed);
    List<String> left = files(backup);
    assertEquals(2, left.size(), "one model and its metadata: " + left);
    assertFalse(left.contains(committed) || left.contains("latest-7-1.keras"), "older and uncommitted files go");
    assertTrue(left.contains("training_metadata.json"));
  }

  @Test
  void doubleCheckpointFallsBackToThePreviousBackupWhenTheLatestIsUnreadable(@TempDir Path dir) throws Exception {
    Path backup = dir.resolve("backup");
    Sequential interrupted = model();
    assertThrows(IllegalStateException.class, () -> interrupted.fit(X, Y,
        options(new BackupAndRestore(backup).doubleCheckpoint(true), crashAfterEpoch(2))));
    String meta = Files.readString(backup.resolve("training_metadata.json"));
    String latest = meta.replaceAll(".*\"model\":\"([^\"]+)\".*", "$1");
    Files.writeString(backup.resolve(latest), "not a zip any more");

    Sequential resumed = model();
    List<Integer> epochs = new ArrayList<>();
    resumed.fit(X, Y, options(new BackupAndRestore(backup).doubleCheckpoint(true),
        new LambdaCallback().onEpochBegin((e, l) -> epochs.add(e))));
    assertEquals(List.of(2, 3, 4), epochs, "the previous backup holds epochs 0-1");
    Sequential straight = model();
    straight.fit(X, Y, options());
    assertSameTraining(straight, resumed);
  }

  @Test
  void saveFreqInBatchesRecordsTheBatchAndRestartsTheEpochInProgress(@TempDir Path dir) throws Exception {
    Path backup = dir.resolve("backup");
    Sequential m = model();
    LambdaCallback crash = new LambdaCallback().onTrainBatchEnd((b, l) -> {
      if (m.optimizer().iterations() == 10) {
        throw new IllegalStateException("power cut");
      }
    });
    assertThrows(IllegalStateException.class,
        () -> m.fit(X, Y, options(new BackupAndRestore(backup).saveFreq(4), crash)));
    String meta = Files.readString(backup.resolve("training_metadata.json"));
    // saves after batches 4 and 8 of the run (epoch 0 batch 3, epoch 1 batch 1); the epoch done so far is 1
    assertTrue(meta.contains("\"epoch\":1") && meta.contains("\"batch\":1"), meta);
    assertThrows(IllegalArgumentException.class, () -> new BackupAndRestore(backup).saveFreq(0));
  }
}
