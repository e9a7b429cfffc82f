"""W7 in Keras 3 on TensorFlow: training on a PyDataset whose every batch takes time to load.

Model and data as keras4j's io.keras4j.bench.Streamed builds them: Input(64) -> Dense(512, relu) -> Dense(512, relu)
-> Dense(1, sigmoid), Adam(1e-3), binary cross-entropy, 32 batches of 256 per epoch; __getitem__(i) sleeps loadMillis
(an emulated read) and then draws its batch from a generator seeded by i. Run by bench/streamed.sh with Keras 3.15.1
and TensorFlow 2.21.0 (tensorflow-cpu), KERAS_BACKEND=tensorflow.

Usage: python bench_streamed.py [runs, default 3] [loadMillis, default 4] [workers, default 1,4]
Prints one line of JSON: "keras/w7_workers<n>" -> samples/s of each timed epoch, after one untimed warm-up epoch.
"""
import json
import os
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
LOAD_MS = float(sys.argv[2]) if len(sys.argv) > 2 else 4
WORKERS = [int(w) for w in (sys.argv[3] if len(sys.argv) > 3 else "1,4").split(",")]
FEATURES, BATCH, BATCHES = 64, 256, 32


class Batches(keras.utils.PyDataset):
    def __init__(self, workers):
        super().__init__(workers=workers, use_multiprocessing=False, max_queue_size=10)

    def __len__(self):
        return BATCHES

    def __getitem__(self, index):
        time.sleep(LOAD_MS / 1000)
        rng = np.random.default_rng(index)
        x = rng.standard_normal((BATCH, FEATURES)).astype("float32")
        y = (x[:, :8].sum(axis=1) > 0).astype("float32")
        return x, y


def model():
    keras.utils.set_random_seed(7)
    m = keras.Sequential([keras.Input((FEATURES,)), keras.layers.Dense(512, activation="relu"),
                          keras.layers.Dense(512, activation="relu"), keras.layers.Dense(1, activation="sigmoid")])
    m.compile(optimizer=keras.optimizers.Adam(1e-3), loss="binary_crossentropy")
    return m


results = {}
for w in WORKERS:
    data = Batches(w)
    m = model()
    m.fit(data, epochs=1, verbose=0)  # warm-up: tracing
    rates = []
    for _ in range(RUNS):
        t = time.perf_counter()
        m.fit(data, epochs=1, verbose=0)
        rates.append(BATCH * BATCHES / (time.perf_counter() - t))
    results[f"keras/w7_workers{w}"] = rates
print(json.dumps(results))
