"""The words around a claimant that a lexicon's attribution pattern catches and that are not
who gives the figure: quotation marks, articles, "un comptage réalisé par", "citing", and count
words ("el último balance del centro"), which are nobody's."""

from __future__ import annotations

import re

COUNT_ONLY = re.compile(
    r"(?:(?:último|primer|nuevo|dernier|premier|nouveau|latest|first|new)\s+)?"
    r"(?:recuento|balance|cómputo|bilan|comptage|count|tally|toll)"
    r"(?:\s+(?:provisional|provisoire|preliminar|oficial|officiel))?",
    re.I,
)


# "bilan provisoire quelques 1300 victimes" is a count, not a source ("bilan du X" is cleaned before)
COUNT_HEAD = re.compile(rf"(?:{COUNT_ONLY.pattern})\s", re.I)
DOCUMENT_ONLY = re.compile(r"通報|通报|公告|聲明|声明|communiqué|comunicado|statement", re.I)


def clean_who(who: str) -> str:
    """A claimant as a lexicon pattern read it, without quotes, articles, "par"/"citing" and count words."""
    who = re.sub(r"[\"“”«»「」]", "", who.strip())
    who = re.split(r"\s(?:par|por|by)\s", who)[-1]  # "un comptage réalisé par le ministère"
    who = re.sub(r"^(?:mientras que|mientras|aunque|pero|tandis que|alors que|mais|while|but|and|y|et)\s+", "", who)
    who = re.split(r"\s(?:со ссылкой|citing|citant|citando)\b", who)[0]  # "X citing officials" is X
    who = re.sub(
        r"^(?:(?:le|la|les|un|une|el|los|las|the|ما|del|اعلنت|أعلنت|أعلن|اعلن)\s+|l['’]\s*)+", "", who, flags=re.I
    )
    # "el último balance del centro de emergencias": the centre gives it, the count is not a source
    of = r"(?:del|de la|de los|de las|de l['’]|du|de|des|of the|of)"
    who = re.sub(rf"^{COUNT_ONLY.pattern}\s+{of}\s+", "", who, flags=re.I)
    return who.strip(" ,.;:'-")[:80]
