package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import io.keras4j.backend.Backend;
import io.keras4j.backend.KerasTensor;
import io.keras4j.constraints.MaxNorm;
import io.keras4j.constraints.NonNeg;
import io.keras4j.initializers.Constant;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.regularizers.L1;
import io.keras4j.regularizers.L2;
import java.nio.file.Path;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Settings that a .keras file used to lose: each case sets one keyword argument away from its default, saves a
 * model holding the layer, loads it, and finds the same value under Keras' key in the loaded layer's config.
 */
class SettingsSurviveSavingTest {
  @TempDir
  Path dir;

  static Arguments setting(String key, Supplier<Layer> layer, Supplier<Layer> defaults, int... inputShape) {
    return Arguments.of(layer.get().getClass().getSimpleName() + "." + key, key, layer, defaults, inputShape);
  }

  static Stream<Arguments> settings() {
    return Stream.of(
        setting("alpha_initializer", () -> new PReLU().alphaInitializer(new Constant(0.25)), PReLU::new, 3),
        setting("alpha_regularizer", () -> new PReLU().alphaRegularizer(new L2(0.1)), PReLU::new, 3),
        setting("alpha_constraint", () -> new PReLU().alphaConstraint(new NonNeg()), PReLU::new, 3),
        setting("shared_axes", () -> new PReLU().sharedAxes(1, 2), PReLU::new, 2, 2, 3),
        setting("axis", () -> new BatchNormalization().axis(1), BatchNormalization::new, 3, 2),
        setting("momentum", () -> new BatchNormalization().momentum(0.8), BatchNormalization::new, 3),
        setting("epsilon", () -> new BatchNormalization().epsilon(1e-5), BatchNormalization::new, 3),
        setting("center", () -> new BatchNormalization().center(false), BatchNormalization::new, 3),
        setting("scale", () -> new BatchNormalization().scale(false), BatchNormalization::new, 3),
        setting("beta_initializer", () -> new BatchNormalization().betaInitializer("ones"),
            BatchNormalization::new, 3),
        setting("gamma_initializer", () -> new BatchNormalization().gammaInitializer(new Constant(2)),
            BatchNormalization::new, 3),
        setting("moving_mean_initializer", () -> new BatchNormalization().movingMeanInitializer("ones"),
            BatchNormalization::new, 3),
        setting("moving_variance_initializer", () -> new BatchNormalization().movingVarianceInitializer("zeros"),
            BatchNormalization::new, 3),
        setting("beta_regularizer", () -> new BatchNormalization().betaRegularizer(new L1(0.01)),
            BatchNormalization::new, 3),
        setting("gamma_regularizer", () -> new BatchNormalization().gammaRegularizer(new L2(0.02)),
            BatchNormalization::new, 3),
        setting("beta_constraint", () -> new BatchNormalization().betaConstraint(new MaxNorm(2)),
            BatchNormalization::new, 3),
        setting("gamma_constraint", () -> new BatchNormalization().gammaConstraint(new NonNeg()),
            BatchNormalization::new, 3),
        setting("gamma_regularizer", () -> new LayerNormalization().gammaRegularizer(new L2(0.02)),
            LayerNormalization::new, 3),
        setting("beta_constraint", () -> new GroupNormalization().groups(1).betaConstraint(new NonNeg()),
            () -> new GroupNormalization().groups(1), 3),
        setting("width_factor", () -> new RandomZoom(0.1).widthFactor(0.3), () -> new RandomZoom(0.1), 4, 4, 1),
        setting("kernel_initializer", () -> new Maxout(2, 2).kernelInitializer("zeros"), () -> new Maxout(2, 2), 3),
        setting("invert", () -> new Normalization().mean(0).variance(1).invert(true),
            () -> new Normalization().mean(0).variance(1), 3),
        setting("data_format", () -> new Flatten().dataFormat("channels_first"), Flatten::new, 2, 3),
        setting("shared_axes", () -> new PReLU().sharedAxes(1), PReLU::new, 2, 3));
  }

  static Stream<Arguments> activityRegularized() {
    return Stream.of(
        setting("activity_regularizer", () -> new Activation("relu").activityRegularizer(new L2(0.1)),
            () -> new Activation("relu"), 3),
        setting("activity_regularizer", () -> new Dropout(0.2).activityRegularizer("l1"), () -> new Dropout(0.2), 3),
        setting("activity_regularizer", () -> new PReLU().activityRegularizer(new L1(0.5)), PReLU::new, 3),
        setting("activity_regularizer", () -> new BatchNormalization().activityRegularizer("l2"),
            BatchNormalization::new, 3),
        setting("activity_regularizer", () -> new LayerNormalization().activityRegularizer("l2"),
            LayerNormalization::new, 3),
        setting("activity_regularizer", () -> new Reshape(3, 1).activityRegularizer("l2"), () -> new Reshape(3, 1), 3),
        setting("activity_regularizer", () -> new RandomFlip().activityRegularizer("l1"), RandomFlip::new, 4, 4, 1),
        setting("activity_regularizer", () -> new ReLU().activityRegularizer("l1"), ReLU::new, 3),
        setting("activity_regularizer", () -> new GaussianNoise(0.1).activityRegularizer("l1"),
            () -> new GaussianNoise(0.1), 3),
        setting("activity_regularizer", () -> new SpatialDropout1D(0.1).activityRegularizer("l1"),
            () -> new SpatialDropout1D(0.1), 3, 2));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource({"settings", "activityRegularized"})
  void settingSurvivesSaveAndLoad(String name, String key, Supplier<Layer> factory, Supplier<Layer> defaults,
      int[] inputShape) {
    Backend.setRandomSeed(3);
    Layer layer = factory.get();
    Object value = layer.getConfig().get(key);
    assertNotEquals(EveryConfig.json(defaults.get().getConfig().get(key)), EveryConfig.json(value),
        name + ": the case should set a value other than the default");
    KerasTensor in = Input.of(inputShape);
    Model m = new Model(in, layer.apply(in));
    Path file = dir.resolve("m.keras");
    m.save(file);
    Layer loaded = Models.loadModel(file).layers().get(1);
    assertEquals(layer.getClass(), loaded.getClass());
    assertEquals(EveryConfig.json(value), EveryConfig.json(loaded.getConfig().get(key)), name);
  }
}
