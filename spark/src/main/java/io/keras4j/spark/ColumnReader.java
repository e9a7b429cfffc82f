package io.keras4j.spark;

import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.util.ArrayData;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.BinaryType;
import org.apache.spark.sql.types.ByteType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DecimalType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;
import org.apache.spark.sql.types.IntegerType;
import org.apache.spark.sql.types.LongType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.ShortType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.Platform;

/**
 * Reads numeric, (nested) array, struct and image columns of Spark's internal rows straight into a float array, without the boxed
 * values of the {@code Row} API: a row of 784 pixels costs 784 reads, not 784 objects.
 */
final class ColumnReader {
  private ColumnReader() {}

  /**
   * Whether the scorer reads columns of {@code type}: numbers, arrays of them, structs of them (fields in order),
   * Spark's image schema, or binary (an encoded image file).
   */
  static boolean readable(DataType type) {
    if (type instanceof NumericType || type instanceof BinaryType || ImageColumns.isImageSchema(type)) {
      return true;
    }
    if (type instanceof ArrayType a) {
      return readable(a.elementType());
    }
    if (type instanceof StructType s) {
      for (StructField f : s.fields()) {
        if (!readable(f.dataType())) {
          return false;
        }
      }
      return s.fields().length > 0;
    }
    return false;
  }

  /**
   * Writes the value at {@code ordinal} of {@code src} (a row or an array) of type {@code type}, flattened, to
   * {@code x} from {@code pos}; returns the position after it.
   *
   * @throws IllegalArgumentException for a null, or when it would pass {@code end}
   */
  static int put(SpecializedGetters src, int ordinal, DataType type, float[] x, int pos, int end, Context c) {
    if (src.isNullAt(ordinal)) {
      throw c.holdsNull();
    }
    if (type instanceof ArrayType a) {
      ArrayData array = src.getArray(ordinal);
      int n = array.numElements();
      DataType element = a.elementType();
      if (!(element instanceof ArrayType) && pos + n > end) {
        throw c.tooMany();
      }
      if (element instanceof FloatType || element instanceof DoubleType) {
        return putNumbers(array, element instanceof FloatType, x, pos, c);
      }
      for (int i = 0; i < n; i++) {
        pos = put(array, i, element, x, pos, end, c);
      }
      return pos;
    }
    if (type instanceof StructType s) {
      org.apache.spark.sql.catalyst.InternalRow struct = src.getStruct(ordinal, s.fields().length);
      if (ImageColumns.isImageSchema(s)) {
        return ImageColumns.putImageStruct(struct, s, x, pos, end, c);
      }
      for (int f = 0; f < s.fields().length; f++) {
        pos = put(struct, f, s.fields()[f].dataType(), x, pos, end, c);
      }
      return pos;
    }
    if (type instanceof BinaryType) {
      return ImageColumns.putEncoded(src.getBinary(ordinal), x, pos, end, c);
    }
    if (pos >= end) {
      throw c.tooMany();
    }
    x[pos] = number(src, ordinal, type);
    return pos + 1;
  }

  /**
   * Writes a flat array of floats or doubles from {@code pos}. Porting note: an array in Spark's binary format (what
   * cached, shuffled and Parquet rows hold) is one header, a null bit per element, then the values: its nulls are
   * checked a 64-bit word at a time and floats copied in one block, rather than one call per element.
   */
  private static int putNumbers(ArrayData array, boolean floats, float[] x, int pos, Context c) {
    int n = array.numElements();
    if (array instanceof UnsafeArrayData u) {
      Object base = u.getBaseObject();
      long offset = u.getBaseOffset();
      for (long word = offset + 8, end = offset + UnsafeArrayData.calculateHeaderPortionInBytes(n); word < end;
          word += 8) {
        if (Platform.getLong(base, word) != 0) {
          throw c.holdsNull();
        }
      }
      long values = offset + UnsafeArrayData.calculateHeaderPortionInBytes(n);
      if (floats) {
        Platform.copyMemory(base, values, x, Platform.FLOAT_ARRAY_OFFSET + 4L * pos, 4L * n);
      } else {
        for (int i = 0; i < n; i++) {
          x[pos + i] = (float) Platform.getDouble(base, values + 8L * i);
        }
      }
      return pos + n;
    }
    for (int i = 0; i < n; i++) {
      if (array.isNullAt(i)) {
        throw c.holdsNull();
      }
      x[pos + i] = floats ? array.getFloat(i) : (float) array.getDouble(i);
    }
    return pos + n;
  }

  private static float number(SpecializedGetters src, int ordinal, DataType type) {
    if (type instanceof FloatType) {
      return src.getFloat(ordinal);
    }
    if (type instanceof DoubleType) {
      return (float) src.getDouble(ordinal);
    }
    if (type instanceof IntegerType) {
      return src.getInt(ordinal);
    }
    if (type instanceof LongType) {
      return src.getLong(ordinal);
    }
    if (type instanceof ShortType) {
      return src.getShort(ordinal);
    }
    if (type instanceof ByteType) {
      return src.getByte(ordinal);
    }
    if (type instanceof DecimalType d) {
      return (float) src.getDecimal(ordinal, d.precision(), d.scale()).toDouble();
    }
    throw new IllegalArgumentException("KerasModelScorer: expected numbers in the input columns; received "
        + type.simpleString());
  }

  /** What an error message names: the columns and the model's input size. */
  static final class Context {
    final String[] columns;
    final int width;
    String column;

    Context(String[] columns, int width) {
      this.columns = columns;
      this.width = width;
    }

    IllegalArgumentException holdsNull() {
      return new IllegalArgumentException("KerasModelScorer: input column '" + column + "' holds a null; expected "
          + "numbers");
    }

    IllegalArgumentException tooMany() {
      return new IllegalArgumentException("KerasModelScorer: the input columns " + java.util.Arrays.toString(columns)
          + " of a row hold more than " + width + " numbers; expected " + width + " (the model's input size)");
    }

    IllegalArgumentException tooFew(int n) {
      return new IllegalArgumentException("KerasModelScorer: the input columns " + java.util.Arrays.toString(columns)
          + " of a row hold " + n + " numbers; expected " + width + " (the model's input size)");
    }
  }
}
