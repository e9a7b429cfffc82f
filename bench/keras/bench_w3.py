"""W3 alone in Keras 3.15.1 on TensorFlow 2.21, as bench/keras/bench.py builds it, the peer of
io.keras4j.bench.W3: one untimed fit and predict, then RUNS timed fits of one epoch and RUNS timed predicts (batch 64);
prints "w3_train SAMPLES_PER_S" / "w3_predict SAMPLES_PER_S" per run.

Usage: python bench/keras/bench_w3.py [runs, default 3] [steps_per_execution, default 1]
"""
import os
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")
import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
from workloads import w3_data, w3_layers  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
assert tf.__version__ == "2.21.0", tf.__version__
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
SPE = int(sys.argv[2]) if len(sys.argv) > 2 else 1
x, y = w3_data(np.random.default_rng(0))
keras.utils.set_random_seed(3)
m = keras.Sequential(w3_layers())
m.compile(keras.optimizers.Adam(1e-3), "sparse_categorical_crossentropy", steps_per_execution=SPE)
m.fit(x, y, epochs=1, batch_size=64, verbose=0)
m.predict(x, batch_size=64, verbose=0)
for _ in range(RUNS):
    t = time.perf_counter()
    m.fit(x, y, epochs=1, batch_size=64, verbose=0)
    print(f"w3_train {10000 / (time.perf_counter() - t):.0f}", flush=True)
for _ in range(RUNS):
    t = time.perf_counter()
    m.predict(x, batch_size=64, verbose=0)
    print(f"w3_predict {10000 / (time.perf_counter() - t):.0f}", flush=True)
