package io.keras4j.applications;

/**
 * ConvNeXtBase: depths (3, 3, 27, 3), widths (128, 256, 512, 1024), 224x224 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.ConvNeXtBase(include_top=True, include_preprocessing=True,
 * weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000,
 * classifier_activation="softmax", name="convnext_base")}.
 * <pre>{@code Model base = new ConvNeXtBase().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class ConvNeXtBase extends ConvNeXt<ConvNeXtBase> {
  public ConvNeXtBase() {
    super("base", new int[] {3, 3, 27, 3}, new int[] {128, 256, 512, 1024},
        "52cbb006d3dadd03f6e095a8ca1aca47aecdd75acb4bc74bce1f5c695d0086e6",
        "40a20c5548a5e9202f69735ecc06c990e6b7c9d2de39f0361e27baeb24cb7c45");
  }
}
