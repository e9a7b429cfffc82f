"""Which batches each epoch of Keras' fit takes with steps_per_epoch, steps_per_execution and stop_training, and
which ones evaluate(steps=), fit's validation_steps and predict(steps=) read.

Reference for keras4j's EpochIterator, FitLoop, evaluate and predict (EpochIteratorTest, FitLoopTest,
EvaluateStepsTest, PredictStepsTest).
Every sample of batch b has target b, so an epoch's metrics (reset each epoch) tell its batches: "batches" counts them
and "first" is the first one's index (the mean of the targets less half the span, the batches being consecutive).
Prints one line per case.

Pinned: keras 3.15.1, tensorflow-cpu 2.21.0 (see requirements.txt). Run: KERAS_BACKEND=tensorflow python epoch_steps.py
Output committed beside it: epoch_steps.txt.
"""
import os
import warnings

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import ops  # noqa: E402

assert keras.__version__ == "3.15.1", keras.__version__
BATCH = 4


class Batches(keras.metrics.Metric):
    """The batches this epoch took (samples / BATCH)."""

    def __init__(self, name="batches"):
        super().__init__(name=name)
        self.n = self.add_variable(shape=(), initializer="zeros", name="n")

    def update_state(self, y_true, y_pred, sample_weight=None):
        self.n.assign_add(ops.cast(ops.shape(y_true)[0], "float32"))

    def result(self):
        return self.n / BATCH


def data(batches):
    x = np.zeros((batches * BATCH, 1), "float32")
    y = np.repeat(np.arange(batches, dtype="float32"), BATCH).reshape(-1, 1)
    return x, y


def model(spe):
    m = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    m.compile("sgd", "mse", metrics=[keras.metrics.MeanMetricWrapper(lambda t, p: t, name="mean"), Batches()],
              steps_per_execution=spe)
    return m


def ranges(history):
    out = []
    for mean, k in zip(history["mean"], history["batches"]):
        if k != k or k == 0:  # an epoch of no steps
            out.append("none")
            continue
        k = int(round(k))
        first = int(round(mean - (k - 1) / 2))
        out.append(f"{first}-{first + k - 1}" if k > 1 else f"{first}")
    return " ".join(out)


def case(batches, steps_per_epoch, spe, epochs, callbacks=(), **kw):
    x, y = data(batches)
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        h = model(spe).fit(x, y, batch_size=BATCH, epochs=epochs, steps_per_epoch=steps_per_epoch, shuffle=False,
                           verbose=0, callbacks=list(callbacks), **kw).history
    ran_out = any("ran out of data" in str(m.message) for m in w)
    print(f"batches={batches} steps_per_epoch={steps_per_epoch} steps_per_execution={spe} epochs={epochs}: "
          f"{ranges(h)}; ran_out={ran_out}" + (f"; val_loss entries={len(h.get('val_loss', []))}" if kw else ""))


class Ends(keras.callbacks.Callback):
    """The batch index of each on_train_batch_end and on_predict_batch_end call."""

    def __init__(self):
        super().__init__()
        self.ends = []

    def on_train_batch_end(self, batch, logs=None):
        self.ends.append(batch)

    def on_predict_batch_end(self, batch, logs=None):
        self.ends.append(batch)


def fit_ends(batches, steps_per_epoch, spe, epochs):
    """The on_train_batch_end indices of fit over `batches` batches of 4."""
    x, y = data(batches)
    ends = Ends()
    model(spe).fit(x, y, batch_size=BATCH, epochs=epochs, steps_per_epoch=steps_per_epoch, shuffle=False, verbose=0,
                   callbacks=[ends])
    print(f"fit batch ends: batches={batches} steps_per_epoch={steps_per_epoch} steps_per_execution={spe} "
          f"epochs={epochs}: {ends.ends}")


def predict_case(samples, batch_size, steps, spe):
    """predict of x = 0, 1, ..., samples - 1 through y = 2x + 1: the rows it returns and its callback's batch ends."""
    m = keras.Sequential([keras.Input((1,)), keras.layers.Dense(1)])
    m.compile("sgd", "mse", steps_per_execution=spe)
    m.set_weights([np.array([[2.0]], "float32"), np.array([1.0], "float32")])
    x = np.arange(samples, dtype="float32").reshape(-1, 1)
    ends = Ends()
    with warnings.catch_warnings(record=True) as w:
        warnings.simplefilter("always")
        p = m.predict(x, batch_size=batch_size, steps=steps, verbose=0, callbacks=[ends])
    ran_out = any("ran out of data" in str(c.message) for c in w)
    print(f"predict samples={samples} batch_size={batch_size} steps={steps} steps_per_execution={spe}: "
          f"rows {len(p)} ({p[0, 0]:g}..{p[-1, 0]:g}); batch ends {ends.ends}; ran_out={ran_out}")


class StopAt(keras.callbacks.Callback):
    """Asks for a stop at on_train_begin, or after the step whose number (from 1) is `at` and clears it at that
    epoch's end."""

    def __init__(self, when, at=1):
        super().__init__()
        self.when = when
        self.at = at
        self.steps = []

    def on_train_begin(self, logs=None):
        if self.when == "train_begin":
            self.model.stop_training = True

    def on_train_batch_end(self, batch, logs=None):
        self.steps.append(batch)
        if self.when == "first_step_then_clear" and len(self.steps) == self.at:
            self.model.stop_training = True

    def on_epoch_end(self, epoch, logs=None):
        if self.when == "first_step_then_clear":
            self.model.stop_training = False


if __name__ == "__main__":
    print(f"keras {keras.__version__} backend {keras.backend.backend()}")
    case(10, 3, 1, 5)
    case(10, 3, 2, 4)
    case(5, 4, 4, 3)
    case(9, 3, 1, 4)
    case(10, None, 1, 2)
    case(4, 6, 3, 2)
    stop = StopAt("train_begin")
    x, y = data(10)
    case(10, None, 1, 3, callbacks=[stop], validation_data=(x, y))
    print(f"stop at on_train_begin: steps run {stop.steps}")
    clear = StopAt("first_step_then_clear")
    case(10, 3, 1, 2, callbacks=[clear])
    print(f"stop after the first step, cleared at epoch end: steps run {clear.steps}")
    m = model(1)
    x, y = data(10)
    print(f"evaluate(steps=2) of batches of 4: mean target {m.evaluate(x, y, batch_size=4, steps=2, verbose=0, return_dict=True)['mean']:g} (batches 0-1: 0.5)")
    h = m.fit(x, y, batch_size=4, epochs=2, shuffle=False, verbose=0, validation_data=(x, y), validation_steps=3,
              validation_batch_size=5).history
    print(f"validation_steps=3, validation_batch_size=5, 2 epochs: val mean target {h['val_mean']} "
          f"(the first 15 samples: 1.4)")
    r = m.evaluate(x, y, steps=2, verbose=0, return_dict=True)
    print(f"evaluate(steps=2), no batch_size, 40 samples: mean target {r['mean']:g} (all 40: 4.5), "
          f"batches of 4 counted {r['batches']:g}")
    m2 = model(2)
    r = m2.evaluate(x, y, batch_size=4, steps=3, verbose=0, return_dict=True)
    print(f"evaluate(steps=3) at steps_per_execution=2, batches of 4: mean target {r['mean']:g} "
          f"(batches 0-3: 1.5; 0-2: 1)")
    h = model(1).fit(x, y, epochs=1, steps_per_epoch=4, shuffle=False, verbose=0).history
    print(f"fit(steps_per_epoch=4), no batch_size, 40 samples: mean target {h['mean'][0]:g} (all 40: 4.5), "
          f"batches of 4 counted {h['batches'][0]:g}")
    h = model(1).fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0, validation_split=0.5,
                     validation_steps=2, validation_batch_size=5).history
    print(f"validation_split=0.5, validation_steps=2, validation_batch_size=5: val mean target {h['val_mean'][0]:g} "
          f"(samples 20-29: 5.8)")
    h = model(1).fit(x, y, batch_size=4, epochs=1, shuffle=False, verbose=0, validation_data=(x, y),
                     validation_steps=2).history
    print(f"validation_steps=2, batch_size=4, no validation_batch_size: val mean target {h['val_mean'][0]:g} "
          f"(batches 0-1 of 4: 0.5)")
    for batches in (3, 2):
        xe, ye = data(batches)
        with warnings.catch_warnings(record=True) as w:
            warnings.simplefilter("always")
            r = m2.evaluate(xe, ye, batch_size=4, steps=3, verbose=0, return_dict=True)
        ran_out = any("ran out of data" in str(c.message) for c in w)
        print(f"evaluate(steps=3) at steps_per_execution=2 over {batches} batches: batches counted {r['batches']:g}; "
              f"ran_out={ran_out}")
    last = StopAt("first_step_then_clear", at=10)
    try:
        case(10, 3, 1, 5, callbacks=[last])
    except Exception as e:  # noqa: BLE001 - what Keras does is the point
        print(f"fails: {type(e).__name__}: {str(e).splitlines()[0]}")
    print(f"stop after the pass's last batch (step 10), cleared at epoch end: steps run {last.steps}")
    predict_case(10, 3, 2, 1)
    predict_case(10, None, 4, 1)
    predict_case(10, 0, 4, 1)
    predict_case(10, 3, 10, 1)
    predict_case(10, 3, 1, 2)
    predict_case(10, 3, 1, 8)
    predict_case(10, 3, 4, 3)
    predict_case(40, 0, None, 1)
    fit_ends(10, None, 4, 1)
    fit_ends(4, None, 8, 1)
    fit_ends(10, 3, 2, 2)
    fit_ends(9, 3, 2, 3)
