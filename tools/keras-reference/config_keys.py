"""Writes the table of Keras 3.15.1 get_config() outputs that keras4j's KerasConfigKeysTest compares against.

For every public class of the listed Keras modules this builds one instance with minimal arguments (recorded under
"args") and records its get_config() (under "config"), made JSON-serializable the way Keras itself writes
configs. Classes that cannot be built from simple arguments are listed under "skipped" with the reason.

Run with the pinned versions (requirements.txt), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/config_keys.py
"""

import importlib
import inspect
import json
import os
import sys

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "saving", "keras_config_keys.json")
SEED = 1337

MODULES = [
    "keras.layers",
    "keras.initializers",
    "keras.regularizers",
    "keras.constraints",
    "keras.losses",
    "keras.metrics",
    "keras.optimizers",
    "keras.optimizers.schedules",
]

# Abstract bases and classes that need objects or code that a config table cannot hold.
SKIP = {
    "keras.layers": {
        "Layer": "abstract base",
        "Wrapper": "abstract base",
        "InputSpec": "not a layer",
        "InputLayer": "input placeholder, not a configurable layer",
        "Lambda": "wraps Python code",
        "TFSMLayer": "needs a SavedModel on disk",
        "FlaxLayer": "needs a Flax module",
        "JaxLayer": "needs JAX functions",
        "TorchModuleWrapper": "needs a torch module",
    },
    "keras.initializers": {"Initializer": "abstract base"},
    "keras.regularizers": {"Regularizer": "abstract base"},
    "keras.constraints": {"Constraint": "abstract base"},
    "keras.losses": {"Loss": "abstract base"},
    "keras.metrics": {"Metric": "abstract base"},
    "keras.optimizers": {"Optimizer": "abstract base"},
    "keras.optimizers.schedules": {"LearningRateSchedule": "abstract base"},
}

# Minimal arguments per class name (aliases share their canonical class' arguments, see args_for).
# Values are JSON-friendly; tuples are written as lists in the table.
ARGS = {
    "keras.layers": {
        "Activation": {"activation": "relu"},
        "AdaptiveAveragePooling1D": {"output_size": 2},
        "AdaptiveAveragePooling2D": {"output_size": 2},
        "AdaptiveAveragePooling3D": {"output_size": 2},
        "AdaptiveMaxPooling1D": {"output_size": 2},
        "AdaptiveMaxPooling2D": {"output_size": 2},
        "AdaptiveMaxPooling3D": {"output_size": 2},
        "AlphaDropout": {"rate": 0.5},
        "AveragePooling1D": {"pool_size": 2},
        "AveragePooling2D": {"pool_size": 2},
        "AveragePooling3D": {"pool_size": 2},
        "CategoryEncoding": {"num_tokens": 4},
        "CenterCrop": {"height": 2, "width": 2},
        "Conv1D": {"filters": 4, "kernel_size": 3},
        "Conv2D": {"filters": 4, "kernel_size": 3},
        "Conv3D": {"filters": 4, "kernel_size": 3},
        "Conv1DTranspose": {"filters": 4, "kernel_size": 3},
        "Conv2DTranspose": {"filters": 4, "kernel_size": 3},
        "Conv3DTranspose": {"filters": 4, "kernel_size": 3},
        "ConvLSTM1D": {"filters": 4, "kernel_size": 3},
        "ConvLSTM2D": {"filters": 4, "kernel_size": 3},
        "ConvLSTM3D": {"filters": 4, "kernel_size": 3},
        "Dense": {"units": 4},
        "DepthwiseConv1D": {"kernel_size": 3},
        "DepthwiseConv2D": {"kernel_size": 3},
        "Discretization": {"bin_boundaries": [0.0, 1.0]},
        "Dot": {"axes": 1},
        "Dropout": {"rate": 0.5},
        "EinsumDense": {"equation": "ab,bc->ac", "output_shape": 4},
        "Embedding": {"input_dim": 10, "output_dim": 4},
        "GaussianDropout": {"rate": 0.5},
        "GaussianNoise": {"stddev": 0.1},
        "GRU": {"units": 4},
        "GRUCell": {"units": 4},
        "GroupNormalization": {"groups": 2},
        "GroupQueryAttention": {"head_dim": 4, "num_query_heads": 2, "num_key_value_heads": 1},
        "HashedCrossing": {"num_bins": 4},
        "Hashing": {"num_bins": 4},
        "LSTM": {"units": 4},
        "LSTMCell": {"units": 4},
        "MaxNumBoundingBoxes": {"max_number": 2},
        "MultiHeadAttention": {"num_heads": 2, "key_dim": 4},
        "Permute": {"dims": [2, 1]},
        "RandomBrightness": {"factor": 0.2},
        "RandomColorDegeneration": {"factor": 0.2},
        "RandomContrast": {"factor": 0.2},
        "RandomHue": {"factor": 0.2},
        "RandomPosterization": {"factor": 4},
        "RandomSaturation": {"factor": 0.2},
        "RandomSharpness": {"factor": 0.2},
        "RandomCrop": {"height": 2, "width": 2},
        "RandomRotation": {"factor": 0.1},
        "RandomTranslation": {"height_factor": 0.1, "width_factor": 0.1},
        "RandomZoom": {"height_factor": 0.1},
        "RepeatVector": {"n": 2},
        "Rescaling": {"scale": 0.5},
        "Reshape": {"target_shape": [2, 2]},
        "Resizing": {"height": 2, "width": 2},
        "ReversibleEmbedding": {"input_dim": 10, "output_dim": 4},
        "SeparableConv1D": {"filters": 4, "kernel_size": 3},
        "SeparableConv2D": {"filters": 4, "kernel_size": 3},
        "SimpleRNN": {"units": 4},
        "SimpleRNNCell": {"units": 4},
        "SpatialDropout1D": {"rate": 0.5},
        "SpatialDropout2D": {"rate": 0.5},
        "SpatialDropout3D": {"rate": 0.5},
    },
    "keras.initializers": {
        "Constant": {"value": 0.5},
    },
    "keras.regularizers": {},
    "keras.constraints": {},
    "keras.losses": {},
    "keras.metrics": {
        "IoU": {"num_classes": 2, "target_class_ids": [0]},
        "MeanIoU": {"num_classes": 2},
        "OneHotIoU": {"num_classes": 2, "target_class_ids": [0]},
        "OneHotMeanIoU": {"num_classes": 2},
        "PrecisionAtRecall": {"recall": 0.5},
        "RecallAtPrecision": {"precision": 0.5},
        "SensitivityAtSpecificity": {"specificity": 0.5},
        "SpecificityAtSensitivity": {"sensitivity": 0.5},
    },
    "keras.optimizers": {},
    "keras.optimizers.schedules": {
        "CosineDecay": {"initial_learning_rate": 0.1, "decay_steps": 100},
        "CosineDecayRestarts": {"initial_learning_rate": 0.1, "first_decay_steps": 100},
        "ExponentialDecay": {"initial_learning_rate": 0.1, "decay_steps": 100, "decay_rate": 0.9},
        "InverseTimeDecay": {"initial_learning_rate": 0.1, "decay_steps": 100, "decay_rate": 0.5},
        "PiecewiseConstantDecay": {"boundaries": [10], "values": [0.1, 0.01]},
        "PolynomialDecay": {"initial_learning_rate": 0.1, "decay_steps": 100},
    },
}

# Classes that take other Keras objects: (args as recorded, function building the instance).
OBJECT_ARGS = {
    "keras.layers": {
        "Bidirectional": ({"layer": "LSTM(units=4)"},
                          lambda: keras.layers.Bidirectional(keras.layers.LSTM(4))),
        "TimeDistributed": ({"layer": "Dense(units=4)"},
                            lambda: keras.layers.TimeDistributed(keras.layers.Dense(4))),
        "RNN": ({"cell": "SimpleRNNCell(units=4)"},
                lambda: keras.layers.RNN(keras.layers.SimpleRNNCell(4))),
        "StackedRNNCells": ({"cells": ["SimpleRNNCell(units=4)", "SimpleRNNCell(units=4)"]},
                            lambda: keras.layers.StackedRNNCells(
                                [keras.layers.SimpleRNNCell(4), keras.layers.SimpleRNNCell(4)])),
        "SpectralNormalization": ({"layer": "Dense(units=4)"},
                                  lambda: keras.layers.SpectralNormalization(keras.layers.Dense(4))),
        "Pipeline": ({"layers": ["Rescaling(scale=0.5)"]},
                     lambda: keras.layers.Pipeline([keras.layers.Rescaling(0.5)])),
    },
    "keras.metrics": {
        "MeanMetricWrapper": ({"fn": "keras.losses.mean_squared_error"},
                              lambda: keras.metrics.MeanMetricWrapper(keras.losses.mean_squared_error)),
    },
    "keras.optimizers": {
        "LossScaleOptimizer": ({"inner_optimizer": "SGD()"},
                               lambda: keras.optimizers.LossScaleOptimizer(keras.optimizers.SGD())),
        "MultiOptimizer": ({"optimizer_map": "OptimizerMap(default_optimizer=SGD(), optimizer_map={'dense.*': Adam()})"},
                           lambda: keras.optimizers.MultiOptimizer(keras.optimizers.OptimizerMap(
                               keras.optimizers.SGD(), {"dense.*": keras.optimizers.Adam()}))),
        "OptimizerMap": ({"default_optimizer": "SGD()", "optimizer_map": "{'dense.*': Adam()}"},
                         lambda: keras.optimizers.OptimizerMap(
                             keras.optimizers.SGD(), {"dense.*": keras.optimizers.Adam()})),
    },
}


def to_json(value):
    """A get_config() value as Keras writes it to JSON: tuples as lists, objects serialized."""
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [to_json(v) for v in value]
    if value is None or isinstance(value, (bool, str)):
        return value
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, np.generic):
        return value.item()
    if isinstance(value, np.ndarray):
        return value.tolist()
    if hasattr(value, "numpy") and hasattr(value, "dtype"):  # backend tensor or variable
        return to_json(np.asarray(value))
    return to_json(keras.saving.serialize_keras_object(value))


def public_classes(module):
    names = []
    for name in sorted(dir(module)):
        if name.startswith("_"):
            continue
        if isinstance(getattr(module, name), type):
            names.append(name)
    return names


def takes_seed(cls):
    try:
        return "seed" in inspect.signature(cls.__init__).parameters
    except (TypeError, ValueError):
        return False


def args_for(module_name, name, cls):
    table = ARGS[module_name]
    args = dict(table.get(name, table.get(cls.__name__, {})))
    if takes_seed(cls):
        args["seed"] = SEED
    return args


def build(cls, args):
    call = {k: tuple(v) if k in ("target_shape", "dims") else v for k, v in args.items()}
    return cls(**call)


def entry(module_name, name, cls, obj, args):
    config = to_json(obj.get_config())
    out = {"args": to_json(args), "config": config}
    if cls.__name__ != name:
        out["canonical"] = cls.__name__
    if module_name == "keras.layers":
        out["has_activity_regularizer"] = "activity_regularizer" in config
    return out


def table():
    modules, skipped = {}, {}
    for module_name in MODULES:
        module = importlib.import_module(module_name)
        classes, skips = {}, {}
        for name in public_classes(module):
            cls = getattr(module, name)
            if name in SKIP[module_name] or cls.__name__ in SKIP[module_name]:
                skips[name] = SKIP[module_name].get(name) or SKIP[module_name][cls.__name__]
                continue
            special = OBJECT_ARGS.get(module_name, {})
            key = name if name in special else cls.__name__
            keras.backend.clear_session()  # so that auto-generated names carry no counter suffix
            try:
                if key in special:
                    args, make = special[key]
                    obj = make()
                else:
                    args = args_for(module_name, name, cls)
                    obj = build(cls, args)
                classes[name] = entry(module_name, name, cls, obj, args)
            except Exception as e:  # noqa: BLE001 - recorded, reviewed by a person
                skips[name] = f"cannot build from simple args: {type(e).__name__}: {e}"
        modules[module_name] = classes
        skipped[module_name] = skips
    return modules, skipped


def examples():
    """Configs of objects that hold other objects, as Keras writes them."""
    ser = keras.saving.serialize_keras_object
    keras.backend.clear_session()
    schedule = keras.optimizers.schedules.ExponentialDecay(0.1, decay_steps=100, decay_rate=0.9)
    out = {}
    adam = keras.optimizers.Adam(learning_rate=schedule)
    out["Adam(learning_rate=ExponentialDecay(initial_learning_rate=0.1, decay_steps=100, decay_rate=0.9))"] = {
        "config": to_json(adam.get_config()),
        "serialized": to_json(ser(adam)),
    }
    dense = keras.layers.Dense(
        4,
        activation="relu",
        kernel_initializer=keras.initializers.HeNormal(seed=SEED),
        kernel_regularizer=keras.regularizers.L1L2(l1=0.01, l2=0.02),
        kernel_constraint=keras.constraints.MaxNorm(2.0),
        activity_regularizer=keras.regularizers.L2(0.01),
        name="dense_example",
    )
    out["Dense(units=4, activation='relu', kernel_initializer=HeNormal(seed=1337), "
        "kernel_regularizer=L1L2(l1=0.01, l2=0.02), kernel_constraint=MaxNorm(2.0), "
        "activity_regularizer=L2(0.01), name='dense_example')"] = {
        "config": to_json(dense.get_config()),
        "serialized": to_json(ser(dense)),
    }
    out["serialize_keras_object(SGD())"] = {"serialized": to_json(ser(keras.optimizers.SGD()))}
    out["serialize_keras_object(MeanSquaredError())"] = {"serialized": to_json(ser(keras.losses.MeanSquaredError()))}
    out["serialize_keras_object(AUC())"] = {"serialized": to_json(ser(keras.metrics.AUC()))}
    out["serialize_keras_object('relu')"] = {"serialized": to_json(ser(keras.activations.get("relu")))}
    model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, name="d")], name="seq")
    out["Sequential([Input((3,)), Dense(2, name='d')], name='seq')"] = {"serialized": to_json(ser(model))}
    return out


def main():
    modules, skipped = table()
    doc = {
        "keras_version": keras.__version__,
        "backend": keras.backend.backend(),
        "generator": "tools/keras-reference/config_keys.py",
        "modules": modules,
        "skipped": skipped,
        "examples": examples(),
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(doc, f, indent=1, sort_keys=True, allow_nan=False)
        f.write("\n")
    counts = {m: len(c) for m, c in modules.items()}
    print(json.dumps({"written": os.path.normpath(OUT), "classes": counts, "skipped": skipped}, indent=1),
          file=sys.stderr)


if __name__ == "__main__":
    main()
