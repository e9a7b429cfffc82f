"""Writes keras_compiled_objects.keras, a small compiled and trained Keras 3.15.1 model that keras4j's
CompileConfigsTest loads: its optimizer follows a learning-rate schedule and its loss and metrics carry non-default
keyword arguments.

Run with the pinned versions (requirements.txt), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/compiled_model.py

The weights depend on the seed only; metadata.json records the date of saving, so the file's bytes change.
"""

import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "saving", "formats", "keras_compiled_objects.keras")

keras.utils.set_random_seed(1)
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, activation="softmax", name="dense")])
model.compile(
    optimizer=keras.optimizers.Adam(
        keras.optimizers.schedules.PolynomialDecay(0.1, 10, end_learning_rate=0.01, power=2.0), beta_1=0.8),
    loss=keras.losses.CategoricalCrossentropy(label_smoothing=0.2),
    metrics=[keras.metrics.TopKCategoricalAccuracy(k=1), keras.metrics.Recall(class_id=1)])
x = np.array([[0.2, -1.0, 0.5], [1.0, 0.3, -0.4], [-0.7, 0.8, 0.1], [0.5, 0.5, 0.9]], dtype="float32")
y = np.eye(2, dtype="float32")[[0, 1, 1, 0]]
model.fit(x, y, epochs=1, batch_size=2, shuffle=False, verbose=0)  # two steps
model.save(OUT)
