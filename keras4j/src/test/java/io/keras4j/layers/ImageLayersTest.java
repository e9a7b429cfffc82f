package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.GraphFixture;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The convolutional stack: Keras' shapes and parameter counts, hand-worked values, gradients, a training step. */
class ImageLayersTest {
  static Stream<Arguments> layers() {
    return Stream.of(
        Arguments.of("Conv1D", LayerHarness.of(() -> new Conv1D(3, 2)).input(5, 2).output(-1, 4, 3).weights(2, 0)),
        Arguments.of("Conv1D causal", LayerHarness.of(() -> new Conv1D(2, 3).padding("causal").dilationRate(2))
            .input(6, 1).output(-1, 6, 2).weights(2, 0)),
        Arguments.of("Conv2D", LayerHarness.of(() -> new Conv2D(4, 3).padding("same").strides(2)).input(5, 5, 2)
            .output(-1, 3, 3, 4).weights(2, 0)),
        Arguments.of("Conv2D dilated", LayerHarness.of(() -> new Conv2D(2, 3).dilationRate(2)).input(6, 6, 1)
            .output(-1, 2, 2, 2).weights(2, 0)),
        Arguments.of("Conv2D groups", LayerHarness.of(() -> new Conv2D(4, 1).groups(2)).input(3, 3, 4)
            .output(-1, 3, 3, 4).weights(2, 0)),
        Arguments.of("Conv3D", LayerHarness.of(() -> new Conv3D(2, 2)).input(3, 3, 3, 1).output(-1, 2, 2, 2, 2)
            .weights(2, 0)),
        Arguments.of("Conv1DTranspose", LayerHarness.of(() -> new Conv1DTranspose(2, 3).strides(2)).input(4, 3)
            .output(-1, 9, 2).weights(2, 0)),
        Arguments.of("Conv2DTranspose", LayerHarness.of(() -> new Conv2DTranspose(3, 3).strides(2).padding("same"))
            .input(3, 3, 2).output(-1, 6, 6, 3).weights(2, 0)),
        Arguments.of("Conv1DTranspose output_padding", LayerHarness.of(() -> new Conv1DTranspose(2, 3).strides(2)
            .outputPadding(1)).input(4, 3).output(-1, 10, 2).weights(2, 0)),
        Arguments.of("Conv3DTranspose", LayerHarness.of(() -> new Conv3DTranspose(2, 2).strides(2)).input(2, 2, 2, 2)
            .output(-1, 4, 4, 4, 2).weights(2, 0)),
        Arguments.of("DepthwiseConv1D", LayerHarness.of(() -> new DepthwiseConv1D(3).depthMultiplier(2)).input(5, 2)
            .output(-1, 3, 4).weights(2, 0)),
        Arguments.of("SeparableConv1D", LayerHarness.of(() -> new SeparableConv1D(3, 2).padding("same")).input(4, 2)
            .output(-1, 4, 3).weights(3, 0)),
        Arguments.of("DepthwiseConv2D", LayerHarness.of(() -> new DepthwiseConv2D(3).depthMultiplier(2)).input(5, 5, 2)
            .output(-1, 3, 3, 4).weights(2, 0)),
        Arguments.of("SeparableConv2D", LayerHarness.of(() -> new SeparableConv2D(4, 3).padding("same")).input(4, 4, 2)
            .output(-1, 4, 4, 4).weights(3, 0)),
        Arguments.of("MaxPooling1D", LayerHarness.of(MaxPooling1D::new).input(6, 2).output(-1, 3, 2).weights(0, 0)),
        Arguments.of("MaxPooling2D", LayerHarness.of(() -> new MaxPooling2D(2).padding("same")).input(5, 5, 2)
            .output(-1, 3, 3, 2).weights(0, 0)),
        Arguments.of("MaxPooling3D", LayerHarness.of(MaxPooling3D::new).input(4, 4, 4, 1).output(-1, 2, 2, 2, 1)
            .weights(0, 0)),
        Arguments.of("AveragePooling1D", LayerHarness.of(() -> new AveragePooling1D(3).strides(1)).input(5, 2)
            .output(-1, 3, 2).weights(0, 0)),
        Arguments.of("AveragePooling2D", LayerHarness.of(AveragePooling2D::new).input(4, 4, 3).output(-1, 2, 2, 3)
            .weights(0, 0)),
        Arguments.of("AveragePooling3D", LayerHarness.of(AveragePooling3D::new).input(2, 2, 2, 1)
            .output(-1, 1, 1, 1, 1).weights(0, 0)),
        Arguments.of("GlobalMaxPooling1D", LayerHarness.of(GlobalMaxPooling1D::new).input(4, 3).output(-1, 3)
            .weights(0, 0)),
        Arguments.of("GlobalAveragePooling2D", LayerHarness.of(() -> new GlobalAveragePooling2D().keepdims(true))
            .input(3, 3, 2).output(-1, 1, 1, 2).weights(0, 0)),
        Arguments.of("GlobalMaxPooling2D", LayerHarness.of(GlobalMaxPooling2D::new).input(3, 3, 2).output(-1, 2)
            .weights(0, 0)),
        Arguments.of("GlobalAveragePooling1D", LayerHarness.of(GlobalAveragePooling1D::new).input(5, 2).output(-1, 2)
            .weights(0, 0)),
        Arguments.of("UpSampling1D", LayerHarness.of(() -> new UpSampling1D(3)).input(2, 2).output(-1, 6, 2)
            .weights(0, 0)),
        Arguments.of("UpSampling2D", LayerHarness.of(UpSampling2D::new).input(2, 3, 1).output(-1, 4, 6, 1)
            .weights(0, 0)),
        Arguments.of("UpSampling2D bilinear", LayerHarness.of(() -> new UpSampling2D(2).interpolation("bilinear"))
            .input(2, 2, 1).output(-1, 4, 4, 1).weights(0, 0)),
        Arguments.of("ZeroPadding1D", LayerHarness.of(() -> new ZeroPadding1D(1, 2)).input(3, 2).output(-1, 6, 2)
            .weights(0, 0)),
        Arguments.of("ZeroPadding2D", LayerHarness.of(() -> new ZeroPadding2D(new int[][] {{1, 0}, {2, 1}}))
            .input(2, 2, 1).output(-1, 3, 5, 1).weights(0, 0)),
        Arguments.of("Cropping1D", LayerHarness.of(() -> new Cropping1D(1, 2)).input(6, 2).output(-1, 3, 2)
            .weights(0, 0)),
        Arguments.of("Cropping2D", LayerHarness.of(() -> new Cropping2D(1)).input(4, 5, 1).output(-1, 2, 3, 1)
            .weights(0, 0)),
        Arguments.of("BatchNormalization", LayerHarness.of(BatchNormalization::new).input(3, 2).output(-1, 3, 2)
            .weights(2, 2)),
        Arguments.of("LayerNormalization", LayerHarness.of(LayerNormalization::new).input(4).output(-1, 4)
            .weights(2, 0).tolerance(5e-3)),
        Arguments.of("GroupNormalization", LayerHarness.of(() -> new GroupNormalization().groups(2)).input(3, 4)
            .output(-1, 3, 4).weights(2, 0).tolerance(5e-3)),
        Arguments.of("UnitNormalization", LayerHarness.of(UnitNormalization::new).input(4).output(-1, 4)
            .weights(0, 0)),
        Arguments.of("SpatialDropout1D", LayerHarness.of(() -> new SpatialDropout1D(0.3)).input(4, 2).output(-1, 4, 2)
            .weights(0, 0)),
        Arguments.of("SpatialDropout2D", LayerHarness.of(() -> new SpatialDropout2D(0.3)).input(3, 3, 2)
            .output(-1, 3, 3, 2).weights(0, 0)));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void layerPassesTheHarness(String name, LayerHarness harness) {
    harness.run();
  }

  /** The 4x4 image 1..16 (row-major) and the 3x3 kernel with 1 at its centre and -1 above it. */
  static final float[] IMAGE = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16};
  static final float[] KERNEL = {0, -1, 0, 0, 1, 0, 0, 0, 0};

  static float[] conv(Conv2D layer, float[] image) {
    layer.apply(Input.of(4, 4, 1));
    layer.setWeights(List.of(NDArray.of(KERNEL, 3, 3, 1, 1)));
    return GraphFixture.eval1(image, Shape.of(1, 4, 4, 1), x -> layer.apply(x, false));
  }

  @Test
  void conv2dValidByHand() {
    // out(i, j) = x(i + 1, j + 1) - x(i, j + 1): the vertical difference, 4 everywhere
    assertArrayEquals(new float[] {4, 4, 4, 4}, conv(new Conv2D(1, 3).useBias(false), IMAGE));
  }

  @Test
  void conv2dSameByHand() {
    // zero padding: the first row sees nothing above it, so it keeps x itself
    float[] expected = {1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4, 4};
    assertArrayEquals(expected, conv(new Conv2D(1, 3).useBias(false).padding("same"), IMAGE));
  }

  @Test
  void conv2dStridedByHand() {
    // same padding with stride 2 on 4 pixels pads 1 in total, all of it at the end (as TensorFlow and Keras do), so
    // the windows start at rows/columns 0 and 2 and every output is a full vertical difference: 4
    assertArrayEquals(new float[] {4, 4, 4, 4}, conv(new Conv2D(1, 3).useBias(false).padding("same").strides(2), IMAGE));
  }

  @Test
  void conv2dDilatedByHand() {
    // dilation 2 on a 4x4 image, same padding: out(i, j) = x(i, j) - x(i - 2, j), zero above row 2
    float[] expected = {1, 2, 3, 4, 5, 6, 7, 8, 8, 8, 8, 8, 8, 8, 8, 8};
    assertArrayEquals(expected, conv(new Conv2D(1, 3).useBias(false).padding("same").dilationRate(2), IMAGE));
  }

  @Test
  void poolingByHand() {
    float[] max = GraphFixture.eval1(IMAGE, Shape.of(1, 4, 4, 1), x -> new MaxPooling2D().apply(x, false));
    assertArrayEquals(new float[] {6, 8, 14, 16}, max);
    float[] avg = GraphFixture.eval1(IMAGE, Shape.of(1, 4, 4, 1), x -> new AveragePooling2D().apply(x, false));
    assertArrayEquals(new float[] {3.5f, 5.5f, 11.5f, 13.5f}, avg);
    float[] global = GraphFixture.eval1(IMAGE, Shape.of(1, 4, 4, 1), x -> new GlobalAveragePooling2D().apply(x, false));
    assertArrayEquals(new float[] {8.5f}, global);
  }

  @Test
  void upSamplingRepeatsAndCroppingSlices() {
    float[] up = GraphFixture.eval1(new float[] {1, 2, 3, 4}, Shape.of(1, 2, 2, 1),
        x -> new UpSampling2D(2).apply(x, false));
    assertArrayEquals(new float[] {1, 1, 2, 2, 1, 1, 2, 2, 3, 3, 4, 4, 3, 3, 4, 4}, up);
    float[] crop = GraphFixture.eval1(IMAGE, Shape.of(1, 4, 4, 1), x -> new Cropping2D(1).apply(x, false));
    assertArrayEquals(new float[] {6, 7, 10, 11}, crop);
    float[] pad = GraphFixture.eval1(new float[] {1, 2}, Shape.of(1, 2, 1), x -> new ZeroPadding1D(1).apply(x, false));
    assertArrayEquals(new float[] {0, 1, 2, 0}, pad);
  }

  @Test
  void transposedConvolutionScattersTheKernel() {
    // a single 1 in a 2x2 input, stride 2, kernel 2x2 of 1..4: each input pixel writes the kernel into its block
    Conv2DTranspose t = new Conv2DTranspose(1, 2).strides(2).useBias(false);
    t.apply(Input.of(2, 2, 1));
    t.setWeights(List.of(NDArray.of(new float[] {1, 2, 3, 4}, 2, 2, 1, 1)));
    float[] y = GraphFixture.eval1(new float[] {1, 0, 0, 2}, Shape.of(1, 2, 2, 1), x -> t.apply(x, false));
    assertArrayEquals(new float[] {1, 2, 0, 0, 3, 4, 0, 0, 0, 0, 2, 4, 0, 0, 6, 8}, y);
  }

  @Test
  void parameterCountsMatchKeras() {
    KerasTensor img = Input.of(28, 28, 1);
    Conv2D c = new Conv2D(32, 3);
    c.apply(img);
    assertEquals(3 * 3 * 1 * 32 + 32, c.countParams());
    SeparableConv2D s = new SeparableConv2D(64, 3);
    s.apply(Input.of(14, 14, 32));
    assertEquals(3 * 3 * 32 + 32 * 64 + 64, s.countParams());
    DepthwiseConv2D d = new DepthwiseConv2D(3);
    d.apply(Input.of(14, 14, 32));
    assertEquals(3 * 3 * 32 + 32, d.countParams());
    BatchNormalization bn = new BatchNormalization();
    bn.apply(Input.of(7, 7, 16));
    assertEquals(4 * 16, bn.countParams());
  }

  @Test
  void wrongRankOrChannelsNameTheLayerAndShapes() {
    Conv2D c = new Conv2D(2, 3);
    c.name("conv");
    IllegalArgumentException rank = assertThrows(IllegalArgumentException.class, () -> c.apply(Input.of(8, 8)));
    assertTrue(rank.getMessage().contains("\"conv\"") && rank.getMessage().contains("expected ndim=4")
        && rank.getMessage().contains("(None, 8, 8)"), rank.getMessage());
    c.apply(Input.of(8, 8, 3));
    IllegalArgumentException ch = assertThrows(IllegalArgumentException.class, () -> c.apply(Input.of(8, 8, 1)));
    assertTrue(ch.getMessage().contains("value 3") && ch.getMessage().contains("(None, 8, 8, 1)"), ch.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new Conv2D(2, 3).dataFormat("channels_first"));
  }
}
