"""One W2/W3 workload of bench/keras/bench.py (the models and data of workloads.py, bench.py's batch sizes), or W5's
LSTM (W5g: GRU) of bench/keras/bench_w5.py (its model and 4,096 sequences), run in a loop for a sampling profiler
(bench/perf.sh): two untimed runs, then the line READY (the profiler attaches), then PASSES timed runs, one line
each ("w3_predict SAMPLES_PER_S"), as io.keras4j.bench.PerfLoop prints them for keras4j.

Usage: python bench/keras/loop.py WORKLOAD steps_per_execution passes, WORKLOAD one of w2_train, w3_train,
w3_predict, w5_train, w5_predict, w5g_train, w5g_predict
(KERAS_BACKEND=tensorflow or jax; Keras 3.15.1 on TensorFlow 2.21.0 or JAX 0.10.2).
"""
import os
import sys
import time

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
from workloads import w2_data, w2_layers, w3_data, w3_layers  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
workload, spe, passes = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
rng = np.random.default_rng(0)
if workload == "w2_train":
    keras.utils.set_random_seed(2)
    layers, (x, y), loss, batch = w2_layers(), w2_data(rng), "categorical_crossentropy", 128
elif workload in ("w3_train", "w3_predict"):
    keras.utils.set_random_seed(3)
    layers, (x, y), loss, batch = w3_layers(), w3_data(rng), "sparse_categorical_crossentropy", 64
elif workload in ("w5_train", "w5_predict", "w5g_train", "w5g_predict"):  # bench_w5.py's model and data, its seed
    keras.utils.set_random_seed(5)
    x = np.random.default_rng(5).standard_normal((4096, 200, 8)).astype("float32")
    y = x[:, :, 0].mean(axis=1, keepdims=True)
    rnn = keras.layers.GRU(64) if workload.startswith("w5g") else keras.layers.LSTM(64)
    layers, loss, batch = [keras.Input((200, 8)), rnn, keras.layers.Dense(1)], "mse", 64
else:
    sys.exit(f"Unknown workload '{workload}'. Expected one of w2_train, w3_train, w3_predict, w5_train, w5_predict, "
             "w5g_train, w5g_predict")
m = keras.Sequential(layers)
m.compile(optimizer=keras.optimizers.Adam(1e-3), loss=loss, steps_per_execution=spe)
if workload.endswith("_train"):
    def run():
        m.fit(x, y, epochs=1, batch_size=batch, verbose=0)
else:
    def run():
        m.predict(x, batch_size=batch, verbose=0)
run()
run()
print("READY", flush=True)
for _ in range(passes):
    t = time.perf_counter()
    run()
    print(f"{workload} {len(x) / (time.perf_counter() - t):.0f}", flush=True)
