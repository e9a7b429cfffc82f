package io.keras4j.layers;

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;

/**
 * Resampling of (batch, h, w, c) images at per-pixel coordinates, order 0 or 1.
 *
 * <p>Keras equivalent: {@code keras.ops.image.map_coordinates} (TensorFlow backend) as RandomElasticTransform uses
 * it: linear weights on floor/floor + 1 (or the rounded coordinate for "nearest"), integer indices fixed by the fill
 * mode ("constant": out-of-image corners take fill_value; "nearest": clipped; "wrap": modulo; "mirror" and
 * "reflect" as Keras folds |i| modulo 2 size).
 */
final class MapCoordinates {
  private MapCoordinates() {}

  /** {@code images} sampled at rows {@code yy} and columns {@code xx}, each (batch or 1, h, w). */
  static Tensor sample(Ops ops, Tensor images, Tensor yy, Tensor xx, String interpolation, String fillMode,
      float fillValue) {
    long h = images.shape().get(1);
    long w = images.shape().get(2);
    long c = images.shape().get(3);
    Tensor batch = ops.dimension(images, 0);
    Tensor shape3 = ops.stack(java.util.List.of(batch, ops.constant(new int[] {(int) h}, Shape.scalar()),
        ops.constant(new int[] {(int) w}, Shape.scalar())), 0);
    yy = ops.broadcastTo(yy, shape3);
    xx = ops.broadcastTo(xx, shape3);
    Tensor flat = ops.reshape(images, -1, c);
    Tensor base = ops.reshape(ops.multiply(ops.cast(ops.range(ops.constant(new int[] {0}, Shape.scalar()), batch),
        "float32"), (float) (h * w)), -1, 1, 1);
    Tensor[][] rows = nodes(ops, yy, interpolation);
    Tensor[][] cols = nodes(ops, xx, interpolation);
    Tensor result = null;
    for (Tensor[] r : rows) {
      for (Tensor[] q : cols) {
        Tensor[] fr = fix(ops, r[0], h, fillMode);
        Tensor[] fc = fix(ops, q[0], w, fillMode);
        Tensor index = ops.cast(ops.add(ops.add(base, ops.multiply(fr[0], (float) w)), fc[0]), "int32");
        Tensor gathered = ops.take(flat, index, 0);
        if (fr[1] != null) {
          Tensor valid = ops.expandDims(ops.logicalAnd(fr[1], fc[1]), 3);
          gathered = ops.where(ops.broadcastTo(valid, ops.shapeOf(gathered)), gathered,
              ops.add(ops.zerosLike(gathered), fillValue));
        }
        Tensor term = ops.multiply(ops.expandDims(ops.multiply(r[1], q[1]), 3), gathered);
        result = result == null ? term : ops.add(result, term);
      }
    }
    return result;
  }

  /** The integer (as float) coordinates and weights of one axis. */
  private static Tensor[][] nodes(Ops ops, Tensor coordinate, String interpolation) {
    if (interpolation.equals("nearest")) {
      return new Tensor[][] {{ops.round(coordinate), ops.onesLike(coordinate)}};
    }
    Tensor lower = ops.floor(coordinate);
    Tensor upperWeight = ops.subtract(coordinate, lower);
    return new Tensor[][] {{lower, ops.add(ops.negative(upperWeight), 1f)}, {ops.add(lower, 1f), upperWeight}};
  }

  /** {index in the image, validity or null}. */
  private static Tensor[] fix(Ops ops, Tensor index, long size, String fillMode) {
    float s = size;
    switch (fillMode) {
      case "constant" -> {
        Tensor valid = ops.logicalAnd(ops.greaterEqual(index, ops.constant(0f)), ops.less(index, ops.constant(s)));
        return new Tensor[] {ops.clip(index, 0, s - 1), valid};
      }
      case "nearest" -> {
        return new Tensor[] {ops.clip(index, 0, s - 1), null};
      }
      case "wrap" -> {
        return new Tensor[] {mod(ops, index, s), null};
      }
      default -> {
        Tensor m = mod(ops, ops.abs(index), 2 * s);
        Tensor under = ops.less(m, ops.constant(s));
        Tensor folded = ops.where(under, m, ops.add(ops.negative(m), 2 * s));
        if (fillMode.equals("reflect")) {
          folded = ops.where(under, folded, ops.add(folded, -1f));
        }
        // Porting note: Keras' "mirror" can index one past the edge (an error there); keras4j clips it
        return new Tensor[] {ops.clip(folded, 0, s - 1), null};
      }
    }
  }

  private static Tensor mod(Ops ops, Tensor a, float n) {
    return ops.subtract(a, ops.multiply(ops.floor(ops.divide(a, ops.constant(n))), n));
  }
}
