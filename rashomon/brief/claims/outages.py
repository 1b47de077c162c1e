"""Business news: users an outage or a leak reaches ("des millions d'utilisateurs ... dans
l'impossibilité de se connecter"), `affected` only when the sentence names the outage, never a
platform's audience ("compte 3 milliards d'utilisateurs mensuels"); and a bare sum continuing the
sum before it in its sentence ("perdu 6 milliards de dollars, sa fortune tombant à 121,6 milliards")."""

from __future__ import annotations

import re

from rashomon.records import Claim
from rashomon.text.languages import Lexicon
from rashomon.text.numbers import Mention

_AUDIENCE = re.compile(r"\b(?:compte|comptent|revendique|réunit|actifs|mensuels|par mois|chaque mois)\b", re.I)


def affected_users(text: str, figure: Mention, lex: Lexicon) -> str | None:
    """ "affected" for a count of users in a sentence about an outage or a leak, else None."""
    users, outage = lex.users
    if not users or not re.match(rf"\s*(?:{users})", text[figure.end :], re.I):
        return None
    if _AUDIENCE.search(text[max(0, figure.start - 30) : figure.end + 50]):
        return None
    return "affected" if re.search(outage, text, re.I) else None


def same_sum(text: str, before: list[Claim]) -> str | None:
    """ "money" for a figure with no counted word after a sum of the same sentence: the count a
    source gives continues the money, not what other sentences counted."""
    return "money" if before and before[-1].sentence == text and before[-1].quantity == "money" else None
