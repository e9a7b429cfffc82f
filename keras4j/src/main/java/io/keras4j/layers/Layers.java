package io.keras4j.layers;

import io.keras4j.saving.Config;
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
    REGISTRY.add("InputLayer", m -> {
      Config c = new Config("InputLayer", m);
      return new InputLayer(io.keras4j.backend.Shape.of(Layer.batchShape(c)), c.string("name", null));
    });
    REGISTRY.add("Dense", Dense::fromConfig);
    reg("Activation", c -> new Activation(c.identifier("activation", null)));
    reg("Dropout", c -> dropout(c, new Dropout(c.number("rate", 0))));
    reg("SpatialDropout1D", c -> dropout(c, new SpatialDropout1D(c.number("rate", 0))));
    reg("SpatialDropout2D", c -> dropout(c, new SpatialDropout2D(c.number("rate", 0))));
    reg("GaussianNoise", c -> {
      GaussianNoise g = new GaussianNoise(c.number("stddev", 0));
      return c.has("seed") ? g.seed(((Number) c.get("seed")).longValue()) : g;
    });
    reg("GaussianDropout", c -> {
      GaussianDropout g = new GaussianDropout(c.number("rate", 0));
      return c.has("seed") ? g.seed(((Number) c.get("seed")).longValue()) : g;
    });
    reg("Flatten", c -> new Flatten());
    reg("Reshape", c -> new Reshape(c.ints("target_shape", null)));
    reg("Permute", c -> new Permute(c.ints("dims", null)));
    reg("RepeatVector", c -> new RepeatVector(c.integer("n")));
    reg("ReLU", c -> new ReLU().maxValue(c.optionalNumber("max_value")).negativeSlope(c.number("negative_slope", 0))
        .threshold(c.number("threshold", 0)));
    reg("LeakyReLU", c -> new LeakyReLU(c.number("negative_slope", c.number("alpha", 0.3))));
    reg("ThresholdedReLU", c -> new ReLU().threshold(c.number("theta", 1.0)));
    reg("ELU", c -> new ELU(c.number("alpha", 1.0)));
    reg("PReLU", c -> new PReLU());
    reg("Softmax", c -> new Softmax(c.integer("axis", -1)));
    reg("Rescaling", c -> new Rescaling(c.number("scale", 1), c.number("offset", 0)));
    reg("UnitNormalization", c -> new UnitNormalization(c.integer("axis", -1)));
    reg("ActivityRegularization", c -> new ActivityRegularization(c.number("l1", 0), c.number("l2", 0)));
    reg("Normalization", c -> new Normalization());
    reg("Maxout", c -> new Maxout(c.integer("units"), c.integer("pieces")));
    reg("RandomCutout", c -> seeded(c, new RandomCutout(c.number("height_factor", 0.5), c.number("width_factor", 0.5))
        .fillValue(c.number("fill_value", 0))));
    reg("Add", c -> new Add());
    reg("Subtract", c -> new Subtract());
    reg("Multiply", c -> new Multiply());
    reg("Average", c -> new Average());
    reg("Maximum", c -> new Maximum());
    reg("Minimum", c -> new Minimum());
    reg("Concatenate", c -> new Concatenate(c.integer("axis", -1)));
    reg("Dot", c -> {
      int[] axes = c.ints("axes", null);
      return new Dot(axes[0], axes.length > 1 ? axes[1] : axes[0]).normalize(c.bool("normalize", false));
    });
    REGISTRY.add("Conv1D", Conv1D::fromConfig, "Convolution1D");
    REGISTRY.add("Conv2D", Conv2D::fromConfig, "Convolution2D");
    REGISTRY.add("Conv3D", Conv3D::fromConfig, "Convolution3D");
    REGISTRY.add("Conv1DTranspose", Conv1DTranspose::fromConfig, "Convolution1DTranspose");
    REGISTRY.add("Conv2DTranspose", Conv2DTranspose::fromConfig, "Convolution2DTranspose");
    REGISTRY.add("Conv3DTranspose", Conv3DTranspose::fromConfig, "Convolution3DTranspose");
    REGISTRY.add("DepthwiseConv1D", DepthwiseConv1D::fromConfig);
    REGISTRY.add("DepthwiseConv2D", DepthwiseConv2D::fromConfig);
    REGISTRY.add("SeparableConv1D", SeparableConv1D::fromConfig, "SeparableConvolution1D");
    REGISTRY.add("SeparableConv2D", SeparableConv2D::fromConfig, "SeparableConvolution2D");
    REGISTRY.add("MaxPooling1D", MaxPooling1D::fromConfig, "MaxPool1D");
    REGISTRY.add("MaxPooling2D", MaxPooling2D::fromConfig, "MaxPool2D");
    REGISTRY.add("MaxPooling3D", MaxPooling3D::fromConfig, "MaxPool3D");
    REGISTRY.add("AveragePooling1D", AveragePooling1D::fromConfig, "AvgPool1D");
    REGISTRY.add("AveragePooling2D", AveragePooling2D::fromConfig, "AvgPool2D");
    REGISTRY.add("AveragePooling3D", AveragePooling3D::fromConfig, "AvgPool3D");
    REGISTRY.add("GlobalMaxPooling1D", GlobalMaxPooling1D::fromConfig, "GlobalMaxPool1D");
    REGISTRY.add("GlobalMaxPooling2D", GlobalMaxPooling2D::fromConfig, "GlobalMaxPool2D");
    REGISTRY.add("GlobalMaxPooling3D", GlobalMaxPooling3D::fromConfig, "GlobalMaxPool3D");
    REGISTRY.add("GlobalAveragePooling1D", GlobalAveragePooling1D::fromConfig, "GlobalAvgPool1D");
    REGISTRY.add("GlobalAveragePooling2D", GlobalAveragePooling2D::fromConfig, "GlobalAvgPool2D");
    REGISTRY.add("GlobalAveragePooling3D", GlobalAveragePooling3D::fromConfig, "GlobalAvgPool3D");
    REGISTRY.add("ZeroPadding1D", ZeroPadding1D::fromConfig);
    REGISTRY.add("ZeroPadding2D", ZeroPadding2D::fromConfig);
    REGISTRY.add("ZeroPadding3D", ZeroPadding3D::fromConfig);
    REGISTRY.add("Cropping1D", Cropping1D::fromConfig);
    REGISTRY.add("Cropping2D", Cropping2D::fromConfig);
    REGISTRY.add("Cropping3D", Cropping3D::fromConfig);
    REGISTRY.add("UpSampling1D", UpSampling1D::fromConfig);
    REGISTRY.add("UpSampling2D", UpSampling2D::fromConfig);
    REGISTRY.add("UpSampling3D", UpSampling3D::fromConfig);
    reg("BatchNormalization", c -> new BatchNormalization().axis(axis(c)).momentum(c.number("momentum", 0.99))
        .epsilon(c.number("epsilon", 1e-3)).center(c.bool("center", true)).scale(c.bool("scale", true)));
    reg("LayerNormalization", c -> new LayerNormalization().axis(axis(c)).epsilon(c.number("epsilon", 1e-3))
        .center(c.bool("center", true)).scale(c.bool("scale", true)));
    reg("GroupNormalization", c -> new GroupNormalization().groups(c.integer("groups", 32))
        .epsilon(c.number("epsilon", 1e-3)).center(c.bool("center", true)).scale(c.bool("scale", true)));
  }

  static {
    reg("RandomFlip", c -> seeded(c, new RandomFlip(c.string("mode", "horizontal_and_vertical"))));
    reg("RandomRotation", c -> affine(c, factor(c, "factor", (lo, hi) -> new RandomRotation(lo, hi))));
    reg("RandomZoom", c -> affine(c, factor(c, "height_factor", (lo, hi) -> new RandomZoom(lo, hi))));
    reg("RandomTranslation", c -> affine(c, new RandomTranslation(c.number("height_factor", 0),
        c.number("width_factor", 0))));
    // contrast factors are magnitudes: f means [1 - f, 1 + f], (a, b) means [1 - a, 1 + b]
    reg("RandomContrast", c -> seeded(c, c.get("factor") instanceof List<?> l
        ? new RandomContrast(((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue())
        : new RandomContrast(c.number("factor", 0))));
    reg("RandomBrightness", c -> seeded(c, factor(c, "factor", RandomBrightness::new)));
    reg("RandomCrop", c -> seeded(c, new RandomCrop(c.integer("height"), c.integer("width"))));
  }

  private Layers() {}

  /** A factor given as one number f (meaning [-f, f]) or a (lower, upper) pair. */
  private static <L> L factor(Config c, String key, java.util.function.BiFunction<Double, Double, L> make) {
    Object v = c.get(key);
    if (v instanceof List<?> l) {
      return make.apply(((Number) l.get(0)).doubleValue(), ((Number) l.get(1)).doubleValue());
    }
    double f = c.number(key, 0);
    return make.apply(-Math.abs(f), Math.abs(f));
  }

  private static Layer seeded(Config c, RandomImageLayer l) {
    if (c.has("seed")) {
      l.seed(((Number) c.get("seed")).longValue());
    }
    return l;
  }

  private static Layer affine(Config c, RandomAffine l) {
    l.fillMode(c.string("fill_mode", "reflect")).interpolation(c.string("interpolation", "bilinear"))
        .fillValue(c.number("fill_value", 0));
    return seeded(c, l);
  }

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

  private static Layer dropout(Config c, Dropout d) {
    if (c.has("seed")) {
      d.seed(((Number) c.get("seed")).longValue());
    }
    if (c.get("noise_shape") instanceof List<?>) {
      d.noiseShape(c.ints("noise_shape", null));
    }
    return d;
  }

  private static int axis(Config c) {
    int[] a = c.ints("axis", new int[] {-1});
    if (a.length != 1) {
      throw new IllegalArgumentException("Only a single normalisation axis is supported. Received: axis="
          + java.util.Arrays.toString(a));
    }
    return a[0];
  }
}
