"""Keras 3.15.1 application networks (random weights) in .keras, .h5 and .weights.h5 with an input and Keras'
output, for ApplicationFilesTest. Not committed (large). Pinned: keras 3.15.1, tensorflow 2.21.0.
Run: TF_ENABLE_ONEDNN_OPTS=0 KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/application_files.py [Name ...]
"""

import os, sys, json, time
os.environ["TF_CPP_MIN_LOG_LEVEL"] = "3"
import numpy as np, keras
assert keras.__version__ == "3.15.1"
out = os.environ.get("KERAS4J_APPLICATION_FILES", "/tmp/loadfix-apps")
os.makedirs(out, exist_ok=True)
import tensorflow as tf
assert tf.__version__ == "2.21.0", tf.__version__
A = keras.applications
def nested():
    base = A.MobileNetV2(input_shape=(96, 96, 3), include_top=False, weights=None)
    base.trainable = False
    inp = keras.Input((96, 96, 3))
    x = base(inp, training=False)
    x = keras.layers.GlobalAveragePooling2D()(x)
    return keras.Model(inp, keras.layers.Dense(5)(x))
specs = {
  "ResNet50": lambda: A.ResNet50(weights=None, classifier_activation=None),
  "InceptionV3": lambda: A.InceptionV3(weights=None, classifier_activation=None),
  "NASNetMobile": lambda: A.NASNetMobile(weights=None, classifier_activation=None),
  "MobileNetV3Small": lambda: A.MobileNetV3Small(weights=None, classifier_activation=None),
  "EfficientNetB0": lambda: A.EfficientNetB0(weights=None, classifier_activation=None),
  "DenseNet121": lambda: A.DenseNet121(weights=None, classifier_activation=None),
  "MobileNetV2Nested": nested,
  "ConvNeXtTiny": lambda: A.ConvNeXtTiny(weights=None, classifier_activation=None),
  "EfficientNetV2B0": lambda: A.EfficientNetV2B0(weights=None, classifier_activation=None),
  "InceptionResNetV2": lambda: A.InceptionResNetV2(weights=None, input_shape=(75, 75, 3), include_top=False,
                                                   pooling="avg"),
  "Xception": lambda: A.Xception(weights=None, classifier_activation=None),
  "ResNet50V2": lambda: A.ResNet50V2(weights=None, classifier_activation=None),
}
names = sys.argv[1:] or list(specs)
for name in names:
    keras.utils.set_random_seed(1)
    m = specs[name]()
    # random BN statistics so that wrong matching shows
    for v in m.weights:
        if "moving_variance" in v.path:
            v.assign(np.random.RandomState(2).uniform(0.5, 1.5, v.shape).astype("float32"))
        elif "moving_mean" in v.path:
            v.assign(np.random.RandomState(3).uniform(-0.1, 0.1, v.shape).astype("float32"))
    shape = (1,) + tuple(224 if d is None else d for d in m.input_shape[1:])
    x = (np.sin(np.arange(np.prod(shape)) * 0.37) * 60 + 60).astype("float32").reshape(shape)
    t = time.time(); y = m.predict(x, verbose=0); t1 = time.time() - t
    m.save(f"{out}/{name}.keras"); m.save(f"{out}/{name}.h5"); m.save_weights(f"{out}/{name}.weights.h5")
    x.tofile(f"{out}/{name}.x.bin"); np.asarray(y, "float32").tofile(f"{out}/{name}.y.bin")
    json.dump({"x": list(shape), "y": list(np.shape(y))}, open(f"{out}/{name}.json", "w"))
    print(name, m.count_params(), "predict", t1, flush=True)
