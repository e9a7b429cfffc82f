package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import io.keras4j.golden.Golden;
import java.util.List;
import org.junit.jupiter.api.Test;

class STFTSpectrogramTest {
  @Test
  void dftOfFramesByHand() {
    // no window, no scaling, frames of 4 with step 2: bin f of a frame is sum_t x[t] (cos, sin)(-2 pi t f / 4)
    float[] x = {1, 2, 0, -1, 3, 0};
    STFTSpectrogram real = new STFTSpectrogram().mode("real").frameLength(4).window(null).scaling(null);
    NDArray re = PreprocessingEval.call(real, NDArray.of(x, 1, 6, 1));
    assertArrayEquals(new long[] {1, 2, 3}, re.shape());
    // frame [1, 2, 0, -1]: f0 = 2, f1 = 1 + 0 = 1 (cos 0, -pi/2, -pi, -3pi/2), f2 = 1 - 2 + 0 + 1 = 0
    // frame [0, -1, 3, 0]: f0 = 2, f1 = -3, f2 = 1 + 3 = 4
    assertArrayEquals(new float[] {2, 1, 0, 2, -3, 4}, re.toFloatArray(), 1e-5f);
    STFTSpectrogram imag = new STFTSpectrogram().mode("imag").frameLength(4).window(null).scaling(null);
    // sin(-pi t f / 2): frame 1, f1 = 2 sin(-pi/2) - sin(-3pi/2) = -2 - 1 = -3; frame 2, f1 = -sin(-pi/2) = 1
    assertArrayEquals(new float[] {0, -3, 0, 0, 1, 0}, PreprocessingEval.call(imag, NDArray.of(x, 1, 6, 1))
        .toFloatArray(), 1e-5f);
  }

  @Test
  void kernelsAreKerasInitialValues() {
    for (JsonNode c : Golden.read(Golden.files("layers").stream()
        .filter(p -> p.endsWith("STFTSpectrogram.json")).findFirst().orElseThrow()).get("cases")) {
      STFTSpectrogram s = STFTSpectrogram.fromConfig(Golden.map(c.get("config")));
      NDArray in = Golden.array(c.get("inputs").get(0));
      s.apply(Input.of(Shape.of(in.shape()[1], in.shape()[2]), null));
      List<NDArray> ours = s.getWeights();
      for (int i = 0; i < ours.size(); i++) {
        Golden.assertClose(Golden.array(c.get("weights").get(i)), ours.get(i), 1e-6, 1e-5,
            c.get("name").asText() + " kernel " + i);
      }
    }
  }

  @Test
  void shapesAndErrors() {
    assertEquals(Shape.of(-1, 9, 10), new STFTSpectrogram().frameLength(8).apply(Input.of(40, 2)).shape());
    assertEquals(Shape.of(-1, 9, 5, 2), new STFTSpectrogram().frameLength(8).expandDims(true)
        .apply(Input.of(40, 2)).shape());
    assertEquals(2, new STFTSpectrogram().frameLength(8).apply(Input.of(40, 1)) != null ? 2 : 0);
    assertThrows(IllegalArgumentException.class, () -> new STFTSpectrogram().mode("power"));
    assertThrows(IllegalArgumentException.class, () -> new STFTSpectrogram().window("kaiser"));
    assertThrows(IllegalArgumentException.class, () -> new STFTSpectrogram().frameLength(8).frameStep(9)
        .apply(Input.of(40, 1)));
    assertThrows(IllegalArgumentException.class, () -> new STFTSpectrogram().dataFormat("channels_first"));
    assertThrows(IllegalArgumentException.class, () -> new STFTSpectrogram().apply(Input.of(40)));
  }
}
