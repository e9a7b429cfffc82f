package io.keras4j.backend;

/**
 * A dense array in the engine's native memory, fed to or fetched from a traced function.
 *
 * <p>Porting note: Keras passes NumPy arrays; keras4j copies Java arrays once into native memory, so a whole data
 * set is fed to each training step without copying it again. Close it when done.
 */
public interface NativeArray extends AutoCloseable {
  Shape shape();

  /** "float32", "int32", "int64" or "bool". */
  String dtype();

  /** The values, row-major, converted to float. */
  default float[] toFloatArray() {
    float[] out = new float[(int) shape().size()];
    copyTo(out, 0);
    return out;
  }

  /** Copies the values, row-major and converted to float, into {@code dst} from {@code offset}. */
  void copyTo(float[] dst, int offset);

  /** Element {@code i} in row-major order, as float. */
  float getFloat(long i);

  /**
   * Writes {@code values}, cast to float32, over this array when it is float32 and of the same shape, and returns
   * true; returns false, writing nothing, otherwise. By default false.
   */
  default boolean rewrite(HostArray values) {
    return false;
  }

  /** Sets a one-element int32 array's value, so a fed scalar can be reused across steps. */
  void setInt(int value);

  @Override
  void close();
}
