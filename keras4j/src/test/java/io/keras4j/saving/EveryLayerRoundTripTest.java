package io.keras4j.saving;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.layers.*;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every layer type, saved as .keras and loaded back, gives bit-identical predictions and the same config. */
class EveryLayerRoundTripTest {
  @TempDir
  Path dir;

  static Arguments of(Supplier<Layer> layer, int... inputShape) {
    return Arguments.of(layer.get().getClass().getSimpleName(), layer, inputShape);
  }

  static Stream<Arguments> layers() {
    return Stream.of(
        of(() -> new Dense(3).activation("tanh").kernelRegularizer("l2"), 4),
        of(() -> new Activation("gelu"), 4),
        of(() -> new Dropout(0.3), 4),
        of(Flatten::new, 2, 3),
        of(() -> new Reshape(3, 2), 6),
        of(() -> new Permute(2, 1), 2, 3),
        of(() -> new RepeatVector(2), 3),
        of(() -> new GaussianNoise(0.1), 3),
        of(() -> new GaussianDropout(0.2), 3),
        of(() -> new ActivityRegularization(0.01, 0.02), 3),
        of(() -> new ReLU().maxValue(2.0).threshold(0.1), 4),
        of(() -> new LeakyReLU(0.1), 4),
        of(() -> new ELU(0.5), 4),
        of(PReLU::new, 4),
        of(() -> new Softmax(-1), 4),
        of(() -> new Rescaling(0.5, 1), 4),
        of(() -> new UnitNormalization(), 4),
        of(() -> new Conv1D(2, 3).padding("same").strides(2), 6, 2),
        of(() -> new Conv2D(3, 3).dilationRate(2).activation("relu"), 7, 7, 2),
        of(() -> new Conv3D(2, 2), 3, 3, 3, 1),
        of(() -> new Conv1DTranspose(2, 3).strides(2), 4, 2),
        of(() -> new Conv2DTranspose(2, 3).padding("same").strides(2), 3, 3, 2),
        of(() -> new Conv3DTranspose(2, 2).strides(2).outputPadding(1), 2, 2, 2, 1),
        of(() -> new DepthwiseConv1D(3).depthMultiplier(2).biasRegularizer("l2"), 5, 2),
        of(() -> new SeparableConv1D(3, 2).pointwiseRegularizer("l1"), 4, 2),
        of(() -> new DepthwiseConv2D(3).depthMultiplier(2), 5, 5, 2),
        of(() -> new SeparableConv2D(3, 3).padding("same"), 4, 4, 2),
        of(() -> new MaxPooling1D(2), 6, 2),
        of(() -> new AveragePooling2D(2).padding("same"), 5, 5, 1),
        of(MaxPooling3D::new, 4, 4, 4, 1),
        of(GlobalAveragePooling1D::new, 4, 2),
        of(() -> new GlobalMaxPooling2D().keepdims(true), 3, 3, 2),
        of(() -> new UpSampling1D(2), 3, 2),
        of(() -> new UpSampling2D(2).interpolation("bilinear"), 2, 2, 1),
        of(() -> new UpSampling3D(2), 2, 2, 2, 1),
        of(() -> new ZeroPadding1D(1, 2), 3, 2),
        of(() -> new ZeroPadding2D(new int[][] {{1, 0}, {0, 2}}), 2, 2, 1),
        of(() -> new Cropping1D(1), 4, 2),
        of(() -> new Cropping2D(1), 4, 4, 1),
        of(Cropping3D::new, 4, 4, 4, 1),
        of(ZeroPadding3D::new, 2, 2, 2, 1),
        of(() -> new BatchNormalization().momentum(0.9).epsilon(1e-2), 3, 2),
        of(() -> new LayerNormalization().epsilon(1e-4), 4),
        of(() -> new GroupNormalization().groups(2), 3, 4),
        of(() -> new SpatialDropout1D(0.2), 4, 2),
        of(() -> new SpatialDropout2D(0.2), 3, 3, 2),
        of(() -> new RandomFlip("horizontal"), 4, 4, 1),
        of(() -> new RandomRotation(0.1), 4, 4, 1),
        of(() -> new RandomZoom(0.2), 4, 4, 1),
        of(() -> new RandomCrop(2, 2), 4, 4, 1),
        of(() -> new RandomContrast(0.2), 4, 4, 1),
        of(() -> new RandomBrightness(0.1), 4, 4, 1),
        // core layers of issue 9, item 7
        of(Identity::new, 3),
        of(() -> new AlphaDropout(0.2).noiseShape(-1, 1, 2), 3, 2),
        of(() -> new SpatialDropout3D(0.2).dataFormat("channels_first"), 2, 2, 2, 2),
        of(() -> new RMSNormalization().axis(1, 2).epsilon(1e-4), 2, 3),
        of(() -> new AdaptiveAveragePooling1D(2), 5, 2),
        of(() -> new AdaptiveMaxPooling2D(2, 3).dataFormat("channels_first"), 1, 5, 4),
        of(() -> new AdaptiveAveragePooling3D(1, 2, 2), 3, 3, 3, 1),
        of(() -> new CenterCrop(2, 3).dataFormat("channels_first"), 1, 4, 4),
        of(() -> new Resizing(3, 5).interpolation("bicubic").padToAspectRatio(true).fillValue(0.5), 4, 4, 2),
        of(() -> new EinsumDense("abc,cde->abde", -1, 2, 3).biasAxes("e").activation("relu").kernelRegularizer("l2"),
            3, 4),
        of(() -> new SpectralNormalization(new Conv1D(2, 2)).powerIterations(2), 4, 3),
        // wrappers of issue 10
        of(() -> new TimeDistributed(new Conv1D(2, 2).activation("relu")), 3, 4, 2),
        of(() -> new ConvLSTM1D(2, 2).returnSequences(true).goBackwards(true), 3, 4, 2),
        of(() -> new ConvLSTM2D(2, 2).padding("same").recurrentActivation("hard_sigmoid"), 2, 3, 3, 1),
        of(() -> new ConvLSTM3D(1, 2), 2, 2, 2, 2, 1),
        of(() -> new Bidirectional(new LSTM(3).returnSequences(true)).mergeMode("ave"), 4, 2),
        of(() -> new Bidirectional(new GRU(2)).backwardLayer(new GRU(3).goBackwards(true)), 4, 2));
  }

  static String json(Object o) {
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(o);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("layers")
  void savedAndLoaded(String name, Supplier<Layer> factory, int[] inputShape) {
    Backend.setRandomSeed(8);
    KerasTensor in = Input.of(inputShape);
    Layer layer = factory.get();
    Model m = new Model(in, layer.apply(in));
    // non-trivial values in every weight, so a weight loaded into the wrong place shows
    Random r = new Random(2);
    for (var v : m.weights()) {
      float[] w = new float[(int) v.shape().size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = (float) (0.5 + r.nextDouble());
      }
      v.assign(w);
    }
    Shape batch = Shape.of(inputShape).withBatch(3);
    float[] x = new float[(int) batch.size()];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextGaussian();
    }
    HostArray xs = new HostArray(x, batch);
    Path file = dir.resolve(name + ".keras");
    m.save(file);
    Model loaded = Models.loadModel(file);
    assertEquals(layer.getClass(), loaded.layers().get(1).getClass());
    assertEquals(json(layer.getConfig()), json(loaded.layers().get(1).getConfig()), name + " config");
    assertArrayEquals(m.predictOutputs(xs, 3).get(0).toFloatArray(), loaded.predictOutputs(xs, 3).get(0).toFloatArray(),
        0f, name);
  }
}
