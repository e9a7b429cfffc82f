"""Keras 3.15.1 (TensorFlow 2.21) W3 train step and predict by kernel type, the peer of keras4j's
`bench/profile.sh w3_train w3_predict` (io.keras4j.bench.Profile): same model, data shapes and batch sizes; one
untraced epoch (or predict), then one traced pass whose step statistics (TensorFlow's RunMetadata, FULL_TRACE, as
keras4j's -Dkeras4j.profile records them) are summed by the kernel in each node's timeline label. Also writes the
op types of the post-optimization graph (what Grappler's remapper fused) of each function that ran.

Usage: python bench/keras/profile_w3.py {w3_train|w3_predict} OUT.md
"""
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
from workloads import w3_data, w3_layers  # noqa: E402
from xplane_kernels import kernel_times, report_lines  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
assert tf.__version__ == "2.21.0", tf.__version__
workload, out = sys.argv[1], sys.argv[2]
keras.utils.set_random_seed(3)
m = keras.Sequential(w3_layers())
m.compile(keras.optimizers.Adam(1e-3), "sparse_categorical_crossentropy")
x, y = w3_data(np.random.default_rng(0))
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
lines = [f"{workload} traced pass: {wall * 1000:.1f} ms wall; op time summed over ops (ops on parallel threads "
         "overlap)", ""]
lines += report_lines(by_type, meta)
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print(lines[0])
