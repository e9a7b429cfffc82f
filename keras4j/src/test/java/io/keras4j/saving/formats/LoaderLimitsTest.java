package io.keras4j.saving.formats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.keras4j.data.NDArray;
import io.keras4j.data.Npy;
import io.keras4j.data.Npz;
import io.keras4j.layers.Dense;
import io.keras4j.models.Model;
import io.keras4j.models.Models;
import io.keras4j.models.Sequential;
import io.keras4j.saving.KerasFileException;
import io.keras4j.utils.BoundedZip;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The loaders' limits, one by one: zip bombs, entry counts, link cycles, .npy sizes, configs of 20,000 layers. */
class LoaderLimitsTest {
  static final Duration FAST = Duration.ofSeconds(20);

  /** A zip whose entry {@code name} inflates to {@code mib} MiB of zeros (about 1,000 times its deflated size). */
  static Path bomb(Path file, String name, int mib, String... small) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(raw)) {
      for (String s : small) {
        zip.putNextEntry(new ZipEntry(s));
        zip.write("{}".getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
      }
      zip.setLevel(9);
      zip.putNextEntry(new ZipEntry(name));
      byte[] zeros = new byte[1 << 20];
      for (int i = 0; i < mib; i++) {
        zip.write(zeros);
      }
      zip.closeEntry();
    }
    return file;
  }

  @Test
  void aZipBombFailsFastInEveryEntry(@TempDir Path dir) throws IOException {
    for (String entry : new String[] {"model.weights.h5", "config.json", "assets/big.bin"}) {
      Path f = bomb(dir.resolve("bomb.keras"), entry, 200, "metadata.json");
      assertTrue(Files.size(f) < 1 << 20, "the bomb is small: " + Files.size(f));
      KerasFileException e = assertTimeoutPreemptively(FAST,
          () -> assertThrows(KerasFileException.class, () -> Models.loadModel(f)));
      assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("bytes"), e.getMessage());
    }
    Path npz = bomb(dir.resolve("bomb.npz"), "x.npy", 200);
    IllegalArgumentException e = assertTimeoutPreemptively(FAST,
        () -> assertThrows(IllegalArgumentException.class, () -> Npz.read(npz)));
    assertTrue(e.getMessage().contains(npz.toString()), e.getMessage());
  }

  @Test
  void tooManyEntriesAreRefused(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("many.keras");
    try (OutputStream raw = Files.newOutputStream(f); ZipOutputStream zip = new ZipOutputStream(raw)) {
      for (int i = 0; i <= BoundedZip.MAX_ENTRIES; i++) {
        zip.putNextEntry(new ZipEntry("assets/" + i));
        zip.closeEntry();
      }
    }
    KerasFileException e = assertThrows(KerasFileException.class, () -> Models.loadModel(f));
    assertTrue(e.getMessage().contains("more than " + BoundedZip.MAX_ENTRIES + " zip entries"), e.getMessage());
  }

  @Test
  void softLinkCyclesAreErrorsNotStackOverflows(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("self_link.weights.h5");
    try (InputStream in = LoaderLimitsTest.class.getResourceAsStream("self_link.weights.h5")) {
      Files.copy(in, f);
    }
    Sequential m = new Sequential();
    m.add(new Dense(2).inputShape(2));
    KerasFileException e = assertThrows(KerasFileException.class, () -> m.loadWeights(f));
    assertTrue(e.getMessage().contains(f.toString()) && e.getMessage().contains("link"), e.getMessage());
    assertThrows(KerasFileException.class, () -> m.loadWeights(f, true));
  }

  static byte[] npy(String shape, int dataBytes) {
    String dict = "{'descr': '<f4', 'fortran_order': False, 'shape': (" + shape + "), }";
    String header = dict + " ".repeat((64 - (10 + dict.length() + 1) % 64) % 64) + "\n";
    ByteBuffer b = ByteBuffer.allocate(10 + header.length() + dataBytes).order(ByteOrder.LITTLE_ENDIAN);
    b.put(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0});
    b.putShort((short) header.length());
    b.put(header.getBytes(StandardCharsets.ISO_8859_1));
    return b.array();
  }

  @Test
  void npyHeadersAreCheckedBeforeAllocating(@TempDir Path dir) throws IOException {
    String[][] cases = {
        {"4294967296, 4294967296", "invalid .npy shape"}, // each dimension beyond Java's int
        {"2147483647, 2147483647", "needs more than"}, // a product beyond any array
        {"60000, 6000", "truncated"}, // 1.4 GB claimed by a file of a few bytes
        {"-1, 2", "invalid .npy shape"},
        {"2, x", "invalid .npy shape"}};
    for (String[] c : cases) {
      Path f = dir.resolve("bad.npy");
      Files.write(f, npy(c[0], 8));
      IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npy.read(f), c[0]);
      assertTrue(e.getMessage().contains(c[1]) && e.getMessage().contains(f.toString()), e.getMessage());
    }
    Files.write(dir.resolve("ok.npy"), npy("2,", 8));
    assertEquals(2, Npy.read(dir.resolve("ok.npy")).shape()[0]);
    assertThrows(IllegalArgumentException.class, () -> Npy.read(dir.resolve("missing.npy")));
  }

  @Test
  void aTruncatedNpzIsAnError(@TempDir Path dir) throws IOException {
    Path f = dir.resolve("d.npz");
    Npz.write(f, java.util.Map.of("x", NDArray.of(new float[] {1, 2})));
    byte[] b = Files.readAllBytes(f);
    Files.write(f, java.util.Arrays.copyOf(b, b.length / 2));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Npz.read(f));
    assertTrue(e.getMessage().contains(f.toString()), e.getMessage());
  }

  /** A Functional config of {@code n} ReLU layers in a chain, listed last layer first. */
  static String chain(int n) {
    StringBuilder s = new StringBuilder("{\"class_name\": \"Functional\", \"config\": {\"name\": \"chain\", \"layers\": [");
    for (int i = n; i >= 1; i--) {
      s.append("{\"class_name\": \"ReLU\", \"name\": \"r").append(i).append("\", \"config\": {\"name\": \"r").append(i)
          .append("\"}, \"inbound_nodes\": [[[\"").append(i == 1 ? "in" : "r" + (i - 1)).append("\", 0, 0, {}]]]},");
    }
    s.append("{\"class_name\": \"InputLayer\", \"name\": \"in\", \"config\": {\"name\": \"in\", \"batch_shape\": [null, 2]},"
        + " \"inbound_nodes\": []}], \"input_layers\": [[\"in\", 0, 0]], \"output_layers\": [[\"r").append(n)
        .append("\", 0, 0]]}}");
    return s.toString();
  }

  /** A Sequential config of an InputLayer and {@code n} ReLU layers. */
  static String stack(int n) {
    StringBuilder s = new StringBuilder("{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [");
    s.append("{\"class_name\": \"InputLayer\", \"config\": {\"name\": \"in\", \"batch_shape\": [null, 2]}}");
    for (int i = 1; i <= n; i++) {
      s.append(",{\"class_name\": \"ReLU\", \"config\": {\"name\": \"r").append(i).append("\"}}");
    }
    return s.append("]}}").toString();
  }

  @Test
  void longConfigsBuildInLinearTime() {
    Model small = Models.modelFromJson(chain(3));
    assertEquals(4, small.layers().size());
    long t0 = System.nanoTime();
    Models.modelFromJson(chain(2_000)).close();
    long t1 = System.nanoTime();
    Model big = assertTimeoutPreemptively(FAST, () -> Models.modelFromJson(chain(20_000)));
    long t2 = System.nanoTime();
    assertEquals(20_001, big.layers().size());
    // 10 times the layers: linear work takes about 10 times as long, quadratic work 100 times
    assertTrue(t2 - t1 < 30 * (t1 - t0) + 1_000_000_000L, "2,000 layers: " + (t1 - t0) / 1e6 + " ms, 20,000 layers: "
        + (t2 - t1) / 1e6 + " ms");
    Model seq = assertTimeoutPreemptively(FAST, () -> Models.modelFromJson(stack(20_000)));
    assertEquals(20_000, seq.layers().size());
  }

  @Test
  void malformedConfigsAreKerasFileExceptions() {
    String[] configs = {
        "{\"class_name\": \"Functional\", \"config\": {\"layers\": [], \"input_layers\": [[\"in\"]], \"output_layers\": []}}",
        chain(2).replace("[[\"in\", 0, 0]]", "[[\"in\", 5, 0]]"),
        chain(2).replace("[\"r1\", 0, 0, {}]", "[\"r1\", 0, 7, {}]"),
        chain(2).replace("[\"r1\", 0, 0, {}]", "[\"r1\", \"a\", 0, {}]"),
        chain(2).replace("[\"r1\", 0, 0, {}]", "[\"nowhere\", 0, 0, {}]"),
        chain(2).replace("\"batch_shape\": [null, 2]", "\"batch_shape\": \"abc\""),
        chain(2).replace("\"name\": \"r2\", \"config\": {\"name\": \"r2\"}", "\"name\": \"r1\", \"config\": {\"name\": \"r1\"}"),
        "[".repeat(5_000) + "]".repeat(5_000)};
    for (String c : configs) {
      KerasFileException e = assertThrows(KerasFileException.class, () -> Models.modelFromJson(c), c);
      assertTrue(e.getMessage().contains("model config"), e.getMessage());
    }
  }

  /** A model config of one layer on an input of {@code batchShape}. */
  static String oneLayer(String batchShape, String layer) {
    return "{\"class_name\": \"Sequential\", \"config\": {\"name\": \"s\", \"layers\": [{\"class_name\": "
        + "\"InputLayer\", \"config\": {\"name\": \"in\", \"batch_shape\": " + batchShape + "}}, " + layer + "]}}";
  }

  @Test
  void hugeLayersAreRefusedBeforeTheirWeightsAreAllocated() {
    String[] configs = {
        oneLayer("[null, 1]", "{\"class_name\": \"Dense\", \"config\": {\"name\": \"huge\", \"units\": 2000000000}}"),
        oneLayer("[null, 3]", "{\"class_name\": \"Dense\", \"config\": {\"name\": \"huge\", \"units\": 2000000000}}"),
        oneLayer("[null, 8, 8, 1]", "{\"class_name\": \"Conv2D\", \"config\": {\"name\": \"huge\", \"filters\": 1, "
            + "\"kernel_size\": [1000000, 1000000], \"padding\": \"same\"}}")};
    for (String c : configs) {
      KerasFileException e = assertThrows(KerasFileException.class, () -> Models.modelFromJson(c), c);
      assertTrue(e.getMessage().contains("model config") && e.getMessage().contains("Layer 'huge': weight 'kernel'")
          && e.getCause() instanceof IllegalArgumentException, e.getMessage());
    }
    IllegalArgumentException direct = assertThrows(IllegalArgumentException.class,
        () -> new Dense(2_000_000_000).name("wide").apply(io.keras4j.layers.Input.of(3)));
    assertTrue(direct.getMessage().contains("Layer 'wide': weight 'kernel'") && direct.getMessage().contains(
        "6000000000 elements"), direct.getMessage());
  }
}
