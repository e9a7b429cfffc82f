package io.keras4j.models;

import io.keras4j.backend.Tensor;
import java.util.List;

/**
 * One batch as a training, test or predict step receives it: the inputs, the targets and the sample weights.
 *
 * <p>Keras equivalent: the {@code data} argument of {@code train_step(self, data)} unpacked by
 * {@code keras.utils.unpack_x_y_sample_weight(data)}:
 * <pre>
 * x, y, sample_weight = keras.utils.unpack_x_y_sample_weight(data)
 * </pre>
 * is {@code Tensor x = data.x(); Tensor y = data.y(); Tensor sw = data.sampleWeight();}.
 *
 * <p>As in Keras, {@code sampleWeight} is null when {@code fit} or {@code evaluate} was given neither sample weights
 * nor class weights, in {@code trainOnBatch} and {@code testOnBatch}, and in {@code predictStep};
 * {@code computeLoss} and {@code computeMetrics} take null as "every value weighs the same". Porting note:
 * {@code ys} is empty (Keras: None) when {@code fit(x, null)} got no targets (a VAE, a GAN) and in
 * {@code predictStep}.
 *
 * @param xs the inputs, one per model input
 * @param ys the targets, one per output; empty when there are none
 * @param sampleWeight the per-sample weights (batch,), or null when there are none
 */
public record StepData(List<Tensor> xs, List<Tensor> ys, Tensor sampleWeight) {
  /** Copies the lists. */
  public StepData {
    xs = List.copyOf(xs);
    ys = List.copyOf(ys);
  }

  /** The input of a model of one input ({@code x}). */
  public Tensor x() {
    return only(xs, "inputs", "xs()");
  }

  /** The target of a model of one output ({@code y}). */
  public Tensor y() {
    if (ys.isEmpty()) {
      throw new IllegalStateException("This step has no targets: fit or evaluate was given y=null. Expected "
          + "targets, or a step that does not read y");
    }
    return only(ys, "targets", "ys()");
  }

  private static Tensor only(List<Tensor> list, String what, String method) {
    if (list.size() != 1) {
      throw new IllegalStateException("This step has " + list.size() + " " + what + "; " + method
          + " returns each of them. Expected 1");
    }
    return list.get(0);
  }
}
