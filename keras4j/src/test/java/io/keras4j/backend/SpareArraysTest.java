package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A data set's native arrays are kept after a fit and refilled by the next one of the same shapes. */
class SpareArraysTest {
  @AfterEach
  void free() {
    SpareArrays.clear();
  }

  @Test
  void arraysOfTheSameShapesAreRefilledInPlace() {
    float[][] x = {{1, 2, 3}, {4, 5, 6}};
    float[] y = {7, 8};
    List<NativeArray> first = SpareArrays.arrays(List.of(HostArray.deferred(x), HostArray.of(y)));
    SpareArrays.keep(first);
    float[][] x2 = {{-1, -2, -3}, {-4, -5, -6}};
    List<NativeArray> second = SpareArrays.arrays(List.of(HostArray.deferred(x2), HostArray.of(new float[] {9, 10})));
    assertSame(first.get(0), second.get(0));
    assertSame(first.get(1), second.get(1));
    assertArrayEquals(new float[] {-1, -2, -3, -4, -5, -6}, second.get(0).toFloatArray());
    assertArrayEquals(new float[] {9, 10}, second.get(1).toFloatArray());
    second.forEach(NativeArray::close);
  }

  @Test
  void otherShapesGetNewArrays() {
    List<NativeArray> first = SpareArrays.arrays(List.of(HostArray.of(new float[] {1, 2, 3})));
    SpareArrays.keep(first);
    List<NativeArray> second = SpareArrays.arrays(List.of(HostArray.of(new float[] {4, 5})));
    assertNotSame(first.get(0), second.get(0));
    assertArrayEquals(new float[] {4, 5}, second.get(0).toFloatArray());
    second.forEach(NativeArray::close);
  }

  @Test
  void rewriteRefusesAnotherShapeAndKeepsTheValues() {
    try (NativeArray a = Backend.array(new float[] {1, 2, 3, 4}, Shape.of(2, 2))) {
      assertFalse(a.rewrite(HostArray.of(new float[] {5, 6, 7, 8})));
      assertArrayEquals(new float[] {1, 2, 3, 4}, a.toFloatArray());
      assertTrue(a.rewrite(HostArray.of(new float[][] {{5, 6}, {7, 8}})));
      assertArrayEquals(new float[] {5, 6, 7, 8}, a.toFloatArray());
    }
  }
}
