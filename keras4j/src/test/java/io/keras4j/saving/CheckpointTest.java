package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.Backend;
import io.keras4j.callbacks.BackupAndRestore;
import io.keras4j.callbacks.LambdaCallback;
import io.keras4j.callbacks.ModelCheckpoint;
import io.keras4j.layers.Dense;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Sequential;
import io.keras4j.optimizers.Adam;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ModelCheckpoint, BackupAndRestore and weights files. */
class CheckpointTest {
  static final float[][] X = new float[40][3];
  static final float[] Y = new float[40];

  static {
    Random r = new Random(6);
    for (int i = 0; i < 40; i++) {
      for (int j = 0; j < 3; j++) {
        X[i][j] = (float) r.nextGaussian();
      }
      Y[i] = X[i][0] - X[i][1] + 0.5f * X[i][2];
    }
  }

  static Sequential model() {
    Backend.setRandomSeed(10);
    Sequential m = new Sequential();
    m.add(new Dense(4).activation("tanh").inputDim(3));
    m.add(new Dense(1));
    m.compile(new CompileOptions().optimizer(new Adam(0.01)).loss("mse"));
    return m;
  }

  static FitOptions options(int epochs) {
    return new FitOptions().epochs(epochs).batchSize(8).shuffle(false).verbose(0).validationData(X, Y);
  }

  @Test
  void checkpointPathsNameEpochAndMetrics(@TempDir Path dir) throws Exception {
    Sequential m = model();
    String pattern = dir.resolve("m-{epoch:02d}-{val_loss:.3f}.keras").toString();
    ModelCheckpoint all = new ModelCheckpoint(pattern);
    assertEquals(dir.resolve("m-03-0.125.keras").toString(), all.format(2, Map.of("val_loss", 0.1249)));
    m.fit(X, Y, options(3).callbacks(all));
    try (var files = Files.list(dir)) {
      assertEquals(3, files.filter(f -> f.getFileName().toString().startsWith("m-0")).count());
    }
  }

  @Test
  void saveBestOnlyKeepsTheBestEpochsWeights(@TempDir Path dir) throws Exception {
    Sequential m = model();
    Path best = dir.resolve("best.weights.h5");
    double[] bestLoss = {Double.MAX_VALUE};
    float[][] bestWeights = new float[1][];
    m.fit(X, Y, options(6).callbacks(new ModelCheckpoint(best.toString()).saveBestOnly(true).saveWeightsOnly(true),
        new LambdaCallback().onEpochEnd((e, logs) -> {
          if (logs.get("val_loss") < bestLoss[0]) {
            bestLoss[0] = logs.get("val_loss");
            bestWeights[0] = m.getWeights().get(0).toFloatArray();
          }
        })));
    Sequential fresh = model();
    fresh.loadWeights(best);
    assertArrayEquals(bestWeights[0], fresh.getWeights().get(0).toFloatArray());
  }

  @Test
  void anInterruptedFitResumesWhereItStopped(@TempDir Path dir) throws Exception {
    Sequential straight = model();
    straight.fit(X, Y, options(5));

    Sequential interrupted = model();
    Path backup = dir.resolve("backup");
    LambdaCallback crash = new LambdaCallback().onEpochEnd((e, logs) -> {
      if (e == 2) {
        throw new IllegalStateException("power cut");
      }
    });
    assertThrows(IllegalStateException.class,
        () -> interrupted.fit(X, Y, options(5).callbacks(new BackupAndRestore(backup), crash)));
    assertTrue(Files.readString(backup.resolve("training_metadata.json")).contains("\"epoch\":3"));

    Sequential resumed = model(); // a new process: fresh model, same code
    List<Integer> epochs = new java.util.ArrayList<>();
    resumed.fit(X, Y, options(5).callbacks(new BackupAndRestore(backup),
        new LambdaCallback().onEpochBegin((e, logs) -> epochs.add(e))));
    assertEquals(List.of(3, 4), epochs); // epochs 0-2 were done; the crash came after epoch 2's backup
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(straight.getWeights().get(i).toFloatArray(), resumed.getWeights().get(i).toFloatArray(), 1e-6f,
          "weight " + i);
    }
    try (var left = Files.list(backup)) {
      assertEquals(List.of(), left.toList(), "the backup is removed after a finished fit");
    }
  }

  @Test
  void weightsFilesRoundTripAndSkipMismatch(@TempDir Path dir) {
    Sequential m = model();
    m.fit(X, Y, options(1));
    Path w = dir.resolve("m.weights.h5");
    m.saveWeights(w);
    Sequential other = model();
    other.loadWeights(w);
    for (int i = 0; i < 4; i++) {
      assertArrayEquals(m.getWeights().get(i).toFloatArray(), other.getWeights().get(i).toFloatArray());
    }
    Sequential wider = new Sequential();
    wider.add(new Dense(4).activation("tanh").inputDim(3));
    wider.add(new Dense(2));
    KerasFileException e = assertThrows(KerasFileException.class, () -> wider.loadWeights(w));
    assertTrue(e.getMessage().contains("Shape mismatch") && e.getMessage().contains("(4, 2)"), e.getMessage());
    wider.loadWeights(w, true);
    assertArrayEquals(m.getWeights().get(0).toFloatArray(), wider.getWeights().get(0).toFloatArray());
    assertThrows(IllegalArgumentException.class, () -> m.saveWeights(dir.resolve("m.h5")));
  }
}
