package io.keras4j.applications;

/**
 * VGG16: 13 convolutions in five blocks (2, 2, 3, 3, 3) and three Dense layers; 138,357,544 parameters with the
 * top.
 *
 * <p>Keras equivalent: {@code keras.applications.VGG16(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="vgg16")}.
 * <pre>{@code Model base = new VGG16().includeTop(false).inputShape(64, 64, 3).weights(null).build();}</pre>
 */
public final class VGG16 extends VGG<VGG16> {
  public VGG16() {
    super("vgg16", new int[] {2, 2, 3, 3, 3}, "64373286793e3c8b2b4e3219cbf3544b",
        "6d6bbae143d832006294945121d1f1fc");
  }
}
