"""Writes small Keras 3.15.1 models with the wrapper and ConvLSTM layers of issue 10, trained two steps so their
weights have moved, as keras4j/src/test/resources/io/keras4j/saving/formats/keras_<name>.keras with
keras_<name>.json (an input batch, the model's predictions and the weight paths of model.weights.h5);
WrapperFilesTest loads each file into keras4j and checks the predictions and that keras4j writes the same paths.

With --check FILE.keras INPUT.json it instead loads a file keras4j wrote and prints Keras' predictions for the
input as JSON (the other direction, run by hand).

Run with the pinned versions (requirements.txt), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/wrapper_models.py [name ...]
"""

import io
import json
import os
import sys
import zipfile

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import h5py  # noqa: E402
import numpy as np  # noqa: E402
import keras  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "saving", "formats")
L = keras.layers


def time_distributed():
    return keras.Sequential([keras.Input((3, 4)), L.TimeDistributed(L.Dense(3, activation="tanh")),
                             L.TimeDistributed(L.BatchNormalization()), L.TimeDistributed(L.Dense(2))]), (3, 4)


def conv_lstm2d():
    return keras.Sequential([keras.Input((3, 5, 5, 2)), L.ConvLSTM2D(3, 3, padding="same", return_sequences=True),
                             L.ConvLSTM2D(2, 2, strides=2), L.Flatten(), L.Dense(2)]), (3, 5, 5, 2)


def conv_lstm1d():
    return keras.Sequential([keras.Input((4, 6, 2)), L.ConvLSTM1D(2, 3, go_backwards=True, return_sequences=True),
                             L.TimeDistributed(L.Flatten()), L.TimeDistributed(L.Dense(1))]), (4, 6, 2)


def bidirectional():
    return keras.Sequential([keras.Input((5, 3)), L.Bidirectional(L.LSTM(4, return_sequences=True)),
                             L.Bidirectional(L.GRU(3), backward_layer=L.GRU(3, activation="relu", go_backwards=True)),
                             L.Dense(2)]), (5, 3)


MODELS = {"time_distributed": time_distributed, "conv_lstm2d": conv_lstm2d, "conv_lstm1d": conv_lstm1d,
          "bidirectional": bidirectional}


def weight_paths(path):
    with zipfile.ZipFile(path) as z:
        f = h5py.File(io.BytesIO(z.read("model.weights.h5")), "r")
        out = []
        f.visititems(lambda n, o: out.append(n) if isinstance(o, h5py.Dataset) and n.startswith("layers/") else None)
        return sorted(out)


def write(name):
    keras.utils.set_random_seed(1)
    model, shape = MODELS[name]()
    model.compile(optimizer="sgd", loss="mse")
    x = np.random.default_rng(0).standard_normal((4,) + shape).astype("float32")
    y = model.predict(x, verbose=0)
    y = np.random.default_rng(1).standard_normal(y.shape).astype("float32")
    model.fit(x, y, epochs=1, batch_size=2, shuffle=False, verbose=0)  # two steps
    path = os.path.join(OUT, f"keras_{name}.keras")
    model.save(path)
    with open(os.path.join(OUT, f"keras_{name}.json"), "w") as f:
        json.dump({"x": x.tolist(), "predictions": model.predict(x, verbose=0).tolist(),
                   "weight_paths": weight_paths(path)}, f)
        f.write("\n")
    print(path)


def check(path, inputs):
    model = keras.saving.load_model(path)
    with open(inputs) as f:
        x = np.asarray(json.load(f)["x"], dtype="float32")
    print(json.dumps({"predictions": model.predict(x, verbose=0).tolist(), "weight_paths": weight_paths(path)}))


if __name__ == "__main__":
    if sys.argv[1:2] == ["--check"]:
        check(sys.argv[2], sys.argv[3])
    else:
        for n in sys.argv[1:] or MODELS:
            write(n)
