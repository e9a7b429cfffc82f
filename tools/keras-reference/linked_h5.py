"""Writes self_link.weights.h5, a Keras 3 weights file in which a weight is an HDF5 soft link to itself (and a
second one a link into a cycle of two); keras4j's LoaderLimitsTest expects a KerasFileException from it, where jhdf
alone overflows its stack. Only h5py is needed (pinned in requirements.txt):

    python tools/keras-reference/linked_h5.py
"""

import os

import h5py
import numpy as np

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "keras4j", "src", "test", "resources",
                   "io", "keras4j", "saving", "formats", "self_link.weights.h5")

# the layout keras4j's Sequential([Input((2,)), Dense(2)]) reads: layers/dense/vars/{0,1}
with h5py.File(OUT, "w") as f:
    v = f.create_group("layers/dense/vars")
    v["0"] = h5py.SoftLink("/layers/dense/vars/0")
    v["1"] = h5py.SoftLink("/layers/dense/a")
    f["layers/dense/a"] = h5py.SoftLink("/layers/dense/b")
    f["layers/dense/b"] = h5py.SoftLink("/layers/dense/a")
    f["layers/dense/real"] = np.zeros((2,), dtype="float32")
