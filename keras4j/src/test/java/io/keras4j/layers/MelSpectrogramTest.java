package io.keras4j.layers;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import org.junit.jupiter.api.Test;

class MelSpectrogramTest {
  @Test
  void htkMelScaleAndTriangles() {
    assertEquals(1127 * Math.log(2), MelFilters.hertzToMel(700f), 1e-3);
    // 3 bands between mel(0) = 0 and mel(4000): every row of bin > 0 sums the two triangles it falls between
    float[] m = MelFilters.matrix(3, 33, 8000, 0, 4000);
    for (int j = 0; j < 3; j++) {
      assertEquals(0f, m[j], "DC bin is zero");
    }
    for (int i = 1; i < 33; i++) {
      for (int j = 0; j < 3; j++) {
        float v = m[i * 3 + j];
        org.junit.jupiter.api.Assertions.assertTrue(v >= 0 && v <= 1, "triangle value " + v);
      }
    }
  }

  @Test
  void aToneLightsItsBand() {
    // a 1 kHz tone at 8 kHz: power peaks in the mel band whose centre is nearest 1 kHz
    float[] x = new float[400];
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) Math.sin(2 * Math.PI * 1000 * i / 8000.0);
    }
    MelSpectrogram mel = new MelSpectrogram().fftLength(128).sequenceStride(64).samplingRate(8000).numMelBins(8)
        .minFreq(0).powerToDb(false);
    NDArray out = PreprocessingEval.call(mel, NDArray.of(x, 1, 400));
    assertArrayEquals(new long[] {1, 8, (400 + 64 + 1) / 64}, out.shape());
    float lo = MelFilters.hertzToMel(0);
    float hi = MelFilters.hertzToMel(4000);
    int expected = 0;
    double best = Double.MAX_VALUE;
    for (int j = 0; j < 8; j++) {
      double centreHz = 700 * Math.expm1((lo + (j + 1) * (hi - lo) / 9) / 1127.0);
      if (Math.abs(centreHz - 1000) < best) {
        best = Math.abs(centreHz - 1000);
        expected = j;
      }
    }
    int frame = 3;
    int argmax = 0;
    for (int j = 1; j < 8; j++) {
      if (out.getFloat(0, j, frame) > out.getFloat(0, argmax, frame)) {
        argmax = j;
      }
    }
    assertEquals(expected, argmax);
  }

  @Test
  void shapesConfigAndErrors() {
    assertEquals(Shape.of(-1, 128, 4), new MelSpectrogram().apply(Input.of(1600)).shape());
    assertEquals(8000L, new MelSpectrogram().getConfig().get("max_freq"));
    assertEquals(2048, new MelSpectrogram().getConfig().get("sequence_length"));
    assertThrows(IllegalArgumentException.class, () -> new MelSpectrogram().window("blackman"));
    assertThrows(IllegalArgumentException.class,
        () -> MelSpectrogram.fromConfig(java.util.Map.of("fft_length", 64, "sequence_length", 128)));
  }
}
