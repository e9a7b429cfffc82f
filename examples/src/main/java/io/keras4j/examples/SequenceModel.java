package io.keras4j.examples;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.layers.Conv1D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.GlobalMaxPooling1D;
import io.keras4j.layers.Input;
import io.keras4j.layers.Multiply;
import io.keras4j.models.Model;
import java.util.List;

/**
 * The sequence model of the light-curve example and the inputs it takes.
 *
 * <p>Convolution over the detections with masked max pooling over time: two Conv1D layers (32 filters, 5 steps,
 * relu) over the per-detection features, multiplied by the 0/1 mask so that padded steps are exactly 0, then
 * GlobalMaxPooling1D (a masked maximum, since relu outputs are not negative) and a softmax Dense. The mask travels
 * as a second input of shape (steps, 1).
 */
final class SequenceModel {
  /** The model's name in reports and plots. */
  static final String NAME = "Conv1D+masked max pool";

  private SequenceModel() {}

  /** The model for sequences of {@code maxLength} steps and {@code classes} classes. */
  static Model build(int maxLength, int classes) {
    KerasTensor x = Input.of(Shape.of(maxLength, LightCurveEncoding.FEATURES), "detections");
    KerasTensor mask = Input.of(Shape.of(maxLength, 1), "mask");
    KerasTensor h = new Conv1D(32, 5).padding("same").activation("relu").apply(x);
    h = new Conv1D(32, 5).padding("same").activation("relu").apply(h);
    h = new Multiply().apply(List.of(h, mask)).get(0);
    h = new GlobalMaxPooling1D().apply(h);
    h = new Dense(32).activation("relu").apply(h);
    KerasTensor out = new Dense(classes).activation("softmax").apply(h);
    return new Model(List.of(x, mask), List.of(out));
  }

  /** The model's inputs for {@code curves}. */
  static Object inputs(List<LightCurve> curves, int maxLength) {
    return List.of(LightCurveEncoding.sequences(curves, maxLength), LightCurveEncoding.mask(curves, maxLength));
  }
}
