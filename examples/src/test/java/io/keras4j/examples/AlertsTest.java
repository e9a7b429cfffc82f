package io.keras4j.examples;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alert packets read from Avro container files: a real ZTF packet (when present) and the simulated ones. */
class AlertsTest {
  static final Path DATA = AlertScoring.defaultData();

  @Test
  void realPacketFieldsAndACutoutPixel() throws Exception {
    assumeTrue(DATA != null, "ZTF data not present (shared/data/ztf)");
    List<Alerts.Alert> alerts = Alerts.read(DATA.resolve("alerts/1661382530015060001.avro"));
    assertEquals(1, alerts.size());
    Alerts.Alert a = alerts.get(0);
    assertEquals("ZTF18aaxjdyr", a.objectId());
    assertEquals(1661382530015060001L, a.candid());
    assertEquals("d6_m7", a.drbVersion());
    assertEquals(0.9819347f, a.drb(), 1e-7);
    assertEquals(63, a.difference().length);
    assertEquals(63, a.difference()[0].length);
    // Read independently with Python (numpy + zlib + struct, no Avro or FITS library): the third gzip member in
    // the file's raw bytes (the null codec stores the bytes as they are) gunzipped, its header cards parsed, the
    // data read as '>f4' from the next 2880-byte boundary, reshaped (NAXIS2, NAXIS1) and indexed [10, 20].
    assertEquals(3.7784812450408936f, a.difference()[10][20]);
    assertEquals(175.55416870117188f, a.science()[10][20]);
  }

  @Test
  void schema32PacketsHaveNoDrb() throws Exception {
    assumeTrue(DATA != null, "ZTF data not present (shared/data/ztf)");
    Alerts.Alert a = Alerts.read(DATA.resolve("alerts/2019_01_10_739260766315010006.avro")).get(0);
    assertEquals("ZTF17aaacxxf", a.objectId());
    assertNull(a.drb());
    assertNull(a.drbVersion());
  }

  @Test
  void simulatedPacketsRoundTripThroughAvroAndFits(@TempDir Path dir) throws Exception {
    Path file = AlertSimulator.write(dir, 1);
    assertTrue(Files.size(file) > 0);
    List<Alerts.Alert> alerts = Alerts.readAll(dir);
    assertEquals(2, alerts.size());
    Alerts.Alert real = alerts.get(0);
    Alerts.Alert bogus = alerts.get(1);
    assertEquals("SIMreal00001", real.objectId());
    assertNull(real.drb());
    assertEquals(63, real.science().length);
    assertEquals(63, real.science()[0].length);
    // the edge-of-CCD packet: 63 rows of 48 columns, the last column NaN in every cutout
    assertEquals(48, bogus.template()[0].length);
    assertTrue(Float.isNaN(bogus.difference()[5][47]));
    assertTrue(Float.isFinite(bogus.difference()[5][46]));
    // the science image is sky (200 counts) plus sources and noise: its median is within a few sigma of 200
    float[] row = real.science()[0].clone();
    java.util.Arrays.sort(row);
    assertEquals(200, row[row.length / 2], 15);
  }

  @Test
  void fitsWriterWritesWhatTheReaderReads() {
    float[][] img = {{1, 2, 3}, {4, Float.NaN, -6.5f}};
    float[][] back = io.keras4j.data.Fits.readImage(AlertSimulator.fitsGz(img));
    assertEquals(2, back.length);
    assertEquals(-6.5f, back[1][2]);
    assertEquals(3f, back[0][2]);
    assertTrue(Float.isNaN(back[1][1]));
  }
}
