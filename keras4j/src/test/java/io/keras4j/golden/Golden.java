package io.keras4j.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.Shape;
import io.keras4j.data.NDArray;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Reads the golden files that real Keras 3.15.1 wrote ({@code tools/keras-reference/golden/}): one JSON file per
 * Keras class under {@code io/keras4j/golden/<family>/<ClassName>.json}, arrays as {@code {shape, dtype, data}}.
 */
public final class Golden {
  private static final ObjectMapper JSON =
      new ObjectMapper().enable(JsonParser.Feature.ALLOW_NON_NUMERIC_NUMBERS);

  private Golden() {}

  /** The golden files of one family ("layers", "losses", ...), sorted by class name. */
  public static List<Path> files(String family) {
    URL url = Golden.class.getResource("/io/keras4j/golden/" + family);
    if (url == null) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(Path.of(url.toURI()))) {
      return s.filter(p -> p.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /** The Keras class names that have a golden file in {@code family}. */
  public static List<String> classes(String family) {
    List<String> names = new ArrayList<>();
    for (Path p : files(family)) {
      String f = p.getFileName().toString();
      names.add(f.substring(0, f.length() - ".json".length()));
    }
    return names;
  }

  public static JsonNode read(Path file) {
    try {
      return JSON.readTree(file.toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A JSON object (a Keras config) as the {@code Map} that keras4j's {@code fromConfig} methods take. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> map(JsonNode node) {
    return JSON.convertValue(node, Map.class);
  }

  /** An {@code {shape, dtype, data}} node as an NDArray of its dtype (float32, float64, int32, int64). */
  /** The numbers of a nested JSON array (Keras' {@code tolist()} of an array), row-major. */
  public static float[] flatFloats(JsonNode nested) {
    List<Float> out = new java.util.ArrayList<>();
    flatten(nested, out);
    float[] f = new float[out.size()];
    for (int i = 0; i < f.length; i++) {
      f[i] = out.get(i);
    }
    return f;
  }

  private static void flatten(JsonNode n, List<Float> out) {
    if (n.isArray()) {
      n.forEach(c -> flatten(c, out));
    } else {
      out.add((float) n.asDouble());
    }
  }

  public static NDArray array(JsonNode node) {
    long[] shape = new long[node.get("shape").size()];
    for (int i = 0; i < shape.length; i++) {
      shape[i] = node.get("shape").get(i).asLong();
    }
    JsonNode data = node.get("data");
    String dtype = node.path("dtype").asText("float32");
    switch (dtype) {
      case "int32", "int64", "uint8", "int8", "int16", "bool" -> {
        long[] v = new long[data.size()];
        for (int i = 0; i < v.length; i++) {
          v[i] = data.get(i).isBoolean() ? (data.get(i).asBoolean() ? 1 : 0) : data.get(i).asLong();
        }
        if (dtype.equals("int64")) {
          return of(v, shape);
        }
        return of(Arrays.stream(v).mapToInt(x -> (int) x).toArray(), shape);
      }
      case "float64" -> {
        return of(doubles(data), shape);
      }
      default -> {
        double[] d = doubles(data);
        float[] f = new float[d.length];
        for (int i = 0; i < d.length; i++) {
          f[i] = (float) d[i];
        }
        return of(f, shape);
      }
    }
  }

  /** A flat primitive array of {@code shape}; an empty shape is a scalar (NDArray.of(values) alone gives 1-D). */
  private static NDArray of(Object values, long[] shape) {
    return NDArray.of(new HostArray(values, Shape.of(shape)));
  }

  private static double[] doubles(JsonNode data) {
    double[] v = new double[data.size()];
    for (int i = 0; i < v.length; i++) {
      JsonNode n = data.get(i);
      v[i] = n.isTextual() ? Double.parseDouble(n.asText()) : n.asDouble();
    }
    return v;
  }

  /**
   * Asserts equal shapes and {@code |actual - expected| <= atol + rtol * |expected|} elementwise (NaN matches NaN,
   * infinities must be equal), naming the first element that differs.
   */
  public static void assertClose(NDArray expected, NDArray actual, double atol, double rtol, String what) {
    boolean scalars = expected.size() == 1 && actual.size() == 1 && (expected.rank() == 0 || actual.rank() == 0);
    if (!scalars) { // a Keras scalar may come back as a one-element array from an API that returns arrays
      assertEquals(Arrays.toString(expected.shape()), Arrays.toString(actual.shape()), what + ": shape");
    }
    double[] e = expected.toDoubleArray();
    double[] a = actual.toDoubleArray();
    for (int i = 0; i < e.length; i++) {
      boolean ok = Double.isNaN(e[i])
          ? Double.isNaN(a[i])
          : Double.isInfinite(e[i]) ? e[i] == a[i] : Math.abs(a[i] - e[i]) <= atol + rtol * Math.abs(e[i]);
      if (!ok) {
        fail(what + ": element " + i + " of " + e.length + " is " + a[i] + ", Keras gives " + e[i]
            + " (atol " + atol + ", rtol " + rtol + ")");
      }
    }
  }
}
