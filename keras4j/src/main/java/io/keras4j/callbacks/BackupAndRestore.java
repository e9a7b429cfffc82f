package io.keras4j.callbacks;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.saving.KerasFileException;
import io.keras4j.saving.formats.KerasZip;
import io.keras4j.utils.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Backs up the model and optimizer at each epoch's end (or every {@code saveFreq} batches), so a {@code fit} that
 * was interrupted resumes where it stopped when run again with the same backup directory.
 * <pre>{@code model.fit(x, y, new FitOptions().epochs(100).callbacks(new BackupAndRestore(Path.of("backup"))));}</pre>
 *
 * <p>Keras equivalent: {@code keras.callbacks.BackupAndRestore(backup_dir, save_freq="epoch",
 * double_checkpoint=False, delete_checkpoint=True)}.
 *
 * <p>Porting note: Keras writes {@code latest.weights.h5} and then {@code training_metadata.json}, so a kill
 * between the two resumes with one epoch trained twice. keras4j writes the model (weights, optimizer state and
 * the random layers' generator state) to a new {@code latest-<n>.keras} and then commits it by atomically
 * replacing {@code training_metadata.json}, which names that file ({@code {"epoch": e, "batch": b, "model":
 * "latest-3.keras"}}); the file it replaced is deleted only after the commit. Whatever the moment of a kill, the
 * metadata names a complete model of the epoch it states. With a fixed {@code Backend.setRandomSeed}, a resumed fit
 * then equals an uninterrupted one: each epoch's shuffle is drawn from the fit's seed and the epoch alone, and
 * dropout streams continue from the saved generator state.
 */
public class BackupAndRestore extends Callback {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final String METADATA = "training_metadata.json";

  private final Path backupDir;
  private boolean deleteCheckpoint = true;
  private boolean doubleCheckpoint;
  private int saveFreq; // 0: every epoch
  private int currentEpoch;
  private int batchesSinceSave;
  private int lastBatchSeen;
  private int saves;

  /** Backs up into {@code backupDir} (Keras' {@code backup_dir}, required). */
  public BackupAndRestore(Path backupDir) {
    if (backupDir == null || backupDir.toString().isEmpty()) {
      throw new IllegalArgumentException("Empty `backup_dir` argument passed");
    }
    this.backupDir = backupDir;
  }

  /** Sets whether the backup is removed after a finished fit (Keras' {@code delete_checkpoint=}). Default true. */
  public BackupAndRestore deleteCheckpoint(boolean v) {
    this.deleteCheckpoint = v;
    return this;
  }

  /**
   * Sets whether the previous backup is kept beside the latest one and used when the latest cannot be read
   * (Keras' {@code double_checkpoint=}). Default false.
   */
  public BackupAndRestore doubleCheckpoint(boolean v) {
    this.doubleCheckpoint = v;
    return this;
  }

  /**
   * Backs up every {@code batches} training batches instead of at each epoch's end (Keras' {@code save_freq=} as
   * an integer); a resumed fit restarts the epoch during which the backup was taken. Default: each epoch.
   */
  public BackupAndRestore saveFreq(int batches) {
    if (batches <= 0) {
      throw new IllegalArgumentException("Invalid value for argument `save_freq`. Received: save_freq=" + batches
          + ". Expected either 'epoch' or a positive integer value.");
    }
    this.saveFreq = batches;
    return this;
  }

  /** Backs up at each epoch's end (Keras' {@code save_freq="epoch"}, the default). */
  public BackupAndRestore saveFreqEpoch() {
    this.saveFreq = 0;
    return this;
  }

  private Path metadataFile() {
    return backupDir.resolve(METADATA);
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    currentEpoch = 0;
    batchesSinceSave = 0;
    lastBatchSeen = 0;
    Map<String, Object> meta = readMetadata();
    if (meta == null) {
      return;
    }
    int epoch = ((Number) meta.getOrDefault("epoch", 0)).intValue();
    Object file = meta.get("model");
    try {
      KerasZip.restore(model(), backupDir.resolve(file == null ? "latest.keras" : file.toString()));
    } catch (KerasFileException e) {
      Object previous = meta.get("previous_model");
      if (previous == null) {
        throw e;
      }
      KerasZip.restore(model(), backupDir.resolve(previous.toString()));
      epoch = ((Number) meta.get("previous_epoch")).intValue();
    }
    currentEpoch = epoch;
    model().resumeFrom(epoch);
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> readMetadata() {
    Path f = metadataFile();
    if (!Files.exists(f)) {
      return null;
    }
    try {
      return JSON.readValue(f.toFile(), Map.class);
    } catch (IOException e) {
      throw new KerasFileException("Cannot read the backup metadata " + f + ": " + e.getMessage(), e);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    currentEpoch = epoch + 1; // batches keep counting across epochs, as in Keras
    lastBatchSeen = 0;
    if (saveFreq == 0) {
      save(0);
    }
  }

  /** Counts batches without reading their logs, so the engine need not fetch them at every step. */
  @Override
  boolean readsBatchLogs(String mode) {
    return false;
  }

  @Override
  public void onTrainBatchEnd(int batch, Map<String, Double> logs) {
    if (saveFreq == 0) {
      return;
    }
    // with steps_per_execution a call ends several batches: count them as Keras does
    batchesSinceSave += batch <= lastBatchSeen ? batch + 1 : batch - lastBatchSeen;
    lastBatchSeen = batch;
    if (batchesSinceSave >= saveFreq) {
      batchesSinceSave = 0;
      save(batch);
    }
  }

  /** Writes a new model file, commits it by replacing the metadata, then deletes the files no longer named. */
  private void save(int batch) {
    try {
      Files.createDirectories(backupDir);
      Map<String, Object> previous = readMetadata();
      String name = "latest-" + (++saves) + "-" + ProcessHandle.current().pid() + ".keras";
      model().save(backupDir.resolve(name));
      Map<String, Object> meta = new LinkedHashMap<>();
      meta.put("epoch", currentEpoch);
      meta.put("batch", batch);
      meta.put("model", name);
      if (doubleCheckpoint && previous != null && previous.get("model") != null) {
        meta.put("previous_model", previous.get("model"));
        meta.put("previous_epoch", previous.get("epoch"));
      }
      byte[] bytes = JSON.writeValueAsBytes(meta);
      AtomicFiles.write(metadataFile(), tmp -> Files.write(tmp, bytes));
      deleteModelsExcept(Set.of(name, String.valueOf(meta.get("previous_model"))));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the backup in " + backupDir, e);
    }
  }

  /**
   * Deletes the backup's model files other than {@code keep} (older ones, or ones a kill left uncommitted) and the
   * temporaries of killed saves.
   */
  private void deleteModelsExcept(Set<String> keep) throws IOException {
    try (Stream<Path> files = Files.list(backupDir)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        String n = p.getFileName().toString();
        boolean model = n.startsWith("latest") && n.endsWith(".keras") && !keep.contains(n);
        boolean temporary = n.startsWith(".latest") && n.endsWith(".tmp"); // of a save that was killed
        if (model || temporary) {
          Files.deleteIfExists(p);
        }
      }
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (!deleteCheckpoint) {
      return;
    }
    try {
      Files.deleteIfExists(metadataFile());
      if (Files.isDirectory(backupDir)) {
        deleteModelsExcept(Set.of());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
