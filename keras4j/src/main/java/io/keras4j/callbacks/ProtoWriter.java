package io.keras4j.callbacks;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A minimal protocol-buffers encoder: the wire types an event file needs (varint, 64-bit, length-delimited).
 *
 * <p>Porting note: Keras writes its event files through TensorFlow's {@code tf.summary}, which encodes the
 * {@code Event}, {@code Summary} and {@code TensorProto} messages with protobuf. keras4j encodes the few fields it
 * writes by hand (field numbers from tensorflow/core/util/event.proto, framework/summary.proto, tensor.proto and
 * tensor_shape.proto), so that the callbacks package needs no TensorFlow class (only the backend may use them).
 * <pre>{@code byte[] b = new ProtoWriter().string(1, "epoch_loss").varint(2, 3).toByteArray();}</pre>
 */
final class ProtoWriter {
  static final int VARINT = 0;
  static final int FIXED64 = 1;
  static final int LENGTH_DELIMITED = 2;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  /** Writes {@code value} as a varint field (int32, int64, enum, bool). */
  ProtoWriter varint(int field, long value) {
    key(field, VARINT);
    rawVarint(value);
    return this;
  }

  /** Writes {@code value} as a 64-bit field (double). */
  ProtoWriter fixed64(int field, double value) {
    key(field, FIXED64);
    long bits = Double.doubleToRawLongBits(value);
    for (int i = 0; i < 8; i++) {
      out.write((int) (bits >>> (8 * i)));
    }
    return this;
  }

  /** Writes {@code bytes} as a length-delimited field (bytes, string, embedded message). */
  ProtoWriter bytes(int field, byte[] bytes) {
    key(field, LENGTH_DELIMITED);
    rawVarint(bytes.length);
    out.writeBytes(bytes);
    return this;
  }

  /** Writes {@code text} as a UTF-8 string field. */
  ProtoWriter string(int field, String text) {
    return bytes(field, text.getBytes(StandardCharsets.UTF_8));
  }

  /** Writes {@code message} as an embedded message field. */
  ProtoWriter message(int field, ProtoWriter message) {
    return bytes(field, message.toByteArray());
  }

  /** The encoded message. */
  byte[] toByteArray() {
    return out.toByteArray();
  }

  private void key(int field, int wireType) {
    rawVarint(((long) field << 3) | wireType);
  }

  private void rawVarint(long value) {
    long v = value;
    while ((v & ~0x7FL) != 0) {
      out.write((int) ((v & 0x7F) | 0x80));
      v >>>= 7;
    }
    out.write((int) v);
  }
}
