package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.regularizers.L1L2;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The activation, dropout, noise and reshaping layers write Keras 3.15.1's config keys (those its
 * {@code get_config()} returns for the same arguments) and read them back.
 */
class CoreLayersConfigTest {
  static final List<String> BASE = List.of("name", "trainable", "dtype");

  static Arguments keys(Supplier<Layer> layer, String... own) {
    TreeSet<String> k = new TreeSet<>(BASE);
    k.addAll(List.of(own));
    return Arguments.of(layer.get().getClass().getSimpleName(), layer, k);
  }

  static Stream<Arguments> layers() {
    return Stream.of(
        keys(() -> new Dense(2), "units", "activation", "use_bias", "kernel_initializer", "bias_initializer",
            "kernel_regularizer", "bias_regularizer", "kernel_constraint", "bias_constraint", "quantization_config"),
        keys(() -> new Activation("relu"), "activation"),
        keys(ActivityRegularization::new, "l1", "l2"),
        keys(() -> new Dropout(0.5), "rate", "seed", "noise_shape"),
        keys(() -> new GaussianNoise(0.1), "stddev", "seed"),
        keys(() -> new GaussianDropout(0.1), "rate", "seed"),
        keys(ELU::new, "alpha"),
        keys(LeakyReLU::new, "negative_slope"),
        keys(PReLU::new, "alpha_initializer", "alpha_regularizer", "alpha_constraint", "shared_axes"),
        keys(ReLU::new, "max_value", "negative_slope", "threshold"),
        keys(Softmax::new, "axis"),
        keys(Flatten::new, "data_format"),
        keys(() -> new Reshape(2, 3), "target_shape"),
        keys(() -> new Permute(2, 1), "dims"),
        keys(() -> new RepeatVector(3), "n"),
        keys(() -> new Rescaling(1 / 255.0), "scale", "offset"),
        keys(UnitNormalization::new, "axis"),
        keys(Normalization::new, "axis", "invert", "mean", "variance"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void writesKerasKeysAndReadsThemBack(String cls, Supplier<Layer> factory, Set<String> kerasKeys) {
    Map<String, Object> config = factory.get().getConfig();
    assertEquals(kerasKeys, new TreeSet<>(config.keySet()), cls);
    Layer again = Layers.fromConfig(cls, config);
    assertEquals(cls, again.getClass().getSimpleName());
    assertEquals(EveryConfig.json(config), EveryConfig.json(again.getConfig()), cls);
  }

  @Test
  void spatialDropoutsHaveNoTrainableKeyAsInKeras() {
    // Keras 3.15.1: SpatialDropout1D(0.5).get_config() == {rate, seed, name, dtype}; 2D adds data_format
    assertEquals(new TreeSet<>(List.of("rate", "seed", "name", "dtype")),
        new TreeSet<>(new SpatialDropout1D(0.5).getConfig().keySet()));
    assertEquals(new TreeSet<>(List.of("rate", "seed", "name", "dtype", "data_format")),
        new TreeSet<>(new SpatialDropout2D(0.5).getConfig().keySet()));
    SpatialDropout2D d = SpatialDropout2D.fromConfig(Map.of("rate", 0.25, "seed", 3, "data_format", "channels_first"));
    assertEquals(0.25, d.rate());
    assertEquals(3L, d.seed());
    assertEquals("channels_first", d.getConfig().get("data_format"));
  }

  @Test
  void inputLayerKeys() {
    Map<String, Object> c = new InputLayer(3).getConfig();
    assertEquals(new TreeSet<>(List.of("batch_shape", "dtype", "sparse", "ragged", "name", "optional")),
        new TreeSet<>(c.keySet()));
    Map<String, Object> keras = new HashMap<>();
    keras.put("batch_shape", java.util.Arrays.asList(null, 4, 2));
    keras.put("dtype", "float32");
    keras.put("sparse", false);
    keras.put("ragged", false);
    keras.put("name", "pixels");
    keras.put("optional", false);
    InputLayer in = InputLayer.fromConfig(keras);
    assertEquals("pixels", in.name());
    assertEquals(List.of(-1L, 4L, 2L), java.util.Arrays.stream(in.batchShape().dims()).boxed().toList());
    keras.put("sparse", true);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> InputLayer.fromConfig(keras));
    assertTrue(e.getMessage().contains("sparse"), e.getMessage());
  }

  @Test
  void kerasDefaults() {
    assertEquals(0.3, new LeakyReLU().getConfig().get("negative_slope"));
    assertEquals(1.0, new ELU().getConfig().get("alpha"));
    Map<String, Object> relu = new ReLU().getConfig();
    assertNull(relu.get("max_value"));
    assertEquals(0.0, relu.get("negative_slope"));
    assertEquals(0.0, relu.get("threshold"));
    assertEquals(-1, new Softmax().getConfig().get("axis"));
    assertEquals("channels_last", new Flatten().getConfig().get("data_format"));
    assertEquals(0.0, new Rescaling(2).getConfig().get("offset"));
    assertNull(new Dropout(0.1).getConfig().get("noise_shape"));
    Map<String, Object> prelu = new PReLU().getConfig();
    assertEquals("Zeros", ((Map<?, ?>) prelu.get("alpha_initializer")).get("class_name"));
    assertNull(prelu.get("alpha_regularizer"));
    assertNull(prelu.get("shared_axes"));
  }

  @Test
  void kerasTwoKeysStillRead() {
    assertEquals(0.2, Layers.fromConfig("LeakyReLU", Map.of("alpha", 0.2)).getConfig().get("negative_slope"));
    Layer thresholded = Layers.fromConfig("ThresholdedReLU", Map.of("theta", 0.5));
    assertEquals(ReLU.class, thresholded.getClass());
    assertEquals(0.5, thresholded.getConfig().get("threshold"));
    Map<String, Object> noiseShape = new HashMap<>();
    noiseShape.put("rate", 0.5);
    noiseShape.put("noise_shape", java.util.Arrays.asList(null, 1, 4));
    Map<String, Object> d = Layers.fromConfig("Dropout", noiseShape).getConfig();
    assertEquals(java.util.Arrays.asList(null, 1, 4), d.get("noise_shape"));
  }

  @Test
  void settersStoreKerasValues() {
    ReLU r = new ReLU().maxValue(6).negativeSlope(0.1).threshold(0.5);
    assertEquals(6.0, r.getConfig().get("max_value"));
    assertEquals(6.0, ReLU.fromConfig(r.getConfig()).maxValue());
    assertEquals(List.of(1, 2), EveryConfig.list(new PReLU().sharedAxes(1, 2).getConfig().get("shared_axes")));
    ActivityRegularization a = new ActivityRegularization().l1(0.01).l2(0.02);
    assertEquals(0.01, a.getConfig().get("l1"));
    assertEquals(0.02, a.getConfig().get("l2"));
    assertEquals(new L1L2(0.01, 0.02).getConfig(), a.activityRegularizer().getConfig());
    assertEquals("channels_first", new Flatten().dataFormat("channels_first").getConfig().get("data_format"));
    assertEquals(-2.0, new Rescaling(1).offset(-2).getConfig().get("offset"));
    assertEquals(1, new Softmax().axis(1).getConfig().get("axis"));
  }

  @Test
  void badValuesNameTheArgument() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new ReLU().maxValue(-1)).getMessage()
        .contains("max_value"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new LeakyReLU().negativeSlope(-0.1)).getMessage()
        .contains("negative_slope=-0.1"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new Flatten().dataFormat("nchw")).getMessage()
        .contains("data_format=nchw"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> new PReLU().sharedAxes(0)).getMessage()
        .contains("shared_axes"));
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> Layers.fromConfig("Dense", Map.of("units", 2, "quantization_config", Map.of("mode", "int8"))))
        .getMessage().contains("quantization_config"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> Layers.fromConfig("Reshape", Map.of()))
        .getMessage().contains("target_shape"));
  }

  @Test
  void requiredRatesAreRequired() {
    // Keras raises on a missing required argument; a silent 0 would give a layer that does nothing
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Dropout.fromConfig(Map.of()));
    assertTrue(e.getMessage().contains("`rate`"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> GaussianNoise.fromConfig(Map.of("seed", 1)));
  }
}
