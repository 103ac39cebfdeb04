#!/usr/bin/env python3
"""Checks by hand (not CI) that every --model loads a checkpoint the reference PyTorch code saved,
as a zip .pth and as .safetensors, and predicts what PyTorch predicts.

    /work/venv-torch/bin/python scripts/check_networks_with_pytorch.py [--binary .build/release/attnview] [NAME ...]

For each network: the reference (timm, torchvision, or the rebuild from the authors' code in
scripts/fixtures/networks/) with the KeyFormula weights, saved with torch.save(model.state_dict())
and safetensors' save_file; a 256 x 256 image, which ImageNet preprocessing resizes to itself and
centre-crops to 224 x 224, so both sides see the same pixels; `attnview classify --json --logits`
against PyTorch's logits: the largest difference relative to the largest logit, next to how far
PyTorch's own float32 run is from float64 (the deep SE and CBAM networks amplify rounding with
these weights, for PyTorch as for anyone), and whether the top-5 agree.
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import numpy as np
import png
import torch
from safetensors.torch import save_file

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE / "fixtures" / "networks"))
sys.path.insert(0, str(HERE / "fixtures"))
from common import load_formula  # noqa: E402
from make_network_fixtures import architectures  # noqa: E402

MEAN, STD = np.array([0.485, 0.456, 0.406]), np.array([0.229, 0.224, 0.225])


def test_image(folder):
    rng = np.random.default_rng(7)
    pixels = (rng.random((256, 256, 3)) * 255).astype(np.uint8)
    path = Path(folder) / "image.png"
    png.from_array(pixels.reshape(256, 256 * 3), "RGB").save(str(path))
    crop = pixels[16:240, 16:240].astype(np.float32) / 255
    x = torch.from_numpy(((crop - MEAN) / STD).astype(np.float32)).permute(2, 0, 1)[None]
    return path, x


def attnview(binary, image, model, weights):
    started = time.time()
    out = subprocess.run([binary, "classify", str(image), "--model", model, "--weights", str(weights), "--json",
                          "--logits"], capture_output=True, text=True)
    if out.returncode != 0:
        raise RuntimeError(out.stderr.strip())
    return np.array(json.loads(out.stdout)[0]["logits"], dtype=np.float64), time.time() - started


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--binary", default=str(ROOT / ".build" / "release" / "attnview"))
    parser.add_argument("names", nargs="*")
    args = parser.parse_args()
    torch.set_num_threads(2)
    failures = 0
    with tempfile.TemporaryDirectory() as folder:
        image, x = test_image(folder)
        for name, (module, make) in sorted(architectures().items()):
            if args.names and name not in args.names:
                continue
            model = load_formula(make())
            with torch.no_grad():
                expected = model(x)[0].double().numpy()
                # How far PyTorch's own float32 is from float64: what a float32 port can be held to.
                exact = model.double()(x.double())[0].numpy()
                model.float()
            floor = np.abs(expected - exact).max() / np.abs(exact).max()
            state = {k: v.contiguous() for k, v in model.state_dict().items()}
            pth, st = Path(folder) / f"{name}.pth", Path(folder) / f"{name}.safetensors"
            torch.save(state, pth)
            save_file(state, str(st))
            line = [name]
            for path in (pth, st):
                try:
                    logits, seconds = attnview(args.binary, image, name, path)
                    error = np.abs(logits - expected).max() / np.abs(expected).max()
                    same = list(np.argsort(-logits)[:5]) == list(np.argsort(-expected)[:5])
                    ok = error <= max(1e-3, 10 * floor)
                    line.append(f"{path.suffix}: logits within {error:.1e} of max (PyTorch float32 vs float64: {floor:.1e}), "
                                f"top-5 {'same' if same else 'differs'}, {seconds:.2f} s{'' if ok else ' MISMATCH'}")
                    failures += not ok
                except RuntimeError as error:
                    line.append(f"{path.suffix}: FAILED {error}")
                    failures += 1
            print("  ".join(line), flush=True)
            pth.unlink()
            st.unlink()
    sys.exit(1 if failures else 0)
