package io.keras4j.bench;

import io.keras4j.models.Model;
import io.keras4j.models.Models;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;

/** W4: from JVM start to the first prediction of the saved W3 model; prints milliseconds. */
public final class LoadW3 {
  private LoadW3() {}

  public static void main(String[] args) {
    Model m = Models.loadModel(Path.of(args.length > 0 ? args[0] : "bench/results/w3.keras"));
    float[] p = m.predict(new float[1][28][28][1]).toFloat2D()[0];
    long ms = System.currentTimeMillis() - ManagementFactory.getRuntimeMXBean().getStartTime();
    System.out.println("W4 " + ms + " " + p.length);
  }
}
