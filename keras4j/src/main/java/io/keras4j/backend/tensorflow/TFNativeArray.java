package io.keras4j.backend.tensorflow;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Shape;
import org.tensorflow.Tensor;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.ndarray.buffer.FloatDataBuffer;
import org.tensorflow.types.TBool;
import org.tensorflow.types.TFloat32;
import org.tensorflow.types.TFloat64;
import org.tensorflow.types.TInt32;
import org.tensorflow.types.TInt64;

/** A {@link NativeArray} holding a TensorFlow tensor. */
final class TFNativeArray implements NativeArray {
  private final Tensor tensor;

  TFNativeArray(Tensor tensor) {
    this.tensor = tensor;
  }

  static TFNativeArray of(float[] data, Shape shape) {
    checkSize(data.length, shape);
    return new TFNativeArray(TFloat32.tensorOf(tfShape(shape), DataBuffers.of(data, true, false)));
  }

  static TFNativeArray of(int[] data, Shape shape) {
    checkSize(data.length, shape);
    return new TFNativeArray(TInt32.tensorOf(tfShape(shape), DataBuffers.of(data, true, false)));
  }

  /** A float32 tensor written from {@code array} in chunks, with no flat Java copy of a deferred array. */
  static TFNativeArray of(HostArray array) {
    if (!array.isDeferred()) {
      return of(array.values(), array.shape());
    }
    TFloat32 t = TFloat32.tensorOf(tfShape(array.shape()));
    try {
      write(t, array);
    } catch (RuntimeException | Error e) {
      t.close();
      throw e;
    }
    return new TFNativeArray(t);
  }

  private static void write(TFloat32 t, HostArray array) {
    FloatDataBuffer buffer = t.asRawTensor().data().asFloats();
    array.copyTo((offset, values, from, length) -> buffer.offset(offset).write(values, from, length));
  }

  @Override
  public boolean rewrite(HostArray values) {
    if (!(tensor instanceof TFloat32 t) || !values.shape().equals(shape())) {
      return false;
    }
    write(t, values);
    return true;
  }

  private static void checkSize(int n, Shape shape) {
    if (!shape.isFullyDefined() || shape.size() != n) {
      throw new IllegalArgumentException("An array of shape " + shape + " needs " + shape.size() + " values. Received: "
          + n + " values");
    }
  }

  static org.tensorflow.ndarray.Shape tfShape(Shape shape) {
    return org.tensorflow.ndarray.Shape.of(shape.dims());
  }

  Tensor tensor() {
    return tensor;
  }

  @Override
  public Shape shape() {
    return Shape.of(tensor.shape().asArray());
  }

  @Override
  public String dtype() {
    return DTypes.name(((org.tensorflow.types.family.TType) tensor).type());
  }

  @Override
  public void copyTo(float[] dst, int offset) {
    int n = (int) tensor.shape().size();
    if (tensor instanceof TFloat32 t) {
      t.asRawTensor().data().asFloats().read(dst, offset, n);
    } else {
      for (int i = 0; i < n; i++) {
        dst[offset + i] = getFloat(i);
      }
    }
  }

  long[] toLongArray() {
    int n = (int) tensor.shape().size();
    long[] out = new long[n];
    if (tensor instanceof TInt64 t) {
      t.asRawTensor().data().asLongs().read(out);
    } else {
      for (int i = 0; i < n; i++) {
        out[i] = (long) getFloat(i);
      }
    }
    return out;
  }

  @Override
  public float getFloat(long i) {
    var raw = tensor.asRawTensor().data();
    if (tensor instanceof TFloat32) {
      return raw.asFloats().getFloat(i);
    } else if (tensor instanceof TInt32) {
      return raw.asInts().getInt(i);
    } else if (tensor instanceof TInt64) {
      return raw.asLongs().getLong(i);
    } else if (tensor instanceof TFloat64) {
      return (float) raw.asDoubles().getDouble(i);
    } else if (tensor instanceof TBool) {
      return raw.asBooleans().getBoolean(i) ? 1f : 0f;
    }
    throw new IllegalStateException("Cannot read dtype " + dtype() + " as float");
  }

  @Override
  public void setInt(int value) {
    if (!(tensor instanceof TInt32) || tensor.shape().size() != 1) {
      throw new IllegalStateException("setInt needs a one-element int32 array; this array is " + dtype() + " "
          + shape());
    }
    ((TInt32) tensor).asRawTensor().data().asInts().setInt(value, 0);
  }

  @Override
  public void close() {
    tensor.close();
  }
}
