package io.keras4j.adversarial.defences;

import io.keras4j.data.NDArray;

/**
 * A defence that transforms inputs (and labels) before a classifier trains on them or predicts them.
 *
 * <p>ART equivalent: {@code art.defences.preprocessor.Preprocessor}, whose {@code __call__(x, y)} returns
 * {@code (x, y)} and whose {@code apply_fit} / {@code apply_predict} say when a classifier applies it. Gradients
 * pass through a preprocessor unchanged (ART's default {@code estimate_gradient}, the BPDA identity).
 */
public interface Preprocessor {
  /** Transformed inputs and labels ({@code y} may be null when none were given). */
  record Output(NDArray x, float[][] y) {}

  /** Applies the defence to {@code x} (samples along the first axis) and {@code y} (one-hot rows or null). */
  Output apply(NDArray x, float[][] y);

  /** Whether a classifier applies this defence to the data it trains on. */
  boolean applyFit();

  /** Whether a classifier applies this defence to the inputs it predicts and takes gradients at. */
  boolean applyPredict();
}
