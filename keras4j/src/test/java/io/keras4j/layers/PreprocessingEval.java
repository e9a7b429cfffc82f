package io.keras4j.layers;

import io.keras4j.data.NDArray;
import java.util.List;

/** Test helper: a preprocessing layer called on constant inputs of their own dtypes (see PreprocessingGoldenTest). */
final class PreprocessingEval {
  private PreprocessingEval() {}

  /** The output, its dtype as the NDArray's ("float32" values for int outputs are returned as int64). */
  static NDArray call(Layer layer, NDArray... inputs) {
    String[] dtype = new String[1];
    NDArray out = io.keras4j.golden.PreprocessingGoldenTest.call(layer, List.of(inputs), List.of(), dtype);
    return dtype[0].equals("float32") ? out : out.astype(dtype[0]);
  }
}
