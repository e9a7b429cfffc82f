package io.keras4j.applications;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.Shape;
import io.keras4j.backend.Variable;
import io.keras4j.data.NDArray;
import io.keras4j.layers.BaseDepthwiseConv;
import io.keras4j.layers.Layer;
import io.keras4j.layers.LayerScale;
import io.keras4j.models.Model;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each application against Keras 3.15.1 (tools/keras-reference/applications_table.py): parameter counts, layers and
 * layer names of the table, and predictions of small variants with every weight filled by the same formula.
 */
class ApplicationsTest {
  static final File RESOURCES = new File("src/test/resources/io/keras4j/applications");
  static final ObjectMapper JSON = new ObjectMapper();

  @SuppressWarnings("unchecked")
  static Stream<Arguments> rows(String file, String key) throws Exception {
    Map<String, Object> root = JSON.readValue(new File(RESOURCES, file), Map.class);
    return ((List<Map<String, Object>>) root.get(key)).stream()
        .map(r -> Arguments.of(r.get("app") + " " + r.get("kwargs"), r));
  }

  static Stream<Arguments> table() throws Exception {
    return rows("applications_table.json", "table");
  }

  static Stream<Arguments> golden() throws Exception {
    return rows("applications_golden.json", "cases");
  }

  /** The application named {@code app} with Keras' keyword arguments {@code kwargs} and random weights. */
  @SuppressWarnings("unchecked")
  static Model build(String app, Map<String, Object> kwargs) {
    Application<?> a = switch (app) {
      case "MobileNet" -> {
        MobileNet m = new MobileNet();
        if (kwargs.get("alpha") instanceof Number n) {
          m.alpha(n.doubleValue());
        }
        if (kwargs.get("depth_multiplier") instanceof Number n) {
          m.depthMultiplier(n.intValue());
        }
        yield m;
      }
      case "MobileNetV2" -> kwargs.get("alpha") instanceof Number n ? new MobileNetV2().alpha(n.doubleValue())
          : new MobileNetV2();
      case "VGG16" -> new VGG16();
      case "VGG19" -> new VGG19();
      case "ResNet50" -> new ResNet50();
      case "ResNet101" -> new ResNet101();
      case "ResNet152" -> new ResNet152();
      case "ResNet50V2" -> new ResNet50V2();
      case "ResNet101V2" -> new ResNet101V2();
      case "ResNet152V2" -> new ResNet152V2();
      case "DenseNet121" -> new DenseNet121();
      case "DenseNet169" -> new DenseNet169();
      case "DenseNet201" -> new DenseNet201();
      case "Xception" -> new Xception();
      case "InceptionV3" -> new InceptionV3();
      case "MobileNetV3Small" -> mobileNetV3(new MobileNetV3Small(), kwargs);
      case "MobileNetV3Large" -> mobileNetV3(new MobileNetV3Large(), kwargs);
      case "EfficientNetB0" -> new EfficientNetB0();
      case "EfficientNetB1" -> new EfficientNetB1();
      case "EfficientNetB2" -> new EfficientNetB2();
      case "EfficientNetB3" -> new EfficientNetB3();
      case "EfficientNetB4" -> new EfficientNetB4();
      case "EfficientNetB5" -> new EfficientNetB5();
      case "EfficientNetB6" -> new EfficientNetB6();
      case "EfficientNetB7" -> new EfficientNetB7();
      case "ConvNeXtTiny" -> convNeXt(new ConvNeXtTiny(), kwargs);
      case "ConvNeXtSmall" -> convNeXt(new ConvNeXtSmall(), kwargs);
      case "ConvNeXtBase" -> convNeXt(new ConvNeXtBase(), kwargs);
      case "ConvNeXtLarge" -> convNeXt(new ConvNeXtLarge(), kwargs);
      case "ConvNeXtXLarge" -> convNeXt(new ConvNeXtXLarge(), kwargs);
      case "EfficientNetV2B0" -> efficientNetV2(new EfficientNetV2B0(), kwargs);
      case "EfficientNetV2B1" -> efficientNetV2(new EfficientNetV2B1(), kwargs);
      case "EfficientNetV2B2" -> efficientNetV2(new EfficientNetV2B2(), kwargs);
      case "EfficientNetV2B3" -> efficientNetV2(new EfficientNetV2B3(), kwargs);
      case "EfficientNetV2S" -> efficientNetV2(new EfficientNetV2S(), kwargs);
      case "EfficientNetV2M" -> efficientNetV2(new EfficientNetV2M(), kwargs);
      case "EfficientNetV2L" -> efficientNetV2(new EfficientNetV2L(), kwargs);
      case "InceptionResNetV2" -> new InceptionResNetV2();
      case "NASNetMobile" -> new NASNetMobile();
      case "NASNetLarge" -> new NASNetLarge();
      default -> throw new IllegalArgumentException(app);
    };
    a.weights((String) null);
    if (kwargs.get("input_shape") instanceof List<?> s) {
      a.inputShape(s.stream().mapToLong(d -> d == null ? Shape.UNKNOWN : ((Number) d).longValue()).toArray());
    }
    if (kwargs.containsKey("include_top")) {
      a.includeTop((Boolean) kwargs.get("include_top"));
    }
    if (kwargs.get("pooling") instanceof String p) {
      a.pooling(p);
    }
    if (kwargs.get("classes") instanceof Number n) {
      a.classes(n.intValue());
    }
    if (kwargs.containsKey("classifier_activation")) {
      a.classifierActivation((String) kwargs.get("classifier_activation"));
    }
    return a.build();
  }

  /** MobileNetV3's own keyword arguments: alpha, minimalistic and include_preprocessing. */
  static MobileNetV3<?> mobileNetV3(MobileNetV3<?> m, Map<String, Object> kwargs) {
    if (kwargs.get("alpha") instanceof Number n) {
      m.alpha(n.doubleValue());
    }
    if (kwargs.get("minimalistic") instanceof Boolean b) {
      m.minimalistic(b);
    }
    if (kwargs.get("include_preprocessing") instanceof Boolean b) {
      m.includePreprocessing(b);
    }
    return m;
  }

  /** ConvNeXt's own keyword argument: include_preprocessing. */
  static ConvNeXt<?> convNeXt(ConvNeXt<?> m, Map<String, Object> kwargs) {
    if (kwargs.get("include_preprocessing") instanceof Boolean b) {
      m.includePreprocessing(b);
    }
    return m;
  }

  /** EfficientNetV2's own keyword argument: include_preprocessing. */
  static EfficientNetV2<?> efficientNetV2(EfficientNetV2<?> m, Map<String, Object> kwargs) {
    if (kwargs.get("include_preprocessing") instanceof Boolean b) {
      m.includePreprocessing(b);
    }
    return m;
  }

  static String namesHash(Model m) throws Exception {
    List<String> names = m.layers().stream().map(Layer::name).toList();
    byte[] d = MessageDigest.getInstance("SHA-256").digest(String.join("\n", names).getBytes(StandardCharsets.UTF_8));
    return HexFormat.of().formatHex(d).substring(0, 16);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("table")
  @SuppressWarnings("unchecked")
  void parametersLayersAndNamesEqualKeras(String label, Map<String, Object> row) throws Exception {
    try (Model m = build((String) row.get("app"), (Map<String, Object>) row.get("kwargs"))) {
      assertEquals(row.get("name"), m.name(), label);
      assertEquals(((Number) row.get("params")).longValue(), m.countParams(), label);
      long trainable = m.weights().stream().filter(Variable::trainable).mapToLong(v -> v.shape().size()).sum();
      assertEquals(((Number) row.get("trainable")).longValue(), trainable, label);
      assertEquals(row.get("layers"), m.layers().size(), label);
      assertEquals(row.get("weights"), m.weights().size(), label);
      assertEquals(row.get("names_hash"), namesHash(m), label + ": layer names " + m.layers().stream()
          .map(Layer::name).toList());
      List<Long> shape = new ArrayList<>();
      for (long d : m.outputs().get(0).shape().dims()) {
        shape.add(d == Shape.UNKNOWN ? null : d);
      }
      List<Long> expected = ((List<Number>) row.get("output_shape")).stream()
          .map(n -> n == null ? null : n.longValue()).toList();
      assertEquals(expected, shape, label);
    }
  }

  /** Fills every weight as applications_table.py's {@code fill()} does (an integer hash, exact on both sides). */
  static void fill(Model m) {
    int k = 0;
    for (Layer layer : m.layers()) {
      List<NDArray> values = new ArrayList<>();
      List<NDArray> current = layer.getWeights();
      for (Variable v : layer.weights()) {
        if (v.name().equals("count")) { // Normalization's sample count: left as built
          values.add(current.get(values.size()));
          k++;
          continue;
        }
        long[] shape = v.shape().dims();
        float[] out = new float[(int) v.shape().size()];
        // a DepthwiseConv2D's "kernel" or a SeparableConv2D's "depthwise_kernel" (not its pointwise kernel)
        boolean depthwise = v.name().equals("depthwise_kernel")
            || layer instanceof BaseDepthwiseConv && v.name().equals("kernel");
        long fan = shape.length < 2 ? 1 : depthwise ? shape[0] * shape[1] : v.shape().size() / shape[shape.length - 1];
        for (int i = 0; i < out.length; i++) {
          double u = mix((i * 2654435761L + 40503L * k) & 0xffffffffL) / 4294967296.0 - 0.5;
          // Keras names LayerScale's weight "variable" (no name given): filled as a kernel there
          String role = layer instanceof LayerScale ? "variable" : v.name();
          out[i] = (float) switch (role) {
            case "gamma" -> 1.0 + 0.2 * u;
            case "moving_variance", "variance" -> 1.0 + 0.5 * (u + 0.5);
            case "beta", "moving_mean", "mean", "bias" -> 0.2 * u;
            default -> u * Math.sqrt(24.0 / fan);
          };
        }
        values.add(NDArray.of(out, shape));
        k++;
      }
      if (!values.isEmpty()) {
        layer.setWeights(values);
      }
    }
  }

  /** {@code g ^ (g >> 16)} with {@code g = ((h ^ (h >> 16)) * 0x45d9f3b) mod 2^32}. */
  static long mix(long h) {
    long g = ((h ^ (h >>> 16)) * 0x45d9f3bL) & 0xffffffffL;
    return g ^ (g >>> 16);
  }

  /** The images of applications_table.py's {@code image()}: sin(0.9 (b + 1) x + 0.7 y + 1.7 c + b). */
  static float[] images(int batch, int size) {
    float[] out = new float[batch * size * size * 3];
    int i = 0;
    for (int b = 0; b < batch; b++) {
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          for (int c = 0; c < 3; c++) {
            out[i++] = (float) Math.sin(0.9 * (b + 1) * x + 0.7 * y + 1.7 * c + b);
          }
        }
      }
    }
    return out;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("golden")
  @SuppressWarnings("unchecked")
  void predictionsEqualKerasWithTheSameWeights(String label, Map<String, Object> c) {
    int size = ((Number) c.get("size")).intValue();
    List<Number> expected = (List<Number>) c.get("predictions");
    float[] want = new float[expected.size()];
    for (int i = 0; i < want.length; i++) {
      want[i] = expected.get(i).floatValue();
    }
    try (Model m = build((String) c.get("app"), (Map<String, Object>) c.get("kwargs"))) {
      fill(m);
      float[] x = images(2, size);
      if (Boolean.TRUE.equals(c.get("pixels"))) { // [0, 255] images for models that rescale inside
        for (int i = 0; i < x.length; i++) {
          x[i] = (float) (127.5 * ((double) x[i] + 1.0));
        }
      }
      float[] got = m.predict(NDArray.of(x, 2, size, size, 3)).toFloatArray();
      // 1e-4 of the output's scale: ResNet50's features reach 50, where float32 rounding alone exceeds 1e-5
      float tolerance = (float) (1e-4 * Math.max(1, ((Number) c.get("max_abs")).doubleValue()));
      assertArrayEquals(want, got, tolerance, label);
      int half = want.length / 2;
      double differs = 0;
      for (int i = 0; i < half; i++) {
        differs = Math.max(differs, Math.abs(want[i] - want[half + i]));
      }
      if (((Number) c.get("image_difference")).doubleValue() < 1e-3) {
        return; // Keras' own outputs barely depend on the image here (EfficientNet with hash-filled weights)
      }
      assertTrue(differs > 1e-3, label + ": the two images give (nearly) the same output: " + differs);
    }
  }
}
