"""Writes golden/layers/<ClassName>.json: Keras 3.15.1 layer outputs for every layer class keras4j registers.

Each case: {"name", "config" (the layer's full get_config()), "inputs" (list of arrays, batch axis included),
"weights" (list of arrays in get_weights() order, random non-zero values set with set_weights), "training" (bool),
"outputs" (list of arrays)}; optionally "atol"/"rtol" with a "tolerance_reason".

Run from the repository root:

    KERAS_BACKEND=tensorflow /path/to/venv/bin/python tools/keras-reference/golden/golden_layers.py [ClassName ...]
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import golden_common as g  # noqa: E402
from golden_common import keras, np  # noqa: E402

L = keras.layers
SEED = 1337


def _weight_values(layer, seed):
    """Random non-zero values for each weight; variances positive."""
    values = []
    for i, w in enumerate(layer.weights):
        shape = tuple(w.shape)
        name = w.path.split("/")[-1]
        if "variance" in name:
            values.append(g.uniform(seed + i, shape, 0.5, 1.5))
        elif w.dtype.startswith("int"):
            values.append(np.asarray(keras.ops.convert_to_numpy(w)))
        else:
            values.append(g.normal(seed + i, shape, 0.5))
    return values


def case(name, make, inputs, training=False, set_weights=True, **extra):
    """One case: make() builds the layer after clear_session; inputs a list of numpy arrays."""
    keras.backend.clear_session()
    keras.utils.set_random_seed(SEED)
    layer = make()
    xs = inputs if len(inputs) > 1 else inputs[0]
    layer(xs)  # builds
    if set_weights and layer.weights:
        layer.set_weights(_weight_values(layer, 7))
    out = layer(xs, training=training)
    outs = out if isinstance(out, (list, tuple)) else [out]
    c = {
        "name": name,
        "config": layer.get_config(),
        "inputs": [g.arr(x) for x in inputs],
        "weights": [g.arr(w) for w in layer.get_weights()],
        "training": training,
        "outputs": [g.arr(o) for o in outs],
    }
    c.update(extra)
    return c


def x(shape, seed=0, scale=1.0):
    return g.normal(seed, shape, scale)


# ---- layer families ----

def ki(seed=1):
    return keras.initializers.GlorotUniform(seed=seed)


def dense():
    k = dict(kernel_initializer=ki())
    return [
        case("units3", lambda: L.Dense(3, **k), [x((2, 5))]),
        case("relu", lambda: L.Dense(4, activation="relu", **k), [x((2, 5))]),
        case("no_bias_tanh", lambda: L.Dense(3, use_bias=False, activation="tanh", **k), [x((2, 5))]),
        case("rank3", lambda: L.Dense(2, activation="sigmoid", **k), [x((2, 3, 4))]),
        case("rank4_softmax", lambda: L.Dense(3, activation="softmax", **k), [x((2, 2, 3, 4))]),
        case("regularized_constrained", lambda: L.Dense(
            3, activation="elu", kernel_regularizer=keras.regularizers.L1L2(l1=0.01, l2=0.02),
            bias_regularizer=keras.regularizers.L2(0.1), activity_regularizer=keras.regularizers.L1(0.01),
            kernel_constraint=keras.constraints.MaxNorm(2.0), bias_constraint=keras.constraints.NonNeg(),
            bias_initializer=keras.initializers.Constant(0.3), name="dense_custom", **k), [x((2, 5))]),
        case("frozen", lambda: L.Dense(2, trainable=False, **k), [x((2, 5))]),
    ]


def activation():
    return [case(a, lambda a=a: L.Activation(a), [x((2, 6), scale=3)])
            for a in ["relu", "softmax", "gelu", "selu", "hard_sigmoid", "linear"]]


def dropouts():
    img = x((2, 4, 4, 3))
    seq = x((2, 5, 3))
    return {
        "Dropout": [
            case("inference", lambda: L.Dropout(0.5, seed=1), [x((2, 6))]),
            case("noise_shape_inference", lambda: L.Dropout(0.3, noise_shape=(None, 1), seed=1), [x((2, 6))]),
            case("training_rate0", lambda: L.Dropout(0.0, seed=1), [x((2, 6))], training=True),
        ],
        "SpatialDropout1D": [
            case("inference", lambda: L.SpatialDropout1D(0.5, seed=1), [seq]),
            case("training_rate0", lambda: L.SpatialDropout1D(0.0, seed=1), [seq], training=True),
        ],
        "SpatialDropout2D": [
            case("inference", lambda: L.SpatialDropout2D(0.5, seed=1), [img]),
            case("channels_first_inference",
                 lambda: L.SpatialDropout2D(0.5, data_format="channels_first", seed=1), [img]),
            case("training_rate0", lambda: L.SpatialDropout2D(0.0, seed=1), [img], training=True),
        ],
        "GaussianNoise": [
            case("inference", lambda: L.GaussianNoise(0.7, seed=1), [x((2, 6))]),
            case("training_stddev0", lambda: L.GaussianNoise(0.0, seed=1), [x((2, 6))], training=True),
        ],
        "GaussianDropout": [
            case("inference", lambda: L.GaussianDropout(0.4, seed=1), [x((2, 6))]),
            case("training_rate0", lambda: L.GaussianDropout(0.0, seed=1), [x((2, 6))], training=True),
        ],
    }


def reshaping():
    img = x((2, 4, 4, 3))
    return {
        "Flatten": [
            case("rank4", lambda: L.Flatten(), [img]),
            case("channels_first", lambda: L.Flatten(data_format="channels_first"), [img]),
            case("rank2", lambda: L.Flatten(), [x((2, 5))]),
            case("rank5", lambda: L.Flatten(), [x((2, 2, 3, 2, 2))]),
        ],
        "Reshape": [
            case("explicit", lambda: L.Reshape((4, 3)), [x((2, 12))]),
            case("inferred", lambda: L.Reshape((-1, 2)), [x((2, 3, 4))]),
            case("to_rank4", lambda: L.Reshape((2, 3, 2)), [x((2, 12))]),
            case("inferred_middle", lambda: L.Reshape((2, -1, 3)), [x((2, 4, 3))]),
        ],
        "Permute": [
            case("swap", lambda: L.Permute((2, 1)), [x((2, 3, 4))]),
            case("rotate", lambda: L.Permute((3, 1, 2)), [x((2, 2, 3, 4))]),
            case("identity", lambda: L.Permute((1, 2)), [x((2, 3, 4))]),
        ],
        "RepeatVector": [case("n3", lambda: L.RepeatVector(3), [x((2, 5))])],
    }


def activation_layers():
    v = [x((2, 8), scale=4)]
    return {
        "ReLU": [
            case("default", lambda: L.ReLU(), v),
            case("max_value", lambda: L.ReLU(max_value=2.0), v),
            case("negative_slope", lambda: L.ReLU(negative_slope=0.1), v),
            case("threshold", lambda: L.ReLU(threshold=0.5), v),
            case("all_options", lambda: L.ReLU(max_value=3.0, negative_slope=0.2, threshold=0.5), v),
        ],
        "LeakyReLU": [
            case("default", lambda: L.LeakyReLU(), v),
            case("slope", lambda: L.LeakyReLU(negative_slope=0.05), v),
        ],
        "ELU": [
            case("default", lambda: L.ELU(), v),
            case("alpha", lambda: L.ELU(alpha=0.5), v),
            case("alpha_large", lambda: L.ELU(alpha=2.0), v),
        ],
        "PReLU": [
            case("default", lambda: L.PReLU(), [x((2, 3, 4), scale=2)]),
            case("shared_axes", lambda: L.PReLU(shared_axes=[1, 2]), [x((2, 3, 3, 2), scale=2)]),
            case("shared_axis1", lambda: L.PReLU(shared_axes=[1]), [x((2, 3, 4), scale=2)]),
        ],
        "Softmax": [
            case("last", lambda: L.Softmax(), v),
            case("axis1", lambda: L.Softmax(axis=1), [x((2, 3, 4), scale=3)]),
            case("axes", lambda: L.Softmax(axis=(1, 2)), [x((2, 3, 4), scale=3)]),
            case("rank4_large", lambda: L.Softmax(), [x((2, 2, 2, 5), scale=30)]),
        ],
    }


def simple():
    return {
        "Rescaling": [
            case("scale", lambda: L.Rescaling(1.0 / 255), [x((2, 6), scale=100)]),
            case("offset", lambda: L.Rescaling(2.0, offset=-1.0), [x((2, 3, 3, 2))]),
        ],
        "UnitNormalization": [
            case("last", lambda: L.UnitNormalization(), [x((2, 6))]),
            case("axes", lambda: L.UnitNormalization(axis=[1, 2]), [x((2, 3, 4))]),
        ],
        "ActivityRegularization": [
            case("l1_l2", lambda: L.ActivityRegularization(l1=0.01, l2=0.02), [x((2, 6))]),
        ],
        "Normalization": [
            case("given", lambda: L.Normalization(mean=[1.0, 2.0, 3.0], variance=[2.0, 3.0, 4.0]),
                 [x((2, 3))]),
            case("given_invert", lambda: L.Normalization(mean=[1.0, 2.0, 3.0], variance=[2.0, 3.0, 4.0],
                                                         invert=True), [x((2, 3))]),
            case("given_scalar", lambda: L.Normalization(axis=None, mean=0.5, variance=2.0), [x((2, 4))]),
            case("adapted", lambda: adapted(L.Normalization(), x((10, 3), seed=5, scale=3)), [x((2, 3))],
                 set_weights=False),
            case("adapted_axis1", lambda: adapted(L.Normalization(axis=1), x((10, 4, 3), seed=5)),
                 [x((2, 4, 3))], set_weights=False),
        ],
    }


def adapted(layer, data):
    layer.adapt(data)
    return layer


def merges():
    a, b, c = x((2, 4), 1), x((2, 4), 2), x((2, 4), 3)
    out = {}
    for cls in ["Add", "Multiply", "Average", "Maximum", "Minimum"]:
        k = getattr(L, cls)
        out[cls] = [case("two", lambda k=k: k(), [a, b]), case("three", lambda k=k: k(), [a, b, c])]
    out["Subtract"] = [case("two", lambda: L.Subtract(), [a, b]),
                       case("rank3", lambda: L.Subtract(), [x((2, 3, 2), 4), x((2, 3, 2), 5)])]
    out["Add"].append(case("broadcast", lambda: L.Add(), [x((2, 3, 4), 1), x((2, 1, 4), 2)]))
    out["Multiply"].append(case("rank4", lambda: L.Multiply(), [x((2, 2, 2, 3), 1), x((2, 2, 2, 3), 2)]))
    out["Concatenate"] = [
        case("last", lambda: L.Concatenate(), [x((2, 3), 1), x((2, 4), 2)]),
        case("axis1_three", lambda: L.Concatenate(axis=1), [x((2, 2, 3), 1), x((2, 1, 3), 2), x((2, 3, 3), 3)]),
        case("axis_minus2", lambda: L.Concatenate(axis=-2), [x((2, 2, 3), 1), x((2, 4, 3), 2)]),
    ]
    out["Dot"] = [
        case("axes1", lambda: L.Dot(axes=1), [a, b]),
        case("normalize", lambda: L.Dot(axes=1, normalize=True), [a, b]),
        case("rank3_axes21", lambda: L.Dot(axes=(2, 1)), [x((2, 3, 4), 1), x((2, 4, 5), 2)]),
        case("rank3_axes_list_normalize", lambda: L.Dot(axes=[1, 1], normalize=True),
             [x((2, 3, 4), 1), x((2, 3, 2), 2)]),
        case("rank3_last", lambda: L.Dot(axes=-1), [x((2, 3, 4), 1), x((2, 5, 4), 2)]),
    ]
    return out


def convs():
    k = dict(kernel_initializer=ki())
    s1, s2, s3 = x((2, 7, 3)), x((2, 6, 6, 3)), x((2, 4, 4, 4, 2))
    s2c = x((2, 3, 6, 6))
    return {
        "Conv1D": [
            case("valid", lambda: L.Conv1D(4, 3, **k), [s1]),
            case("same_strides_relu", lambda: L.Conv1D(4, 3, strides=2, padding="same", activation="relu", **k),
                 [s1]),
            case("causal_dilation", lambda: L.Conv1D(2, 2, padding="causal", dilation_rate=2, **k), [s1]),
            case("groups_no_bias", lambda: L.Conv1D(6, 2, groups=3, use_bias=False, **k), [s1]),
            case("channels_first", lambda: L.Conv1D(2, 3, data_format="channels_first", **k), [x((2, 3, 7))]),
            case("same_even_kernel_strides", lambda: L.Conv1D(3, 4, strides=2, padding="same", **k), [s1]),
            case("same_dilation_sigmoid", lambda: L.Conv1D(2, 3, padding="same", dilation_rate=2,
                                                         activation="sigmoid", **k), [s1]),
        ],
        "Conv2D": [
            case("valid", lambda: L.Conv2D(4, 3, **k), [s2]),
            case("same_strides_relu", lambda: L.Conv2D(4, (3, 2), strides=2, padding="same", activation="relu", **k),
                 [s2]),
            case("dilation", lambda: L.Conv2D(2, 2, dilation_rate=2, **k), [s2]),
            case("groups", lambda: L.Conv2D(6, 3, groups=3, padding="same", **k), [s2]),
            case("no_bias_strides", lambda: L.Conv2D(2, 2, strides=(2, 1), use_bias=False, **k), [s2]),
            case("channels_first", lambda: L.Conv2D(2, 3, padding="same", data_format="channels_first", **k), [s2c]),
            case("same_odd_input_strides", lambda: L.Conv2D(3, 2, strides=2, padding="same", **k),
                 [x((2, 7, 5, 3))]),
            case("same_dilation_tanh", lambda: L.Conv2D(2, 3, padding="same", dilation_rate=(2, 1),
                                                      activation="tanh", **k), [s2]),
            case("groups_relu", lambda: L.Conv2D(3, (1, 2), groups=3, activation="relu", **k), [s2]),
        ],
        "Conv3D": [
            case("valid", lambda: L.Conv3D(3, 2, **k), [s3]),
            case("dilation", lambda: L.Conv3D(2, 2, dilation_rate=2, **k), [s3]),
            case("strides_no_bias", lambda: L.Conv3D(2, (2, 1, 2), strides=(1, 2, 2), use_bias=False, **k), [s3]),
            case("same_strides_tanh", lambda: L.Conv3D(2, 3, strides=2, padding="same", activation="tanh", **k),
                 [s3]),
        ],
        "Conv1DTranspose": [
            case("valid", lambda: L.Conv1DTranspose(3, 3, **k), [s1]),
            case("same_strides", lambda: L.Conv1DTranspose(2, 3, strides=2, padding="same", **k), [s1]),
            case("output_padding_relu", lambda: L.Conv1DTranspose(2, 3, strides=2, output_padding=1,
                                                                    activation="relu", **k), [s1]),
        ],
        "Conv2DTranspose": [
            case("valid", lambda: L.Conv2DTranspose(3, 3, **k), [s2]),
            case("same_strides", lambda: L.Conv2DTranspose(2, 3, strides=2, padding="same", **k), [s2]),
            case("output_padding", lambda: L.Conv2DTranspose(2, 3, strides=2, output_padding=1, **k), [s2]),
            case("strides_relu_no_bias", lambda: L.Conv2DTranspose(3, (2, 3), strides=(2, 1), activation="relu",
                                                                     use_bias=False, **k), [s2]),
            case("dilation", lambda: L.Conv2DTranspose(2, 2, dilation_rate=2, **k), [s2]),
            case("channels_first", lambda: L.Conv2DTranspose(2, 2, strides=2, data_format="channels_first", **k),
                 [s2c]),
        ],
        "Conv3DTranspose": [
            case("valid", lambda: L.Conv3DTranspose(2, 2, **k), [s3]),
            case("output_padding", lambda: L.Conv3DTranspose(2, 3, strides=2, output_padding=1, **k), [s3]),
            case("same_strides_sigmoid", lambda: L.Conv3DTranspose(2, 3, strides=2, padding="same",
                                                                     activation="sigmoid", **k), [s3]),
        ],
        "DepthwiseConv1D": [
            case("valid", lambda: L.DepthwiseConv1D(3, depthwise_initializer=ki()), [s1]),
            case("same_multiplier", lambda: L.DepthwiseConv1D(3, depth_multiplier=2, padding="same", strides=2,
                                                                depthwise_initializer=ki()), [s1]),
            case("dilation_relu", lambda: L.DepthwiseConv1D(2, dilation_rate=2, activation="relu",
                                                              depthwise_initializer=ki()), [s1]),
        ],
        "DepthwiseConv2D": [
            case("valid", lambda: L.DepthwiseConv2D(3, depthwise_initializer=ki()), [s2]),
            case("same_multiplier_relu", lambda: L.DepthwiseConv2D(3, depth_multiplier=2, padding="same",
                                                                     activation="relu",
                                                                     depthwise_initializer=ki()), [s2]),
            case("strides_dilation", lambda: L.DepthwiseConv2D(2, strides=1, dilation_rate=2,
                                                                 depthwise_initializer=ki()), [s2]),
        ],
        "SeparableConv1D": [
            case("valid", lambda: L.SeparableConv1D(4, 3), [s1]),
            case("same_multiplier", lambda: L.SeparableConv1D(2, 3, depth_multiplier=2, padding="same",
                                                                activation="relu"), [s1]),
            case("strides_dilation_no_bias", lambda: L.SeparableConv1D(3, 2, dilation_rate=2, use_bias=False),
                 [s1]),
        ],
        "SeparableConv2D": [
            case("valid", lambda: L.SeparableConv2D(4, 3), [s2]),
            case("same_strides_multiplier", lambda: L.SeparableConv2D(2, 3, strides=2, depth_multiplier=2,
                                                                        padding="same", activation="tanh"), [s2]),
            case("dilation", lambda: L.SeparableConv2D(3, 2, dilation_rate=2), [s2]),
        ],
    }


def pooling():
    s1, s2, s3 = x((2, 7, 3)), x((2, 6, 6, 3)), x((2, 4, 4, 4, 2))
    out = {}
    for kind in ["Max", "Average"]:
        p1, p2, p3 = (getattr(L, kind + "Pooling%dD" % d) for d in (1, 2, 3))
        out[kind + "Pooling1D"] = [
            case("pool2", lambda p=p1: p(2), [s1]),
            case("same_strides", lambda p=p1: p(pool_size=3, strides=2, padding="same"), [s1]),
            case("channels_first", lambda p=p1: p(pool_size=2, data_format="channels_first"), [x((2, 3, 7))]),
        ]
        out[kind + "Pooling2D"] = [
            case("pool2", lambda p=p2: p(2), [s2]),
            case("same_strides", lambda p=p2: p(pool_size=(3, 2), strides=(2, 1), padding="same"), [s2]),
            case("valid_3", lambda p=p2: p(pool_size=3, strides=1), [s2]),
            case("channels_first", lambda p=p2: p(2, data_format="channels_first"), [x((2, 3, 6, 6))]),
        ]
        out[kind + "Pooling3D"] = [
            case("pool2", lambda p=p3: p(2), [s3]),
            case("same", lambda p=p3: p(pool_size=3, strides=2, padding="same"), [s3]),
        ]
        g1, g2, g3 = (getattr(L, "Global" + kind + "Pooling%dD" % d) for d in (1, 2, 3))
        out["Global" + kind + "Pooling1D"] = [
            case("default", lambda p=g1: p(), [s1]),
            case("keepdims", lambda p=g1: p(keepdims=True), [s1]),
            case("channels_first", lambda p=g1: p(data_format="channels_first"), [s1]),
        ]
        out["Global" + kind + "Pooling2D"] = [
            case("default", lambda p=g2: p(), [s2]),
            case("keepdims_channels_first", lambda p=g2: p(keepdims=True, data_format="channels_first"), [s2]),
        ]
        out["Global" + kind + "Pooling3D"] = [
            case("default", lambda p=g3: p(), [s3]),
            case("keepdims", lambda p=g3: p(keepdims=True), [s3]),
        ]
    return out


def padding_cropping():
    s1, s2, s3 = x((2, 5, 3)), x((2, 4, 5, 2)), x((2, 3, 4, 3, 2))
    return {
        "ZeroPadding1D": [
            case("default", lambda: L.ZeroPadding1D(), [s1]),
            case("asymmetric", lambda: L.ZeroPadding1D((2, 1)), [s1]),
        ],
        "ZeroPadding2D": [
            case("default", lambda: L.ZeroPadding2D(), [s2]),
            case("asymmetric", lambda: L.ZeroPadding2D(((1, 2), (0, 3))), [s2]),
            case("channels_first", lambda: L.ZeroPadding2D((1, 2), data_format="channels_first"), [s2]),
        ],
        "ZeroPadding3D": [
            case("default", lambda: L.ZeroPadding3D(), [s3]),
            case("asymmetric", lambda: L.ZeroPadding3D(((1, 0), (0, 2), (1, 1))), [s3]),
        ],
        "Cropping1D": [
            case("default", lambda: L.Cropping1D(), [s1]),
            case("asymmetric", lambda: L.Cropping1D((2, 0)), [s1]),
        ],
        "Cropping2D": [
            case("symmetric", lambda: L.Cropping2D(1), [s2]),
            case("asymmetric", lambda: L.Cropping2D(((1, 0), (2, 1))), [s2]),
            case("channels_first", lambda: L.Cropping2D(((0, 1), (1, 0)), data_format="channels_first"),
                 [x((2, 3, 4, 5))]),
        ],
        "Cropping3D": [
            case("default", lambda: L.Cropping3D(), [x((2, 4, 5, 4, 2))]),
            case("asymmetric", lambda: L.Cropping3D(((1, 0), (0, 2), (1, 1))), [x((2, 4, 5, 4, 2))]),
        ],
        "UpSampling1D": [
            case("size2", lambda: L.UpSampling1D(), [s1]),
            case("size3", lambda: L.UpSampling1D(3), [s1]),
        ],
        "UpSampling2D": [
            case("nearest", lambda: L.UpSampling2D(), [s2]),
            case("nearest_size23", lambda: L.UpSampling2D((2, 3)), [s2]),
            case("bilinear", lambda: L.UpSampling2D(2, interpolation="bilinear"), [s2]),
            case("bilinear_size23", lambda: L.UpSampling2D((2, 3), interpolation="bilinear"), [s2]),
            case("channels_first", lambda: L.UpSampling2D(2, data_format="channels_first"), [x((2, 2, 3, 3))]),
        ],
        "UpSampling3D": [
            case("size2", lambda: L.UpSampling3D(), [x((2, 2, 3, 2, 2))]),
            case("size123", lambda: L.UpSampling3D((1, 2, 3)), [x((2, 2, 3, 2, 2))]),
        ],
    }


def normalizations():
    v, img = x((2, 6), scale=2), x((2, 3, 3, 4), scale=2)
    return {
        "BatchNormalization": [
            case("inference", lambda: L.BatchNormalization(), [v]),
            case("inference_axis1", lambda: L.BatchNormalization(axis=1), [x((2, 3, 4))]),
            case("inference_no_center_scale", lambda: L.BatchNormalization(center=False, scale=False,
                                                                             epsilon=0.01), [img]),
            case("training", lambda: L.BatchNormalization(), [x((4, 6), scale=2)], training=True),
            case("training_rank4", lambda: L.BatchNormalization(momentum=0.9), [img], training=True),
            case("training_no_center_scale_eps", lambda: L.BatchNormalization(center=False, scale=False,
                                                                               epsilon=0.1), [img], training=True),
            case("training_axis1", lambda: L.BatchNormalization(axis=1), [x((3, 4, 5), scale=2)], training=True),
            case("inference_rank4_frozen", lambda: L.BatchNormalization(trainable=False), [img]),
        ],
        "LayerNormalization": [
            case("default", lambda: L.LayerNormalization(), [v]),
            case("axes", lambda: L.LayerNormalization(axis=[1, 2], epsilon=0.01), [x((2, 3, 4))]),
            case("no_center", lambda: L.LayerNormalization(center=False), [img]),
            case("no_scale_axis1", lambda: L.LayerNormalization(axis=1, scale=False), [x((2, 3, 4))]),
            case("rank4_eps", lambda: L.LayerNormalization(epsilon=0.1), [img]),
        ],
        "GroupNormalization": [
            case("groups2", lambda: L.GroupNormalization(groups=2), [img]),
            case("groups4_rank3", lambda: L.GroupNormalization(groups=4, epsilon=0.01), [x((2, 3, 4))]),
            case("instance", lambda: L.GroupNormalization(groups=-1), [img]),
            case("one_group", lambda: L.GroupNormalization(groups=1, scale=False), [img]),
            case("axis1", lambda: L.GroupNormalization(groups=3, axis=1, center=False), [x((2, 3, 2, 2))]),
        ],
    }


def augmentation():
    img = g.uniform(3, (2, 5, 5, 3), 0, 255)
    return {
        "RandomFlip": [
            case("inference", lambda: L.RandomFlip(seed=1), [img]),
            case("horizontal_inference", lambda: L.RandomFlip("horizontal", seed=1), [img]),
            case("vertical_inference", lambda: L.RandomFlip("vertical", seed=1), [img]),
        ],
        "RandomRotation": [
            case("inference", lambda: L.RandomRotation(0.2, seed=1), [img]),
            case("training_factor0", lambda: L.RandomRotation(0.0, seed=1), [img], training=True),
            case("inference_options", lambda: L.RandomRotation((-0.1, 0.3), fill_mode="constant",
                                                                interpolation="nearest", fill_value=1.0, seed=1),
                 [img]),
        ],
        "RandomZoom": [
            case("inference", lambda: L.RandomZoom(0.2, seed=1), [img]),
            case("training_factor0", lambda: L.RandomZoom(0.0, seed=1), [img], training=True),
        ],
        "RandomTranslation": [
            case("inference", lambda: L.RandomTranslation(0.2, 0.1, seed=1), [img]),
            case("training_factor0", lambda: L.RandomTranslation(0.0, 0.0, seed=1), [img], training=True),
        ],
        "RandomContrast": [
            case("inference", lambda: L.RandomContrast(0.3, seed=1), [img]),
            case("inference_value_range", lambda: L.RandomContrast((0.1, 0.4), value_range=(0, 1), seed=1),
                 [img / 255]),
            case("training_factor0", lambda: L.RandomContrast(0.0, seed=1), [img], training=True),
        ],
        "RandomBrightness": [
            case("inference", lambda: L.RandomBrightness(0.3, seed=1), [img]),
            case("inference_range", lambda: L.RandomBrightness((-0.2, 0.4), value_range=(0, 1), seed=1), [img / 255]),
            case("training_factor0", lambda: L.RandomBrightness(0.0, seed=1), [img], training=True),
        ],
        "RandomCrop": [
            case("inference_center", lambda: L.RandomCrop(3, 4, seed=1), [img]),
            case("inference_same_size", lambda: L.RandomCrop(5, 5, seed=1), [img]),
            case("training_same_size", lambda: L.RandomCrop(5, 5, seed=1), [img], training=True),
            case("training_larger_target", lambda: L.RandomCrop(6, 7, seed=1), [img], training=True),
        ],
    }


def fixed_augmentation():
    """Training mode with a one-point factor range ((f, f)): the transformation is deterministic."""
    img = g.uniform(3, (2, 5, 6, 3), 0, 255)
    out = {"RandomZoom": [], "RandomRotation": [], "RandomTranslation": [], "RandomContrast": [],
           "RandomBrightness": []}
    for fill in ["reflect", "constant", "nearest", "wrap"]:
        for interp in ["bilinear", "nearest"]:
            kw = dict(fill_mode=fill, interpolation=interp, seed=1, fill_value=7.0 if fill == "constant" else 0.0)
            out["RandomZoom"].append(case(f"training_in_{fill}_{interp}", lambda kw=kw: L.RandomZoom(
                (-0.3, -0.3), (-0.2, -0.2), **kw), [img], training=True))
            out["RandomRotation"].append(case(f"training_{fill}_{interp}", lambda kw=kw: L.RandomRotation(
                (0.1, 0.1), **kw), [img], training=True))
            out["RandomTranslation"].append(case(f"training_{fill}_{interp}", lambda kw=kw: L.RandomTranslation(
                (0.2, 0.2), (-0.3, -0.3), **kw), [img], training=True))
    out["RandomZoom"].append(case("training_out_height_only", lambda: L.RandomZoom((0.25, 0.25), seed=1), [img],
                                  training=True))
    out["RandomRotation"].append(case("training_negative", lambda: L.RandomRotation((-0.3, -0.3), seed=1), [img],
                                      training=True))
    out["RandomContrast"] += [
        case("training_fixed", lambda: L.RandomContrast((-0.5, 0.5), seed=1), [img], training=True, atol=1e-4,
             tolerance_reason="pixels up to 255: (x - mean) * 1.5 + mean rounds to a few float32 ulps of 255 "
                              "(~1.5e-5) where the result is near 0"),
        case("training_fixed_value_range", lambda: L.RandomContrast((-0.2, 0.2), value_range=(0, 1), seed=1),
             [img / 255], training=True),
    ]
    out["RandomBrightness"] += [
        case("training_fixed", lambda: L.RandomBrightness((0.2, 0.2), seed=1), [img], training=True),
        case("training_fixed_negative_value_range", lambda: L.RandomBrightness(
            (-0.3, -0.3), value_range=(0, 1), seed=1), [img / 255], training=True),
    ]
    return out


GROUPS = [dropouts, reshaping, activation_layers, simple, merges, convs, pooling, padding_cropping, normalizations,
          augmentation, fixed_augmentation]
SINGLE = {"Dense": dense, "Activation": activation}


def main(names):
    files = {cls: fn() for cls, fn in SINGLE.items() if not names or cls in names}
    for group in GROUPS:
        # each group builds all its classes' cases at once (cheap); the filter only limits what is written
        for cls, cases in group().items():
            if not names or cls in names:
                files.setdefault(cls, []).extend(cases)
    for cls, cases in sorted(files.items()):
        print(g.write("layers", cls, cases))


if __name__ == "__main__":
    main(sys.argv[1:])
