package io.keras4j.applications;

/**
 * NASNetMobile: 4 normal cells per stage, penultimate width 1056, 224x224 inputs by default (also without the top).
 *
 * <p>Keras equivalent: {@code keras.applications.NASNetMobile(input_shape=None, include_top=True,
 * weights="imagenet", input_tensor=None, pooling=None, classes=1000, classifier_activation="softmax",
 * name="nasnet_mobile")}.
 * <pre>{@code Model base = new NASNetMobile().includeTop(false).pooling("avg").weights(null).build();}</pre>
 */
public final class NASNetMobile extends NASNet<NASNetMobile> {
  public NASNetMobile() {
    super(1056, 4, 32, false, 224, "nasnet_mobile",
        file("nasnet_mobile.h5", "NASNet-mobile.h5", "020fb642bf7360b370c678b08e0adf61"),
        file("nasnet_mobile_no_top.h5", "NASNet-mobile-no-top.h5", "1ed92395b5b598bdda52abe5c0dbfd63"));
  }

  /** Keras' NASNetMobile builds 224x224 also without the top when no input shape is given. */
  @Override
  long[] defaultInputShape() {
    return !includeTop() && requestedInputShape() == null ? new long[] {224, 224, 3} : super.defaultInputShape();
  }
}
