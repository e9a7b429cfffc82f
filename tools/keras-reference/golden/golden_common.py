"""Shared helpers for the golden-file generators in this folder.

Every generator writes one JSON file per Keras class under
keras4j/src/test/resources/io/keras4j/golden/<family>/<ClassName>.json:

    {"keras": "3.15.1", "tensorflow": "2.21.0", "family": "layers", "class": "Dense",
     "cases": [{"name": "...", ...family-specific keys...}]}

Arrays are written as {"shape": [...], "dtype": "float32", "data": [flat values, row-major]}.
Output is deterministic: fixed seeds, sorted keys, names reset with keras.backend.clear_session().
Run any generator from the repository root with the pinned versions (../requirements.txt):

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/<generator>.py
"""

import json
import math
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402
import tensorflow as tf  # noqa: E402

KERAS_VERSION = "3.15.1"
TF_VERSION = "2.21.0"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"
assert tf.__version__ == TF_VERSION, f"needs tensorflow-cpu=={TF_VERSION}, found {tf.__version__}"

ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "keras4j", "src", "test",
                    "resources", "io", "keras4j", "golden")


def _number(v, dtype):
    if np.issubdtype(dtype, np.bool_):
        return bool(v)
    if np.issubdtype(dtype, np.integer):
        return int(v)
    f = float(v)
    if math.isnan(f):
        return "NaN"
    if math.isinf(f):
        return "Infinity" if f > 0 else "-Infinity"
    return f


def arr(x, dtype=None):
    """A numpy array (or tensor) as {"shape", "dtype", "data"}."""
    x = np.asarray(keras.ops.convert_to_numpy(x) if not isinstance(x, np.ndarray) else x)
    if dtype is not None:
        x = x.astype(dtype)
    return {"shape": list(x.shape), "dtype": str(x.dtype), "data": [_number(v, x.dtype) for v in x.reshape(-1)]}


def rng(seed):
    return np.random.default_rng(seed)


def normal(seed, shape, scale=1.0, dtype="float32"):
    return (rng(seed).standard_normal(shape) * scale).astype(dtype)


def uniform(seed, shape, low=-1.0, high=1.0, dtype="float32"):
    return rng(seed).uniform(low, high, shape).astype(dtype)


def write(family, class_name, cases):
    """Writes golden/<family>/<class_name>.json and returns its path."""
    folder = os.path.join(ROOT, family)
    os.makedirs(folder, exist_ok=True)
    path = os.path.join(folder, class_name + ".json")
    doc = {"keras": KERAS_VERSION, "tensorflow": TF_VERSION, "family": family, "class": class_name, "cases": cases}
    with open(path, "w") as f:
        json.dump(doc, f, sort_keys=True, separators=(",", ":"))
        f.write("\n")
    return path
