"""Writes keras4j/src/test/resources/io/keras4j/models/masking/<case>.keras and masked_models.json: small Keras 3.15.1
models whose masks decide their predictions, with the predictions Keras makes on padded inputs. MasksTest loads the
files and compares keras4j's predictions. Cases: a functional model of an int32 Input -> Embedding(mask_zero) ->
Dense -> GlobalAveragePooling1D; the same layers with the Embedding and Dense in a nested Sequential; a
Masking -> Dense -> Concatenate(with an unmasked branch) -> GlobalAveragePooling1D model; and two padded inputs
through Add, Subtract, Multiply, Average, Maximum, Minimum, Concatenate and Dot (all-padded rows included); a
Masking before a nested Sequential whose pooling uses the mask. Run from the repository
root:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/masked_models.py
"""

import json
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402

assert keras.__version__ == "3.15.1"
L = keras.layers
OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "models", "masking")


def embedding_pooled():
    i = keras.Input((5,), dtype="int32", name="ids")
    h = L.Embedding(8, 3, mask_zero=True)(i)
    h = L.Dense(4, activation="tanh")(h)
    return keras.Model(i, L.GlobalAveragePooling1D()(h))


def nested_sequential():
    inner = keras.Sequential([keras.Input((5,)), L.Embedding(8, 3, mask_zero=True), L.Dense(4)], name="inner")
    i = keras.Input((5,), name="ids")
    return keras.Model(i, L.GlobalAveragePooling1D()(inner(i)))


def masking_concatenate():
    i = keras.Input((5, 2), name="steps")
    masked = L.Dense(3)(L.Masking()(i))
    plain = L.Dense(2)(i)
    both = L.Concatenate(axis=1)([masked, L.Dense(3)(plain)])  # along the steps: the mask grows with them
    return keras.Model(i, L.GlobalAveragePooling1D()(both))


def mask_into_nested():
    """A mask made outside a nested Sequential reaches the layers inside it."""
    inner = keras.Sequential([keras.Input((5, 2)), L.Dense(3, activation="tanh"), L.GlobalAveragePooling1D()],
                             name="inner")
    i = keras.Input((5, 2), name="steps")
    return keras.Model(i, inner(L.Masking()(i)))


def merges():
    """Two padded id inputs of different lengths through the merge layers, each pooled over its output mask."""
    a = keras.Input((4,), dtype="int32", name="a")
    b = keras.Input((4,), dtype="int32", name="b")
    ea = L.Embedding(8, 3, mask_zero=True)(a)
    eb = L.Embedding(8, 3, mask_zero=True)(b)
    plain = L.Dense(3)(L.Embedding(8, 3)(b))  # no mask
    pooled = []
    for merge in (L.Add(), L.Subtract(), L.Multiply(), L.Average(), L.Maximum(), L.Minimum(), L.Concatenate()):
        pooled.append(L.GlobalAveragePooling1D()(merge([ea, eb])))
    pooled.append(L.GlobalAveragePooling1D()(L.Maximum()([ea, plain])))  # one mask missing: no output mask
    pooled.append(L.GlobalAveragePooling1D()(L.Concatenate(axis=1)([ea, plain])))
    pooled.append(L.Flatten()(L.Dot(axes=2)([ea, eb])))
    return keras.Model([a, b], L.Concatenate()(pooled))


def main():
    r = np.random.default_rng(5)
    ids = np.array([[1, 2, 0, 0, 0], [3, 4, 5, 6, 0], [7, 0, 0, 0, 0]], dtype="int32")
    steps = r.standard_normal((3, 5, 2)).astype("float32")
    steps[0, 3:] = 0
    steps[1, 1] = 0
    expected = {}
    a = np.array([[1, 2, 0, 0], [3, 4, 5, 0], [6, 0, 0, 0]], dtype="int32")
    b = np.array([[7, 0, 0, 0], [1, 2, 3, 4], [0, 0, 0, 0]], dtype="int32")
    for name, make, xs in (("embedding_pooled", embedding_pooled, [ids]),
                           ("nested_sequential", nested_sequential, [ids]),
                           ("masking_concatenate", masking_concatenate, [steps]), ("merges", merges, [a, b]),
                           ("mask_into_nested", mask_into_nested, [steps])):
        keras.backend.clear_session()
        keras.utils.set_random_seed(11)
        model = make()
        model.save(os.path.join(OUT, name + ".keras"))
        expected[name] = {"x": [x.astype("float32").tolist() for x in xs], "shape": [list(x.shape) for x in xs],
                          "predictions": model.predict(xs if len(xs) > 1 else xs[0], verbose=0)
                          .astype("float64").tolist()}
    with open(os.path.join(OUT, "masked_models.json"), "w") as f:
        json.dump({"keras": keras.__version__, "cases": expected}, f, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
