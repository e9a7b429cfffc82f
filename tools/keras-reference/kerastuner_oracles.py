"""KerasTuner's oracles driven without models: the golden file of keras4j's KerasTunerGoldenTest.

Pinned: KerasTuner 1.4.7 from its source (github keras-team/keras-tuner, commit 417e5b5, the package directory
`keras_tuner` on PYTHONPATH), Keras 3.15.1. Run from the repository root:

    git -C <keras-tuner checkout> archive 417e5b5 keras_tuner | tar -x -C /tmp/kt-src
    PYTHONPATH=/tmp/kt-src /work/venv-keras/bin/python tools/keras-reference/kerastuner_oracles.py

Writes tuner/src/test/resources/kerastuner/oracles.json: the values of each trial of a RandomSearchOracle (seed 1,
a space with every hyperparameter type and a conditional scope), of a GridSearchOracle, the (trial, bracket, round,
epochs, initial epoch, continued trial) sequence of a HyperbandOracle (max_epochs 27, factor 3, seed 1), each trial
scoring its value of "x", the space's get_config(), and the random search's trial_4/trial.json.
"""
import json
import os
import tempfile

import keras
import keras_tuner as kt

assert keras.__version__ == "3.15.1", keras.__version__
assert kt.__version__ == "1.4.7", kt.__version__

OUT = os.path.join("tuner", "src", "test", "resources", "kerastuner", "oracles.json")


def mixed_space():
    hp = kt.HyperParameters()
    hp.Int("units", 32, 512, step=32)
    hp.Float("lr", 1e-4, 1e-1, sampling="log")
    hp.Float("momentum", 0.5, 0.99, sampling="reverse_log")
    hp.Int("width", 1, 100, sampling="log")
    hp.Choice("act", ["relu", "tanh", "elu"])
    hp.Boolean("bn")
    hp.Choice("model", ["linear", "dnn"])
    with hp.conditional_scope("model", ["dnn"]):
        hp.Int("layers", 1, 3)
    return hp


def grid_space():
    hp = kt.HyperParameters()
    hp.Choice("model", ["linear", "dnn"])
    with hp.conditional_scope("model", ["dnn"]):
        hp.Int("layers", 1, 3)
    hp.Boolean("bn")
    return hp


PROJECTS = {}


def drive(oracle, score, n=None):
    PROJECTS[oracle] = tempfile.mkdtemp()
    oracle._set_project_dir(PROJECTS[oracle], "p")
    trials = []
    while n is None or len(trials) < n:
        trial = oracle.create_trial("tuner0")
        if trial.status != "RUNNING":
            break
        oracle.update_trial(trial.trial_id, {"score": score(trial.hyperparameters.values)})
        trial.status = "COMPLETED"
        oracle.end_trial(trial)
        trials.append({"trial_id": trial.trial_id, "values": dict(trial.hyperparameters.values)})
    return trials


objective = kt.Objective("score", "max")
random_oracle = kt.oracles.RandomSearchOracle(objective, max_trials=8, seed=1, hyperparameters=mixed_space())
random_trials = drive(random_oracle, lambda v: v["lr"])
with open(os.path.join(PROJECTS[random_oracle], "p", "trial_4", "trial.json")) as f:
    trial_json = json.load(f)
grid_trials = drive(kt.oracles.GridSearchOracle(objective, seed=1, hyperparameters=grid_space()),
                    lambda v: 1.0)
space = kt.HyperParameters()
space.Float("x", 0, 1)
hyperband = drive(kt.oracles.HyperbandOracle(objective, max_epochs=27, factor=3, seed=1, hyperparameters=space),
                  lambda v: v["x"])
with open(OUT, "w") as f:
    json.dump({"random": random_trials, "grid": grid_trials,
               "hyperband": [[t["trial_id"], t["values"]["tuner/bracket"], t["values"]["tuner/round"],
                              t["values"]["tuner/epochs"], t["values"]["tuner/initial_epoch"],
                              t["values"].get("tuner/trial_id"), t["values"]["x"]] for t in hyperband],
               "config": mixed_space().get_config(), "trial_4_json": trial_json}, f, indent=1)
print("wrote", OUT, len(random_trials), len(grid_trials), len(hyperband))
