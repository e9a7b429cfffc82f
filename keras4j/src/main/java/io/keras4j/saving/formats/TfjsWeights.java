package io.keras4j.saving.formats;

import io.keras4j.data.NDArray;
import io.keras4j.saving.KerasFileException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Map;

/**
 * Decodes and encodes the weight entries of a TensorFlow.js {@code weightsManifest}: little-endian float32 and
 * int32 arrays, and the quantized forms {@code uint8}/{@code uint16} (value = min + scale * q) and {@code float16}.
 *
 * <p>Follows tfjs-core's {@code io/io_utils.ts} ({@code decodeWeights}, {@code getFloat16Decoder}) and
 * tensorflowjs' {@code quantization.py}.
 */
final class TfjsWeights {
  private TfjsWeights() {}

  /** One manifest entry: the weight's name, shape, dtype and quantization (null when stored unquantized). */
  record Entry(String name, long[] shape, String dtype, Map<String, Object> quantization) {
    long size() {
      long n = 1;
      for (long d : shape) {
        n *= d;
      }
      return n;
    }

    /** Bytes this entry takes in the concatenated shards. */
    long bytes() {
      String stored = quantization == null ? dtype : String.valueOf(quantization.get("dtype"));
      return size() * bytesPer(stored, name);
    }
  }

  static int bytesPer(String dtype, String name) {
    return switch (dtype) {
      case "float32", "int32" -> 4;
      case "uint16", "float16" -> 2;
      case "uint8", "bool" -> 1;
      default -> throw new KerasFileException("Weight " + name + ": unsupported tfjs dtype. Expected float32, int32, "
          + "bool or a quantization dtype uint8, uint16, float16. Received: " + dtype);
    };
  }

  /** The array of {@code e} read from {@code data} at its position (float32, or int64 for int32 weights). */
  static NDArray decode(Entry e, ByteBuffer data) {
    int n = Math.toIntExact(e.size());
    ByteBuffer b = data.slice().order(ByteOrder.LITTLE_ENDIAN);
    if (e.quantization() == null) {
      return switch (e.dtype()) {
        case "float32" -> {
          float[] v = new float[n];
          b.asFloatBuffer().get(v);
          yield NDArray.of(v, e.shape());
        }
        case "int32" -> {
          long[] v = new long[n];
          for (int i = 0; i < n; i++) {
            v[i] = b.getInt(4 * i);
          }
          yield NDArray.of(v, e.shape());
        }
        case "bool" -> {
          float[] v = new float[n];
          for (int i = 0; i < n; i++) {
            v[i] = b.get(i) != 0 ? 1 : 0;
          }
          yield NDArray.of(v, e.shape());
        }
        default -> throw new KerasFileException("Weight " + e.name() + ": unsupported dtype " + e.dtype());
      };
    }
    float[] v = dequantize(e, b, n);
    if ("int32".equals(e.dtype())) {
      long[] ints = new long[n];
      for (int i = 0; i < n; i++) {
        ints[i] = Math.round(v[i]);
      }
      return NDArray.of(ints, e.shape());
    }
    return NDArray.of(v, e.shape());
  }

  private static float[] dequantize(Entry e, ByteBuffer b, int n) {
    String q = String.valueOf(e.quantization().get("dtype"));
    float[] v = new float[n];
    if (q.equals("float16")) {
      for (int i = 0; i < n; i++) {
        v[i] = halfToFloat(b.getShort(2 * i));
      }
      return v;
    }
    double min = number(e, "min");
    double scale = number(e, "scale");
    for (int i = 0; i < n; i++) {
      int bits = q.equals("uint8") ? Byte.toUnsignedInt(b.get(i)) : Short.toUnsignedInt(b.getShort(2 * i));
      v[i] = (float) (min + scale * bits);
    }
    return v;
  }

  private static double number(Entry e, String key) {
    if (!(e.quantization().get(key) instanceof Number x)) {
      throw new KerasFileException("Weight " + e.name() + ": quantization " + e.quantization().get("dtype")
          + " needs a numeric `" + key + "`. Received: " + e.quantization());
    }
    return x.doubleValue();
  }

  /** The float of IEEE 754 half-precision {@code bits}: subnormals, infinities and NaN included. */
  static float halfToFloat(short bits) {
    int h = bits & 0xffff;
    int sign = (h >>> 15) == 0 ? 1 : -1;
    int exponent = (h >>> 10) & 0x1f;
    int mantissa = h & 0x3ff;
    if (exponent == 0) {
      return sign * mantissa * 0x1p-24f;
    }
    if (exponent == 0x1f) {
      return mantissa == 0 ? sign * Float.POSITIVE_INFINITY : Float.NaN;
    }
    return sign * Float.intBitsToFloat(((exponent + 112) << 23) | (mantissa << 13));
  }

  /** The little-endian float32 bytes of {@code values}. */
  static byte[] encode(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return b.array();
  }

  /** The manifest entry of a float32 weight. */
  static Map<String, Object> manifestEntry(String name, long[] shape) {
    return Map.of("name", name, "shape", List.of(java.util.Arrays.stream(shape).boxed().toArray()),
        "dtype", "float32");
  }
}
