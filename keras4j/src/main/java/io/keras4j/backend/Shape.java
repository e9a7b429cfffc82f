package io.keras4j.backend;

import java.util.Arrays;

/**
 * A tensor shape whose dimensions may be unknown, as Keras writes shapes: {@code (None, 32)}.
 *
 * <p>Keras equivalent: a shape tuple with {@code None} for unknown dimensions. An unknown dimension is {@code -1}.
 * <pre>{@code Shape s = Shape.of(-1, 32); s.toString(); // "(None, 32)"}</pre>
 */
public final class Shape {
  /** The value of an unknown dimension (Keras' {@code None}). */
  public static final long UNKNOWN = -1;

  private final long[] dims;

  private Shape(long[] dims) {
    for (long d : dims) {
      if (d < UNKNOWN) {
        throw new IllegalArgumentException("Shape dimensions must be >= 0 or -1 (None). Received: " + Arrays.toString(dims));
      }
    }
    this.dims = dims;
  }

  /** A shape of the given dimensions, {@code -1} meaning unknown. */
  public static Shape of(long... dims) {
    return new Shape(dims.clone());
  }

  /** A shape of the given int dimensions, {@code -1} meaning unknown. */
  public static Shape of(int... dims) {
    return new Shape(Arrays.stream(dims).asLongStream().toArray());
  }

  /** The scalar shape {@code ()}. */
  public static Shape scalar() {
    return new Shape(new long[0]);
  }

  public int rank() {
    return dims.length;
  }

  /** Dimension {@code i}; a negative index counts from the end, as in Python. */
  public long get(int i) {
    return dims[i < 0 ? dims.length + i : i];
  }

  public long[] dims() {
    return dims.clone();
  }

  /** The dimensions as ints, unknown ones as -1. */
  public int[] intDims() {
    return Arrays.stream(dims).mapToInt(d -> (int) d).toArray();
  }

  /** True when every dimension is known. */
  public boolean isFullyDefined() {
    return Arrays.stream(dims).allMatch(d -> d >= 0);
  }

  /** The number of elements, or -1 when a dimension is unknown. */
  public long size() {
    long n = 1;
    for (long d : dims) {
      if (d < 0) {
        return -1;
      }
      n *= d;
    }
    return n;
  }

  /** This shape with {@code batch} prepended: {@code (28, 28)} becomes {@code (None, 28, 28)}. */
  public Shape withBatch(long batch) {
    long[] d = new long[dims.length + 1];
    d[0] = batch;
    System.arraycopy(dims, 0, d, 1, dims.length);
    return new Shape(d);
  }

  /** This shape without its first (batch) dimension. */
  public Shape withoutBatch() {
    if (dims.length == 0) {
      throw new IllegalStateException("A scalar shape has no batch dimension");
    }
    return new Shape(Arrays.copyOfRange(dims, 1, dims.length));
  }

  /** This shape with dimension {@code i} replaced. */
  public Shape with(int i, long value) {
    long[] d = dims.clone();
    d[i < 0 ? d.length + i : i] = value;
    return new Shape(d);
  }

  /** Dimensions {@code from} (inclusive) to {@code to} (exclusive). */
  public Shape sub(int from, int to) {
    return new Shape(Arrays.copyOfRange(dims, from, to));
  }

  /** True when the two shapes agree wherever both dimensions are known. */
  public boolean isCompatibleWith(Shape other) {
    if (other.rank() != rank()) {
      return false;
    }
    for (int i = 0; i < dims.length; i++) {
      if (dims[i] >= 0 && other.dims[i] >= 0 && dims[i] != other.dims[i]) {
        return false;
      }
    }
    return true;
  }

  /** The dimensions as Keras' JSON writes them: unknown ones as null. */
  public java.util.List<Long> toJson() {
    java.util.List<Long> out = new java.util.ArrayList<>();
    for (long d : dims) {
      out.add(d < 0 ? null : d);
    }
    return out;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Shape s && Arrays.equals(dims, s.dims);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(dims);
  }

  /** Keras' notation: {@code (None, 28, 28, 1)}, and {@code (32,)} for rank 1. */
  @Override
  public String toString() {
    StringBuilder b = new StringBuilder("(");
    for (int i = 0; i < dims.length; i++) {
      if (i > 0) {
        b.append(", ");
      }
      b.append(dims[i] < 0 ? "None" : Long.toString(dims[i]));
    }
    if (dims.length == 1) {
      b.append(',');
    }
    return b.append(')').toString();
  }
}
