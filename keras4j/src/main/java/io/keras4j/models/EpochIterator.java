package io.keras4j.models;

import java.util.Iterator;
import java.util.NoSuchElementException;

/**
 * The steps of each epoch over a {@link DataAdapter}, grouped by {@code steps_per_execution}: each element is one
 * call of a traced function, running {@link Step#batches()}, numbered {@code begin..end} as Keras numbers its calls;
 * {@link #beginEpoch} and {@link #endEpoch} frame each epoch.
 *
 * <p>Keras equivalent: {@code keras.src.trainers.epoch_iterator.EpochIterator(steps_per_epoch,
 * steps_per_execution)}, which yields {@code (begin_step, end_step, data)}. Without {@code steps_per_epoch} every
 * epoch is one pass over the data. With it, as in Keras, an epoch goes on with the pass the last one left unfinished
 * (10 batches at 3 per epoch: 0-2, 3-5, 6-8, then 9 alone), a new pass begins once one is done, and an epoch that
 * asks for more batches than its pass has left stops at the pass's end (with a warning when a whole call finds no
 * batch left, as Keras on TensorFlow warns); each of its calls takes {@code steps_per_execution} batches, so an epoch
 * takes {@code steps_per_epoch} rounded up to a multiple of it (3 at 2 per call: 0-3, 4-7, then 8-9), as Keras' loop
 * does. The batches left at the end of a pass (fewer than {@code steps_per_execution}) run in one call when the
 * train function runs any number of steps per call; otherwise (an engine that unrolls the steps per count) they run
 * one per call, so only two traced train functions exist (per shapes and weighting). A call ends, as Keras reports
 * it, at {@code begin + steps_per_execution - 1}, also a left-over call of fewer batches run in one call (10 batches
 * at 4 per call end at 3, 7, 11). Porting note: where the left-over batches run one per call, each of those calls
 * ends where it begins.
 * <pre>{@code
 * EpochIterator steps = new EpochIterator(adapter, null, 4);
 * steps.beginEpoch(epoch);
 * for (EpochIterator.Step step : steps) { ... step.batches() ... }
 * steps.endEpoch();
 * }</pre>
 */
final class EpochIterator implements Iterable<EpochIterator.Step> {
  private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(EpochIterator.class);

  private final DataAdapter adapter;
  private final Integer stepsPerEpoch;
  private final int batches;
  private final int steps;
  private final int stepsPerExecution;
  private final boolean restInOneCall;
  /** The batches of the current pass taken by the epochs before (0: the next epoch begins a pass). */
  private int seen;
  private int from;
  private int to;
  /** The batches of the epoch begun handed out so far. */
  private int taken;
  private boolean warned;
  /** The Keras argument that set the steps, as the run-out warning names it. */
  private String argument = "steps_per_epoch";
  /** The batches of one of Keras' calls, which an epoch takes whole: {@code steps_per_execution}. */
  private int kerasCall;

  /**
   * One call on these batches of the adapter, numbered from step {@code begin} to step {@code end} of the epoch as
   * Keras' epoch iterator numbers it: a call of {@code steps_per_execution} k, and the left-over batches run in one
   * call, end at {@code begin + k - 1} even when the call holds fewer batches (10 batches at 4 per call end at 3, 7,
   * 11); a left-over batch run alone ends where it begins.
   */
  record Step(int begin, int end, int[] batches) {}

  /** The steps of {@code adapter}: {@code stepsPerEpoch} of them, or one pass when null; left-over steps one by one. */
  EpochIterator(DataAdapter adapter, Integer stepsPerEpoch, int stepsPerExecution) {
    this(adapter, stepsPerEpoch, stepsPerExecution, false);
  }

  /** The steps of {@code adapter}, the left-over steps of an epoch in one call when {@code restInOneCall}. */
  EpochIterator(DataAdapter adapter, Integer stepsPerEpoch, int stepsPerExecution, boolean restInOneCall) {
    this.adapter = adapter;
    this.stepsPerEpoch = stepsPerEpoch;
    this.batches = adapter.numBatches(); // read once per run, as Keras' reset does
    this.steps = stepsPerEpoch != null ? stepsPerEpoch : batches;
    this.stepsPerExecution = stepsPerExecution;
    this.kerasCall = stepsPerExecution;
    this.restInOneCall = restInOneCall;
    this.to = end(0); // the first epoch's end, before any beginEpoch
  }

  /**
   * The steps per epoch (Keras' {@code num_batches}), as callbacks are told; a pass's end may stop an epoch sooner,
   * and whole calls may take up to {@code steps_per_execution - 1} batches more, as in Keras.
   */
  int numBatches() {
    return steps;
  }

  /**
   * The batches the epoch begun runs (before {@link #beginEpoch}, the first epoch): its whole calls, or those up to
   * its pass's end when sooner.
   */
  int epochBatches() {
    return to - from;
  }

  /** Begins epoch {@code epoch}: its batches follow the last epoch's in an unfinished pass, or begin a new one. */
  void beginEpoch(int epoch) {
    boolean newPass = seen == 0;
    from = seen;
    taken = 0;
    to = end(from);
    if (stepsPerEpoch != null && from + (calls() - 1) * kerasCall >= batches && !warned) {
      warned = true; // once per run, as Python shows a warning once per place
      LOG.warn("Your input ran out of data after {} of the {} steps asked for ({}={}), out of {} batches; {}",
          to - from, steps, argument, steps, batches, argument.equals("steps_per_epoch")
              ? "the epoch ends there, and the next epoch begins a new pass" : "the loop ends there");
    }
    adapter.onEpochBegin(epoch, newPass, from, to);
  }

  /**
   * For a loop whose steps are read as Keras' {@code steps=} (evaluate and validation, which run the calls batch by
   * batch, and predict): each epoch takes whole calls of {@code stepsPerExecution} batches and warns as Keras does,
   * its run-out warning naming {@code kerasArgument} ({@code steps}, {@code validation_steps}).
   */
  EpochIterator asKeras(String kerasArgument, int stepsPerExecution) {
    this.argument = kerasArgument;
    this.kerasCall = stepsPerExecution;
    this.to = end(0);
    return this;
  }

  /** The calls of an epoch (Keras' loop: one per {@code steps_per_execution} steps, rounded up). */
  private long calls() {
    return ((long) steps + kerasCall - 1) / kerasCall;
  }

  /** The end of an epoch that begins at batch {@code start}: its whole calls, or the pass's end if sooner. */
  private int end(int start) {
    long wanted = stepsPerEpoch != null ? calls() * kerasCall : steps; // whole calls, as Keras' loop takes
    return (int) Math.min(batches, start + wanted);
  }

  /**
   * Whether a call of this run found no batch left in its pass (Keras' "Your input ran out of data" warning); a
   * call that finds fewer than {@code steps_per_execution} ends the pass without it, as in Keras on TensorFlow.
   */
  boolean ranOut() {
    return warned;
  }

  /**
   * Ends the epoch begun: the next one goes on with this pass after the last batch handed out (a stop may end an
   * epoch early) when {@code steps_per_epoch} left some of it.
   */
  void endEpoch() {
    int reached = from + taken;
    seen = stepsPerEpoch != null && reached < batches ? reached : 0;
    adapter.onEpochEnd();
  }

  @Override
  public Iterator<Step> iterator() {
    return new Iterator<>() {
      private int step;

      @Override
      public boolean hasNext() {
        return from + step < to;
      }

      @Override
      public Step next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        int rest = to - from - step;
        int run = rest >= stepsPerExecution ? stepsPerExecution : restInOneCall ? rest : 1;
        int[] indices = new int[run];
        for (int i = 0; i < run; i++) {
          indices[i] = from + step + i;
        }
        boolean wholeNumbering = run == stepsPerExecution || restInOneCall; // numbered as one of Keras' calls
        Step s = new Step(step, step + (wholeNumbering ? stepsPerExecution : run) - 1, indices);
        step += run;
        taken = Math.max(taken, step); // one iterator per epoch; a second one would not rewind the pass
        return s;
      }
    };
  }
}
