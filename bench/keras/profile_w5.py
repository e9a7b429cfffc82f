"""Keras 3.15.1 (TensorFlow 2.21) W5 prediction (LSTM(64) or GRU(64) over 200 steps of 8 features, Dense(1), batch
64) by kernel type, the peer of keras4j's `io.keras4j.bench.Profile w5_predict` / `w5_predict_spe32`: same model,
data shapes and batch size; one untraced predict, a timed one, then one traced pass whose kernels (TensorFlow's
profiler, XPlane) are summed by type, with the op types of each function graph before and after Grappler.

Usage: python bench/keras/profile_w5.py {lstm|gru} STEPS_PER_EXECUTION INTER_OP_THREADS(0: TensorFlow's default) OUT.md
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
from xplane_kernels import kernel_times, report_lines  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
assert tf.__version__ == "2.21.0", tf.__version__
layer, spe, inter, out = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4]
if inter:
    tf.config.threading.set_inter_op_parallelism_threads(inter)
rng = np.random.default_rng(5)
keras.utils.set_random_seed(5)
rnn = keras.layers.LSTM if layer == "lstm" else keras.layers.GRU
m = keras.Sequential([keras.Input((200, 8)), rnn(64), keras.layers.Dense(1)])
m.compile(keras.optimizers.Adam(1e-3), "mse", steps_per_execution=spe)
x = rng.standard_normal((4096, 200, 8)).astype("float32")
run = lambda: m.predict(x, batch_size=64, verbose=0)  # noqa: E731
context.enable_graph_collection()
run()
meta = context.export_run_metadata()
context.disable_graph_collection()
t = time.perf_counter()
run()
wall = time.perf_counter() - t
logdir = tempfile.mkdtemp()
tf.profiler.experimental.start(logdir)
run()
tf.profiler.experimental.stop()
by_type, threads = kernel_times(logdir)
total = sum(v[0] for v in by_type.values())
lines = [f"{layer} predict, steps_per_execution={spe}, inter_op={inter or 'default'}: untraced pass {wall * 1000:.1f} ms"
         f" wall ({4096 / wall:.0f} samples/s); traced pass: op time summed over ops {total / 1000:.1f} ms "
         f"(ops on parallel threads overlap); ops per compute thread: {dict(threads)}", ""]
lines += report_lines(by_type, meta)
with open(out, "w") as f:
    f.write("\n".join(lines) + "\n")
print(lines[0])
