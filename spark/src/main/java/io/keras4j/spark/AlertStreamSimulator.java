package io.keras4j.spark;

import io.keras4j.examples.AlertSimulator;
import io.keras4j.examples.LightCurve;
import io.keras4j.examples.LightCurveEncoding;
import io.keras4j.examples.LightCurveSimulator;
import io.keras4j.examples.SequenceModel;
import io.keras4j.models.CompileOptions;
import io.keras4j.models.FitOptions;
import io.keras4j.models.Model;
import io.keras4j.optimizers.Adam;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.apache.avro.Schema;
import org.apache.avro.file.DataFileWriter;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericDatumWriter;
import org.apache.avro.generic.GenericRecord;

/**
 * Simulated ZTF alert packets for {@link StreamingAlertScoring} when real ones are absent (tests, benchmarks), and
 * a light-curve classifier trained on simulated light curves.
 *
 * <p>An alert's history is a light curve of {@link LightCurveSimulator} (its classes in turn): the last detection is
 * the candidate, the earlier ones its {@code prv_candidates}, with a non-detection (no magnitude) and an i-band point
 * among them, both of which the scoring drops. Its cutouts are 63x63 noise around a point source (every fourth alert
 * 63x48 with a column of NaN, as at a CCD's edge), gzip-compressed FITS. Files are written under a hidden name and
 * renamed, so that a streaming source never reads half a file.
 */
public final class AlertStreamSimulator {
  private AlertStreamSimulator() {}

  /**
   * Writes {@code alerts} packets into {@code dir}/{@code name} (an Avro container file of
   * {@link StreamingAlertScoring#readerSchema()}); candids are {@code firstCandid}, {@code firstCandid + 1}, ...
   */
  public static Path write(Path dir, String name, int alerts, long firstCandid, long seed) throws IOException {
    Schema schema = StreamingAlertScoring.readerSchema();
    LightCurveSimulator curves = new LightCurveSimulator(seed);
    Random rnd = new Random(seed);
    Path tmp = dir.resolve("." + name + ".tmp");
    try (DataFileWriter<GenericRecord> w = new DataFileWriter<>(new GenericDatumWriter<GenericRecord>(schema))) {
      w.create(schema, tmp.toFile());
      for (int i = 0; i < alerts; i++) {
        long candid = firstCandid + i;
        LightCurve lc = curves.draw((int) (candid % LightCurveSimulator.CLASSES.length));
        w.append(alert(schema, "ZTFsim" + candid, candid, lc, i % 4 == 3 ? 48 : 63, rnd));
      }
    }
    return Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE);
  }

  private static GenericRecord alert(Schema schema, String objectId, long candid, LightCurve lc, int width,
      Random rnd) {
    Schema candidateSchema = schema.getField("candidate").schema();
    Schema prvSchema = schema.getField("prv_candidates").schema().getTypes().get(1).getElementType();
    int last = lc.size() - 1;
    GenericRecord candidate = new GenericData.Record(candidateSchema);
    candidate.put("jd", lc.t()[last] + 2400000.5);
    candidate.put("fid", lc.band()[last] + 1);
    candidate.put("magpsf", (float) lc.mag()[last]);
    candidate.put("sigmapsf", (float) lc.err()[last]);
    candidate.put("rb", rnd.nextFloat());
    candidate.put("drb", null);
    List<GenericRecord> prv = new ArrayList<>();
    for (int i = 0; i < last; i++) {
      prv.add(point(prvSchema, lc.t()[i] + 2400000.5, lc.band()[i] + 1, (float) lc.mag()[i], (float) lc.err()[i]));
    }
    prv.add(point(prvSchema, lc.t()[0] + 2400000.2, 1, null, null)); // a non-detection: an upper limit only
    prv.add(point(prvSchema, lc.t()[0] + 2400000.3, 3, 18f, 0.1f)); // i band
    GenericRecord r = new GenericData.Record(schema);
    r.put("objectId", objectId);
    r.put("candid", candid);
    r.put("candidate", candidate);
    r.put("prv_candidates", prv);
    Schema cutout = schema.getField("cutoutScience").schema().getTypes().get(1);
    r.put("cutoutScience", cutout(cutout, candid + "_scimref.fits.gz", image(width, 3000, rnd)));
    r.put("cutoutTemplate", cutout(cutout, candid + "_ref.fits.gz", image(width, 1000, rnd)));
    r.put("cutoutDifference", cutout(cutout, candid + "_diff.fits.gz", image(width, 2000, rnd)));
    return r;
  }

  private static GenericRecord point(Schema schema, double jd, int fid, Float mag, Float err) {
    GenericRecord p = new GenericData.Record(schema);
    p.put("jd", jd);
    p.put("fid", fid);
    p.put("magpsf", mag);
    p.put("sigmapsf", err);
    return p;
  }

  /** Sky noise around a Gaussian point source of {@code flux} counts at the centre; NaN in the last column if cut. */
  private static float[][] image(int width, double flux, Random rnd) {
    float[][] im = new float[63][width];
    for (int y = 0; y < 63; y++) {
      for (int x = 0; x < width; x++) {
        double dy = y - 31.0;
        double dx = x - 31.0 + rnd.nextDouble();
        double source = flux * Math.exp(-(dx * dx + dy * dy) / 4) / (4 * Math.PI);
        im[y][x] = width < 63 && x == width - 1 ? Float.NaN : (float) (source + 15 * rnd.nextGaussian());
      }
    }
    return im;
  }

  private static GenericRecord cutout(Schema schema, String fileName, float[][] image) {
    GenericRecord c = new GenericData.Record(schema);
    c.put("fileName", fileName);
    c.put("stampData", ByteBuffer.wrap(AlertSimulator.fitsGz(image)));
    return c;
  }

  /**
   * Trains the examples' GRU light-curve classifier ({@link SequenceModel}: Masking, GRU 32, softmax over
   * {@link LightCurveSimulator#CLASSES}) on {@code perClass} simulated light curves per class for {@code epochs}
   * and saves it to {@code file} ({@code .keras}).
   */
  public static Path trainLightCurveModel(Path file, int maxLength, int perClass, int epochs, long seed) {
    io.keras4j.backend.Backend.setRandomSeed(seed);
    List<LightCurve> train = new LightCurveSimulator(seed).drawEach(perClass);
    int[] y = LightCurveEncoding.labels(train, LightCurveSimulator.CLASSES);
    try (Model m = SequenceModel.build(SequenceModel.Kind.GRU, maxLength, LightCurveSimulator.CLASSES.length)) {
      m.compile(new CompileOptions().optimizer(new Adam(3e-3)).loss("sparse_categorical_crossentropy"));
      m.fit(LightCurveEncoding.sequences(train, maxLength), y, new FitOptions().epochs(epochs).batchSize(64)
          .verbose(0));
      m.save(file);
    }
    return file;
  }
}
