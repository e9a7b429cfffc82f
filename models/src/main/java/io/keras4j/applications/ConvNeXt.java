package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.data.NDArray;
import io.keras4j.layers.Activation;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.GlobalAveragePooling2D;
import io.keras4j.layers.GlobalMaxPooling2D;
import io.keras4j.layers.LayerNormalization;
import io.keras4j.layers.LayerScale;
import io.keras4j.layers.Normalization;
import io.keras4j.layers.Operation;
import io.keras4j.models.Model;
import io.keras4j.models.Sequential;

/**
 * ConvNeXt (Liu et al., CVPR 2022): a ResNet modernized with 7x7 depthwise convolutions, layer normalization, GELU
 * and layer scale; the subclasses fix the depths and widths. Inputs are pixels in [0, 255]: the model normalizes
 * them itself (Keras' {@code include_preprocessing=True}).
 *
 * <p>Follows keras/src/applications/convnext.py ({@code ConvNeXt}, {@code ConvNeXtBlock}, {@code PreStem},
 * {@code Head}); the input is at least 32x32. The stem and each downsampling step are nested Sequential models, as
 * in Keras.
 *
 * <p>Porting note: Keras' public variants all build with {@code drop_path_rate=0.0}, so each block ends in a linear
 * Activation "..._identity" (never a StochasticDepth layer) before the residual sum, an operation as in Keras.
 *
 * @param <T> the concrete network
 */
public abstract class ConvNeXt<T extends ConvNeXt<T>> extends Application<T> {
  private static final double[] MEAN_RGB = {0.485, 0.456, 0.406};
  private static final double[] STDDEV_RGB = {0.229, 0.224, 0.225};
  private static final double LAYER_SCALE_INIT_VALUE = 1e-6;
  private final String variant;
  private final int[] depths;
  private final int[] projectionDims;
  private final String[] hashes;
  private boolean includePreprocessing = true;

  ConvNeXt(String variant, int[] depths, int[] projectionDims, String hashTop, String hashNoTop) {
    this.variant = variant;
    this.depths = depths;
    this.projectionDims = projectionDims;
    this.hashes = new String[] {hashTop, hashNoTop};
  }

  /** Whether the model normalizes its [0, 255] input with ImageNet's mean and variance itself. Default: true. */
  public T includePreprocessing(boolean includePreprocessing) {
    this.includePreprocessing = includePreprocessing;
    return self();
  }

  @Override
  public Model build() {
    validate();
    String name = nameOr("convnext_" + variant);
    if (imagenet() && !name.contains("convnext_" + variant)) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": Model name \"" + name + "\" does not match "
          + "weights variant \"convnext_" + variant + "\". When using imagenet weights, model name must contain the "
          + "weights variant (e.g., \"convnext_" + variant + "\").");
    }
    long[] shape = obtainInputShape(224, 32);
    KerasTensor input = input(shape);
    KerasTensor x = input;
    if (includePreprocessing && shape[2] == 3) {
      x = preStem(name).apply(x);
    }
    for (int i = 0; i < 4; i++) {
      x = applySequential(i == 0 ? stem(name) : downsampling(name, i - 1), x);
      for (int j = 0; j < depths[i]; j++) {
        x = block(x, projectionDims[i], name + "_stage_" + i + "_block_" + j);
      }
    }
    x = includeTop() ? head(x, name) : poolAndNormalize(x);
    String file = name + (includeTop() ? ".h5" : "_notop.h5");
    return finish(input, x, name, WeightFile.of("convnext", file, hashes[includeTop() ? 0 : 1]));
  }

  /** Keras' {@code PreStem}: a Normalization with ImageNet's mean and variance in pixel units. */
  private static Normalization preStem(String name) {
    double[] mean = new double[3];
    double[] variance = new double[3];
    for (int c = 0; c < 3; c++) {
      mean[c] = MEAN_RGB[c] * 255;
      variance[c] = Math.pow(STDDEV_RGB[c] * 255, 2);
    }
    return new Normalization().mean(mean).variance(variance).name(name + "_prestem_normalization");
  }

  /** The stem: a Sequential of a 4x4 stride-4 convolution and a layer normalization. */
  private Sequential stem(String name) {
    return new Sequential(new Conv2D(projectionDims[0], 4).strides(4, 4).name(name + "_stem_conv"),
        layerNorm().name(name + "_stem_layernorm")).name(name + "_stem");
  }

  /** Downsampling step {@code i}: a Sequential of a layer normalization and a 2x2 stride-2 convolution. */
  private Sequential downsampling(String name, int i) {
    return new Sequential(layerNorm().name(name + "_downsampling_layernorm_" + i),
        new Conv2D(projectionDims[i + 1], 2).strides(2, 2).name(name + "_downsampling_conv_" + i))
        .name(name + "_downsampling_block_" + i);
  }

  /** {@code model} called on {@code x}: built for x's shape first, as Keras builds a Sequential on its first call. */
  private static KerasTensor applySequential(Sequential model, KerasTensor x) {
    model.buildFor(x.shape());
    return model.apply(x);
  }

  /** Keras' {@code ConvNeXtBlock}: depthwise 7x7, layer norm, an inverted bottleneck of Dense layers, layer scale. */
  private static KerasTensor block(KerasTensor inputs, int dim, String name) {
    KerasTensor x = new Conv2D(dim, 7).padding("same").groups(dim).name(name + "_depthwise_conv").apply(inputs);
    x = layerNorm().name(name + "_layernorm").apply(x);
    x = new Dense(4 * dim).name(name + "_pointwise_conv_1").apply(x);
    x = new Activation("gelu").name(name + "_gelu").apply(x);
    x = new Dense(dim).name(name + "_pointwise_conv_2").apply(x);
    x = new LayerScale(LAYER_SCALE_INIT_VALUE, dim).name(name + "_layer_scale").apply(x);
    x = new Activation("linear").name(name + "_identity").apply(x);
    return Operation.call("Add", inputs, x);
  }

  /** Keras' {@code Head}: average pooling, layer normalization and the Dense classifier, named after the model. */
  private KerasTensor head(KerasTensor x, String name) {
    x = new GlobalAveragePooling2D().name(name + "_head_gap").apply(x);
    x = layerNorm().name(name + "_head_layernorm").apply(x);
    return new Dense(classes()).activation(activation()).name(name + "_head_dense").apply(x);
  }

  /** Without the top: optional global pooling, then a layer normalization (auto-named, as in Keras). */
  private KerasTensor poolAndNormalize(KerasTensor x) {
    if ("avg".equals(pooling())) {
      x = auto(new GlobalAveragePooling2D(), "global_average_pooling2d").apply(x);
    } else if ("max".equals(pooling())) {
      x = auto(new GlobalMaxPooling2D(), "global_max_pooling2d").apply(x);
    }
    return auto(layerNorm(), "layer_normalization").apply(x);
  }

  private static LayerNormalization layerNorm() {
    return new LayerNormalization().epsilon(1e-6);
  }

  /** Returns {@code x} unchanged: Keras' {@code convnext.preprocess_input} (the model normalizes itself). */
  public static NDArray preprocessInput(NDArray x) {
    return x;
  }
}
