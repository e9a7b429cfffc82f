package io.keras4j.applications;

/**
 * ConvNeXtLarge: depths (3, 3, 27, 3), widths (192, 384, 768, 1536), 224x224 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.ConvNeXtLarge(include_top=True, include_preprocessing=True,
 * weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000,
 * classifier_activation="softmax", name="convnext_large")}.
 * <pre>{@code Model base = new ConvNeXtLarge().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class ConvNeXtLarge extends ConvNeXt<ConvNeXtLarge> {
  public ConvNeXtLarge() {
    super("large", new int[] {3, 3, 27, 3}, new int[] {192, 384, 768, 1536},
        "070c5ed9ed289581e477741d3b34beffa920db8cf590899d6d2c67fba2a198a6",
        "96f02b6f0753d4f543261bc9d09bed650f24dd6bc02ddde3066135b63d23a1cd");
  }
}
