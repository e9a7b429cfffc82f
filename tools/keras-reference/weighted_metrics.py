"""Writes weighted_metrics.json, the reference trajectory of Keras 3.15.1 that keras4j's WeightedMetricsKerasTest
compares against: a Dense(1, sigmoid) model with fixed initial weights, SGD, binary crossentropy, metrics=["accuracy"]
and weighted_metrics=["accuracy", "mse"], trained 3 epochs with class_weight and validated on data with sample
weights; then evaluated with sample weights. Plain metrics ignore the weights, weighted ones use them.

Run with the pinned versions (requirements.txt), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/weighted_metrics.py

The output is deterministic: fixed data and initial weights, no shuffling.
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
                   "io", "keras4j", "models", "weighted_metrics.json")

rng = np.random.default_rng(1)
x = np.round(rng.uniform(-1, 1, size=(10, 3)), 2).astype("float32")
y = np.array([1, 0, 1, 1, 0, 0, 1, 0, 1, 0], dtype="float32")
val_x = np.round(rng.uniform(-1, 1, size=(6, 3)), 2).astype("float32")
val_y = np.array([1, 0, 0, 1, 1, 0], dtype="float32")
val_sample_weight = np.array([1.0, 0.0, 2.0, 1.0, 0.5, 3.0], dtype="float32")
eval_sample_weight = np.array([1.0, 0.0, 2.0, 1.0, 1.0, 0.5, 3.0, 1.0, 2.0, 0.0], dtype="float32")
class_weight = {0: 1.0, 1: 2.5}
kernel = np.array([[0.4], [-0.3], [0.2]], dtype="float32")
bias = np.array([-0.1], dtype="float32")
learning_rate = 0.5

model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(1, activation="sigmoid", name="dense")])
model.compile(optimizer=keras.optimizers.SGD(learning_rate), loss="binary_crossentropy", metrics=["accuracy"],
              weighted_metrics=["accuracy", "mse"])
model.set_weights([kernel, bias])
history = model.fit(x, y, epochs=3, batch_size=4, shuffle=False, verbose=0, class_weight=class_weight,
                    validation_data=(val_x, val_y, val_sample_weight))
evaluate = model.evaluate(x, y, sample_weight=eval_sample_weight, batch_size=4, verbose=0, return_dict=True)
predictions = model.predict(np.concatenate([x, val_x]), verbose=0)
# thresholded accuracies must not hinge on float rounding
assert np.min(np.abs(predictions - 0.5)) > 1e-3, np.min(np.abs(predictions - 0.5))


def floats(a):
    return [float(v) for v in np.asarray(a, dtype="float64").ravel()]


reference = {
    "keras_version": keras.__version__,
    "x": np.asarray(x).tolist(),
    "y": floats(y),
    "val_x": np.asarray(val_x).tolist(),
    "val_y": floats(val_y),
    "val_sample_weight": floats(val_sample_weight),
    "eval_sample_weight": floats(eval_sample_weight),
    "class_weight": {str(k): v for k, v in class_weight.items()},
    "kernel": floats(kernel),
    "bias": floats(bias),
    "learning_rate": learning_rate,
    "epochs": 3,
    "batch_size": 4,
    "history": {k: [float(v) for v in vs] for k, vs in history.history.items()},
    "history_keys": list(history.history.keys()),
    "evaluate": {k: float(v) for k, v in evaluate.items()},
    "evaluate_keys": list(evaluate.keys()),
    "final_weights": [floats(w) for w in model.get_weights()],
    "compile_config": model.get_compile_config(),
}
with open(OUT, "w") as f:
    json.dump(reference, f, indent=1)
    f.write("\n")
print(json.dumps({k: reference[k] for k in ("history", "evaluate")}, indent=1))
