"""Writes golden/layers/<ClassName>.json: Keras 3.15.1 layer outputs for every layer class keras4j registers.

Each case: {"name", "config" (the layer's full get_config()), "inputs" (list of arrays, batch axis included),
"weights" (list of arrays in get_weights() order, random non-zero values set with set_weights), "training" (bool),
"outputs" (list of arrays)}; optionally "atol"/"rtol" with a "tolerance_reason".

Run from the repository root:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/golden_layers.py [ClassName ...]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden_common as g  # noqa: E402
from golden_common import keras, np  # noqa: E402

L = keras.layers
SEED = 1337


def _weight_values(layer, seed):
    """Random non-zero values for each weight; variances positive."""
    values = []
    for i, w in enumerate(layer.weights):
        shape = tuple(w.shape)
        name = w.path.split("/")[-1]
        if "variance" in name:
            values.append(g.uniform(seed + i, shape, 0.5, 1.5))
        elif w.dtype.startswith("int"):
            values.append(np.asarray(keras.ops.convert_to_numpy(w)))
        else:
            values.append(g.normal(seed + i, shape, 0.5))
    return values


def case(name, make, inputs, training=False, set_weights=True, **extra):
    """One case: make() builds the layer after clear_session; inputs a list of numpy arrays."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    layer = make()
    xs = inputs if len(inputs) > 1 else inputs[0]
    layer(xs)  # builds
    if set_weights and layer.weights:
        layer.set_weights(_weight_values(layer, 7))
    out = layer(xs, training=training)
    outs = out if isinstance(out, (list, tuple)) else [out]
    c = {
        "name": name,
        "config": layer.get_config(),
        "inputs": [g.arr(x) for x in inputs],
        "weights": [g.arr(w) for w in layer.get_weights()],
        "training": training,
        "outputs": [g.arr(o) for o in outs],
    }
    c.update(extra)
    return c


def x(shape, seed=0, scale=1.0):
    return g.normal(seed, shape, scale)


# ---- layer families ----

def dense():
    k = dict(kernel_initializer=keras.initializers.GlorotUniform(seed=1))
    return [
        case("units3", lambda: L.Dense(3, **k), [x((2, 5))]),
        case("relu", lambda: L.Dense(4, activation="relu", **k), [x((2, 5))]),
        case("no_bias_tanh", lambda: L.Dense(3, use_bias=False, activation="tanh", **k), [x((2, 5))]),
        case("rank3", lambda: L.Dense(2, activation="sigmoid", **k), [x((2, 3, 4))]),
    ]


FAMILIES = {
    "Dense": dense,
}


def main(names):
    for cls, fn in sorted(FAMILIES.items()):
        if names and cls not in names:
            continue
        print(g.write("layers", cls, fn()))


if __name__ == "__main__":
    main(sys.argv[1:])
