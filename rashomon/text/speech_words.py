"""The words attribution is read from: speech verbs, the role nouns a speaker phrase is made of,
pronouns, and words that are never a speaker. Kept apart from `attribution`, which reads them."""

from __future__ import annotations

import re

SPEECH_VERBS = (
    "said|says|say|stated|states|added|adds|told|tells|announced|announces|claimed|claims|claiming|"
    "noted|notes|explained|insisted|declared|wrote|writes|tweeted|emphasized|emphasised|stressed|"
    "warned|cautioned|fears?(?= that| the (?:\\w+ )?(?:toll|tally|number))|replied|continued|confirmed|"
    "confirms|admitted|admits|acknowledged|denied|"
    "acknowledges|reports(?= citing|[.,]|$)|denies|repeated|reported|argued|asserted|alleged|concluded|"
    "indicated|saying|"
    "announcing|admitting|acknowledging|confirming|adding|put it|posted|disclosed|revealed|"
    "released a statement saying|issued a statement saying|said in a statement|describing|"
    "described (?:it|this|that|them|the [\\w-]+) as|called (?:it|this|that|them) |"
    "(?:is|was) quoted as saying|ordered that|urged|vowed|promised that|demanded that|"
    "estimate[sd]?(?= (?:that|the|it|its|there)\\b)|points? out|pointed out|assured? that|assures that|"
    "(?:is|are) (?:now )?reporting|(?:released|issued) an? (?:brief |short )?statement reporting"
)
ROLE_WORDS = set(
    re.findall(
        r"\S+",
        """
        the a an its his her their our of and for 's ’s u.s. us usa uk un eu spokesman spokeswoman
        spokesperson spokesmen minister ministry ministries secretary statement official officials
        source sources president prime foreign defense defence interior military army police
        government regime junta agency agencies aid office command coalition commander general ambassador envoy analyst
        analysts expert experts witness witnesses resident residents report reports media outlets
        outlet some other local state news senior deputy chief head leader leaders authorities
        lawmaker lawmakers senator group monitor observatory newspaper daily channel tv television
        radio online press service representative representatives spokespeople staff adviser advisor
        director mayor governor judge prosecutor prosecutors lawyer lawyers investigators rescuers doctor medic
        doctors officers soldiers commanders observers activists organisers organizers company firm
        operator department council committee parliament kremlin pentagon white house central
        regional provincial national federal municipal city town district health justice emergency civil
        opposition party parents family relatives father mother wife husband son daughter brother
        sister friend friends neighbour neighbours neighbor neighbors survivor survivors villagers reporters
        relief worker workers members member association union unions organization organisation charity prefecture
    """,
    )
)
PRONOUNS = {"he", "she", "it", "they", "we", "i"}
NOT_SPEAKERS = {
    "that",
    "which",
    "who",
    "this",
    "there",
    "also",
    "previously",
    "earlier",
    "later",
    "then",
    "reports",
    "some",
}
