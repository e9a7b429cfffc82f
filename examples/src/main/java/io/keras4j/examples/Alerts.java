package io.keras4j.examples;

import io.keras4j.data.Fits;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.avro.file.DataFileStream;
import org.apache.avro.generic.GenericDatumReader;
import org.apache.avro.generic.GenericRecord;

/**
 * ZTF alert packets read from Avro object container files as generic records (no generated classes), the way an
 * alert broker consumes them.
 *
 * <p>A packet (ZTF alert schema 3.x) holds {@code objectId}, {@code candid}, the {@code candidate} record (with the
 * pipeline's real/bogus scores {@code rb} and, from schema 3.3, {@code drb} with {@code drbversion}), the history
 * {@code prv_candidates}, and three cutouts {@code cutoutScience}, {@code cutoutTemplate} and
 * {@code cutoutDifference}, each a record whose {@code stampData} bytes are a gzip-compressed FITS image (63x63
 * float32, smaller at the edges of a CCD, possibly with NaN).
 */
public final class Alerts {
  private Alerts() {}

  /** The fields of one alert that the scoring step uses; {@code drb} and {@code drbVersion} are null when absent. */
  public record Alert(String objectId, long candid, Float drb, String drbVersion, float[][] science,
      float[][] template, float[][] difference) {}

  /** Every alert in the container file {@code avro}, in file order. */
  public static List<Alert> read(Path avro) throws IOException {
    try (InputStream in = Files.newInputStream(avro);
        DataFileStream<GenericRecord> records = new DataFileStream<>(in, new GenericDatumReader<>())) {
      List<Alert> out = new ArrayList<>();
      for (GenericRecord r : records) {
        out.add(of(r));
      }
      return out;
    }
  }

  /** The alerts of every {@code *.avro} file in {@code dir}, files in name order. */
  public static List<Alert> readAll(Path dir) throws IOException {
    List<Path> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.filter(p -> p.getFileName().toString().endsWith(".avro")).sorted().toList();
    }
    if (files.isEmpty()) {
      throw new IllegalArgumentException("No .avro alert packets in " + dir);
    }
    List<Alert> out = new ArrayList<>();
    for (Path f : files) {
      out.addAll(read(f));
    }
    return out;
  }

  /** The alert of a generic record of ZTF's alert schema. */
  public static Alert of(GenericRecord r) {
    GenericRecord candidate = (GenericRecord) r.get("candidate");
    Float drb = candidate.hasField("drb") ? (Float) candidate.get("drb") : null;
    Object version = candidate.hasField("drbversion") ? candidate.get("drbversion") : null;
    return new Alert(r.get("objectId").toString(), (Long) r.get("candid"), drb,
        version == null ? null : version.toString(), cutout(r, "cutoutScience"), cutout(r, "cutoutTemplate"),
        cutout(r, "cutoutDifference"));
  }

  /** The image of cutout {@code field} ({@code cutoutScience}, ...): row 0 first, as astropy's hdu.data. */
  public static float[][] cutout(GenericRecord r, String field) {
    GenericRecord cutout = (GenericRecord) r.get(field);
    if (cutout == null) {
      throw new IllegalArgumentException("Alert " + r.get("candid") + " has no " + field);
    }
    ByteBuffer stamp = ((ByteBuffer) cutout.get("stampData")).duplicate();
    byte[] bytes = new byte[stamp.remaining()];
    stamp.get(bytes);
    return Fits.readImage(bytes); // gunzips when the bytes start with gzip's magic number
  }
}
