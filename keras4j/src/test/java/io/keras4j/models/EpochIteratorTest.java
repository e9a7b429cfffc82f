package io.keras4j.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The steps of each epoch, grouped by steps_per_execution; steps_per_epoch going on with a pass, as in Keras: the
 * cases and Keras 3.15.1's answers are in {@code tools/keras-reference/epoch_steps.txt}.
 */
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
    // 7 batches; the last call holds batch 6 only and ends at 8, as Keras numbers a call (begin + 3 - 1)
    assertEquals(List.of("0-2", "3-5", "6-8"), steps);
    assertArrayEquals(new int[] {6}, batches.get(2));
    steps.clear();
    batches.clear();
    new EpochIterator(adapter(16, 2), 8, 3, true).forEach(s -> {
      steps.add(s.begin() + "-" + s.end());
      batches.add(s.batches());
    });
    assertEquals(List.of("0-2", "3-5", "6-8"), steps); // 8 batches: the last two in one call
    assertArrayEquals(new int[] {6, 7}, batches.get(2));
  }

  /** The batches of each epoch's calls, one list per epoch. */
  private static List<List<List<Integer>>> epochs(EpochIterator it, int epochs) {
    List<List<List<Integer>>> out = new ArrayList<>();
    for (int e = 0; e < epochs; e++) {
      it.beginEpoch(e);
      List<List<Integer>> calls = new ArrayList<>();
      it.forEach(s -> calls.add(java.util.Arrays.stream(s.batches()).boxed().toList()));
      it.endEpoch();
      out.add(calls);
    }
    return out;
  }

  /** As Keras: 10 batches at 3 per epoch give 0-2, 3-5, 6-8, then 9 alone (the pass ends), then a new pass. */
  @Test
  void stepsPerEpochGoesOnWithThePass() {
    EpochIterator it = new EpochIterator(adapter(20, 2), 3, 1);
    assertEquals(3, it.numBatches());
    assertEquals(List.of(List.of(List.of(0), List.of(1), List.of(2)), List.of(List.of(3), List.of(4), List.of(5)),
        List.of(List.of(6), List.of(7), List.of(8)), List.of(List.of(9)), List.of(List.of(0), List.of(1), List.of(2))),
        epochs(it, 5));
    assertTrue(it.ranOut(), "the fourth epoch found 1 of its 3 batches left, as Keras warns");
    EpochIterator exact = new EpochIterator(adapter(18, 2), 3, 1);
    epochs(exact, 6);
    assertFalse(exact.ranOut(), "9 batches by 3: every epoch finds its 3");
    EpochIterator grouped = new EpochIterator(adapter(10, 2), 4, 2, true);
    assertEquals(List.of(List.of(List.of(0, 1), List.of(2, 3)), List.of(List.of(4)),
        List.of(List.of(0, 1), List.of(2, 3))), epochs(grouped, 3)); // 5 batches, as Keras' case of 5 at 4 by 2
    // 3 steps at 2 per call take two whole calls, as Keras' loop: 0-3, 4-7, 8-9, then a new pass
    EpochIterator rounded = new EpochIterator(adapter(20, 2), 3, 2, true);
    assertEquals(List.of(List.of(List.of(0, 1), List.of(2, 3)), List.of(List.of(4, 5), List.of(6, 7)),
        List.of(List.of(8, 9)), List.of(List.of(0, 1), List.of(2, 3))), epochs(rounded, 4));
    assertTrue(rounded.ranOut(), "the third epoch's second call found no batch");
  }

  /** As Keras: an epoch asking for more batches than a pass has stops at the pass's end; the next begins a pass. */
  @Test
  void stepsPerEpochAboveThePassStopsAtItsEnd() {
    EpochIterator it = new EpochIterator(adapter(8, 2), 6, 3);
    assertEquals(6, it.numBatches());
    assertEquals(List.of(List.of(List.of(0, 1, 2), List.of(3)), List.of(List.of(0, 1, 2), List.of(3))),
        epochs(it, 2));
  }

  /** As Keras: a last call that finds fewer batches than steps_per_execution ends the pass without a warning. */
  @Test
  void aShortLastCallEndsThePassQuietly() {
    EpochIterator it = new EpochIterator(adapter(10, 2), 4, 4, true);
    assertEquals(List.of(List.of(List.of(0, 1, 2, 3)), List.of(List.of(4)), List.of(List.of(0, 1, 2, 3))),
        epochs(it, 3));
    assertFalse(it.ranOut());
    EpochIterator huge = new EpochIterator(adapter(8, 2), Integer.MAX_VALUE, 2, true);
    assertEquals(List.of(List.of(List.of(0, 1), List.of(2, 3)), List.of(List.of(0, 1), List.of(2, 3))),
        epochs(huge, 2), "steps_per_epoch at the int range: one pass an epoch, no overflow");
    assertTrue(huge.ranOut());
  }

  /** As Keras, which counts the calls it handed out: an epoch stopped after one step leaves the rest to the next. */
  @Test
  void anEpochStoppedEarlyLeavesItsBatchesToTheNext() {
    EpochIterator it = new EpochIterator(adapter(20, 2), 3, 1);
    it.beginEpoch(0);
    assertArrayEquals(new int[] {0}, it.iterator().next().batches());
    it.endEpoch();
    assertEquals(List.of(List.of(List.of(1), List.of(2), List.of(3))), epochs(it, 1));
  }

  /**
   * As Keras' evaluate at steps_per_execution 2, run batch by batch: steps=3 takes two whole calls, so 4 batches when
   * there are, and warns only when a call finds no batch (3 batches: quiet; 2: the second call finds none).
   */
  @Test
  void anEvaluationTakesKerasWholeCallsOneBatchAtATime() {
    EpochIterator four = new EpochIterator(adapter(10, 2), 3, 1).asKeras("steps", 2);
    assertEquals(List.of(List.of(List.of(0), List.of(1), List.of(2), List.of(3))), epochs(four, 1));
    EpochIterator three = new EpochIterator(adapter(6, 2), 3, 1).asKeras("steps", 2);
    assertEquals(List.of(List.of(List.of(0), List.of(1), List.of(2))), epochs(three, 1));
    assertFalse(three.ranOut());
    EpochIterator two = new EpochIterator(adapter(4, 2), 3, 1).asKeras("steps", 2);
    assertEquals(List.of(List.of(List.of(0), List.of(1))), epochs(two, 1));
    assertTrue(two.ranOut());
  }

  @Test
  void aBatchAsLargeAsTheIntRangeIsOneBatch() {
    assertEquals(1, adapter(3, Integer.MAX_VALUE).numBatches());
    assertEquals(0, adapter(0, 4).numBatches());
  }
}
