package io.keras4j.applications;

/**
 * A weights file Keras publishes for an application: its file name in the cache, the URL it is downloaded from, and
 * its hash (md5, or sha256 when 64 hex digits long; null where Keras checks none).
 *
 * <p>Keras equivalent: the {@code get_file(model_name, weight_path, cache_subdir="models", file_hash=...)} call at the
 * end of each keras/src/applications/*.py function.
 */
public record WeightFile(String fileName, String origin, String fileHash) {
  /** The Keras applications bucket every family's weights are under. */
  static final String BASE = "https://storage.googleapis.com/tensorflow/keras-applications/";

  /** A file of {@code BASE + folder + "/" + fileName}. */
  static WeightFile of(String folder, String fileName, String fileHash) {
    return new WeightFile(fileName, BASE + folder + "/" + fileName, fileHash);
  }
}
