package io.keras4j.callbacks;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * A small TensorBoard event-file reader for the tests, written from the file format's description rather than from
 * {@link EventFileWriter}: TFRecord framing with both masked CRC32C checks, then a generic protobuf wire-format
 * parser (field number to raw values) and the few Event / Summary / TensorProto fields the tests look at.
 */
final class EventFileReader {
  private EventFileReader() {}

  /** One summary value: its tag, plugin, tensor dtype, shape and payload. */
  record Value(String tag, String plugin, String pluginContent, long dtype, List<Long> shape, byte[] tensorContent,
      List<byte[]> strings) {
    /** A float32 scalar's value. */
    float scalar() {
      return ByteBuffer.wrap(tensorContent).order(ByteOrder.LITTLE_ENDIAN).getFloat();
    }

    /** A [k, 3] float64 histogram's rows. */
    double[][] histogram() {
      ByteBuffer b = ByteBuffer.wrap(tensorContent).order(ByteOrder.LITTLE_ENDIAN);
      double[][] rows = new double[(int) (long) shape.get(0)][3];
      for (double[] row : rows) {
        for (int j = 0; j < 3; j++) {
          row[j] = b.getDouble();
        }
      }
      return rows;
    }
  }

  /** One event: wall time, step, file version (first event only) and summary values. */
  record Event(double wallTime, long step, String fileVersion, List<Value> values) {}

  /** The events of every {@code events.out.tfevents.*} file in {@code dir}, files in name order. */
  static List<Event> readDir(Path dir) throws IOException {
    List<Event> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(dir)) {
      for (Path f : files.filter(p -> p.getFileName().toString().startsWith("events.out.tfevents.")).sorted()
          .toList()) {
        out.addAll(read(f));
      }
    }
    return out;
  }

  /** The events of one file; throws IllegalStateException on a bad checksum or a truncated record. */
  static List<Event> read(Path file) throws IOException {
    List<Event> out = new ArrayList<>();
    for (byte[] record : records(Files.readAllBytes(file))) {
      out.add(event(record));
    }
    return out;
  }

  /** The records of a TFRecord file: uint64 length, masked CRC of it, data, masked CRC of the data. */
  static List<byte[]> records(byte[] file) {
    List<byte[]> out = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(file).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      if (b.remaining() < 12) {
        throw new IllegalStateException("Truncated record header at byte " + b.position());
      }
      byte[] lengthBytes = new byte[8];
      b.get(lengthBytes);
      check(lengthBytes, b.getInt(), "length", b.position());
      long length = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN).getLong();
      if (length > b.remaining() - 4) {
        throw new IllegalStateException("Truncated record data at byte " + b.position());
      }
      byte[] data = new byte[(int) length];
      b.get(data);
      check(data, b.getInt(), "data", b.position());
      out.add(data);
    }
    return out;
  }

  private static void check(byte[] bytes, int stored, String what, int position) {
    CRC32C crc = new CRC32C();
    crc.update(bytes);
    long c = crc.getValue();
    // TensorFlow's mask: rotate right by 15 bits, add 0xa282ead8 (mod 2^32)
    long masked = (((c >> 15) | (c << 17)) + 0xa282ead8L) & 0xffffffffL;
    if (masked != (stored & 0xffffffffL)) {
      throw new IllegalStateException("Bad " + what + " CRC before byte " + position);
    }
  }

  /** A message's fields: number to the values in order (Long for varint and fixed64, byte[] for length-delimited). */
  static Map<Integer, List<Object>> fields(byte[] message) {
    Map<Integer, List<Object>> out = new LinkedHashMap<>();
    int[] pos = {0};
    while (pos[0] < message.length) {
      long key = varint(message, pos);
      int field = (int) (key >>> 3);
      Object value = switch ((int) (key & 7)) {
        case 0 -> varint(message, pos);
        case 1 -> {
          long v = ByteBuffer.wrap(message, pos[0], 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
          pos[0] += 8;
          yield v;
        }
        case 2 -> {
          int n = (int) varint(message, pos);
          byte[] v = java.util.Arrays.copyOfRange(message, pos[0], pos[0] + n);
          pos[0] += n;
          yield v;
        }
        case 5 -> {
          long v = ByteBuffer.wrap(message, pos[0], 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
          pos[0] += 4;
          yield v;
        }
        default -> throw new IllegalStateException("Unknown wire type in key " + key);
      };
      out.computeIfAbsent(field, k -> new ArrayList<>()).add(value);
    }
    return out;
  }

  private static long varint(byte[] b, int[] pos) {
    long v = 0;
    for (int shift = 0; ; shift += 7) {
      int x = b[pos[0]++] & 0xff;
      v |= (long) (x & 0x7f) << shift;
      if (x < 0x80) {
        return v;
      }
    }
  }

  private static Event event(byte[] bytes) {
    Map<Integer, List<Object>> e = fields(bytes);
    double wallTime = Double.longBitsToDouble((Long) first(e, 1, 0L));
    long step = (Long) first(e, 2, 0L);
    String version = e.containsKey(3) ? text((byte[]) first(e, 3, null)) : null;
    List<Value> values = new ArrayList<>();
    if (e.containsKey(5)) {
      for (Object v : fields((byte[]) first(e, 5, null)).getOrDefault(1, List.of())) {
        values.add(value(fields((byte[]) v)));
      }
    }
    return new Event(wallTime, step, version, values);
  }

  private static Value value(Map<Integer, List<Object>> v) {
    Map<Integer, List<Object>> pluginData = fields((byte[]) first(fields((byte[]) first(v, 9, new byte[0])), 1,
        new byte[0]));
    Map<Integer, List<Object>> tensor = fields((byte[]) first(v, 8, new byte[0]));
    List<Long> shape = new ArrayList<>();
    for (Object dim : fields((byte[]) first(tensor, 2, new byte[0])).getOrDefault(2, List.of())) {
      shape.add((Long) first(fields((byte[]) dim), 1, 0L));
    }
    List<byte[]> strings = new ArrayList<>();
    tensor.getOrDefault(8, List.of()).forEach(s -> strings.add((byte[]) s));
    return new Value(text((byte[]) first(v, 1, new byte[0])), text((byte[]) first(pluginData, 1, new byte[0])),
        text((byte[]) first(pluginData, 2, new byte[0])), (Long) first(tensor, 1, 0L), shape,
        (byte[]) first(tensor, 4, new byte[0]), strings);
  }

  private static Object first(Map<Integer, List<Object>> fields, int field, Object otherwise) {
    List<Object> v = fields.get(field);
    return v == null ? otherwise : v.get(0);
  }

  static String text(byte[] b) {
    return new String(b, StandardCharsets.UTF_8);
  }
}
