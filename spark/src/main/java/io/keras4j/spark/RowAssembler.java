package io.keras4j.spark;

import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.ArrayType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;

/**
 * Between Spark rows and model arrays: checks input columns (numbers, arrays of numbers, arrays of arrays: images),
 * flattens a row's columns into float32 values (for training tasks, which read {@code Row}s) and declares the type
 * of an output column. Keras equivalent: none (Spark ML's VectorAssembler assembles columns the same way).
 */
final class RowAssembler {
  private RowAssembler() {}

  /** Checks that {@code column} exists in {@code schema} and holds numbers or (nested) arrays of numbers. */
  static int inputIndex(StructType schema, String column, String owner) {
    return inputIndex(schema, column, owner, RowAssembler::isNumeric, "numbers or arrays of numbers");
  }

  /** Checks that {@code column} exists in {@code schema} and that {@code accepted} takes its type. */
  static int inputIndex(StructType schema, String column, String owner,
      java.util.function.Predicate<DataType> accepted, String expected) {
    String[] names = schema.fieldNames();
    for (int i = 0; i < names.length; i++) {
      if (names[i].equals(column)) {
        StructField f = schema.fields()[i];
        if (!accepted.test(f.dataType())) {
          throw new IllegalArgumentException(owner + ": input column '" + column + "' must hold " + expected
              + "; received " + f.dataType().simpleString());
        }
        return i;
      }
    }
    throw new IllegalArgumentException(owner + ": input column '" + column + "' is not in the DataFrame; "
        + "received columns " + java.util.Arrays.toString(names));
  }

  private static boolean isNumeric(DataType t) {
    return t instanceof NumericType || t instanceof ArrayType a && isNumeric(a.elementType());
  }

  /** The Spark type of an output with {@code size} values per row: float, or array of float. */
  static DataType outputType(long size) {
    return size == 1 ? DataTypes.FloatType : DataTypes.createArrayType(DataTypes.FloatType, false);
  }

  /**
   * Writes the input columns of {@code row}, flattened in order, to {@code x[offset, offset + width)}.
   *
   * @throws IllegalArgumentException when they do not hold exactly {@code width} numbers, or hold a null
   */
  static void fill(Row row, int[] indices, String[] names, float[] x, int offset, int width) {
    int pos = offset;
    for (int c = 0; c < indices.length; c++) {
      Object v = row.get(indices[c]);
      if (v == null) {
        throw new IllegalArgumentException("BarrierTrainer: input column '" + names[c] + "' is null in row " + row
            + "; expected a value");
      }
      pos = put(v, x, pos, offset + width, width, names);
    }
    if (pos != offset + width) {
      throw new IllegalArgumentException("BarrierTrainer: the input columns " + java.util.Arrays.toString(names)
          + " of a row hold " + (pos - offset) + " numbers; expected " + width + " (the model's input size)");
    }
  }

  /** Every number of column {@code index} of {@code row}, flattened (a label: one number, or an array). */
  static float[] values(Row row, int index, String name) {
    Object v = row.get(index);
    if (v == null) {
      throw new IllegalArgumentException("BarrierTrainer: column '" + name + "' is null in row " + row
          + "; expected a value");
    }
    int n = count(v);
    float[] values = new float[n];
    put(v, values, 0, n, n, new String[] {name});
    return values;
  }

  private static int count(Object v) {
    int n = 0;
    if (v instanceof scala.collection.Seq<?> seq) {
      scala.collection.Iterator<?> it = seq.iterator();
      while (it.hasNext()) {
        n += count(it.next());
      }
      return n;
    }
    if (v instanceof List<?> list) {
      for (Object e : list) {
        n += count(e);
      }
      return n;
    }
    return 1;
  }

  private static int put(Object v, float[] x, int pos, int end, int width, String[] names) {
    if (v instanceof Number n) {
      if (pos >= end) {
        throw new IllegalArgumentException("BarrierTrainer: the input columns " + java.util.Arrays.toString(names)
            + " of a row hold more than " + width + " numbers; expected " + width + " (the model's input size)");
      }
      x[pos] = n.floatValue();
      return pos + 1;
    }
    if (v instanceof scala.collection.Seq<?> seq) {
      scala.collection.Iterator<?> it = seq.iterator();
      while (it.hasNext()) {
        pos = put(it.next(), x, pos, end, width, names);
      }
      return pos;
    }
    if (v instanceof List<?> list) {
      for (Object e : list) {
        pos = put(e, x, pos, end, width, names);
      }
      return pos;
    }
    throw new IllegalArgumentException("BarrierTrainer: expected numbers in the input columns; received "
        + v.getClass().getName());
  }
}
