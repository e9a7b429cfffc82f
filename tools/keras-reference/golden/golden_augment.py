"""Golden files for Keras 3.15.1's image augmentation layers (keras4j issue 9, item 7).

Writes keras4j/src/test/resources/io/keras4j/golden/layers/<ClassName>.json for AutoContrast, Solarization,
Equalization, RandomInvert, RandomGrayscale, RandomPosterization, RandomSharpness, RandomSaturation, RandomHue,
RandomColorDegeneration, RandomColorJitter, RandomErasing, RandomGaussianBlur, RandomShear, RandomPerspective,
RandomElasticTransform, MixUp, CutMix, AugMix and RandAugment:

- "cases": deterministic outputs {name, config, inputs, weights: [], training, outputs}: inference mode, layers that
  are deterministic, and factor settings that pin the random draw (for example factor=(x, x)).
- "alternatives" (some layers): a draw that is pinned up to a random sign; each sample of the output equals the
  same sample of one of "outputs".
- "transforms" (some layers): Keras' transformation applied with given parameters (for example the perspective
  map of given corner points), keyed by what the Java test feeds.
- "statistics": for training mode, statistics of the outputs over many random draws of one image: "calls" calls of
  the layer on a batch of "batch" copies of the input; per call the mean output, the mean |output - input| and the
  fraction of changed values; "mean" and "se" (standard error over calls) of each.

Rerun from the repository root (optionally naming classes to rewrite only their files):
    KERAS_BACKEND=tensorflow /work/venv-keras/bin/python tools/keras-reference/golden/golden_augment.py [Class...]
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import golden_common as gc  # noqa: E402
from golden_common import arr  # noqa: E402

import numpy as np  # noqa: E402
import keras  # noqa: E402
from keras import layers as L  # noqa: E402
import tensorflow as tf  # noqa: E402

RGB = gc.uniform(1, (2, 4, 4, 3), 0, 255)
RGB01 = RGB / 255.0
STAT_IMAGE = gc.uniform(2, (1, 4, 4, 3), 0, 255)


def config_of(layer):
    c = layer.get_config()
    return json.loads(json.dumps(c, default=lambda o: list(o) if isinstance(o, tuple) else str(o)))


def case(name, make, x, training):
    keras.backend.clear_session()
    keras.utils.set_random_seed(0)
    layer = make()
    y = layer(x, training=training)
    return {"name": name, "config": config_of(layer), "inputs": [arr(x)], "weights": [], "training": training,
            "outputs": [arr(y)]}


def stats(name, make, x=STAT_IMAGE, batch=16, calls=200):
    keras.backend.clear_session()
    keras.utils.set_random_seed(0)
    layer = make()
    xs = np.repeat(x, batch, axis=0)
    means, changes, fractions = [], [], []
    for _ in range(calls):
        y = keras.ops.convert_to_numpy(layer(xs, training=True))
        d = np.abs(y - xs)
        means.append(float(y.mean()))
        changes.append(float(d.mean()))
        fractions.append(float((d > 1e-3).mean()))
    out = {"name": name, "config": config_of(layer), "inputs": [arr(x)], "batch": batch, "calls": calls}
    for key, v in (("mean_output", means), ("mean_abs_change", changes), ("fraction_changed", fractions)):
        v = np.asarray(v, dtype=np.float64)
        out[key] = {"mean": float(v.mean()), "se": float(v.std(ddof=1) / np.sqrt(len(v)))}
    return out


def write(cls, cases, **extra):
    path = gc.write("layers", cls, cases)
    if extra:
        with open(path) as f:
            doc = json.load(f)
        doc.update(extra)
        with open(path, "w") as f:
            json.dump(doc, f, sort_keys=True, separators=(",", ":"))
            f.write("\n")


def both_ways(name, make, x, transform_of):
    """Keras' transform_images with each sign of a draw pinned up to its sign."""
    keras.backend.clear_session()
    layer = make()
    layer.build(x.shape)
    outs = [arr(layer.transform_images(tf.constant(x), transform_of(s), training=True)) for s in (1.0, -1.0)]
    return {"name": name, "config": config_of(layer), "inputs": [arr(x)], "outputs": outs}


def main(only=()):
    def want(cls):
        return not only or cls in only

    n = RGB.shape[0]
    const = np.full((1, 2, 2, 3), 7.0, np.float32)
    if want("AutoContrast"): write("AutoContrast", [
        case("inference", lambda: L.AutoContrast(), RGB, False),
        case("training", lambda: L.AutoContrast(), RGB, True),
        case("value_range 0..1", lambda: L.AutoContrast(value_range=(0, 1)), RGB01, False),
        case("constant image kept", lambda: L.AutoContrast(), const, False),
    ])
    if want("Solarization"): write("Solarization", [
        case("inference is identity", lambda: L.Solarization(threshold_factor=0.5, seed=1), RGB, False),
        case("defaults invert everything", lambda: L.Solarization(seed=1), RGB, True),
        case("value_range 0..1", lambda: L.Solarization(value_range=(0, 1), seed=1), RGB01, True),
    ], statistics=[
        stats("threshold 0..0.5", lambda: L.Solarization(threshold_factor=0.5, seed=3)),
        stats("addition (0.2, 0.4)", lambda: L.Solarization(addition_factor=(0.2, 0.4), seed=3)),
    ])
    if want("Equalization"): write("Equalization", [
        case("inference is identity", lambda: L.Equalization(), RGB, False),
        case("training", lambda: L.Equalization(), RGB, True),
        case("bins 16", lambda: L.Equalization(bins=16), RGB, True),
        case("value_range 0..1", lambda: L.Equalization(value_range=(0, 1)), RGB01, True),
        case("constant channel kept", lambda: L.Equalization(), const, True),
    ])
    if want("RandomInvert"): write("RandomInvert", [
        case("inference is identity", lambda: L.RandomInvert(seed=1), RGB, False),
        case("factor (1, 1) always", lambda: L.RandomInvert(factor=(1.0, 1.0), seed=1), RGB, True),
        case("factor 0 never", lambda: L.RandomInvert(factor=0.0, seed=1), RGB, True),
        case("value_range 0..1", lambda: L.RandomInvert(factor=(1.0, 1.0), value_range=(0, 1), seed=1), RGB01,
             True),
    ], statistics=[stats("defaults", lambda: L.RandomInvert(seed=3))])
    if want("RandomGrayscale"): write("RandomGrayscale", [
        case("inference is identity", lambda: L.RandomGrayscale(seed=1), RGB, False),
        case("factor 1 always", lambda: L.RandomGrayscale(factor=1.0, seed=1), RGB, True),
        case("factor 0 never", lambda: L.RandomGrayscale(factor=0.0, seed=1), RGB, True),
    ], statistics=[stats("defaults", lambda: L.RandomGrayscale(seed=3))])
    if want("RandomPosterization"): write("RandomPosterization", [
        case("inference is identity", lambda: L.RandomPosterization(4, seed=1), RGB, False),
        case("factor (3, 3)", lambda: L.RandomPosterization((3, 3), seed=1), RGB, True),
        case("factor (1, 1)", lambda: L.RandomPosterization((1, 1), seed=1), RGB, True),
        case("value_range 0..1", lambda: L.RandomPosterization((2, 2), value_range=(0, 1), seed=1), RGB01, True),
    ], statistics=[stats("factor 6", lambda: L.RandomPosterization(6, seed=3))])
    if want("RandomSharpness"): write("RandomSharpness", [
        case("inference is identity", lambda: L.RandomSharpness(0.5, seed=1), RGB, False),
        case("factor (0.2, 0.2)", lambda: L.RandomSharpness((0.2, 0.2), seed=1), RGB, True),
        case("factor (0.9, 0.9)", lambda: L.RandomSharpness((0.9, 0.9), seed=1), RGB, True),
        case("value_range 0..1", lambda: L.RandomSharpness((0.1, 0.1), value_range=(0, 1), seed=1), RGB01, True),
    ], statistics=[stats("factor 0.5", lambda: L.RandomSharpness(0.5, seed=3))])
    if want("RandomSaturation"): write("RandomSaturation", [
        case("inference is identity", lambda: L.RandomSaturation(0.5, seed=1), RGB, False),
        case("factor (0.2, 0.2)", lambda: L.RandomSaturation((0.2, 0.2), seed=1), RGB01, True),
        case("factor (0.7, 0.7)", lambda: L.RandomSaturation((0.7, 0.7), value_range=(0, 1), seed=1), RGB01, True),
        case("factor (0.5, 0.5) 0..255", lambda: L.RandomSaturation((0.5, 0.5), seed=1), RGB, True),
    ], statistics=[stats("factor 0.5", lambda: L.RandomSaturation(0.5, seed=3))])
    if want("RandomHue"): write("RandomHue", [
        case("inference is identity", lambda: L.RandomHue(0.5, seed=1), RGB, False),
        case("factor (1, 1) half turn", lambda: L.RandomHue((1.0, 1.0), seed=1), RGB, True),
        case("value_range 0..1", lambda: L.RandomHue((1.0, 1.0), value_range=(0, 1), seed=1), RGB01, True),
    ], alternatives=[
        both_ways("factor (0.5, 0.5)", lambda: L.RandomHue((0.5, 0.5), seed=1), RGB,
                  lambda s: {"factor": tf.constant([s * 0.25] * n)}),
    ], statistics=[stats("factor 0.3", lambda: L.RandomHue(0.3, seed=3))])
    if want("RandomColorDegeneration"): write("RandomColorDegeneration", [
        case("inference is identity", lambda: L.RandomColorDegeneration(0.5, seed=1), RGB, False),
        case("factor (0.5, 0.5)", lambda: L.RandomColorDegeneration((0.5, 0.5), seed=1), RGB, True),
        case("factor (-0.4, -0.4)", lambda: L.RandomColorDegeneration((-0.4, -0.4), seed=1), RGB, True),
        case("factor (1, 1) gray", lambda: L.RandomColorDegeneration((1.0, 1.0), seed=1), RGB, True),
    ], statistics=[stats("factor 0.5", lambda: L.RandomColorDegeneration(0.5, seed=3))])
    if want("RandomColorJitter"): write("RandomColorJitter", [
        case("inference is identity", lambda: L.RandomColorJitter(brightness_factor=0.2, seed=1), RGB, False),
        case("no factors", lambda: L.RandomColorJitter(seed=1), RGB, True),
        case("brightness (0.1, 0.1)", lambda: L.RandomColorJitter(brightness_factor=(0.1, 0.1), seed=1), RGB, True),
        case("brightness, saturation, hue pinned",
             lambda: L.RandomColorJitter(brightness_factor=(-0.1, -0.1), contrast_factor=(0, 0),
                                         saturation_factor=(0.6, 0.6), hue_factor=(1.0, 1.0), seed=1), RGB, True),
    ], statistics=[stats("all factors", lambda: L.RandomColorJitter(
        brightness_factor=0.2, contrast_factor=0.3, saturation_factor=0.4, hue_factor=0.2, seed=3))])
    if want("RandomErasing"): write("RandomErasing", [
        case("inference is identity", lambda: L.RandomErasing(seed=1), RGB, False),
        case("whole image", lambda: L.RandomErasing(factor=(1.0, 1.0), scale=(1.0, 1.0), fill_value=7.0, seed=1),
             RGB, True),
        case("factor 0 never", lambda: L.RandomErasing(factor=0.0, seed=1), RGB, True),
        case("fill_value clipped", lambda: L.RandomErasing(factor=(1.0, 1.0), scale=(1.0, 1.0), fill_value=300.0,
                                                          seed=1), RGB, True),
    ], statistics=[
        stats("fill 0", lambda: L.RandomErasing(factor=(1.0, 1.0), scale=(0.1, 0.5), fill_value=0.0, seed=3)),
        stats("defaults", lambda: L.RandomErasing(seed=3)),
    ])
    if want("RandomGaussianBlur"): write("RandomGaussianBlur", [
        case("inference is identity", lambda: L.RandomGaussianBlur(seed=1), RGB, False),
        case("sigma (1, 1) kernel 3", lambda: L.RandomGaussianBlur(factor=(1.0, 1.0), sigma=(1.0, 1.0), seed=1),
             RGB, True),
        case("sigma (0.5, 0.5) kernel 5", lambda: L.RandomGaussianBlur(factor=(1.0, 1.0), kernel_size=5,
                                                                       sigma=(0.5, 0.5), seed=1), RGB, True),
        case("factor 0 never", lambda: L.RandomGaussianBlur(factor=0.0, seed=1), RGB, True),
    ], statistics=[stats("defaults", lambda: L.RandomGaussianBlur(seed=3))])
    if want("RandomShear"): write("RandomShear", [
        case("inference is identity", lambda: L.RandomShear(x_factor=0.3, seed=1), RGB, False),
        case("zero factors", lambda: L.RandomShear(seed=1), RGB, True),
    ], alternatives=[
        both_ways("x_factor (0.5, 0.5) constant nearest",
                  lambda: L.RandomShear(x_factor=(0.5, 0.5), fill_mode="constant", interpolation="nearest", seed=1),
                  RGB, lambda s: {"shear_factor": tf.constant([[s * 0.5, 0.0]] * n), "input_shape": RGB.shape}),
        both_ways("x and y (0.25, 0.25) reflect bilinear",
                  lambda: L.RandomShear(x_factor=(0.25, 0.25), y_factor=(0.25, 0.25), seed=1),
                  RGB, lambda s: {"shear_factor": tf.constant([[s * 0.25, s * 0.25]] * n),
                                  "input_shape": RGB.shape}),
    ], statistics=[stats("x 0.3 y 0.2", lambda: L.RandomShear(x_factor=0.3, y_factor=0.2, seed=3))])
    start = np.array([[[0, 0], [3, 0], [0, 3], [3, 3]]] * n, np.float32)
    end = np.array([[[0.5, 0.2], [2.8, -0.3], [-0.2, 3.4], [3.3, 2.6]], [[0, 0], [3, 0], [0, 3], [3, 3]]], np.float32)
    keras.backend.clear_session()
    persp = {"name": "given corners", "inputs": [arr(RGB)], "start_points": arr(start), "end_points": arr(end),
             "outputs": [arr(keras.ops.image.perspective_transform(RGB, start, end, fill_value=0.0))],
             "nearest": arr(keras.ops.image.perspective_transform(RGB, start, end, interpolation="nearest",
                                                                  fill_value=5.0))}
    if want("RandomPerspective"): write("RandomPerspective", [
        case("inference is identity", lambda: L.RandomPerspective(seed=1), RGB, False),
        case("scale 0", lambda: L.RandomPerspective(factor=(1.0, 1.0), scale=0.0, seed=1), RGB, True),
        case("factor 0 never", lambda: L.RandomPerspective(factor=0.0, seed=1), RGB, True),
    ], transforms=[persp], statistics=[stats("scale 0.5", lambda: L.RandomPerspective(scale=0.5, seed=3))])
    image = gc.uniform(5, (4, 5), 0, 255)
    coords = gc.uniform(6, (2, 4, 5), -3, 8)
    keras.backend.clear_session()
    maps = {"name": "map_coordinates", "inputs": [arr(image)], "coordinates": arr(coords)}
    for mode in ("constant", "nearest", "wrap", "mirror", "reflect"):
        for order in (0, 1):
            if mode == "mirror":
                continue  # Keras' mirror can index one past the edge (an error on CPU)
            maps[f"{mode}_{order}"] = arr(keras.ops.image.map_coordinates(image, coords, order, fill_mode=mode,
                                                                          fill_value=9.0))
    if want("RandomElasticTransform"): write("RandomElasticTransform", [
        case("inference is identity", lambda: L.RandomElasticTransform(seed=1), RGB, False),
        case("factor 0 never", lambda: L.RandomElasticTransform(factor=0.0, seed=1), RGB, True),
        case("scale 0 never", lambda: L.RandomElasticTransform(scale=0.0, seed=1), RGB, True),
    ], transforms=[maps], statistics=[
        stats("defaults", lambda: L.RandomElasticTransform(seed=3), x=gc.uniform(4, (1, 16, 16, 3), 0, 255), batch=8,
              calls=100),
        # 40 x 40 with scale (1, 1): sigma 2, a 13-tap blur of the field, alpha 4
        stats("scale 1 blurred field", lambda: L.RandomElasticTransform(factor=(1.0, 1.0), scale=(1.0, 1.0),
                                                                        fill_mode="nearest", seed=3),
              x=np.tile(np.linspace(0, 255, 40, dtype=np.float32)[None, None, :, None], (1, 40, 1, 1)), batch=4,
              calls=60),
    ])
    two = np.concatenate([np.zeros((1, 4, 4, 3), np.float32), np.full((1, 4, 4, 3), 100.0, np.float32)])
    if want("MixUp"): write("MixUp", [
        case("inference is identity", lambda: MixUpNoSeed(), RGB, False),
        case("one image mixes with itself", lambda: L.MixUp(seed=1), RGB[:1], True),
    ], statistics=[stats("alpha 0.2 two images", lambda: L.MixUp(seed=3), x=two, batch=1, calls=400),
                   stats("alpha 1 two images", lambda: L.MixUp(alpha=1.0, seed=3), x=two, batch=1, calls=400)])
    if want("CutMix"): write("CutMix", [
        case("inference is identity", lambda: L.CutMix(seed=1), RGB, False),
        case("one image mixes with itself", lambda: L.CutMix(seed=1), RGB[:1], True),
    ], statistics=[stats("defaults two images", lambda: L.CutMix(seed=3), x=two, batch=1, calls=400),
                   stats("factor (1, 1) two images", lambda: L.CutMix(factor=(1.0, 1.0), seed=3), x=two, batch=1,
                         calls=400)])
    if want("AugMix"): write("AugMix", [
        case("inference is identity", lambda: L.AugMix(seed=1), RGB, False),
    ], statistics=[stats("defaults", lambda: L.AugMix(seed=3), batch=4, calls=300)])
    if want("RandAugment"): write("RandAugment", [
        case("inference is identity", lambda: L.RandAugment(seed=1), RGB, False),
    ], statistics=[stats("defaults", lambda: L.RandAugment(seed=3), batch=4, calls=800)])


def MixUpNoSeed():  # noqa: N802
    return L.MixUp(seed=1)


if __name__ == "__main__":
    main(set(sys.argv[1:]))  # optional class names: rewrite only those files
