package io.keras4j.callbacks;

import io.keras4j.utils.AtomicFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Backs up the model and optimizer at each epoch's end, so a {@code fit} that was interrupted resumes where it
 * stopped when run again with the same backup directory.
 *
 * <p>Keras equivalent: {@code keras.callbacks.BackupAndRestore(backup_dir, save_freq="epoch",
 * delete_checkpoint=True)}. The backup is {@code latest.keras} plus {@code training_metadata.json} (the next epoch)
 * in {@code backup_dir}; it is deleted when training finishes unless {@code deleteCheckpoint(false)}.
 */
public class BackupAndRestore extends Callback {
  private final Path backupDir;
  private boolean deleteCheckpoint = true;

  public BackupAndRestore(Path backupDir) {
    this.backupDir = backupDir;
  }

  /** Sets whether the backup is removed after a finished fit (Keras' {@code delete_checkpoint=}). Default true. */
  public BackupAndRestore deleteCheckpoint(boolean v) {
    this.deleteCheckpoint = v;
    return this;
  }

  private Path modelFile() {
    return backupDir.resolve("latest.keras");
  }

  private Path metadataFile() {
    return backupDir.resolve("training_metadata.json");
  }

  @Override
  public void onTrainBegin(Map<String, Double> logs) {
    if (!Files.exists(modelFile()) || !Files.exists(metadataFile())) {
      return;
    }
    try {
      String meta = Files.readString(metadataFile());
      int epoch = Integer.parseInt(meta.replaceAll("[^0-9]", ""));
      io.keras4j.saving.formats.KerasZip.restore(model(), modelFile());
      model().resumeFrom(epoch);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the backup in " + backupDir, e);
    }
  }

  @Override
  public void onEpochEnd(int epoch, Map<String, Double> logs) {
    try {
      Files.createDirectories(backupDir);
      model().save(modelFile());
      AtomicFiles.write(metadataFile(), tmp -> Files.writeString(tmp, "{\"epoch\": " + (epoch + 1) + "}"));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot write the backup in " + backupDir, e);
    }
  }

  @Override
  public void onTrainEnd(Map<String, Double> logs) {
    if (deleteCheckpoint) {
      try {
        Files.deleteIfExists(modelFile());
        Files.deleteIfExists(metadataFile());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
