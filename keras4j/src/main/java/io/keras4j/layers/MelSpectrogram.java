package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/mel_spectrogram.py and the TensorFlow backend's ops.stft (Keras 3.15.1).

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Mel spectrograms of raw audio (batch, samples) or (samples,): a centred STFT (reflect padding of
 * {@code fft_length / 2}), magnitudes to the power {@code mag_exp}, HTK mel filter banks, optionally decibels.
 *
 * <p>Keras equivalent: {@code keras.layers.MelSpectrogram(fft_length=2048, sequence_stride=512,
 * sequence_length=None, window="hann", sampling_rate=16000, num_mel_bins=128, min_freq=20.0, max_freq=None,
 * power_to_db=True, top_db=80.0, mag_exp=2.0, min_power=1e-10, ref_power=1.0)}. Output
 * (batch, num_mel_bins, frames). As in Keras, {@code top_db} clips below the maximum of the whole batch.
 * <pre>{@code new MelSpectrogram().fftLength(512).sequenceStride(128).numMelBins(40)}</pre>
 * Porting note: the DFT runs as a strided convolution with windowed cosine and sine kernels (constants), where
 * Keras calls {@code tf.signal.stft}; results agree to float32 rounding.
 */
public class MelSpectrogram extends BaseLayer<MelSpectrogram> {
  private int fftLength = 2048;
  private int sequenceStride = 512;
  private Integer sequenceLength;
  private String window = "hann";
  private double samplingRate = 16000;
  private int numMelBins = 128;
  private double minFreq = 20.0;
  private Double maxFreq;
  private boolean powerToDb = true;
  private double topDb = 80.0;
  private double magExp = 2.0;
  private double minPower = 1e-10;
  private double refPower = 1.0;

  /** Sets the FFT size (Keras' {@code fft_length=}). Default 2048. */
  public MelSpectrogram fftLength(int fftLength) {
    checkNotBuilt("fft_length");
    this.fftLength = positive("fft_length", fftLength);
    return this;
  }

  /** Sets the hop between frames (Keras' {@code sequence_stride=}). Default 512. */
  public MelSpectrogram sequenceStride(int sequenceStride) {
    checkNotBuilt("sequence_stride");
    this.sequenceStride = positive("sequence_stride", sequenceStride);
    return this;
  }

  /** Sets the window length (Keras' {@code sequence_length=}, at most fft_length). Default fft_length. */
  public MelSpectrogram sequenceLength(int sequenceLength) {
    return sequenceLengthOrNone(sequenceLength);
  }

  /** {@link #sequenceLength} taking null for Keras' None (as a config may give). */
  MelSpectrogram sequenceLengthOrNone(Integer sequenceLength) {
    checkNotBuilt("sequence_length");
    this.sequenceLength = sequenceLength;
    return this;
  }

  /** Sets the window (Keras' {@code window=}): "hann", "hamming" (periodic) or null. Default "hann". */
  public MelSpectrogram window(String window) {
    checkNotBuilt("window");
    if (window != null && !window.equals("hann") && !window.equals("hamming")) {
      throw new IllegalArgumentException("If a string is passed to `window`, it must be one of `\"hann\"`, "
          + "`\"hamming\"`. Received: window=" + window);
    }
    this.window = window;
    return this;
  }

  /** Sets the audio's samples per second (Keras' {@code sampling_rate=}). Default 16000. */
  public MelSpectrogram samplingRate(double samplingRate) {
    checkNotBuilt("sampling_rate");
    this.samplingRate = samplingRate;
    return this;
  }

  /** Sets the number of mel bands (Keras' {@code num_mel_bins=}). Default 128. */
  public MelSpectrogram numMelBins(int numMelBins) {
    checkNotBuilt("num_mel_bins");
    this.numMelBins = positive("num_mel_bins", numMelBins);
    return this;
  }

  /** Sets the lowest band edge in Hz (Keras' {@code min_freq=}). Default 20. */
  public MelSpectrogram minFreq(double minFreq) {
    checkNotBuilt("min_freq");
    this.minFreq = minFreq;
    return this;
  }

  /** Sets the highest band edge in Hz (Keras' {@code max_freq=}). Default sampling_rate / 2 (an integer). */
  public MelSpectrogram maxFreq(double maxFreq) {
    return maxFreqOrNone(maxFreq);
  }

  /** {@link #maxFreq} taking null for Keras' None (as a config may give). */
  MelSpectrogram maxFreqOrNone(Double maxFreq) {
    checkNotBuilt("max_freq");
    this.maxFreq = maxFreq;
    return this;
  }

  /** Sets whether the output is in decibels (Keras' {@code power_to_db=}). Default true. */
  public MelSpectrogram powerToDb(boolean powerToDb) {
    checkNotBuilt("power_to_db");
    this.powerToDb = powerToDb;
    return this;
  }

  /** Sets the dynamic range kept below the maximum, in dB (Keras' {@code top_db=}). Default 80. */
  public MelSpectrogram topDb(double topDb) {
    checkNotBuilt("top_db");
    this.topDb = topDb;
    return this;
  }

  /** Sets the exponent of the magnitudes (Keras' {@code mag_exp=}; 2 gives power). Default 2. */
  public MelSpectrogram magExp(double magExp) {
    checkNotBuilt("mag_exp");
    this.magExp = magExp;
    return this;
  }

  /** Sets the floor of the power before the logarithm (Keras' {@code min_power=}). Default 1e-10. */
  public MelSpectrogram minPower(double minPower) {
    checkNotBuilt("min_power");
    this.minPower = minPower;
    return this;
  }

  /** Sets the reference power of 0 dB (Keras' {@code ref_power=}). Default 1. */
  public MelSpectrogram refPower(double refPower) {
    checkNotBuilt("ref_power");
    this.refPower = refPower;
    return this;
  }

  private int positive(String key, int v) {
    if (v < 1) {
      throw new IllegalArgumentException("MelSpectrogram: `" + key + "` must be positive. Received: " + key + "=" + v);
    }
    return v;
  }

  private int seqLength() {
    return sequenceLength != null ? sequenceLength : fftLength;
  }

  private double maxHz() {
    return maxFreq != null ? maxFreq : (int) (samplingRate / 2);
  }

  private void validate() {
    if (fftLength < seqLength()) {
      throw new IllegalArgumentException("`fft_length` must be greater than or equal to  `sequence_length`. "
          + "Received: `sequence_length`=" + seqLength() + ", `fft_length`=" + fftLength + ".");
    }
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    validate();
    Ops ops = ops();
    boolean vector = input.rank() == 1;
    Tensor x = ops.cast(vector ? ops.expandDims(input, 0) : input, "float32");
    int p = fftLength / 2;
    long n = x.shape().get(1);
    if (n >= 0 && n <= p) {
      throw new IllegalArgumentException("MelSpectrogram '" + name() + "': reflect padding of " + p + " needs more "
          + "than " + p + " samples. Received: " + n);
    }
    // reflect padding: x[p..1] + x + x[n-2..n-1-p]
    Tensor left = ops.flip(ops.slice(x, new int[] {0, 1}, new int[] {-1, p}), 1);
    Tensor right = ops.flip(ops.slice(x, new int[] {0, (int) n - 1 - p}, new int[] {-1, p}), 1);
    Tensor padded = ops.expandDims(ops.concatenate(List.of(left, x, right), 1), -1);
    int bins = fftLength / 2 + 1;
    float[][] k = MelFilters.dftKernels(fftLength, seqLength(), window);
    Shape ks = Shape.of(fftLength, 1, bins);
    Tensor re = ops.conv(padded, ops.constant(k[0], ks), new int[] {sequenceStride}, "valid", new int[] {1});
    Tensor im = ops.conv(padded, ops.constant(k[1], ks), new int[] {sequenceStride}, "valid", new int[] {1});
    Tensor spec = ops.pow(ops.sqrt(ops.add(ops.square(re), ops.square(im))), (float) magExp);
    float[] mel = MelFilters.matrix(numMelBins, bins, samplingRate, minFreq, maxHz());
    Tensor out = ops.dot(spec, ops.constant(mel, Shape.of(bins, numMelBins)));
    if (powerToDb) {
      float ln10 = (float) Math.log(10);
      Tensor db = ops.multiply(ops.divide(ops.log(ops.maximum(out, (float) minPower)), ops.constant(ln10)), 10f);
      float ref = (float) (10 * Math.log10(Math.max(Math.abs((float) refPower), (float) minPower)));
      db = ops.add(db, -ref);
      out = ops.maximum(db, ops.add(ops.max(db, null, false), (float) -topDb));
    }
    out = ops.transpose(out, 0, 2, 1);
    return vector ? ops.squeeze(out, 0) : out;
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    Shape in = inputShapes.get(0);
    long t = in.get(-1);
    long frames = t < 0 ? -1 : (t + sequenceStride + 1) / sequenceStride;
    return List.of(in.rank() == 1 ? Shape.of(numMelBins, frames) : Shape.of(in.get(0), numMelBins, frames));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("fft_length", fftLength);
    c.put("sequence_stride", sequenceStride);
    c.put("sequence_length", seqLength());
    c.put("window", window);
    c.put("sampling_rate", samplingRate == Math.rint(samplingRate) ? (Object) (long) samplingRate : samplingRate);
    c.put("num_mel_bins", numMelBins);
    c.put("min_freq", minFreq);
    double max = maxHz();
    c.put("max_freq", max == Math.rint(max) ? (Object) (long) max : max);
    c.put("power_to_db", powerToDb);
    c.put("top_db", topDb);
    c.put("mag_exp", magExp);
    c.put("min_power", minPower);
    c.put("ref_power", refPower);
    return c;
  }

  /** A MelSpectrogram layer from its Keras config (Keras' {@code MelSpectrogram.from_config}). */
  public static MelSpectrogram fromConfig(Map<String, Object> config) {
    Config c = new Config("MelSpectrogram", config);
    MelSpectrogram m = new MelSpectrogram().fftLength(c.integer("fft_length", 2048))
        .sequenceStride(c.integer("sequence_stride", 512)).sequenceLengthOrNone(c.optionalInteger("sequence_length"))
        .window(config.containsKey("window") ? c.string("window", null) : "hann")
        .samplingRate(c.number("sampling_rate", 16000)).numMelBins(c.integer("num_mel_bins", 128))
        .minFreq(c.number("min_freq", 20.0)).maxFreqOrNone(c.optionalNumber("max_freq"))
        .powerToDb(c.bool("power_to_db", true)).topDb(c.number("top_db", 80.0)).magExp(c.number("mag_exp", 2.0))
        .minPower(c.number("min_power", 1e-10)).refPower(c.number("ref_power", 1.0));
    m.validate();
    return withBaseConfig(m, c);
  }
}
