"""Medians (min-max) of bench/load-time.sh's LOAD lines: per file and build, load + first predict, load, first
predict (the clock after the runtime is loaded, as Keras'), then the seconds since the process started: when the
runtime was loaded and when the first prediction was back; and the ratios to Keras on TensorFlow.

Usage: python bench/load-summary.py LOG [LOG...]   (the stdout of bench/load-time.sh)
"""
import json
import statistics
import sys

KEYS = [("w6_load_predict_{}_s", "load + first predict"), ("w6_load_{}_s", "load"),
        ("w6_first_predict_{}_s", "first predict"), ("w6_runtime_{}_process_s", "runtime loaded (since start)"),
        ("w6_load_predict_{}_process_s", "first prediction back (since start)"), ("peak_mib_{}", "peak MiB")]


def cell(values):
    if not values:
        return "-"
    return f"{statistics.median(values):.2f} ({min(values):.2f}-{max(values):.2f})"


def main():
    runs = {}
    for path in sys.argv[1:]:
        for line in open(path):
            if not line.startswith("LOAD "):
                continue
            parts = line.split(" ", 4)
            impl, model = parts[1], parts[2]
            text = line[line.find("{"):] if "{" in line else ""
            if not text:
                continue
            values = {k.split("/", 1)[1]: v[0] for k, v in json.loads(text).items()}
            for key, v in values.items():
                runs.setdefault((model, impl), {}).setdefault(key, []).append(v)
    models = sorted({m for m, _ in runs}, key=["mobilenetv2", "xception", "densenet121"].index)
    print("| file | build | n | " + " | ".join(label for _, label in KEYS) + " |")
    print("|---|---|---|" + "---|" * len(KEYS))
    for m in models:
        for impl in ("base", "new", "keras_tf"):
            r = runs.get((m, impl))
            if r is None:
                continue
            n = len(r.get(KEYS[0][0].format(m), []))
            print(f"| {m} | {impl} | {n} | " + " | ".join(cell(r.get(k.format(m), [])) for k, _ in KEYS) + " |")
    for m in models:
        out = []
        for key, label in (KEYS[0], KEYS[4]):
            k = key.format(m)
            keras = runs.get((m, "keras_tf"), {}).get(k)
            for impl in ("base", "new"):
                mine = runs.get((m, impl), {}).get(k)
                if keras and mine:
                    out.append(f"{impl}/keras {label} {statistics.median(mine) / statistics.median(keras):.2f}")
        print(f"{m}: " + ", ".join(out))


if __name__ == "__main__":
    main()
