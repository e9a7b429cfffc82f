package io.keras4j.bench;

import io.keras4j.backend.Backend;
import io.keras4j.backend.HostArray;
import io.keras4j.backend.NativeArray;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Times the copy of W2's and W3's Java arrays into native memory, as {@code fit} and {@code predict} make it: through
 * a flat Java copy ({@code HostArray.of}, then the native copy), straight from the nested array after its check
 * ({@code HostArray.deferred}, as {@code fit} does) and straight from it unchecked, the copy checking each row
 * ({@code HostArray.deferred(x, false)}, as {@code predict} does), alternately, and prints each way's median
 * milliseconds.
 *
 * <p>Usage: {@code java ... io.keras4j.bench.HostConversion [rounds, default 7]}.
 */
public final class HostConversion {
  private HostConversion() {}

  public static void main(String[] args) {
    int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 7;
    Data.Workloads data = Data.workloads();
    time("w2 x float[60000][784]", data.x2(), rounds);
    time("w3 x float[10000][28][28][1]", data.x3(), rounds);
  }

  private static void time(String what, Object x, int rounds) {
    List<Double> flat = new ArrayList<>();
    List<Double> direct = new ArrayList<>();
    List<Double> oneWalk = new ArrayList<>();
    List<Double> check = new ArrayList<>();
    List<Double> write = new ArrayList<>();
    for (int r = 0; r < rounds; r++) {
      flat.add(ms(() -> {
        HostArray h = HostArray.of(x);
        return Backend.array(h.values(), h.shape());
      }));
      direct.add(ms(() -> Backend.array(HostArray.deferred(x))));
      oneWalk.add(ms(() -> Backend.array(HostArray.deferred(x, false))));
      long t = System.nanoTime();
      HostArray d = HostArray.deferred(x);
      check.add((System.nanoTime() - t) / 1e6);
      write.add(ms(() -> Backend.array(d)));
    }
    System.out.printf("%s: flat Java copy then native %.1f ms, straight to native %.1f ms, unchecked straight to "
        + "native %.1f ms (medians of %d)%n", what, median(flat), median(direct), median(oneWalk), rounds);
    System.out.printf("  of which the check %.1f ms, the copy %.1f ms%n", median(check), median(write));
  }

  private static double ms(Supplier<NativeArray> copy) {
    long t = System.nanoTime();
    NativeArray a = copy.get();
    double ms = (System.nanoTime() - t) / 1e6;
    a.close();
    return ms;
  }

  private static double median(List<Double> v) {
    return Report.Stat.of(v).median();
  }
}
