package io.keras4j.saving;

import io.keras4j.activations.ActivationFunction;
import io.keras4j.activations.Activations;
import io.keras4j.backend.Backend;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.initializers.Constant;
import io.keras4j.layers.Dense;
import io.keras4j.layers.Layer;
import io.keras4j.losses.BaseLoss;
import io.keras4j.losses.MeanSquaredError;
import io.keras4j.models.Model;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The Java twins of the custom classes of tools/keras-reference/custom_objects.py: the activation
 * {@code keras4j_test>scaled_tanh}, the layer {@code Scale} (not registered), {@code keras4j_test>NestedBlock},
 * the subclassed model {@code keras4j_test>NestedDenseModel} and the loss {@code keras4j_test>ScaledMse}.
 */
final class CustomClasses {
  static final String PKG = "keras4j_test";
  /** Keras' {@code scaled_tanh(x) = 2 tanh(x)}. */
  static final ActivationFunction SCALED_TANH =
      ActivationFunction.of("scaled_tanh", x -> Backend.ops().multiply(Activations.tanh(x), 2f));

  private CustomClasses() {}

  /** Registers the classes the script registers (Scale stays unregistered, as in the script). */
  static void register() {
    KerasObjects.registerKerasSerializable(PKG, null, SCALED_TANH);
    KerasObjects.registerKerasSerializable(PKG, null, NestedBlock.class, NestedBlock::fromConfig);
    KerasObjects.registerKerasSerializable(PKG, null, NestedDenseModel.class, NestedDenseModel::fromConfig);
    KerasObjects.registerKerasSerializable(PKG, "ScaledMse", ScaledMse.class, ScaledMse::fromConfig);
    KerasObjects.registerKerasSerializable(PKG, null, ScaledAbsoluteError.class, ScaledAbsoluteError::fromConfig);
  }

  static void unregister() {
    KerasObjects.unregisterFunction("scaled_tanh");
    KerasObjects.unregister(NestedBlock.class);
    KerasObjects.unregister(NestedDenseModel.class);
    KerasObjects.unregister(ScaledMse.class);
    KerasObjects.unregister(ScaledAbsoluteError.class);
  }

  /** A custom metric: the mean of {@code factor * |y_pred - y_true|}. */
  public static final class ScaledAbsoluteError extends io.keras4j.metrics.BaseMean<ScaledAbsoluteError> {
    private double factor = 1;

    public ScaledAbsoluteError() {
      super("scaled_absolute_error");
    }

    public ScaledAbsoluteError factor(double factor) {
      this.factor = factor;
      return this;
    }

    double factor() {
      return factor;
    }

    @Override
    public java.util.List<Tensor> updateState(Tensor yTrue, Tensor yPred, Tensor sampleWeight) {
      Tensor error = Backend.ops().abs(Backend.ops().subtract(yPred, yTrue));
      return update(Backend.ops().multiply(error, (float) factor), withMaskOf(yPred, sampleWeight));
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> c = super.getConfig();
      c.put("factor", factor);
      return c;
    }

    public static ScaledAbsoluteError fromConfig(Map<String, Object> config) {
      Config c = new Config("ScaledAbsoluteError", config);
      return withBaseConfig(new ScaledAbsoluteError().factor(c.number("factor", 1)), c);
    }
  }

  /** Multiplies by a learned vector initialised to {@code init}. */
  public static final class Scale extends Layer {
    final double init;
    Variable factor;

    public Scale(double init) {
      this.init = init;
    }

    @Override
    protected void build(Shape s) {
      factor = addWeight("factor", Shape.of(s.get(-1)), new Constant(init), null, null, true);
    }

    @Override
    protected Tensor call(Tensor x, boolean training) {
      return Backend.ops().multiply(x, Backend.ops().read(factor));
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> c = super.getConfig();
      c.put("init", init);
      return c;
    }

    public static Scale fromConfig(Map<String, Object> config) {
      Config c = new Config("Scale", config);
      return withBaseConfig(new Scale(c.number("init", 1.0)), c);
    }
  }

  /** A Dense(units, tanh) ({@code inner}) followed by Scale(0.5) ({@code scale}). */
  public static final class NestedBlock extends Layer implements NestedSaveables {
    final int units;
    final Dense inner;
    final Scale scale;

    public NestedBlock(int units) {
      this.units = units;
      this.inner = track(new Dense(units).activation("tanh"));
      this.scale = track(new Scale(0.5));
    }

    @Override
    protected Tensor call(Tensor x, boolean training) {
      return scale.apply(inner.apply(x, training), training);
    }

    @Override
    public Map<String, Object> nestedSaveables() {
      Map<String, Object> parts = new LinkedHashMap<>();
      parts.put("inner", inner);
      parts.put("scale", scale);
      return parts;
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> c = super.getConfig();
      c.put("units", units);
      return c;
    }

    public static NestedBlock fromConfig(Map<String, Object> config) {
      Config c = new Config("NestedBlock", config);
      return withBaseConfig(new NestedBlock(c.integer("units")), c);
    }
  }

  /** Keras' NestedDenseModel of the script: dense (scaled_tanh), nested (NestedBlock), head. */
  public static final class NestedDenseModel extends Model {
    final int units;
    final int outUnits;
    final Dense dense;
    final NestedBlock nested;
    final Dense head;

    public NestedDenseModel(int units, int outUnits) {
      this.units = units;
      this.outUnits = outUnits;
      this.dense = track("dense", new Dense(units).activation(SCALED_TANH));
      this.nested = track("nested", new NestedBlock(units));
      this.head = track("head", new Dense(outUnits));
    }

    @Override
    protected Tensor call(Tensor x, boolean training) {
      return head.apply(nested.apply(dense.apply(x, training), training), training);
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> c = super.getConfig();
      c.put("units", units);
      c.put("out_units", outUnits);
      return c;
    }

    public static NestedDenseModel fromConfig(Map<String, Object> config) {
      Config c = new Config("NestedDenseModel", config);
      return withBaseConfig(new NestedDenseModel(c.integer("units", 4), c.integer("out_units", 2)), c);
    }
  }

  /** {@code scale * mean((y_pred - y_true)^2, axis=-1)}. */
  public static final class ScaledMse extends BaseLoss<ScaledMse> {
    private double scale = 1;

    public ScaledMse() {
      super("scaled_mse");
    }

    public ScaledMse scale(double scale) {
      this.scale = scale;
      return this;
    }

    double scale() {
      return scale;
    }

    @Override
    public Tensor call(Tensor t, Tensor p) {
      return Backend.ops().multiply(new MeanSquaredError().call(t, p), (float) scale);
    }

    @Override
    public Map<String, Object> getConfig() {
      Map<String, Object> c = super.getConfig();
      c.put("scale", scale);
      return c;
    }

    public static ScaledMse fromConfig(Map<String, Object> config) {
      Config c = new Config("ScaledMse", config);
      return withBaseConfig(new ScaledMse().scale(c.number("scale", 1)), c);
    }
  }
}
