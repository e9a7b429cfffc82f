"""Loads in Keras the .keras files keras4j wrote in ApplicationFilesTest (-Dkeras4j.applicationFilesOut=OUT) and
compares their predictions with Keras' own (from application_files.py). Pinned: keras 3.15.1, tensorflow 2.21.0.
Run: TF_ENABLE_ONEDNN_OPTS=0 python tools/keras-reference/application_files_check.py [FILES_DIR [OUT] [Name ...]]
"""
import json
import os
import sys

os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "3")
import numpy as np
import keras
import tensorflow as tf

assert keras.__version__ == "3.15.1", keras.__version__
assert tf.__version__ == "2.21.0", tf.__version__

files = sys.argv[1] if len(sys.argv) > 1 else "/tmp/loadfix-apps"
out = sys.argv[2] if len(sys.argv) > 2 else "/tmp/loadfix-k4japps"
names = sys.argv[3:] or sorted(f[:-6] for f in os.listdir(out) if f.endswith(".keras"))
for name in names:
    shape = json.load(open(os.path.join(files, name + ".json")))["x"]
    x = np.fromfile(os.path.join(files, name + ".x.bin"), dtype="float32").reshape(shape)
    want = np.fromfile(os.path.join(files, name + ".y.bin"), dtype="float32")
    y = keras.models.load_model(os.path.join(out, name + ".keras")).predict(x, verbose=0).ravel()
    print(name, "max |diff| against Keras' own file:", float(np.max(np.abs(y - want))))
