"""Writes the per-output metrics fixtures of keras4j's PerOutputMetricsKerasTest: a two-output functional model
(Dense(2) "out_a" with mse, Dense(1, sigmoid) "out_b" with binary crossentropy) with fixed initial weights,
compiled by Keras 3.15.1 with `metrics=` and `weighted_metrics=` in each per-output form Keras accepts:

  * `list_of_lists`: metrics=[["mae"], ["accuracy", "mse"]], weighted_metrics=[None, ["accuracy"]]
  * `dict`:          metrics={"out_a": "mae", "out_b": ["accuracy"]}, weighted_metrics={"out_b": ["mse"]}
  * `one_per_output`: metrics=["mae", "accuracy"] (a flat list as long as the outputs: one metric per output)

For each it writes `<case>.keras` (saved after compile, before training: initial weights and compile_config) and
records in `per_output_metrics.json` the log names, the History of 2 epochs of SGD(0.1) fit with sample weights
(batch 4, no shuffling), then evaluate with sample weights, and `get_compile_config()`.

Run from the repository root with the pinned versions (requirements.txt):

    KERAS_BACKEND=tensorflow python tools/keras-reference/per_output_metrics.py
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
                   "io", "keras4j", "models", "per_output_metrics")

CASES = {
    "list_of_lists": ([["mae"], ["accuracy", "mse"]], [None, ["accuracy"]]),
    "dict": ({"out_a": "mae", "out_b": ["accuracy"]}, {"out_b": ["mse"]}),
    "one_per_output": (["mae", "accuracy"], None),
}

rng = np.random.default_rng(7)
x = np.round(rng.uniform(-1, 1, size=(10, 3)), 2).astype("float32")
y_a = np.round(rng.uniform(-1, 1, size=(10, 2)), 2).astype("float32")
y_b = np.array([1, 0, 1, 1, 0, 0, 1, 0, 1, 0], dtype="float32").reshape(10, 1)
sample_weight = np.array([1.0, 0.0, 2.0, 1.0, 0.5, 3.0, 1.0, 2.0, 0.0, 1.0], dtype="float32")
kernel_a = np.array([[0.4, -0.2], [-0.3, 0.1], [0.2, 0.5]], dtype="float32")
bias_a = np.array([0.05, -0.1], dtype="float32")
kernel_b = np.array([[0.3], [-0.6], [0.25]], dtype="float32")
bias_b = np.array([0.1], dtype="float32")


def floats(a):
    return [float(v) for v in np.asarray(a, dtype="float64").ravel()]


def model():
    keras.backend.clear_session()
    i = keras.Input((3,), name="x")
    a = keras.layers.Dense(2, name="out_a")(i)
    b = keras.layers.Dense(1, activation="sigmoid", name="out_b")(i)
    m = keras.Model(i, [a, b], name="two_outputs")
    m.set_weights([kernel_a, bias_a, kernel_b, bias_b])
    return m


reference = {
    "keras_version": keras.__version__,
    "x": np.asarray(x).tolist(),
    "y_a": np.asarray(y_a).tolist(),
    "y_b": floats(y_b),
    "sample_weight": floats(sample_weight),
    "learning_rate": 0.1,
    "epochs": 2,
    "batch_size": 4,
    "cases": {},
}
for name, (metrics, weighted) in CASES.items():
    m = model()
    m.compile(optimizer=keras.optimizers.SGD(0.1), loss=["mse", "binary_crossentropy"], metrics=metrics,
              weighted_metrics=weighted)
    m.save(os.path.join(OUT, name + ".keras"))
    initial = m.evaluate(x, [y_a, y_b], sample_weight=sample_weight, batch_size=4, verbose=0, return_dict=True)
    history = m.fit(x, [y_a, y_b], sample_weight=sample_weight, epochs=2, batch_size=4, shuffle=False, verbose=0)
    evaluate = m.evaluate(x, [y_a, y_b], sample_weight=sample_weight, batch_size=4, verbose=0, return_dict=True)
    reference["cases"][name] = {
        "metrics": metrics,
        "weighted_metrics": weighted,
        "initial_evaluate": {k: float(v) for k, v in initial.items()},
        "history": {k: [float(v) for v in vs] for k, vs in history.history.items()},
        "evaluate": {k: float(v) for k, v in evaluate.items()},
        "compile_config": m.get_compile_config(),
    }

with open(os.path.join(OUT, "per_output_metrics.json"), "w") as f:
    json.dump(reference, f, indent=1, sort_keys=True)
    f.write("\n")
print(json.dumps({k: list(c["history"]) for k, c in reference["cases"].items()}, indent=1))
