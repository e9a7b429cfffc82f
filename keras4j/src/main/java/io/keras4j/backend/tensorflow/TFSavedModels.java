package io.keras4j.backend.tensorflow;

import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.SavedModelRunner;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Tensor;
import io.keras4j.backend.Variable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.tensorflow.Graph;
import org.tensorflow.Result;
import org.tensorflow.SavedModelBundle;
import org.tensorflow.Session;
import org.tensorflow.Signature;
import org.tensorflow.types.TFloat32;

/**
 * SavedModel export and loading with TensorFlow Java's SavedModelBundle.
 *
 * <p>Porting note: Keras' {@code model.export()} writes a tf.function graph; keras4j writes a TF1-style graph
 * with a {@code serving_default} signature and the variables saved in {@code variables/}, which TensorFlow
 * Serving, Python's {@code tf.saved_model.load} and TensorFlow Java all run.
 */
final class TFSavedModels {
  private TFSavedModels() {}

  static void export(Path dir, List<String> names, List<Shape> shapes, Function<List<Tensor>, List<Tensor>> fn) {
    try (TFComputeGraph g = new TFComputeGraph(true)) {
      TFOps ops = new TFOps(g);
      List<Tensor> in = new ArrayList<>();
      List<Tensor> out = Backend.withOps(ops, () -> {
        for (int i = 0; i < names.size(); i++) {
          in.add(new TFTensor(g.tf().withName(names.get(i)).placeholder(TFloat32.class,
              org.tensorflow.op.core.Placeholder.shape(TFNativeArray.tfShape(shapes.get(i))))));
        }
        return fn.apply(in);
      });
      Signature.Builder sig = Signature.builder().key("serving_default").methodName("tensorflow/serving/predict");
      for (int i = 0; i < names.size(); i++) {
        sig.input(names.get(i), ((TFTensor) in.get(i)).operand());
      }
      for (int i = 0; i < out.size(); i++) {
        sig.output("output_" + i, g.tf().withName("output_" + i).identity(((TFTensor) out.get(i)).operand()));
      }
      g.session().initialize();
      SavedModelBundle.exporter(dir.toString()).withSession(g.session()).withSignature(sig.build()).export();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot export a SavedModel to " + dir, e);
    }
  }

  static SavedModelRunner load(Path dir, String tag) {
    SavedModelBundle bundle;
    try {
      bundle = SavedModelBundle.load(dir.toString(), tag);
    } catch (RuntimeException e) {
      throw new IllegalArgumentException("Cannot load a SavedModel from " + dir + " with tag '" + tag + "': "
          + e.getMessage(), e);
    }
    return new Runner(bundle);
  }

  private static final class Runner implements SavedModelRunner {
    private final SavedModelBundle bundle;

    Runner(SavedModelBundle bundle) {
      this.bundle = bundle;
    }

    private Signature signature(String key) {
      for (Signature s : bundle.signatures()) {
        if (s.key().equals(key)) {
          return s;
        }
      }
      throw new IllegalArgumentException("No signature '" + key + "'. Available: " + signatures());
    }

    @Override
    public List<String> signatures() {
      return bundle.signatures().stream().map(Signature::key).toList();
    }

    private static Map<String, Shape> shapes(Map<String, Signature.TensorDescription> d) {
      Map<String, Shape> out = new LinkedHashMap<>();
      d.forEach((k, v) -> out.put(k, Shape.of(v.shape.asArray())));
      return out;
    }

    @Override
    public Map<String, Shape> inputs(String signature) {
      return shapes(signature(signature).getInputs());
    }

    @Override
    public Map<String, Shape> outputs(String signature) {
      return shapes(signature(signature).getOutputs());
    }

    @Override
    public Map<String, HostArray> call(String signature, Map<String, HostArray> inputs) {
      Map<String, org.tensorflow.Tensor> feeds = new LinkedHashMap<>();
      try {
        for (Map.Entry<String, HostArray> e : inputs.entrySet()) {
          feeds.put(e.getKey(), TFNativeArray.of(e.getValue().values(), e.getValue().shape()).tensor());
        }
        Map<String, HostArray> out = new LinkedHashMap<>();
        try (Result r = bundle.function(signature).call(feeds)) {
          for (Map.Entry<String, org.tensorflow.Tensor> e : r) {
            TFNativeArray a = new TFNativeArray(e.getValue());
            out.put(e.getKey(), new HostArray(a.toFloatArray(), a.shape()));
          }
        }
        return out;
      } finally {
        feeds.values().forEach(org.tensorflow.Tensor::close);
      }
    }

    @Override
    public void close() {
      bundle.close();
    }
  }
}
