package io.keras4j.examples;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.layers.Conv1D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.GRU;
import io.keras4j.layers.GlobalMaxPooling1D;
import io.keras4j.layers.Input;
import io.keras4j.layers.Masking;
import io.keras4j.layers.Multiply;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;
import java.util.List;

/**
 * The sequence models of the light-curve example and the inputs they take.
 * <ul>
 *   <li>{@link Kind#GRU}, the example's model: {@code Masking(mask_value=0)} over the zero-padded per-detection
 *       features, so that the GRU skips the padded steps (its state carries over them), {@code GRU(32)}, and a
 *       softmax Dense.</li>
 *   <li>{@link Kind#CONV}, for comparison: two Conv1D layers (32 filters, 5 steps, relu) over the same features,
 *       multiplied by the 0/1 mask so that padded steps are exactly 0, then GlobalMaxPooling1D (a masked maximum,
 *       since relu outputs are not negative), a relu Dense(32) and a softmax Dense; the mask travels as a second
 *       input of shape (steps, 1).</li>
 * </ul>
 */
public final class SequenceModel {
  /** Which sequence model. */
  public enum Kind {
    GRU("Masking+GRU"),
    CONV("Conv1D+masked max pool");

    private final String title;

    Kind(String title) {
      this.title = title;
    }

    /** The model's name in reports and plots. */
    public String title() {
      return title;
    }
  }

  /** The example's sequence model. */
  public static final Kind DEFAULT = Kind.GRU;

  private SequenceModel() {}

  /** The model of {@code kind} for sequences of {@code maxLength} steps and {@code classes} classes. */
  public static Model build(Kind kind, int maxLength, int classes) {
    if (kind == Kind.GRU) {
      Sequential m = new Sequential();
      m.add(new Masking().inputShape(maxLength, LightCurveEncoding.FEATURES));
      m.add(new GRU(32));  // Keras 3 defaults: tanh, sigmoid gates, reset_after=True
      m.add(new Dense(classes).activation("softmax"));
      return m;
    }
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

  /** The inputs of a model of {@code kind} for {@code curves}. */
  static Object inputs(Kind kind, List<LightCurve> curves, int maxLength) {
    float[][][] x = LightCurveEncoding.sequences(curves, maxLength);
    return kind == Kind.GRU ? x : List.of(x, LightCurveEncoding.mask(curves, maxLength));
  }
}
