"""Writes Keras 3.15.1's `keras.utils.model_to_dot(...).to_string()` for a few small models into
plot/src/test/resources/io/keras4j/plot/, one `<model>__<options>.dot` file each; keras4j's
`io.keras4j.plot.ModelVisualizationTest` builds the same models (same layer names) and compares its DOT's nodes
(label fields) and edges with these, ignoring node ids (Keras writes Python object ids) and whitespace.

Run from the repository root with the pinned versions (requirements.txt, plus pydot==4.0.1):

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/model_to_dot.py

Also writes `<name>.png` renderings by Graphviz's `dot` into /tmp/keras-plot-model/ when it is installed (to look at
beside keras4j's; not committed).
"""

import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402
import pydot  # noqa: E402
from keras import layers  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"
assert pydot.__version__ == "4.0.1", f"needs pydot==4.0.1, found {pydot.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "plot", "src", "test", "resources",
                   "io", "keras4j", "plot")


def sequential():
    return keras.Sequential([
        keras.Input((8,)),
        layers.Dense(16, activation="relu", name="hidden"),
        layers.Dropout(0.5, name="drop"),
        layers.Dense(3, activation="softmax", name="probs"),
    ], name="seq")


def two_heads():
    """Two inputs, a frozen branch, a shared pair of tensors feeding two merges, two outputs."""
    a = keras.Input((8,), name="input_a")
    b = keras.Input((4,), name="input_b")
    ha = layers.Dense(16, activation="relu", name="dense_a")(a)
    hb = layers.Dense(16, name="dense_b", trainable=False)(b)
    c = layers.Concatenate(name="concat")([ha, hb])
    s = layers.Add(name="add")([ha, hb])
    score = layers.Dense(1, activation="sigmoid", name="score")(c)
    label = layers.Dense(3, activation="softmax", name="label")(s)
    return keras.Model([a, b], [score, label], name="two_heads")


def nested():
    """A Sequential and a functional model inside a functional one."""
    inner_seq = keras.Sequential([
        keras.Input((8,)),
        layers.Dense(8, activation="relu", name="inner_dense1"),
        layers.Dense(4, name="inner_dense2"),
    ], name="inner_seq")
    x = keras.Input((4,), name="inner_in")
    inner_fn = keras.Model(x, layers.Dense(2, activation="tanh", name="inner_fn_dense")(x), name="inner_fn")
    i = keras.Input((8,), name="outer_in")
    h = inner_seq(i)
    h2 = inner_fn(h)
    o = layers.Dense(1, name="outer_out")(layers.Concatenate(name="outer_concat")([h, h2]))
    return keras.Model(i, o, name="outer")


ALL = dict(show_shapes=True, show_dtype=True, show_layer_activations=True, show_trainable=True)
CASES = [
    ("seq", sequential, "default", {}),
    ("seq", sequential, "all_lr", dict(ALL, rankdir="LR")),
    ("two_heads", two_heads, "default", {}),
    ("two_heads", two_heads, "all", ALL),
    ("two_heads", two_heads, "no_names", dict(show_layer_names=False, show_shapes=True)),
    ("outer", nested, "default", {}),
    ("outer", nested, "all", ALL),
    ("outer", nested, "expand", dict(expand_nested=True)),
    ("outer", nested, "expand_all", dict(ALL, expand_nested=True)),
]


def main():
    os.makedirs(OUT, exist_ok=True)
    pngs = "/tmp/keras-plot-model"
    os.makedirs(pngs, exist_ok=True)
    for model_name, make, option_name, options in CASES:
        model = make()
        dot = keras.utils.model_to_dot(model, **options)
        name = f"{model_name}__{option_name}"
        with open(os.path.join(OUT, name + ".dot"), "w") as f:
            f.write(dot.to_string())
        try:
            keras.utils.plot_model(model, os.path.join(pngs, name + ".png"), **options)
        except ImportError:
            pass


if __name__ == "__main__":
    main()
