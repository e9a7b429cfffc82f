"""Golden files for losses, regularizers, constraints, learning-rate schedules, callbacks and training runs.

Writes keras4j/src/test/resources/io/keras4j/golden/{losses,regularizers,constraints,schedules,callbacks,training}/
<ClassName or case>.json from real Keras 3.15.1 (see golden_common.py for the format). Run from the repository root:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/golden_training.py [family ...]

With no argument every family is written. The Java side is io.keras4j.golden.{Loss,Regularizer,Constraint,Schedule,
Callback,Training}GoldenTest.
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from golden_common import arr, normal, rng, uniform, write  # noqa: E402

import numpy as np  # noqa: E402
import keras  # noqa: E402


def fresh():
    keras.backend.clear_session()
    keras.utils.set_random_seed(0)


# ---------------------------------------------------------------------------------------------------------- losses

def _probs(seed, shape):
    return uniform(seed, shape, 0.05, 0.95)


def _binary(seed, shape):
    return (rng(seed).uniform(0, 1, shape) > 0.5).astype("float32")


def _onehot(seed, shape):
    labels = rng(seed).integers(0, shape[-1], shape[:-1])
    return np.eye(shape[-1], dtype="float32")[labels]


def _softmax_rows(seed, shape, axis=-1):
    x = np.exp(normal(seed, shape))
    return (x / x.sum(axis=axis, keepdims=True)).astype("float32")


def _data(kind, shape, seed):
    """(y_true, y_pred) of a loss kind for one shape."""
    if kind == "binary":
        return _binary(seed, shape), _probs(seed + 1, shape)
    if kind == "binary_logits":
        return _binary(seed, shape), normal(seed + 1, shape, 2.0)
    if kind == "categorical":
        return _onehot(seed, shape), _softmax_rows(seed + 1, shape)
    if kind == "categorical_logits":
        return _onehot(seed, shape), normal(seed + 1, shape, 2.0)
    if kind == "sparse":
        return rng(seed).integers(0, shape[-1], shape[:-1]).astype("int32"), _softmax_rows(seed + 1, shape)
    if kind == "sparse_logits":
        return rng(seed).integers(0, shape[-1], shape[:-1]).astype("int32"), normal(seed + 1, shape, 2.0)
    if kind == "regression":
        return normal(seed, shape), normal(seed + 1, shape)
    if kind == "positive":
        return uniform(seed, shape, 0.1, 3.0), uniform(seed + 1, shape, 0.1, 3.0)
    if kind == "hinge":  # labels in {-1, 1} and {0, 1} (Keras maps 0 to -1)
        return (_binary(seed, shape) * 2 - 1), normal(seed + 1, shape)
    if kind == "hinge01":
        return _binary(seed, shape), normal(seed + 1, shape)
    raise ValueError(kind)


# class -> (function name, data kind, list of (case suffix, kwargs)); every class also gets every reduction and
# sample weights on its first kwargs.
LOSSES = {
    "BinaryCrossentropy": ("binary_crossentropy", "binary", [
        ("label_smoothing", {"label_smoothing": 0.2}),
        ("from_logits", {"from_logits": True}, "binary_logits"),
        ("from_logits_smoothing", {"from_logits": True, "label_smoothing": 0.1}, "binary_logits"),
        ("axis0", {"axis": 0}),
    ]),
    "BinaryFocalCrossentropy": ("binary_focal_crossentropy", "binary", [
        ("gamma0", {"gamma": 0.0}),
        ("gamma3", {"gamma": 3.0}),
        ("class_balancing", {"apply_class_balancing": True, "alpha": 0.3}),
        ("from_logits", {"from_logits": True}, "binary_logits"),
        ("from_logits_balanced_smoothing", {"from_logits": True, "apply_class_balancing": True,
                                            "label_smoothing": 0.1, "gamma": 1.5}, "binary_logits"),
        ("label_smoothing", {"label_smoothing": 0.2}),
    ]),
    "CategoricalCrossentropy": ("categorical_crossentropy", "categorical", [
        ("label_smoothing", {"label_smoothing": 0.1}),
        ("from_logits", {"from_logits": True}, "categorical_logits"),
        ("from_logits_smoothing", {"from_logits": True, "label_smoothing": 0.2}, "categorical_logits"),
        ("unnormalised", {}, "positive"),
        ("axis0", {"axis": 0}),
    ]),
    "SparseCategoricalCrossentropy": ("sparse_categorical_crossentropy", "sparse", [
        ("from_logits", {"from_logits": True}, "sparse_logits"),
        ("ignore_class", {"ignore_class": 1}),
        ("ignore_class_logits", {"ignore_class": 0, "from_logits": True}, "sparse_logits"),
        ("ignore_class_mean_with_sample_weight", {"ignore_class": 2, "reduction": "mean_with_sample_weight"}),
        ("ignore_class_none", {"ignore_class": 2, "reduction": "none"}),
    ]),
    "MeanSquaredError": ("mean_squared_error", "regression", []),
    "MeanAbsoluteError": ("mean_absolute_error", "regression", []),
    "MeanAbsolutePercentageError": ("mean_absolute_percentage_error", "regression", []),
    "MeanSquaredLogarithmicError": ("mean_squared_logarithmic_error", "positive", [
        ("negative_values", {}, "regression"),
    ]),
    "Hinge": ("hinge", "hinge", [("labels01", {}, "hinge01")]),
    "SquaredHinge": ("squared_hinge", "hinge", [("labels01", {}, "hinge01")]),
    "CategoricalHinge": ("categorical_hinge", "categorical", [("logits", {}, "categorical_logits")]),
    "Huber": ("huber", "regression", [("delta_0_5", {"delta": 0.5}), ("delta_2", {"delta": 2.0})]),
    "LogCosh": ("log_cosh", "regression", []),
    "KLDivergence": ("kl_divergence", "categorical", [("positive", {}, "positive")]),
    "Poisson": ("poisson", "positive", []),
    "CosineSimilarity": ("cosine_similarity", "regression", [("axis0", {"axis": 0})]),
}

SHAPES = {"binary": [(4, 3), (4,), (2, 3, 4)], "sparse": [(4, 3), (2, 3, 4)]}
DEFAULT_SHAPES = [(4, 3), (2, 3, 4)]
REDUCTIONS = ["sum_over_batch_size", "sum", "mean", "mean_with_sample_weight", "none"]


def _serialized(loss, kwargs):
    s = keras.losses.serialize(loss)
    # Keras 3.15.1's Huber.get_config drops delta; from_config takes it back, so a config that keeps it is valid.
    s["config"] = dict(s["config"], **{k: v for k, v in kwargs.items() if k not in s["config"]})
    return s


def _loss_case(name, cls, kwargs, y_true, y_pred, sample_weight=None):
    fresh()
    loss = getattr(keras.losses, cls)(**kwargs)
    value = loss(y_true, y_pred, sample_weight=sample_weight)
    case = {"name": name, "loss": _serialized(loss, kwargs), "y_true": arr(y_true), "y_pred": arr(y_pred),
            "expected": arr(value)}
    if sample_weight is not None:
        case["sample_weight"] = arr(sample_weight)
    return case


def losses():
    for cls, (fn, kind, variants) in LOSSES.items():
        cases = []
        shapes = SHAPES.get(kind, DEFAULT_SHAPES)
        seed = 10
        for shape in shapes:
            y_true, y_pred = _data(kind, shape, seed)
            tag = "x".join(map(str, shape))
            for reduction in REDUCTIONS:
                cases.append(_loss_case(f"{tag}_{reduction}", cls, {"reduction": reduction}, y_true, y_pred))
            # sample weights: one per sample, and one per loss element when the loss keeps more than one axis
            n = shape[0]
            # Keras broadcasts weights against the loss of each sample: (n,) for one loss a sample, (n, 1) beyond
            per_sample = uniform(seed + 7, (n,) if len(shape) < 3 else (n, 1), 0.0, 2.0)
            for reduction in ["sum_over_batch_size", "sum", "mean_with_sample_weight", "none"]:
                cases.append(_loss_case(f"{tag}_sample_weight_{reduction}", cls, {"reduction": reduction}, y_true,
                                        y_pred, per_sample))
            if len(shape) == 3:
                per_element = uniform(seed + 8, shape[:2], 0.0, 2.0)
                for reduction in ["sum_over_batch_size", "none"]:
                    cases.append(_loss_case(f"{tag}_element_weight_{reduction}", cls, {"reduction": reduction},
                                            y_true, y_pred, per_element))
            # the function form: one value per sample, unreduced
            fresh()
            cases.append({"name": f"{tag}_function_{fn}", "function": fn, "y_true": arr(y_true),
                          "y_pred": arr(y_pred), "expected": arr(getattr(keras.losses, fn)(y_true, y_pred))})
            seed += 20
        for variant in variants:
            suffix, kwargs = variant[0], variant[1]
            vkind = variant[2] if len(variant) > 2 else kind
            for shape in shapes[:2]:
                y_true, y_pred = _data(vkind, shape, seed)
                tag = "x".join(map(str, shape))
                cases.append(_loss_case(f"{tag}_{suffix}", cls, kwargs, y_true, y_pred))
                if "axis" in kwargs:  # the loss is no longer one value per sample
                    seed += 20
                    continue
                cases.append(_loss_case(f"{tag}_{suffix}_sample_weight", cls, kwargs, y_true, y_pred,
                                        uniform(seed + 4, (shape[0],) if len(shape) < 3 else (shape[0], 1), 0.0, 2.0)))
                cases.append(_loss_case(f"{tag}_{suffix}_sum_sample_weight", cls, dict(kwargs, reduction="sum"),
                                        y_true, y_pred, uniform(seed + 3, (shape[0],) if len(shape) < 3 else (shape[0], 1), 0.0, 2.0)))
                seed += 20
        print(write("losses", cls, cases), len(cases))


# ------------------------------------------------------------------------------------ regularizers and constraints

def _weights():
    """Weights of a few shapes, with a zero column and a large one so that norms and signs all matter."""
    w2 = normal(40, (3, 4), 1.5)
    w2[:, 1] = 0.0
    w2[:, 3] *= 4.0
    return [("3x4", w2), ("5", normal(41, (5,), 2.0)), ("2x3x4", normal(42, (2, 3, 4), 1.2))]


REGULARIZERS = {
    "L1": [("default", {}), ("l1_0_3", {"l1": 0.3})],
    "L2": [("default", {}), ("l2_0_25", {"l2": 0.25})],
    "L1L2": [("default", {}), ("l1_only", {"l1": 0.1}), ("l2_only", {"l2": 0.2}), ("both", {"l1": 0.05, "l2": 0.3})],
}


def regularizers():
    for cls, variants in REGULARIZERS.items():
        cases = []
        for suffix, kwargs in variants:
            for tag, w in _weights():
                fresh()
                reg = getattr(keras.regularizers, cls)(**kwargs)
                cases.append({"name": f"{suffix}_{tag}", "regularizer": keras.regularizers.serialize(reg),
                              "x": arr(w), "expected": arr(reg(w))})
        print(write("regularizers", cls, cases), len(cases))


CONSTRAINTS = {
    "MaxNorm": [("default", {}), ("max_1_axis1", {"max_value": 1.0, "axis": 1}),
                ("max_3_axis_minus1", {"max_value": 3.0, "axis": -1}), ("max_0_5_axis0", {"max_value": 0.5})],
    "MinMaxNorm": [("default", {}), ("range_axis1", {"min_value": 0.5, "max_value": 2.0, "axis": 1}),
                   ("rate_half", {"min_value": 1.0, "max_value": 1.5, "rate": 0.5}),
                   ("rate_quarter_axis_minus1", {"min_value": 2.0, "max_value": 3.0, "rate": 0.25, "axis": -1})],
    "NonNeg": [("default", {})],
    "UnitNorm": [("default", {}), ("axis1", {"axis": 1}), ("axis_minus1", {"axis": -1})],
}


def constraints():
    for cls, variants in CONSTRAINTS.items():
        cases = []
        for suffix, kwargs in variants:
            for tag, w in _weights():
                if kwargs.get("axis", 0) == 1 and w.ndim < 2:
                    continue
                fresh()
                con = getattr(keras.constraints, cls)(**kwargs)
                cases.append({"name": f"{suffix}_{tag}", "constraint": keras.constraints.serialize(con),
                              "x": arr(w), "expected": arr(con(w))})
        print(write("constraints", cls, cases), len(cases))


# ------------------------------------------------------------------------------------------------------- schedules

SCHEDULES = {
    "ExponentialDecay": [
        ("smooth", dict(initial_learning_rate=0.1, decay_steps=4, decay_rate=0.5)),
        ("staircase", dict(initial_learning_rate=0.1, decay_steps=4, decay_rate=0.5, staircase=True)),
        ("growth", dict(initial_learning_rate=0.01, decay_steps=3, decay_rate=1.5)),
    ],
    "InverseTimeDecay": [
        ("smooth", dict(initial_learning_rate=0.1, decay_steps=5, decay_rate=0.5)),
        ("staircase", dict(initial_learning_rate=0.1, decay_steps=5, decay_rate=0.5, staircase=True)),
    ],
    "CosineDecay": [
        ("plain", dict(initial_learning_rate=0.1, decay_steps=10)),
        ("alpha", dict(initial_learning_rate=0.1, decay_steps=10, alpha=0.2)),
        ("warmup", dict(initial_learning_rate=0.0, decay_steps=10, warmup_target=0.1, warmup_steps=5)),
        ("warmup_alpha", dict(initial_learning_rate=0.01, decay_steps=8, alpha=0.1, warmup_target=0.2,
                              warmup_steps=4)),
    ],
    "PolynomialDecay": [
        ("linear", dict(initial_learning_rate=0.1, decay_steps=10)),
        ("power2", dict(initial_learning_rate=0.1, decay_steps=10, end_learning_rate=0.01, power=2.0)),
        ("power_half", dict(initial_learning_rate=0.1, decay_steps=10, end_learning_rate=0.01, power=0.5)),
        ("cycle", dict(initial_learning_rate=0.1, decay_steps=6, end_learning_rate=0.01, power=1.0, cycle=True)),
        ("cycle_power2", dict(initial_learning_rate=0.1, decay_steps=5, end_learning_rate=0.0, power=2.0,
                              cycle=True)),
    ],
    "PiecewiseConstantDecay": [
        ("two_boundaries", dict(boundaries=[3, 7], values=[1.0, 0.5, 0.1])),
        ("one_boundary", dict(boundaries=[0], values=[0.3, 0.2])),
        ("four_boundaries", dict(boundaries=[2, 4, 6, 8], values=[0.5, 0.4, 0.3, 0.2, 0.1])),
    ],
}
SCHEDULE_STEPS = list(range(0, 26)) + [40, 100]


def schedules():
    for cls, variants in SCHEDULES.items():
        cases = []
        for suffix, kwargs in variants:
            fresh()
            sched = getattr(keras.optimizers.schedules, cls)(**kwargs)
            values = [float(keras.ops.convert_to_numpy(sched(step))) for step in SCHEDULE_STEPS]
            cases.append({"name": suffix, "schedule": keras.optimizers.schedules.serialize(sched),
                          "steps": SCHEDULE_STEPS, "expected": arr(np.asarray(values, dtype="float32"))})
        print(write("schedules", cls, cases), len(cases))


FAMILIES = {"losses": losses, "regularizers": regularizers, "constraints": constraints, "schedules": schedules}

if __name__ == "__main__":
    for family in sys.argv[1:] or list(FAMILIES):
        FAMILIES[family]()
