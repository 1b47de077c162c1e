"""Sentence splitting: blingfire, repaired after honorifics, inside open quotations and where it
misses a plain boundary.

Measured by bench/bench_ingest.py ("sentences" in bench/results_ingest.json) on our hand-split
gold set (tests/fixtures/ingest/sentences_gold.txt: 34 news paragraphs, 68 sentences, with
abbreviations, initials, decimals, quoted questions, French and German) and timed on the seed
and devset paragraphs: pysbd splits every gold paragraph right but costs 1 to 2 ms a paragraph,
about a fifth of trafilatura's time per page on its own (the stage must stay within 1.3x of
trafilatura); raw blingfire is 30 to 50 times faster but gets 30 of 34 (it splits after `Mr.`
and `Dr.`, inside `"Was it ...? I doubt it," he said`, and misses `... an. Die ...`). The three
repairs below bring it to 34 of 34 at blingfire's speed, so that is what we use. On the seed and
devset paragraphs it agrees with pysbd on 97.6 %; the differences are multi-sentence quotations
(pysbd keeps them whole, we split them) and non-English text (pysbd runs with English rules).
A paragraph with no sentence end inside is returned whole without calling blingfire.
"""

from __future__ import annotations

import re

import blingfire

# Abbreviations that precede a name, so a split after them is always wrong.
_HONORIFICS = {
    "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gen", "col", "lt", "gov", "prof", "capt", "sgt", "rev",
    "hon", "mt", "ft", "maj", "adm", "cmdr", "cpl", "pres", "supt", "insp", "messrs", "mme", "mlle", "gov't",
}  # fmt: skip
# blingfire sometimes misses a boundary after an ordinary lower-case word ("... neue Hilfen an. Die
# Opposition ..."): a full stop after a word of two or more lower-case letters, then a capital.
_MISSED_RE = re.compile(r"(?:(?<=\s)|^)([a-zà-ÿß]{2,})[.!?](\s+)(?=[A-ZÀ-ÖØ-Þ\"'])")
_NOT_FINAL = {"vs", "ca", "cf", "approx", "al", "op", "cit", "ibid", "ed", "eds", "pp", "vol"}
# Two sentences run together: a lower-case word, its full stop, then a capitalised word.
_GLUED_RE = re.compile(r"(?<=[a-zà-ÿ]{2})([.!?])(\"?)(?=[A-Z][a-z])")
# A sentence end followed by more text; without one, blingfire (a C call) is not needed.
_INNER_END_RE = re.compile(r"[.!?…][\"')\]]*\s+\S")
_LAST_WORD_RE = re.compile(r"([\w'.]+)\.$")


def unglue(paragraph: str) -> str:
    """Put back the space that extraction lost between two sentences ("casualties.The agency").

    A quotation mark at the join opens the next sentence when the quotes before it are balanced
    (`waters."The damage` -> `waters. "The damage`), else it closes this one.
    """
    if not _GLUED_RE.search(paragraph):
        return paragraph
    parts, start = [], 0
    for match in _GLUED_RE.finditer(paragraph):
        quote_opens = paragraph.count('"', 0, match.start()) % 2 == 0
        cut = match.start(2) if quote_opens else match.end(2)
        parts.append(paragraph[start:cut])
        start = cut
    parts.append(paragraph[start:])
    return " ".join(part.strip() for part in parts)


def split_sentences(paragraph: str) -> list[str]:
    """Sentences of one paragraph, in order, each stripped; never splits inside an open quote."""
    if not paragraph.strip():
        return []
    if not _INNER_END_RE.search(paragraph.strip()):
        return [paragraph.strip()]  # no sentence end before the last character: one sentence
    pieces = [
        part.strip()
        for piece in blingfire.text_to_sentences(paragraph).split("\n")
        for part in _split_missed(piece)
        if part.strip()
    ]
    merged: list[str] = []
    for piece in pieces:
        if merged and _must_join(merged[-1], piece):
            merged[-1] = f"{merged[-1]} {piece}"
        else:
            merged.append(piece)
    return merged


def _split_missed(piece: str) -> list[str]:
    if ". " not in piece and "? " not in piece and "! " not in piece:
        return [piece]
    parts, start = [], 0
    for match in _MISSED_RE.finditer(piece):
        if match.group(1) not in _NOT_FINAL:
            parts.append(piece[start : match.start(2)])
            start = match.end(2)
    parts.append(piece[start:])
    return parts


def _must_join(previous: str, piece: str) -> bool:
    match = _LAST_WORD_RE.search(previous)
    if match and match.group(1).lower() in _HONORIFICS and piece[:1].isupper():
        return True
    if previous.count('"') % 2 == 1 and '"' in piece:
        return True  # the quotation opened before the split closes after it
    return bool(piece[:1].islower())  # a sentence does not start in lower case
