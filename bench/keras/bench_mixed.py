"""Keras 3.15.1 (TensorFlow 2.21) W2 and W3 training under one dtype policy, the peer of keras4j's
bench/src/main/java/io/keras4j/bench/MixedPrecision.java: same layers, optimizers, batch sizes and data shapes
(random data), one untimed epoch, then REPEATS timed epochs. Prints JSON of samples/s lists.

Usage: KERAS_BACKEND=tensorflow python bench/keras/bench_mixed.py POLICY REPEATS
"""

import json
import os
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from workloads import w2_layers, w3_layers  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
policy, repeats = sys.argv[1], int(sys.argv[2])
keras.config.set_dtype_policy(policy)
rng = np.random.default_rng(2)


def timed(model, x, y, batch):
    t = time.perf_counter()
    model.fit(x, y, epochs=1, batch_size=batch, verbose=0)
    return len(x) / (time.perf_counter() - t)


keras.utils.set_random_seed(2)
w2 = keras.Sequential(w2_layers())
w2.compile(keras.optimizers.Adam(1e-3), "categorical_crossentropy")
x2 = rng.random((60000, 784), dtype="float32")
y2 = np.eye(10, dtype="float32")[rng.integers(0, 10, 60000)]
timed(w2, x2, y2, 128)
out = {"w2_train": [timed(w2, x2, y2, 128) for _ in range(repeats)]}

keras.utils.set_random_seed(3)
w3 = keras.Sequential(w3_layers())
w3.compile(keras.optimizers.Adam(1e-3), "sparse_categorical_crossentropy")
x3 = rng.random((10000, 28, 28, 1), dtype="float32")
y3 = rng.integers(0, 10, 10000)
timed(w3, x3, y3, 64)
out["w3_train"] = [timed(w3, x3, y3, 64) for _ in range(repeats)]
print(json.dumps(out))
