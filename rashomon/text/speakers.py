"""Who a speech act's words point to: pronouns, roles and partial names resolved in one article.

"the governor said" is the article's only named governor; "Marovec" is "Governor Ilse Marovec"
when the article spells her out once; "the ministry" is the latest "X Ministry" named; "she" is a
person the paragraph opened with ("Dana Krell, a 54-year-old schoolteacher, ..."). Each rule
refuses when the article offers two candidates: a wrong name is worse than none.
"""

from __future__ import annotations

import re

from rashomon.records import Article
from rashomon.text.attribution import is_generic, speaker_kind
from rashomon.text.tense import IRREGULAR_PAST

_ORG_HEADS = (
    r"Ministry|Command|Coalition|Government|Kremlin|Military|Army|Office|Agency|Council|Department|Police"
)


def leading_name(text: str) -> str:
    """The capitalised phrase that opens `text` ("Israeli Prime Minister Benjamin Netanyahu, who ...")."""
    m = re.match(r"\s*((?:[A-Z][\w'’.-]*\s+){0,5}[A-Z][\w'’-]*)(?=[\s,])", text)
    if not m or re.match(r"(?:The|A|An|In|On|At|But|And|As|It|This|He|She|They)\b", m.group(1)):
        return ""
    return m.group(1)


def _named_before(article: Article, sentence_index: int, head: str) -> str | None:
    """The most recent full name ending in `head` ("Russia's Foreign Ministry" for "ministry")."""
    texts = ([article.title] if article.title else []) + [
        s.text for s in article.sentences[: sentence_index + 1]
    ]
    rx = re.compile(r"((?:[A-Z][\w.’'-]*(?:'s|’s)?\s+)+" + head.capitalize() + r")\b")
    names: list[str] = []
    for text in texts:
        for m in rx.finditer(text):
            name = re.sub(r"^(?:The|A|An|On|In|As|While)\s+", "", m.group(1))
            if len(name.split()) >= 2:
                names.append(name)
    if not names:
        return _described_before(texts, head)
    # the most recent name, or a longer earlier one that ends with it ("Russia's Foreign Ministry")
    latest = names[-1]
    return max((n for n in names if n.endswith(latest)), key=len)


def _described_before(texts: list[str], head: str) -> str | None:
    """A body named in lower case ("Valdoria's consumer protection agency") when exactly one is."""
    rx = re.compile(r"(?<![\w.-])(?:[A-Z][\w.’'-]*(?:'s|’s)\s+)?(?:[a-z]+\s+){1,3}" + head.lower() + r"\b")
    found = {_trailing_phrase(m.group(0)) for text in texts for m in rx.finditer(text)}
    found = {f for f in found if f.lower() != head.lower()}
    return found.pop() if len(found) == 1 else None


_FUNCTION = {
    *re.findall(r"\S+", "the a an its their this that of by to from with according said says and or in on at")
}


def _trailing_phrase(words: str) -> str:
    """ "according to the consumer agency" -> "consumer agency": the words after the last function word."""
    kept: list[str] = []
    for word in reversed(words.split()):
        if word.lower() in _FUNCTION:
            break
        kept.append(word)
    return " ".join(reversed(kept))


# Roles that name one person ("the governor said"): resolved to the article's only such person.
_PERSON_ROLES = set(
    re.findall(
        r"\S+",
        """
        governor mayor president minister spokesman spokeswoman spokesperson director chief leader
        secretary ambassador commander prosecutor judge senator chancellor premier
    """,
    )
)
_NAME = r"(?:[A-Z][\w'’-]+\s+){0,2}[A-Z][\w'’-]+"


def _article_texts(article: Article, upto: int | None = None) -> list[str]:
    sentences = article.sentences if upto is None else article.sentences[: upto + 1]
    return ([article.title] if article.title else []) + [s.text for s in sentences]


def _named_role(article: Article, index: int, role: str) -> str | None:
    """ "Governor Ilse Marovec" for "the governor" when the article so far names exactly one
    governor ("Governor X", "governor X" or "X, the ... governor"); None when it names none or two."""
    found: dict[str, str] = {}  # surname -> fullest wording
    titled = re.compile(rf"\b(?i:{role})\s+({_NAME})")
    apposed = re.compile(rf"\b({_NAME}),\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}(?i:{role})\b")
    for text in _article_texts(article, index):
        for m in titled.finditer(text):
            wording = f"{m.group(0)[: len(role)].capitalize()} {m.group(1)}"
            surname = m.group(1).split()[-1]
            found[surname] = max(found.get(surname, ""), wording, key=len)
        for m in apposed.finditer(text):
            surname = m.group(1).split()[-1]
            found.setdefault(surname, m.group(1))
    return next(iter(found.values())) if len(found) == 1 else None


_TITLES = r"Governor|Mayor|President|Minister|Senator|Judge|Dr\.|Professor|General|Mr\.?|Ms\.?|Mrs\.?"
_NOT_GIVEN = set(
    re.findall(r"\S+", "With And Of The For From To In On At By As But Or Deal Says Said After Before Over")
)


def _full_name(article: Article, surname: str) -> str | None:
    """The one fuller wording of a lone surname in the article's body ("Marovec" -> "Governor Ilse
    Marovec"): a title and one given name at most, the same given name everywhere, never from the
    headline (whose Title Case makes "Deal With Kraft-Heinz" look like a name)."""
    rx = re.compile(rf"\b(?:((?:{_TITLES})\s+))?([A-Z][a-z'’-]+)\s+{re.escape(surname)}\b")
    forms = [
        (m.group(1) or "", m.group(2))
        for s in article.sentences
        for m in rx.finditer(s.text)
        if m.group(2) not in _NOT_GIVEN and not re.fullmatch(_TITLES, m.group(2))
    ]
    given = {g for _, g in forms}
    if len(given) != 1:
        return None
    title = max((t for t, _ in forms), key=len)
    return f"{title}{given.pop()} {surname}"


class Resolver:
    """Resolves pronouns and generic speakers ("it", "the ministry") inside one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.last_org: str | None = None
        self.named: list[str] = []  # speakers named so far, for "the official said" after "An official of X said"

    def generic(self, who: str, index: int) -> str:
        low = who.lower()
        role = low.split()[-1] if low.split() else ""
        if role in _PERSON_ROLES or role == "official":
            named = _named_role(self.article, index, role) if role in _PERSON_ROLES else None
            earlier = [n for n in self.named if role in n.lower().split() and n.lower() != low]
            if named or earlier:
                return named or earlier[-1]
        head = next((h for h in _ORG_HEADS.lower().split("|") if h in low.split()), None)
        if head is not None:
            named = _named_before(self.article, index, head)
            if named:
                return named
        if low in ("company", "firm", "organisation", "organization", "group", "charity") and self.last_org:
            return self.last_org
        if low in ("statement", "ministry statement") and (self.last_org or self.named):
            return self.last_org or self.named[-1]  # a statement is its issuer's, whoever spoke last
        return who

    def expand(self, who: str) -> str:
        """A partial name made whole from the article ("Foreign Ministry" -> "Russia's Foreign
        Ministry", "Marovec" -> "Governor Ilse Marovec"), when the article uses one longer form."""
        if re.fullmatch(r"[A-Z][\w'’-]+", who):
            return _full_name(self.article, who) or who
        if speaker_kind(who) != "organisation" or not who[:1].isupper():
            return who
        texts = ([self.article.title] if self.article.title else []) + [
            s.text for s in self.article.sentences
        ]
        rx = re.compile(r"((?:[A-Z][\w.’'-]*(?:'s|’s)?\s+)+)" + re.escape(who) + r"\b")
        longer = {
            re.sub(r"^(?:The|A|An|On|In|As|While)\s+", "", m.group(0)) for t in texts for m in rx.finditer(t)
        }
        longer.discard(who)
        return longer.pop() if len(longer) == 1 else who

    def note(self, who: str) -> None:
        self.named.append(who)
        if speaker_kind(who) == "organisation" and not is_generic(who):
            self.last_org = who


# "Dana Krell, a 54-year-old schoolteacher, spoke ...": a sentence opening with a person and an apposition.
APPOSED_PERSON = re.compile(
    r"^(?P<name>(?:(?:Governor|Mayor|President|Minister|Dr\.|Mr\.|Ms\.|Mrs\.|Professor|Senator)\s+)?"
    r"[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2}),\s+(?:a|an|the|who|whose|[a-z][\w-]*)\b[^,]{2,90},"
)


_LEADING_PERSON = re.compile(
    r"^(?:(?:Governor|Mayor|President|Minister|Dr\.|Mr\.|Ms\.|Mrs\.|Professor|General|Senator|Judge)\s+)?"
    r"(?!(?:The|A|An|In|On|At|But|And|As|When|While|After)\b)([A-Z][a-z]+(?:\s+[A-Z][a-z'-]+){1,2})\b"
    r"(?!\s+(?:Ministry|Party|Agency|Office|Service|Street|River|Court))"
)


# "Prime Minister Ana Belo spoke to reporters": a titled person, or a full name with a past verb, as
# the subject of a sentence without a speech verb; the antecedent of a "she" in the next sentence.
_ACTING_PERSON = re.compile(
    r"^(?:(?P<title>(?:Prime\s+)?(?:Governor|Mayor|President|Minister|Dr\.|Mr\.?|Ms\.?|Mrs\.?|Professor|"
    r"General|Senator|Judge))\s+)?(?P<name>[A-Z][a-z'’-]+(?:\s+[A-Z][a-z'’-]+){1,2})\s+(?P<verb>[a-z]+)\b"
)


def acting_person(text: str) -> str | None:
    """The person a sentence opens with (see `_ACTING_PERSON`), or None."""
    named = APPOSED_PERSON.match(text)
    if named:
        return named.group("name")
    m = _ACTING_PERSON.match(text)
    if not m or not (m.group("title") or m.group("verb").endswith("ed") or m.group("verb") in IRREGULAR_PAST):
        return None
    return m.group("name")


def paragraph_subject(article: Article, index: int, pronoun: str) -> str | None:
    """A person who opens an earlier sentence of the same paragraph ("Governor Lena Maris visited ...
    'We will rebuild,' she said"): the paragraph is the attribution chain a pronoun may reach."""
    if pronoun.lower() not in ("he", "she"):
        return None
    paragraph = article.sentences[index].paragraph
    for j in range(index - 1, -1, -1):
        sentence = article.sentences[j]
        if sentence.paragraph != paragraph:
            return None
        m = _LEADING_PERSON.match(sentence.text)
        if m and speaker_kind(m.group(1)) == "person":
            return m.group(1)
    return None


def kind_fits(pronoun: str, speaker: str) -> bool:
    kind = speaker_kind(speaker)
    p = pronoun.lower()
    return (
        (p in ("he", "she", "i") and kind == "person")
        or (p == "it" and kind == "organisation")
        or p in ("they", "we")
    )
