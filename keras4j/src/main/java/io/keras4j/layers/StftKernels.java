package io.keras4j.layers;

// Follows keras/src/initializers/constant_initializers.py STFT (Keras 3.15.1), float32 as Keras computes it, with
// SciPy's get_window("hann" / "hamming", n, fftbins=periodic) in float64.

import io.keras4j.backend.Shape;
import io.keras4j.initializers.Initializer;

/** The DFT kernels of STFTSpectrogram: windowed {@code cos} or {@code sin} of {@code -2 pi t f / fft}. */
final class StftKernels extends Initializer {
  private final boolean real;
  private final String window;
  private final String scaling;
  private final boolean periodic;

  StftKernels(boolean real, String window, String scaling, boolean periodic) {
    this.real = real;
    this.window = window;
    this.scaling = scaling;
    this.periodic = periodic;
  }

  /** SciPy's window of {@code n} samples as float32; symmetric unless periodic. */
  static float[] window(String window, int n, boolean periodic) {
    float[] w = new float[n];
    if (n == 1) {
      w[0] = 1;
      return w;
    }
    int m = periodic ? n + 1 : n;
    double a = window.equals("hann") ? 0.5 : 0.54;
    for (int i = 0; i < n; i++) {
      w[i] = (float) (a - (1 - a) * Math.cos(2 * Math.PI * i / (m - 1)));
    }
    return w;
  }

  @Override
  public float[] call(Shape shape) {
    int frames = (int) shape.get(0);
    int bins = (int) shape.get(2);
    float[] win = window == null ? null : window(window, frames, periodic);
    float scale = 1;
    if (win != null && "density".equals(scaling)) {
      float s = 0;
      for (float v : win) {
        s += v * v;
      }
      scale = (float) Math.sqrt(s);
    } else if (win != null && "spectrum".equals(scaling)) {
      float s = 0;
      for (float v : win) {
        s += Math.abs(v);
      }
      scale = s;
    }
    float fft = (bins - 1) * 2;
    float pi = (float) Math.acos(-1);
    float[] out = new float[frames * bins];
    for (int t = 0; t < frames; t++) {
      for (int f = 0; f < bins; f++) {
        float arg = (-2f * t) * (f / fft) * pi;
        float k = (float) (real ? Math.cos(arg) : Math.sin(arg));
        out[t * bins + f] = win == null ? k : k * win[t] / scale;
      }
    }
    return out;
  }

  @Override
  public java.util.Map<String, Object> getConfig() {
    java.util.Map<String, Object> c = new java.util.LinkedHashMap<>();
    c.put("side", real ? "real" : "imag");
    c.put("window", window);
    c.put("periodic", periodic);
    c.put("scaling", scaling);
    return c;
  }
}
