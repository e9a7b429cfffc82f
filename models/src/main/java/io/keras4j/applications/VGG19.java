package io.keras4j.applications;

/**
 * VGG19: 16 convolutions in five blocks (2, 2, 4, 4, 4) and three Dense layers; 143,667,240 parameters with the
 * top.
 *
 * <p>Keras equivalent: {@code keras.applications.VGG19(include_top=True, weights="imagenet", input_tensor=None,
 * input_shape=None, pooling=None, classes=1000, classifier_activation="softmax", name="vgg19")}.
 * <pre>{@code Model base = new VGG19().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class VGG19 extends VGG<VGG19> {
  public VGG19() {
    super("vgg19", new int[] {2, 2, 4, 4, 4}, "cbe5617147190e668d6c5d5026f83318",
        "253f8cb515780f3b799900260a226db6");
  }
}
