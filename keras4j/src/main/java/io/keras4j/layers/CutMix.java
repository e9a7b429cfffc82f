package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Pastes a random rectangle of another image of the batch into each image, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.CutMix(factor=1.0, seed=None)}: per call alpha is drawn in
 * {@code factor} (one number f means (0, f)), per image a weight w ~ Beta(alpha, alpha) and a rectangle of sides
 * {@code sqrt(1 - w) * size} placed uniformly; the rectangle comes from the image at a random permutation of the
 * batch. Every input of a call (for example a label map) gets the same rectangles.
 * <pre>{@code model.add(new CutMix().factor(0.5));}</pre>
 */
public class CutMix extends RandomImageLayer<CutMix> {
  private double[] factor = {0, 1};

  /** CutMix with alpha drawn in (0, 1). */
  public CutMix() {}

  /** Sets alpha's range (0, f), f in [0, 1] (Keras' {@code factor=f}). Default 1.0: (0, 1). */
  public CutMix factor(double f) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {f}, 0, 1, "factor");
    return this;
  }

  /** Sets alpha's range (lower, upper) (Keras' {@code factor=(lower, upper)}). */
  public CutMix factor(double lower, double upper) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {lower, upper}, 0, 1, "factor");
    return this;
  }

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    Tensor x = inputs.get(0);
    Shape s = x.shape();
    Tensor batch = ops.dimension(x, 0);
    Tensor alpha = ops.add(ops.reshape(draw(ops, ImageColors.shape1(ops, 1), (float) factor[0], (float) factor[1]),
        new long[0]), 1e-6f);
    Tensor w = beta(ops, ops.reshape(batch, 1), alpha);
    Tensor ratio = ops.sqrt(ops.add(ops.negative(w), 1f));
    Tensor inX = band(ops, batch, ratio, s.get(2), 2);
    Tensor inY = band(ops, batch, ratio, s.get(1), 1);
    Tensor box = ops.logicalAnd(inX, inY);
    Tensor perm = permutation(ops, batch);
    List<Tensor> out = new ArrayList<>();
    for (Tensor in : inputs) {
      out.add(ops.where(ops.broadcastTo(box, ops.shapeOf(in)), ops.take(in, perm, 0), in));
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(factor));
    return c;
  }

  /** A CutMix layer from its Keras config (Keras' {@code CutMix.from_config}). */
  public static CutMix fromConfig(Map<String, Object> config) {
    Config c = new Config("CutMix", config);
    CutMix m = new CutMix();
    m.factor = KerasFactors.read(c, "factor", new double[] {1}, 0, 1);
    return withImageConfig(m, c);
  }
}
