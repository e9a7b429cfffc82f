"""W5 (LSTM) and W5g (GRU) in Keras 3 on TensorFlow: the Python Keras peer of keras4j's recurrent benchmark.

Model, as keras4j's io.keras4j.bench.W5 builds it: Input((200, 8)) -> LSTM(64) (or GRU(64)) -> Dense(1), Adam(1e-3),
mean squared error, batch 64, every other argument at Keras' default. Run by bench/w5.sh with Keras 3.15.1,
TensorFlow 2.21.0 (tensorflow-cpu) and KERAS_BACKEND=tensorflow; TensorFlow's thread pools at their defaults.

Usage: python bench_w5.py [runs, default 1] [samples, default 4096] [out.json, default stdout]
Writes JSON: "keras/<workload>" and "keras_spe32/<workload>" (steps_per_execution 1, Keras' default, and 32) ->
samples/s of each timed run, each after one untimed warm-up (tracing); "keras/meta" says what Keras used (jit_compile
as Keras resolved its default "auto", and whether the cuDNN kernel was eligible: it never is without a GPU, so the
layers run Keras' generic tf.while_loop recurrence).
"""
import json
import os
import sys
import time

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 1
SAMPLES = int(sys.argv[2]) if len(sys.argv) > 2 else 4096
OUT = sys.argv[3] if len(sys.argv) > 3 else None
STEPS, FEATURES, UNITS, BATCH = 200, 8, 64, 64


def data(n):
    """n sequences of standard normal features; target: the mean of feature 0 over time (the same as W5's Java)."""
    rng = np.random.default_rng(5)
    x = rng.standard_normal((n, STEPS, FEATURES)).astype("float32")
    return x, x[:, :, 0].mean(axis=1, keepdims=True)


def model(recurrent, spe):
    keras.utils.set_random_seed(5)
    m = keras.Sequential([keras.Input((STEPS, FEATURES)), recurrent(UNITS), keras.layers.Dense(1)])
    m.compile(optimizer=keras.optimizers.Adam(1e-3), loss="mse", steps_per_execution=spe)
    return m


def timed(fn, n):
    fn()  # warm-up: tracing the tf.function
    out = []
    for _ in range(RUNS):
        t = time.perf_counter()
        fn()
        out.append(n / (time.perf_counter() - t))
    return out


def main():
    x, y = data(SAMPLES)
    results = {}
    meta = {"keras": keras.__version__, "tensorflow": tf.__version__, "backend": keras.backend.backend(),
            "devices": [d.device_type for d in tf.config.list_physical_devices()],
            "intra_op_threads": tf.config.threading.get_intra_op_parallelism_threads(),
            "samples": SAMPLES}
    for spe in (1, 32):
        prefix = "keras" if spe == 1 else f"keras_spe{spe}"
        for name, layer in (("w5", keras.layers.LSTM), ("w5g", keras.layers.GRU)):
            m = model(layer, spe)
            results[f"{prefix}/{name}_train"] = timed(
                lambda: m.fit(x, y, batch_size=BATCH, epochs=1, verbose=0), SAMPLES)
            results[f"{prefix}/{name}_predict"] = timed(lambda: m.predict(x, batch_size=BATCH, verbose=0), SAMPLES)
            meta[f"jit_compile_{prefix}_{name}"] = bool(m.jit_compile)
            rnn = m.layers[0]
            # Keras' TensorFlow backend takes the cuDNN kernel only when its arguments allow it and a GPU is present
            meta[f"cudnn_{name}"] = bool(rnn.use_cudnn in ("auto", True) and tf.config.list_physical_devices("GPU"))
            print(f"done {prefix} {name}", file=sys.stderr)
    results["keras/meta"] = meta
    text = json.dumps(results)
    if OUT:
        with open(OUT, "w") as f:
            f.write(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
