"""Writes metrics_reference.json, Keras 3.15.1's results of a few metrics on small batches, for keras4j's
KerasMetricsReferenceTest.

Each case names a metric class and the constructor arguments (its config, read back with keras4j's fromConfig),
the batches fed to update_state in order (y_true, y_pred, optional sample_weight, each as a flat list with its
shape) and Keras' result() after them. Run with the pinned versions (requirements.txt), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/metrics_reference.py

The output is deterministic: fixed inputs, sorted keys.
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
                   "io", "keras4j", "metrics", "metrics_reference.json")


def arr(values):
    return np.array(values, dtype="float32")


def flat(a):
    return {"shape": list(a.shape), "values": [float(v) for v in a.reshape(-1)]}


def case(name, cls, config, batches):
    metric = getattr(keras.metrics, cls)(**config)
    out = []
    for b in batches:
        y_true, y_pred = arr(b[0]), arr(b[1])
        weight = arr(b[2]) if len(b) > 2 else None
        if isinstance(metric, keras.metrics.Sum):
            metric.update_state(y_pred, sample_weight=weight)  # Sum takes the values alone: keras4j's y_pred
        else:
            metric.update_state(y_true, y_pred, sample_weight=weight)
        entry = {"y_true": flat(y_true), "y_pred": flat(y_pred)}
        if weight is not None:
            entry["sample_weight"] = flat(weight)
        out.append(entry)
    result = np.asarray(metric.result(), dtype="float64")
    return {"name": name, "class_name": cls, "config": config, "batches": out, "result": flat(result)}


BIN_T = [[0, 1], [1, 1], [0, 0]]
BIN_P = [[0.2, 0.7], [0.9, 0.4], [0.6, 0.1]]
LOGITS = [[-1.5, 0.8], [2.0, -0.3], [0.4, -2.2]]
ONE_HOT = [[0, 1, 0], [1, 0, 0], [0, 0, 1]]
PROBS = [[0.2, 0.5, 0.3], [0.6, 0.3, 0.1], [0.25, 0.25, 0.5]]
REG_T = [[1.0, 2.0], [2.0, 4.5], [3.0, 5.0], [4.5, 3.0]]
REG_P = [[1.5, 2.0], [1.8, 4.0], [3.3, 5.5], [4.0, 2.0]]
W3 = [1.0, 2.0, 0.5]
W4 = [1.0, 2.0, 0.5, 3.0]

CASES = [
    case("poisson_two_batches", "Poisson", {}, [
        (REG_T[:2], REG_P[:2]), (REG_T[2:], REG_P[2:], [2.0, 0.5])]),
    case("kl_divergence_weighted", "KLDivergence", {}, [(PROBS, [[0.3, 0.4, 0.3], [0.5, 0.4, 0.1], [0.2, 0.2, 0.6]],
                                                        W3)]),
    case("log_cosh_error", "LogCoshError", {}, [(REG_T, REG_P, W4)]),
    case("cosine_similarity", "CosineSimilarity", {}, [(REG_T, [[1.0, -2.0], [2.0, 4.0], [-3.0, -5.0], [0.5, 3.0]],
                                                        W4)]),
    case("hinge", "Hinge", {}, [(BIN_T, LOGITS, W3)]),
    case("squared_hinge", "SquaredHinge", {}, [(BIN_T, LOGITS)]),
    case("categorical_hinge", "CategoricalHinge", {}, [(ONE_HOT, PROBS, W3)]),
    case("mape", "MeanAbsolutePercentageError", {}, [(REG_T, REG_P, W4)]),
    case("msle", "MeanSquaredLogarithmicError", {}, [(REG_T, REG_P, W4)]),
    case("bce_smoothing", "BinaryCrossentropy", {"label_smoothing": 0.2}, [(BIN_T, BIN_P, W3)]),
    case("bce_logits", "BinaryCrossentropy", {"from_logits": True}, [(BIN_T, LOGITS)]),
    case("cce_smoothing", "CategoricalCrossentropy", {"label_smoothing": 0.1}, [(ONE_HOT, PROBS, W3)]),
    case("cce_logits", "CategoricalCrossentropy", {"from_logits": True}, [(ONE_HOT, [[1.0, 2.0, 0.5],
                                                                                     [0.3, -1.0, 2.0],
                                                                                     [0.0, 0.0, 1.0]])]),
    case("scce", "SparseCategoricalCrossentropy", {}, [([[1], [0], [2]], PROBS, W3)]),
    case("scce_ignore_class", "SparseCategoricalCrossentropy", {"ignore_class": 2}, [([1, 0, 2], PROBS)]),
    case("scce_ignore_class_weighted", "SparseCategoricalCrossentropy", {"ignore_class": 2},
         [([1, 0, 2], PROBS, W3)]),
    case("sum", "Sum", {}, [(BIN_T, [[1.0, 3.0], [5.0, 7.0], [2.0, 0.5]], W3)]),
    case("rmse_two_batches", "RootMeanSquaredError", {}, [(REG_T[:2], REG_P[:2], [1.0, 3.0]), (REG_T[2:], REG_P[2:])]),
    case("r2_uniform", "R2Score", {}, [(REG_T, REG_P)]),
    case("r2_weighted_variance", "R2Score", {"class_aggregation": "variance_weighted_average"}, [(REG_T, REG_P, W4)]),
    case("r2_raw_adjusted", "R2Score", {"class_aggregation": None, "num_regressors": 2}, [(REG_T, REG_P)]),
    case("true_positives", "TruePositives", {"thresholds": [0.3, 0.65]}, [(BIN_T, BIN_P, W3)]),
    case("false_negatives", "FalseNegatives", {}, [(BIN_T, BIN_P, W3)]),
    case("f1_none", "F1Score", {}, [(ONE_HOT, [[0.5, 0.2, 0.3], [0.6, 0.3, 0.1], [0.25, 0.25, 0.5]])]),
    case("f1_weighted", "F1Score", {"average": "weighted", "threshold": 0.28}, [(ONE_HOT, PROBS, W3)]),
    case("fbeta_macro", "FBetaScore", {"average": "macro", "beta": 2.0}, [([[0, 1, 1], [1, 0, 0], [1, 0, 1]],
                                                                           PROBS)]),
    case("fbeta_micro", "FBetaScore", {"average": "micro", "beta": 0.5, "threshold": 0.26},
         [([[1, 0, 1], [0, 1, 0], [1, 1, 0]], PROBS, W3)]),
]

with open(OUT, "w") as f:
    json.dump({"generator": "tools/keras-reference/metrics_reference.py", "keras_version": KERAS_VERSION,
               "cases": CASES}, f, indent=1, sort_keys=True)
    f.write("\n")
print(f"wrote {len(CASES)} cases to {os.path.normpath(OUT)}")
