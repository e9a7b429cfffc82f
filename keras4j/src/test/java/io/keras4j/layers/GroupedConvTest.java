package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import io.keras4j.backend.HostArray;
import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Conv2D with {@code groups}: each group of input channels meets only its own filters (plain-Java reference). */
class GroupedConvTest {
  @ParameterizedTest(name = "in={0}, groups={1}, filters={2}, padding={3}")
  @CsvSource({"2,2,4,same", "3,3,3,valid", "4,2,4,same", "6,3,6,valid"})
  void groupedConvolutionEqualsThePerGroupSum(int in, int groups, int filters, String padding) {
    int h = 5;
    int w = 4;
    int k = 3;
    int inPer = in / groups;
    float[] x = new float[h * w * in];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(0.7 * i);
    }
    float[] kernel = new float[k * k * inPer * filters];
    for (int i = 0; i < kernel.length; i++) {
      kernel[i] = (float) Math.cos(0.3 * i) / 3;
    }
    float[] bias = new float[filters];
    for (int f = 0; f < filters; f++) {
      bias[f] = 0.1f * f;
    }
    KerasTensor input = Input.of(h, w, in);
    Conv2D conv = new Conv2D(filters, k).groups(groups).padding(padding);
    try (Model m = new Model(input, conv.apply(input))) {
      conv.setWeights(List.of(NDArray.of(new HostArray(kernel, Shape.of(k, k, inPer, filters))),
          NDArray.of(new HostArray(bias, Shape.of(filters)))));
      float[] got = m.predict(NDArray.of(new HostArray(x, Shape.of(1, h, w, in)))).toFloatArray();
      assertArrayEquals(reference(x, h, w, in, kernel, k, bias, groups, filters, padding.equals("same")), got, 1e-5f);
    }
  }

  private static float[] reference(float[] x, int h, int w, int in, float[] kernel, int k, float[] bias, int groups,
      int filters, boolean same) {
    int inPer = in / groups;
    int outPer = filters / groups;
    int off = same ? k / 2 : 0;
    int oh = same ? h : h - k + 1;
    int ow = same ? w : w - k + 1;
    float[] y = new float[oh * ow * filters];
    for (int i = 0; i < oh; i++) {
      for (int j = 0; j < ow; j++) {
        for (int f = 0; f < filters; f++) {
          int g = f / outPer;
          double s = bias[f];
          for (int a = 0; a < k; a++) {
            for (int b = 0; b < k; b++) {
              int r = i + a - off;
              int c = j + b - off;
              if (r < 0 || r >= h || c < 0 || c >= w) {
                continue;
              }
              for (int ci = 0; ci < inPer; ci++) {
                s += x[(r * w + c) * in + g * inPer + ci] * kernel[((a * k + b) * inPer + ci) * filters + f];
              }
            }
          }
          y[(i * ow + j) * filters + f] = (float) s;
        }
      }
    }
    return y;
  }
}
