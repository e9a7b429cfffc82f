package io.keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.catalyst.util.GenericArrayData;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** ColumnReader's block read of float and double arrays, in Spark's binary rows and in generic ones. */
class ColumnReaderTest {
  private static final int N = 130; // three words of null bits

  private static Object[] values(boolean doubles, int nullAt) {
    Object[] v = new Object[N];
    for (int i = 0; i < N; i++) {
      v[i] = i == nullAt ? null : doubles ? (Object) (i * 0.25 - 3) : (Object) (i * 0.25f - 3);
    }
    return v;
  }

  private static GenericInternalRow row(boolean doubles, int nullAt) {
    return new GenericInternalRow(new Object[] {new GenericArrayData(values(doubles, nullAt))});
  }

  private static DataType arrayOf(boolean doubles, boolean containsNull) {
    return DataTypes.createArrayType(doubles ? DataTypes.DoubleType : DataTypes.FloatType, containsNull);
  }

  private static UnsafeRow binary(boolean doubles, int nullAt) {
    StructType schema = new StructType().add("x", arrayOf(doubles, true));
    return UnsafeProjection.create(schema).apply(row(doubles, nullAt)).copy();
  }

  private static float[] read(org.apache.spark.sql.catalyst.InternalRow row, DataType type) {
    float[] x = new float[N + 2];
    ColumnReader.Context c = new ColumnReader.Context(new String[] {"x"}, N);
    c.column = "x";
    int end = ColumnReader.put(row, 0, type, x, 2, N + 2, c);
    assertEquals(N + 2, end);
    return x;
  }

  private static float[] expected() {
    float[] x = new float[N + 2];
    for (int i = 0; i < N; i++) {
      x[2 + i] = i * 0.25f - 3; // exact in float and double
    }
    return x;
  }

  @Test
  void floatAndDoubleArraysReadAtAnOffsetWhetherNullsAreAllowedOrNot() {
    for (boolean doubles : new boolean[] {false, true}) {
      for (boolean containsNull : new boolean[] {false, true}) {
        assertArrayEquals(expected(), read(binary(doubles, -1), arrayOf(doubles, containsNull)));
        assertArrayEquals(expected(), read(row(doubles, -1), arrayOf(doubles, containsNull)));
      }
    }
  }

  @Test
  void aNullElementIsRefusedWithTheColumnNamed() {
    for (int nullAt : new int[] {0, 63, 64, 129}) { // each word of the null bits, and its edges
      for (boolean doubles : new boolean[] {false, true}) {
        UnsafeRow binary = binary(doubles, nullAt);
        var e = assertThrows(IllegalArgumentException.class, () -> read(binary, arrayOf(doubles, true)));
        assertTrue(e.getMessage().contains("'x' holds a null"), e.getMessage());
        GenericInternalRow generic = row(doubles, nullAt);
        assertThrows(IllegalArgumentException.class, () -> read(generic, arrayOf(doubles, true)));
      }
    }
  }

  @Test
  void anArrayLongerThanTheModelInputIsRefused() {
    float[] x = new float[N - 1];
    ColumnReader.Context c = new ColumnReader.Context(new String[] {"x"}, N - 1);
    c.column = "x";
    var e = assertThrows(IllegalArgumentException.class,
        () -> ColumnReader.put(binary(false, -1), 0, arrayOf(false, true), x, 0, N - 1, c));
    assertTrue(e.getMessage().contains("more than " + (N - 1)), e.getMessage());
  }
}
