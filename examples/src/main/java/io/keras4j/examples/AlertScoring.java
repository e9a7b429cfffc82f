package io.keras4j.examples;

import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An alert broker's scoring step: reads ZTF alert packets (Avro), decodes their science, template and difference
 * cutouts (gzip-compressed FITS), scores each with braai's real/bogus CNN (d6_m7, the model ZTF's own pipeline
 * ran, so the packets' {@code drb} field is the same score computed by ZTF), prints objectId, candid and the score,
 * and draws the three cutouts of each alert with its score.
 *
 * <p>Run: {@code mvn -q -pl examples exec:java -Dexec.mainClass=io.keras4j.examples.AlertScoring}. It reads the
 * packets in {@code ../shared/data/ztf/alerts} and the model {@code ../shared/data/ztf/braai/models/d6_m7.h5} when
 * they are there; otherwise it simulates two packets and scores them with an untrained network of braai's
 * architecture (a demo of the pipeline: its scores mean nothing). Options: {@code --alerts DIR|FILE.avro},
 * {@code --model FILE.h5}, {@code --demo} (simulated packets and untrained model even when the data are present),
 * {@code --out DIR} (default {@code examples/output}) receives {@code alert_<candid>.png}.
 */
public final class AlertScoring {
  private AlertScoring() {}

  /** One alert and its score. */
  public record Scored(Alerts.Alert alert, float score) {}

  /** What a run produced; {@code trainedModel} is false for the demo's untrained network. */
  public record Result(List<Scored> scores, boolean trainedModel, List<Path> pngs) {}

  /**
   * {@code shared/data/ztf} in the working directory or in one of its three nearest parents (the project's data sit
   * at {@code ../shared/data} seen from the repository root), or null when absent.
   */
  public static Path defaultData() {
    Path d = Path.of("").toAbsolutePath();
    for (int up = 0; up <= 3 && d != null; up++, d = d.getParent()) {
      Path p = d.resolve(Path.of("shared", "data", "ztf"));
      if (Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  /** braai's score of each alert (a batch through {@code model}). */
  public static List<Scored> score(Model model, List<Alerts.Alert> alerts) {
    float[][] p = model.predict(Braai.triplets(alerts)).toFloat2D();
    List<Scored> out = new ArrayList<>();
    for (int i = 0; i < alerts.size(); i++) {
      out.add(new Scored(alerts.get(i), p[i][0]));
    }
    return out;
  }

  /**
   * Scores the packets in {@code alerts} (a directory of .avro files or one file; null: simulated packets) with the
   * model file {@code modelFile} (null: braai's architecture untrained) and writes one PNG per alert into
   * {@code out} (null: none).
   */
  public static Result run(Path alerts, Path modelFile, Path out) throws IOException {
    List<Alerts.Alert> packets;
    if (alerts == null) {
      Path dir = Files.createTempDirectory("keras4j-alerts");
      Path file = AlertSimulator.write(dir, 7);
      packets = Alerts.read(file);
      Files.delete(file);
      Files.delete(dir);
    } else {
      packets = Files.isDirectory(alerts) ? Alerts.readAll(alerts) : Alerts.read(alerts);
    }
    Model model = modelFile == null ? Braai.architecture(42) : Models.loadModel(modelFile);
    List<Scored> scores;
    try {
      scores = score(model, packets);
    } finally {
      model.close();
    }
    List<Path> pngs = new ArrayList<>();
    if (out != null) {
      Files.createDirectories(out);
      for (Scored s : scores) {
        Path png = out.resolve("alert_" + s.alert().candid() + ".png");
        plot(s, modelFile == null ? "untrained braai (demo)" : modelName(modelFile), png);
        pngs.add(png);
      }
    }
    return new Result(scores, modelFile != null, pngs);
  }

  private static String modelName(Path modelFile) {
    return "braai " + modelFile.getFileName().toString().replaceFirst("\\.h5$", "");
  }

  /** The three cutouts of an alert, titled with its identifiers and score. */
  static void plot(Scored s, String model, Path png) throws IOException {
    Alerts.Alert a = s.alert();
    String title = String.format("%s  candid %d  %s score %.4f%s", a.objectId(), a.candid(), model, s.score(),
        a.drb() == null ? "" : String.format("  (packet drb %.4f)", a.drb()));
    Images.panels(List.of(a.science(), a.template(), a.difference()), List.of("science", "template", "difference"),
        title, 5, png);
  }

  public static void main(String[] args) throws Exception {
    Path data = defaultData();
    Path alerts = data == null ? null : data.resolve("alerts");
    Path model = data == null ? null : data.resolve(Path.of("braai", "models", "d6_m7.h5"));
    Path out = Plots.defaultOutput();
    boolean demo = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--alerts" -> alerts = Path.of(args[++i]);
        case "--model" -> model = Path.of(args[++i]);
        case "--demo" -> {
          demo = true;
          alerts = null;
          model = null;
        }
        case "--out" -> out = Path.of(args[++i]);
        default -> throw new IllegalArgumentException("Unknown option " + args[i]
            + ". Options: --alerts DIR|FILE.avro, --model FILE.h5, --demo, --out DIR");
      }
    }
    if (alerts != null && !Files.exists(alerts)) {
      alerts = null;
    }
    if (model != null && !Files.exists(model)) {
      model = null;
    }
    System.out.println(alerts == null ? (demo ? "Demo" : "No alert packets found") + ": simulated 2 packets (see"
        + " AlertSimulator)"
        : "Alert packets: " + alerts);
    System.out.println(model == null ? "DEMO: " + (demo ? "" : "no braai model file found, ")
        + "scoring with an UNTRAINED network of braai's architecture; its scores mean nothing (the real model:"
        + " ../shared/data/ztf/braai/models/d6_m7.h5 or --model FILE)" : "Model: " + model);
    Result r = run(alerts, model, out);
    System.out.printf("%n%-14s %-20s %8s %10s %10s%n", "objectId", "candid", "score", "drb", "|diff|");
    for (Scored s : r.scores()) {
      Alerts.Alert a = s.alert();
      String drb = a.drb() == null ? "-" : String.format("%.7f", a.drb());
      String diff = a.drb() == null ? "-" : String.format("%.1e", Math.abs(s.score() - a.drb()));
      System.out.printf("%-14s %-20d %8.7f %10s %10s%n", a.objectId(), a.candid(), s.score(), drb, diff);
    }
    List<String> versions = r.scores().stream().filter(s -> s.alert().drb() != null)
        .map(s -> s.alert().drbVersion()).distinct().toList();
    if (!versions.isEmpty()) {
      System.out.println("drb: the score ZTF's pipeline wrote into the packet (drbversion " + versions + ")");
    }
    for (Path png : r.pngs()) {
      System.out.println("Wrote " + png.toAbsolutePath());
    }
  }
}
