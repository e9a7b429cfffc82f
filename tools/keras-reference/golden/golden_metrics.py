"""Golden files for keras4j's metrics: golden/metrics/<ClassName>.json, one per metric class keras4j registers.

Each case holds the metric's Keras config (read back with keras4j's fromConfig), a sequence of update_state
batches (y_true, y_pred, optional sample_weight; all batches of a case have one shape), Keras' result() after
each batch ("results"), then the result after reset_state() and one more batch ("reset_batch", "reset_result").
Mean and Sum take the values alone: they are fed y_pred ("values_only": true). Replayed by
io.keras4j.golden.MetricGoldenTest. Run from the repository root with the pinned versions:

    KERAS_BACKEND=tensorflow python tools/keras-reference/golden/golden_metrics.py
"""

import os
import sys
import warnings

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from golden_common import arr, normal, rng, uniform, write  # noqa: E402

import numpy as np  # noqa: E402
import keras  # noqa: E402

warnings.filterwarnings("ignore")
F = "float32"


def binary(seed, shape=(4, 3)):
    """0/1 labels and scores in [0, 1], a few exactly on common thresholds."""
    t = (rng(seed).uniform(0, 1, shape) > 0.5).astype(F)
    p = uniform(seed + 1, shape, 0.0, 1.0)
    flat = p.reshape(-1)
    flat[:4] = [0.5, 0.0, 1.0, 0.7][: min(4, flat.size)]
    return t, p


def onehot(seed, n=4, k=3):
    ids = rng(seed).integers(0, k, n)
    return np.eye(k, dtype=F)[ids], ids.astype(F)


def probs(seed, n=4, k=3):
    x = normal(seed, (n, k))
    e = np.exp(x - x.max(-1, keepdims=True))
    return (e / e.sum(-1, keepdims=True)).astype(F)


def weights(seed, n=4):
    return np.array([1.0, 2.0, 0.5, 3.0, 1.5, 0.0][:n], dtype=F) if seed is None else \
        rng(seed).uniform(0.2, 2.0, n).astype(F)


def batches_binary(seed, shape=(4, 3), weighted=False, logits=False):
    out = []
    for i in range(3):
        t, p = binary(seed + 10 * i, shape)
        if logits:
            p = normal(seed + 10 * i + 5, shape, 2.0)
        out.append((t, p, weights(None, shape[0]) if weighted else None))
    return out


def batches_categorical(seed, n=4, k=3, weighted=False, sparse=False, logits=False):
    out = []
    for i in range(3):
        t, ids = onehot(seed + 10 * i, n, k)
        p = normal(seed + 10 * i + 5, (n, k), 2.0) if logits else probs(seed + 10 * i + 5, n, k)
        out.append((ids.reshape(n, 1) if sparse else t, p, weights(seed + i, n) if weighted else None))
    return out


def batches_regression(seed, shape=(4, 3), weighted=False, positive=False):
    out = []
    for i in range(3):
        if positive:
            t, p = uniform(seed + 10 * i, shape, 0.1, 3.0), uniform(seed + 10 * i + 5, shape, 0.1, 3.0)
        else:
            t, p = normal(seed + 10 * i, shape), normal(seed + 10 * i + 5, shape)
        out.append((t, p, weights(seed + i, shape[0]) if weighted else None))
    return out


def batches_ids(seed, n=6, k=3, weighted=False, pred_scores=False, true_onehot=False, extra=None):
    """Class ids (as floats) for IoU; extra: a value put in y_true's first entry (out of range or ignored)."""
    out = []
    for i in range(3):
        t = rng(seed + 10 * i).integers(0, k, n).astype(F)
        p = rng(seed + 10 * i + 5).integers(0, k, n).astype(F)
        if extra is not None:
            t[0] = extra
        yt = np.eye(k, dtype=F)[t.astype(int)] if true_onehot else t
        yp = probs(seed + 10 * i + 7, n, k) if pred_scores else p
        out.append((yt, yp, weights(None, n) if weighted else None))
    return out


def plain(x):
    """A config value as JSON takes it (Keras keeps some lists, such as AUC's label_weights, as tensors)."""
    if isinstance(x, dict):
        return {k: plain(v) for k, v in x.items()}
    if isinstance(x, (list, tuple)):
        return [plain(v) for v in x]
    if hasattr(x, "numpy") or isinstance(x, (np.ndarray, np.generic)):
        return plain(np.asarray(x).tolist())
    return x


def batches_segmentation(seed, k=3, void=255, weighted=False, onehot_true=False):
    """Label maps (2, 4, 4) with a few void pixels, and score maps (2, 4, 4, k)."""
    out = []
    for i in range(3):
        t = rng(seed + 10 * i).integers(0, k, (2, 4, 4)).astype(F)
        p = probs(seed + 10 * i + 5, 32, k).reshape(2, 4, 4, k)
        if onehot_true:
            t = np.eye(k, dtype=F)[t.astype(int)]
        else:
            t[0, 0, :2] = void
        w = np.round(uniform(seed + i, (2, 4, 4), 0.0, 3.0)) if weighted else None
        out.append((t, p, w))
    return out


def run(name, cls, kwargs, batches, values_only=False):
    keras.backend.clear_session()
    m = getattr(keras.metrics, cls)(**kwargs)
    config = plain(m.get_config())

    def update(b):
        t, p, w = b
        if values_only:
            m.update_state(p, sample_weight=w)
        else:
            m.update_state(t, p, sample_weight=w)
        return np.asarray(m.result(), dtype="float64")

    def entry(b):
        e = {"y_true": arr(b[0]), "y_pred": arr(b[1])}
        if b[2] is not None:
            e["sample_weight"] = arr(b[2])
        return e

    results = [arr(update(b)) for b in batches[:-1]]
    m.reset_state()
    reset_result = arr(update(batches[-1]))
    variables = [{"name": v.name, "shape": list(v.shape), "dtype": v.dtype} for v in m.variables]
    return {"name": name, "config": config, "values_only": values_only, "variables": variables,
            "batches": [entry(b) for b in batches[:-1]],
            "results": results, "reset_batch": entry(batches[-1]), "reset_result": reset_result}


B = batches_binary
C = batches_categorical
R = batches_regression
I = batches_ids

CASES = {
    "Accuracy": [("default", {}, [(np.round(t), np.round(p), w) for t, p, w in B(1)]),
                 ("weighted", {}, [(np.round(t), np.round(p), w) for t, p, w in B(2, weighted=True)])],
    "BinaryAccuracy": [("default", {}, B(3)), ("threshold_weighted", {"threshold": 0.7}, B(4, weighted=True))],
    "CategoricalAccuracy": [("default", {}, C(5)), ("weighted", {}, C(6, weighted=True))],
    "SparseCategoricalAccuracy": [("default", {}, C(7, sparse=True)),
                                  ("weighted", {}, C(8, sparse=True, weighted=True))],
    "TopKCategoricalAccuracy": [("default_k5", {}, C(9, k=6)), ("k2_weighted", {"k": 2}, C(10, k=4, weighted=True))],
    "SparseTopKCategoricalAccuracy": [("default_k5", {}, C(11, k=6, sparse=True)),
                                      ("k2_weighted", {"k": 2}, C(12, k=4, sparse=True, weighted=True)),
                                      ("from_sorted_ids", {"k": 2, "from_sorted_ids": True},
                                       [(t, np.argsort(-p, axis=-1)[:, :3].astype(F), w)
                                        for t, p, w in C(212, k=5, sparse=True, weighted=True)])],
    "AUC": [("roc_default", {}, B(13)),
            ("pr_interpolation_weighted", {"curve": "PR"}, B(14, weighted=True)),
            ("roc_minoring_7", {"num_thresholds": 7, "summation_method": "minoring"}, B(15)),
            ("pr_majoring", {"curve": "PR", "summation_method": "majoring", "num_thresholds": 11}, B(16)),
            ("multi_label_weights", {"multi_label": True, "label_weights": [1.0, 2.0, 0.5]}, B(17, weighted=True)),
            ("multi_label_num_labels", {"multi_label": True, "num_labels": 3, "num_thresholds": 9}, B(18)),
            ("label_weights_flat", {"label_weights": [0.5, 1.0, 2.0]}, B(19)),
            ("from_logits", {"from_logits": True}, B(20, logits=True)),
            ("thresholds_even", {"thresholds": [0.25, 0.5, 0.75]}, B(21)),
            ("thresholds_uneven", {"thresholds": [0.3, 0.65], "curve": "PR"}, B(22, weighted=True)),
            ("scores_outside_0_1", {"num_thresholds": 5}, [(t, p * 2.0 - 0.5, w) for t, p, w in B(23)])],
    "Precision": [("default", {}, B(23)), ("thresholds_weighted", {"thresholds": [0.3, 0.6]}, B(24, weighted=True)),
                  ("thresholds_even", {"thresholds": [0.0, 0.5, 1.0]}, B(25)),
                  ("top_k", {"top_k": 2}, B(26)), ("class_id", {"class_id": 1}, B(27, weighted=True)),
                  ("top_k_class_id", {"top_k": 1, "class_id": 2}, B(28)),
                  ("even_scores_outside_0_1", {"thresholds": [0.0, 0.5, 1.0]},
                   [(t, p * 2.0 - 0.5, w) for t, p, w in B(228)])],
    "Recall": [("default", {}, B(29)), ("thresholds_weighted", {"thresholds": [0.3, 0.6]}, B(30, weighted=True)),
               ("thresholds_even", {"thresholds": [0.0, 0.25, 0.5, 0.75, 1.0]}, B(31)),
               ("top_k", {"top_k": 2}, B(32)), ("class_id", {"class_id": 0}, B(33, weighted=True))],
    "TruePositives": [("default", {}, B(34)), ("thresholds_weighted", {"thresholds": [0.3, 0.7]},
                                               B(35, weighted=True))],
    "FalsePositives": [("default", {}, B(36)), ("thresholds_weighted", {"thresholds": [0.0, 0.5, 1.0]},
                                                B(37, weighted=True))],
    "TrueNegatives": [("default", {}, B(38)), ("thresholds_weighted", {"thresholds": [0.2, 0.9]},
                                               B(39, weighted=True))],
    "FalseNegatives": [("default", {}, B(40)), ("thresholds_weighted", {"thresholds": [0.45]},
                                                B(41, weighted=True))],
    "F1Score": [("default", {}, C(42)), ("micro_threshold", {"average": "micro", "threshold": 0.3}, C(43)),
                ("macro_weighted", {"average": "macro"}, C(44, weighted=True)),
                ("weighted_average", {"average": "weighted", "threshold": 0.25}, C(45, weighted=True))],
    "FBetaScore": [("default", {}, C(46)), ("beta2_macro", {"beta": 2.0, "average": "macro"}, C(47, weighted=True)),
                   ("beta05_micro", {"beta": 0.5, "average": "micro", "threshold": 0.3}, C(48))],
    "MeanSquaredError": [("default", {}, R(49)), ("weighted", {}, R(50, weighted=True))],
    "MeanAbsoluteError": [("default", {}, R(51)), ("weighted", {}, R(52, weighted=True))],
    "RootMeanSquaredError": [("default", {}, R(53)), ("weighted", {}, R(54, weighted=True))],
    "R2Score": [("default", {}, R(55)), ("variance_weighted", {"class_aggregation": "variance_weighted_average"},
                                         R(56, weighted=True)),
                ("raw_adjusted", {"class_aggregation": None, "num_regressors": 1}, R(57, shape=(5, 2)))],
    "MeanAbsolutePercentageError": [("default", {}, R(58, positive=True)),
                                    ("weighted", {}, R(59, weighted=True, positive=True))],
    "MeanSquaredLogarithmicError": [("default", {}, R(60, positive=True)),
                                    ("weighted", {}, R(61, weighted=True, positive=True))],
    "CosineSimilarity": [("default", {}, R(62)), ("weighted", {}, R(63, weighted=True))],
    "LogCoshError": [("default", {}, R(64)), ("weighted", {}, R(65, weighted=True))],
    "KLDivergence": [("default", {}, C(66)), ("weighted", {}, C(67, weighted=True))],
    "Poisson": [("default", {}, R(68, positive=True)), ("weighted", {}, R(69, weighted=True, positive=True))],
    "BinaryCrossentropy": [("default", {}, B(70)), ("from_logits", {"from_logits": True}, B(71, logits=True)),
                           ("smoothing_weighted", {"label_smoothing": 0.2}, B(72, weighted=True))],
    "CategoricalCrossentropy": [("default", {}, C(73)), ("from_logits", {"from_logits": True}, C(74, logits=True)),
                                ("smoothing_weighted", {"label_smoothing": 0.1}, C(75, weighted=True))],
    "SparseCategoricalCrossentropy": [("default", {}, C(76, sparse=True)),
                                      ("ignore_class", {"ignore_class": 2}, C(176, sparse=True)),
                                      ("ignore_class_weighted", {"ignore_class": 1},
                                       [(t.reshape(-1), p, w) for t, p, w in C(177, sparse=True, weighted=True)]),
                                      ("from_logits_weighted", {"from_logits": True},
                                       C(77, sparse=True, logits=True, weighted=True))],
    "Hinge": [("default", {}, B(78, logits=True)), ("weighted", {}, B(79, logits=True, weighted=True))],
    "SquaredHinge": [("default", {}, B(80, logits=True)), ("weighted", {}, B(81, logits=True, weighted=True))],
    "CategoricalHinge": [("default", {}, C(82)), ("weighted", {}, C(83, weighted=True))],
    "Mean": [("default", {}, R(84)), ("weighted", {}, R(85, weighted=True))],
    "MeanMetricWrapper": [("mse", {"fn": keras.losses.mean_squared_error}, R(211)),
                          ("binary_accuracy_weighted", {"fn": keras.metrics.binary_accuracy},
                           B(213, weighted=True)),
                          ("binary_crossentropy", {"fn": keras.losses.binary_crossentropy}, B(214))],
    "Sum": [("default", {}, R(86)), ("weighted", {}, R(87, weighted=True))],
    "IoU": [("default", {"num_classes": 3, "target_class_ids": [0, 2]}, I(88)),
            ("single_class_int_weights", {"num_classes": 3, "target_class_ids": [1]}, I(89, weighted=True)),
            ("float_dtype_weighted", {"num_classes": 3, "target_class_ids": [0, 1], "dtype": "float32"},
             I(90, weighted=True)),
            ("ignore_class", {"num_classes": 3, "target_class_ids": [0, 1, 2], "ignore_class": 1}, I(91)),
            ("out_of_range", {"num_classes": 3, "target_class_ids": [0, 2]}, I(92, extra=5)),
            ("segmentation_void", {"num_classes": 3, "target_class_ids": [0, 1, 2], "ignore_class": 255,
                                   "sparse_y_pred": False}, batches_segmentation(188, weighted=True)),
            ("dense_inputs", {"num_classes": 3, "target_class_ids": [2], "sparse_y_true": False,
                              "sparse_y_pred": False}, I(93, true_onehot=True, pred_scores=True))],
    "MeanIoU": [("default", {"num_classes": 3}, I(94)),
                ("float_weighted", {"num_classes": 3, "dtype": "float32"}, I(95, weighted=True)),
                ("ignore_scores", {"num_classes": 4, "ignore_class": 0, "sparse_y_pred": False},
                 I(96, k=4, pred_scores=True))],
    "BinaryIoU": [("default", {}, B(97)), ("class1_threshold", {"target_class_ids": [1], "threshold": 0.3}, B(98)),
                  ("float_weighted", {"dtype": "float32", "target_class_ids": [0]},
                   [(t, p, uniform(99 + i, t.shape, 0.0, 2.0)) for i, (t, p, _) in enumerate(B(99))]),
                  ("int_weighted", {"target_class_ids": [0, 1]},
                   [(t, p, np.round(uniform(199 + i, t.shape, 0.0, 3.0))) for i, (t, p, _) in enumerate(B(199))])],
    "OneHotIoU": [("default", {"num_classes": 3, "target_class_ids": [0, 2]}, I(100, true_onehot=True,
                                                                              pred_scores=True)),
                  ("float_weighted", {"num_classes": 3, "target_class_ids": [1], "dtype": "float32"},
                   I(101, true_onehot=True, pred_scores=True, weighted=True)),
                  ("sparse_pred", {"num_classes": 3, "target_class_ids": [0, 1], "sparse_y_pred": True},
                   I(102, true_onehot=True))],
    "OneHotMeanIoU": [("default", {"num_classes": 3}, I(103, true_onehot=True, pred_scores=True)),
                      ("segmentation_maps", {"num_classes": 3}, batches_segmentation(203, onehot_true=True)),
                      ("float_ignore", {"num_classes": 3, "dtype": "float32", "ignore_class": 2},
                       I(104, true_onehot=True, pred_scores=True, weighted=True))],
    "PearsonCorrelation": [("default", {}, R(105)), ("weighted", {}, R(106, weighted=True)),
                           ("axis0", {"axis": 0}, R(107))],
    "ConcordanceCorrelation": [("default", {}, R(108)), ("weighted", {}, R(109, weighted=True)),
                               ("axis0", {"axis": 0}, R(110))],
}

for cls, value in [("PrecisionAtRecall", "recall"), ("RecallAtPrecision", "precision"),
                   ("SensitivityAtSpecificity", "specificity"), ("SpecificityAtSensitivity", "sensitivity")]:
    s = 111 + 10 * len([c for c in CASES if c.endswith(("Recall", "Precision", "Specificity", "Sensitivity"))])
    CASES[cls] = [("default", {value: 0.5}, B(s)),
                  ("weighted_07", {value: 0.7}, B(s + 1, weighted=True)),
                  ("thresholds_11", {value: 0.6, "num_thresholds": 11}, B(s + 2)),
                  ("one_threshold", {value: 0.4, "num_thresholds": 1}, B(s + 3)),
                  ("two_thresholds", {value: 0.4, "num_thresholds": 2}, B(s + 4)),
                  ("class_id", {value: 0.5, "class_id": 1}, B(s + 5, weighted=True)),
                  ("zero_target", {value: 0.0, "num_thresholds": 5}, B(s + 6)),
                  ("scores_outside_0_1", {value: 0.5, "num_thresholds": 5},
                   [(t, p * 2.0 - 0.5, w) for t, p, w in B(s + 7)])]

if __name__ == "__main__":
    total = 0
    for cls, cases in sorted(CASES.items()):
        out = [run(n, cls, kw, b, values_only=cls in ("Mean", "Sum")) for n, kw, b in cases]
        write("metrics", cls, out)
        total += len(out)
    print(f"wrote {total} cases for {len(CASES)} metric classes")
