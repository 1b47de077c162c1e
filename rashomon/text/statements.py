"""Words of a statement, and when two statements say the same thing.

Shared by quotes (two wordings or translations of one quotation) and the timeline (two
sentences about one event). Without multilingual sentence embeddings offline, a statement is its
content words, with a tiny thesaurus folding the words two translations use for one thing.
"""

from __future__ import annotations

import functools
import re

from rashomon.text.lexicon import STOP_WORDS, plural_stem


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’']+", text)


def content_words(text: str) -> set[str]:
    """Lowercased words that carry meaning (used to compare quotes and sentences)."""
    return {w.lower() for w in _words(text) if len(w) > 2 and w.lower() not in STOP_WORDS}


# Words that two translations of one statement use for the same thing; a tiny thesaurus stands in
# for the multilingual sentence embeddings we cannot ship offline.
_SYNONYMS: dict[str, str] = {
    "accord": "will",
    "volition": "will",
    "free will": "will",
    "own will": "will",
    "goal": "aim",
    "purpose": "aim",
    "objective": "aim",
    "reason": "aim",
    "different": "various",
    "various": "various",
    "diverse": "various",
    "helped": "assist",
    "help": "assist",
    "assisted": "assist",
    "assistance": "assist",
    "aid": "assist",
    "receiving": "treat",
    "undergoing": "treat",
    "treatment": "treat",
    "treated": "treat",
    "returning": "return",
    "returned": "return",
    "injured": "wound",
    "wounded": "wound",
    "hurt": "wound",
    "killed": "die",
    "died": "die",
    "deaths": "die",
    "death": "die",
    "dead": "die",
    "servicemen": "soldier",
    "soldiers": "soldier",
    "troops": "soldier",
    "military": "soldier",
    "clashes": "clash",
    "fighting": "clash",
    "skirmish": "clash",
    "battle": "clash",
    "citizens": "citizen",
    "nationals": "citizen",
    "legitimacy": "legal",
    "legality": "legal",
    "lawful": "legal",
    "assess": "judge",
    "evaluate": "judge",
    "judge": "judge",
    "task": "job",
    "job": "job",
    "business": "job",
    "verified": "confirm",
    "confirmed": "confirm",
    "number": "figure",
    "toll": "figure",
    "count": "figure",
    "allegations": "claim",
    "claims": "claim",
    "reports": "claim",
    "nobody": "one",  # "no one" keeps only "one" as a content word
    "abandoned": "left",
    "each": "every",
    "people": "person",
    "persons": "person",
    "accounted": "found",
}


def meaning_words(text: str) -> set[str]:
    """Content words with translation synonyms and plural endings folded together."""
    out = set()
    for w in content_words(text):
        w = _SYNONYMS.get(w, w)
        singular = plural_stem(w, shortest=4)
        if singular != w:
            w = _SYNONYMS.get(singular, singular)
        out.add(w)
    return out


def overlap(a: str, b: str) -> int:
    """How many content words two texts share."""
    return len(content_words(a) & content_words(b))


@functools.lru_cache(maxsize=8192)
def _meaning(text: str) -> frozenset[str]:
    """`meaning_words`, cached: a story compares every quote with every other."""
    return frozenset(meaning_words(text))


def similar(a: str, b: str) -> bool:
    """Two wordings of one statement: three or more meaning words shared, and most of the shorter."""
    wa, wb = _meaning(a), _meaning(b)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared >= 3 and shared / min(len(wa), len(wb)) >= 0.45


def overlap_ratio(a: str, b: str) -> float:
    """Share of the shorter text's meaning words found in the other (0 below three shared)."""
    wa, wb = _meaning(a), _meaning(b)
    shared = len(wa & wb)
    return shared / min(len(wa), len(wb)) if shared >= 3 else 0.0
