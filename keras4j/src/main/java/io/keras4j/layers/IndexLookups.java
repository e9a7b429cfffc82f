package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/index_lookup.py: _lookup_dense and the inverse lookup, with a sorted
// vocabulary searched in the graph in place of TensorFlow's StaticHashTable.

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.Arrays;

/** The graph side of integer vocabulary lookups (IntegerLookup): token to index and index to token. */
final class IndexLookups {
  private IndexLookups() {}

  /**
   * The index of each int64 {@code x} in {@code tokens} plus {@code tokenStart}, or {@code missing} for values not
   * in the vocabulary; int64.
   */
  static Tensor lookup(Ops ops, Tensor x, long[] tokens, long tokenStart, long missing) {
    if (tokens.length == 0) {
      return fill(ops, x, missing);
    }
    Integer[] order = new Integer[tokens.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (a, b) -> Long.compare(tokens[a], tokens[b]));
    long[] sorted = new long[tokens.length];
    long[] index = new long[tokens.length];
    for (int i = 0; i < order.length; i++) {
      sorted[i] = tokens[order[i]];
      index[i] = order[i] + tokenStart;
    }
    Tensor table = longs(ops, sorted);
    Tensor pos = ops.minimum(ops.searchSorted(table, x, false), ops.constant(new int[] {sorted.length - 1},
        Shape.of(1)));
    Tensor found = ops.equal(ops.take(table, pos, 0), x);
    return ops.where(found, ops.take(longs(ops, index), pos, 0), fill(ops, x, missing));
  }

  /** The token at each int64 index {@code x} ({@code tokens[x - tokenStart]}), or {@code missing}; int64. */
  static Tensor invert(Ops ops, Tensor x, long[] tokens, long tokenStart, long missing) {
    if (tokens.length == 0) {
      return fill(ops, x, missing);
    }
    Tensor i = ops.subtract(x, scalar(ops, tokenStart));
    Tensor inRange = ops.logicalAnd(ops.greaterEqual(i, scalar(ops, 0)), ops.less(i, scalar(ops, tokens.length)));
    Tensor safe = ops.where(inRange, i, ops.zerosLike(i));
    return ops.where(inRange, ops.take(longs(ops, tokens), safe, 0), fill(ops, x, missing));
  }

  /** {@code x mod n} rounded toward negative infinity (Python's %), for positive {@code n}; int64. */
  static Tensor floorMod(Ops ops, Tensor x, long n) {
    Tensor nt = scalar(ops, n);
    Tensor r = ops.subtract(x, ops.multiply(ops.divide(x, nt), nt));
    return ops.where(ops.less(r, scalar(ops, 0)), ops.add(r, nt), r);
  }

  static Tensor fill(Ops ops, Tensor like, long value) {
    return ops.add(ops.zerosLike(like), scalar(ops, value));
  }

  /** An int64 scalar. */
  static Tensor scalar(Ops ops, long v) {
    return longs(ops, new long[] {v}, Shape.scalar());
  }

  static Tensor longs(Ops ops, long[] v) {
    return longs(ops, v, Shape.of(v.length));
  }

  /** An exact int64 constant from int32 parts: {@code hi * 2^32 + mid * 2^16 + lo}. */
  static Tensor longs(Ops ops, long[] v, Shape s) {
    int[] hi = new int[v.length];
    int[] mid = new int[v.length];
    int[] lo = new int[v.length];
    boolean small = true;
    for (int i = 0; i < v.length; i++) {
      hi[i] = (int) (v[i] >> 32);
      mid[i] = (int) ((v[i] >>> 16) & 0xffff);
      lo[i] = (int) (v[i] & 0xffff);
      small &= v[i] == (int) v[i];
    }
    if (small) {
      int[] w = new int[v.length];
      for (int i = 0; i < v.length; i++) {
        w[i] = (int) v[i];
      }
      return ops.cast(ops.constant(w, s), "int64");
    }
    Tensor h = ops.multiply(ops.cast(ops.constant(hi, s), "int64"), 4294967296f);
    Tensor m = ops.multiply(ops.cast(ops.constant(mid, s), "int64"), 65536f);
    return ops.add(ops.add(h, m), ops.cast(ops.constant(lo, s), "int64"));
  }
}
