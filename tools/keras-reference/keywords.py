"""Writes keras_keywords.json: the constructor keywords of every public class that config_keys.py covers
(keras.layers, initializers, regularizers, constraints, losses, metrics, optimizers, optimizers.schedules), read from
Keras 3.15.1's signatures. For each class: "required" (positional arguments without a default, in order) and
"optional" (keyword arguments with a default); `self`, `*args` and `**kwargs` are left out. keras4j's
KeywordSettersTest checks that each optional keyword is a fluent setter and each required one a constructor
argument. Run with the pinned versions (requirements.txt), from the repository root:

    KERAS_BACKEND=tensorflow python tools/keras-reference/keywords.py
"""

import inspect
import json
import os

os.environ.setdefault("KERAS_BACKEND", "tensorflow")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")

import keras  # noqa: E402

KERAS_VERSION = "3.15.1"
assert keras.__version__ == KERAS_VERSION, f"needs keras=={KERAS_VERSION}, found {keras.__version__}"

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "keras_keywords.json")
MODULES = {
    "layers": keras.layers,
    "initializers": keras.initializers,
    "regularizers": keras.regularizers,
    "constraints": keras.constraints,
    "losses": keras.losses,
    "metrics": keras.metrics,
    "optimizers": keras.optimizers,
    "schedules": keras.optimizers.schedules,
}


def keywords(cls):
    required, optional = [], []
    for p in inspect.signature(cls.__init__).parameters.values():
        if p.name == "self" or p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        (required if p.default is p.empty else optional).append(p.name)
    return {"required": required, "optional": optional}


table = {"keras": KERAS_VERSION}
for family, module in MODULES.items():
    classes = {}
    for name in sorted(dir(module)):
        obj = getattr(module, name)
        if inspect.isclass(obj) and not name.startswith("_"):
            try:
                classes[name] = keywords(obj)
            except (TypeError, ValueError):
                continue
    table[family] = classes
with open(OUT, "w") as f:
    json.dump(table, f, indent=1, sort_keys=True)
    f.write("\n")
print(OUT, sum(len(v) for k, v in table.items() if k != "keras"), "classes")
