"""Keras 3.15.1 (TensorFlow 2.21) W3 train step and predict by kernel type, the peer of keras4j's
`bench/profile.sh w3_train w3_predict` (io.keras4j.bench.Profile): same model, data shapes and batch sizes; one
untraced epoch (or predict), then one traced pass whose step statistics (TensorFlow's RunMetadata, FULL_TRACE, as
keras4j's -Dkeras4j.profile records them) are summed by the kernel in each node's timeline label. Also writes the
op types of the post-optimization graph (what Grappler's remapper fused) of each function that ran.

Usage: python bench/keras/profile_w3.py {w3_train|w3_predict} OUT.md
"""
import collections
import os
import sys
import tempfile
import time

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorflow.python.eager import context  # noqa: E402
from xplane_kernels import kernel_times  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
assert tf.__version__ == "2.21.0", tf.__version__
workload, out = sys.argv[1], sys.argv[2]
rng = np.random.default_rng(0)
keras.utils.set_random_seed(3)
m = keras.Sequential([keras.Input((28, 28, 1)), keras.layers.Conv2D(32, 3, padding="same", activation="relu"),
                      keras.layers.MaxPooling2D(2), keras.layers.Conv2D(64, 3, padding="same", activation="relu"),
                      keras.layers.MaxPooling2D(2), keras.layers.Flatten(), keras.layers.Dense(128, activation="relu"),
                      keras.layers.Dense(10, activation="softmax")])
m.compile(keras.optimizers.Adam(1e-3), "sparse_categorical_crossentropy")
x = rng.random((10000, 28, 28, 1)).astype("float32")
y = rng.integers(0, 10, 10000)
run = (lambda: m.fit(x, y, epochs=1, batch_size=64, verbose=0)) if workload == "w3_train" else (
    lambda: m.predict(x, batch_size=64, verbose=0))
context.enable_graph_collection()
run()
meta = context.export_run_metadata()
context.disable_graph_collection()
logdir = tempfile.mkdtemp()
tf.profiler.experimental.start(logdir)
t = time.perf_counter()
run()
wall = time.perf_counter() - t
tf.profiler.experimental.stop()
by_type, _ = kernel_times(logdir)
total = sum(v[0] for v in by_type.values())
lines = [f"{workload} traced pass: {wall * 1000:.1f} ms wall; op time summed over ops (ops on parallel threads "
         "overlap)", "", "| op type | ms | share | executions | us per execution |", "|---|---|---|---|---|"]
for k, (us, n) in sorted(by_type.items(), key=lambda e: -e[1][0]):
    lines.append(f"| {k} | {us / 1000:.1f} | {100 * us / max(total, 1):.1f}% | {n} | {us / n:.1f} |")
lines += ["", "Post-optimization op types of each function graph:"]
for fg in meta.function_graphs:
    if len(fg.post_optimization_graph.node) < 30:
        continue
    for name, g in (("pre", fg.pre_optimization_graph), ("post", fg.post_optimization_graph)):
        types = collections.Counter(n.op for n in g.node)
        for f in g.library.function:
            types.update(n.op for n in f.node_def)
        lines.append(f"- {name}: " + ", ".join(f"{k} {v}" for k, v in sorted(types.items())))
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print(lines[0])
