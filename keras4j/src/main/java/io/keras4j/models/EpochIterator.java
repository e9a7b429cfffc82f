package io.keras4j.models;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The steps of one pass (an epoch) over a {@link DataAdapter}, grouped by {@code steps_per_execution}: each
 * element is one call of a traced function, running the batches {@code begin..end}.
 *
 * <p>Keras equivalent: {@code keras.src.trainers.epoch_iterator.EpochIterator(steps_per_epoch,
 * steps_per_execution)}, which yields {@code (begin_step, end_step, data)}. With {@code steps_per_epoch} above the
 * number of batches, the batches repeat from the first. The steps left over at the end of an epoch (fewer than
 * {@code steps_per_execution}) run in one call, as Keras' loop does, when the train function runs any number of
 * steps per call; otherwise (an engine that unrolls the steps per count) they run one per call, so only two
 * traced train functions exist (per shapes and weighting). Porting note: the left-over call's end step is its last
 * step, where Keras reports {@code begin + steps_per_execution - 1}.
 * <pre>{@code
 * for (EpochIterator.Step step : new EpochIterator(adapter, null, 4)) { ... step.batches() ... }
 * }</pre>
 */
final class EpochIterator implements Iterable<EpochIterator.Step> {
  private final DataAdapter adapter;
  private final int steps;
  private final int stepsPerExecution;
  private final boolean restInOneCall;

  /** One call: steps {@code begin} to {@code end} (inclusive) of the epoch, on these batches of the adapter. */
  record Step(int begin, int end, int[] batches) {}

  /** The steps of {@code adapter}: {@code stepsPerEpoch} of them, or one pass when null; left-over steps one by one. */
  EpochIterator(DataAdapter adapter, Integer stepsPerEpoch, int stepsPerExecution) {
    this(adapter, stepsPerEpoch, stepsPerExecution, false);
  }

  /** The steps of {@code adapter}, the left-over steps of an epoch in one call when {@code restInOneCall}. */
  EpochIterator(DataAdapter adapter, Integer stepsPerEpoch, int stepsPerExecution, boolean restInOneCall) {
    this.adapter = adapter;
    this.steps = stepsPerEpoch != null ? stepsPerEpoch : adapter.numBatches();
    this.stepsPerExecution = stepsPerExecution;
    this.restInOneCall = restInOneCall;
  }

  /** The steps per epoch (Keras' {@code num_batches}). */
  int numBatches() {
    return steps;
  }

  @Override
  public Iterator<Step> iterator() {
    int batches = adapter.numBatches();
    return new Iterator<>() {
      private int step;

      @Override
      public boolean hasNext() {
        return step < steps;
      }

      @Override
      public Step next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int rest = steps - step;
        int run = rest >= stepsPerExecution ? stepsPerExecution : restInOneCall ? rest : 1;
        int[] indices = new int[run];
        for (int i = 0; i < run; i++) {
          indices[i] = (step + i) % batches;
        }
        Step s = new Step(step, step + run - 1, indices);
        step += run;
        return s;
      }
    };
  }
}
