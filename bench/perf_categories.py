"""Sums `perf report` samples of bench/perf.sh's recordings into what ran (oneDNN's JIT kernels and driver code,
YNNPACK and XLA, Eigen, TensorFlow, the OS, Python, the JVM) and prints one markdown table: milliseconds of CPU per
timed pass, by category, one column per peer. Symbols of oneDNN's JIT kernels come from its perf map
(ONEDNN_JIT_PROFILE=2).

Usage: python3 bench/perf_categories.py HZ PASSES NAME=perf.data [NAME=perf.data ...]
"""
import re
import subprocess
import sys

# first match wins: the order puts the specific before the general
CATEGORIES = [
    ("oneDNN JIT kernels: convolution and brgemm", r"\[JIT\].*(brgemm|conv)"),
    ("oneDNN JIT kernels: gemm (dense layers)", r"\[JIT\].*gemm"),
    ("oneDNN JIT kernels: pooling", r"\[JIT\].*pool"),
    ("oneDNN JIT kernels: other (reorders, eltwise)", r"\[JIT\] .*\] (jit|_jit)"),
    ("oneDNN brgemm driver: its kernel-index hash lookup", r"_Hashtable<std::array<int, 8ul>"),
    ("oneDNN convolution driver code", r"dnnl.*conv"),
    ("oneDNN other driver code", r"dnnl"),
    ("YNNPACK kernels (Keras on JAX: dots, pooling, element-wise)", r"ynn::"),
    ("Eigen element-wise kernels (Adam, bias gradients, ...)", r"ApplyAdam|EvalRange|TensorExecutor|TensorEvaluator"),
    ("Eigen thread pool (scheduling, spinning)", r"Eigen::(ThreadPool|RunQueue)|EigenEnvironment"),
    ("XLA and JAX runtime", r"libjax|xla|slinky"),
    ("TensorFlow, other (executor, op wrappers, gather)", r"libtensorflow|_pywrap_tf|lib_pywrap_tensorflow"),
    ("OS kernel", r"\[kernel"),
    ("libc (memcpy, malloc, futex)", r"libc\.so|libstdc\+\+"),
    ("Python interpreter", r"libpython|_pywrap|\.abi3|_dtypes|numpy"),
    ("JVM (GC, runtime)", r"libjvm|libjava|libjnitensorflow"),
    ("other JIT code (HotSpot's compiled Java, XLA)", r"\[JIT\]"),
]


def categorize(data):
    """Samples per category of one recording."""
    out = subprocess.run(["perf", "report", "-i", data, "--sort", "dso,sym", "--stdio", "-n"],
                         capture_output=True, text=True, check=True).stdout
    counts = {}
    for line in out.splitlines():
        m = re.match(r"\s+[\d.]+%\s+(\d+)\s+(.*)", line)
        if not m:
            continue
        name = next((c for c, rx in CATEGORIES if re.search(rx, m.group(2))), "other")
        counts[name] = counts.get(name, 0) + int(m.group(1))
    return counts


def main():
    hz, passes = int(sys.argv[1]), int(sys.argv[2])
    peers = [a.split("=", 1) for a in sys.argv[3:]]
    counts = {name: categorize(data) for name, data in peers}
    ms = lambda n: n / hz * 1000 / passes  # noqa: E731
    names = [n for n, _ in peers]
    print("| ms of CPU per pass | " + " | ".join(names) + " |")
    print("|---" * (len(names) + 1) + "|")
    order = [c for c, _ in CATEGORIES] + ["other"]
    for c in order:
        if any(counts[n].get(c, 0) for n in names):
            print(f"| {c} | " + " | ".join(f"{ms(counts[n].get(c, 0)):,.0f}" for n in names) + " |")
    print("| **all** | " + " | ".join(f"**{ms(sum(counts[n].values())):,.0f}**" for n in names) + " |")


if __name__ == "__main__":
    main()
