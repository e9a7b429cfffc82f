package io.keras4j.layers;

// Follows keras/src/layers/preprocessing/stft_spectrogram.py and keras/src/initializers STFT (Keras 3.15.1).

import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.util.List;
import java.util.Map;

/**
 * Short-time Fourier transform of (batch, time, channels) signals as a 1-D convolution with DFT kernels, as Keras
 * computes it: weights {@code real_kernel} and {@code imag_kernel} of shape
 * {@code (frame_length, 1, fft_length / 2 + 1)}, the windowed cosines and sines.
 *
 * <p>Keras equivalent: {@code keras.layers.STFTSpectrogram(mode="log", frame_length=256, frame_step=None,
 * fft_length=None, window="hann", periodic=False, scaling="density", padding="valid", expand_dims=False,
 * data_format=None)}. Output (batch, frames, channels * bins), or (batch, frames, bins, channels) with
 * {@code expand_dims}; "stft" mode gives the real then the imaginary bins.
 * <pre>{@code new STFTSpectrogram().frameLength(64).mode("magnitude")}</pre>
 * Porting note: channels_last only; windows "hann" and "hamming" (SciPy's) or none.
 */
public class STFTSpectrogram extends BaseLayer<STFTSpectrogram> {
  private static final List<String> MODES = List.of("log", "magnitude", "psd", "real", "imag", "angle", "stft");
  private String mode = "log";
  private int frameLength = 256;
  private Integer frameStep;
  private Integer fftLength;
  private String window = "hann";
  private boolean periodic;
  private String scaling = "density";
  private String padding = "valid";
  private boolean expandDims;
  private Variable realKernel;
  private Variable imagKernel;

  /** Sets the output (Keras' {@code mode=}): log, magnitude, psd, real, imag, angle or stft. Default "log". */
  public STFTSpectrogram mode(String mode) {
    checkNotBuilt("mode");
    if (!MODES.contains(mode)) {
      throw new IllegalArgumentException("Output mode is invalid, it must be one of " + String.join(", ", MODES)
          + ". Received: mode=" + mode);
    }
    this.mode = mode;
    return this;
  }

  /** Sets the window length in samples (Keras' {@code frame_length=}). Default 256. */
  public STFTSpectrogram frameLength(int frameLength) {
    checkNotBuilt("frame_length");
    if (frameLength < 1) {
      throw new IllegalArgumentException("STFTSpectrogram: `frame_length` must be positive. Received: frame_length="
          + frameLength);
    }
    this.frameLength = frameLength;
    return this;
  }

  /** Sets the hop between frames (Keras' {@code frame_step=}, 1 to frame_length). Default frame_length / 2. */
  public STFTSpectrogram frameStep(int frameStep) {
    return frameStepOrNone(frameStep);
  }

  /** {@link #frameStep} taking null for Keras' None (as a config may give). */
  STFTSpectrogram frameStepOrNone(Integer frameStep) {
    checkNotBuilt("frame_step");
    this.frameStep = frameStep;
    return this;
  }

  /** Sets the FFT size (Keras' {@code fft_length=}, at least frame_length). Default the next power of two. */
  public STFTSpectrogram fftLength(int fftLength) {
    return fftLengthOrNone(fftLength);
  }

  /** {@link #fftLength} taking null for Keras' None (as a config may give). */
  STFTSpectrogram fftLengthOrNone(Integer fftLength) {
    checkNotBuilt("fft_length");
    this.fftLength = fftLength;
    return this;
  }

  /** Sets the window (Keras' {@code window=}): "hann", "hamming", or null for none. Default "hann". */
  public STFTSpectrogram window(String window) {
    checkNotBuilt("window");
    if (window != null && !window.equals("hann") && !window.equals("hamming")) {
      throw new IllegalArgumentException("STFTSpectrogram: keras4j supports the windows 'hann' and 'hamming' (or "
          + "None). Received: window=" + window);
    }
    this.window = window;
    return this;
  }

  /** Sets whether the window is periodic rather than symmetric (Keras' {@code periodic=}). Default false. */
  public STFTSpectrogram periodic(boolean periodic) {
    checkNotBuilt("periodic");
    this.periodic = periodic;
    return this;
  }

  /** Sets the kernel scaling (Keras' {@code scaling=}): "density", "spectrum" or null. Default "density". */
  public STFTSpectrogram scaling(String scaling) {
    checkNotBuilt("scaling");
    if (scaling != null && !scaling.equals("density") && !scaling.equals("spectrum")) {
      throw new IllegalArgumentException("Scaling is invalid, it must be `None`, 'density' or 'spectrum'. "
          + "Received scaling=" + scaling);
    }
    this.scaling = scaling;
    return this;
  }

  /** Sets the convolution padding (Keras' {@code padding=}): "valid" or "same". Default "valid". */
  public STFTSpectrogram padding(String padding) {
    checkNotBuilt("padding");
    if (!padding.equals("valid") && !padding.equals("same")) {
      throw new IllegalArgumentException("Padding is invalid, it should be 'valid', 'same'. Received: padding="
          + padding);
    }
    this.padding = padding;
    return this;
  }

  /** Sets whether channels get their own last axis (Keras' {@code expand_dims=}). Default false. */
  public STFTSpectrogram expandDims(boolean expandDims) {
    checkNotBuilt("expand_dims");
    this.expandDims = expandDims;
    return this;
  }

  /** Keras' {@code data_format=}: keras4j supports "channels_last" only. Default "channels_last". */
  public STFTSpectrogram dataFormat(String dataFormat) {
    if (dataFormat != null && !dataFormat.equals("channels_last")) {
      throw new IllegalArgumentException("STFTSpectrogram '" + name() + "': keras4j supports data_format="
          + "channels_last only. Received: data_format=" + dataFormat);
    }
    return this;
  }

  private int step() {
    return frameStep != null ? frameStep : frameLength / 2;
  }

  private int fft() {
    return fftLength != null ? fftLength : 1 << (int) Math.ceil(Math.log(frameLength) / Math.log(2) - 1e-12);
  }

  private void validate() {
    if (frameStep != null && (frameStep > frameLength || frameStep < 1)) {
      throw new IllegalArgumentException("`frame_step` should be a positive integer not greater than "
          + "`frame_length`. Received frame_step=" + frameStep + ", frame_length=" + frameLength);
    }
    if (fftLength != null && fftLength < frameLength) {
      throw new IllegalArgumentException("`fft_length` should be not less than `frame_length`. Received "
          + "fft_length=" + fftLength + ", frame_length=" + frameLength);
    }
  }

  @Override
  protected void build(Shape inputShape) {
    validate();
    if (inputShape.rank() != 3) {
      throw new IllegalArgumentException("Input 0 of layer '" + name() + "' is incompatible with the layer: "
          + "expected ndim=3, found ndim=" + inputShape.rank() + ". Full shape received: " + inputShape);
    }
    Shape k = Shape.of(frameLength, 1, fft() / 2 + 1);
    if (!mode.equals("imag")) {
      realKernel = addWeight("real_kernel", k, new StftKernels(true, window, scaling, periodic), null, null, true);
    }
    if (!mode.equals("real")) {
      imagKernel = addWeight("imag_kernel", k, new StftKernels(false, window, scaling, periodic), null, null, true);
    }
  }

  /** (batch, time, channels) convolved with {@code kernel}: (batch, channels, frames, bins). */
  private Tensor conv(Ops ops, Tensor x, Variable kernel) {
    int channels = (int) x.shape().get(2);
    Tensor flat = ops.expandDims(ops.reshape(ops.transpose(x, 0, 2, 1), -1, x.shape().get(1)), -1);
    Tensor y = ops.conv(flat, ops.read(kernel), new int[] {step()}, padding, new int[] {1});
    if (y.shape().get(1) >= 0) {
      return ops.reshape(y, -1, channels, y.shape().get(1), y.shape().get(2));
    }
    Tensor shape = ops.concatenate(List.of(ops.constant(new int[] {-1, channels}, Shape.of(2)),
        ops.slice(ops.shapeOf(y), new int[] {1}, new int[] {2})), 0);
    return ops.reshape(y, shape);
  }

  @Override
  protected Tensor call(Tensor input, boolean training) {
    if (!input.dtype().startsWith("float")) {
      throw new IllegalArgumentException("Invalid input type. Expected `float16`, `float32` or `float64`. "
          + "Received: input type=" + input.dtype());
    }
    Ops ops = ops();
    Tensor real = realKernel == null ? null : conv(ops, input, realKernel);
    Tensor imag = imagKernel == null ? null : conv(ops, input, imagKernel);
    Tensor out;
    switch (mode) {
      case "real" -> out = real;
      case "imag" -> out = imag;
      case "angle" -> out = ops.arctan2(imag, real);
      case "stft" -> out = ops.concatenate(List.of(real, imag), 3);
      default -> {
        Tensor power = ops.add(ops.square(real), ops.square(imag));
        int bins = fft() / 2 + 1;
        if (mode.equals("psd")) {
          float[] twice = new float[bins];
          for (int f = 0; f < bins; f++) {
            twice[f] = f > 0 && f < bins - 1 ? 2 : 1; // Keras adds power[1:-1] once more
          }
          out = ops.multiply(power, ops.constant(twice, Shape.of(bins)));
        } else {
          out = ops.sqrt(ops.maximum(power, 1e-7f));
          if (mode.equals("log")) {
            out = ops.log(ops.maximum(out, 1e-7f));
          }
        }
      }
    }
    // (batch, channels, frames, bins) -> (batch, frames, channels * bins) or (batch, frames, bins, channels)
    if (expandDims) {
      return ops.transpose(out, 0, 2, 3, 1);
    }
    Tensor t = ops.transpose(out, 0, 2, 1, 3);
    long cf = (long) input.shape().get(2) * bins();
    if (t.shape().get(1) >= 0) {
      return ops.reshape(t, -1, t.shape().get(1), cf);
    }
    Tensor shape = ops.concatenate(List.of(ops.slice(ops.shapeOf(t), new int[] {0}, new int[] {2}),
        ops.constant(new int[] {(int) cf}, Shape.of(1))), 0);
    return ops.reshape(t, shape);
  }

  private int bins() {
    return (fft() / 2 + 1) * (mode.equals("stft") ? 2 : 1);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> inputShapes, List<String> dtypes) {
    Shape in = inputShapes.get(0);
    long t = in.get(1);
    long frames = t < 0 ? -1 : padding.equals("same") ? (t + step() - 1) / step()
        : Math.max(0, (t - frameLength) / step() + 1);
    return List.of(expandDims ? Shape.of(in.get(0), frames, bins(), in.get(2))
        : Shape.of(in.get(0), frames, in.get(2) * bins()));
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("mode", mode);
    c.put("frame_length", frameLength);
    c.put("frame_step", frameStep);
    c.put("fft_length", fftLength);
    c.put("window", window);
    c.put("periodic", periodic);
    c.put("scaling", scaling);
    c.put("padding", padding);
    c.put("data_format", "channels_last");
    c.put("expand_dims", expandDims);
    return c;
  }

  /** An STFTSpectrogram layer from its Keras config (Keras' {@code STFTSpectrogram.from_config}). */
  public static STFTSpectrogram fromConfig(Map<String, Object> config) {
    Config c = new Config("STFTSpectrogram", config);
    STFTSpectrogram s = new STFTSpectrogram().mode(c.string("mode", "log"))
        .frameLength(c.integer("frame_length", 256)).frameStepOrNone(c.optionalInteger("frame_step"))
        .fftLengthOrNone(c.optionalInteger("fft_length"))
        .window(config.containsKey("window") ? c.string("window", null) : "hann")
        .periodic(c.bool("periodic", false))
        .scaling(config.containsKey("scaling") ? c.string("scaling", null) : "density")
        .padding(c.string("padding", "valid")).expandDims(c.bool("expand_dims", false))
        .dataFormat(c.string("data_format", null));
    s.validate();
    return withBaseConfig(s, c);
  }
}
