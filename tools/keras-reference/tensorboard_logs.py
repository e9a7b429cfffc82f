"""Writes keras4j/src/test/resources/io/keras4j/callbacks/tensorboard_reference.json: what Keras 3.15.1's
keras.callbacks.TensorBoard writes for a tiny model trained 2 epochs with validation, read back with TensorBoard's
own reader (tensorboard 2.21.0, EventAccumulator) and with TensorFlow's record iterator.

For each run (update_freq "batch", "epoch" and 2) the JSON holds the callback's arguments, the data and initial
weights (so keras4j can repeat the training), Keras' History, and for log_dir/train and log_dir/validation every
summary value in file order as [tag, step, plugin_name, dtype, shape], the event files' name pattern, and the tags
and steps TensorBoard's EventAccumulator reads. keras_validation.tfevents beside it is the "epoch" run's validation
event file as TensorFlow wrote it.

Run with the pinned versions (requirements.txt plus tensorboard==2.21.0), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/tensorboard_logs.py
"""

import glob
import json
import os
import re
import shutil
import tempfile

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402
import tensorboard  # noqa: E402
import tensorflow as tf  # noqa: E402
from tensorboard.backend.event_processing.event_accumulator import EventAccumulator  # noqa: E402
from tensorflow.core.util import event_pb2  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
assert tensorboard.__version__ == "2.21.0", tensorboard.__version__
assert tf.__version__ == "2.21.0", tf.__version__

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "callbacks", "tensorboard_reference.json")

rng = np.random.RandomState(0)
X = rng.rand(12, 3).astype("float32").round(3)
Y = (X.sum(1) > 1.5).astype("int64")
XV = rng.rand(8, 3).astype("float32").round(3)
YV = (XV.sum(1) > 1.5).astype("int64")
W = [(np.arange(12, dtype="float32").reshape(3, 4) - 5.5) / 10, np.array([0.1, -0.1, 0.05, 0.0], "float32"),
     (np.arange(8, dtype="float32").reshape(4, 2) - 3.5) / 5, np.array([0.0, 0.0], "float32")]

RUNS = {
    "batch": dict(histogram_freq=1, write_images=True, update_freq="batch"),
    "epoch": dict(histogram_freq=1, write_images=True, update_freq="epoch"),
    "2": dict(histogram_freq=1, write_steps_per_second=True, update_freq=2),
}


def model():
    keras.backend.clear_session()
    m = keras.Sequential([keras.Input((3,)), keras.layers.Dense(4, activation="relu", name="dense"),
                          keras.layers.Dense(2, activation="softmax", name="dense_1")], name="tiny")
    m.set_weights(W)
    m.compile(keras.optimizers.SGD(0.1), "sparse_categorical_crossentropy", metrics=["accuracy"])
    return m


def values(path):
    """[tag, step, plugin, dtype, shape] of every summary value of the event files in path, in file order."""
    out = []
    files = sorted(glob.glob(os.path.join(path, "events.out.tfevents.*")))
    for f in files:
        for rec in tf.data.TFRecordDataset(f):
            event = event_pb2.Event.FromString(rec.numpy())
            for v in event.summary.value:
                out.append([v.tag, event.step, v.metadata.plugin_data.plugin_name,
                            tf.dtypes.as_dtype(v.tensor.dtype).name, [d.size for d in v.tensor.tensor_shape.dim]])
    return out, [os.path.basename(f) for f in files]


def accumulator_tags(path):
    ea = EventAccumulator(path, size_guidance={"tensors": 0})
    ea.Reload()
    return {t: [e.step for e in ea.Tensors(t)] for t in ea.Tags()["tensors"]}


def main():
    result = {"keras_version": keras.__version__, "tensorboard_version": tensorboard.__version__,
              "x": X.tolist(), "y": Y.tolist(), "x_val": XV.tolist(), "y_val": YV.tolist(),
              "initial_weights": [w.flatten().tolist() for w in W], "batch_size": 4, "epochs": 2, "runs": {}}
    host = os.uname().nodename
    for name, args in RUNS.items():
        log_dir = tempfile.mkdtemp()
        m = model()
        history = m.fit(X, Y, batch_size=4, epochs=2, validation_data=(XV, YV), verbose=0, shuffle=False,
                        callbacks=[keras.callbacks.TensorBoard(log_dir, **args)])
        run = {"args": {k: v for k, v in args.items()}, "history": history.history}
        for sub in ["train", "validation"]:
            vals, files = values(os.path.join(log_dir, sub))
            run[sub] = vals
            run[sub + "_files"] = [re.sub(r"^events\.out\.tfevents\.\d+\." + re.escape(host) + r"\.\d+\.\d+\.v2$",
                                          "events.out.tfevents.<seconds>.<host>.<pid>.<n>.v2", f) for f in files]
            run[sub + "_accumulator"] = accumulator_tags(os.path.join(log_dir, sub))
        result["runs"][name] = run
        if name == "epoch":
            # one small file as TensorFlow wrote it, for the Java reader's own test
            shutil.copy(glob.glob(os.path.join(log_dir, "validation", "events.out.tfevents.*"))[0],
                        os.path.join(os.path.dirname(OUT), "keras_validation.tfevents"))
        shutil.rmtree(log_dir)
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(result, f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
