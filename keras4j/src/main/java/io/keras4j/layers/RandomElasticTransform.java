package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Displaces each pixel by smoothed random noise (an elastic distortion), with a random probability, in training
 * only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomElasticTransform(factor=1.0, scale=1.0, interpolation="bilinear",
 * fill_mode="reflect", fill_value=0.0, value_range=(0, 255), seed=None)}: per call a distortion d is drawn in
 * {@code scale} (one number s means (0, s)); {@code alpha = max(h, w) d / 10}, {@code sigma = min(h, w) d / 20};
 * the displacement field is normal noise times sigma, blurred by a Gaussian of {@code 6 floor(sigma) + 1} taps and
 * standard deviation sigma, times alpha; each image is resampled there ({@code map_coordinates}) when a uniform draw
 * falls below a probability drawn in {@code factor}, and clipped to the value range. As in Keras 3.15.1 the x and y
 * displacements are drawn with the same seed, so they are equal. Label maps get the same field, nearest-neighbour.
 * <pre>{@code model.add(new RandomElasticTransform().scale(0.5));}</pre>
 */
public class RandomElasticTransform extends BaseImageColorLayer<RandomElasticTransform> {
  private double[] factor = {0, 1};
  private double[] scale = {0, 1};
  private String interpolation = "bilinear";
  private String fillMode = "reflect";
  private double fillValue;

  /** Elastic distortions with probabilities in (0, 1) and scale in (0, 1). */
  public RandomElasticTransform() {}

  /** Sets the probability range (0, f), f in [0, 1] (Keras' {@code factor=f}). Default 1.0: (0, 1). */
  public RandomElasticTransform factor(double f) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {f}, 0, 1, "factor");
    return this;
  }

  /** Sets the probability range (lower, upper) (Keras' {@code factor=(lower, upper)}). */
  public RandomElasticTransform factor(double lower, double upper) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {lower, upper}, 0, 1, "factor");
    return this;
  }

  /** Sets the distortion's range (0, s), s in [0, 1] (Keras' {@code scale=s}). Default 1.0: (0, 1). */
  public RandomElasticTransform scale(double s) {
    checkNotBuilt("scale");
    this.scale = KerasFactors.of(new double[] {s}, 0, 1, "scale");
    return this;
  }

  /** Sets the distortion's range (lower, upper) (Keras' {@code scale=(lower, upper)}). */
  public RandomElasticTransform scale(double lower, double upper) {
    checkNotBuilt("scale");
    this.scale = KerasFactors.of(new double[] {lower, upper}, 0, 1, "scale");
    return this;
  }

  /** Sets "bilinear" or "nearest" (Keras' {@code interpolation=}). Default "bilinear". */
  public RandomElasticTransform interpolation(String interpolation) {
    checkNotBuilt("interpolation");
    if (!List.of("nearest", "bilinear").contains(interpolation)) {
      throw new IllegalArgumentException("Unknown `interpolation` " + interpolation + ". Expected of one "
          + "[nearest, bilinear].");
    }
    this.interpolation = interpolation;
    return this;
  }

  /** Sets "reflect", "mirror", "wrap", "nearest" or "constant" (Keras' {@code fill_mode=}). Default "reflect". */
  public RandomElasticTransform fillMode(String fillMode) {
    checkNotBuilt("fill_mode");
    if (!List.of("constant", "nearest", "wrap", "mirror", "reflect").contains(fillMode)) {
      throw new IllegalArgumentException("Unknown `fill_mode` " + fillMode + ". Expected of one "
          + "[constant, nearest, wrap, mirror, reflect].");
    }
    this.fillMode = fillMode;
    return this;
  }

  /** Sets the value outside the image for fill_mode "constant" (Keras' {@code fill_value=}). Default 0. */
  public RandomElasticTransform fillValue(double fillValue) {
    checkNotBuilt("fill_value");
    this.fillValue = fillValue;
    return this;
  }

  @Override
  protected Tensor transform(Ops ops, Tensor x) {
    throw new UnsupportedOperationException("augment transforms every input");
  }

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    if (scale[1] == 0 || factor[1] == 0) {
      return inputs;
    }
    Tensor x = inputs.get(0);
    long h = x.shape().get(1);
    long w = x.shape().get(2);
    Tensor batch = ops.dimension(x, 0);
    Tensor probability = uniform(ops, batch, (float) factor[0], (float) factor[1]);
    Tensor apply = ops.less(uniform(ops, batch, 0, 1), probability);
    Tensor d = ops.reshape(draw(ops, ImageColors.shape1(ops, 1), (float) scale[0], (float) scale[1]), new long[0]);
    Tensor alpha = ops.multiply(ops.multiply(d, 0.1f), (float) Math.max(h, w));
    Tensor sigma = ops.multiply(ops.multiply(d, 0.05f), (float) Math.min(h, w));
    Tensor field = ops.multiply(normal(ops, ops.stack(List.of(batch, ops.constant(new int[] {(int) h}, Shape.scalar()),
        ops.constant(new int[] {(int) w}, Shape.scalar()), ops.constant(new int[] {1}, Shape.scalar())), 0)), sigma);
    int maxTaps = 6 * (int) Math.floor(Math.min(h, w) * 0.05 * scale[1] + 1e-6) + 1;
    Tensor kernel = gaussian(ops, maxTaps, sigma);
    Tensor k2 = ops.reshape(ops.multiply(ops.reshape(kernel, maxTaps, 1), ops.reshape(kernel, 1, maxTaps)), maxTaps,
        maxTaps, 1, 1);
    Tensor shift = ops.multiply(ops.squeeze(ops.depthwiseConv(field, k2, new int[] {1, 1}, "same",
        new int[] {1, 1}), 3), alpha);
    float[] rows = new float[(int) (h * w)];
    float[] cols = new float[(int) (h * w)];
    for (int i = 0; i < h * w; i++) {
      rows[i] = i / (int) w;
      cols[i] = i % (int) w;
    }
    Tensor yy = ops.add(ops.constant(rows, Shape.of(1, h, w)), shift);
    Tensor xx = ops.add(ops.constant(cols, Shape.of(1, h, w)), shift);
    double[] r = range();
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Tensor in = inputs.get(i);
      Tensor y = MapCoordinates.sample(ops, in, yy, xx, i == 0 ? interpolation : "nearest", fillMode,
          (float) fillValue);
      y = ImageColors.select(ops, apply, y, in);
      out.add(ops.clip(y, (float) r[0], (float) r[1]));
    }
    return out;
  }

  /** Keras' Gaussian of {@code 6 floor(sigma) + 1} taps, centred in {@code maxTaps} taps (zeros outside). */
  private static Tensor gaussian(Ops ops, int maxTaps, Tensor sigma) {
    float[] taps = new float[maxTaps];
    for (int i = 0; i < maxTaps; i++) {
      taps[i] = i - (maxTaps - 1) / 2f;
    }
    Tensor t = ops.constant(taps, Shape.of(maxTaps));
    Tensor half = ops.multiply(ops.floor(sigma), 3f);
    Tensor inside = ops.cast(ops.lessEqual(ops.abs(t), ops.add(ops.zerosLike(t), half)), "float32");
    Tensor k = ops.multiply(ops.exp(ops.multiply(ops.square(ops.divide(t, sigma)), -0.5f)), inside);
    return ops.divide(k, ops.sum(k, null, false));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(factor));
    c.put("scale", ConfigLists.of(scale));
    c.put("interpolation", interpolation);
    c.put("fill_mode", fillMode);
    c.put("fill_value", fillValue);
    return c;
  }

  /** A RandomElasticTransform layer from its Keras config (Keras' {@code RandomElasticTransform.from_config}). */
  public static RandomElasticTransform fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomElasticTransform", config);
    RandomElasticTransform e = new RandomElasticTransform().interpolation(c.string("interpolation", "bilinear"))
        .fillMode(c.string("fill_mode", "reflect")).fillValue(c.number("fill_value", 0));
    e.factor = KerasFactors.read(c, "factor", new double[] {1}, 0, 1);
    e.scale = KerasFactors.read(c, "scale", new double[] {1}, 0, 1);
    return withColorConfig(e, c);
  }
}
