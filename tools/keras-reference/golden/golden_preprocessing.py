"""Golden cases of Keras 3.15.1's preprocessing layers (golden/layers/<ClassName>.json).

Each case: {name, config (get_config), inputs: [arr], weights: [arr], training: false, outputs: [arr]}; adapted
layers add "adapt_data": arr (the data adapt() saw; not "adapt", which LayerGoldenTest applies to
Normalization). Integer outputs keep their dtype. Cases that cannot run through a model as
io.keras4j.golden.LayerGoldenTest runs golden/layers (an adapted vocabulary, which is neither config nor weights;
an output without a batch axis) go to golden/layers-direct/<ClassName>.json, run by PreprocessingGoldenTest.
Run from the repository root:

    KERAS_BACKEND=tensorflow /work/venv-keras/bin/python tools/keras-reference/golden/golden_preprocessing.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from golden_common import arr, normal, uniform, write  # noqa: E402
import keras  # noqa: E402
import numpy as np  # noqa: E402

L = keras.layers


def case(name, make, inputs, adapt=None, call_kwargs=None):
    keras.backend.clear_session()
    layer = make()
    if adapt is not None:
        layer.adapt(adapt)
    xs = [np.asarray(x) for x in inputs]
    out = layer(xs[0] if len(xs) == 1 else xs, **(call_kwargs or {}))
    c = {
        "name": name,
        "config": layer.get_config(),
        "inputs": [arr(x) for x in xs],
        "weights": [arr(w) for w in layer.get_weights()],
        "training": False,
        "outputs": [arr(out)],
    }
    if adapt is not None:
        c["adapt_data"] = arr(np.asarray(adapt))
    return c


def category_encoding():
    ids = np.array([[0, 1], [0, 0], [1, 2], [3, 1]], dtype="int64")
    cases = [
        case("one_hot_docstring", lambda: L.CategoryEncoding(num_tokens=4, output_mode="one_hot"),
             [np.array([3, 2, 0, 1], dtype="int64")]),
        case("one_hot_last_axis_1", lambda: L.CategoryEncoding(num_tokens=5, output_mode="one_hot"),
             [np.array([[4], [0], [2]], dtype="int32")]),
        case("multi_hot_docstring", lambda: L.CategoryEncoding(num_tokens=4, output_mode="multi_hot"), [ids]),
        case("count", lambda: L.CategoryEncoding(num_tokens=4, output_mode="count"), [ids]),
        case("multi_hot_rank3", lambda: L.CategoryEncoding(num_tokens=3),
             [np.array([[[0, 1], [2, 2], [1, 1]], [[2, 0], [0, 0], [1, 2]]], dtype="int64")]),
    ]
    # count_weights is a call argument: recorded as a second input
    keras.backend.clear_session()
    layer = L.CategoryEncoding(num_tokens=4, output_mode="count")
    w = np.array([[.1, .2], [.1, .1], [.2, .3], [.4, .2]], dtype="float32")
    out = layer(ids, count_weights=w)
    cases.append({"name": "count_weights_docstring", "config": layer.get_config(), "inputs": [arr(ids), arr(w)],
                  "weights": [], "training": False, "outputs": [arr(out)]})
    write("layers", "CategoryEncoding", cases)
    # a vector is one sample: the output (6,) has no batch axis, so it cannot run through a model
    write("layers-direct", "CategoryEncoding", [
        case("multi_hot_vector", lambda: L.CategoryEncoding(num_tokens=6), [np.array([5, 1, 1], dtype="int64")])])


def discretization():
    x = np.array([[-1.5, 1.0, 3.4, .5], [0.0, 3.0, 1.3, 0.0]], dtype="float32")
    cases = [case("int_docstring", lambda: L.Discretization(bin_boundaries=[0., 1., 2.]), [x])]
    for mode in ("one_hot", "multi_hot", "count"):
        cases.append(case(mode, lambda m=mode: L.Discretization(bin_boundaries=[0., 1., 2.], output_mode=m), [x]))
    cases.append(case("adapt_docstring", lambda: L.Discretization(num_bins=4, epsilon=0.01), [x], adapt=x))
    data = normal(7, (300,), 2.0)
    cases.append(case("adapt_300_normal", lambda: L.Discretization(num_bins=5, epsilon=0.01),
                      [uniform(8, (3, 4), -4, 4)], adapt=data))
    data = np.round(uniform(9, (40, 3), 0, 10)).astype("float32")
    cases.append(case("adapt_ties_coarse_epsilon", lambda: L.Discretization(num_bins=3, epsilon=0.1),
                      [uniform(10, (2, 5), 0, 10)], adapt=data))
    write("layers", "Discretization", cases)


def hashing():
    ints = np.array([[0], [1], [2], [3], [4]], dtype="int64")
    # values exact in float32, as keras4j models feed float32 inputs
    big = np.array([[-7, 12345678], [2**40, 0], [99, -1]], dtype="int64")
    floats = np.array([[1.7, -2.2, 0.0], [3.0, 3.9, -0.5]], dtype="float32")
    cases = [
        case("farmhash_docstring", lambda: L.Hashing(num_bins=3), [ints]),
        case("farmhash_int64_many_bins", lambda: L.Hashing(num_bins=1000), [big]),
        case("int32_inputs", lambda: L.Hashing(num_bins=7), [big.astype("int32") % 1000]),
        case("floats_truncated", lambda: L.Hashing(num_bins=5), [floats]),
        case("mask_value_docstring", lambda: L.Hashing(num_bins=3, mask_value=0), [ints]),
        case("salt_docstring", lambda: L.Hashing(num_bins=3, salt=133), [ints]),
        case("salt_pair_mask", lambda: L.Hashing(num_bins=11, salt=[5, 9], mask_value=-1), [big]),
        case("one_hot", lambda: L.Hashing(num_bins=4, output_mode="one_hot"), [ints]),
        case("multi_hot", lambda: L.Hashing(num_bins=6, output_mode="multi_hot"), [big]),
        case("count", lambda: L.Hashing(num_bins=3, output_mode="count"), [big]),
    ]
    write("layers", "Hashing", cases)


def hashed_crossing():
    a = np.array([1, 2, 1, 2, 1], dtype="int64")
    b = np.array([10, 10, 20, 20, 30], dtype="int64")
    cases = [
        case("int_vectors", lambda: L.HashedCrossing(num_bins=5), [a, b]),
        case("int_columns", lambda: L.HashedCrossing(num_bins=1000), [a[:, None], (b * 7)[:, None]]),
        case("three_features_int32", lambda: L.HashedCrossing(num_bins=17),
             [a.astype("int32"), b.astype("int32"), (a * b).astype("int32")]),
        case("one_hot", lambda: L.HashedCrossing(num_bins=4, output_mode="one_hot"), [a[:, None], b[:, None]]),
    ]
    write("layers", "HashedCrossing", cases)


def integer_lookup():
    vocab = [12, 36, 1138, 42]
    x = np.array([[12, 1138, 42], [42, 1000, 36]], dtype="int64")
    oov = np.array([[12, -5, 7], [1000, 36, -1]], dtype="int64")
    idx = np.array([[0, 1, 2, 3], [4, 5, 6, -2]], dtype="int64")
    IL = L.IntegerLookup
    cases = [
        case("vocabulary_docstring", lambda: IL(vocabulary=vocab), [x]),
        case("int32_inputs", lambda: IL(vocabulary=vocab), [x.astype("int32")]),
        case("float_inputs_truncated", lambda: IL(vocabulary=vocab), [np.array([[12.7, 36.0, -1.5]], "float32")]),
        case("mask_token", lambda: IL(vocabulary=vocab, mask_token=0), [np.array([[12, 0, 42], [0, 5, 36]])]),
        case("vocabulary_with_special_tokens", lambda: IL(vocabulary=[0, -1, 12, 36], mask_token=0),
             [np.array([[12, 0, 36, 5]])]),
        case("two_oov_floormod", lambda: IL(vocabulary=vocab, num_oov_indices=2), [oov]),
        case("three_oov_farmhash", lambda: IL(vocabulary=vocab, num_oov_indices=3, oov_method="farmhash"), [oov]),
        case("three_oov_farmhash_salt", lambda: IL(vocabulary=vocab, num_oov_indices=3, oov_method="farmhash",
                                                   salt=[3, 4]), [oov]),
        case("no_oov", lambda: IL(vocabulary=vocab, num_oov_indices=0), [x[:, :1]]),
        case("invert", lambda: IL(vocabulary=vocab, invert=True), [idx]),
        case("invert_mask", lambda: IL(vocabulary=vocab, invert=True, mask_token=0, oov_token=-7), [idx]),
        case("one_hot", lambda: IL(vocabulary=vocab, output_mode="one_hot"), [np.array([12, 1138, 5, 42])]),
        case("multi_hot", lambda: IL(vocabulary=vocab, output_mode="multi_hot"), [x]),
        case("multi_hot_mask_padded", lambda: IL(vocabulary=vocab, output_mode="multi_hot", mask_token=0,
                                                 max_tokens=8, pad_to_max_tokens=True),
             [np.array([[12, 0, 42], [0, 0, 9]])]),
        case("count", lambda: IL(vocabulary=vocab, output_mode="count"), [np.array([[12, 12, 42, 7], [7, 7, 7, 36]])]),
        case("tf_idf", lambda: IL(vocabulary=vocab, output_mode="tf_idf", idf_weights=[0.25, 0.75, 0.6, 0.4]),
             [np.array([[12, 1138, 12], [42, 1000, 36]])]),
    ]
    write("layers", "IntegerLookup", cases)
    data = np.array([[12, 1138, 42], [42, 1000, 36], [12, 12, 99]], dtype="int64")
    adapted = [
        case("adapt_max_tokens", lambda: IL(max_tokens=5), [x], adapt=data),
        case("adapt_vector", lambda: IL(), [x], adapt=data.reshape(-1)),
        case("adapt_mask_oov_removed", lambda: IL(mask_token=12, num_oov_indices=2), [x],
             adapt=np.array([[12, -1, 42], [42, -1, 36]])),
        case("adapt_tf_idf", lambda: IL(output_mode="tf_idf"), [x], adapt=data),
        case("adapt_multi_hot_padded", lambda: IL(output_mode="multi_hot", max_tokens=6, pad_to_max_tokens=True), [x],
             adapt=data),
    ]
    write("layers-direct", "IntegerLookup", adapted)
    # a Keras .keras file with an adapted IntegerLookup: its vocabulary is an asset (assets/.../vocabulary.txt);
    # float32 input, as keras4j models feed (IntegerLookup casts to int64)
    keras.backend.clear_session()
    layer = IL(max_tokens=5, name="lookup")
    layer.adapt(data)
    model = keras.Sequential([keras.Input((3,)), layer])
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..", "keras4j", "src", "test",
                        "resources", "io", "keras4j", "saving", "integer_lookup_adapted.keras")
    model.save(path)
    # tf_idf: the IDF weights are saved under layers/lookup/vars/idf_weights, the vocabulary as an asset
    keras.backend.clear_session()
    layer = IL(output_mode="tf_idf", name="lookup")
    layer.adapt(data)
    model = keras.Sequential([keras.Input((3,)), layer])
    model.save(path.replace("integer_lookup_adapted", "integer_lookup_tf_idf_adapted"))


def pipeline():
    x = np.array([[-1.5, 1.0, 3.4], [0.5, 0.0, 3.0]], dtype="float32")
    cases = [
        case("rescale_discretize_encode", lambda: L.Pipeline([
            L.Rescaling(0.5, offset=1.0), L.Discretization(bin_boundaries=[0., 1., 2.]),
            L.CategoryEncoding(num_tokens=4, output_mode="count")]), [x]),
        case("rescaling_dense", lambda: L.Pipeline([
            L.Rescaling(2.0), L.Dense(2, kernel_initializer=keras.initializers.RandomNormal(seed=3),
                                      bias_initializer="ones")]), [x]),
        case("hashing_then_lookup", lambda: L.Pipeline([
            L.Hashing(num_bins=50), L.IntegerLookup(vocabulary=[21, 9, 37])]),
             [np.array([[1, 2, 3, 4, 5, 6]], dtype="int64")]),
    ]
    write("layers", "Pipeline", cases)


def stft_spectrogram():
    S = L.STFTSpectrogram
    x = normal(11, (2, 40, 1))
    x2 = normal(12, (2, 24, 2))
    cases = [case(m, lambda m=m: S(mode=m, frame_length=8), [x])
             for m in ("log", "magnitude", "psd", "real", "imag", "angle", "stft")]
    cases += [
        case("step3_fft16_same", lambda: S(mode="magnitude", frame_length=8, frame_step=3, fft_length=16,
                                           padding="same"), [x]),
        case("two_channels", lambda: S(mode="log", frame_length=6, frame_step=2), [x2]),
        case("two_channels_expand_dims", lambda: S(mode="stft", frame_length=6, frame_step=2, expand_dims=True),
             [x2]),
        case("hamming_periodic_spectrum", lambda: S(mode="psd", frame_length=8, window="hamming", periodic=True,
                                                    scaling="spectrum"), [x]),
        case("no_window_no_scaling", lambda: S(mode="real", frame_length=4, window=None, scaling=None), [x2]),
    ]
    write("layers", "STFTSpectrogram", cases)


def mel_spectrogram():
    M = L.MelSpectrogram
    t = np.arange(200, dtype="float32") / 8000.0
    tone = (np.sin(2 * np.pi * 440 * t) + 0.5 * np.sin(2 * np.pi * 1800 * t)).astype("float32")
    audio = np.stack([tone, normal(13, (200,), 0.3)])
    small = dict(fft_length=64, sequence_stride=16, sampling_rate=8000, num_mel_bins=10)
    cases = [
        case("db_default_scales", lambda: M(**small), [audio]),
        case("power_no_db", lambda: M(power_to_db=False, **small), [audio]),
        case("magnitude_hamming_short_window", lambda: M(mag_exp=1.0, window="hamming", sequence_length=48,
                                                         power_to_db=False, **small), [audio]),
        case("db_top_db_ref_power", lambda: M(top_db=20.0, ref_power=2.0, min_freq=100.0, max_freq=3000.0,
                                              **small), [audio]),
    ]
    for c in cases:
        if c["config"]["power_to_db"]:
            c["atol"] = 1e-2
            c["tolerance_reason"] = ("decibels of powers far below the peak: keras4j's DFT as a convolution and "
                                     "TensorFlow's FFT round differently in float32 (errors of ~1e-7 of the peak "
                                     "power are ~1e-3 dB at -45 dB); the powers themselves match at 1e-5")
    write("layers", "MelSpectrogram", cases)


if __name__ == "__main__":
    only = set(sys.argv[1:])
    for fn in (category_encoding, discretization, hashing, hashed_crossing, integer_lookup, pipeline, stft_spectrogram, mel_spectrogram):
        if not only or fn.__name__ in only:
            fn()
            print("wrote", fn.__name__)
