"""Writes the fixture of keras4j's GanTrainingTest.matchesKerasCustomTrainStep: Keras 3's GAN recipe (a Model
subclass with its own train_step, a discriminator trained with SGD and a generator trained with Adam, two Mean
trackers) with fixed weights and fixed latent vectors fed as a second input, so that the numbers depend on Keras'
semantics only: the generator's step runs through the discriminator just updated (automatic control dependencies).

Discriminator: Dense(1, sigmoid) on 2 features; generator: Dense(2) on 3 latent features; binary crossentropy.
Fit: x = [real (8, 2), z (8, 3)], no targets, batch 4, 2 epochs, no shuffling. Records the History (d_loss,
g_loss) and the final weights in custom_train_step_gan.json.

Run from the repository root with the pinned versions (requirements.txt):

    KERAS_BACKEND=tensorflow python tools/keras-reference/custom_train_step_gan.py
"""

import json
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import tensorflow as tf  # noqa: E402
import keras  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "models", "custom_train_step_gan.json")

rng = np.random.default_rng(3)
real = np.round(rng.uniform(-1, 1, size=(8, 2)), 2).astype("float32")
z = np.round(rng.normal(size=(8, 3)), 2).astype("float32")
d_kernel = np.array([[0.5], [-0.3]], "float32")
d_bias = np.array([0.1], "float32")
g_kernel = np.array([[0.2, -0.1], [0.4, 0.3], [-0.5, 0.6]], "float32")
g_bias = np.array([0.05, -0.05], "float32")


class GAN(keras.Model):
    def __init__(self, discriminator, generator):
        super().__init__()
        self.discriminator = discriminator
        self.generator = generator
        self.d_loss_tracker = keras.metrics.Mean(name="d_loss")
        self.g_loss_tracker = keras.metrics.Mean(name="g_loss")

    def compile(self, d_optimizer, g_optimizer, loss_fn):
        super().compile()
        self.d_optimizer = d_optimizer
        self.g_optimizer = g_optimizer
        self.loss_fn = loss_fn

    @property
    def metrics(self):
        return [self.d_loss_tracker, self.g_loss_tracker]

    def train_step(self, data):
        x, _, _ = keras.utils.unpack_x_y_sample_weight(data)
        real_b, z_b = x
        n = tf.shape(real_b)[0]
        fake = self.generator(z_b)
        combined = tf.concat([fake, real_b], axis=0)
        labels = tf.concat([tf.ones((n, 1)), tf.zeros((n, 1))], axis=0)
        with tf.GradientTape() as tape:
            d_loss = self.loss_fn(labels, self.discriminator(combined))
        grads = tape.gradient(d_loss, self.discriminator.trainable_weights)
        self.d_optimizer.apply_gradients(zip(grads, self.discriminator.trainable_weights))
        with tf.GradientTape() as tape:
            g_loss = self.loss_fn(tf.zeros((n, 1)), self.discriminator(self.generator(z_b)))
        grads = tape.gradient(g_loss, self.generator.trainable_weights)
        self.g_optimizer.apply_gradients(zip(grads, self.generator.trainable_weights))
        self.d_loss_tracker.update_state(d_loss)
        self.g_loss_tracker.update_state(g_loss)
        return {"d_loss": self.d_loss_tracker.result(), "g_loss": self.g_loss_tracker.result()}


d = keras.Sequential([keras.Input((2,)), keras.layers.Dense(1, activation="sigmoid")])
g = keras.Sequential([keras.Input((3,)), keras.layers.Dense(2)])
d.set_weights([d_kernel, d_bias])
g.set_weights([g_kernel, g_bias])
gan = GAN(d, g)
gan.compile(keras.optimizers.SGD(0.5), keras.optimizers.Adam(0.05), keras.losses.BinaryCrossentropy())
history = gan.fit([real, z], epochs=2, batch_size=4, shuffle=False, verbose=0)
out = {
    "keras_version": keras.__version__,
    "real": real.tolist(), "z": z.tolist(),
    "d_initial": [d_kernel.tolist(), d_bias.tolist()], "g_initial": [g_kernel.tolist(), g_bias.tolist()],
    "history": {k: [float(v) for v in vs] for k, vs in history.history.items()},
    "d_final": [w.tolist() for w in d.get_weights()], "g_final": [w.tolist() for w in g.get_weights()],
}
with open(OUT, "w") as f:
    json.dump(out, f, indent=1)
print(json.dumps(out["history"]))
