package io.keras4j.spark;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.UnsafeArrayData;
import org.apache.spark.sql.catalyst.expressions.UnsafeProjection;
import org.apache.spark.sql.catalyst.expressions.UnsafeRow;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

class ChunkRowsTest {
  private static final StructType SCHEMA = new StructType().add("id", DataTypes.IntegerType)
      .add("features", DataTypes.createArrayType(DataTypes.FloatType, false));

  /** Row i: (i, [i, i + 0.5, ..., i + (i % 7) / 2]): rows of different sizes. */
  private static GenericInternalRow row(int i) {
    float[] f = new float[1 + i % 7];
    for (int j = 0; j < f.length; j++) {
      f[j] = i + j / 2f;
    }
    return new GenericInternalRow(new Object[] {i, UnsafeArrayData.fromPrimitiveArray(f)});
  }

  private static void assertRow(int i, InternalRow got) {
    assertEquals(i, got.getInt(0), "id");
    float[] expected = new float[1 + i % 7];
    for (int j = 0; j < expected.length; j++) {
      expected[j] = i + j / 2f;
    }
    assertArrayEquals(expected, got.getArray(1).toFloatArray(), "row " + i);
  }

  @Test
  void keepsCopiesOfReusedBinaryRowsPastItsFirstCapacity() {
    UnsafeProjection project = UnsafeProjection.create(SCHEMA);
    ChunkRows rows = new ChunkRows();
    int n = 5000; // more than the 1,024 rows and 64 KiB it starts with
    for (int i = 0; i < n; i++) {
      UnsafeRow reused = project.apply(row(i)); // the projection writes every row into the same buffer
      rows.add(reused);
    }
    assertEquals(n, rows.size());
    for (int i = 0; i < n; i++) {
      assertRow(i, rows.get(i));
    }
    rows.clear();
    assertEquals(0, rows.size());
    rows.add(project.apply(row(41)));
    assertRow(41, rows.get(0));
  }

  @Test
  void keepsOtherRowsAsCopiesBesideBinaryOnes() {
    UnsafeProjection project = UnsafeProjection.create(SCHEMA);
    ChunkRows rows = new ChunkRows();
    for (int i = 0; i < 2000; i++) {
      rows.add(i % 3 == 0 ? row(i) : project.apply(row(i)));
    }
    for (int i = 0; i < 2000; i++) {
      assertRow(i, rows.get(i));
    }
  }
}
