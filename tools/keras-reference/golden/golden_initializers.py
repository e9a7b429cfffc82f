"""Writes golden/initializers/<ClassName>.json: Keras 3.15.1 initializer draws for every initializer class keras4j
registers (io.keras4j.initializers.Initializers).

Each case: {"name", "config" (the full get_config(), seeded), "shape", "kind", ...}:
  kind "values":     "values" (the exact array; Zeros, Ones, Constant, Identity);
  kind "orthogonal": "gram" (W W^T when W has fewer rows than columns, else W^T W, W the (prod(shape[:-1]),
                     shape[-1]) matrix: gain^2 times the identity);
  kind "statistics": "mean", "std", "min", "max" of Keras' draw on a large shape, plus "bound" ([low, high], the
                     values' hard limits: the clip bound of truncated normals, the limits of uniforms; null for
                     untruncated normals).
Random draws differ between Keras and keras4j for the same seed, so only the distribution is compared.
Run from the repository root:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/golden_initializers.py
"""

import math
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden_common as g  # noqa: E402
from golden_common import keras, np  # noqa: E402

I = keras.initializers
BIG = (400, 300)
CONV = (3, 3, 40, 50)
TRUNC = 0.87962566103423978  # std of a unit normal truncated at +-2


def draw(init, shape):
    return np.asarray(keras.ops.convert_to_numpy(init(shape)), dtype="float64")


def values(name, make, shape):
    keras.backend.clear_session()
    init = make()
    return {"name": name, "config": init.get_config(), "shape": list(shape), "kind": "values",
            "values": g.arr(np.asarray(keras.ops.convert_to_numpy(init(shape))))}


def stats(name, make, shape, bound):
    keras.backend.clear_session()
    init = make()
    v = draw(init, shape)
    if bound is not None:
        assert bound[0] - 1e-6 <= v.min() and v.max() <= bound[1] + 1e-6, (name, v.min(), v.max(), bound)
    return {"name": name, "config": init.get_config(), "shape": list(shape), "kind": "statistics",
            "mean": float(v.mean()), "std": float(v.std()), "min": float(v.min()), "max": float(v.max()),
            "bound": None if bound is None else [float(bound[0]), float(bound[1])]}


def orthogonal(name, make, shape):
    keras.backend.clear_session()
    init = make()
    v = draw(init, shape)
    w = v.reshape(-1, shape[-1])
    gram = w @ w.T if w.shape[0] < w.shape[1] else w.T @ w
    return {"name": name, "config": init.get_config(), "shape": list(shape), "kind": "orthogonal",
            "gram": g.arr(gram.astype("float32"))}


def fans(shape):
    if len(shape) == 2:
        return shape[0], shape[1]
    r = math.prod(shape[:-2])
    return shape[-2] * r, shape[-1] * r


def vs_bound(scale, mode, distribution, shape):
    fi, fo = fans(shape)
    n = {"fan_in": fi, "fan_out": fo, "fan_avg": (fi + fo) / 2}[mode]
    s = scale / max(1.0, n)
    if distribution == "truncated_normal":
        b = 2 * math.sqrt(s) / TRUNC
        return [-b, b]
    if distribution == "uniform":
        b = math.sqrt(3 * s)
        return [-b, b]
    return None


def variance_scaling_family():
    out = {}
    named = {"GlorotNormal": (1.0, "fan_avg", "truncated_normal"), "GlorotUniform": (1.0, "fan_avg", "uniform"),
             "HeNormal": (2.0, "fan_in", "truncated_normal"), "HeUniform": (2.0, "fan_in", "uniform"),
             "LecunNormal": (1.0, "fan_in", "truncated_normal"), "LecunUniform": (1.0, "fan_in", "uniform")}
    for cls, (scale, mode, dist) in named.items():
        k = getattr(I, cls)
        out[cls] = [stats("dense", lambda k=k: k(seed=3), BIG, vs_bound(scale, mode, dist, BIG)),
                    stats("conv", lambda k=k: k(seed=4), CONV, vs_bound(scale, mode, dist, CONV))]
    vs = []
    for mode in ["fan_in", "fan_out", "fan_avg"]:
        for dist in ["truncated_normal", "untruncated_normal", "uniform"]:
            vs.append(stats(f"{mode}_{dist}",
                            lambda m=mode, d=dist: I.VarianceScaling(scale=2.5, mode=m, distribution=d, seed=5),
                            BIG, vs_bound(2.5, mode, dist, BIG)))
    vs.append(stats("conv_fan_out_uniform",
                    lambda: I.VarianceScaling(scale=0.5, mode="fan_out", distribution="uniform", seed=6),
                    CONV, vs_bound(0.5, "fan_out", "uniform", CONV)))
    out["VarianceScaling"] = vs
    return out


def with_gain(case, gain):
    """Keras 3.15.1's Identity.get_config() is {} and drops the gain; the case states the gain that made the values
    (keras4j writes and reads "gain" when it is not 1)."""
    assert "gain" not in case["config"]
    case["config"]["gain"] = gain
    case["config_note"] = "gain added by the generator: Keras 3.15.1's Identity.get_config() omits it"
    return case


def main():
    files = {
        "Zeros": [values("matrix", lambda: I.Zeros(), (3, 4)), values("rank3", lambda: I.Zeros(), (2, 3, 2))],
        "Ones": [values("matrix", lambda: I.Ones(), (3, 4)), values("rank3", lambda: I.Ones(), (2, 3, 2))],
        "Constant": [values("positive", lambda: I.Constant(0.7), (3, 4)),
                     values("negative_rank3", lambda: I.Constant(-2.5), (2, 3, 2))],
        "Identity": [values("square", lambda: I.Identity(), (3, 3)),
                     with_gain(values("wide_gain", lambda: I.Identity(gain=2.5), (3, 5)), 2.5),
                     with_gain(values("tall", lambda: I.Identity(gain=0.5), (5, 3)), 0.5)],
        "Orthogonal": [orthogonal("wide_gain", lambda: I.Orthogonal(gain=1.5, seed=1), (4, 6)),
                       orthogonal("tall", lambda: I.Orthogonal(seed=2), (6, 4)),
                       orthogonal("conv_gain", lambda: I.Orthogonal(gain=2.0, seed=3), (3, 3, 2, 4)),
                       orthogonal("big_square", lambda: I.Orthogonal(seed=4), (60, 60))],
        "RandomNormal": [stats("default", lambda: I.RandomNormal(seed=1), BIG, None),
                         stats("mean_stddev", lambda: I.RandomNormal(mean=0.5, stddev=2.0, seed=2), BIG, None)],
        "RandomUniform": [stats("default", lambda: I.RandomUniform(seed=1), BIG, [-0.05, 0.05]),
                          stats("range", lambda: I.RandomUniform(minval=-0.3, maxval=0.9, seed=2), BIG,
                                [-0.3, 0.9])],
        "TruncatedNormal": [stats("default", lambda: I.TruncatedNormal(seed=1), BIG, [-0.1, 0.1]),
                            stats("mean_stddev", lambda: I.TruncatedNormal(mean=0.1, stddev=0.5, seed=2), BIG,
                                  [0.1 - 1.0, 0.1 + 1.0])],
    }
    files.update(variance_scaling_family())
    for cls, cases in sorted(files.items()):
        print(g.write("initializers", cls, cases))


if __name__ == "__main__":
    main()
