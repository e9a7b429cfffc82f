package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The steps of an epoch, grouped by steps_per_execution, with repeated batches for a longer steps_per_epoch. */
class EpochIteratorTest {
  static ArrayDataAdapter adapter(int samples, int batchSize) {
    HostArray x = new HostArray(new float[samples], Shape.of(samples, 1));
    return new ArrayDataAdapter(List.of(x), List.of(x), new float[samples], batchSize, null);
  }

  @Test
  void groupsStepsAndRunsTheRestOneByOne() {
    List<String> steps = new ArrayList<>();
    for (EpochIterator.Step s : new EpochIterator(adapter(10, 2), null, 2)) {
      steps.add(s.begin() + "-" + s.end());
    }
    assertEquals(List.of("0-1", "2-3", "4-4"), steps); // 5 batches
  }

  @Test
  void theRestRunsInOneCallWhenTheTrainFunctionLoops() {
    List<String> steps = new ArrayList<>();
    List<int[]> batches = new ArrayList<>();
    for (EpochIterator.Step s : new EpochIterator(adapter(14, 2), null, 3, true)) {
      steps.add(s.begin() + "-" + s.end());
      batches.add(s.batches());
    }
    assertEquals(List.of("0-2", "3-5", "6-6"), steps); // 7 batches
    assertArrayEquals(new int[] {6}, batches.get(2));
    steps.clear();
    new EpochIterator(adapter(16, 2), 8, 3, true).forEach(s -> steps.add(s.begin() + "-" + s.end()));
    assertEquals(List.of("0-2", "3-5", "6-7"), steps); // 8 batches: the last two in one call
  }

  @Test
  void stepsPerEpochRepeatsTheBatches() {
    EpochIterator it = new EpochIterator(adapter(6, 2), 7, 3);
    assertEquals(7, it.numBatches());
    List<int[]> batches = new ArrayList<>();
    it.forEach(s -> batches.add(s.batches()));
    assertArrayEquals(new int[] {0, 1, 2}, batches.get(0));
    assertArrayEquals(new int[] {0, 1, 2}, batches.get(1));
    assertArrayEquals(new int[] {0}, batches.get(2));
  }

  @Test
  void aBatchAsLargeAsTheIntRangeIsOneBatch() {
    assertEquals(1, adapter(3, Integer.MAX_VALUE).numBatches());
    assertEquals(0, adapter(0, 4).numBatches());
  }
}
