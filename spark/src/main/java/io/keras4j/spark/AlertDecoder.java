package io.keras4j.spark;

import io.keras4j.data.Fits;
import io.keras4j.examples.Alerts;
import io.keras4j.examples.Braai;
import io.keras4j.examples.LightCurve;
import io.keras4j.examples.LightCurveEncoding;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.api.java.function.MapPartitionsFunction;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Turns ZTF alert packets, as spark-avro reads them with {@link StreamingAlertScoring#READER_SCHEMA}, into the two
 * models' inputs: braai's triplet of cutouts and the encoded light curve.
 *
 * <p>Output columns: {@code objectId}, {@code candid}, {@code drb} (the pipeline's score in the packet, null before
 * schema 3.3), {@code triplet} (63 x 63 x 3 floats, braai's {@code make_triplet} with {@code old_norm}, see
 * {@link Braai}) and {@code light_curve} ({@code maxLength} x {@link LightCurveEncoding#FEATURES} floats, see
 * {@link LightCurveEncoding}). Keras equivalent: none (an alert broker's preprocessing).
 */
final class AlertDecoder implements MapPartitionsFunction<Row, Row> {
  private static final long serialVersionUID = 1L;
  /** MJD = JD - 2400000.5. */
  private static final double MJD_OFFSET = 2400000.5;

  private final int maxLength;

  AlertDecoder(int maxLength) {
    this.maxLength = maxLength;
  }

  /** The schema of the decoded rows. */
  static StructType schema() {
    return new StructType()
        .add("objectId", DataTypes.StringType, false)
        .add("candid", DataTypes.LongType, false)
        .add("drb", DataTypes.FloatType, true)
        .add("triplet", DataTypes.createArrayType(DataTypes.FloatType, false), false)
        .add("light_curve", DataTypes.createArrayType(DataTypes.FloatType, false), false);
  }

  @Override
  public Iterator<Row> call(Iterator<Row> alerts) {
    return new Iterator<>() {
      @Override
      public boolean hasNext() {
        return alerts.hasNext();
      }

      @Override
      public Row next() {
        return decode(alerts.next());
      }
    };
  }

  private Row decode(Row r) {
    String objectId = r.getAs("objectId");
    long candid = r.<Long>getAs("candid");
    Row candidate = r.getAs("candidate");
    Alerts.Alert a = new Alerts.Alert(objectId, candid, candidate.getAs("drb"), null, cutout(r, "cutoutScience"),
        cutout(r, "cutoutTemplate"), cutout(r, "cutoutDifference"));
    float[] triplet = Braai.triplets(List.of(a)).values();
    float[] lc = flatten(LightCurveEncoding.sequences(List.of(lightCurve(r)), maxLength)[0]);
    return RowFactory.create(objectId, candid, a.drb(), box(triplet), box(lc));
  }

  /** The image of cutout {@code field}: gzip-compressed FITS bytes, decoded. */
  static float[][] cutout(Row alert, String field) {
    Row c = alert.getAs(field);
    if (c == null) {
      throw new IllegalArgumentException("StreamingAlertScoring: alert " + alert.getAs("candid") + " has no "
          + field + "; expected a cutout record with stampData");
    }
    return Fits.readImage((byte[]) c.getAs("stampData"));
  }

  /**
   * The detections of an alert: its {@code prv_candidates} with a magnitude (non-detections carry none) and the
   * candidate itself, g and r band (fid 1, 2; i band dropped), epochs in MJD, sorted by time.
   */
  static LightCurve lightCurve(Row alert) {
    List<Row> points = new ArrayList<>();
    List<Row> prv = alert.getAs("prv_candidates") == null ? List.of() : alert.getList(alert.fieldIndex(
        "prv_candidates"));
    points.addAll(prv);
    points.add(alert.getAs("candidate"));
    List<double[]> kept = new ArrayList<>();
    for (Row p : points) {
      Float mag = p.getAs("magpsf");
      Float err = p.getAs("sigmapsf");
      int fid = p.<Integer>getAs("fid");
      if (mag != null && err != null && (fid == 1 || fid == 2)) {
        kept.add(new double[] {p.<Double>getAs("jd") - MJD_OFFSET, fid == 1 ? LightCurve.G : LightCurve.R, mag,
            err});
      }
    }
    int n = kept.size();
    double[] t = new double[n];
    int[] band = new int[n];
    double[] mag = new double[n];
    double[] err = new double[n];
    for (int i = 0; i < n; i++) {
      double[] k = kept.get(i);
      t[i] = k[0];
      band[i] = (int) k[1];
      mag[i] = k[2];
      err[i] = k[3];
    }
    return LightCurve.sorted(alert.getAs("objectId"), null, t, band, mag, err);
  }

  private static float[] flatten(float[][] steps) {
    int width = steps.length == 0 ? 0 : steps[0].length;
    float[] out = new float[steps.length * width];
    for (int i = 0; i < steps.length; i++) {
      System.arraycopy(steps[i], 0, out, i * width, width);
    }
    return out;
  }

  /** Spark's row encoder reads an {@code array<float>} column from a boxed array (or a Seq). */
  private static Float[] box(float[] v) {
    Float[] out = new Float[v.length];
    for (int i = 0; i < v.length; i++) {
      out[i] = v[i];
    }
    return out;
  }
}
