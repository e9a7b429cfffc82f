package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.GraphFixture;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.regularizers.L2;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The convolution, pooling, padding, cropping and upsampling layers: Keras' default configs (values, keys and their
 * order, from the table Keras 3.15.1 generated), Keras 2's shorter forms, and the keywords keras4j added to them.
 */
class ConvolutionalConfigTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Each class built by keras4j's constructor with the arguments the Keras table used. */
  static Stream<Arguments> defaults() {
    List<Arguments> out = new ArrayList<>();
    add(out, "Conv1D", () -> new Conv1D(4, 3));
    add(out, "Conv2D", () -> new Conv2D(4, 3));
    add(out, "Conv3D", () -> new Conv3D(4, 3));
    add(out, "Conv1DTranspose", () -> new Conv1DTranspose(4, 3));
    add(out, "Conv2DTranspose", () -> new Conv2DTranspose(4, 3));
    add(out, "Conv3DTranspose", () -> new Conv3DTranspose(4, 3));
    add(out, "DepthwiseConv1D", () -> new DepthwiseConv1D(3));
    add(out, "DepthwiseConv2D", () -> new DepthwiseConv2D(3));
    add(out, "SeparableConv1D", () -> new SeparableConv1D(4, 3));
    add(out, "SeparableConv2D", () -> new SeparableConv2D(4, 3));
    add(out, "MaxPooling1D", MaxPooling1D::new);
    add(out, "MaxPooling2D", MaxPooling2D::new);
    add(out, "MaxPooling3D", MaxPooling3D::new);
    add(out, "AveragePooling1D", () -> new AveragePooling1D(2));
    add(out, "AveragePooling2D", () -> new AveragePooling2D(2));
    add(out, "AveragePooling3D", () -> new AveragePooling3D(2));
    add(out, "GlobalMaxPooling1D", GlobalMaxPooling1D::new);
    add(out, "GlobalMaxPooling2D", GlobalMaxPooling2D::new);
    add(out, "GlobalMaxPooling3D", GlobalMaxPooling3D::new);
    add(out, "GlobalAveragePooling1D", GlobalAveragePooling1D::new);
    add(out, "GlobalAveragePooling2D", GlobalAveragePooling2D::new);
    add(out, "GlobalAveragePooling3D", GlobalAveragePooling3D::new);
    add(out, "ZeroPadding1D", ZeroPadding1D::new);
    add(out, "ZeroPadding2D", ZeroPadding2D::new);
    add(out, "ZeroPadding3D", ZeroPadding3D::new);
    add(out, "Cropping1D", Cropping1D::new);
    add(out, "Cropping2D", Cropping2D::new);
    add(out, "Cropping3D", Cropping3D::new);
    add(out, "UpSampling1D", UpSampling1D::new);
    add(out, "UpSampling2D", UpSampling2D::new);
    add(out, "UpSampling3D", UpSampling3D::new);
    return out.stream();
  }

  private static void add(List<Arguments> out, String cls, Supplier<Layer> make) {
    out.add(Arguments.of(cls, make));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> kerasConfig(String cls) throws IOException {
    try (InputStream in = ConvolutionalConfigTest.class.getResourceAsStream(
        "/io/keras4j/saving/keras_config_keys.json")) {
      Map<String, Object> table = JSON.readValue(in, Map.class);
      Map<String, Object> layers = (Map<String, Object>) ((Map<String, Object>) table.get("modules"))
          .get("keras.layers");
      return (Map<String, Object>) ((Map<String, Object>) layers.get(cls)).get("config");
    }
  }

  /**
   * A config as JSON would write it, without the layer's name and dtype (the dtype policy is Layer's business) and
   * with each initializer reduced to its class name (their own keys are the initializers' business).
   */
  @SuppressWarnings("unchecked")
  private static Map<String, Object> comparable(Map<String, Object> config) {
    Map<String, Object> c = new LinkedHashMap<>(JSON.convertValue(config, Map.class));
    c.remove("name");
    c.remove("dtype");
    c.replaceAll((k, v) -> k.endsWith("_initializer") && v instanceof Map<?, ?> m ? m.get("class_name") : v);
    return c;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void defaultConfigIsKeras(String cls, Supplier<Layer> make) throws IOException {
    Map<String, Object> keras = comparable(kerasConfig(cls));
    Map<String, Object> ours = comparable(make.get().getConfig());
    assertEquals(keras, ours, cls + ": default config against Keras 3.15.1's");
  }

  @Test
  void keysComeInKerasOrder() {
    // the key order of keras.layers.Conv2D(4, 3).get_config() and SeparableConv2D(4, 3).get_config() in Keras 3.15.1
    assertEquals(List.of("name", "trainable", "dtype", "filters", "kernel_size", "strides", "padding", "data_format",
        "dilation_rate", "groups", "activation", "use_bias", "kernel_initializer", "bias_initializer",
        "kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"),
        List.copyOf(new Conv2D(4, 3).getConfig().keySet()));
    assertEquals(List.of("name", "trainable", "dtype", "depth_multiplier", "filters", "kernel_size", "strides",
        "padding", "data_format", "dilation_rate", "activation", "use_bias", "depthwise_initializer",
        "pointwise_initializer", "bias_initializer", "depthwise_regularizer", "pointwise_regularizer",
        "bias_regularizer", "activity_regularizer", "depthwise_constraint", "pointwise_constraint", "bias_constraint"),
        List.copyOf(new SeparableConv2D(4, 3).getConfig().keySet()));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("defaults")
  void kerasConfigRoundTrips(String cls, Supplier<Layer> make) throws IOException {
    Layer read = Layers.fromConfig(cls, kerasConfig(cls));
    assertEquals(cls, read.getClass().getSimpleName());
    assertEquals(comparable(kerasConfig(cls)), comparable(read.getConfig()));
  }

  @Test
  void conv2DWritesItsTuplesAsListsAndActivityRegularizerAlways() {
    Map<String, Object> c = new Conv2D(8, 3, 5).strides(2, 1).getConfig();
    assertEquals(List.of(3, 5), c.get("kernel_size"));
    assertEquals(List.of(2, 1), c.get("strides"));
    assertTrue(c.containsKey("activity_regularizer"));
    assertNull(c.get("activity_regularizer"));
  }

  @Test
  void croppingAndPoolingDefaultsAreKeras() {
    assertEquals(List.of(List.of(0, 0), List.of(0, 0)), new Cropping2D().getConfig().get("cropping"));
    assertEquals(List.of(1, 1), new Cropping1D().getConfig().get("cropping"));
    Map<String, Object> pool = new MaxPooling2D(3).getConfig();
    assertEquals(List.of(3, 3), pool.get("strides"), "strides default to pool_size");
    assertEquals("valid", pool.get("padding"));
    assertEquals("channels_last", pool.get("data_format"));
  }

  @Test
  void readsKeras2ShortForms() {
    Map<String, Object> pool = Layers.fromConfig("MaxPooling2D", Map.of("pool_size", 3)).getConfig();
    assertEquals(List.of(3, 3), pool.get("pool_size"));
    assertEquals(List.of(3, 3), pool.get("strides"));
    assertEquals(List.of(2, 2), Layers.fromConfig("UpSampling2D", Map.of("size", 2)).getConfig().get("size"));
    Map<String, Object> conv = Layers.fromConfig("Conv2D", Map.of("filters", 2, "kernel_size", 3, "strides", 2))
        .getConfig();
    assertEquals(List.of(3, 3), conv.get("kernel_size"));
    assertEquals(List.of(2, 2), conv.get("strides"));
    assertEquals(List.of(2, 2), Layers.fromConfig("ZeroPadding1D", Map.of("padding", 2)).getConfig().get("padding"));
    assertTrue(Layers.fromConfig("Convolution2D", Map.of("filters", 2, "kernel_size", 3)) instanceof Conv2D);
    assertTrue(Layers.fromConfig("MaxPool2D", Map.of()) instanceof MaxPooling2D);
  }

  @Test
  void kernelAndBiasSettingsRoundTrip() {
    Conv2D conv = new Conv2D(4, 3).kernelInitializer("he_normal").kernelRegularizer(new L2(0.01))
        .biasConstraint("non_neg").biasInitializer("ones").activityRegularizer("l2");
    Map<String, Object> c = conv.getConfig();
    assertEquals("HeNormal", comparable(c).get("kernel_initializer"));
    assertEquals("Ones", comparable(c).get("bias_initializer"));
    Map<String, Object> again = Conv2D.fromConfig(c).getConfig();
    assertEquals(JSON.convertValue(c, Map.class), JSON.convertValue(again, Map.class));
    SeparableConv2D sep = new SeparableConv2D(4, 3).depthwiseRegularizer("l1").pointwiseConstraint("unit_norm");
    Map<String, Object> s = sep.getConfig();
    assertEquals(JSON.convertValue(s, Map.class), JSON.convertValue(SeparableConv2D.fromConfig(s).getConfig(),
        Map.class));
    assertTrue(s.get("depthwise_regularizer") instanceof Map && s.get("pointwise_constraint") instanceof Map);
    assertNull(s.get("pointwise_regularizer"));
  }

  @Test
  void settersChainInAnyOrder() {
    Conv2D conv = new Conv2D(16, 3).inputShape(28, 28, 1).activation("relu").name("conv").strides(2)
        .padding("same").kernelInitializer("he_normal").groups(1).useBias(false);
    DepthwiseConv2D dw = new DepthwiseConv2D(3).name("dw").depthMultiplier(2).depthwiseInitializer("ones");
    MaxPooling2D pool = new MaxPooling2D(2).name("pool").strides(1).padding("same");
    Cropping2D crop = new Cropping2D(1).name("crop").dataFormat("channels_last");
    UpSampling2D up = new UpSampling2D(2).trainable(false).interpolation("bilinear");
    assertEquals(List.of("conv", "dw", "pool", "crop"), List.of(conv.name(), dw.name(), pool.name(), crop.name()));
    assertEquals("bilinear", up.getConfig().get("interpolation"));
  }

  @Test
  void outputPaddingLengthensTheTransposedConvolution() {
    // input [1, 2], kernel [1, 1, 1], stride 2, valid: taps at 0..2 and 2..4 give [1, 1, 3, 2, 2]; padding 1 adds 0
    Conv1DTranspose t = new Conv1DTranspose(1, 3).strides(2).outputPadding(1).useBias(false);
    t.apply(Input.of(2, 1));
    t.setWeights(List.of(NDArray.of(new float[] {1, 1, 1}, 3, 1, 1)));
    float[] y = GraphFixture.eval1(new float[] {1, 2}, Shape.of(1, 2, 1), x -> t.apply(x, false));
    assertArrayEquals(new float[] {1, 1, 3, 2, 2, 0}, y);
    assertEquals(List.of(1), t.getConfig().get("output_padding"));
    // 'same': (2 - 1) * 2 + 3 - 2 * 1 + 1 = 4 values, the full output [1, 1, 3, 2, 2] cropped by 0 before
    Conv1DTranspose same = new Conv1DTranspose(1, 3).strides(2).padding("same").outputPadding(1).useBias(false);
    same.apply(Input.of(2, 1));
    same.setWeights(List.of(NDArray.of(new float[] {1, 1, 1}, 3, 1, 1)));
    float[] s = GraphFixture.eval1(new float[] {1, 2}, Shape.of(1, 2, 1), x -> same.apply(x, false));
    assertArrayEquals(new float[] {1, 1, 3, 2}, s);
  }

  @Test
  void outputPaddingMustStayBelowTheStride() {
    Conv2DTranspose t = new Conv2DTranspose(1, 3).strides(2).outputPadding(2).name("up");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> t.apply(Input.of(4, 4, 1)));
    assertTrue(e.getMessage().contains("'up'") && e.getMessage().contains("output_padding=[2, 2]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Conv2DTranspose(1, 3).outputPadding(1, 1, 1));
  }

  @Test
  void oneDimensionalDepthwiseAndSeparableConvolutions() {
    // input [1, 2, 3], depthwise kernel [1, 10]: [1 + 20, 2 + 30]; pointwise kernel [2] doubles it
    DepthwiseConv1D dw = new DepthwiseConv1D(2).useBias(false);
    dw.apply(Input.of(3, 1));
    dw.setWeights(List.of(NDArray.of(new float[] {1, 10}, 2, 1, 1)));
    assertArrayEquals(new float[] {21, 32},
        GraphFixture.eval1(new float[] {1, 2, 3}, Shape.of(1, 3, 1), x -> dw.apply(x, false)));
    SeparableConv1D sep = new SeparableConv1D(1, 2).useBias(false);
    sep.apply(Input.of(3, 1));
    sep.setWeights(List.of(NDArray.of(new float[] {1, 10}, 2, 1, 1), NDArray.of(new float[] {2}, 1, 1, 1)));
    assertArrayEquals(new float[] {42, 64},
        GraphFixture.eval1(new float[] {1, 2, 3}, Shape.of(1, 3, 1), x -> sep.apply(x, false)));
  }

  @Test
  void conv3DTransposeShape() {
    Conv3DTranspose t = new Conv3DTranspose(2, 2).strides(2);
    assertEquals(Shape.of(-1, 4, 4, 4, 2), t.apply(Input.of(2, 2, 2, 3)).shape());
    assertEquals(2 * 2 * 2 * 2 * 3 + 2, t.countParams());
  }

  @Test
  void invalidArgumentsSayWhatWasReceived() {
    IllegalArgumentException filters = assertThrows(IllegalArgumentException.class, () -> new Conv2D(0, 3));
    assertTrue(filters.getMessage().contains("filters=0"), filters.getMessage());
    IllegalArgumentException pad = assertThrows(IllegalArgumentException.class,
        () -> new Conv2D(1, 3).padding("causal"));
    assertTrue(pad.getMessage().contains("causal"), pad.getMessage());
    new Conv1D(1, 3).padding("causal");
    IllegalArgumentException k = assertThrows(IllegalArgumentException.class, () -> new Conv2D(1, 3, 3, 3));
    assertTrue(k.getMessage().contains("kernel_size=[3, 3, 3]"), k.getMessage());
    IllegalArgumentException dm = assertThrows(IllegalArgumentException.class,
        () -> new DepthwiseConv2D(3).depthMultiplier(0));
    assertTrue(dm.getMessage().contains("depth_multiplier=0"), dm.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> Layers.fromConfig("Conv2D", Map.of("filters", 2)));
    assertTrue(missing.getMessage().contains("kernel_size"), missing.getMessage());
  }
}
