"""W6 in Keras 3.15.1 on TensorFlow 2.21.0, profiled by TensorFlow kernel: the peer of io.keras4j.bench.W6Profile.

One traced predict of 32 images and one traced fine-tuning fit of 4 steps of batch 32 (bench_w6.py's models), each
after an untraced warm-up. The step statistics come from TensorFlow's run metadata (the kernels that ran after
Grappler), summed by kernel type as keras4j's ProfileTrace table does; also prints the op counts of the graphs after
optimisation (partition graphs).

Usage: KERAS_BACKEND=tensorflow python profile_w6.py
"""
import collections
import os
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
os.environ["KERAS_BACKEND"] = "tensorflow"

import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.python.eager import context  # noqa: E402

import bench_w6  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
assert tf.__version__ == "2.21.0", tf.__version__


def kernel(node):
    label = node.timeline_label
    eq = label.find(" = ")
    paren = label.find("(", eq + 3)
    if eq >= 0 and paren > eq:
        return label[eq + 3:paren]
    return "(runtime) " + node.node_name


def table(title, fn):
    fn()
    context.enable_run_metadata()
    t = time.perf_counter()
    fn()
    ms = (time.perf_counter() - t) * 1e3
    md = context.export_run_metadata()
    context.disable_run_metadata()
    times = collections.defaultdict(lambda: [0, 0])
    for dev in md.step_stats.dev_stats:
        for node in dev.node_stats:
            acc = times[kernel(node)]
            acc[0] += node.op_end_rel_micros - node.op_start_rel_micros
            acc[1] += 1
    total = sum(a[0] for a in times.values()) or 1
    print(f"## {title}: {ms:.1f} ms wall\n\n| op type | ms | share | executions | us per execution |\n|---|---|---|---|---|")
    for name, (us, n) in sorted(times.items(), key=lambda e: -e[1][0]):
        print(f"| {name} | {us / 1e3:.1f} | {100 * us / total:.1f}% | {n} | {us / max(n, 1):.1f} |")
    counts = collections.Counter()
    for g in md.partition_graphs:
        counts.update(n.op for n in g.node)
    for fg in md.function_graphs:
        for g in fg.partition_graphs:
            counts.update(n.op for n in g.node)
    print("\noptimised graph op counts:", dict(counts.most_common(40)), "\n")


def main():
    keras.utils.set_random_seed(6)
    m = keras.applications.MobileNetV2(weights=None)
    x = bench_w6.images(32, 224)
    table("predict, batch 32", lambda: m.predict(x, batch_size=32, verbose=0))
    ft = bench_w6.fine_tune_model()
    xt, yt = bench_w6.images(128, 224), np.arange(128) % 10
    table("fine-tune fit, 4 steps of batch 32", lambda: ft.fit(xt, yt, batch_size=32, epochs=1, verbose=0))


if __name__ == "__main__":
    main()
