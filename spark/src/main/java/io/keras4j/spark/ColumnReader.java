package io.keras4j.spark;

import org.apache.spark.sql.catalyst.expressions.SpecializedGetters;
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
      throw new IllegalArgumentException("KerasModelScorer: input column '" + c.column + "' holds a null; expected "
          + "numbers");
    }
    if (type instanceof ArrayType a) {
      ArrayData array = src.getArray(ordinal);
      int n = array.numElements();
      DataType element = a.elementType();
      if (!(element instanceof ArrayType) && pos + n > end) {
        throw c.tooMany();
      }
      if (element instanceof FloatType && !a.containsNull()) {
        for (int i = 0; i < n; i++) {
          x[pos + i] = array.getFloat(i);
        }
        return pos + n;
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
