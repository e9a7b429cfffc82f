package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.AveragePooling2D;
import io.keras4j.layers.Concatenate;
import io.keras4j.models.Model;
import java.util.List;

/**
 * Inception v3: factorized inception modules (Szegedy et al., CVPR 2016); 299x299 inputs by default, at least 75x75.
 *
 * <p>Keras equivalent: {@code keras.applications.InceptionV3(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="inception_v3")}
 * (keras/src/applications/inception_v3.py). Inputs are preprocessed with {@link #preprocessInput} (to [-1, 1]).
 * <pre>{@code Model base = new InceptionV3().includeTop(false).inputShape(75, 75, 3).weights(null).build();}</pre>
 */
public final class InceptionV3 extends Application<InceptionV3> {
  @Override
  public Model build() {
    validate();
    KerasTensor input = input(obtainInputShape(299, 75));
    KerasTensor x = inceptionStem(input);
    x = blockA(x, 32, "mixed0");
    x = blockA(x, 64, "mixed1");
    x = blockA(x, 64, "mixed2");
    x = reductionA(x);
    x = blockC(x, 128, "mixed4");
    x = blockC(x, 160, "mixed5");
    x = blockC(x, 160, "mixed6");
    x = blockC(x, 192, "mixed7");
    x = reductionB(x);
    x = blockE(x, 0);
    x = blockE(x, 1);
    x = includeTop() ? denseTop(x, "avg_pool") : pool(x, null, null);
    String file = "inception_v3_weights_tf_dim_ordering_tf_kernels" + (includeTop() ? ".h5" : "_notop.h5");
    return finish(input, x, "inception_v3", WeightFile.of("inception_v3", file, includeTop()
        ? "9a0d58056eeedaa3f26cb7ebd46da564" : "bcbd6486424b2319ff4ef7d526e38f63"));
  }

  /** mixed0-2: 1x1, 5x5, double 3x3 and pooled branches. */
  private KerasTensor blockA(KerasTensor x, int poolFilters, String name) {
    KerasTensor b1 = convBn(x, 64, 1, 1);
    KerasTensor b5 = convBn(x, 48, 1, 1);
    b5 = convBn(b5, 64, 5, 5);
    KerasTensor b3 = convBn(x, 64, 1, 1);
    b3 = convBn(b3, 96, 3, 3);
    b3 = convBn(b3, 96, 3, 3);
    KerasTensor bp = convBn(avgPool(x), poolFilters, 1, 1);
    return concat(name, b1, b5, b3, bp);
  }

  /** mixed3: a strided 3x3, a strided double 3x3 and max pooling. */
  private KerasTensor reductionA(KerasTensor x) {
    KerasTensor b3 = convBn(x, 384, 3, 3, 2, "valid");
    KerasTensor bd = convBn(x, 64, 1, 1);
    bd = convBn(bd, 96, 3, 3);
    bd = convBn(bd, 96, 3, 3, 2, "valid");
    return concat("mixed3", b3, bd, maxPool(x));
  }

  /** mixed4-7: factorized 7x7 branches of width {@code c}. */
  private KerasTensor blockC(KerasTensor x, int c, String name) {
    KerasTensor b1 = convBn(x, 192, 1, 1);
    KerasTensor b7 = convBn(x, c, 1, 1);
    b7 = convBn(b7, c, 1, 7);
    b7 = convBn(b7, 192, 7, 1);
    KerasTensor bd = convBn(x, c, 1, 1);
    bd = convBn(bd, c, 7, 1);
    bd = convBn(bd, c, 1, 7);
    bd = convBn(bd, c, 7, 1);
    bd = convBn(bd, 192, 1, 7);
    KerasTensor bp = convBn(avgPool(x), 192, 1, 1);
    return concat(name, b1, b7, bd, bp);
  }

  /** mixed8: strided 3x3 and 7x7x3 branches and max pooling. */
  private KerasTensor reductionB(KerasTensor x) {
    KerasTensor b3 = convBn(x, 192, 1, 1);
    b3 = convBn(b3, 320, 3, 3, 2, "valid");
    KerasTensor b7 = convBn(x, 192, 1, 1);
    b7 = convBn(b7, 192, 1, 7);
    b7 = convBn(b7, 192, 7, 1);
    b7 = convBn(b7, 192, 3, 3, 2, "valid");
    return concat("mixed8", b3, b7, maxPool(x));
  }

  /** mixed9-10: branches that split into 1x3 and 3x1 halves. */
  private KerasTensor blockE(KerasTensor x, int i) {
    KerasTensor b1 = convBn(x, 320, 1, 1);
    KerasTensor b3 = convBn(x, 384, 1, 1);
    b3 = concat("mixed9_" + i, convBn(b3, 384, 1, 3), convBn(b3, 384, 3, 1));
    KerasTensor bd = convBn(x, 448, 1, 1);
    bd = convBn(bd, 384, 3, 3);
    bd = concat(null, convBn(bd, 384, 1, 3), convBn(bd, 384, 3, 1));
    KerasTensor bp = convBn(avgPool(x), 192, 1, 1);
    return concat("mixed" + (9 + i), b1, b3, bd, bp);
  }

  private KerasTensor avgPool(KerasTensor x) {
    return auto(new AveragePooling2D(3, 3).strides(1, 1).padding("same"), "average_pooling2d").apply(x);
  }

  private KerasTensor concat(String name, KerasTensor... branches) {
    Concatenate c = name == null ? auto(new Concatenate(), "concatenate") : new Concatenate().name(name);
    return c.apply(List.of(branches)).get(0);
  }

  /** Scales pixels in [0, 255] to [-1, 1]: Keras' {@code inception_v3.preprocess_input} (mode "tf"). */
  public static NDArray preprocessInput(NDArray x) {
    return Preprocessing.preprocessInput(x, "tf");
  }
}
