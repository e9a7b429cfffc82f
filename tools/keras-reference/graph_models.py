"""Small functional models whose files exercise keras4j's loading of graphs (GraphFilesTest, OperationTest).

Pinned: keras 3.15.1, tensorflow 2.21.0. Writes, under
keras4j/src/test/resources/io/keras4j/saving/graph/, each model in .keras, legacy .h5 and .weights.h5, and
expected.json: for each model its inputs, its outputs (Keras' predict) and its layers' names in Keras' order.
Run: /work/venv-keras/bin/python tools/keras-reference/graph_models.py
"""
import json
import os

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
import keras
import tensorflow as tf
from keras import layers, ops

assert keras.__version__ == "3.15.1", keras.__version__
assert tf.__version__ == "2.21.0", tf.__version__

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "keras4j", "src", "test", "resources", "io", "keras4j",
                   "saving", "graph")


def branching():
    """Two inputs, two outputs; layers created in an order that is not Keras' layer order, equal-shaped Dense layers."""
    a = keras.Input((6,), name="in_a")
    b = keras.Input((6,), name="in_b")
    hb = layers.Dense(6, name="hb")(b)
    ha = layers.Dense(6, name="ha")(a)
    ha2 = layers.Dense(6, activation="tanh", name="ha2")(ha)
    hb2 = layers.BatchNormalization(name="bn")(hb)
    c = layers.Concatenate(name="cat")([ha2, hb2])
    o1 = layers.Dense(3, name="out1")(c)
    s = layers.Add(name="sum")([ha, layers.Dense(6, name="hc")(hb2)])
    o2 = layers.Dense(2, name="out2")(s)
    return keras.Model([a, b], [o1, o2], name="branching"), [(6,), (6,)]


def operations():
    """Arithmetic on tensors and keras.ops calls, serialized by Keras 3 as operation nodes."""
    x = keras.Input((4,), name="x")
    y = layers.Dense(4, name="d1")(x)
    z = y + 3.0
    z = ops.relu(z) * 0.5
    z = ops.maximum(z, y)
    z = 1.0 - z
    z = ops.sigmoid(z) / 2.0
    z = ops.minimum(z, 0.4) + y
    z = z - ops.tanh(y)
    w = layers.Add(name="add_layer")([z, y])
    out = layers.Dense(2, name="d2")(w * y)
    return keras.Model(x, out, name="operations"), [(4,)]


def nested():
    """Two functional models and a Sequential inside a functional model (the transfer-learning pattern)."""
    i1 = keras.Input((5,))
    t1 = layers.BatchNormalization(name="inner_bn")(layers.Dense(4, name="inner_d")(i1))
    base = keras.Model(i1, t1, name="base")
    i2 = keras.Input((4,))
    base2 = keras.Model(i2, layers.Dense(4, activation="relu", name="inner_d2")(i2), name="base2")
    head = keras.Sequential([keras.Input((4,)), layers.Dense(3, name="seq_d"), layers.Dense(2, name="seq_d2")],
                            name="head")
    x = keras.Input((5,), name="x")
    h = base(x)
    h = base2(h)
    out = head(layers.Dense(4, name="mid")(h))
    return keras.Model(x, out, name="nested"), [(5,)]


def normalized():
    """An adapted Normalization (its scalar `count` variable) before a Dense layer."""
    norm = layers.Normalization(name="norm")
    norm.adapt(np.random.RandomState(5).normal(2.0, 3.0, (40, 3)).astype("float32"))
    x = keras.Input((3,), name="x")
    out = layers.Dense(2, name="d")(norm(x))
    return keras.Model(x, out, name="normalized"), [(3,)]


def main():
    os.makedirs(OUT, exist_ok=True)
    expected = {}
    for fn in (branching, operations, nested, normalized):
        keras.utils.set_random_seed(7)
        model, shapes = fn()
        rng = np.random.RandomState(11)
        for v in model.weights:  # non-default values everywhere (biases, BN statistics)
            if v.path.startswith("norm/"):
                continue  # adapted; Normalization computes with the values adapt() gave, not its variables
            if "variance" in v.path:
                v.assign(rng.uniform(0.5, 1.5, v.shape).astype("float32"))
            else:
                v.assign(rng.normal(0, 0.5, v.shape).astype("float32"))
        xs = [rng.normal(0, 1, (3,) + s).astype("float32") for s in shapes]
        ys = model.predict(xs if len(xs) > 1 else xs[0], verbose=0)
        ys = ys if isinstance(ys, list) else [ys]
        name = fn.__name__
        model.save(os.path.join(OUT, name + ".keras"))
        model.save(os.path.join(OUT, name + ".h5"))
        model.save_weights(os.path.join(OUT, name + ".weights.h5"))
        expected[name] = {
            "inputs": [x.tolist() for x in xs],
            "outputs": [np.asarray(y).tolist() for y in ys],
            "layers": [l.name for l in model.layers],
        }
    with open(os.path.join(OUT, "expected.json"), "w") as f:
        json.dump(expected, f, indent=1)


if __name__ == "__main__":
    main()
