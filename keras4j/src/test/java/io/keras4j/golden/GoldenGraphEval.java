package io.keras4j.golden;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ComputeGraph;
import io.keras4j.backend.NativeArray;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.TracedFunction;
import io.keras4j.data.NDArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Evaluates a graph function of golden arrays (float32 or int32 inputs) in a fresh graph; one float32 output. */
final class GoldenGraphEval {
  private GoldenGraphEval() {}

  /** {@code fn} of placeholders fed with {@code inputs} (their dtypes and shapes), as a float32 NDArray. */
  static NDArray eval(List<NDArray> inputs, Function<List<Tensor>, Tensor> fn) {
    try (ComputeGraph g = Backend.newGraph()) {
      TracedFunction f = g.trace(() -> {
        Ops ops = Backend.ops();
        List<Tensor> in = new ArrayList<>();
        for (NDArray a : inputs) {
          in.add(ops.placeholder(isInt(a) ? "int32" : "float32", Shape.of(a.shape())));
        }
        return List.of(ops.cast(fn.apply(in), "float32"));
      });
      List<NativeArray> feeds = new ArrayList<>();
      for (NDArray a : inputs) {
        feeds.add(isInt(a) ? Backend.array(a.toIntArray(), Shape.of(a.shape()))
            : Backend.array(a.toFloatArray(), Shape.of(a.shape())));
      }
      try {
        List<NativeArray> out = f.call(feeds);
        NativeArray r = out.get(0);
        NDArray result = NDArray.of(r.toFloatArray(), r.shape().dims());
        out.forEach(NativeArray::close);
        return result;
      } finally {
        feeds.forEach(NativeArray::close);
      }
    }
  }

  private static boolean isInt(NDArray a) {
    return a.dtype().startsWith("int");
  }
}
