package io.keras4j;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Whether TensorFlow runs its oneDNN kernels on this machine, for tests whose Keras reference needs them.
 * TensorFlow turns oneDNN on by default on x86 CPUs with AVX512_VNNI, AVX512_BF16, AVX_VNNI or AMX, and reads
 * {@code TF_ENABLE_ONEDNN_OPTS} to force it; elsewhere (a Zen 3: AVX2 only) it runs its Eigen kernels, as Keras on
 * TensorFlow does on the same machine.
 */
public final class OneDnn {
  private static final Set<String> FLAGS = Set.of("avx512_vnni", "avx512_bf16", "avx_vnni", "amx_tile", "amx_int8",
      "amx_bf16");

  private OneDnn() {}

  /** True when TensorFlow certainly leaves oneDNN off: Linux reports none of the CPU flags above and no override. */
  public static boolean off() {
    String forced = System.getenv("TF_ENABLE_ONEDNN_OPTS");
    if (forced != null) {
      return "0".equals(forced.trim()) || "false".equalsIgnoreCase(forced.trim());
    }
    try {
      List<String> lines = Files.readAllLines(Path.of("/proc/cpuinfo"));
      return lines.stream().filter(l -> l.startsWith("flags")).findFirst().map(OneDnn::noneOfTheFlags).orElse(false);
    } catch (IOException | RuntimeException e) {
      return false; // not Linux, or unreadable: assume TensorFlow's default may be on
    }
  }

  private static boolean noneOfTheFlags(String flagsLine) {
    String[] flags = flagsLine.substring(flagsLine.indexOf(':') + 1).trim().split("\\s+");
    return java.util.Arrays.stream(flags).noneMatch(FLAGS::contains);
  }
}
