package io.keras4j.spark;

import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * A model's weights as one flat float32 vector (in {@code getWeights} order), as text for
 * {@code BarrierTaskContext.allGather} and averaged across tasks.
 */
final class WeightCodec {
  private WeightCodec() {}

  /** Every weight of {@code model}, flattened and concatenated. */
  static float[] flatten(Model model) {
    List<NDArray> weights = model.getWeights();
    int n = 0;
    for (NDArray w : weights) {
      n += (int) w.size();
    }
    float[] flat = new float[n];
    int pos = 0;
    for (NDArray w : weights) {
      float[] v = w.astype("float32").toFloatArray();
      System.arraycopy(v, 0, flat, pos, v.length);
      pos += v.length;
    }
    return flat;
  }

  /** Sets {@code model}'s weights from a vector of {@link #flatten}'s layout. */
  static void assign(Model model, float[] flat) {
    List<NDArray> shapes = model.getWeights();
    List<NDArray> values = new ArrayList<>();
    int pos = 0;
    for (NDArray w : shapes) {
      int size = (int) w.size();
      if (pos + size > flat.length) {
        throw new IllegalArgumentException("BarrierTrainer: model '" + model.name() + "' has more weights than the "
            + flat.length + " values received");
      }
      NDArray v = NDArray.of(java.util.Arrays.copyOfRange(flat, pos, pos + size), w.shape());
      values.add("float32".equals(w.dtype()) ? v : v.astype(w.dtype()));
      pos += size;
    }
    if (pos != flat.length) {
      throw new IllegalArgumentException("BarrierTrainer: model '" + model.name() + "' has " + pos + " weight values; "
          + "received " + flat.length);
    }
    model.setWeights(values);
  }

  static String encode(float[] values) {
    ByteBuffer b = ByteBuffer.allocate(values.length * Float.BYTES).order(ByteOrder.LITTLE_ENDIAN);
    b.asFloatBuffer().put(values);
    return Base64.getEncoder().encodeToString(b.array());
  }

  static float[] decode(String text) {
    ByteBuffer b = ByteBuffer.wrap(Base64.getDecoder().decode(text)).order(ByteOrder.LITTLE_ENDIAN);
    float[] values = new float[b.remaining() / Float.BYTES];
    b.asFloatBuffer().get(values);
    return values;
  }

  /** The element-wise mean of equally long vectors, summed in double. */
  static float[] mean(List<float[]> vectors) {
    int n = vectors.get(0).length;
    float[] mean = new float[n];
    for (int i = 0; i < n; i++) {
      double sum = 0;
      for (float[] v : vectors) {
        sum += v[i];
      }
      mean[i] = (float) (sum / vectors.size());
    }
    return mean;
  }
}
