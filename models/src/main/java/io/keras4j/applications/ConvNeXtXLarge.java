package io.keras4j.applications;

/**
 * ConvNeXtXLarge: depths (3, 3, 27, 3), widths (256, 512, 1024, 2048), 224x224 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.ConvNeXtXLarge(include_top=True, include_preprocessing=True,
 * weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000,
 * classifier_activation="softmax", name="convnext_xlarge")}.
 * <pre>{@code Model base = new ConvNeXtXLarge().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class ConvNeXtXLarge extends ConvNeXt<ConvNeXtXLarge> {
  public ConvNeXtXLarge() {
    super("xlarge", new int[] {3, 3, 27, 3}, new int[] {256, 512, 1024, 2048},
        "c1f5ccab661354fc3a79a10fa99af82f0fbf10ec65cb894a3ae0815f17a889ee",
        "de3f8a54174130e0cecdc71583354753d557fcf1f4487331558e2a16ba0cfe05");
  }
}
