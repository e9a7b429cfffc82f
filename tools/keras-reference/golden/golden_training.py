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


# ------------------------------------------------------------------------------------------------------- callbacks
# Each case scripts the epoch (or batch) logs a fit would pass and records Keras' decisions. The model is a
# Dense(1) on 2 inputs compiled with SGD, loss "mse" and metrics ["accuracy", "mae"]; before each epoch's
# on_epoch_end its kernel is set to (epoch + 1), so the final kernel tells which epoch's weights a callback kept.

NAN = float("nan")


def _callback_model(learning_rate=0.1):
    fresh()
    model = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1)])
    model.compile(optimizer=keras.optimizers.SGD(learning_rate=learning_rate), loss="mse",
                  metrics=["accuracy", "mae"])
    # builds the compiled metrics, whose direction "auto" mode reads; the weights are set below anyway
    model.evaluate(np.zeros((2, 2), "float32"), np.zeros((2, 1), "float32"), verbose=0)
    return model


def _set_epoch_weights(model, epoch):
    model.set_weights([np.full((2, 1), epoch + 1.0, "float32"), np.zeros((1,), "float32")])


def _lr(model):
    return float(keras.ops.convert_to_numpy(model.optimizer.learning_rate))


def _json_logs(logs):
    return [{k: ("NaN" if isinstance(v, float) and v != v else v) for k, v in epoch.items()} for epoch in logs]


def _run_epochs(callback, logs, learning_rate=0.1):
    """Replays logs through on_train_begin / on_epoch_begin / on_epoch_end / on_train_end as fit does."""
    model = _callback_model(learning_rate)
    callback.set_model(model)
    callback.on_train_begin()
    stop_after, lrs, logged = [], [], []
    for epoch, epoch_logs in enumerate(logs):
        callback.on_epoch_begin(epoch)
        _set_epoch_weights(model, epoch)
        out = dict(epoch_logs)
        callback.on_epoch_end(epoch, out)
        stop_after.append(bool(model.stop_training))
        lrs.append(_lr(model))
        logged.append(out.get("learning_rate"))
        if model.stop_training:
            break
    callback.on_train_end()
    kernel = model.get_weights()[0]
    return {"epochs_run": len(stop_after), "stop_training": stop_after, "learning_rates": lrs,
            "logged_learning_rates": logged, "weights_epoch": int(round(float(kernel[0, 0]))) - 1}


def _losses(*values, key="val_loss"):
    return [{"loss": 1.0 + i * 0.01, key: v} for i, v in enumerate(values)]


EARLY_STOPPING = [
    ("patience0", {}, _losses(1.0, 0.9, 0.95, 0.8)),
    ("patience2", {"patience": 2}, _losses(1.0, 0.9, 0.95, 0.93, 0.92, 0.8)),
    ("patience2_recovers", {"patience": 2}, _losses(1.0, 0.9, 0.95, 0.85, 0.86, 0.87, 0.7)),
    ("min_delta", {"patience": 1, "min_delta": 0.05}, _losses(1.0, 0.97, 0.9, 0.88, 0.87, 0.5)),
    ("negative_min_delta", {"patience": 1, "min_delta": -0.05}, _losses(1.0, 0.97, 0.9, 0.88, 0.87, 0.5)),
    ("mode_max", {"monitor": "val_accuracy", "mode": "max", "patience": 1},
     _losses(0.5, 0.6, 0.55, 0.58, 0.7, key="val_accuracy")),
    ("auto_accuracy", {"monitor": "val_accuracy", "patience": 1},
     _losses(0.5, 0.6, 0.55, 0.58, 0.7, key="val_accuracy")),
    ("auto_mae", {"monitor": "val_mae", "patience": 1}, _losses(0.5, 0.6, 0.55, 0.58, 0.7, key="val_mae")),
    ("mode_min_on_accuracy", {"monitor": "val_accuracy", "mode": "min", "patience": 1},
     _losses(0.5, 0.6, 0.55, 0.58, 0.7, key="val_accuracy")),
    ("monitor_loss", {"monitor": "loss", "patience": 1}, [{"loss": v} for v in (1.0, 1.1, 1.2, 0.5)]),
    ("baseline_not_beaten", {"patience": 2, "baseline": 0.5}, _losses(1.0, 0.9, 0.8, 0.7, 0.6)),
    ("baseline_beaten", {"patience": 2, "baseline": 0.85}, _losses(1.0, 0.9, 0.8, 0.82, 0.81, 0.9, 0.79)),
    ("restore_best_weights", {"patience": 2, "restore_best_weights": True}, _losses(1.0, 0.7, 0.9, 0.8, 0.75)),
    ("restore_best_weights_not_stopped", {"patience": 5, "restore_best_weights": True},
     _losses(1.0, 0.7, 0.9, 0.8)),
    ("restore_best_weights_first_epoch", {"patience": 1, "restore_best_weights": True},
     _losses(0.5, 0.7, 0.9, 0.8)),
    ("start_from_epoch", {"patience": 1, "start_from_epoch": 2}, _losses(1.0, 1.1, 1.2, 1.3, 1.4, 1.5)),
    ("start_from_epoch_restore", {"patience": 1, "start_from_epoch": 2, "restore_best_weights": True},
     _losses(0.1, 1.1, 1.2, 1.3, 1.4, 1.5)),
    ("missing_monitor", {"monitor": "val_auc", "mode": "max"}, _losses(1.0, 0.9, 1.0, 1.1)),
    ("nan_first", {"patience": 1}, _losses(NAN, 0.9, 0.8, 0.7)),
    ("nan_later", {"patience": 1}, _losses(1.0, NAN, 0.8, 0.9, 0.95)),
    ("infinite_first", {"patience": 1}, _losses(float("inf"), 0.9, 0.95, 0.97)),
]

REDUCE_LR = [
    ("defaults", {}, _losses(*([1.0] + [1.0] * 12))),
    ("patience1", {"patience": 1, "factor": 0.5}, _losses(1.0, 0.9, 0.95, 0.96, 0.8, 0.85, 0.84)),
    ("cooldown", {"patience": 1, "factor": 0.5, "cooldown": 2},
     _losses(1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6, 1.7, 1.8)),
    ("min_lr", {"patience": 1, "factor": 0.2, "min_lr": 0.005}, _losses(1.0, 1.1, 1.2, 1.3, 1.4, 1.5, 1.6)),
    ("min_delta", {"patience": 1, "factor": 0.5, "min_delta": 0.05},
     _losses(1.0, 0.97, 0.9, 0.88, 0.87, 0.5, 0.49)),
    ("mode_max", {"monitor": "val_accuracy", "mode": "max", "patience": 2, "factor": 0.5},
     _losses(0.5, 0.6, 0.55, 0.58, 0.7, 0.6, 0.6, 0.6, key="val_accuracy")),
    ("auto_accuracy", {"monitor": "val_accuracy", "patience": 1, "factor": 0.5},
     _losses(0.5, 0.6, 0.55, 0.58, 0.7, key="val_accuracy")),
    ("patience0", {"patience": 0, "factor": 0.5}, _losses(1.0, 0.9, 0.8, 0.85)),
    ("negative_min_delta", {"patience": 1, "factor": 0.5, "min_delta": -0.05},
     _losses(1.0, 0.97, 0.9, 0.88, 0.87, 0.5, 0.49)),
    ("nan_first", {"patience": 1, "factor": 0.5}, _losses(NAN, 0.9, 0.8, 0.7)),
    ("monitor_loss_auto", {"monitor": "loss", "patience": 1, "factor": 0.5},
     [{"loss": v} for v in (1.0, 1.1, 0.9, 0.95)]),
]

LR_SCHEDULES = {  # named so that the Java test can hold the same functions
    "halve_after_2": lambda epoch, lr: lr if epoch < 2 else lr * 0.5,
    "epoch_based": lambda epoch, lr: 0.1 / (1.0 + epoch),
    "exp_decay": lambda epoch, lr: lr * float(np.exp(-0.1)),
}


def _csv_text(kwargs, logs, existing=None):
    import tempfile
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "log.csv")
        if existing is not None:
            with open(path, "w", newline="") as f:
                f.write(existing)
        cb = keras.callbacks.CSVLogger(path, **kwargs)
        _run_epochs(cb, logs)
        with open(path, newline="") as f:
            return f.read()


CSV_CASES = [
    ("train_only", {}, [{"loss": 0.5, "accuracy": 0.25}, {"loss": 0.25, "accuracy": 0.75}], None),
    ("with_validation", {}, [{"loss": 0.5, "val_loss": 0.625, "accuracy": 0.25, "val_accuracy": 0.5},
                             {"loss": 0.125, "val_loss": 0.375, "accuracy": 0.5, "val_accuracy": 1.0}], None),
    ("separator", {"separator": ";"}, [{"loss": 1.5, "val_loss": 2.5}, {"loss": 1.25, "val_loss": 2.25}], None),
    ("number_formats", {}, [{"loss": 0.1 + 0.2, "val_loss": 1e-05, "mae": 123456789.0, "val_mae": 1.5e16},
                            {"loss": 3.0, "val_loss": 0.0001, "mae": 1e-07, "val_mae": 2.5e-10},
                            {"loss": NAN, "val_loss": float("inf"), "mae": 100.0, "val_mae": 1e22}], None),
    ("missing_key", {}, [{"loss": 0.5, "val_loss": 0.75}, {"loss": 0.25}], None),
    ("append_existing", {"append": True}, [{"loss": 0.5, "val_loss": 0.75}],
     "epoch,loss,val_loss\r\n0,0.9,0.95\r\n"),
    ("append_empty", {"append": True}, [{"loss": 0.5, "val_loss": 0.75}], ""),
    ("overwrite_existing", {}, [{"loss": 0.5, "val_loss": 0.75}], "old,text\r\n"),
]

CHECKPOINT = [
    ("every_epoch", {}, _losses(1.0, 1.1, 0.9)),
    ("best_only", {"save_best_only": True}, _losses(1.0, 1.1, 0.9, 0.9, 0.95, 0.5)),
    ("best_only_max", {"save_best_only": True, "monitor": "val_accuracy", "mode": "max"},
     _losses(0.5, 0.4, 0.6, 0.6, 0.7, key="val_accuracy")),
    ("best_only_auto_accuracy", {"save_best_only": True, "monitor": "val_accuracy"},
     _losses(0.5, 0.4, 0.6, 0.6, 0.7, key="val_accuracy")),
    ("initial_value_threshold", {"save_best_only": True, "initial_value_threshold": 0.8},
     _losses(1.0, 0.85, 0.7, 0.75, 0.6)),
    ("missing_monitor", {"save_best_only": True, "monitor": "val_auc", "mode": "max"}, _losses(1.0, 0.9)),
    ("nan_first", {"save_best_only": True}, _losses(NAN, 0.9, 0.8)),
]


def callbacks():
    cases = []
    for name, kwargs, logs in EARLY_STOPPING:
        cb = keras.callbacks.EarlyStopping(**kwargs)
        result = _run_epochs(cb, logs)
        result.update(stopped_epoch=cb.stopped_epoch, best_epoch=cb.best_epoch)
        cases.append({"name": name, "kwargs": kwargs, "logs": _json_logs(logs), "expected": result})
    print(write("callbacks", "EarlyStopping", cases), len(cases))

    cases = []
    for name, kwargs, logs in REDUCE_LR:
        result = _run_epochs(keras.callbacks.ReduceLROnPlateau(**kwargs), logs, learning_rate=0.1)
        cases.append({"name": name, "kwargs": kwargs, "learning_rate": 0.1, "logs": _json_logs(logs),
                      "expected": result})
    print(write("callbacks", "ReduceLROnPlateau", cases), len(cases))

    cases = []
    for name, fn in LR_SCHEDULES.items():
        logs = _losses(1.0, 0.9, 0.8, 0.7, 0.6)
        result = _run_epochs(keras.callbacks.LearningRateScheduler(fn), logs, learning_rate=0.05)
        cases.append({"name": name, "schedule": name, "learning_rate": 0.05, "logs": _json_logs(logs),
                      "expected": result})
    print(write("callbacks", "LearningRateScheduler", cases), len(cases))

    cases = []
    for name, batches in [("nan", [1.0, 0.5, NAN, 0.4]), ("inf", [1.0, float("inf"), 0.3]),
                          ("negative_inf", [2.0, float("-inf")]), ("finite", [1.0, 0.5, 0.25]),
                          ("no_loss", [None, None])]:
        model = _callback_model()
        cb = keras.callbacks.TerminateOnNaN()
        cb.set_model(model)
        cb.on_train_begin()
        stopped_at = None
        for batch, loss in enumerate(batches):
            cb.on_train_batch_end(batch, {} if loss is None else {"loss": loss})
            if model.stop_training:
                stopped_at = batch
                break
        cases.append({"name": name, "batch_losses": _json_logs([{"loss": v} for v in batches]),
                      "expected": {"stopped_at_batch": stopped_at}})
    print(write("callbacks", "TerminateOnNaN", cases), len(cases))

    cases = []
    for name, kwargs, logs, existing in CSV_CASES:
        case = {"name": name, "kwargs": kwargs, "logs": _json_logs(logs),
                "expected": {"text": _csv_text(kwargs, logs, existing)}}
        if existing is not None:
            case["existing"] = existing
        cases.append(case)
    print(write("callbacks", "CSVLogger", cases), len(cases))

    import tempfile
    cases = []
    for name, kwargs, logs in CHECKPOINT:
        for pattern in ["ckpt-{epoch:02d}.weights.h5", "w-{epoch}-{loss:.3f}.weights.h5"]:
            with tempfile.TemporaryDirectory() as d:
                cb = keras.callbacks.ModelCheckpoint(os.path.join(d, pattern), save_weights_only=True, **kwargs)
                model = _callback_model()
                cb.set_model(model)
                cb.on_train_begin()
                saved = []
                for epoch, epoch_logs in enumerate(logs):
                    cb.on_epoch_begin(epoch)
                    before = set(os.listdir(d))
                    cb.on_epoch_end(epoch, dict(epoch_logs))
                    saved.append(sorted(set(os.listdir(d)) - before))
                cb.on_train_end()
            cases.append({"name": f"{name}_{pattern.split('-')[0]}", "filepath": pattern, "kwargs": kwargs,
                          "logs": _json_logs(logs), "expected": {"saved": saved}})
    print(write("callbacks", "ModelCheckpoint", cases), len(cases))


# ------------------------------------------------------------------------------------------------------- training
# End-to-end fit trajectories: fixed initial weights (set from numpy), fixed data, shuffle=False, 3 epochs. Each case
# holds the model as model.to_json(), the compile_config, the fit arguments, the History and the final weights.

def _classification_data(n=16, features=5, classes=3, seed=60):
    x = normal(seed, (n, features))
    w = normal(seed + 1, (features, classes))
    labels = np.argmax(x @ w + 0.3 * normal(seed + 2, (n, classes)), axis=-1).astype("int32")
    return x, labels, np.eye(classes, dtype="float32")[labels]


def _dense_model(hidden_kwargs=None, batch_norm=False, output_activation="softmax", outputs=3, features=5):
    layers = [keras.Input((features,)), keras.layers.Dense(4, activation="tanh", **(hidden_kwargs or {}))]
    if batch_norm:
        layers.append(keras.layers.BatchNormalization(momentum=0.8))
    layers.append(keras.layers.Dense(outputs, activation=output_activation))
    return keras.Sequential(layers)


def _set_initial_weights(model, seed=70):
    weights = []
    for i, w in enumerate(model.get_weights()):
        if w.ndim == 2:
            weights.append(normal(seed + i, w.shape, 0.5))
        elif "variance" in model.weights[i].path:
            weights.append(uniform(seed + i, w.shape, 0.5, 1.5))
        else:
            weights.append(normal(seed + i, w.shape, 0.1))
    model.set_weights(weights)
    return weights


def _training_case(name, model, compile_kwargs, x, y, fit_kwargs, sample_weight=None, class_weight=None):
    initial = _set_initial_weights(model)
    model.compile(**compile_kwargs)
    history = model.fit(x, y, shuffle=False, verbose=0, sample_weight=sample_weight, class_weight=class_weight,
                        **fit_kwargs)
    compile_config = model.get_compile_config()
    loss = compile_kwargs["loss"]
    if isinstance(loss, keras.losses.Huber):  # Keras 3.15.1 drops delta from Huber's config; keep it
        compile_config["loss"]["config"]["delta"] = float(loss._fn_kwargs.get("delta", 1.0))
    case = {"name": name, "model": model.to_json(), "compile": compile_config,
            "fit": dict(fit_kwargs), "x": arr(x), "y": arr(y),
            "initial_weights": [arr(w) for w in initial],
            "weight_names": [w.path for w in model.weights],
            "history": {k: [float(v) for v in vs] for k, vs in history.history.items()},
            "final_weights": [arr(w) for w in model.get_weights()]}
    if sample_weight is not None:
        case["sample_weight"] = arr(sample_weight)
    if class_weight is not None:
        case["class_weight"] = {str(k): v for k, v in class_weight.items()}
    return case


def training():
    x, labels, onehot = _classification_data()
    fit3 = {"epochs": 3, "batch_size": 4}
    cases = []

    def add(name, build, compile_kwargs, y, fit_kwargs=fit3, **kw):
        fresh()
        case = _training_case(name, build(), compile_kwargs, x, y, fit_kwargs, **kw)
        print(write("training", name, [case]))

    add("sgd_momentum", _dense_model, dict(optimizer=keras.optimizers.SGD(0.1, momentum=0.9),
                                           loss="categorical_crossentropy", metrics=["accuracy"]), onehot)
    add("sgd_nesterov", _dense_model, dict(optimizer=keras.optimizers.SGD(0.05, momentum=0.8, nesterov=True),
                                           loss="categorical_crossentropy", metrics=["accuracy"]), onehot)
    add("adam", _dense_model, dict(optimizer=keras.optimizers.Adam(0.02), loss="sparse_categorical_crossentropy",
                                   metrics=["accuracy"]), labels)
    add("rmsprop", _dense_model, dict(optimizer=keras.optimizers.RMSprop(0.01),
                                      loss="categorical_crossentropy", metrics=["accuracy", "mse"]), onehot)
    add("sgd_schedule", _dense_model, dict(
        optimizer=keras.optimizers.SGD(keras.optimizers.schedules.ExponentialDecay(0.2, 3, 0.5)),
        loss="categorical_crossentropy", metrics=["accuracy"]), onehot)
    add("adam_schedule_partial_batch", _dense_model, dict(
        optimizer=keras.optimizers.Adam(keras.optimizers.schedules.PolynomialDecay(0.05, 6, 0.001)),
        loss="sparse_categorical_crossentropy", metrics=["accuracy"]), labels, {"epochs": 3, "batch_size": 5})
    add("class_weight", _dense_model, dict(optimizer=keras.optimizers.Adam(0.02),
                                           loss="sparse_categorical_crossentropy", metrics=["accuracy"]), labels,
        class_weight={0: 1.0, 1: 2.5, 2: 0.5})
    add("sample_weight", _dense_model, dict(optimizer=keras.optimizers.SGD(0.1, momentum=0.5),
                                            loss="categorical_crossentropy", metrics=["accuracy"],
                                            weighted_metrics=["accuracy"]), onehot,
        sample_weight=uniform(80, (16,), 0.0, 2.0))
    add("validation_split", _dense_model, dict(optimizer=keras.optimizers.Adam(0.02),
                                               loss="categorical_crossentropy", metrics=["accuracy"]), onehot,
        {"epochs": 3, "batch_size": 4, "validation_split": 0.25})
    add("kernel_regularizer", lambda: _dense_model({"kernel_regularizer": keras.regularizers.L2(0.05),
                                                    "bias_regularizer": keras.regularizers.L1(0.02)}),
        dict(optimizer=keras.optimizers.SGD(0.1), loss="categorical_crossentropy", metrics=["accuracy"]), onehot,
        {"epochs": 3, "batch_size": 4, "validation_split": 0.25})
    add("batch_normalization", lambda: _dense_model(batch_norm=True),
        dict(optimizer=keras.optimizers.Adam(0.02), loss="categorical_crossentropy", metrics=["accuracy"]), onehot,
        {"epochs": 3, "batch_size": 4, "validation_split": 0.25})
    add("regression_mse", lambda: _dense_model(output_activation=None, outputs=2),
        dict(optimizer=keras.optimizers.Adam(0.01), loss="mse", metrics=["mae"]), normal(81, (16, 2)),
        {"epochs": 3, "batch_size": 6})
    add("binary_huber", lambda: _dense_model(output_activation="sigmoid", outputs=1),
        dict(optimizer=keras.optimizers.RMSprop(0.02, momentum=0.5), loss=keras.losses.Huber(0.5),
             metrics=["binary_accuracy"]), (labels == 1).astype("float32").reshape(-1, 1))


FAMILIES = {"training": training, "callbacks": callbacks, "losses": losses, "regularizers": regularizers, "constraints": constraints, "schedules": schedules}

if __name__ == "__main__":
    for family in sys.argv[1:] or list(FAMILIES):
        FAMILIES[family]()
