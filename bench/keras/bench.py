"""W1-W3 in Keras 3 (TensorFlow or JAX backend): the Python Keras peer of keras4j's benchmark (bench/Bench.java).

Models, data sizes, batch sizes and epochs as io.keras4j.bench.Keras4jWorkloads: W1 Dense 16-16-1 on 20,000 x 5,
SGD(0.01, momentum 0.9), binary cross-entropy, 5 epochs of batch 32, prediction batch 1024; W2 Dense 512-256-10 on
60,000 x 784, Adam(1e-3), categorical cross-entropy, 1 epoch of batch 128; W3 Conv2D(32)-pool-Conv2D(64)-pool-
Dense(128)-Dense(10) on 10,000 28x28x1 images, Adam(1e-3), sparse categorical cross-entropy, 1 epoch of batch 64,
prediction batch 64. Run by bench/run.sh with Keras 3.15.1 on TensorFlow 2.21.0 or JAX 0.10.2 (KERAS_BACKEND).

Usage: python bench.py runs steps_per_execution prefix out.json
Writes JSON: "<prefix>/<workload>" -> samples/s of each timed run, each after one untimed run, and
"<prefix>/<workload>_trace_s" -> the untimed first run's seconds minus the median timed run's (tracing, compiling).
"""
import json
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from workloads import w2_data, w2_layers, w3_data, w3_layers  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
RUNS = int(sys.argv[1])
SPE = int(sys.argv[2])
PREFIX = sys.argv[3]
OUT = sys.argv[4]
rng = np.random.default_rng(0)


def measured(results, key, fn, n):
    """Runs fn once untimed and RUNS times timed; stores samples/s and the first run's extra seconds."""
    t = time.perf_counter()
    fn()
    first = time.perf_counter() - t
    secs = []
    for _ in range(RUNS):
        t = time.perf_counter()
        fn()
        secs.append(time.perf_counter() - t)
    results[f"{PREFIX}/{key}"] = [n / s for s in secs]
    results[f"{PREFIX}/{key}_trace_s"] = [first - float(np.median(secs))]


def compiled(layers, optimizer, loss, seed):
    keras.utils.set_random_seed(seed)
    m = keras.Sequential(layers)
    m.compile(optimizer=optimizer, loss=loss, steps_per_execution=SPE)
    return m


def main():
    r = {}
    x1 = rng.standard_normal((20000, 5)).astype("float32")
    y1 = (x1[:, 0] + x1[:, 1] > 0).astype("float32")
    m1 = compiled([keras.Input((5,)), keras.layers.Dense(16, activation="relu"),
                   keras.layers.Dense(16, activation="relu"), keras.layers.Dense(1, activation="sigmoid")],
                  keras.optimizers.SGD(0.01, momentum=0.9), "binary_crossentropy", 1)
    measured(r, "w1_train", lambda: m1.fit(x1, y1, epochs=5, batch_size=32, verbose=0), 5 * 20000)
    # 10 passes a timed run, as every peer times W1's prediction (one pass takes a few ms for the fastest)
    measured(r, "w1_predict", lambda: [m1.predict(x1, batch_size=1024, verbose=0) for _ in range(10)], 10 * 20000)
    x2, y2 = w2_data(rng)
    m2 = compiled(w2_layers(), keras.optimizers.Adam(1e-3), "categorical_crossentropy", 2)
    measured(r, "w2_train", lambda: m2.fit(x2, y2, epochs=1, batch_size=128, verbose=0), 60000)
    x3, y3 = w3_data(rng)
    m3 = compiled(w3_layers(), keras.optimizers.Adam(1e-3), "sparse_categorical_crossentropy", 3)
    measured(r, "w3_train", lambda: m3.fit(x3, y3, epochs=1, batch_size=64, verbose=0), 10000)
    measured(r, "w3_predict", lambda: m3.predict(x3, batch_size=64, verbose=0), 10000)
    with open(OUT, "w") as f:
        json.dump(r, f)


if __name__ == "__main__":
    main()
