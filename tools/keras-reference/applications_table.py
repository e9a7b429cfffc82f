"""Reference numbers for keras4j's applications (models/ module, ApplicationsTest).

1. table: for each application and arguments (weights=None), Keras 3.15.1's parameter counts (total, trainable),
   number of layers and weights, and a hash of the layer names in order (sha256 of the names joined by newlines,
   first 16 hex digits).
2. defaults: parameter count and number of layers of every family at its defaults (include_top=True, 224x224), for
   docs/applications.md.
3. golden: small variants with every weight filled by the formula of `fill()` (so that nothing large is committed),
   their predictions for the images of `image()`.

Writes models/src/test/resources/io/keras4j/applications/applications_{table,defaults,golden}.json.
Run from the repository root:

    KERAS_BACKEND=tensorflow TF_ENABLE_ONEDNN_OPTS=0 python tools/keras-reference/applications_table.py [table] [defaults] [golden]
"""

import hashlib
import json
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import numpy as np  # noqa: E402
import keras  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "models", "src", "test", "resources",
                   "io", "keras4j", "applications")
A = keras.applications

# (application, keyword arguments): what ApplicationsTest builds in Java; small enough for CI.
TABLE = [
    ("MobileNetV2", {}),
    ("MobileNetV2", {"alpha": 0.35, "input_shape": [96, 96, 3], "include_top": False, "pooling": "avg"}),
    ("MobileNetV2", {"alpha": 1.4, "input_shape": [None, None, 3], "include_top": False}),
    ("MobileNet", {}),
    ("MobileNet", {"alpha": 0.5, "depth_multiplier": 2, "input_shape": [64, 64, 3], "classes": 7}),
    ("VGG16", {"include_top": False, "pooling": "max"}),
    ("VGG19", {"input_shape": [32, 32, 3], "classes": 10, "classifier_activation": None}),
    ("ResNet50", {}),
    ("ResNet101", {"include_top": False}),
    ("ResNet152", {"include_top": False, "pooling": "avg"}),
    ("ResNet50V2", {}),
    ("ResNet101V2", {"include_top": False}),
    ("ResNet152V2", {"include_top": False, "pooling": "max"}),
    ("DenseNet121", {}),
    ("DenseNet169", {"include_top": False, "input_shape": [64, 64, 3]}),
    ("DenseNet201", {"include_top": False, "pooling": "avg"}),
    ("Xception", {}),
    ("Xception", {"include_top": False, "input_shape": [71, 71, 3], "pooling": "avg"}),
    ("InceptionV3", {}),
    ("InceptionV3", {"include_top": False, "input_shape": [75, 75, 3], "pooling": "max"}),
    ("MobileNetV3Small", {}),
    ("MobileNetV3Small", {"alpha": 0.75, "minimalistic": True, "include_top": False, "pooling": "avg"}),
    ("MobileNetV3Large", {}),
    ("MobileNetV3Large", {"include_top": False, "input_shape": [32, 32, 3], "pooling": "max"}),
    ("EfficientNetB0", {}),
    ("EfficientNetB2", {"include_top": False, "pooling": "avg"}),
    ("EfficientNetB7", {"include_top": False, "input_shape": [32, 32, 3], "pooling": "max"}),
    ("ConvNeXtTiny", {}),
    ("ConvNeXtSmall", {"include_top": False, "pooling": "avg"}),
    ("ConvNeXtBase", {"include_top": False, "input_shape": [32, 32, 3]}),
    ("ConvNeXtLarge", {"include_top": False, "pooling": "max", "include_preprocessing": False}),
    ("ConvNeXtXLarge", {}),
    ("EfficientNetV2B0", {}),
    ("EfficientNetV2B1", {"include_top": False, "pooling": "avg"}),
    ("EfficientNetV2B2", {"include_top": False, "input_shape": [32, 32, 3]}),
    ("EfficientNetV2B3", {"include_top": False, "pooling": "max", "include_preprocessing": False}),
    ("EfficientNetV2S", {}),
    ("EfficientNetV2M", {"include_top": False, "pooling": "avg"}),
    ("EfficientNetV2L", {}),
    ("InceptionResNetV2", {}),
    ("InceptionResNetV2", {"include_top": False, "input_shape": [75, 75, 3], "pooling": "max"}),
    ("NASNetMobile", {}),
    ("NASNetMobile", {"include_top": False, "pooling": "avg"}),
    ("NASNetLarge", {}),
    ("NASNetLarge", {"include_top": False, "input_shape": [None, None, 3]}),
]

# small variants whose predictions are compared (weights filled by fill()).
GOLDEN = [
    ("MobileNetV2", {"alpha": 0.35, "input_shape": [96, 96, 3], "classes": 10, "classifier_activation": None}, 96),
    ("MobileNet", {"alpha": 0.25, "input_shape": [32, 32, 3], "classes": 10, "classifier_activation": None}, 32),
    ("VGG16", {"include_top": False, "pooling": "avg", "input_shape": [32, 32, 3]}, 32),
    ("ResNet50", {"include_top": False, "pooling": "avg", "input_shape": [32, 32, 3]}, 32),
    ("ResNet50V2", {"input_shape": [32, 32, 3], "classes": 10, "classifier_activation": None}, 32),
    ("Xception", {"include_top": False, "input_shape": [71, 71, 3], "pooling": "avg"}, 71),
    ("InceptionV3", {"include_top": False, "input_shape": [75, 75, 3], "pooling": "avg"}, 75),
    ("MobileNetV3Small", {"input_shape": [64, 64, 3], "classes": 10, "classifier_activation": None,
                          "include_preprocessing": False}, 64),
    ("MobileNetV3Large", {"minimalistic": True, "include_top": False, "input_shape": [32, 32, 3], "pooling": "avg"},
     32),
    ("EfficientNetB0", {"include_top": False, "input_shape": [32, 32, 3], "pooling": "avg"}, 32),
    ("ConvNeXtTiny", {"input_shape": [32, 32, 3], "classes": 10, "classifier_activation": None}, 32),
    ("EfficientNetV2B0", {"input_shape": [32, 32, 3], "classes": 10, "classifier_activation": None}, 32),
    ("EfficientNetV2S", {"include_top": False, "input_shape": [32, 32, 3], "pooling": "avg"}, 32),
    ("InceptionResNetV2", {"include_top": False, "input_shape": [75, 75, 3], "pooling": "avg"}, 75),
    ("NASNetMobile", {"include_top": False, "input_shape": [32, 32, 3], "pooling": "avg"}, 32),
]

# families whose models rescale or normalize [0, 255] pixels themselves (the golden images are given as pixels)
PIXELS = ("EfficientNet", "ConvNeXt")

FAMILIES = ["MobileNet", "MobileNetV2", "VGG16", "VGG19", "ResNet50", "ResNet101", "ResNet152", "ResNet50V2",
            "ResNet101V2", "ResNet152V2", "DenseNet121", "DenseNet169", "DenseNet201", "Xception", "InceptionV3",
            "InceptionResNetV2", "NASNetMobile", "NASNetLarge", "EfficientNetB0", "EfficientNetV2B0",
            "MobileNetV3Small", "MobileNetV3Large", "ConvNeXtTiny"]


def build(app, kwargs):
    keras.backend.clear_session()  # layer names as in a fresh session
    kw = dict(kwargs)
    if "input_shape" in kw:
        kw["input_shape"] = tuple(kw["input_shape"])
    return getattr(A, app)(weights=None, **kw)


def names_hash(model):
    return hashlib.sha256("\n".join(l.name for l in model.layers).encode()).hexdigest()[:16]


def row(app, kwargs, model):
    trainable = sum(int(np.prod(w.shape)) for w in model.trainable_weights)
    return {"app": app, "kwargs": kwargs, "name": model.name, "params": int(model.count_params()),
            "trainable": trainable, "layers": len(model.layers), "weights": len(model.weights),
            "names_hash": names_hash(model), "output_shape": list(model.output.shape)}


def fill(model):
    """Weight k (in layer order) gets u_i = mix(h_i) / 2^32 - 0.5, h_i = (2654435761 i + 40503 k) mod 2^32 (i: flat
    index), mix(h) = g ^ (g >> 16) with g = ((h ^ (h >> 16)) * 0x45d9f3b) mod 2^32: an integer hash, exact on both
    sides, scaled by the weight's role."""
    k = 0
    for layer in model.layers:
        for v in layer.weights:
            shape = tuple(v.shape)
            i = np.arange(int(np.prod(shape)), dtype=np.uint64)
            h = (i * np.uint64(2654435761) + np.uint64(40503 * k)) % np.uint64(2**32)
            h = ((h ^ (h >> np.uint64(16))) * np.uint64(0x45D9F3B)) % np.uint64(2**32)
            h = h ^ (h >> np.uint64(16))
            u = h.astype(np.float64) / 2.0**32 - 0.5
            if v.name == "count":  # Normalization's sample count (int64): left as built
                k += 1
                continue
            if v.name == "gamma":
                s = 1.0 + 0.2 * u
            elif v.name in ("moving_variance", "variance"):
                s = 1.0 + 0.5 * (u + 0.5)
            elif v.name in ("beta", "moving_mean", "mean", "bias"):
                s = 0.2 * u
            else:
                depthwise = isinstance(layer, keras.layers.DepthwiseConv2D) or v.name == "depthwise_kernel"
                fan = int(np.prod(shape[:2])) if depthwise else int(np.prod(shape[:-1]))
                s = u * np.sqrt(12.0 * 2.0 / fan)
            v.assign(s.reshape(shape).astype(np.float32))
            k += 1


def image(b, h, w, c=3):
    """Image b of the batch, in [-1, 1]: sin(0.9 (b + 1) x + 0.7 y + 1.7 c + b) (x column, y row, c channel)."""
    y, x, ch = np.meshgrid(np.arange(h), np.arange(w), np.arange(c), indexing="ij")
    return np.sin(0.9 * (b + 1) * x + 0.7 * y + 1.7 * ch + b).astype(np.float32)


def main(parts):
    os.makedirs(OUT, exist_ok=True)
    if "table" in parts:
        write_table()
    if "defaults" in parts:
        write_defaults()
    if "golden" in parts:
        write_golden()


def write_table():
    table = []
    for app, kwargs in TABLE:
        table.append(row(app, kwargs, build(app, kwargs)))
        print(table[-1]["app"], table[-1]["params"])
    with open(os.path.join(OUT, "applications_table.json"), "w") as f:
        json.dump({"keras_version": keras.__version__, "table": table}, f, indent=1)


def write_defaults():
    defaults = []
    for app in FAMILIES:
        m = build(app, {})
        defaults.append({"app": app, "params": int(m.count_params()), "layers": len(m.layers)})
    with open(os.path.join(OUT, "applications_defaults.json"), "w") as f:
        json.dump({"keras_version": keras.__version__, "defaults": defaults}, f, indent=1)


def write_golden():
    golden = []
    for app, kwargs, size in GOLDEN:
        m = build(app, kwargs)
        fill(m)
        x = np.stack([image(b, size, size) for b in range(2)])
        pixels = app.startswith(PIXELS)  # rescales inside: give it [0, 255] images, 127.5 (image + 1)
        if pixels:
            x = (127.5 * (x.astype(np.float64) + 1.0)).astype(np.float32)
        p = m.predict(x, verbose=0)
        golden.append({"app": app, "kwargs": kwargs, "size": size, "batch": 2, "pixels": pixels,
                       # EfficientNet's hash-filled weights give nearly input-independent outputs (differences
                       # ~1e-5): the Java test then skips its "the two images differ" check for that case only
                       "image_difference": float(np.abs(p[0] - p[1]).max()), "output_shape": list(p.shape),
                       "max_abs": float(np.abs(p).max()), "predictions": [float("%.7g" % v) for v in p.ravel()]})
        print(app, p.shape, float(np.abs(p).max()))
    with open(os.path.join(OUT, "applications_golden.json"), "w") as f:
        json.dump({"keras_version": keras.__version__,
                   "fill": "weight k in layer order: u = mix((2654435761 i + 40503 k) mod 2^32) / 2^32 - 0.5 scaled: "
                           "gamma 1 + 0.2 u, (moving_)variance 1 + 0.5 (u + 0.5), beta/(moving_)mean/bias 0.2 u, count kept, kernels "
                           "u sqrt(24 / fan) (fan: all dims but the last; kh kw for depthwise kernels)",
                   "cases": golden}, f)


if __name__ == "__main__":
    import sys
    main(sys.argv[1:] or ["table", "defaults", "golden"])
