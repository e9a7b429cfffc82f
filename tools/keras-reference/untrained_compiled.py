"""Writes two small .keras files that Keras 3.15.1 loads with a warning and keras4j must load too:

- keras_compiled_untrained.keras: a Dense model compiled with Adam and saved before any training step, so its
  weights file holds only the optimizer's iterations and learning_rate (Keras skips loading them, warning that the
  numbers of variables differ);
- keras_compile_config_without_optimizer.keras: the same file with the "optimizer" key removed from its
  compile_config (Keras compiles with its default, "rmsprop").

Run with the pinned versions (requirements.txt), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/untrained_compiled.py
"""

import json
import os
import zipfile

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "saving", "formats")

keras.utils.set_random_seed(3)
model = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2, name="dense")], name="untrained")
model.layers[0].set_weights([np.arange(6, dtype="float32").reshape(3, 2) / 10, np.array([0.5, -0.5], "float32")])
model.compile(optimizer=keras.optimizers.Adam(0.01), loss="mse")
untrained = os.path.join(OUT, "keras_compiled_untrained.keras")
model.save(untrained)

with zipfile.ZipFile(untrained) as src:
    config = json.loads(src.read("config.json"))
    config["compile_config"].pop("optimizer")
    without = os.path.join(OUT, "keras_compile_config_without_optimizer.keras")
    with zipfile.ZipFile(without, "w") as out:
        for name in src.namelist():
            out.writestr(name, json.dumps(config) if name == "config.json" else src.read(name))

for path in (untrained, without):
    loaded = keras.models.load_model(path)
    print(os.path.basename(path), type(loaded.optimizer).__name__,
          loaded.predict(np.array([[1, 2, 3]], "float32"), verbose=0).tolist())
