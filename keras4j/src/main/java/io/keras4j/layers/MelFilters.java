package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/mel_spectrogram.py linear_to_mel_weight_matrix (HTK mel scale, float32)
// and the TensorFlow backend's stft window (tf.signal.hann_window / hamming_window, periodic, zero-padded to
// fft_length).

/** Host-side constants of MelSpectrogram: the DFT kernels of a windowed frame and the mel filter bank. */
final class MelFilters {
  private MelFilters() {}

  static float hertzToMel(float hz) {
    return 1127.0f * (float) Math.log(1.0f + hz / 700.0f);
  }

  /**
   * {cos, -sin} kernels (fft, 1, fft / 2 + 1) of the periodic window of {@code length} centred in {@code fft}
   * samples: convolving frames with them gives the real and imaginary parts of their real FFT.
   */
  static float[][] dftKernels(int fft, int length, String window) {
    float[] win = new float[fft];
    int left = (fft - length) / 2;
    for (int i = 0; i < length; i++) {
      double a = window == null ? 1 : window.equals("hann") ? 0.5 : 0.54;
      win[left + i] = window == null ? 1f : (float) (a - (1 - a) * Math.cos(2 * Math.PI * i / length));
    }
    int bins = fft / 2 + 1;
    float[][] k = new float[2][fft * bins];
    for (int t = 0; t < fft; t++) {
      for (int f = 0; f < bins; f++) {
        double arg = 2 * Math.PI * ((long) t * f % fft) / fft;
        k[0][t * bins + f] = (float) (win[t] * Math.cos(arg));
        k[1][t * bins + f] = (float) (-win[t] * Math.sin(arg));
      }
    }
    return k;
  }

  /** The (spectrogram bins, mel bins) matrix of triangular HTK filters, bin 0 (DC) zero, row-major. */
  static float[] matrix(int mels, int bins, double samplingRate, double lowHz, double highHz) {
    float nyquist = (float) samplingRate / 2.0f;
    float[] binMel = new float[bins];
    for (int i = 1; i < bins; i++) {
      float hz = bins == 1 ? 0 : nyquist * i / (bins - 1);
      binMel[i] = hertzToMel(hz);
    }
    float lo = hertzToMel((float) lowHz);
    float hi = hertzToMel((float) highHz);
    float[] edges = new float[mels + 2];
    float step = (hi - lo) / (mels + 1);
    for (int i = 0; i < edges.length; i++) {
      edges[i] = i == edges.length - 1 ? hi : lo + i * step;
    }
    float[] m = new float[bins * mels];
    for (int i = 1; i < bins; i++) {
      for (int j = 0; j < mels; j++) {
        float lower = (binMel[i] - edges[j]) / (edges[j + 1] - edges[j]);
        float upper = (edges[j + 2] - binMel[i]) / (edges[j + 2] - edges[j + 1]);
        m[i * mels + j] = Math.max(0f, Math.min(lower, upper));
      }
    }
    return m;
  }
}
