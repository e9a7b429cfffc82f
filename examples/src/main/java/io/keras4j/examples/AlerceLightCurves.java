package io.keras4j.examples;

import io.keras4j.data.Csv;
import io.keras4j.data.Table;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the labelled ZTF light curves of the ALeRCE light-curve classifier's example data
 * ({@code ../shared/data/ztf/alerce}: {@code 30_sne_detections_corr.csv} and {@code 30_sne_labels.csv}; MIT licence,
 * see PROVENANCE.md section E).
 *
 * <p>Each detection gives mjd, fid (1 = g, 2 = r), magpsf and sigmapsf: difference-image PSF photometry, which for
 * a supernova is the supernova's own magnitude, as the simulator draws it. Detections with {@code isdiffpos} -1
 * (the source fainter than in the reference image) are dropped: they are not the transient's flux. The 98 labelled
 * variable stars and AGN of the same data ({@code 100_objects_labels.csv}) come with features only, no light
 * curves, so they cannot be given to a light-curve model.
 */
public final class AlerceLightCurves {
  /** The detections file. */
  public static final String DETECTIONS = "30_sne_detections_corr.csv";
  /** The labels file. */
  public static final String LABELS = "30_sne_labels.csv";
  /** The variables' labels (no light curves). */
  public static final String VARIABLE_LABELS = "100_objects_labels.csv";

  private AlerceLightCurves() {}

  /** The light curves in {@code dir}, labelled with ALeRCE's classes (SNIa, SNIbc, SNII, SLSN), in file order. */
  public static List<LightCurve> read(Path dir) {
    Table labels = Csv.read(dir.resolve(LABELS));
    Map<String, String> label = new LinkedHashMap<>();
    String[] ids = labels.strings("objectId");
    String[] cls = labels.strings("classALeRCE");
    for (int i = 0; i < ids.length; i++) {
      label.put(ids[i], cls[i]);
    }
    Table d = Csv.read(dir.resolve(DETECTIONS));
    String[] obj = d.strings("objectId");
    String[] mjd = d.strings("mjd");
    String[] fid = d.strings("fid");
    String[] mag = d.strings("magpsf");
    String[] err = d.strings("sigmapsf");
    String[] diffpos = d.strings("isdiffpos");
    Map<String, List<double[]>> rows = new HashMap<>();
    for (int i = 0; i < obj.length; i++) {
      String sign = diffpos[i].trim();
      if (sign.equals("-1") || sign.equals("-1.0") || sign.equals("f")) {
        continue;
      }
      int band = (int) Double.parseDouble(fid[i]) == 1 ? LightCurve.G : LightCurve.R;
      rows.computeIfAbsent(obj[i], k -> new ArrayList<>()).add(new double[] {Double.parseDouble(mjd[i]), band,
          Double.parseDouble(mag[i]), Double.parseDouble(err[i])});
    }
    List<LightCurve> out = new ArrayList<>();
    for (Map.Entry<String, String> e : label.entrySet()) {
      List<double[]> r = rows.getOrDefault(e.getKey(), List.of());
      double[] t = new double[r.size()];
      int[] b = new int[r.size()];
      double[] m = new double[r.size()];
      double[] s = new double[r.size()];
      for (int i = 0; i < t.length; i++) {
        t[i] = r.get(i)[0];
        b[i] = (int) r.get(i)[1];
        m[i] = r.get(i)[2];
        s[i] = r.get(i)[3];
      }
      out.add(LightCurve.sorted(e.getKey(), e.getValue(), t, b, m, s));
    }
    return out;
  }

  /** The simulator's class for an ALeRCE supernova label, or null for one it has no class for (SLSN). */
  public static String simulatedClass(String alerceLabel) {
    return switch (alerceLabel) {
      case "SNIa" -> "SN Ia";
      case "SNIbc" -> "SN Ibc";
      case "SNII" -> "SN II";
      default -> null;
    };
  }

  /** The number of labelled variables (features only) in {@code dir}, 0 when the file is absent. */
  public static int variablesWithoutLightCurves(Path dir) {
    Path f = dir.resolve(VARIABLE_LABELS);
    return Files.exists(f) ? Csv.read(f).size() : 0;
  }

  /**
   * The ALeRCE folder under the nearest {@code shared/data/ztf/alerce} found from the working directory upwards
   * (so that it is found from the repository root, from examples/, and from a worktree beside the repository), or
   * null.
   */
  public static Path find() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      Path dir = p.resolve(Path.of("shared", "data", "ztf", "alerce"));
      if (Files.exists(dir.resolve(DETECTIONS)) && Files.exists(dir.resolve(LABELS))) {
        return dir;
      }
      p = p.getParent();
    }
    return null;
  }
}
