"""Golden numbers for keras4j's plot module (io.keras4j.plot): what scikit-learn, numpy and matplotlib compute
for ROC curves, precision-recall curves, average precision, confusion matrices, histograms and colormaps.

Writes plot/src/test/resources/io/keras4j/plot/sklearn_metrics.json, read by RocCurveTest,
PrecisionRecallCurveTest, ConfusionMatrixTest, HistogramTest and ColormapTest.
Run: /path/to/venv/bin/python tools/keras-reference/plot_metrics.py
"""
import json
import os

import matplotlib
import numpy as np
import sklearn
from sklearn import metrics

assert sklearn.__version__ == "1.9.1", sklearn.__version__
assert matplotlib.__version__ == "3.11.2", matplotlib.__version__
assert np.__version__.startswith("2."), np.__version__

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "plot", "src", "test", "resources", "io", "keras4j",
                   "plot", "sklearn_metrics.json")


def lst(a):
    return [None if np.isinf(v) else float(v) for v in np.asarray(a, dtype=np.float64)]


def binary_case(name, y, s):
    fpr, tpr, thr = metrics.roc_curve(y, s)
    fpr_all, tpr_all, thr_all = metrics.roc_curve(y, s, drop_intermediate=False)
    p, r, t = metrics.precision_recall_curve(y, s)
    return {"name": name, "y_true": [int(v) for v in y], "y_score": [float(v) for v in s],
            "fpr": lst(fpr), "tpr": lst(tpr), "thresholds": lst(thr),
            "fpr_all": lst(fpr_all), "tpr_all": lst(tpr_all), "thresholds_all": lst(thr_all),
            "roc_auc": float(metrics.roc_auc_score(y, s)), "auc": float(metrics.auc(fpr, tpr)),
            "precision": lst(p), "recall": lst(r), "pr_thresholds": lst(t),
            "average_precision": float(metrics.average_precision_score(y, s))}


rng = np.random.default_rng(13)
cases = []
# ties: scores quantised to 0.1 so several samples share a threshold
y = rng.integers(0, 2, 60)
s = np.round(np.clip(0.35 * y + rng.uniform(0, 0.7, 60), 0, 1), 1)
cases.append(binary_case("ties", y, s))
# continuous scores, 300 samples, 30% positives
y = (rng.uniform(size=300) < 0.3).astype(int)
s = (1 / (1 + np.exp(-(1.2 * y + rng.normal(size=300))))).astype(np.float32).astype(np.float64)
cases.append(binary_case("continuous", y, s))

# three classes, probabilities from a softmax of noisy logits
n = 150
y3 = rng.integers(0, 3, n)
logits = rng.normal(size=(n, 3)) + 1.5 * np.eye(3)[y3]
prob = (np.exp(logits) / np.exp(logits).sum(1, keepdims=True)).astype(np.float32)
ovr = []
for k in range(3):
    fpr, tpr, thr = metrics.roc_curve(y3 == k, prob[:, k])
    ovr.append({"fpr": lst(fpr), "tpr": lst(tpr), "thresholds": lst(thr), "auc": float(metrics.auc(fpr, tpr)),
                "average_precision": float(metrics.average_precision_score(y3 == k, prob[:, k]))})
pred = prob.argmax(1)
multiclass = {"y_true": [int(v) for v in y3], "y_prob": prob.astype(np.float64).tolist(), "one_vs_rest": ovr,
              "roc_auc_ovr_macro": float(metrics.roc_auc_score(y3, prob, multi_class="ovr", average="macro")),
              "y_pred": [int(v) for v in pred],
              "confusion_matrix": metrics.confusion_matrix(y3, pred).tolist()}
for norm in ("true", "pred", "all"):
    multiclass["confusion_matrix_" + norm] = metrics.confusion_matrix(y3, pred, normalize=norm).tolist()
# a class that is never predicted and one never true: sklearn's zero-division answer for 'true' and 'pred'
yt = [0, 0, 1, 1, 1, 3, 3]
yp = [0, 1, 1, 1, 0, 0, 2]
empty = {"y_true": yt, "y_pred": yp, "labels": [0, 1, 2, 3], "confusion_matrix":
         metrics.confusion_matrix(yt, yp, labels=[0, 1, 2, 3]).tolist()}
for norm in ("true", "pred", "all"):
    empty["confusion_matrix_" + norm] = metrics.confusion_matrix(yt, yp, labels=[0, 1, 2, 3],
                                                                  normalize=norm).tolist()

values = rng.normal(size=500)
counts, edges = np.histogram(values, bins=12)
counts_r, edges_r = np.histogram(values, bins=5, range=(-1.0, 1.0))
histogram = {"values": values.tolist(), "bins": 12, "counts": counts.tolist(), "edges": edges.tolist(),
             "range_bins": 5, "range": [-1.0, 1.0], "range_counts": counts_r.tolist(), "range_edges": edges_r.tolist()}

colormaps = {}
ts = np.linspace(0, 1, 11).tolist() + [0.123, 0.777]
for name in ("viridis", "plasma", "inferno", "magma", "cividis", "Blues", "gray"):
    cm = matplotlib.colormaps[name]
    colormaps[name] = {"t": ts, "rgb": [[round(c * 255) for c in cm(t)[:3]] for t in ts]}

with open(OUT, "w") as f:
    json.dump({"versions": {"sklearn": sklearn.__version__, "matplotlib": matplotlib.__version__,
                            "numpy": np.__version__},
               "binary": cases, "multiclass": multiclass, "empty_classes": empty, "histogram": histogram,
               "colormaps": colormaps}, f)
print("wrote", os.path.normpath(OUT), os.path.getsize(OUT), "bytes")

# the anchors of keras4j's Colormap tables: 33 evenly spaced samples of each map, printed for the Java source
if os.environ.get("PRINT_ANCHORS"):
    for name in ("viridis", "plasma", "inferno", "magma", "cividis", "Blues", "gray"):
        cm = matplotlib.colormaps[name]
        hexes = ["%02x%02x%02x" % tuple(round(c * 255) for c in cm(i / 32)[:3]) for i in range(33)]
        print(name, " ".join(hexes))
