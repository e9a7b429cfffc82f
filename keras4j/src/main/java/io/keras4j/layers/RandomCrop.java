package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Crops a random {@code height} x {@code width} window of each image in training, the central one at inference.
 *
 * <p>Keras equivalent: {@code keras.layers.RandomCrop(height, width, seed=None)}. Porting note: Keras resizes an
 * input smaller than the window; keras4j requires inputs at least as large as the window.
 * <pre>{@code model.add(new RandomCrop(24, 24));}</pre>
 */
public class RandomCrop extends RandomImageLayer<RandomCrop> {
  private final int height;
  private final int width;

  /** Crops {@code height} x {@code width} windows (Keras' {@code height}, {@code width}). */
  public RandomCrop(int height, int width) {
    if (height <= 0 || width <= 0) {
      throw new IllegalArgumentException("RandomCrop needs a positive height and width. Received: height=" + height
          + ", width=" + width);
    }
    this.height = height;
    this.width = width;
  }

  private void check(Shape s) {
    if (s.get(1) < height || s.get(2) < width) {
      throw new IllegalArgumentException("Layer '" + name() + "' crops " + height + "x" + width + " windows; inputs "
          + "must be at least that large. Received: " + s);
    }
  }

  @Override
  protected List<Tensor> augment(Ops ops, List<Tensor> inputs) {
    Tensor x = inputs.get(0);
    check(x.shape());
    Tensor batch = ops.dimension(x, 0);
    Tensor oy = ops.floor(uniform(ops, batch, 0, x.shape().get(1) - height + 1 - 1e-3f));
    Tensor ox = ops.floor(uniform(ops, batch, 0, x.shape().get(2) - width + 1 - 1e-3f));
    Tensor one = ops.fill(ops.reshape(batch, 1), 1f);
    Tensor zero = ops.fill(ops.reshape(batch, 1), 0f);
    Tensor transforms = ops.stack(List.of(one, zero, ox, zero, one, oy, zero, zero), 1);
    List<Tensor> out = new ArrayList<>();
    for (Tensor in : inputs) {
      out.add(ops.imageTransform(in, transforms, "constant", "nearest", 0f, height, width));
    }
    return out;
  }

  @Override
  protected List<Tensor> inference(List<Tensor> inputs) {
    Ops ops = ops();
    List<Tensor> out = new ArrayList<>();
    for (Tensor in : inputs) {
      check(in.shape());
      int top = (int) (in.shape().get(1) - height) / 2;
      int left = (int) (in.shape().get(2) - width) / 2;
      out.add(ops.slice(in, new int[] {0, top, left, 0}, new int[] {-1, height, width, -1}));
    }
    return out;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    List<Shape> out = new ArrayList<>();
    for (Shape s : in) {
      out.add(s.with(1, height).with(2, width));
    }
    return out;
  }

  /**
   * Porting note: Keras' RandomCrop alone draws its seed at construction ({@code make_default_seed}) and writes it,
   * so its config holds the drawn seed where the other random layers write null.
   */
  @Override
  protected Long configSeed() {
    return seedValue();
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("height", height);
    c.put("width", width);
    return c;
  }

  /** A RandomCrop layer from its Keras config (Keras' {@code RandomCrop.from_config}). */
  public static RandomCrop fromConfig(Map<String, Object> config) {
    Config c = new Config("RandomCrop", config);
    return withImageConfig(new RandomCrop(c.integer("height"), c.integer("width")), c);
  }
}
