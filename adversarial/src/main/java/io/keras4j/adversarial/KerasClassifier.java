package io.keras4j.adversarial;

import io.keras4j.adversarial.defences.Preprocessor;
import io.keras4j.backend.Backend;
import io.keras4j.backend.GradientTape;
import io.keras4j.backend.Ops;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.data.NDArray;
import io.keras4j.losses.CategoricalCrossentropy;
import io.keras4j.losses.Loss;
import io.keras4j.models.FitOptions;
import io.keras4j.models.KerasFunction;
import io.keras4j.models.Model;
import java.util.ArrayList;
import java.util.List;

/**
 * A keras4j {@link Model} seen as the classifier attacks and defences work on: predictions, and gradients of the
 * loss or of each class output with respect to the input.
 *
 * <pre>{@code
 * KerasClassifier classifier = new KerasClassifier(model).clipValues(0, 1);
 * NDArray xAdv = new FastGradientMethod(classifier).eps(0.1).generate(x, y);
 * }</pre>
 *
 * <p>ART equivalent: {@code art.estimators.classification.KerasClassifier(model, use_logits=False,
 * clip_values=None, preprocessing_defences=None)}. Labels {@code y} are one-hot rows, as ART's; see
 * {@link Utils#toCategorical}. Each gradient call is one engine call ({@link KerasFunction}) for all the samples
 * given. Porting note: the loss is categorical cross-entropy on the model's output ({@code from_logits} =
 * {@code use_logits}), summed over the samples so that each sample's gradient is that of its own loss, as ART's
 * per-sample {@code loss_gradient}. Close the classifier to release its traced functions (not the model).
 */
public final class KerasClassifier implements AutoCloseable {
  private final Model model;
  private float[] clipValues;
  private boolean useLogits;
  private List<Preprocessor> preprocessingDefences = List.of();
  private KerasFunction lossGradient;
  private KerasFunction classGradient;
  private int nbClasses = -1;

  /** A classifier around {@code model}, whose output is one probability (or logit) per class. */
  public KerasClassifier(Model model) {
    if (model == null) {
      throw new IllegalArgumentException("KerasClassifier expects a model. Received: null");
    }
    this.model = model;
  }

  /** The valid range of input values, {@code clip_values=(min, max)}; attacks clip to it. Default: none. */
  public KerasClassifier clipValues(double min, double max) {
    if (!(min < max)) {
      throw new IllegalArgumentException("KerasClassifier expects clip_values with min < max. Received: clip_values=("
          + min + ", " + max + ")");
    }
    this.clipValues = new float[] {(float) min, (float) max};
    return this;
  }

  /** Whether the model outputs logits ({@code use_logits}). Default: false (probabilities). */
  public KerasClassifier useLogits(boolean useLogits) {
    closeFunctions();
    this.useLogits = useLogits;
    return this;
  }

  /** Defences applied to inputs before predicting and training ({@code preprocessing_defences}). Default: none. */
  public KerasClassifier preprocessingDefences(Preprocessor... defences) {
    for (Preprocessor p : defences) {
      if (p == null) {
        throw new IllegalArgumentException("KerasClassifier expects preprocessing defences. Received: null");
      }
    }
    this.preprocessingDefences = List.of(defences);
    return this;
  }

  /** A classifier on the same model and settings with other preprocessing defences (none when empty). */
  public KerasClassifier withDefences(Preprocessor... defences) {
    KerasClassifier c = new KerasClassifier(model).useLogits(useLogits).preprocessingDefences(defences);
    c.clipValues = clipValues;
    return c;
  }

  /** {@code (min, max)}, or null when none were set. */
  public float[] clipValues() {
    return clipValues == null ? null : clipValues.clone();
  }

  public boolean useLogits() {
    return useLogits;
  }

  public Model model() {
    return model;
  }

  /** The number of classes, the size of the model's last output axis. */
  public int nbClasses() {
    if (nbClasses < 0) {
      long[] dims = model.outputs().get(0).shape().dims();
      nbClasses = (int) dims[dims.length - 1];
    }
    return nbClasses;
  }

  /** The model's predictions for {@code x}, after the preprocessing defences (ART's {@code predict}). */
  public float[][] predict(NDArray x) {
    return predict(x, 128);
  }

  /** The model's predictions for {@code x} in batches of {@code batchSize}. */
  public float[][] predict(NDArray x, int batchSize) {
    return model.predict(preprocess(x, null, false).x(), batchSize).toFloat2D();
  }

  /**
   * The model's forward pass on {@code x} while a step is traced (inside a {@link KerasFunction}), for attacks that
   * build their own objective, such as {@code CarliniL2Method}.
   */
  public Tensor apply(Tensor x) {
    return model.apply(x, false);
  }

  /** The gradient of each sample's loss with respect to its input, shaped as {@code x} (ART's loss_gradient). */
  public NDArray lossGradient(NDArray x, float[][] y) {
    checkLabels(x, y);
    if (lossGradient == null) {
      Loss loss = new CategoricalCrossentropy().fromLogits(useLogits).reduction("sum");
      lossGradient = KerasFunction.of(in -> {
        Tensor value = loss.apply(in.get(1), apply(in.get(0)), null);
        return List.of(new GradientTape().watch(in.get(0)).gradient(value, in.get(0)));
      });
    }
    return lossGradient.call(preprocess(x, null, false).x(), y).get(0);
  }

  /**
   * The gradients of every class output with respect to the input, shaped {@code (n, nbClasses, ...)} (ART's
   * {@code class_gradient(x)}), from one engine call.
   */
  public NDArray classGradient(NDArray x) {
    if (classGradient == null) {
      int k = nbClasses();
      classGradient = KerasFunction.of(in -> {
        Ops ops = Backend.ops();
        Tensor out = apply(in.get(0));
        GradientTape tape = new GradientTape().watch(in.get(0));
        List<Tensor> grads = new ArrayList<>();
        for (int c = 0; c < k; c++) {
          float[] mask = new float[k];
          mask[c] = 1;
          Tensor target = ops.sum(ops.multiply(out, ops.constant(mask, Shape.of(1, k))), null, false);
          grads.add(tape.gradient(target, in.get(0)));
        }
        return List.of(ops.stack(grads, 1));
      });
    }
    return classGradient.call(preprocess(x, null, false).x()).get(0);
  }

  /** The gradient of class {@code label}'s output, shaped {@code (n, 1, ...)} (ART's class_gradient(x, label)). */
  public NDArray classGradient(NDArray x, int label) {
    if (label < 0 || label >= nbClasses()) {
      throw new IllegalArgumentException("KerasClassifier.classGradient expects a label in [0, " + nbClasses()
          + "). Received: label=" + label);
    }
    NDArray all = classGradient(x);
    int n = (int) all.shape()[0];
    int d = (int) (all.size() / n / nbClasses());
    float[] v = all.toFloatArray();
    float[] out = new float[n * d];
    for (int i = 0; i < n; i++) {
      System.arraycopy(v, (i * nbClasses() + label) * d, out, i * d, d);
    }
    long[] shape = all.shape().clone();
    shape[1] = 1;
    return NDArray.of(out, shape);
  }

  /**
   * Trains the (compiled) model on {@code (x, y)} after the preprocessing defences that apply at fit, such as
   * {@code GaussianAugmentation} (ART's {@code fit(x, y, batch_size=128, nb_epochs=20)}).
   */
  public void fit(NDArray x, float[][] y, int batchSize, int nbEpochs) {
    checkLabels(x, y);
    Preprocessor.Output data = preprocess(x, y, true);
    model.fit(data.x(), data.y(), new FitOptions().epochs(nbEpochs).batchSize(batchSize).verbose(0));
  }

  /** One gradient step on a batch, without the preprocessing defences (used by the adversarial trainers). */
  public void trainOnBatch(NDArray x, float[][] y) {
    checkLabels(x, y);
    model.trainOnBatch(x, y);
  }

  private Preprocessor.Output preprocess(NDArray x, float[][] y, boolean fit) {
    Preprocessor.Output out = new Preprocessor.Output(x, y);
    for (Preprocessor p : preprocessingDefences) {
      if (fit ? p.applyFit() : p.applyPredict()) {
        out = p.apply(out.x(), out.y());
      }
    }
    return out;
  }

  private void checkLabels(NDArray x, float[][] y) {
    if (y == null || y.length != x.shape()[0] || y[0].length != nbClasses()) {
      throw new IllegalArgumentException("KerasClassifier expects one-hot labels of shape (" + x.shape()[0] + ", "
          + nbClasses() + "). Received: " + (y == null ? "null" : "(" + y.length + ", "
          + (y.length == 0 ? 0 : y[0].length) + ")"));
    }
  }

  private void closeFunctions() {
    if (lossGradient != null) {
      lossGradient.close();
      lossGradient = null;
    }
    if (classGradient != null) {
      classGradient.close();
      classGradient = null;
    }
  }

  /** Releases the traced gradient functions; the model stays open. */
  @Override
  public void close() {
    closeFunctions();
  }
}
