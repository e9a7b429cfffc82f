package io.keras4j.spark;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * The state of a {@link BarrierTrainer} run after a synchronization: the global steps done, the averaged weights and
 * the mean loss of each synchronization so far. Written atomically (a temporary file, then a rename) by task 0; read
 * by every task of a restarted stage, so the directory must be shared by the executors (HDFS mounted, NFS, or local
 * in local mode). Keras equivalent: the state {@code keras.callbacks.BackupAndRestore} keeps.
 */
record TrainingCheckpoint(long steps, float[] weights, List<Double> losses) {
  static final String FILE = "barrier_checkpoint.bin";

  /** The checkpoint in {@code dir}, or null when there is none yet. */
  static TrainingCheckpoint read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.exists(file)) {
      return null;
    }
    try (DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(Files.newInputStream(file)))) {
      long steps = in.readLong();
      float[] weights = new float[in.readInt()];
      for (int i = 0; i < weights.length; i++) {
        weights[i] = in.readFloat();
      }
      int n = in.readInt();
      List<Double> losses = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        losses.add(in.readDouble());
      }
      return new TrainingCheckpoint(steps, weights, losses);
    } catch (IOException e) {
      throw new UncheckedIOException("BarrierTrainer: cannot read the checkpoint " + file, e);
    }
  }

  void write(Path dir) {
    try {
      Files.createDirectories(dir);
      Path tmp = Files.createTempFile(dir, FILE, ".tmp");
      try (DataOutputStream out = new DataOutputStream(new java.io.BufferedOutputStream(Files.newOutputStream(tmp)))) {
        out.writeLong(steps);
        out.writeInt(weights.length);
        for (float w : weights) {
          out.writeFloat(w);
        }
        out.writeInt(losses.size());
        for (double l : losses) {
          out.writeDouble(l);
        }
      }
      Files.move(tmp, dir.resolve(FILE), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("BarrierTrainer: cannot write the checkpoint in " + dir, e);
    }
  }
}
