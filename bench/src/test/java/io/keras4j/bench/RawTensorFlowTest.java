package io.keras4j.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.tensorflow.GraphOperation;
import org.tensorflow.Result;
import org.tensorflow.ndarray.Shape;
import org.tensorflow.ndarray.buffer.DataBuffers;
import org.tensorflow.types.TFloat32;

/**
 * The raw loop's W3 graph holds the ops a hand-written graph would (BiasAdd for every bias, MaxPool with attributes,
 * no Add or MaxPoolV2: docs/perf/jaxgap.md), and its prediction is a softmax per image.
 */
class RawTensorFlowTest {
  @Test
  void w3UsesBiasAddAndMaxPool() {
    try (RawTensorFlow r = RawTensorFlow.w3()) {
      Map<String, Integer> types = new HashMap<>();
      r.graph.operations().forEachRemaining(op -> types.merge(((GraphOperation) op).type(), 1, Integer::sum));
      assertEquals(4, types.getOrDefault("BiasAdd", 0), types.toString());
      assertEquals(2, types.getOrDefault("MaxPool", 0), types.toString());
      assertEquals(0, types.getOrDefault("MaxPoolV2", 0), types.toString());
      assertEquals(2, types.getOrDefault("Conv2D", 0), types.toString());
    }
  }

  @Test
  void w3PredictsOneDistributionPerImage() {
    float[] x = new float[2 * 28 * 28];
    for (int i = 0; i < x.length; i++) {
      x[i] = (i % 97) / 97f;
    }
    try (RawTensorFlow r = RawTensorFlow.w3()) {
      r.session.initialize();
      try (TFloat32 xb = TFloat32.tensorOf(Shape.of(2, 28, 28, 1), DataBuffers.of(x, true, false));
          Result res = r.session.runner().feed(r.x, xb).fetch(r.out).run()) {
        TFloat32 out = (TFloat32) res.get(0);
        assertEquals(Shape.of(2, 10), out.shape());
        for (int row = 0; row < 2; row++) {
          double sum = 0;
          for (int c = 0; c < 10; c++) {
            sum += out.getFloat(row, c);
          }
          assertEquals(1.0, sum, 1e-5);
        }
      }
    }
  }
}
