"""Writes the golden cases of keras4j's DTypePolicyGoldenTest: a small Conv2D + BatchNormalization + Dense model
under Keras 3.15.1's "mixed_bfloat16" and "mixed_float16" policies. Its activations are tanh, not relu: a
pre-activation within rounding of zero makes relu's gradient 0 in one library and 1 in the other, and one such flip
moved a bfloat16 weight by 0.05 in three steps (measured with relu), hiding the comparison of everything else.

For each policy it writes, under keras4j/src/test/resources/io/keras4j/dtypepolicies/:
  mixed_<policy>.keras   the untrained model (uncompiled), with its dtype policies in the config
  mixed_<policy>.json    inputs, targets, the untrained predictions, each layer's output and variable dtypes,
                         the weights after three SGD steps (batch 4, no shuffling) and the predictions after them
  mixed_<policy>_rnn.*   the same for a recurrent model (LSTM returning sequences, GRU, Dense; mean squared error,
                         two SGD steps): the recurrences' weights are trained through their loops in the compute dtype

Run with the pinned versions (requirements.txt), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/mixed_precision.py
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
                   "io", "keras4j", "dtypepolicies")


def make_model():
    return keras.Sequential([
        keras.Input((6, 6, 2)),
        keras.layers.Conv2D(4, 3, activation="tanh", name="conv"),
        keras.layers.BatchNormalization(name="bn"),
        keras.layers.Flatten(name="flatten"),
        keras.layers.Dense(8, activation="tanh", name="hidden"),
        keras.layers.Dense(3, name="logits"),
        keras.layers.Activation("softmax", dtype="float32", name="probs"),
    ], name="mixed")


def make_rnn_model():
    return keras.Sequential([
        keras.Input((5, 3)),
        keras.layers.LSTM(4, return_sequences=True, name="lstm"),
        keras.layers.GRU(3, name="gru"),
        keras.layers.Dense(2, name="logits"),
        keras.layers.Activation("linear", dtype="float32", name="out"),
    ], name="mixed_rnn")


def case(policy):
    keras.config.set_dtype_policy(policy)
    keras.utils.set_random_seed(7)
    model = make_model()
    rng = np.random.default_rng(3)
    x = rng.normal(size=(12, 6, 6, 2)).astype("float32")
    y = np.eye(3, dtype="float32")[rng.integers(0, 3, size=12)]
    write(policy, policy, model, x, y, "categorical_crossentropy")


def rnn_case(policy):
    keras.config.set_dtype_policy(policy)
    keras.utils.set_random_seed(7)
    model = make_rnn_model()
    rng = np.random.default_rng(5)
    x = rng.normal(size=(8, 5, 3)).astype("float32")
    y = rng.normal(size=(8, 2)).astype("float32")
    write(policy, policy + "_rnn", model, x, y, "mean_squared_error")


def write(policy, name, model, x, y, loss):
    model.save(os.path.join(OUT, f"{name}.keras"))
    before = model.predict(x, verbose=0)
    out = {
        "policy": policy,
        "x": x.reshape(-1).tolist(),
        "y": y.reshape(-1).tolist(),
        "predictions": np.asarray(before, "float32").reshape(-1).tolist(),
        "layers": {
            layer.name: {
                "policy": layer.dtype_policy.name,
                "compute_dtype": layer.compute_dtype,
                "variable_dtype": layer.variable_dtype,
                "output_dtype": keras.backend.standardize_dtype(layer.output.dtype),
                "weight_dtypes": [keras.backend.standardize_dtype(w.dtype) for w in layer.weights],
            }
            for layer in model.layers
        },
    }
    model.compile(optimizer=keras.optimizers.SGD(0.1), loss=loss)
    out["optimizer"] = type(model.optimizer).__name__
    history = model.fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0)
    out["loss"] = float(history.history["loss"][0])
    out["trained_weights"] = {w.path: np.asarray(w.numpy(), "float32").reshape(-1).tolist() for w in model.weights}
    out["trained_weight_paths"] = [w.path for w in model.weights]
    out["trained_predictions"] = np.asarray(model.predict(x, verbose=0), "float32").reshape(-1).tolist()
    with open(os.path.join(OUT, f"{name}.json"), "w") as f:
        json.dump(out, f)
    keras.config.set_dtype_policy("float32")


for p in ("mixed_bfloat16", "mixed_float16"):
    case(p)
    rnn_case(p)
