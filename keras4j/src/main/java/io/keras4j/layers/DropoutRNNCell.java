package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Tensor;
import io.keras4j.random.SeedGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A cell with dropout on its inputs and on its recurrent state, the same masks at every step of one sequence.
 *
 * <p>Keras equivalent: {@code keras.src.layers.rnn.dropout_rnn_cell.DropoutRNNCell}, the mix-in of SimpleRNNCell,
 * LSTMCell and GRUCell: {@code dropout} and {@code recurrent_dropout} (clipped to [0, 1], as Keras does), a
 * {@code seed} and its {@link SeedGenerator}. Before the loop the layer draws the masks once per call from the
 * generator (inputs first, then the recurrent state; several of each when {@link #dropoutMaskCount()} says so), as
 * Keras' {@code RNN._maybe_config_dropout_masks} does even outside training; the steps only multiply by them.
 *
 * @param <T> the concrete cell
 */
public abstract class DropoutRNNCell<T extends DropoutRNNCell<T>> extends AbstractRNNCell<T> {
  private double dropout;
  private double recurrentDropout;
  private Long givenSeed;
  private SeedGenerator seedGenerator = new SeedGenerator();
  private List<Tensor> dropoutMask;
  private List<Tensor> recurrentDropoutMask;

  /** Sets the fraction of the inputs dropped (Keras' {@code dropout=}), clipped to [0, 1]. Default 0. */
  public T dropout(double dropout) {
    checkNotBuilt("dropout");
    this.dropout = Math.min(1, Math.max(0, dropout));
    return self();
  }

  /** Sets the fraction of the recurrent state dropped (Keras' {@code recurrent_dropout=}), clipped. Default 0. */
  public T recurrentDropout(double recurrentDropout) {
    checkNotBuilt("recurrent_dropout");
    this.recurrentDropout = Math.min(1, Math.max(0, recurrentDropout));
    return self();
  }

  /** Sets the seed of the dropout masks (Keras' {@code seed=}). Default: drawn from the global generator. */
  public T seed(long seed) {
    checkNotBuilt("seed");
    this.givenSeed = seed;
    this.seedGenerator = new SeedGenerator(seed);
    return self();
  }

  public double dropout() {
    return dropout;
  }

  public double recurrentDropout() {
    return recurrentDropout;
  }

  /** The seed given, or null when drawn. */
  public Long seed() {
    return givenSeed;
  }

  /** The generator of the masks (Keras' {@code seed_generator}). */
  @Override
  public List<SeedGenerator> seedGenerators() {
    return List.of(seedGenerator);
  }

  /** How many masks of each kind a step uses (Keras' {@code dropout_mask_count}; 1 for one shared mask). */
  protected int dropoutMaskCount() {
    return 1;
  }

  /** The input masks of this call (one per {@link #dropoutMaskCount()}), or null without dropout or training. */
  protected final List<Tensor> dropoutMask(boolean training) {
    return training && dropout > 0 && dropout < 1 ? dropoutMask : null;
  }

  /** The recurrent masks of this call, or null without recurrent dropout or training. */
  protected final List<Tensor> recurrentDropoutMask(boolean training) {
    return training && recurrentDropout > 0 && recurrentDropout < 1 ? recurrentDropoutMask : null;
  }

  @Override
  protected void beforeLoop(Tensor stepInput, List<Tensor> states, boolean training) {
    dropoutMask = dropout > 0 ? masks(stepInput, dropout) : null;
    recurrentDropoutMask = recurrentDropout > 0 ? masks(states.get(0), recurrentDropout) : null;
  }

  @Override
  protected void afterLoop() {
    dropoutMask = null;
    recurrentDropoutMask = null;
  }

  /** The masks of one call, input and recurrent (either null). */
  private record Masks(List<Tensor> input, List<Tensor> recurrent) {}

  /** This call's dropout masks, or null without any. */
  @Override
  protected Object loopState() {
    return dropoutMask == null && recurrentDropoutMask == null ? null
        : new Masks(dropoutMask, recurrentDropoutMask);
  }

  @Override
  protected void restoreLoopState(Object state) {
    Masks masks = (Masks) state;
    dropoutMask = masks == null ? null : masks.input();
    recurrentDropoutMask = masks == null ? null : masks.recurrent();
  }

  private List<Tensor> masks(Tensor like, double rate) {
    Ops ops = Backend.ops();
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < dropoutMaskCount(); i++) {
      out.add(ops.statelessDropout(ops.onesLike(like), rate, null, seedGenerator.next()));
    }
    return out;
  }

  /** Adds {@code dropout}, {@code recurrent_dropout} and {@code seed} to a config. */
  protected final void putDropoutConfig(Map<String, Object> c) {
    c.put("dropout", dropout);
    c.put("recurrent_dropout", recurrentDropout);
    c.put("seed", givenSeed);
  }

  /** Reads {@code dropout}, {@code recurrent_dropout} and {@code seed} of a config into {@code cell}. */
  static void readDropoutConfig(DropoutRNNCell<?> cell, io.keras4j.saving.Config c) {
    cell.dropout(c.number("dropout", 0));
    cell.recurrentDropout(c.number("recurrent_dropout", 0));
    Long seed = c.optionalLong("seed");
    if (seed != null) {
      cell.seed(seed);
    }
  }
}
