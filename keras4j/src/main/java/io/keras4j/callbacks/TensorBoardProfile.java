package io.keras4j.callbacks;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ProfileTrace;
import io.keras4j.utils.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The profile of the TensorBoard callback's {@code profile_batch}: traces the global training batches
 * {@code start..stop} through the engine's profiler and writes what it recorded.
 *
 * <p>Keras equivalent: {@code TensorBoard._start_trace} / {@code _stop_trace} (keras/src/callbacks/tensorboard.py),
 * which run TensorFlow's profiler from the start batch and, after the stop batch, export the trace as the summary
 * {@code batch_<stop>} at step {@code stop} in {@code log_dir/train}. keras4j writes:
 * <ul>
 *   <li>the summary {@code batch_<stop>} at step {@code stop}, plugin "graph_run_metadata": a {@code RunMetadata}
 *       with the step statistics and the graphs of the traced runs, which TensorBoard's Graphs dashboard shows
 *       (tag "batch_N", "Compute time" / "Memory" colouring);
 *   <li>{@code log_dir/train/plugins/profile/<yyyy_MM_dd_HH_mm_ss>/<host>.keras4j_ops.md}: the time per op type.
 * </ul>
 * Porting note: TensorFlow Java 1.0 has no {@code tf.profiler}, so no {@code .xplane.pb} for TensorBoard's Profile
 * dashboard is written. As in Keras, a profiler failure is logged, never thrown.
 */
final class TensorBoardProfile {
  private static final Logger LOG = LoggerFactory.getLogger(TensorBoardProfile.class);
  private static final DateTimeFormatter RUN_NAME = DateTimeFormatter.ofPattern("yyyy_MM_dd_HH_mm_ss");

  private final Path trainDir;
  private final int start;
  private final int stop;
  private ProfileTrace trace;

  TensorBoardProfile(Path trainDir, int start, int stop) {
    this.trainDir = trainDir;
    this.start = start;
    this.stop = stop;
  }

  /** Starts tracing at the start batch. */
  void batchBegin(int globalBatch) {
    if (globalBatch == start && trace == null) {
      try {
        trace = Backend.engine().startProfile();
      } catch (RuntimeException e) {
        LOG.error("Failed to start profiler: {}", e.toString());
      }
    }
  }

  /** Stops tracing and writes the profile after the stop batch. */
  void batchEnd(int globalBatch, Supplier<EventFileWriter> train) {
    if (trace != null && globalBatch >= stop) {
      stop(train);
    }
  }

  /** Stops tracing, when tracing, and writes the profile. */
  void stop(Supplier<EventFileWriter> train) {
    if (trace == null) {
      return;
    }
    ProfileTrace t = trace;
    trace = null;
    try {
      t.stop();
      train.get().blob("batch_" + stop, stop, "graph_run_metadata", "1", t.runMetadata());
      Path run = trainDir.resolve("plugins").resolve("profile").resolve(LocalDateTime.now().format(RUN_NAME));
      Files.createDirectories(run);
      String table = t.table();
      AtomicFiles.write(run.resolve(EventFileWriter.hostname() + ".keras4j_ops.md"), tmp -> Files.writeString(tmp, table));
    } catch (IOException | RuntimeException e) {
      LOG.error("Failed to stop profiler: {}", e.toString());
    }
  }
}
