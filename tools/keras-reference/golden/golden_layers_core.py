"""Writes golden/layers/<ClassName>.json for the core layers of keras4j issue 9, item 7.

Identity, AlphaDropout, SpatialDropout3D, RMSNormalization, AdaptiveAveragePooling1D/2D/3D,
AdaptiveMaxPooling1D/2D/3D, CenterCrop, Resizing, EinsumDense, SpectralNormalization: the same case format as
golden_layers.py (whose case() this reuses): {"name", "config", "inputs", "weights", "training", "outputs"}.

Run from the repository root:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/golden_layers_core.py [ClassName ...]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden_common as g  # noqa: E402
from golden_common import keras  # noqa: E402
from golden_layers import SEED, _weight_values, case, x  # noqa: E402

L = keras.layers


def identity():
    return [
        case("rank2", lambda: L.Identity(), [x((2, 3))]),
        case("rank4", lambda: L.Identity(), [x((1, 2, 2, 3), seed=1)]),
    ]


def alpha_dropout():
    # inference: the identity (training draws from Keras' own generator, not reproducible in keras4j)
    return [
        case("inference", lambda: L.AlphaDropout(0.3, seed=1), [x((2, 4))]),
        case("noise_shape_inference", lambda: L.AlphaDropout(0.5, noise_shape=(None, 1, 3), seed=2),
             [x((2, 2, 3), seed=1)]),
    ]


def spatial_dropout3d():
    return [
        case("inference", lambda: L.SpatialDropout3D(0.4, seed=1), [x((1, 2, 2, 2, 3))]),
        case("channels_first_inference", lambda: L.SpatialDropout3D(0.4, data_format="channels_first", seed=1),
             [x((1, 3, 2, 2, 2), seed=1)]),
    ]


def rms_normalization():
    return [
        case("default", lambda: L.RMSNormalization(), [x((2, 5))]),
        case("rank3_eps", lambda: L.RMSNormalization(epsilon=1e-3), [x((2, 3, 4), seed=1, scale=0.1)]),
        case("axes_1_2", lambda: L.RMSNormalization(axis=[1, 2]), [x((2, 3, 4), seed=2)]),
        case("axis_negative2", lambda: L.RMSNormalization(axis=[-2, -1]), [x((2, 2, 3), seed=3)]),
    ]


def adaptive(kind, rank):
    cls = getattr(L, f"Adaptive{kind}Pooling{rank}D")
    if rank == 1:
        return [
            case("7_to_3", lambda: cls(3), [x((2, 7, 2))]),
            case("5_to_3", lambda: cls([3]), [x((1, 5, 2), seed=1)]),
            case("10_to_4", lambda: cls(4), [x((1, 10, 1), seed=2)]),
            case("2_to_3_upsamples", lambda: cls(3), [x((1, 2, 2), seed=3)]),
            case("channels_first", lambda: cls(2, data_format="channels_first"), [x((1, 2, 5), seed=4)]),
        ]
    if rank == 2:
        return [
            case("5x7_to_3x2", lambda: cls((3, 2)), [x((2, 5, 7, 2))]),
            case("int_size", lambda: cls(3), [x((1, 4, 6, 1), seed=1)]),
            case("channels_first", lambda: cls((2, 4), data_format="channels_first"), [x((1, 2, 5, 6), seed=2)]),
        ]
    return [
        case("4x5x3_to_2x3x2", lambda: cls((2, 3, 2)), [x((1, 4, 5, 3, 2))]),
        case("channels_first", lambda: cls(2, data_format="channels_first"), [x((1, 2, 3, 5, 4), seed=1)]),
    ]


def center_crop():
    return [
        case("crop", lambda: L.CenterCrop(3, 4), [x((2, 5, 7, 2))]),
        case("odd_margins", lambda: L.CenterCrop(2, 2), [x((1, 5, 4, 1), seed=1)]),
        case("smaller_input_smart_resize", lambda: L.CenterCrop(6, 4), [x((1, 4, 5, 2), seed=2)]),
        case("channels_first", lambda: L.CenterCrop(2, 3, data_format="channels_first"), [x((1, 2, 4, 5), seed=3)]),
    ]


def resizing():
    img = [x((2, 5, 7, 2))]
    cases = [case(f"{m}_down", lambda m=m: L.Resizing(3, 4, interpolation=m), img)
             for m in ("bilinear", "nearest", "bicubic", "area", "lanczos3", "lanczos5")]
    cases += [case(f"{m}_up", lambda m=m: L.Resizing(6, 9, interpolation=m), [x((1, 3, 4, 1), seed=1)])
              for m in ("bilinear", "nearest", "bicubic", "lanczos3")]
    cases += [
        case("bilinear_antialias", lambda: L.Resizing(2, 3, antialias=True), img),
        case("bicubic_antialias", lambda: L.Resizing(2, 3, interpolation="bicubic", antialias=True), img),
        case("crop_to_aspect_ratio", lambda: L.Resizing(4, 4, crop_to_aspect_ratio=True), img),
        case("crop_to_aspect_ratio_tall", lambda: L.Resizing(6, 2, crop_to_aspect_ratio=True), img),
        case("pad_to_aspect_ratio", lambda: L.Resizing(4, 4, pad_to_aspect_ratio=True, fill_value=0.5), img),
        case("pad_to_aspect_ratio_wide", lambda: L.Resizing(2, 6, pad_to_aspect_ratio=True), img),
        case("channels_first", lambda: L.Resizing(3, 2, data_format="channels_first"), [x((1, 2, 5, 4), seed=2)]),
    ]
    return cases


def einsum_dense():
    k = dict(kernel_initializer=keras.initializers.GlorotUniform(seed=1))
    return [
        case("ab_bc_ac", lambda: L.EinsumDense("ab,bc->ac", 4, bias_axes="c", **k), [x((2, 3))]),
        case("no_bias", lambda: L.EinsumDense("ab,bc->ac", 2, **k), [x((2, 3), seed=1)]),
        case("abc_cd_abd_relu", lambda: L.EinsumDense("abc,cd->abd", (None, 5), bias_axes="d", activation="relu", **k),
             [x((2, 3, 4), seed=2)]),
        case("abc_cde_abde", lambda: L.EinsumDense("abc,cde->abde", (None, 2, 3), bias_axes="de", **k),
             [x((2, 3, 4), seed=3)]),
        case("bias_b_of_abd", lambda: L.EinsumDense("abc,cd->abd", (3, 2), bias_axes="b", **k),
             [x((2, 3, 4), seed=4)]),
        case("left_elided", lambda: L.EinsumDense("...b,bc->...c", 3, bias_axes="c", **k), [x((2, 3, 4), seed=5)]),
        # Keras' symbolic shape reverses the elided axes here ((None, 3, 2, 3)); its computed output is (2, 2, 3, 3)
        case("left_elided_rank4", lambda: L.EinsumDense("...b,bc->...c", 3, bias_axes="c", **k),
             [x((2, 2, 3, 4), seed=8)]),
        case("right_elided", lambda: L.EinsumDense("ab...,bc->ac...", 5, bias_axes="c", **k), [x((2, 3, 4), seed=6)]),
        case("contract_two_axes", lambda: L.EinsumDense("abcd,cde->abe", (None, 2), bias_axes="e", activation="tanh",
                                                        **k), [x((2, 2, 3, 2), seed=7)]),
    ]


def spectral_case(name, make, inputs, training):
    """A case whose "weights" are those before the call and "weights_after" those after it: a training call assigns
    the normalized kernel and the new vector_u (golden_layers.case records the weights after the call)."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    layer = make()
    layer(inputs[0])
    layer.set_weights(_weight_values(layer, 7))
    before = [g.arr(w) for w in layer.get_weights()]
    out = layer(inputs[0], training=training)
    return {
        "name": name,
        "config": layer.get_config(),
        "inputs": [g.arr(v) for v in inputs],
        "weights": before,
        "training": training,
        "outputs": [g.arr(out)],
        "weights_after": [g.arr(w) for w in layer.get_weights()],
    }


def spectral_normalization():
    k = dict(kernel_initializer=keras.initializers.GlorotUniform(seed=1))
    return [
        spectral_case("dense_training", lambda: L.SpectralNormalization(L.Dense(3, **k)), [x((2, 4))], True),
        spectral_case("dense_three_iterations", lambda: L.SpectralNormalization(L.Dense(3, **k), power_iterations=3),
                      [x((2, 4), seed=1)], True),
        spectral_case("dense_inference", lambda: L.SpectralNormalization(L.Dense(3, **k)), [x((2, 4), seed=2)],
                      False),
        spectral_case("conv2d_training", lambda: L.SpectralNormalization(L.Conv2D(2, 2, **k)),
                      [x((1, 3, 3, 2), seed=3)], True),
    ]


FAMILIES = {
    "Identity": identity,
    "AlphaDropout": alpha_dropout,
    "SpatialDropout3D": spatial_dropout3d,
    "RMSNormalization": rms_normalization,
    "CenterCrop": center_crop,
    "Resizing": resizing,
    "EinsumDense": einsum_dense,
    "SpectralNormalization": spectral_normalization,
    **{f"Adaptive{k}Pooling{r}D": (lambda k=k, r=r: adaptive(k, r)) for k in ("Average", "Max") for r in (1, 2, 3)},
}


def main(names):
    for cls, fn in sorted(FAMILIES.items()):
        if names and cls not in names:
            continue
        print(g.write("layers", cls, fn()))


if __name__ == "__main__":
    main(sys.argv[1:])
