"""Speech acts are read near each verb, not from the start of the sentence (issue 13, section 2).

A "sentence" of a megabyte without a full stop holds thousands of speech verbs; reading all the
text before each of them was quadratic. Counted, never timed.
"""

from __future__ import annotations

import pytest

from rashomon.text import attribution
from rashomon.text.attribution import speech_acts


def _run_on(verbs: int) -> str:
    names = ("Dana Krell", "Goran Matic", "Ana Belo")
    return " ".join(f"{names[n % 3]} said {n} quays closed in the port" for n in range(verbs))


def test_each_verb_reads_a_bounded_window(monkeypatch: pytest.MonkeyPatch) -> None:
    longest = 0
    real = attribution._speaker_before

    def watched(before: str) -> str:
        nonlocal longest
        longest = max(longest, len(before))
        return real(before)

    monkeypatch.setattr(attribution, "_speaker_before", watched)
    acts = speech_acts(_run_on(3_000) + " and then some")  # a text of its own: not cached
    assert len(acts) == 3_000
    assert longest <= attribution._REACH + 1  # 100,000 characters before the last verb


def test_speakers_in_a_sentence_without_end() -> None:
    acts = speech_acts(_run_on(500))
    assert [a.speaker for a in acts[:3]] == ["Dana Krell", "Goran Matic", "Ana Belo"]
    assert [a.speaker for a in acts[-3:]] == ["Ana Belo", "Dana Krell", "Goran Matic"]  # 497, 498, 499


def test_a_cut_window_does_not_look_like_the_start_of_a_sentence() -> None:
    # the one-word appositive ("Velmar, the port town on the bay, said") needs the start of the
    # sentence before its name: a window cut mid-sentence starts with a character no name has
    text = "x " * attribution._REACH + "Velmar, the port town on the bay, said so"
    window = attribution._before(text, text.index(" said"))
    assert window[0] == "\x00" and len(window) == attribution._REACH + 1
    assert speech_acts(text) == []  # as before: "x x Velmar," is not the start of a sentence
    assert [a.speaker for a in speech_acts("Velmar, the port town on the bay, said so")] == ["Velmar"]
