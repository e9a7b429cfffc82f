"""Writes keras_spectral_normalization.keras (a small Keras 3.15.1 model with a SpectralNormalization-wrapped
Dense, trained two steps so that its kernel and vector_u have moved) and keras_spectral_normalization.json (an input
batch and the model's predictions); SpectralNormalizationFileTest loads the file, whose weights Keras stores as a
Wrapper's: layers/spectral_normalization/vars/{0: kernel, 1: vector_u} and .../layer/vars/{0: kernel, 1: bias}.

Run with the pinned versions (requirements.txt), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/spectral_normalization_model.py
"""

import json
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "saving", "formats", "keras_spectral_normalization")

keras.utils.set_random_seed(1)
model = keras.Sequential([keras.Input((4,)),
                          keras.layers.SpectralNormalization(keras.layers.Dense(3), power_iterations=2),
                          keras.layers.Dense(1)])
model.compile(optimizer="sgd", loss="mse")
x = np.random.default_rng(0).standard_normal((4, 4)).astype("float32")
y = np.random.default_rng(1).standard_normal((4, 1)).astype("float32")
model.fit(x, y, epochs=1, batch_size=2, shuffle=False, verbose=0)  # two steps
model.save(OUT + ".keras")
with open(OUT + ".json", "w") as f:
    json.dump({"x": x.tolist(), "predictions": model.predict(x, verbose=0).tolist(),
               "weights": [w.tolist() for w in model.layers[0].get_weights()]}, f)
    f.write("\n")
