package io.keras4j.applications;

/**
 * ConvNeXtSmall: depths (3, 3, 27, 3), widths (96, 192, 384, 768), 224x224 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.ConvNeXtSmall(include_top=True, include_preprocessing=True,
 * weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000,
 * classifier_activation="softmax", name="convnext_small")}.
 * <pre>{@code Model base = new ConvNeXtSmall().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class ConvNeXtSmall extends ConvNeXt<ConvNeXtSmall> {
  public ConvNeXtSmall() {
    super("small", new int[] {3, 3, 27, 3}, new int[] {96, 192, 384, 768},
        "ce1277d8f1ee5a0ef0e171469089c18f5233860ceaf9b168049cb9263fd7483c",
        "6fc8009faa2f00c1c1dfce59feea9b0745eb260a7dd11bee65c8e20843da6eab");
  }
}
