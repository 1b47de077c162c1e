"""Share bars, comment counters and advertising labels: the words a page's widgets are made of.

Labels are kept in the languages of the pages Rashomon was measured on (bench/bench_extraction.py);
a line is a widget only when every word of it is a label or filler, so a sentence never is.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

WIDGET_STRONG = frozenset({
    "comment", "comments", "print", "share", "shares", "tweet", "facebook", "twitter", "whatsapp", "email",
    "e-mail", "linkedin", "telegram", "pinterest", "reddit", "bookmark", "flipboard", "messenger", "adjust",
    # The same labels in the languages of the evaluation pages (de, fr, es, it, pt, pl).
    "kommentar", "kommentare", "kommentieren", "teilen", "drucken", "commentaire", "commentaires", "partager",
    "imprimer", "comentario", "comentarios", "compartir", "imprimir", "commenti", "condividi", "stampa",
    "comentários", "compartilhar", "komentarze", "udostępnij",
})  # fmt: skip
WIDGET_WEAK = frozenset({
    "this", "article", "story", "page", "on", "via", "follow", "us", "copy", "link", "save", "font", "size",
    "text", "a", "a+", "a-", "x", "mail", "reply", "like", "vk", "the", "to", "and", "or", "url", "more",
    "view", "show", "hide", "no", "leave", "add", "post", "write", "keine", "mit", "insgesamt", "schreiben",
    "anzeigen", "artikel", "un", "une", "aucun", "publier", "laisser", "sin", "dejar", "ver", "nessun", "brak",
})  # fmt: skip
# A label that marks what follows as paid for: "Anzeige, enthält Affiliate Links", "*Werbung. Dieser
# Beitrag enthält Werbung für ...".
AD_LABEL_RE = re.compile(
    r"^\*?(anzeige|werbung|advertisement|advertorial|publicidad|publicité|pubblicità|reklama|sponsored)\b\s?[,.:|*-]",
    re.IGNORECASE,
)
AD_LABEL_MAX_WORDS = 8


def is_ad_label(line: str, words: int) -> bool:
    """A short line that opens with an advertising label; a longer one is a paragraph about advertising."""
    return words <= AD_LABEL_MAX_WORDS and AD_LABEL_RE.match(line) is not None


def glued_widget(lowered: str) -> bool:
    """Two or more widget labels run together in one word ("LINKEDINCOMMENTMORE")."""
    return sum(1 for word in WIDGET_STRONG if word in lowered) >= 2


def is_widget(words: Sequence[str]) -> bool:
    """A few words, all widget labels or filler, one a label for sure ("Share this article", "0 Kommentare")."""
    lowered = [w.lower().strip(".") for w in words if w.strip("()0123456789") != ""]
    if not lowered or len(lowered) > 8:
        return False
    strong = sum(1 for w in lowered if w in WIDGET_STRONG)
    return strong >= 1 and all(w in WIDGET_STRONG or w in WIDGET_WEAK or w.isdigit() for w in lowered)
