package io.keras4j.callbacks;

import io.keras4j.backend.Variable;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.zip.CRC32;
import java.util.zip.DeflaterOutputStream;

/**
 * The histogram buckets and the images TensorBoard's callback makes of a weight.
 *
 * <p>Keras equivalent: {@code tf.summary.histogram}'s bucketing (tensorboard/plugins/histogram/summary_v2.py,
 * {@code _buckets}) and {@code TensorBoard._log_weight_as_image} with {@code tf.summary.image}'s conversion to
 * 8-bit PNG (keras/src/callbacks/tensorboard.py, tensorboard/plugins/image/summary_v2.py).
 * <pre>{@code double[][] b = WeightSummaries.buckets(new double[] {0, 1, 1, 3}, 30);}</pre>
 */
final class WeightSummaries {
  /** tf.summary.histogram's default number of buckets. */
  static final int DEFAULT_BUCKET_COUNT = 30;
  /** tf.summary.image's default {@code max_outputs}. */
  static final int MAX_OUTPUTS = 3;

  private WeightSummaries() {}

  /** A weight's current value as float32 (an int64 weight converted). */
  static float[] values(Variable w) {
    if ("float32".equals(w.dtype())) {
      return w.floatValue();
    }
    long[] longs = w.longValue();
    float[] out = new float[longs.length];
    for (int i = 0; i < longs.length; i++) {
      out[i] = longs[i];
    }
    return out;
  }

  /** {@link #buckets(double[], int)} of float32 values, {@link #DEFAULT_BUCKET_COUNT} buckets. */
  static double[][] buckets(float[] values) {
    double[] data = new double[values.length];
    for (int i = 0; i < values.length; i++) {
      data[i] = values[i];
    }
    return buckets(data, DEFAULT_BUCKET_COUNT);
  }

  /**
   * {@code count} rows {@code [left, right, n]}: equal-width buckets from the minimum to the maximum, a value in the
   * bucket {@code floor((x - min) / width)} (the last one for the maximum); one value repeated gives buckets of zero
   * width at that value, all counted in the last; no data gives zero rows of zeros.
   */
  static double[][] buckets(double[] data, int count) {
    double[][] rows = new double[count][3];
    if (data.length == 0 || count == 0) {
      return rows;
    }
    double min = Arrays.stream(data).min().getAsDouble();
    double max = Arrays.stream(data).max().getAsDouble();
    double range = max - min;
    if (range == 0) {
      for (double[] row : rows) {
        row[0] = max;
        row[1] = max;
      }
      rows[count - 1][2] = data.length;
      return rows;
    }
    double width = range / count;
    for (double x : data) {
      rows[Math.min((int) Math.floor((x - min) / width), count - 1)][2]++;
    }
    for (int i = 0; i < count; i++) {
      rows[i][0] = min + i * width;
      rows[i][1] = i == count - 1 ? max : min + (i + 1) * width;
    }
    return rows;
  }

  /** Images of a weight: width, height and the PNG of each (at most three), or null when Keras writes none. */
  record Images(int width, int height, List<byte[]> pngs) {}

  /**
   * The images Keras writes for a weight of {@code shape} with row-major {@code values}: size-1 dimensions dropped,
   * a vector as one column image (height = its length), a matrix as one image with its longer side as width, a
   * rank-3 weight as one image per last index (channels last); a rank-4 weight as images of its first axis when its
   * last dimension is 1, 3 or 4. Values become pixels as {@code tf.image.convert_image_dtype}: clipped
   * {@code value * 255.5} truncated to 0-255.
   */
  static Images images(float[] values, long[] shape) {
    long[] s = Arrays.stream(shape).filter(d -> d != 1).toArray();
    float[] v = values;
    if (s.length == 1) {
      s = new long[] {1, s[0], 1, 1};
    } else if (s.length == 2) {
      if (s[0] > s[1]) {
        v = transpose(v, new long[] {s[0], s[1]}, new int[] {1, 0});
        s = new long[] {s[1], s[0]};
      }
      s = new long[] {1, s[0], s[1], 1};
    } else if (s.length == 3) {
      v = transpose(v, s, new int[] {2, 0, 1});
      s = new long[] {s[2], s[0], s[1], 1};
    }
    if (s.length != 4 || (s[3] != 1 && s[3] != 3 && s[3] != 4)) {
      return null;
    }
    int n = (int) s[0];
    int h = (int) s[1];
    int w = (int) s[2];
    int c = (int) s[3];
    List<byte[]> pngs = new ArrayList<>();
    for (int i = 0; i < Math.min(n, MAX_OUTPUTS); i++) {
      byte[] pixels = new byte[h * w * c];
      for (int j = 0; j < pixels.length; j++) {
        pixels[j] = (byte) toUint8(v[i * pixels.length + j]);
      }
      pngs.add(png(w, h, c, pixels));
    }
    return new Images(w, h, pngs);
  }

  /** {@code tf.image.convert_image_dtype(x, tf.uint8, saturate=True)} of one float32 value. */
  static int toUint8(float x) {
    float scaled = x * 255.5f;
    return scaled >= 255f ? 255 : scaled <= 0f || Float.isNaN(scaled) ? 0 : (int) scaled;
  }

  /** {@code values} of {@code shape} with its axes permuted: output axis k is input axis {@code perm[k]}. */
  static float[] transpose(float[] values, long[] shape, int[] perm) {
    int rank = shape.length;
    long[] strides = new long[rank];
    long stride = 1;
    for (int k = rank - 1; k >= 0; k--) {
      strides[k] = stride;
      stride *= shape[k];
    }
    float[] out = new float[values.length];
    int[] index = new int[rank];
    for (int o = 0; o < out.length; o++) {
      long src = 0;
      for (int k = 0; k < rank; k++) {
        src += index[k] * strides[perm[k]];
      }
      out[o] = values[(int) src];
      for (int k = rank - 1; k >= 0; k--) {
        if (++index[k] < shape[perm[k]]) {
          break;
        }
        index[k] = 0;
      }
    }
    return out;
  }

  /** An 8-bit PNG of {@code channels} 1 (grey), 3 (RGB) or 4 (RGBA), rows unfiltered, as tf.image.encode_png. */
  static byte[] png(int width, int height, int channels, byte[] pixels) {
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    png.writeBytes(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'});
    int colorType = channels == 1 ? 0 : channels == 3 ? 2 : 6;
    chunk(png, "IHDR", ByteBuffer.allocate(13).putInt(width).putInt(height).put((byte) 8).put((byte) colorType)
        .put((byte) 0).put((byte) 0).put((byte) 0).array());
    ByteArrayOutputStream raw = new ByteArrayOutputStream();
    try (DeflaterOutputStream z = new DeflaterOutputStream(raw)) {
      for (int y = 0; y < height; y++) {
        z.write(0);
        z.write(pixels, y * width * channels, width * channels);
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
    chunk(png, "IDAT", raw.toByteArray());
    chunk(png, "IEND", new byte[0]);
    return png.toByteArray();
  }

  private static void chunk(ByteArrayOutputStream png, String type, byte[] data) {
    byte[] typeBytes = type.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    CRC32 crc = new CRC32();
    crc.update(typeBytes);
    crc.update(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt(data.length).array());
    png.writeBytes(typeBytes);
    png.writeBytes(data);
    png.writeBytes(ByteBuffer.allocate(4).putInt((int) crc.getValue()).array());
  }
}
