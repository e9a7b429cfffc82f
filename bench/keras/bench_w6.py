"""W6 in Keras 3 (TensorFlow or JAX backend): MobileNetV2 at 224x224 and Keras-written application files.

The peer of io.keras4j.bench.W6 and io.keras4j.bench.LoadApp; run by bench/run.sh with Keras 3.15.1 on TensorFlow
2.21.0 or JAX 0.10.2 (KERAS_BACKEND). Every network has random weights (weights=None); images are uniform in [-1, 1).

Usage:
  python bench_w6.py write DIR                  writes DIR/{densenet121,mobilenetv2,xception}.keras (Keras defaults,
                                                include_top=True, 224x224 or Xception's 299x299)
  python bench_w6.py run RUNS PREFIX OUT.json   MobileNetV2 inference images/s (batch 1: 16 images, batch 32: 64
                                                images, model.predict) and fine-tuning train steps/s (the top 54
                                                layers trainable, BatchNormalization frozen, new Dense(10) head,
                                                Adam(1e-4), 4 steps of batch 32 per fit), each after one untimed run
  python bench_w6.py load FILE PREFIX OUT.json  load_model + the first predict of one image in this fresh process:
                                                seconds of each and the peak resident size (VmHWM, MiB); the clock
                                                starts after `import keras` (TensorFlow's runtime loaded); the
                                                *_process_s keys count from the process' start instead:
                                                w6_runtime_* after `import keras`, w6_load_* after load_model,
                                                w6_load_predict_* after the first predict (LoadApp's same keys)
  python bench_w6.py w2mem PREFIX OUT.json      peak resident size (MiB) of one epoch of W2 training (bench.py's W2)
"""
import json
import os
import sys
import time


def process_seconds():
    """Seconds since this process started: /proc/self/stat's start time (clock ticks since boot) against the clock
    since boot (10 ms resolution, the clock tick's); the same count as LoadApp's *_process_s keys."""
    with open("/proc/self/stat") as f:
        start_ticks = int(f.read().rsplit(")", 1)[1].split()[19])
    return time.clock_gettime(time.CLOCK_BOOTTIME) - start_ticks / os.sysconf("SC_CLK_TCK")


def process_clock():
    """process_seconds() now, and perf_counter() now, to turn later perf_counter() readings into process seconds."""
    return process_seconds() - time.perf_counter()

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import keras  # noqa: E402
import numpy as np  # noqa: E402

RUNTIME_LOADED = time.perf_counter()  # TensorFlow's native library loaded, its ops and kernels registered

assert keras.__version__ == "3.15.1", keras.__version__
APPS = {"densenet121": keras.applications.DenseNet121, "mobilenetv2": keras.applications.MobileNetV2,
        "xception": keras.applications.Xception}


def peak_mib():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM"):
                return int(line.split()[1]) / 1024
    return -1.0


def images(n, size):
    return np.random.default_rng(6).uniform(-1, 1, (n, size, size, 3)).astype("float32")


def write(directory):
    os.makedirs(directory, exist_ok=True)
    for name, app in APPS.items():
        keras.utils.set_random_seed(6)
        app(weights=None).save(os.path.join(directory, name + ".keras"))


def fine_tune_model():
    keras.utils.set_random_seed(6)
    base = keras.applications.MobileNetV2(include_top=False, weights=None, input_shape=(224, 224, 3), pooling="avg")
    for i, layer in enumerate(base.layers):
        layer.trainable = i >= len(base.layers) - 54 and not isinstance(layer, keras.layers.BatchNormalization)
    inputs = keras.Input((224, 224, 3))
    model = keras.Model(inputs, keras.layers.Dense(10, activation="softmax")(base(inputs)))
    model.compile(keras.optimizers.Adam(1e-4), "sparse_categorical_crossentropy")
    return model


def timed(fn, runs, units):
    fn()
    out = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        out.append(units / (time.perf_counter() - t))
    return out


def run(runs, prefix):
    keras.utils.set_random_seed(6)
    m = keras.applications.MobileNetV2(weights=None)
    x1, x32 = images(16, 224), images(64, 224)
    r = {f"{prefix}/w6_predict_b1": timed(lambda: m.predict(x1, batch_size=1, verbose=0), runs, 16),
         f"{prefix}/w6_predict_b32": timed(lambda: m.predict(x32, batch_size=32, verbose=0), runs, 64)}
    ft = fine_tune_model()
    xt, yt = images(128, 224), np.arange(128) % 10
    r[f"{prefix}/w6_finetune_steps"] = timed(lambda: ft.fit(xt, yt, batch_size=32, epochs=1, verbose=0), runs, 4)
    return r


def load(path, prefix):
    name = os.path.basename(path).split(".")[0]
    t = time.perf_counter()
    m = keras.models.load_model(path)
    loaded = time.perf_counter()
    size = m.input_shape[1]
    m.predict(images(1, size), verbose=0)
    done = time.perf_counter()
    at = process_clock()
    return {f"{prefix}/w6_load_{name}_s": [loaded - t], f"{prefix}/w6_first_predict_{name}_s": [done - loaded],
            f"{prefix}/w6_load_predict_{name}_s": [done - t], f"{prefix}/peak_mib_{name}": [peak_mib()],
            f"{prefix}/w6_runtime_{name}_process_s": [at + RUNTIME_LOADED],
            f"{prefix}/w6_load_{name}_process_s": [at + loaded],
            f"{prefix}/w6_load_predict_{name}_process_s": [at + done]}


def w2mem(prefix):
    rng = np.random.default_rng(0)
    x = rng.standard_normal((60000, 784)).astype("float32")
    y = keras.utils.to_categorical(rng.integers(0, 10, 60000), 10).astype("float32")
    keras.utils.set_random_seed(2)
    m = keras.Sequential([keras.Input((784,)), keras.layers.Dense(512, activation="relu"),
                          keras.layers.Dense(256, activation="relu"), keras.layers.Dense(10, activation="softmax")])
    m.compile(optimizer=keras.optimizers.Adam(1e-3), loss="categorical_crossentropy")
    m.fit(x, y, epochs=1, batch_size=128, verbose=0)
    return {f"{prefix}/peak_mib_w2_train": [peak_mib()]}


def main():
    mode = sys.argv[1]
    if mode == "write":
        write(sys.argv[2])
        return
    if mode == "run":
        r = run(int(sys.argv[2]), sys.argv[3])
    elif mode == "load":
        r = load(sys.argv[2], sys.argv[3])
    else:
        r = w2mem(sys.argv[2])
    with open(sys.argv[-1], "w") as f:
        json.dump(r, f)


if __name__ == "__main__":
    main()
