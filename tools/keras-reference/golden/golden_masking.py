"""Writes golden/layers/Embedding.json and golden/layers/Masking.json: Keras 3.15.1 outputs and output masks.

The case format of golden_layers.py ({"name", "config", "inputs", "weights", "training", "outputs"}) plus
"output_mask": the mask Keras attaches to the output (backend.get_keras_mask), as a bool array, or null when the
output has none. Inputs keep their dtype (int32/int64 indices for Embedding).

Run from the repository root:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/golden_masking.py [ClassName ...]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden_common as g  # noqa: E402
from golden_common import keras, np  # noqa: E402
from golden_layers import SEED, _weight_values, x  # noqa: E402
from keras.src.backend import get_keras_mask  # noqa: E402  (the `_keras_mask` Keras attaches)

L = keras.layers


def case(name, make, inp):
    """One case of a single-input layer, with the output's mask when it has one."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    layer = make()
    layer(inp)  # builds
    if layer.weights:
        layer.set_weights(_weight_values(layer, 7))
    out = layer(inp, training=False)
    c = {
        "name": name,
        "config": layer.get_config(),
        "inputs": [g.arr(inp)],
        "weights": [g.arr(w) for w in layer.get_weights()],
        "training": False,
        "outputs": [g.arr(out)],
    }
    mask = get_keras_mask(out)
    c["output_mask"] = None if mask is None else g.arr(mask)
    return c


IDS = np.array([[1, 0, 4, 0], [5, 5, 2, 0]], dtype="int32")


def embedding():
    return [
        case("basic", lambda: L.Embedding(6, 3), IDS),
        case("mask_zero", lambda: L.Embedding(6, 3, mask_zero=True), IDS),
        case("int64_indices", lambda: L.Embedding(6, 2, mask_zero=True), IDS.astype("int64")),
        case("float_indices", lambda: L.Embedding(6, 2, mask_zero=True),
             np.array([[1.0, 0.0, 3.0], [2.0, 5.0, 0.0]], dtype="float32")),
        case("rank3_indices", lambda: L.Embedding(4, 2, mask_zero=True),
             np.array([[[1, 0], [3, 2]], [[0, 0], [2, 1]]], dtype="int32")),
        case("options", lambda: L.Embedding(7, 2, embeddings_initializer="glorot_uniform",
                                           embeddings_regularizer="l2", embeddings_constraint="non_neg",
                                           activity_regularizer="l1", name="emb"), IDS),
    ]


def steps():
    v = x((2, 4, 3))
    v[0, 1] = 0.0
    v[0, 3] = 0.0
    v[1, 0] = 0.0
    v[1, 2, 0] = 0.0  # one feature only: the step stays
    return v


def masking():
    w = x((2, 3, 2), seed=1)
    w[0, 0] = -1.0
    w[1, 2] = -1.0
    w[1, 1, 1] = -1.0
    r4 = x((1, 2, 2, 3), seed=2)
    r4[0, 1, 0] = 0.0
    return [
        case("default", lambda: L.Masking(), steps()),
        case("mask_value", lambda: L.Masking(mask_value=-1.0), w),
        case("rank4", lambda: L.Masking(), r4),
    ]


FAMILIES = {"Embedding": embedding, "Masking": masking}


def main(names):
    for cls, fn in sorted(FAMILIES.items()):
        if names and cls not in names:
            continue
        print(g.write("layers", cls, fn()))


if __name__ == "__main__":
    main(sys.argv[1:])
