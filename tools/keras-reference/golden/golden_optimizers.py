"""Golden files for keras.optimizers: five apply_gradients steps per case, written by Keras 3.15.1.

For every optimizer class keras4j registers, writes golden/optimizers/<ClassName>.json with cases:

    {"name", "config" (keras.optimizers.serialize of the optimizer), "variables": [{"name", "value"}],
     "gradients": [[one array per variable] per step], "values": [[variable values after each step]],
     "optimizer_variables": [{"path", "value"}] after the last step (Keras' order, as saved in .keras files),
     "finalized": variable values after finalize_variable_values (what fit leaves when use_ema=True)}

The gradients are given to optimizer.apply_gradients directly (no model, no loss). Rerun from the repository root:

    KERAS_BACKEND=tensorflow /work/venv-keras/bin/python tools/keras-reference/golden/golden_optimizers.py
"""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import numpy as np  # noqa: E402
import keras  # noqa: E402
from golden_common import arr, normal, uniform, write  # noqa: E402

from keras import optimizers as O  # noqa: E402

STEPS = 5
SHAPES = {"w0": (2, 3), "w1": (3,), "w2": (2, 2, 2)}


def common_variants(lr):
    """The keywords every optimizer shares, one case each."""
    schedule = O.schedules.ExponentialDecay(lr, decay_steps=2, decay_rate=0.5)
    return [
        ("weight_decay", dict(learning_rate=lr, weight_decay=0.1)),
        ("clipnorm", dict(learning_rate=lr, clipnorm=0.5)),
        ("clipvalue", dict(learning_rate=lr, clipvalue=0.3)),
        ("global_clipnorm", dict(learning_rate=lr, global_clipnorm=0.7)),
        ("use_ema", dict(learning_rate=lr, use_ema=True, ema_momentum=0.8)),
        ("use_ema_overwrite", dict(learning_rate=lr, use_ema=True, ema_momentum=0.7, ema_overwrite_frequency=2)),
        ("gradient_accumulation_steps", dict(learning_rate=lr, gradient_accumulation_steps=2)),
        ("accumulation_and_ema", dict(learning_rate=lr, gradient_accumulation_steps=3, use_ema=True,
                                      ema_overwrite_frequency=1)),
        ("loss_scale_factor", dict(learning_rate=lr, loss_scale_factor=4.0)),
        ("schedule", dict(learning_rate=schedule)),
    ]


SPECIFIC = {
    "SGD": (0.1, [("momentum", dict(learning_rate=0.1, momentum=0.9)),
                  ("nesterov", dict(learning_rate=0.1, momentum=0.8, nesterov=True)),
                  ("momentum_accumulation", dict(learning_rate=0.1, momentum=0.9, gradient_accumulation_steps=2))]),
    "Adam": (0.05, [("amsgrad", dict(learning_rate=0.05, amsgrad=True)),
                    ("betas", dict(learning_rate=0.05, beta_1=0.5, beta_2=0.9, epsilon=1e-3))]),
    "AdamW": (0.05, [("amsgrad", dict(learning_rate=0.05, amsgrad=True, weight_decay=0.2))]),
    "Adamax": (0.05, [("betas", dict(learning_rate=0.05, beta_1=0.5, beta_2=0.9))]),
    "Adagrad": (0.1, [("initial_accumulator", dict(learning_rate=0.1, initial_accumulator_value=0.5,
                                                   epsilon=1e-3))]),
    "Adadelta": (1.0, [("rho", dict(learning_rate=1.0, rho=0.5))]),
    "RMSprop": (0.01, [("centered", dict(learning_rate=0.01, centered=True)),
                       ("momentum", dict(learning_rate=0.01, momentum=0.9)),
                       ("centered_momentum", dict(learning_rate=0.01, momentum=0.5, centered=True, rho=0.8))]),
    "Nadam": (0.05, [("betas", dict(learning_rate=0.05, beta_1=0.5, beta_2=0.9))]),
    "Lion": (0.01, [("betas", dict(learning_rate=0.01, beta_1=0.5, beta_2=0.9))]),
    "Ftrl": (0.1, [("l1_l2", dict(learning_rate=0.1, l1_regularization_strength=0.05,
                                  l2_regularization_strength=0.1)),
                   ("shrinkage_beta", dict(learning_rate=0.1, l2_shrinkage_regularization_strength=0.2, beta=0.5,
                                           learning_rate_power=-0.7, initial_accumulator_value=0.3))]),
    "Adafactor": (0.1, [("not_relative", dict(learning_rate=0.1, relative_step=False, clip_threshold=0.5,
                                              beta_2_decay=-0.5, epsilon_1=1e-20, epsilon_2=1e-2))]),
    "Lamb": (0.05, [("betas", dict(learning_rate=0.05, beta_1=0.5, beta_2=0.9, epsilon=1e-4))]),
}


def variables():
    return [keras.Variable(uniform(10 + i, s), name=n) for i, (n, s) in enumerate(SHAPES.items())]


def gradients(seed):
    return [[normal(seed * 100 + 10 * step + i, s, 0.5) for i, s in enumerate(SHAPES.values())]
            for step in range(STEPS)]


def run_case(name, make, seed, grads=None):
    keras.backend.clear_session()
    opt = make()
    vs = variables()
    grads = grads if grads is not None else gradients(seed)
    case = {"name": name, "config": O.serialize(opt),
            "variables": [{"name": v.name, "value": arr(v.numpy())} for v in vs],
            "gradients": [[arr(g) for g in step] for step in grads], "values": []}
    for step in grads:
        opt.apply_gradients(list(zip([keras.ops.convert_to_tensor(g) for g in step], vs)))
        case["values"].append([arr(v.numpy()) for v in vs])
    case["optimizer_variables"] = [{"path": v.path, "value": arr(v.numpy())} for v in opt.variables]
    opt.finalize_variable_values(vs)
    case["finalized"] = [arr(v.numpy()) for v in vs]
    return case


def loss_scale_cases():
    cases = []
    grads = gradients(7)
    bad = [list(step) for step in grads]
    bad[1][0] = bad[1][0].copy()
    bad[1][0][0, 1] = np.inf
    bad[3][2] = bad[3][2].copy()
    bad[3][2][1, 0, 1] = np.nan
    cases.append(run_case("inner_sgd", lambda: O.LossScaleOptimizer(O.SGD(0.1), initial_scale=4.0), 7))
    cases.append(run_case("nonfinite_skips_and_halves",
                          lambda: O.LossScaleOptimizer(O.Adam(0.05), initial_scale=8.0, dynamic_growth_steps=3),
                          7, bad))
    cases.append(run_case("growth_doubles",
                          lambda: O.LossScaleOptimizer(O.SGD(0.1, momentum=0.9), initial_scale=2.0,
                                                       dynamic_growth_steps=2), 8))
    cases.append(run_case("inner_ema_accumulation",
                          lambda: O.LossScaleOptimizer(O.Adam(0.05, use_ema=True, gradient_accumulation_steps=2),
                                                       initial_scale=2.0, dynamic_growth_steps=2), 9, bad))
    return cases


def main():
    for i, (cls, (lr, specific)) in enumerate(sorted(SPECIFIC.items())):
        klass = getattr(O, cls)
        cases = [run_case("default", klass, i + 1)]
        for j, (name, kwargs) in enumerate(common_variants(lr) + specific):
            cases.append(run_case(name, lambda kw=kwargs: klass(**kw), (i + 1) * 31 + j))
        print(write("optimizers", cls, cases))
    print(write("optimizers", "LossScaleOptimizer", loss_scale_cases()))


if __name__ == "__main__":
    main()
