"""Writes .keras files whose optimizers carry the state keras4j must read back in Keras' order, and what Keras
does next with them: keras4j/src/test/resources/io/keras4j/optimizers/<name>.keras and <name>.json.

Each model (Dense(2) on 3 inputs) is compiled with one optimizer, trained one epoch of three steps and saved; the
JSON holds the data, the optimizer variables as saved (paths, dtypes, values) and the weights after Keras trains the
saved model one more epoch. OptimizerFilesTest loads the file, checks the state and trains the same epoch.
Run from the repository root:

    KERAS_BACKEND=tensorflow /work/venv-keras/bin/python tools/keras-reference/optimizer_files.py
"""

import json
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "optimizers")
O = keras.optimizers

OPTIMIZERS = {
    "loss_scale_adafactor": lambda: O.LossScaleOptimizer(
        O.Adafactor(0.1, use_ema=True, ema_momentum=0.5, gradient_accumulation_steps=2), initial_scale=8.0,
        dynamic_growth_steps=2),
    "ftrl": lambda: O.Ftrl(0.2, l1_regularization_strength=0.01, beta=0.1),
    "lamb_ema_overwrite": lambda: O.Lamb(0.05, use_ema=True, ema_overwrite_frequency=2),
}


def floats(a):
    return np.asarray(a).astype("float64").reshape(-1).tolist()


def main():
    x = np.array([[0.2, -1.0, 0.5], [1.0, 0.3, -0.4], [-0.7, 0.8, 0.1], [0.5, 0.5, 0.9], [0.1, -0.3, 0.7],
                  [-0.6, -0.2, 0.4]], dtype="float32")
    y = np.array([[1.0, -0.5], [0.3, 0.8], [-0.2, 0.1], [0.9, 0.4], [0.0, -0.7], [0.5, 0.5]], dtype="float32")
    for name, make in OPTIMIZERS.items():
        keras.backend.clear_session()
        keras.utils.set_random_seed(1)
        model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, name="dense")])
        model.compile(optimizer=make(), loss="mse")
        model.fit(x, y, epochs=1, batch_size=2, shuffle=False, verbose=0)
        path = os.path.join(OUT, name + ".keras")
        model.save(path)
        saved = [{"path": v.path, "dtype": str(v.dtype), "shape": list(v.shape), "value": floats(v.numpy())}
                 for v in model.optimizer.variables]
        loaded = keras.saving.load_model(path)
        loaded.fit(x, y, epochs=1, batch_size=2, shuffle=False, verbose=0)
        doc = {"keras": KERAS_VERSION, "x": floats(x), "y": floats(y), "optimizer_variables": saved,
               "weights_after_next_epoch": [floats(w) for w in loaded.get_weights()]}
        with open(os.path.join(OUT, name + ".json"), "w") as f:
            json.dump(doc, f, sort_keys=True, indent=1)
            f.write("\n")
        print(path)


if __name__ == "__main__":
    main()
