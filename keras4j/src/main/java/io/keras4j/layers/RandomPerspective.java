package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Moves each image's corners by random amounts (a perspective warp), with a random probability, in training only.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomPerspective(factor=1.0, scale=1.0, interpolation="bilinear",
 * fill_value=0.0, seed=None)}: each corner p moves to {@code p + p * d}, d uniform in
 * {@code (-scale / 2, scale / 2)} per coordinate, and the image is warped by the homography taking the moved
 * corners back to the original ones (constant fill outside); applied when a uniform draw falls below a probability
 * drawn in {@code factor} (one number f means (0, f)). Label maps use nearest-neighbour interpolation.
 * Porting note: the homography is solved in closed form (square-to-quad maps) rather than by Keras' 8x8 linear
 * solve; both are exact up to float32 rounding.
 * <pre>{@code model.add(new RandomPerspective().scale(0.3));}</pre>
 */
public class RandomPerspective extends RandomImageLayer<RandomPerspective> {
  private double[] factor = {0, 1};
  private double scale = 1.0;
  private String interpolation = "bilinear";
  private double fillValue;

  /** Perspective warps with probabilities in (0, 1) and scale 1. */
  public RandomPerspective() {}

  /** Sets the probability range (0, f), f in [0, 1] (Keras' {@code factor=f}). Default 1.0: (0, 1). */
  public RandomPerspective factor(double f) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {f}, 0, 1, "factor");
    return this;
  }

  /** Sets the probability range (lower, upper) (Keras' {@code factor=(lower, upper)}). */
  public RandomPerspective factor(double lower, double upper) {
    checkNotBuilt("factor");
    this.factor = KerasFactors.of(new double[] {lower, upper}, 0, 1, "factor");
    return this;
  }

  /** Sets the corner displacement scale, in [0, 1] (Keras' {@code scale=}). Default 1.0. */
  public RandomPerspective scale(double scale) {
    checkNotBuilt("scale");
    if (!(scale >= 0 && scale <= 1)) {
      throw new IllegalArgumentException("The `scale` argument should be a number in the range [0,1]. Received: "
          + "scale=" + scale);
    }
    this.scale = scale;
    return this;
  }

  /** Sets "bilinear" or "nearest" (Keras' {@code interpolation=}). Default "bilinear". */
  public RandomPerspective interpolation(String interpolation) {
    checkNotBuilt("interpolation");
    if (!List.of("bilinear", "nearest").contains(interpolation)) {
      throw new IllegalArgumentException("Unknown `interpolation` " + interpolation + ". Expected of one "
          + "[nearest, bilinear].");
    }
    this.interpolation = interpolation;
    return this;
  }

  /** Sets the value outside the image (Keras' {@code fill_value=}). Default 0. */
  public RandomPerspective fillValue(double fillValue) {
    checkNotBuilt("fill_value");
    this.fillValue = fillValue;
    return this;
  }

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    Tensor x = inputs.get(0);
    Tensor batch = ops.dimension(x, 0);
    float w = x.shape().get(2) - 1;
    float h = x.shape().get(1) - 1;
    Tensor probability = uniform(ops, batch, (float) factor[0], (float) factor[1]);
    Tensor apply = ops.less(uniform(ops, batch, 0, 1), probability);
    Tensor d = draw(ops, ops.stack(List.of(batch, ops.constant(new int[] {8}, Shape.scalar())), 0),
        (float) (-0.5 * scale), (float) (0.5 * scale));
    Tensor start = ops.add(ops.zerosLike(d), ops.constant(new float[] {0, 0, w, 0, 0, h, w, h}, Shape.of(1, 8)));
    Tensor end = ops.add(start, ops.multiply(start, d));
    Tensor transforms = homography(ops, start, end);
    List<Tensor> out = new ArrayList<>();
    for (int i = 0; i < inputs.size(); i++) {
      Tensor in = inputs.get(i);
      Tensor y = ops.imageTransform(in, transforms, "constant", i == 0 ? interpolation : "nearest", (float) fillValue);
      out.add(ImageColors.select(ops, apply, y, in));
    }
    return out;
  }

  /**
   * The (batch, 8) projective transforms mapping output points to input points so that the {@code end} corners
   * show the {@code start} corners; both (batch, 8) as x0 y0 x1 y1 x2 y2 x3 y3 for the top-left, top-right,
   * bottom-left and bottom-right corners (Keras' {@code compute_homography_matrix}).
   */
  static Tensor homography(Ops ops, Tensor start, Tensor end) {
    Tensor[] s = squareToQuad(ops, start);
    Tensor[] e = adjugate(ops, squareToQuad(ops, end));
    Tensor[] m = new Tensor[9];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        m[3 * r + c] = ops.add(ops.add(ops.multiply(s[3 * r], e[c]), ops.multiply(s[3 * r + 1], e[3 + c])),
            ops.multiply(s[3 * r + 2], e[6 + c]));
      }
    }
    List<Tensor> coefficients = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      coefficients.add(ops.divide(m[i], m[8]));
    }
    return ops.stack(coefficients, 1);
  }

  /** Heckbert's projective map of the unit square onto the quad, row-major 3x3, each (batch,). */
  private static Tensor[] squareToQuad(Ops ops, Tensor p) {
    Tensor[] v = new Tensor[8];
    for (int i = 0; i < 8; i++) {
      v[i] = ops.reshape(ops.slice(p, new int[] {0, i}, new int[] {-1, 1}), -1);
    }
    // unit square (0,0), (1,0), (1,1), (0,1) onto top-left, top-right, bottom-right, bottom-left
    Tensor x0 = v[0];
    Tensor y0 = v[1];
    Tensor x1 = v[2];
    Tensor y1 = v[3];
    Tensor x2 = v[6];
    Tensor y2 = v[7];
    Tensor x3 = v[4];
    Tensor y3 = v[5];
    Tensor sx = ops.add(ops.subtract(x0, x1), ops.subtract(x2, x3));
    Tensor sy = ops.add(ops.subtract(y0, y1), ops.subtract(y2, y3));
    Tensor dx1 = ops.subtract(x1, x2);
    Tensor dx2 = ops.subtract(x3, x2);
    Tensor dy1 = ops.subtract(y1, y2);
    Tensor dy2 = ops.subtract(y3, y2);
    Tensor det = ops.subtract(ops.multiply(dx1, dy2), ops.multiply(dx2, dy1));
    Tensor g = ops.divide(ops.subtract(ops.multiply(sx, dy2), ops.multiply(dx2, sy)), det);
    Tensor h = ops.divide(ops.subtract(ops.multiply(dx1, sy), ops.multiply(sx, dy1)), det);
    Tensor a = ops.add(ops.subtract(x1, x0), ops.multiply(g, x1));
    Tensor b = ops.add(ops.subtract(x3, x0), ops.multiply(h, x3));
    Tensor d = ops.add(ops.subtract(y1, y0), ops.multiply(g, y1));
    Tensor e = ops.add(ops.subtract(y3, y0), ops.multiply(h, y3));
    return new Tensor[] {a, b, x0, d, e, y0, g, h, ops.onesLike(g)};
  }

  private static Tensor[] adjugate(Ops ops, Tensor[] m) {
    Tensor[] out = new Tensor[9];
    for (int r = 0; r < 3; r++) {
      for (int c = 0; c < 3; c++) {
        // adj[r][c] = cofactor[c][r]
        int r1 = (c + 1) % 3;
        int r2 = (c + 2) % 3;
        int c1 = (r + 1) % 3;
        int c2 = (r + 2) % 3;
        out[3 * r + c] = ops.subtract(ops.multiply(m[3 * r1 + c1], m[3 * r2 + c2]),
            ops.multiply(m[3 * r1 + c2], m[3 * r2 + c1]));
      }
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("factor", ConfigLists.of(factor));
    c.put("scale", scale);
    c.put("interpolation", interpolation);
    c.put("fill_value", fillValue);
    return c;
  }

  /** A RandomPerspective layer from its Keras config (Keras' {@code RandomPerspective.from_config}). */
  public static RandomPerspective fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomPerspective", config);
    RandomPerspective p = new RandomPerspective().scale(c.number("scale", 1.0))
        .interpolation(c.string("interpolation", "bilinear")).fillValue(c.number("fill_value", 0));
    p.factor = KerasFactors.read(c, "factor", new double[] {1}, 0, 1);
    return withImageConfig(p, c);
  }
}
