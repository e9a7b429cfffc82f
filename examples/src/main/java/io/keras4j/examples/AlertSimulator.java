package io.keras4j.examples;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * Simulated ZTF alert packets for the AlertScoring example when the real ones are absent: an Avro container file
 * of the minimal alert schema shipped beside this class ({@code ztf_alert_minimal.avsc}, the real schema's names and
 * nesting), with gzip-compressed FITS cutouts as ZTF writes them.
 *
 * <p>Two alerts: a new point source on a galaxy (a "real" transient: the difference image shows a clean point
 * source), and a subtraction artefact (a "bogus" candidate: a star misaligned by a fraction of a pixel between
 * science and template leaves a positive-negative dipole). The second sits at the edge of a CCD: its cutouts are
 * 63x48 with a column of NaN, as such cutouts come.
 */
public final class AlertSimulator {
  private static final double SKY = 200; // background counts per pixel
  private static final double HOST = 30000; // counts of the galaxy or star at the centre
  private static final double PSF_SIGMA = 1.0; // pixels (ZTF's seeing of about 2" on 1" pixels)

  private AlertSimulator() {}

  /** The minimal alert schema (a resource beside this class). */
  public static Schema schema() {
    try (InputStream in = AlertSimulator.class.getResourceAsStream("ztf_alert_minimal.avsc")) {
      return new Schema.Parser().parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Writes {@code simulated_alerts.avro} (the two alerts described above) into {@code dir}; returns its path. */
  public static Path write(Path dir, long seed) throws IOException {
    Schema schema = schema();
    Random rnd = new Random(seed);
    Path file = dir.resolve("simulated_alerts.avro");
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
      w.create(schema, file.toFile());
      w.append(alert(schema, "SIMreal00001", 1000000000000000001L, 63, 63, 0.0, 6000, rnd));
      w.append(alert(schema, "SIMbogus0001", 1000000000000000002L, 63, 48, 0.8, 0, rnd));
    }
    return file;
  }

  /**
   * One packet: a galaxy or star at the centre of a {@code h} x {@code w} cutout, shifted by {@code shift} pixels
   * in the science image, plus a new point source of {@code flux} counts (0 for none).
   */
  private static GenericRecord alert(Schema schema, String objectId, long candid, int h, int w, double shift,
      double flux, Random rnd) {
    float[][] science = new float[h][w];
    float[][] template = new float[h][w];
    float[][] difference = new float[h][w];
    double cy = h / 2.0;
    double cx = w / 2.0;
    for (int y = 0; y < h; y++) {
      for (int x = 0; x < w; x++) {
        double host = HOST * gauss(y - cy, x - cx, 2.5);
        double hostShifted = HOST * gauss(y - cy - shift, x - cx - shift, 2.5);
        double source = flux * gauss(y - cy - 2, x - cx + 1, PSF_SIGMA);
        double noise = rnd.nextGaussian() * Math.sqrt(SKY + hostShifted + source);
        science[y][x] = (float) (SKY + hostShifted + source + noise);
        template[y][x] = (float) (SKY + host + rnd.nextGaussian() * Math.sqrt(SKY + host) / 4); // a deep co-add
        difference[y][x] = (float) (hostShifted - host + source + noise);
      }
    }
    if (w < 63) { // a bad column at the edge of the CCD
      for (int y = 0; y < h; y++) {
        science[y][w - 1] = template[y][w - 1] = difference[y][w - 1] = Float.NaN;
      }
    }
    Schema candidateSchema = schema.getField("candidate").schema();
    GenericRecord candidate = new GenericData.Record(candidateSchema);
    candidate.put("jd", 2461000.5);
    candidate.put("fid", 2);
    candidate.put("candid", candid);
    candidate.put("ra", 150.0);
    candidate.put("dec", 2.2);
    candidate.put("magpsf", 19.5f);
    candidate.put("rb", null);
    candidate.put("drb", null); // no pipeline score for a simulated alert
    candidate.put("drbversion", "none");
    GenericRecord r = new GenericData.Record(schema);
    r.put("schemavsn", "3.3");
    r.put("publisher", "keras4j AlertSimulator");
    r.put("objectId", objectId);
    r.put("candid", candid);
    r.put("candidate", candidate);
    Schema cutoutSchema = schema.getField("cutoutScience").schema().getTypes().get(0);
    r.put("cutoutScience", cutout(cutoutSchema, candid + "_scimref.fits.gz", science));
    r.put("cutoutTemplate", cutout(cutoutSchema, candid + "_ref.fits.gz", template));
    r.put("cutoutDifference", cutout(cutoutSchema, candid + "_diff.fits.gz", difference));
    return r;
  }

  private static double gauss(double dy, double dx, double sigma) {
    return Math.exp(-(dx * dx + dy * dy) / (2 * sigma * sigma)) / (2 * Math.PI * sigma * sigma);
  }

  private static GenericRecord cutout(Schema schema, String fileName, float[][] image) {
    GenericRecord c = new GenericData.Record(schema);
    c.put("fileName", fileName);
    c.put("stampData", ByteBuffer.wrap(fitsGz(image)));
    return c;
  }

  /** {@code image} (row 0 first) as a gzip-compressed FITS file: primary HDU, BITPIX -32, big-endian. */
  public static byte[] fitsGz(float[][] image) {
    int h = image.length;
    int w = image[0].length;
    StringBuilder header = new StringBuilder();
    header.append(card("SIMPLE", "T")).append(card("BITPIX", "-32")).append(card("NAXIS", "2"))
        .append(card("NAXIS1", Integer.toString(w))).append(card("NAXIS2", Integer.toString(h)))
        .append(String.format("%-80s", "END"));
    while (header.length() % 2880 != 0) {
      header.append(' ');
    }
    ByteBuffer data = ByteBuffer.allocate((h * w * 4 + 2879) / 2880 * 2880); // big-endian, zero-padded
    for (float[] row : image) {
      for (float v : row) {
        data.putFloat(v);
      }
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
      gz.write(header.toString().getBytes(StandardCharsets.US_ASCII));
      gz.write(data.array());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  /** A FITS header card: keyword in columns 1-8, "= " in 9-10, the value right-justified to column 30. */
  private static String card(String key, String value) {
    return String.format("%-8s= %20s", key, value) + " ".repeat(50);
  }
}
