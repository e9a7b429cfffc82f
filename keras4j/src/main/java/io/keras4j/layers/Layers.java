package io.keras4j.layers;

import io.keras4j.saving.Config;
import io.keras4j.saving.KerasObjectConfigs;
import io.keras4j.saving.KerasObjects;
import io.keras4j.saving.Registry;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Creates layers from Keras configs: a class name and its {@code get_config()} dictionary.
 *
 * <p>Keras equivalent: {@code keras.layers.deserialize} / {@code Layer.from_config}. Keys are Keras' (Keras 3
 * names, and Keras 2's where they differ: {@code alpha} of LeakyReLU, ThresholdedReLU's {@code theta}).
 * Custom layers register with {@link #register}.
 * <pre>{@code Layer d = Layers.fromConfig("Dense", Map.of("units", 10, "activation", "relu"));}</pre>
 */
public final class Layers {
  private static final Registry<Layer> REGISTRY = new Registry<>("keras.layers", "layer", Layer.class);

  static {
    REGISTRY.add("InputLayer", InputLayer::fromConfig);
    REGISTRY.add("Dense", Dense::fromConfig);
    REGISTRY.add("Activation", Activation::fromConfig);
    REGISTRY.add("Dropout", Dropout::fromConfig);
    REGISTRY.add("SpatialDropout1D", SpatialDropout1D::fromConfig);
    REGISTRY.add("SpatialDropout2D", SpatialDropout2D::fromConfig);
    REGISTRY.add("GaussianNoise", GaussianNoise::fromConfig);
    REGISTRY.add("GaussianDropout", GaussianDropout::fromConfig);
    REGISTRY.add("Flatten", Flatten::fromConfig);
    REGISTRY.add("Reshape", Reshape::fromConfig);
    REGISTRY.add("Permute", Permute::fromConfig);
    REGISTRY.add("RepeatVector", RepeatVector::fromConfig);
    REGISTRY.add("ReLU", ReLU::fromConfig);
    REGISTRY.add("LeakyReLU", LeakyReLU::fromConfig);
    REGISTRY.add("ThresholdedReLU", ReLU::fromThresholdedConfig);
    REGISTRY.add("ELU", ELU::fromConfig);
    REGISTRY.add("PReLU", PReLU::fromConfig);
    REGISTRY.add("Softmax", Softmax::fromConfig);
    REGISTRY.add("Rescaling", Rescaling::fromConfig);
    REGISTRY.add("UnitNormalization", UnitNormalization::fromConfig);
    REGISTRY.add("ActivityRegularization", ActivityRegularization::fromConfig);
    REGISTRY.add("Normalization", Normalization::fromConfig);
    REGISTRY.add("Maxout", Maxout::fromConfig);
    REGISTRY.add("RandomCutout", RandomCutout::fromConfig);
    REGISTRY.add("Add", Add::fromConfig);
    REGISTRY.add("Subtract", Subtract::fromConfig);
    REGISTRY.add("Multiply", Multiply::fromConfig);
    REGISTRY.add("Average", Average::fromConfig);
    REGISTRY.add("Maximum", Maximum::fromConfig);
    REGISTRY.add("Minimum", Minimum::fromConfig);
    REGISTRY.add("Concatenate", Concatenate::fromConfig);
    REGISTRY.add("Dot", Dot::fromConfig);
    REGISTRY.add("TFSMLayer", TFSMLayer::fromConfig);
    for (int r = 1; r <= 3; r++) {
      final int rank = r;
      reg("Conv" + r + "D", c -> conv(c, switch (rank) {
        case 1 -> new Conv1D(c.integer("filters"), c.ints("kernel_size", null));
        case 2 -> new Conv2D(c.integer("filters"), c.ints("kernel_size", null));
        default -> new Conv3D(c.integer("filters"), c.ints("kernel_size", null));
      }));
      reg("MaxPooling" + r + "D", c -> pooling(c, rank, true));
      reg("AveragePooling" + r + "D", c -> pooling(c, rank, false));
      reg("GlobalMaxPooling" + r + "D", c -> globalPooling(c, rank, true));
      reg("GlobalAveragePooling" + r + "D", c -> globalPooling(c, rank, false));
      reg("ZeroPadding" + r + "D", c -> switch (rank) {
        case 1 -> new ZeroPadding1D(SpatialPads.fromConfig(c, "padding", 1, 1));
        case 2 -> new ZeroPadding2D(SpatialPads.fromConfig(c, "padding", 2, 1));
        default -> new ZeroPadding3D(SpatialPads.fromConfig(c, "padding", 3, 1));
      });
      reg("Cropping" + r + "D", c -> switch (rank) {
        case 1 -> new Cropping1D(SpatialPads.fromConfig(c, "cropping", 1, 1));
        case 2 -> new Cropping2D(SpatialPads.fromConfig(c, "cropping", 2, 0));
        default -> new Cropping3D(SpatialPads.fromConfig(c, "cropping", 3, 1));
      });
      reg("UpSampling" + r + "D", c -> switch (rank) {
        case 1 -> new UpSampling1D(c.ints("size", new int[] {2}));
        case 2 -> new UpSampling2D(c.ints("size", new int[] {2})).interpolation(c.string("interpolation", "nearest"));
        default -> new UpSampling3D(c.ints("size", new int[] {2}));
      });
    }
    reg("Conv1DTranspose", c -> convTranspose(c, new Conv1DTranspose(c.integer("filters"),
        c.ints("kernel_size", null))));
    reg("Conv2DTranspose", c -> convTranspose(c, new Conv2DTranspose(c.integer("filters"),
        c.ints("kernel_size", null))));
    reg("DepthwiseConv2D", c -> new DepthwiseConv2D(c.ints("kernel_size", null)).strides(c.ints("strides", new int[] {1}))
        .padding(c.string("padding", "valid")).depthMultiplier(c.integer("depth_multiplier", 1))
        .dilationRate(c.ints("dilation_rate", new int[] {1})).activation(c.identifier("activation", "linear"))
        .useBias(c.bool("use_bias", true)).dataFormat(c.string("data_format", "channels_last")));
    reg("SeparableConv2D", c -> new SeparableConv2D(c.integer("filters"), c.ints("kernel_size", null))
        .strides(c.ints("strides", new int[] {1})).padding(c.string("padding", "valid"))
        .depthMultiplier(c.integer("depth_multiplier", 1)).dilationRate(c.ints("dilation_rate", new int[] {1}))
        .activation(c.identifier("activation", "linear")).useBias(c.bool("use_bias", true))
        .dataFormat(c.string("data_format", "channels_last")));
    REGISTRY.add("BatchNormalization", BatchNormalization::fromConfig);
    REGISTRY.add("LayerNormalization", LayerNormalization::fromConfig);
    REGISTRY.add("GroupNormalization", GroupNormalization::fromConfig);
  }

  static {
    REGISTRY.add("RandomFlip", RandomFlip::fromConfig);
    REGISTRY.add("RandomRotation", RandomRotation::fromConfig);
    REGISTRY.add("RandomZoom", RandomZoom::fromConfig);
    REGISTRY.add("RandomTranslation", RandomTranslation::fromConfig);
    REGISTRY.add("RandomContrast", RandomContrast::fromConfig);
    REGISTRY.add("RandomBrightness", RandomBrightness::fromConfig);
    REGISTRY.add("RandomCrop", RandomCrop::fromConfig);
  }

  private Layers() {}

  /** Registers a layer whose reading still lives here; the base keys are applied after {@code factory}. */
  private static void reg(String className, Function<Config, Layer> factory) {
    REGISTRY.add(className, m -> {
      Config c = new Config(className, m);
      return Layer.withBaseConfig(factory.apply(c), c);
    });
  }

  /**
   * Registers a custom layer class under {@code className} (Keras' {@code register_keras_serializable} or
   * {@code custom_objects}): files naming {@code className} are read by {@code fromConfig}.
   */
  public static void register(String className, Function<Map<String, Object>, ? extends Layer> fromConfig) {
    KerasObjects.register(className, fromConfig);
  }

  /** Removes a custom class registered with {@link #register}. */
  public static void unregister(String className) {
    KerasObjects.unregister(className);
  }

  /** The registry of built-in layer classes, for tests and tools. */
  public static Registry<Layer> registry() {
    return REGISTRY;
  }

  /** The built-in class names that {@link #fromConfig} knows. */
  public static List<String> classNames() {
    return REGISTRY.classNames();
  }

  /**
   * A new layer of {@code className} configured by {@code config} (Keras' {@code keras.layers.deserialize}).
   *
   * @throws IllegalArgumentException for an unknown class (listing the known ones) or a bad value
   */
  public static Layer fromConfig(String className, Map<String, Object> config) {
    return REGISTRY.fromConfig(className, config);
  }

  /** The layer {@code spec} describes: Keras' serialized form {@code {"class_name", "config", ...}} or a Layer. */
  public static Layer deserialize(Object spec) {
    return REGISTRY.get(spec);
  }

  private static Layer conv(Config c, BaseConv<?> l) {
    if (c.has("kernel_initializer")) {
      l.kernelInitializer(KerasObjectConfigs.initializer(c.get("kernel_initializer")));
    }
    if (c.has("bias_initializer")) {
      l.biasInitializer(KerasObjectConfigs.initializer(c.get("bias_initializer")));
    }
    l.kernelRegularizer(KerasObjectConfigs.regularizer(c.get("kernel_regularizer")))
        .biasRegularizer(KerasObjectConfigs.regularizer(c.get("bias_regularizer")))
        .kernelConstraint(KerasObjectConfigs.constraint(c.get("kernel_constraint")))
        .biasConstraint(KerasObjectConfigs.constraint(c.get("bias_constraint")));
    return l.strides(c.ints("strides", new int[] {1})).padding(c.string("padding", "valid"))
        .dilationRate(c.ints("dilation_rate", new int[] {1})).groups(c.integer("groups", 1))
        .activation(c.identifier("activation", "linear")).useBias(c.bool("use_bias", true))
        .dataFormat(c.string("data_format", "channels_last"));
  }

  private static Layer convTranspose(Config c, BaseConvTranspose<?> l) {
    if (c.has("output_padding")) {
      throw new IllegalArgumentException(c.get("output_padding") + ": output_padding is not supported");
    }
    return l.strides(c.ints("strides", new int[] {1})).padding(c.string("padding", "valid"))
        .dilationRate(c.ints("dilation_rate", new int[] {1})).activation(c.identifier("activation", "linear"))
        .useBias(c.bool("use_bias", true)).dataFormat(c.string("data_format", "channels_last"));
  }

  private static Layer pooling(Config c, int rank, boolean max) {
    int[] size = c.ints("pool_size", new int[] {2});
    BasePooling<?> p = switch (rank) {
      case 1 -> max ? new MaxPooling1D(size) : new AveragePooling1D(size);
      case 2 -> max ? new MaxPooling2D(size) : new AveragePooling2D(size);
      default -> max ? new MaxPooling3D(size) : new AveragePooling3D(size);
    };
    int[] strides = c.ints("strides", null);
    if (strides != null) {
      p.strides(strides);
    }
    return p.padding(c.string("padding", "valid")).dataFormat(c.string("data_format", "channels_last"));
  }

  private static Layer globalPooling(Config c, int rank, boolean max) {
    BaseGlobalPooling<?> p = switch (rank) {
      case 1 -> max ? new GlobalMaxPooling1D() : new GlobalAveragePooling1D();
      case 2 -> max ? new GlobalMaxPooling2D() : new GlobalAveragePooling2D();
      default -> max ? new GlobalMaxPooling3D() : new GlobalAveragePooling3D();
    };
    return p.keepdims(c.bool("keepdims", false)).dataFormat(c.string("data_format", "channels_last"));
  }
}
