package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import java.util.ArrayList;
import java.util.List;
import org.tensorflow.Operand;
import org.tensorflow.op.Ops;
import org.tensorflow.op.nn.Conv2dBackpropInput;
import org.tensorflow.op.nn.Conv3dBackpropInput;
import org.tensorflow.op.nn.FusedBatchNorm;

/**
 * Convolution, pooling and resizing ops of {@link TFOps}, channels-last. 1-D ops run as 2-D ops over a height of 1.
 */
@SuppressWarnings({"unchecked", "rawtypes"})
abstract class TFNNOps extends TFReductionOps {
  TFNNOps(Ops tf) {
    super(tf);
  }

  // ---- random draws beyond TFArrayOps' uniform and normal ----
  @Override
  public Tensor randomGamma(Tensor shape, Tensor alpha, long seed) {
    Operand a = tf.dtypes.cast(o(alpha), org.tensorflow.types.TFloat32.class);
    return t(tf.random.randomGamma(o(shape), a, org.tensorflow.op.random.RandomGamma.seed(seed),
        org.tensorflow.op.random.RandomGamma.seed2(seed >>> 7)));
  }

  @Override
  public Tensor unsortedSegmentSum(Tensor data, Tensor segmentIds, int numSegments) {
    Operand ids = "int32".equals(segmentIds.dtype()) || "int64".equals(segmentIds.dtype())
        ? o(segmentIds) : tf.dtypes.cast(o(segmentIds), org.tensorflow.types.TInt32.class);
    return t(tf.math.unsortedSegmentSum(o(data), ids, tf.constant(numSegments)));
  }

  static List<Long> nhwc(int[] spatial) {
    List<Long> l = new ArrayList<>();
    l.add(1L);
    for (int s : spatial) {
      l.add((long) s);
    }
    l.add(1L);
    return l;
  }

  private static String pad(String padding) {
    return padding.toUpperCase(java.util.Locale.ROOT);
  }

  private static int[] prepend1(int[] a) {
    int[] out = new int[a.length + 1];
    out[0] = 1;
    System.arraycopy(a, 0, out, 1, a.length);
    return out;
  }

  @Override
  public Tensor conv(Tensor x, Tensor kernel, int[] strides, String padding, int[] dilations) {
    int n = x.rank() - 2;
    if (n == 1) {
      Tensor y = conv(expandDims(x, 1), expandDims(kernel, 0), prepend1(strides), padding, prepend1(dilations));
      return squeeze(y, 1);
    }
    if (dilated(dilations)) {
      return atrous(x, kernel, padding, dilations, (in, pad) -> conv(in, kernel, ones(n), pad, ones(n)));
    }
    Tensor in = x;
    Tensor k = kernel;
    if (singleChannelStrided(kernel, strides)) {
      in = withZeroSlice(x, n + 1);
      k = withZeroSlice(kernel, n);
    }
    if (n == 2) {
      return t(tf.nn.conv2d(o(in), o(k), nhwc(strides), pad(padding)));
    }
    if (n == 3) {
      CustomGradients.ensureRegistered();
      return t(tf.nn.conv3d(o(in), o(k), nhwc(strides), pad(padding)));
    }
    throw new IllegalArgumentException("conv supports 1 to 3 spatial dimensions. Received input of shape " + x.shape());
  }

  @Override
  public Tensor depthwiseConv(Tensor x, Tensor kernel, int[] strides, String padding, int[] dilations) {
    if (dilated(dilations)) {
      return atrous(x, kernel, padding, dilations, (in, pad) -> depthwiseConv(in, kernel, ones(2), pad, ones(2)));
    }
    return t(tf.nn.depthwiseConv2dNative(o(x), o(kernel), nhwc(strides), pad(padding)));
  }

  /**
   * FusedBatchNormV3 straight after a Conv2D, which Grappler's remapper fuses into the convolution (with a following
   * Relu6 or Relu); elsewhere {@code tf.nn.batch_normalization}'s element-wise form {@code x * inv + (offset - mean
   * * inv)}, since oneDNN's standalone FusedBatchNormV3 kernel is many times slower than those two ops on CPU.
   */
  @Override
  public Tensor fusedBatchNormInference(Tensor x, Tensor scale, Tensor offset, Tensor mean, Tensor variance,
      float epsilon) {
    Operand in = o(x);
    if (x.rank() == 4 && "Conv2D".equals(in.op().type())) {
      return t(tf.nn.fusedBatchNorm(in, o(scale), o(offset), o(mean), o(variance), FusedBatchNorm.epsilon(epsilon),
          FusedBatchNorm.isTraining(false), FusedBatchNorm.dataFormat("NHWC")).y());
    }
    Operand inv = tf.math.mul(tf.math.rsqrt(tf.math.add(o(variance), tf.constant(epsilon))), o(scale));
    return t(tf.math.add(tf.math.mul(in, inv), tf.math.sub(o(offset), tf.math.mul(o(mean), inv))));
  }

  private static boolean dilated(int[] dilations) {
    for (int d : dilations) {
      if (d > 1) {
        return true;
      }
    }
    return false;
  }

  private static int[] ones(int n) {
    int[] a = new int[n];
    java.util.Arrays.fill(a, 1);
    return a;
  }

  /**
   * A dilated (atrous) convolution as an undilated one on space-to-batch rearranged input, the way TensorFlow's
   * Python {@code tf.nn.convolution} computes it; oneDNN's kernels reject dilations in the input gradient.
   */
  private Tensor atrous(Tensor x, Tensor kernel, String padding, int[] dilations,
      java.util.function.BiFunction<Tensor, String, Tensor> undilated) {
    int n = dilations.length;
    int[][] pads = new int[n][2];
    int[][] crops = new int[n][2];
    for (int i = 0; i < n; i++) {
      long in = x.shape().get(i + 1);
      if (in < 0) {
        throw new IllegalArgumentException("A dilated convolution needs known spatial sizes. Received: " + x.shape());
      }
      int k = (int) kernel.shape().get(i);
      int dk = (k - 1) * dilations[i] + 1;
      int total = padding.equals("same") ? dk - 1 : 0;
      int start = total / 2;
      int end = total - start;
      long full = in + start + end;
      int extra = (int) ((dilations[i] - full % dilations[i]) % dilations[i]);
      pads[i][0] = start;
      pads[i][1] = end + extra;
      crops[i][1] = extra;
    }
    Operand block = tf.constant(dilations);
    Operand s2b = tf.spaceToBatchNd(o(x), block, tf.constant(pads));
    Tensor y = undilated.apply(t(s2b), "valid");
    return t(tf.batchToSpaceNd(o(y), block, tf.constant(crops)));
  }

  @Override
  public Tensor convTranspose(Tensor x, Tensor kernel, int[] outputSpatial, int[] strides, String padding,
      int[] dilations) {
    int n = x.rank() - 2;
    if (n == 1) {
      Tensor y = convTranspose(expandDims(x, 1), expandDims(kernel, 0), prepend1(outputSpatial), prepend1(strides),
          padding, prepend1(dilations));
      return squeeze(y, 1);
    }
    long out = kernel.shape().get(-2);
    if (singleChannelStrided(kernel, strides)) {
      x = withZeroSlice(x, n + 1);
      kernel = withZeroSlice(kernel, n + 1);
    }
    Operand batch = tf.slice(tf.shape(o(x)), tf.constant(new int[] {0}), tf.constant(new int[] {1}));
    int[] rest = new int[n + 1];
    System.arraycopy(outputSpatial, 0, rest, 0, n);
    rest[n] = (int) out;
    Operand sizes = tf.concat(List.of(batch, tf.constant(rest)), tf.constant(0));
    Operand y;
    if (n == 2) {
      y = tf.nn.conv2dBackpropInput(sizes, o(kernel), o(x), nhwc(strides), pad(padding),
          Conv2dBackpropInput.dilations(nhwc(dilations)));
    } else {
      CustomGradients.ensureRegistered();
      y = tf.nn.conv3dBackpropInput(sizes, o(kernel), o(x), nhwc(strides), pad(padding),
          Conv3dBackpropInput.dilations(nhwc(dilations)));
    }
    long[] dims = new long[n + 2];
    dims[0] = -1;
    for (int i = 0; i < n; i++) {
      dims[i + 1] = outputSpatial[i];
    }
    dims[n + 1] = out;
    return t(tf.reshape(y, tf.constant(dims)));
  }

  /**
   * Whether {@code kernel} maps one channel to one channel with a stride above 1. Porting note: there oneDNN's
   * Conv2DBackpropInput and Conv3DBackpropInputV2 (the transposed convolution, and the input gradient of a
   * convolution) drop contributions on some x86 CPUs (seen on AMD EPYC with TensorFlow Java 1.0); with a second input
   * channel they are right. Callers add a zero channel ({@link #withZeroSlice}), which changes no value and whose
   * gradient flows through Pad.
   */
  private static boolean singleChannelStrided(Tensor kernel, int[] strides) {
    return kernel.shape().get(-1) == 1 && kernel.shape().get(-2) == 1 && java.util.Arrays.stream(strides)
        .anyMatch(s -> s > 1);
  }

  /** {@code t} with one slice of zeros appended along {@code axis}. */
  private Tensor withZeroSlice(Tensor t, int axis) {
    int[][] paddings = new int[t.rank()][2];
    paddings[axis][1] = 1;
    return pad(t, paddings, 0f);
  }

  /**
   * TensorFlow's {@code MaxPool} (window and strides as attributes), which Python TensorFlow's
   * {@code tf.nn.max_pool2d} emits; TensorFlow Java's {@code tf.nn.maxPool} is {@code MaxPoolV2} (window and strides
   * as tensors), which oneDNN's graph pass leaves to the Eigen kernels, whose {@code MaxPoolGradV2} ran 5x slower than
   * {@code _MklNativeMaxPoolGrad} on W3 (docs/performance.md, "W3 CNN and mixed precision").
   */
  private Operand maxPool2d(Operand x, List<Long> ksize, List<Long> strides, String padding) {
    return tf.scope().opBuilder("MaxPool", tf.scope().makeOpName("MaxPool")).addInput(x.asOutput())
        .setAttr("ksize", longs(ksize)).setAttr("strides", longs(strides)).setAttr("padding", padding)
        .setAttr("data_format", "NHWC").build().output(0);
  }

  private static long[] longs(List<Long> values) {
    return values.stream().mapToLong(Long::longValue).toArray();
  }

  @Override
  public Tensor pool(Tensor x, String mode, int[] poolSize, int[] strides, String padding) {
    int n = x.rank() - 2;
    boolean max = mode.equals("max");
    if (n == 1) {
      return squeeze(pool(expandDims(x, 1), mode, prepend1(poolSize), prepend1(strides), padding), 1);
    }
    if (n == 2) {
      if (max) {
        return t(maxPool2d(o(x), nhwc(poolSize), nhwc(strides), pad(padding)));
      }
      return t(tf.nn.avgPool(o(x), nhwc(poolSize), nhwc(strides), pad(padding)));
    }
    if (n == 3) {
      return max ? t(tf.nn.maxPool3d(o(x), nhwc(poolSize), nhwc(strides), pad(padding)))
          : t(tf.nn.avgPool3d(o(x), nhwc(poolSize), nhwc(strides), pad(padding)));
    }
    throw new IllegalArgumentException("pool supports 1 to 3 spatial dimensions. Received input of shape " + x.shape());
  }

  @Override
  public Tensor repeat(Tensor x, int repeats, int axis) {
    int a = norm(x, axis);
    Shape s = x.shape();
    Tensor e = expandDims(x, a + 1);
    int[] mult = new int[x.rank() + 1];
    java.util.Arrays.fill(mult, 1);
    mult[a + 1] = repeats;
    Tensor tiled = tile(e, mult);
    long[] dims = s.dims();
    dims[0] = -1;
    dims[a] = dims[a] < 0 ? -1 : dims[a] * repeats;
    if (a == 0 || java.util.Arrays.stream(dims).filter(d -> d < 0).count() > 1) {
      Operand shape = tf.shape(o(x));
      Operand scaled = tf.math.mul(shape, tf.constant(oneHotScale(x.rank(), a, repeats)));
      return t(tf.reshape(o(tiled), scaled));
    }
    return reshape(tiled, dims);
  }

  private static int[] oneHotScale(int rank, int axis, int repeats) {
    int[] v = new int[rank];
    java.util.Arrays.fill(v, 1);
    v[axis] = repeats;
    return v;
  }

  @Override
  public Tensor resizeBilinear(Tensor x, int height, int width) {
    return t(tf.image.resizeBilinear(o(x), tf.constant(new int[] {height, width}),
        org.tensorflow.op.image.ResizeBilinear.halfPixelCenters(true)));
  }

  @Override
  public Tensor resize(Tensor x, int height, int width, String interpolation, boolean antialias) {
    Operand size = tf.constant(new int[] {height, width});
    switch (interpolation) {
      case "nearest":
        return t(tf.image.resizeNearestNeighbor(o(x), size,
            org.tensorflow.op.image.ResizeNearestNeighbor.halfPixelCenters(true)));
      case "area":
        return t(tf.image.resizeArea(o(x), size));
      case "bilinear":
        return antialias ? scaleAndTranslate(x, size, "triangle", true) : resizeBilinear(x, height, width);
      case "bicubic":
        return antialias ? scaleAndTranslate(x, size, "keyscubic", true)
            : t(tf.image.resizeBicubic(o(x), size, org.tensorflow.op.image.ResizeBicubic.halfPixelCenters(true)));
      case "lanczos3":
      case "lanczos5":
        return scaleAndTranslate(x, size, interpolation, antialias);
      default:
        throw new IllegalArgumentException("Invalid value for argument `interpolation`. Expected one of "
            + "[bilinear, nearest, lanczos3, lanczos5, bicubic, area]. Received: interpolation=" + interpolation);
    }
  }

  /** TensorFlow's {@code resize_with_scale_and_translate}: scale = new size / old size in float32, no shift. */
  private Tensor scaleAndTranslate(Tensor x, Operand size, String kernel, boolean antialias) {
    Operand hw = tf.slice(tf.shape(o(x)), tf.constant(new int[] {1}), tf.constant(new int[] {2}));
    Operand scale = tf.math.div(tf.dtypes.cast(size, org.tensorflow.types.TFloat32.class),
        tf.dtypes.cast(hw, org.tensorflow.types.TFloat32.class));
    return t(tf.image.scaleAndTranslate(o(x), size, scale, tf.zeros(tf.constant(new int[] {2}),
        org.tensorflow.types.TFloat32.class), org.tensorflow.op.image.ScaleAndTranslate.kernelType(kernel),
        org.tensorflow.op.image.ScaleAndTranslate.antialias(antialias)));
  }

  @Override
  public Tensor flip(Tensor x, int axis) {
    return t(tf.reverse(o(x), tf.constant(new int[] {norm(x, axis)})));
  }

  @Override
  public Tensor imageTransform(Tensor images, Tensor transforms, String fillMode, String interpolation,
      float fillValue) {
    Shape s = images.shape();
    return imageTransform(images, transforms, fillMode, interpolation, fillValue, (int) s.get(1), (int) s.get(2));
  }

  @Override
  public Tensor imageTransform(Tensor images, Tensor transforms, String fillMode, String interpolation,
      float fillValue, int height, int width) {
    Operand size = tf.constant(new int[] {height, width});
    return t(tf.image.imageProjectiveTransformV3(o(images), o(transforms), size, tf.constant(fillValue),
        interpolation.toUpperCase(java.util.Locale.ROOT),
        org.tensorflow.op.image.ImageProjectiveTransformV3.fillMode(fillMode.toUpperCase(java.util.Locale.ROOT))));
  }
}
