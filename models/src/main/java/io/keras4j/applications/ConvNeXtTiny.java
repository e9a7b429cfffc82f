package io.keras4j.applications;

/**
 * ConvNeXtTiny: depths (3, 3, 9, 3), widths (96, 192, 384, 768), 224x224 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.ConvNeXtTiny(include_top=True, include_preprocessing=True,
 * weights="imagenet", input_tensor=None, input_shape=None, pooling=None, classes=1000,
 * classifier_activation="softmax", name="convnext_tiny")}.
 * <pre>{@code Model base = new ConvNeXtTiny().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class ConvNeXtTiny extends ConvNeXt<ConvNeXtTiny> {
  public ConvNeXtTiny() {
    super("tiny", new int[] {3, 3, 9, 3}, new int[] {96, 192, 384, 768},
        "8ae6e78ce2933352b1ef4008e6dd2f17bc40771563877d156bc6426c7cf503ff",
        "d547c096cabd03329d7be5562c5e14798aa39ed24b474157cef5e85ab9e49ef1");
  }
}
