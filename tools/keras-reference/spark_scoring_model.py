"""Writes spark/src/test/resources/io/keras4j/spark/tiny_cnn.h5 (a legacy HDF5 model saved by Keras) and
tiny_cnn.json (10 input images and Keras' predictions) for keras4j-spark's KerasModelScorerTest, which scores the
images as a DataFrame column of nested arrays and compares against Keras:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/spark_scoring_model.py
"""

import json
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")

import keras
import numpy as np

assert keras.__version__ == "3.15.1", keras.__version__

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "spark", "src", "test", "resources",
                   "io", "keras4j", "spark")

keras.utils.set_random_seed(7)
model = keras.Sequential([
    keras.Input((4, 4, 1)),
    keras.layers.Conv2D(2, 3, activation="relu"),
    keras.layers.Flatten(),
    keras.layers.Dense(1, activation="sigmoid"),
], name="tiny_cnn")
rng = np.random.default_rng(7)
x = rng.normal(size=(10, 4, 4, 1)).astype("float32")
y = model.predict(x, verbose=0)
model.save(os.path.join(OUT, "tiny_cnn.h5"))
with open(os.path.join(OUT, "tiny_cnn.json"), "w") as f:
    json.dump({"x": x.tolist(), "y": y[:, 0].tolist()}, f)
print("wrote", OUT)
