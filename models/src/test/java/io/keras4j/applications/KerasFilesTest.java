package io.keras4j.applications;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import io.keras4j.data.NDArray;
import io.keras4j.models.Model;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads from a loopback HTTP server into a temporary KERAS_HOME; no internet. */
class KerasFilesTest {
  /** "hello keras" and its md5 and sha256, computed with md5sum and sha256sum. */
  static final byte[] BODY = "hello keras".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  static final String MD5 = "1ca67a5656d6e71e45c705c29b6f3353";
  static final String SHA256 = "d526119833066c42f6cb9c1f4621f12e0b553a93868532e6d863220a60ada3f8";

  @TempDir Path home;
  HttpServer server;
  final AtomicInteger requests = new AtomicInteger();
  String previous;

  @BeforeEach
  void start() throws Exception {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/files/", exchange -> {
      requests.incrementAndGet();
      byte[] body = exchange.getRequestURI().getPath().endsWith("missing") ? null : BODY;
      exchange.sendResponseHeaders(body == null ? 404 : 200, body == null ? -1 : body.length);
      if (body != null) {
        exchange.getResponseBody().write(body);
      }
      exchange.close();
    });
    server.start();
    previous = System.getProperty("keras.home");
    System.setProperty("keras.home", home.toString());
  }

  @AfterEach
  void stop() {
    server.stop(0);
    if (previous == null) {
      System.clearProperty("keras.home");
    } else {
      System.setProperty("keras.home", previous);
    }
  }

  String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/files/" + name;
  }

  @Test
  void downloadsOnceIntoTheCacheAndChecksTheMd5() throws Exception {
    Path p = KerasFiles.getFile("a.bin", url("a.bin"), MD5, "models");
    assertEquals(home.resolve("models").resolve("a.bin"), p);
    assertArrayEquals(BODY, Files.readAllBytes(p));
    KerasFiles.getFile("a.bin", url("a.bin"), MD5, "models");
    assertEquals(1, requests.get()); // the second call finds it in the cache
  }

  @Test
  void aCachedFileWithAnotherHashIsDownloadedAgain() throws Exception {
    Files.createDirectories(home.resolve("models"));
    Files.writeString(home.resolve("models/b.bin"), "stale");
    Path p = KerasFiles.getFile("b.bin", url("b.bin"), MD5, "models");
    assertArrayEquals(BODY, Files.readAllBytes(p));
    assertEquals(1, requests.get());
  }

  @Test
  void aSha256HashIsChecked() {
    KerasFiles.getFile("s.bin", url("s.bin"), SHA256, "models");
    assertTrue(KerasFiles.validate(home.resolve("models/s.bin"), SHA256));
    assertFalse(KerasFiles.validate(home.resolve("models/s.bin"), MD5.replace('1', '2')));
  }

  @Test
  void aDownloadWithTheWrongHashIsDeletedAndRefused() {
    String wrong = "0".repeat(64); // 64 digits: checked as sha256
    IllegalStateException e = assertThrows(IllegalStateException.class,
        () -> KerasFiles.getFile("c.bin", url("c.bin"), wrong, "models"));
    assertTrue(e.getMessage().contains("sha256 file hash does not match"), e.getMessage());
    assertFalse(Files.exists(home.resolve("models/c.bin")));
  }

  @Test
  void aFailedDownloadNamesTheUrlAndWhereToPutTheFile() {
    UncheckedIOException e = assertThrows(UncheckedIOException.class,
        () -> KerasFiles.getFile("d.h5", url("missing"), null, "models"));
    assertTrue(e.getMessage().contains(url("missing")) && e.getMessage().contains("HTTP 404")
        && e.getMessage().contains(home.resolve("models").resolve("d.h5").toString()), e.getMessage());
    server.stop(0);
    UncheckedIOException offline = assertThrows(UncheckedIOException.class,
        () -> KerasFiles.getFile("e.h5", url("e.h5"), null, "models"));
    assertTrue(offline.getMessage().contains("put it at " + home.resolve("models").resolve("e.h5")),
        offline.getMessage());
  }

  @Test
  void progressBarCountsBytes() throws Exception {
    ByteArrayOutputStream shown = new ByteArrayOutputStream();
    ByteArrayOutputStream copy = new ByteArrayOutputStream();
    long n = KerasFiles.copy(new java.io.ByteArrayInputStream(BODY), copy, BODY.length, new PrintStream(shown));
    assertEquals(11, n);
    assertTrue(shown.toString().contains("11/11 " + "\u2501".repeat(30)), shown.toString());
    assertEquals(" 5/10 " + "\u2501".repeat(15) + " ".repeat(15), KerasFiles.progressBar(5, 10));
  }

  @Test
  void imagenetWeightsComeFromTheCacheUnderKerasName() throws Exception {
    Path saved = home.resolve("saved.weights.h5");
    float[] x = ApplicationsTest.images(1, 96);
    float[] before;
    try (Model m = new MobileNetV2().alpha(0.35).inputShape(96, 96, 3).includeTop(false).weights((String) null)
        .build()) {
      ApplicationsTest.fill(m);
      before = m.predict(NDArray.of(x, 1, 96, 96, 3)).toFloatArray();
      m.saveWeights(saved);
    }
    Files.createDirectories(home.resolve("models"));
    // the name keras.applications.MobileNetV2(alpha=0.35, input_shape=(96, 96, 3), include_top=False) downloads
    Files.move(saved, home.resolve("models/mobilenet_v2_weights_tf_dim_ordering_tf_kernels_0.35_96_no_top.h5"));
    try (Model m = new MobileNetV2().alpha(0.35).inputShape(96, 96, 3).includeTop(false).build()) {
      assertArrayEquals(before, m.predict(NDArray.of(x, 1, 96, 96, 3)).toFloatArray(), 0f);
    }
    assertEquals(0, requests.get());
  }
}
