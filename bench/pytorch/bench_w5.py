"""W5 (LSTM) and W5g (GRU) in PyTorch with a plain training loop: the PyTorch peer of keras4j's recurrent benchmark.

Model: nn.LSTM(8, 64, batch_first=True) (or nn.GRU) -> the last step's output -> nn.Linear(64, 1), Adam(1e-3),
MSELoss, batch 64: the same shapes as Keras' Input((200, 8)) -> LSTM(64) -> Dense(1) (PyTorch's LSTM carries two
bias vectors where Keras has one; its GRU is Keras' reset_after=True form). Run by bench/w5.sh with torch 2.13.0
(CPU wheel), 2 threads, OMP_WAIT_POLICY=passive.

Usage: python bench_w5.py [runs, default 1] [samples, default 4096] [out.json, default stdout]
Writes JSON: "pytorch/<workload>" -> samples/s of each timed run, each after one untimed warm-up.
"""
import json
import sys
import time

import numpy as np
import torch
from torch import nn

torch.set_num_threads(2)
RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 1
SAMPLES = int(sys.argv[2]) if len(sys.argv) > 2 else 4096
OUT = sys.argv[3] if len(sys.argv) > 3 else None
STEPS, FEATURES, UNITS, BATCH = 200, 8, 64, 64


class Recurrent(nn.Module):
    def __init__(self, rnn):
        super().__init__()
        self.rnn = rnn(FEATURES, UNITS, batch_first=True)
        self.head = nn.Linear(UNITS, 1)

    def forward(self, x):
        out, _ = self.rnn(x)
        return self.head(out[:, -1])


def data(n):
    """The same draws as bench/keras/bench_w5.py: target is the mean of feature 0 over time."""
    rng = np.random.default_rng(5)
    x = rng.standard_normal((n, STEPS, FEATURES)).astype("float32")
    return torch.from_numpy(x), torch.from_numpy(x[:, :, 0].mean(axis=1, keepdims=True))


def timed(fn):
    fn()  # warm-up
    out = []
    for _ in range(RUNS):
        t = time.perf_counter()
        fn()
        out.append(SAMPLES / (time.perf_counter() - t))
    return out


def main():
    x, y = data(SAMPLES)
    results = {}
    for name, rnn in (("w5", nn.LSTM), ("w5g", nn.GRU)):
        torch.manual_seed(5)
        model = Recurrent(rnn)
        opt = torch.optim.Adam(model.parameters(), lr=1e-3)
        loss_fn = nn.MSELoss()

        def train():
            model.train()
            for s in range(0, SAMPLES, BATCH):
                opt.zero_grad()
                loss_fn(model(x[s:s + BATCH]), y[s:s + BATCH]).backward()
                opt.step()

        def predict():
            model.eval()
            with torch.no_grad():
                for s in range(0, SAMPLES, BATCH):
                    model(x[s:s + BATCH])

        results[f"pytorch/{name}_train"] = timed(train)
        results[f"pytorch/{name}_predict"] = timed(predict)
        print(f"done pytorch {name}", file=sys.stderr)
    results["pytorch/meta"] = {"torch": torch.__version__, "threads": torch.get_num_threads(),
                               "interop_threads": torch.get_num_interop_threads(), "samples": SAMPLES}
    text = json.dumps(results)
    if OUT:
        with open(OUT, "w") as f:
            f.write(text)
    else:
        print(text)


if __name__ == "__main__":
    main()
