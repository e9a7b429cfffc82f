package io.keras4j.backend.tensorflow;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import org.tensorflow.ndarray.BooleanNdArray;
import org.tensorflow.ndarray.DoubleNdArray;
import org.tensorflow.ndarray.FloatNdArray;
import org.tensorflow.ndarray.IntNdArray;
import org.tensorflow.ndarray.LongNdArray;
import org.tensorflow.ndarray.NdArray;
import org.tensorflow.ndarray.buffer.DataBuffers;

/**
 * Converts between TensorFlow Java NdArrays (also its tensors, such as {@code TFloat32}) and {@link HostArray}s.
 *
 * <pre>{@code
 * NDArray x = NDArray.of(floatNdArray);                  // NdArray -> NDArray
 * FloatNdArray y = x.toNdArray(FloatNdArray.class);      // NDArray -> NdArray
 * }</pre>
 *
 * <p>Porting note: Keras takes NumPy arrays; keras4j's {@code io.keras4j.data.NDArray} converts an NdArray given to
 * {@code NDArray.of}, {@code fit}, {@code evaluate} or {@code predict} through this class, reached from the backend
 * through {@link TensorFlowEngine#hostArray} and {@link TensorFlowEngine#engineArray}, keeping its dtype.
 */
public final class NdArrays {
  private NdArrays() {}

  /** The values of an NdArray of float, double, int, long or boolean, keeping the dtype, row-major. */
  public static HostArray toHost(NdArray<?> nd) {
    long[] dims = nd.shape().asArray();
    int n = Math.toIntExact(nd.shape().size());
    Object out;
    if (nd instanceof FloatNdArray f) {
      float[] v = new float[n];
      f.copyTo(DataBuffers.of(v, false, false));
      out = v;
    } else if (nd instanceof DoubleNdArray d) {
      double[] v = new double[n];
      d.copyTo(DataBuffers.of(v, false, false));
      out = v;
    } else if (nd instanceof IntNdArray i) {
      int[] v = new int[n];
      i.copyTo(DataBuffers.of(v, false, false));
      out = v;
    } else if (nd instanceof LongNdArray l) {
      long[] v = new long[n];
      l.copyTo(DataBuffers.of(v, false, false));
      out = v;
    } else if (nd instanceof BooleanNdArray b) {
      boolean[] v = new boolean[n];
      b.copyTo(DataBuffers.of(v, false, false));
      out = v;
    } else {
      throw new IllegalArgumentException("Expected an NdArray of float, double, int, long or boolean. Received: "
          + nd.getClass().getSimpleName());
    }
    return new HostArray(out, Shape.of(dims));
  }

  /**
   * A new NdArray with a copy of {@code array}'s values: a {@code FloatNdArray} for float32, {@code DoubleNdArray}
   * for float64, {@code IntNdArray}, {@code LongNdArray} or {@code BooleanNdArray}.
   */
  public static NdArray<?> toNdArray(HostArray array) {
    org.tensorflow.ndarray.Shape shape = org.tensorflow.ndarray.Shape.of(array.shape().dims());
    Object data = array.data();
    if (data instanceof float[] v) {
      return org.tensorflow.ndarray.NdArrays.wrap(shape, DataBuffers.of(v, false, true));
    } else if (data instanceof double[] v) {
      return org.tensorflow.ndarray.NdArrays.wrap(shape, DataBuffers.of(v, false, true));
    } else if (data instanceof int[] v) {
      return org.tensorflow.ndarray.NdArrays.wrap(shape, DataBuffers.of(v, false, true));
    } else if (data instanceof long[] v) {
      return org.tensorflow.ndarray.NdArrays.wrap(shape, DataBuffers.of(v, false, true));
    }
    return org.tensorflow.ndarray.NdArrays.wrap(shape, DataBuffers.of((boolean[]) data, false, true));
  }
}
