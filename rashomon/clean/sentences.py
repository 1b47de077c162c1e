"""Sentence splitting: blingfire, repaired after honorifics and inside open quotations.

Measured on our hand-split gold set (tests/fixtures/clean/sentences_gold.txt) and the seeds
(bench/results_ingest.json, "sentences"): pysbd is accurate on abbreviations but costs about
0.5 ms per paragraph, which alone would take a large share of the ingest budget (the whole stage
must stay within 1.3x of trafilatura); blingfire is about 40x faster but splits after `Mr.`,
`Dr.` and inside a quotation that asks a question. Merging those two cases back gives
pysbd's accuracy on news text at blingfire's speed, so that is what we use.
"""

from __future__ import annotations

import re

import blingfire

# Abbreviations that precede a name, so a split after them is always wrong.
_HONORIFICS = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gen", "col", "lt", "gov", "prof", "capt", "sgt", "rev",
    "hon", "mt", "ft", "maj", "adm", "cmdr", "cpl", "pres", "supt", "insp", "messrs", "mme", "mlle", "gov't",
}  # fmt: skip
_LAST_WORD_RE = re.compile(r"([\w'.]+)\.$")


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, in order, each stripped; never splits inside an open quote."""
    if not paragraph.strip():
        return []
    pieces = [p.strip() for p in blingfire.text_to_sentences(paragraph).split("\n") if p.strip()]
    merged: list[str] = []
    for piece in pieces:
        if merged and _must_join(merged[-1], piece):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def _must_join(previous: str, piece: str) -> bool:
    match = _LAST_WORD_RE.search(previous)
    if match and match.group(1).lower() in _HONORIFICS and piece[:1].isupper():
        return True
    if previous.count('"') % 2 == 1 and '"' in piece:
        return True  # the quotation opened before the split closes after it
    return bool(piece[:1].islower())  # a sentence does not start in lower case
