package io.keras4j.applications;

import io.keras4j.backend.KerasTensor;
import io.keras4j.backend.Shape;
import io.keras4j.layers.Activation;
import io.keras4j.layers.BatchNormalization;
import io.keras4j.layers.Conv2D;
import io.keras4j.layers.Dense;
import io.keras4j.layers.GlobalAveragePooling2D;
import io.keras4j.layers.GlobalMaxPooling2D;
import io.keras4j.layers.Input;
import io.keras4j.layers.Layer;
import io.keras4j.layers.MaxPooling2D;
import io.keras4j.models.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The keyword arguments every {@code keras.applications} network takes, and the steps they share: the input, the
 * classifier or pooling on top, and the weights.
 *
 * <p>Follows keras/src/applications/*.py and {@code imagenet_utils.obtain_input_shape}.
 * <pre>{@code Model base = new MobileNetV2().includeTop(false).weights("imagenet").inputShape(160, 160, 3).build();}</pre>
 *
 * <p>Porting note: a Keras application is a function with keyword arguments; here it is a class whose setters are
 * those arguments and whose {@link #build()} is the call. Images are channels-last (Keras' default
 * {@code image_data_format}); a dimension {@code None} of {@code input_shape} is written {@link Shape#UNKNOWN}.
 *
 * @param <T> the concrete application, returned by its setters
 */
public abstract class Application<T extends Application<T>> {
  private boolean includeTop = true;
  private Object weights = "imagenet";
  private KerasTensor inputTensor;
  private long[] inputShape;
  private String pooling;
  private int classes = 1000;
  private String classifierActivation = "softmax";
  private String name;
  private final Map<String, Integer> autoNames = new HashMap<>();

  /** The network with its weights: Keras' {@code keras.applications.<Name>(...)} call. */
  public abstract Model build();

  @SuppressWarnings("unchecked")
  protected final T self() {
    return (T) this;
  }

  /** Whether to include the classifier at the top of the network. Default: true. */
  public T includeTop(boolean includeTop) {
    this.includeTop = includeTop;
    return self();
  }

  /**
   * {@code "imagenet"} (Keras' pretrained weights, downloaded once into {@code KERAS_HOME/models}), {@code null}
   * (random initialization) or the path of a weights file. Default: "imagenet".
   */
  public T weights(String weights) {
    if (weights != null && !weights.equals("imagenet") && !Files.exists(Path.of(weights))) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": the `weights` argument should be either "
          + "`None` (random initialization), `imagenet` (pre-training on ImageNet), or the path to the weights file "
          + "to be loaded. Received: weights=" + weights);
    }
    this.weights = weights;
    return self();
  }

  /** The path of a weights file to load. */
  public T weights(Path weights) {
    return weights(weights.toString());
  }

  /** A Keras tensor ({@code Input.of(...)}) to use as the image input. Default: none (a new input). */
  public T inputTensor(KerasTensor inputTensor) {
    this.inputTensor = inputTensor;
    return self();
  }

  /**
   * The input shape (height, width, channels), only when {@code includeTop} is false or with weights other than
   * ImageNet's; {@link Shape#UNKNOWN} for a free dimension. Default: the family's default size.
   */
  public T inputShape(long... inputShape) {
    if (inputShape.length != 3) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": `input_shape` must be a tuple of three "
          + "integers. Received: input_shape=" + Shape.of(inputShape));
    }
    this.inputShape = inputShape.clone();
    return self();
  }

  /** Pooling on the last convolutional block when {@code includeTop} is false: null, "avg" or "max". Default: null. */
  public T pooling(String pooling) {
    if (pooling != null && !pooling.equals("avg") && !pooling.equals("max")) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": `pooling` should be None, 'avg' or 'max'. "
          + "Received: pooling=" + pooling);
    }
    this.pooling = pooling;
    return self();
  }

  /** The number of classes of the classifier on top. Default: 1000. */
  public T classes(int classes) {
    if (classes < 1) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": `classes` must be positive. Received: "
          + "classes=" + classes);
    }
    this.classes = classes;
    return self();
  }

  /** The activation of the classifier on top; null returns the logits. Default: "softmax". */
  public T classifierActivation(String classifierActivation) {
    this.classifierActivation = classifierActivation;
    return self();
  }

  /** The model's name. Default: the family's (such as "vgg16" or "mobilenetv2_1.00_224"). */
  public T name(String name) {
    this.name = name;
    return self();
  }

  protected boolean includeTop() {
    return includeTop;
  }

  protected Object weights() {
    return weights;
  }

  protected boolean imagenet() {
    return "imagenet".equals(weights);
  }

  protected String pooling() {
    return pooling;
  }

  protected int classes() {
    return classes;
  }

  /** The name set by {@link #name(String)}, or {@code fallback}. */
  protected String nameOr(String fallback) {
    return name == null ? fallback : name;
  }

  /** The checks every family makes before building: the weights and the classes of a pretrained top. */
  protected void validate() {
    if (imagenet() && includeTop && classes != 1000) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": if using `weights=\"imagenet\"` with "
          + "`include_top=True`, `classes` should be 1000. Received: classes=" + classes);
    }
    if (includeTop && weights != null && classifierActivation != null && !classifierActivation.equals("softmax")) {
      throw new IllegalArgumentException(getClass().getSimpleName() + ": only `None` and `softmax` activations are "
          + "allowed for the `classifier_activation` argument when using pretrained weights, with "
          + "`include_top=True`; Received: classifier_activation=" + classifierActivation);
    }
  }

  /** The input shape the family builds with, given its default and minimal sizes. */
  protected long[] obtainInputShape(int defaultSize, int minSize) {
    return ImagenetUtils.obtainInputShape(getClass().getSimpleName(), inputShape, defaultSize, minSize, includeTop,
        weights);
  }

  /**
   * The default size for {@link #obtainInputShape} of a family with ImageNet weights at several square sizes: the
   * requested size when it is square and one of {@code sizes}, else 224 (Keras' MobileNet and MobileNetV2).
   */
  protected int defaultSizeAmong(java.util.Set<Integer> sizes) {
    long[] requested = requestedInputShape();
    return requested != null && requested[0] == requested[1] && sizes.contains((int) requested[0])
        ? (int) requested[0] : 224;
  }

  /** The requested input shape, or null. */
  protected long[] requestedInputShape() {
    return inputShape == null ? null : inputShape.clone();
  }

  /** The image input: the given input tensor, or a new input named as Keras names it. */
  protected KerasTensor input(long[] shape) {
    return inputTensor != null ? inputTensor : Input.of(Shape.of(shape), "input_layer");
  }

  /**
   * {@code layer} named as Keras names an unnamed layer in a fresh session: {@code base}, then {@code base_1}, ...
   * (each build starts its own count).
   */
  protected <L extends Layer> L auto(L layer, String base) {
    int n = autoNames.merge(base, 1, Integer::sum) - 1;
    layer.name(n == 0 ? base : base + "_" + n);
    return layer;
  }

  /** The stem InceptionV3 and InceptionResNetV2 share: five {@link #convBn} and two {@link #maxPool}, auto-named. */
  protected KerasTensor inceptionStem(KerasTensor input) {
    KerasTensor x = convBn(input, 32, 3, 3, 2, "valid");
    x = convBn(x, 32, 3, 3, 1, "valid");
    x = convBn(x, 64, 3, 3, 1, "same");
    x = maxPool(x);
    x = convBn(x, 80, 1, 1, 1, "valid");
    x = convBn(x, 192, 3, 3, 1, "valid");
    return maxPool(x);
  }

  /** {@link #convBn(KerasTensor, int, int, int, int, String)} with stride 1 and "same" padding. */
  protected KerasTensor convBn(KerasTensor x, int filters, int rows, int cols) {
    return convBn(x, filters, rows, cols, 1, "same");
  }

  /**
   * Keras' {@code conv2d_bn} of the Inception family, unnamed: a bias-free convolution, batch normalization without
   * scale, ReLU (auto names {@code conv2d}, {@code batch_normalization}, {@code activation}).
   */
  protected KerasTensor convBn(KerasTensor x, int filters, int rows, int cols, int stride, String padding) {
    x = auto(new Conv2D(filters, rows, cols).strides(stride, stride).padding(padding).useBias(false), "conv2d")
        .apply(x);
    x = auto(new BatchNormalization().scale(false), "batch_normalization").apply(x);
    return auto(new Activation("relu"), "activation").apply(x);
  }

  /** A 3x3 max pooling of stride 2, auto-named {@code max_pooling2d}. */
  protected KerasTensor maxPool(KerasTensor x) {
    return auto(new MaxPooling2D(3, 3).strides(2, 2), "max_pooling2d").apply(x);
  }

  /** The classifier of most families: global average pooling (named {@code poolName}) and Dense "predictions". */
  protected KerasTensor denseTop(KerasTensor x, String poolName) {
    Layer pool = poolName == null ? auto(new GlobalAveragePooling2D(), "global_average_pooling2d")
        : new GlobalAveragePooling2D().name(poolName);
    return predictions(pool.apply(x));
  }

  /** The Dense classifier named "predictions". */
  protected KerasTensor predictions(KerasTensor x) {
    return new Dense(classes).activation(activation()).name("predictions").apply(x);
  }

  /** The classifier activation, "linear" for null. */
  protected String activation() {
    return classifierActivation == null ? "linear" : classifierActivation;
  }

  /** Global pooling by {@link #pooling(String)} (layer names from Keras, or auto names when null), or x itself. */
  protected KerasTensor pool(KerasTensor x, String avgName, String maxName) {
    if ("avg".equals(pooling)) {
      return (avgName == null ? auto(new GlobalAveragePooling2D(), "global_average_pooling2d")
          : new GlobalAveragePooling2D().name(avgName)).apply(x);
    }
    if ("max".equals(pooling)) {
      return (maxName == null ? auto(new GlobalMaxPooling2D(), "global_max_pooling2d")
          : new GlobalMaxPooling2D().name(maxName)).apply(x);
    }
    return x;
  }

  /**
   * The model from the input to {@code output}, its weights loaded: Keras' file {@code imagenet} (when the weights
   * are "imagenet"; fetched by {@link KerasFiles#getFile}) or the given path.
   */
  protected Model finish(KerasTensor input, KerasTensor output, String defaultName, WeightFile imagenet) {
    Model model = new Model(List.of(input), List.of(output));
    model.name(nameOr(defaultName));
    try {
      if (imagenet()) {
        model.loadWeights(KerasFiles.getFile(imagenet.fileName(), imagenet.origin(), imagenet.fileHash(), "models"));
      } else if (weights != null) {
        model.loadWeights(Path.of(weights.toString()));
      }
    } catch (RuntimeException e) {
      model.close();
      throw e;
    }
    return model;
  }
}
