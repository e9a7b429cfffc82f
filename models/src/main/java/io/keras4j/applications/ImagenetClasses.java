package io.keras4j.applications;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.data.NDArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Decodes ImageNet predictions into the top classes: (WordNet id, class name, score).
 *
 * <p>Keras equivalent: {@code keras.applications.imagenet_utils.decode_predictions(preds, top=5)}, which reads
 * {@code imagenet_class_index.json} ({@code {"0": ["n01440764", "tench"], ...}}) from Keras' cache, downloading it
 * once. A copy of that file elsewhere can be given instead.
 * <pre>{@code List<List<ImagenetClasses.Prediction>> top = ImagenetClasses.decodePredictions(model.predict(x), 5);}</pre>
 */
public final class ImagenetClasses {
  /** Where Keras downloads the class index from. */
  public static final String CLASS_INDEX_PATH =
      "https://storage.googleapis.com/download.tensorflow.org/data/imagenet_class_index.json";
  /** The class index file's md5, as Keras checks it. */
  public static final String CLASS_INDEX_HASH = "c2c37ea517e94d9795004a39431a14cb";

  /** One decoded class: WordNet id, name and score. */
  public record Prediction(String classId, String className, float score) {}

  private ImagenetClasses() {}

  /** The {@code top} classes of each row of {@code preds} (shape (samples, 1000)), the index from Keras' cache. */
  public static List<List<Prediction>> decodePredictions(NDArray preds, int top) {
    check(preds);
    return decodePredictions(preds, top, KerasFiles.getFile("imagenet_class_index.json", CLASS_INDEX_PATH,
        CLASS_INDEX_HASH, "models"));
  }

  /** The {@code top} classes of each row of {@code preds}, the class index read from {@code classIndex}. */
  @SuppressWarnings("unchecked")
  public static List<List<Prediction>> decodePredictions(NDArray preds, int top, Path classIndex) {
    check(preds);
    Map<String, List<String>> index;
    try {
      index = new ObjectMapper().readValue(classIndex.toFile(), Map.class);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read the ImageNet class index " + classIndex, e);
    }
    float[] p = preds.toFloatArray();
    int classes = (int) preds.shape()[1];
    List<List<Prediction>> out = new ArrayList<>();
    for (int row = 0; row * classes < p.length; row++) {
      List<Prediction> all = new ArrayList<>();
      for (int i = 0; i < classes; i++) {
        List<String> entry = index.get(String.valueOf(i));
        all.add(new Prediction(entry.get(0), entry.get(1), p[row * classes + i]));
      }
      all.sort(Comparator.comparingDouble((Prediction x) -> x.score()).reversed());
      out.add(List.copyOf(all.subList(0, Math.min(top, classes))));
    }
    return out;
  }

  private static void check(NDArray preds) {
    long[] s = preds.shape();
    if (s.length != 2 || s[1] != 1000) {
      throw new IllegalArgumentException("`decode_predictions` expects a batch of predictions (i.e. a 2D array of "
          + "shape (samples, 1000)). Received array with shape: " + java.util.Arrays.toString(s));
    }
  }
}
