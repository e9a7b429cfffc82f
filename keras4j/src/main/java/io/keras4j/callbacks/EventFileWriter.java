package io.keras4j.callbacks;

import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.CRC32C;

/**
 * Writes one TensorBoard event file: TFRecord records of {@code Event} protos, the first one naming the file version.
 *
 * <p>Keras equivalent: the writer of {@code tf.summary.create_file_writer(logdir)} (TensorFlow's
 * tensorflow/core/util/events_writer.cc and the summary plugins' encodings in tensorboard/plugins/{scalar,histogram,
 * image}/summary_v2.py). The file is named {@code events.out.tfevents.<seconds>.<host>.<pid>.<n>.v2} as TensorFlow
 * names it. Each record is {@code length (uint64 LE), masked CRC32C of the length, data, masked CRC32C of the data}.
 * <pre>{@code try (EventFileWriter w = new EventFileWriter(dir)) { w.scalar("epoch_loss", 0, 0.25); }}</pre>
 *
 * <p>Porting note: event files are appended while training runs (TensorBoard reads them live), so they are not
 * written to a temporary and renamed as keras4j's other files are.
 */
final class EventFileWriter implements Closeable {
  /** Keras' tensor summaries: dtype enum values of tensorflow/core/framework/types.proto. */
  static final int DT_FLOAT = 1;
  static final int DT_DOUBLE = 2;
  static final int DT_STRING = 7;
  private static final AtomicLong FILES = new AtomicLong();

  private final Path path;
  private final OutputStream out;

  /** Creates {@code dir} if needed and a new event file in it, starting with the file-version event. */
  EventFileWriter(Path dir) {
    try {
      Files.createDirectories(dir);
      long seconds = System.currentTimeMillis() / 1000;
      String name = String.format("events.out.tfevents.%010d.%s.%d.%d.v2", seconds, hostname(),
          ProcessHandle.current().pid(), FILES.getAndIncrement());
      path = dir.resolve(name);
      out = new BufferedOutputStream(Files.newOutputStream(path));
      ProtoWriter event = new ProtoWriter().fixed64(1, seconds).string(3, "brain.Event:2")
          .message(10, new ProtoWriter().string(1, "keras4j"));
      writeRecord(event.toByteArray());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not create a TensorBoard event file in " + dir, e);
    }
  }

  /** The file written. */
  Path path() {
    return path;
  }

  /** A scalar summary: a float32 tensor of shape [] under plugin "scalars" ({@code tf.summary.scalar}). */
  void scalar(String tag, long step, double value) {
    byte[] content = ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putFloat((float) value).array();
    write(tag, step, "scalars", new ProtoWriter().varint(1, DT_FLOAT).message(2, shape()).bytes(4, content));
  }

  /**
   * A histogram summary: a float64 tensor of shape [k, 3], rows {@code [left edge, right edge, count]}, under plugin
   * "histograms" ({@code tf.summary.histogram}).
   */
  void histogram(String tag, long step, double[][] buckets) {
    ByteBuffer content = ByteBuffer.allocate(buckets.length * 24).order(ByteOrder.LITTLE_ENDIAN);
    for (double[] row : buckets) {
      content.putDouble(row[0]).putDouble(row[1]).putDouble(row[2]);
    }
    write(tag, step, "histograms", new ProtoWriter().varint(1, DT_DOUBLE).message(2, shape(buckets.length, 3))
        .bytes(4, content.array()));
  }

  /**
   * An image summary: a string tensor {@code [width, height, png...]} under plugin "images" ({@code tf.summary.image}).
   */
  void image(String tag, long step, int width, int height, List<byte[]> pngs) {
    ProtoWriter tensor = new ProtoWriter().varint(1, DT_STRING).message(2, shape(2 + pngs.size()))
        .string(8, Integer.toString(width)).string(8, Integer.toString(height));
    for (byte[] png : pngs) {
      tensor.bytes(8, png);
    }
    write(tag, step, "images", tensor);
  }

  /** A scalar string tensor under {@code plugin}, whose plugin data holds {@code content} ({@code tf.summary.write}). */
  void blob(String tag, long step, String plugin, String content, byte[] value) {
    ProtoWriter tensor = new ProtoWriter().varint(1, DT_STRING).message(2, shape()).bytes(8, value);
    writeValue(step, valueOf(tag, plugin, content, tensor));
  }

  private void write(String tag, long step, String plugin, ProtoWriter tensor) {
    writeValue(step, valueOf(tag, plugin, "", tensor));
  }

  private static ProtoWriter valueOf(String tag, String plugin, String content, ProtoWriter tensor) {
    ProtoWriter pluginData = new ProtoWriter().string(1, plugin);
    if (!content.isEmpty()) {
      pluginData.string(2, content);
    }
    return new ProtoWriter().string(1, tag).message(8, tensor).message(9, new ProtoWriter().message(1, pluginData));
  }

  private void writeValue(long step, ProtoWriter value) {
    ProtoWriter event = new ProtoWriter().fixed64(1, System.currentTimeMillis() / 1000.0);
    if (step != 0) {
      event.varint(2, step);
    }
    event.message(5, new ProtoWriter().message(1, value));
    writeEvent(event);
  }

  /**
   * Appends one serialized {@code Event} and flushes it, so that a running TensorBoard sees it at once. Porting note:
   * TensorFlow's writer flushes every 2 minutes or 10 events.
   */
  synchronized void writeEvent(ProtoWriter event) {
    try {
      writeRecord(event.toByteArray());
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write to the TensorBoard event file " + path, e);
    }
  }

  private static ProtoWriter shape(long... dims) {
    ProtoWriter shape = new ProtoWriter();
    for (long d : dims) {
      shape.message(2, new ProtoWriter().varint(1, d));
    }
    return shape;
  }

  private void writeRecord(byte[] data) throws IOException {
    byte[] length = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(data.length).array();
    out.write(length);
    out.write(intLE(maskedCrc32c(length)));
    out.write(data);
    out.write(intLE(maskedCrc32c(data)));
  }

  /** TFRecord's checksum: CRC32C rotated right by 15 bits plus 0xa282ead8 (tensorflow/core/lib/hash/crc32c.h). */
  static int maskedCrc32c(byte[] data) {
    CRC32C crc = new CRC32C();
    crc.update(data);
    int c = (int) crc.getValue();
    return ((c >>> 15) | (c << 17)) + 0xa282ead8;
  }

  private static byte[] intLE(int v) {
    return ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array();
  }

  @Override
  public synchronized void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not close the TensorBoard event file " + path, e);
    }
  }

  /** The host name as TensorFlow puts it in event file names. */
  static String hostname() {
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
