package io.keras4j.applications;

/**
 * NASNetLarge: 6 normal cells per stage, penultimate width 4032, 331x331 inputs by default.
 *
 * <p>Keras equivalent: {@code keras.applications.NASNetLarge(input_shape=None, include_top=True,
 * weights="imagenet", input_tensor=None, pooling=None, classes=1000, classifier_activation="softmax",
 * name="nasnet_large")}.
 * <pre>{@code Model base = new NASNetLarge().includeTop(false).inputShape(64, 64, 3).weights(null).build();}</pre>
 */
public final class NASNetLarge extends NASNet<NASNetLarge> {
  public NASNetLarge() {
    super(4032, 6, 96, true, 331, "nasnet_large",
        file("nasnet_large.h5", "NASNet-large.h5", "11577c9a518f0070763c2b964a382f17"),
        file("nasnet_large_no_top.h5", "NASNet-large-no-top.h5", "d81d89dc07e6e56530c4e77faddd61b5"));
  }
}
