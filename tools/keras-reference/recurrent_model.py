"""Writes keras_recurrent.keras (a small Keras 3.15.1 functional model with every recurrent layer keras4j reads:
LSTM given initial_state from two Inputs and returning its states, RNN over StackedRNNCells (GRUCell,
SimpleRNNCell), GRU with reset_after=False, SimpleRNN going backwards) and keras_recurrent.json (inputs, the
model's predictions, and the weight paths of the file's model.weights.h5 with their shapes) into
keras4j/src/test/resources/io/keras4j/saving/formats/; RecurrentFileTest loads the file, compares the predictions,
saves it again with keras4j and compares config.json and the weight paths with Keras'.

Run with the pinned versions (requirements.txt), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/recurrent_model.py
"""

import json
import os
import zipfile

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import h5py  # noqa: E402
import numpy as np  # noqa: E402
import keras  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "saving", "formats", "keras_recurrent")

L = keras.layers
keras.utils.set_random_seed(1)
x = keras.Input((5, 3), name="sequences")
h0 = keras.Input((4,), name="h0")
c0 = keras.Input((4,), name="c0")
y, h, c = L.LSTM(4, return_sequences=True, return_state=True, dropout=0.1, seed=3)(x, initial_state=[h0, c0])
z = L.RNN([L.GRUCell(3), L.SimpleRNNCell(2)], return_sequences=True)(y)
w = L.GRU(3, reset_after=False)(z)
v = L.SimpleRNN(2, go_backwards=True)(x)
out = L.Dense(1)(L.Concatenate()([w, v, h, c]))
model = keras.Model([x, h0, c0], out)
rng = np.random.default_rng(0)
for weight in model.weights:  # non-trivial values everywhere (biases included)
    weight.assign(rng.standard_normal(tuple(weight.shape)).astype("float32") * 0.5)
inputs = [rng.standard_normal((2, 5, 3)).astype("float32"), rng.standard_normal((2, 4)).astype("float32"),
          rng.standard_normal((2, 4)).astype("float32")]
model.save(OUT + ".keras")
with zipfile.ZipFile(OUT + ".keras") as zf:
    zf.extract("model.weights.h5", "/tmp/keras_recurrent")
paths = {}
with h5py.File("/tmp/keras_recurrent/model.weights.h5") as f:
    f.visititems(lambda name, o: paths.__setitem__(name, list(o.shape)) if isinstance(o, h5py.Dataset) else None)
with open(OUT + ".json", "w") as f:
    json.dump({"inputs": [a.tolist() for a in inputs], "predictions": model.predict(inputs, verbose=0).tolist(),
               "weight_paths": paths}, f, sort_keys=True)
    f.write("\n")

# Masked sequences: an int32 Input -> Embedding(mask_zero) -> LSTM(return_sequences) -> GRU(go_backwards) -> Dense,
# and a Sequential Masking -> SimpleRNN(return_sequences) -> RNN(LSTMCell) -> Dense, padded at either end; written
# as keras_recurrent_masked_{embedding,masking}.keras and keras_recurrent_masked.json (inputs and predictions).
keras.utils.set_random_seed(2)
ids = keras.Input((6,), dtype="int32", name="ids")
e = L.Embedding(10, 3, mask_zero=True)(ids)
s = L.LSTM(4, return_sequences=True)(e)
s = L.GRU(3, go_backwards=True)(s)
embedding_model = keras.Model(ids, L.Dense(2)(s))
masking_model = keras.Sequential([keras.Input((6, 2)), L.Masking(0.0), L.SimpleRNN(3, return_sequences=True),
                                  L.RNN(L.LSTMCell(2)), L.Dense(1)])
masked = {}
for name, model in [("embedding", embedding_model), ("masking", masking_model)]:
    for weight in model.weights:
        weight.assign(rng.standard_normal(tuple(weight.shape)).astype("float32") * 0.5)
    model.save(OUT + "_masked_" + name + ".keras")
token_ids = np.array([[3, 1, 4, 0, 0, 0], [0, 0, 2, 7, 1, 8], [5, 0, 9, 2, 0, 6]], dtype="int32")
steps = rng.standard_normal((3, 6, 2)).astype("float32")
steps[0, 4:] = 0
steps[1, :2] = 0
steps[2, 3] = 0
masked["embedding"] = {"x": token_ids.tolist(), "predictions": embedding_model.predict(token_ids, verbose=0).tolist()}
masked["masking"] = {"x": steps.tolist(), "predictions": masking_model.predict(steps, verbose=0).tolist()}
with open(OUT + "_masked.json", "w") as f:
    json.dump(masked, f, sort_keys=True)
    f.write("\n")
