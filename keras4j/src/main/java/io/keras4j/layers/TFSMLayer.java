package io.keras4j.layers;

import io.keras4j.backend.Backend;
import io.keras4j.backend.ImportedFunction;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import io.keras4j.saving.Config;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A TensorFlow SavedModel's signature used as a layer: a pretrained feature extractor under a new head.
 *
 * <p>Keras equivalent: {@code keras.layers.TFSMLayer(filepath, call_endpoint="serving_default")}. Frozen by
 * default here (Keras' default is trainable): call {@code trainable(true)} to fine-tune the imported variables.
 * Porting note: the signature's graph is copied into the model's graph, the functions it calls inlined (as Keras 3's
 * {@code model.export} and {@code tf.saved_model.save} write them), so gradients flow through it op by op. The
 * variables keep the names and trainable flags the SavedModel records ({@code weights()}' paths, such as
 * {@code "sequential/dense/kernel"}). Signatures with ops that run functions of their own (a {@code tf.while_loop},
 * {@code tf.cond}) are refused before any variable is read and can still be run with
 * {@link io.keras4j.saving.SavedModel}; a signature with an op that has no gradient is refused fine-tuning only.
 * <pre>{@code
 * Layer base = new TFSMLayer(Path.of("feature_extractor"));
 * KerasTensor x = Input.of(28, 28, 1);
 * Model m = new Model(x, new Dense(10).activation("softmax").apply(base.apply(x)));
 * }</pre>
 */
public class TFSMLayer extends BaseLayer<TFSMLayer> {
  private final Path filepath;
  private final String endpoint;
  private final ImportedFunction function;

  /** The "serving_default" signature of the SavedModel in {@code filepath}. */
  public TFSMLayer(Path filepath) {
    this(filepath, "serving_default");
  }

  /** Signature {@code callEndpoint} of the SavedModel in {@code filepath} (tag "serve"). */
  public TFSMLayer(Path filepath, String callEndpoint) {
    this.filepath = filepath;
    this.endpoint = callEndpoint;
    this.function = Backend.importSavedModel(filepath, "serve", callEndpoint);
    for (Variable v : function.variables()) {
      trackVariable(v);
    }
    trainable(false);
  }

  /**
   * Whether the imported variables train (Keras' {@code trainable}); default false here. Refused when an op between
   * the variables and the outputs has no gradient.
   */
  @Override
  public TFSMLayer trainable(boolean trainable) {
    if (trainable && function != null && !function.opsWithoutGradient().isEmpty()) {
      throw new IllegalArgumentException("Layer '" + name() + "' cannot be fine-tuned: ops "
          + function.opsWithoutGradient() + " of the SavedModel " + filepath + " have no gradient in TensorFlow. "
          + "Expected trainable=false. Received: trainable=true");
    }
    return super.trainable(trainable);
  }

  @Override
  protected void build(List<Shape> inputShapes) {
    List<Shape> expected = function.inputShapes();
    if (inputShapes.size() != expected.size()) {
      throw new IllegalArgumentException("Layer '" + name() + "': the signature " + endpoint + " takes "
          + expected.size() + " inputs " + function.inputNames() + ". Received: " + inputShapes.size());
    }
    for (int i = 0; i < expected.size(); i++) {
      if (!expected.get(i).isCompatibleWith(inputShapes.get(i))) {
        throw new IllegalArgumentException("Input " + i + " of layer \"" + name() + "\" is incompatible with the "
            + "SavedModel signature: expected shape=" + expected.get(i) + ", found shape=" + inputShapes.get(i));
      }
    }
  }

  @Override
  protected List<Tensor> call(List<Tensor> inputs, boolean training) {
    return function.apply(inputs);
  }

  @Override
  protected List<Shape> computeOutputShapes(List<Shape> in, List<String> dtypes) {
    List<Shape> out = new ArrayList<>();
    for (Shape s : function.outputShapes()) {
      out.add(s.with(0, in.get(0).get(0)));
    }
    return out;
  }

  @Override
  public Map<String, Object> getConfig() {
    Map<String, Object> c = super.getConfig();
    c.put("filepath", filepath.toString());
    c.put("call_endpoint", endpoint);
    c.put("call_training_endpoint", null);
    return c;
  }

  /**
   * A TFSMLayer from its Keras config (Keras' {@code TFSMLayer.from_config}): loads the SavedModel at
   * {@code filepath}. A {@code call_training_endpoint} is refused (keras4j calls one signature).
   */
  public static TFSMLayer fromConfig(Map<String, Object> config) {
    Config c = new Config("TFSMLayer", config);
    if (c.has("call_training_endpoint")) {
      throw new IllegalArgumentException("TFSMLayer: a separate training signature is not supported. Expected "
          + "call_training_endpoint=null. Received: call_training_endpoint=" + c.get("call_training_endpoint"));
    }
    String filepath = c.string("filepath", null);
    if (filepath == null) {
      throw new IllegalArgumentException("TFSMLayer config lacks the required `filepath`. Received: " + config);
    }
    return withBaseConfig(new TFSMLayer(Path.of(filepath), c.string("call_endpoint", "serving_default")), c);
  }
}
