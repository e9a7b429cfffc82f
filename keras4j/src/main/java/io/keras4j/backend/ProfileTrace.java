package io.keras4j.backend;

/**
 * A profile being recorded: every run of a traced function between {@link Engine#startProfile()} and
 * {@link #stop()} is traced op by op.
 *
 * <p>Keras equivalent: the profiler {@code keras.callbacks.TensorBoard(profile_batch=...)} starts and stops through
 * {@code backend.tensorboard.start_trace} / {@code stop_trace} (TensorFlow's {@code tf.profiler.experimental}).
 * <pre>{@code
 * ProfileTrace trace = Backend.engine().startProfile();
 * model.trainOnBatch(x, y);
 * trace.stop();
 * System.out.println(trace.table());
 * }</pre>
 */
public interface ProfileTrace {
  /** Stops recording; later runs are not traced. Calling it again does nothing. */
  void stop();

  /** The number of runs traced. */
  long runs();

  /** The time spent in each op type as a markdown table, the most expensive first. */
  String table();

  /**
   * The traced runs as one serialized TensorFlow {@code RunMetadata} (tensorflow/core/protobuf/config.proto): the
   * step statistics of every run and, in {@code function_graphs}, the graph of each function run, which
   * TensorBoard's graph dashboard shows with the time and memory of each op.
   */
  byte[] runMetadata();
}
