package io.keras4j.backend;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * The parallel ranges behind the copies of large Java arrays into native memory: a failure is thrown only once every
 * range has finished, so that a caller freeing the destination on the error (a native tensor) frees nothing a range
 * still writes to. Before 12-08 the first failure came back while the other ranges ran on: in
 * {@code HostArrayDeferredTest}'s changed large matrix the tensor was closed under them, and glibc aborted ("malloc():
 * unsorted double linked list corrupted") in about one run of three on a Zen 3.
 */
class NestedArraysTest {
  @Test
  void aFailedRangeIsThrownOnlyAfterEveryOtherRangeHasFinished() {
    int n = 64;
    int parts = Math.min(n, 4 * Runtime.getRuntime().availableProcessors());
    AtomicInteger finished = new AtomicInteger();
    IllegalArgumentException first = new IllegalArgumentException("range 0");
    var e = assertThrows(IllegalArgumentException.class, () -> NestedArrays.inRanges(n, (from, to) -> {
      if (from == 0) {
        throw first;
      }
      try {
        Thread.sleep(50); // still writing when range 0 has failed
      } catch (InterruptedException x) {
        Thread.currentThread().interrupt();
      }
      finished.incrementAndGet();
    }));
    assertEquals(parts - 1, finished.get(), "ranges finished before the failure was thrown");
    assertSame(first, e);
  }

  @Test
  void theFirstFailedRangeIsThrown() {
    var e = assertThrows(IllegalStateException.class, () -> NestedArrays.inRanges(40, (from, to) -> {
      if (from > 0) {
        throw new IllegalStateException("from " + from);
      }
    }));
    int parts = Math.min(40, 4 * Runtime.getRuntime().availableProcessors());
    assertEquals("from " + 40 / parts, e.getMessage()); // the second range starts at n * 1 / parts
  }

  @Test
  void everyIndexIsCoveredOnceInOrderedRanges() {
    int n = 1_001;
    int[] seen = new int[n];
    NestedArrays.inRanges(n, (from, to) -> {
      for (int i = from; i < to; i++) {
        seen[i]++;
      }
    });
    for (int i = 0; i < n; i++) {
      assertEquals(1, seen[i], "index " + i);
    }
  }
}
