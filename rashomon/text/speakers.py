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


def _named_before(texts: list[str], head: str) -> list[str | None]:
    """For each prefix of `texts` (headline, then sentences): the most recent full name ending in
    `head` ("Russia's Foreign Ministry" for "ministry"), or the one body described in lower case.

    Computed in one pass for every prefix: a resolver asks for it at many sentences, and reading
    the article up to each of them was quadratic."""
    # "[\w.’'-]*" already takes a possessive "'s": the optional "(?:'s)?" the pattern had
    # made every possessive word match two ways, exponential on a run that ends without `head`.
    rx = re.compile(r"((?:[A-Z][\w.’'-]*\s+)+" + head.capitalize() + r")\b")
    described = re.compile(
        r"(?<![\w.-])(?:[A-Z][\w.’'-]*(?:'s|’s)\s+)?(?:[a-z]+\s+){1,3}" + head.lower() + r"\b"
    )
    longest = _LongestEnding()
    latest: str | None = None
    bodies: set[str] = set()
    answers: list[str | None] = []
    for text in texts:
        if head.capitalize() in text:
            for m in rx.finditer(text):
                name = re.sub(r"^(?:The|A|An|On|In|As|While)\s+", "", m.group(1))
                if len(name.split()) >= 2:
                    longest.add(name)
                    latest = name
        if latest is None and head.lower() in text:
            found = {_trailing_phrase(m.group(0)) for m in described.finditer(text)}
            bodies.update(f for f in found if f.lower() != head.lower())
        if latest is not None:
            # the most recent name, or a longer earlier one that ends with it
            answers.append(longest.best(latest))
        else:
            answers.append(next(iter(bodies)) if len(bodies) == 1 else None)
    return answers


class _LongestEnding:
    """Names seen so far; `best(name)` is the longest (the earliest among equals) that ends with
    `name`. Every name is filed under each of its suffixes that starts with a capital (a name
    it may end with starts with one), so a question costs a lookup, not a pass over all names."""

    _LONG = 300  # a longer name is not filed by suffix but compared directly

    def __init__(self) -> None:
        self._by_suffix: dict[str, str] = {}
        self._long: list[str] = []
        self._seen: set[str] = set()

    def add(self, name: str) -> None:
        if name in self._seen:
            return
        self._seen.add(name)
        if len(name) > self._LONG:
            self._long.append(name)
            return
        for at, ch in enumerate(name):
            if ch.isupper():
                kept = self._by_suffix.setdefault(name[at:], name)
                if len(name) > len(kept):
                    self._by_suffix[name[at:]] = name

    def best(self, name: str) -> str:
        found = self._by_suffix.get(name, name)
        longer = [n for n in self._long if n.endswith(name) and len(n) > len(found)]
        return max(longer, key=len) if longer else found


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


def _article_texts(article: Article) -> list[str]:
    return ([article.title] if article.title else []) + [s.text for s in article.sentences]


def _named_role(texts: list[str], role: str) -> list[str | None]:
    """For each prefix of `texts`: "Governor Ilse Marovec" for "the governor" when it names
    exactly one governor ("Governor X", "governor X" or "X, the ... governor"); None when it names
    none or two. One pass for every prefix, like `_named_before`."""
    found: dict[str, str] = {}  # surname -> fullest wording
    titled = re.compile(rf"\b(?i:{role})\s+({_NAME})")
    apposed = re.compile(rf"\b({_NAME}),\s+(?:the\s+)?(?:[\w-]+\s+){{0,3}}(?i:{role})\b")
    answers: list[str | None] = []
    for text in texts:
        if role in text.lower():
            for m in titled.finditer(text):
                wording = f"{m.group(0)[: len(role)].capitalize()} {m.group(1)}"
                surname = m.group(1).split()[-1]
                found[surname] = max(found.get(surname, ""), wording, key=len)
            for m in apposed.finditer(text):
                surname = m.group(1).split()[-1]
                found.setdefault(surname, m.group(1))
        answers.append(next(iter(found.values())) if len(found) == 1 else None)
    return answers


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
        for m in _matches_ending_at(rx, s.text, surname)
        if m.group(2) not in _NOT_GIVEN and not re.fullmatch(_TITLES, m.group(2))
    ]
    given = {g for _, g in forms}
    if len(given) != 1:
        return None
    title = max((t for t, _ in forms), key=len)
    return f"{title}{given.pop()} {surname}"


_REACH = 300  # characters a name reaches back from the word it ends with


def _matches_ending_at(rx: re.Pattern[str], text: str, word: str) -> list[re.Match[str]]:
    """`rx.finditer(text)` for a pattern whose matches end with `word` and start at most `_REACH`
    characters before it: the pattern is tried only near each occurrence of `word`, so that
    asking for many names in one long sentence does not read all of it for each."""
    found: list[re.Match[str]] = []
    done = 0  # matches do not overlap: the next one starts after the last
    at = text.find(word)
    while at >= 0:
        m = rx.search(text, max(done, at - _REACH), at + len(word) + 1)
        if m is not None:
            found.append(m)
            done = m.end()
        at = text.find(word, max(at + 1, done))
    return found


class Resolver:
    """Resolves pronouns and generic speakers ("it", "the ministry") inside one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.last_org: str | None = None
        self.named: list[str] = []  # speakers named so far, for "the official said" after "An official of X said"
        # What the article names up to each sentence, per role or head, each found in one pass
        # when first asked (see `_named_role`), and the speakers named so far by each word.
        self._texts = _article_texts(article)
        self._offset = 1 if article.title else 0  # the headline comes first in `_texts`
        self._roles: dict[str, list[str | None]] = {}
        self._heads: dict[str, list[str | None]] = {}
        self._named_by_word: dict[str, list[str]] = {}
        self._expanded: dict[str, str] = {}
        self._subjects: list[str | None] | None = None

    def generic(self, who: str, index: int) -> str:
        low = who.lower()
        role = low.split()[-1] if low.split() else ""
        at = min(index + self._offset, len(self._texts) - 1)
        if role in _PERSON_ROLES or role == "official":
            named = self._role_answers(role)[at] if role in _PERSON_ROLES and at >= 0 else None
            earlier = next((n for n in reversed(self._named_by_word.get(role, [])) if n.lower() != low), None)
            if named or earlier:
                return named or earlier or who
        head = next((h for h in _ORG_HEADS.lower().split("|") if h in low.split()), None)
        if head is not None:
            named = self._head_answers(head)[at] if at >= 0 else None
            if named:
                return named
        if low in ("company", "firm", "organisation", "organization", "group", "charity") and self.last_org:
            return self.last_org
        if low in ("statement", "ministry statement") and (self.last_org or self.named):
            return self.last_org or self.named[-1]  # a statement is its issuer's, whoever spoke last
        return who

    def _role_answers(self, role: str) -> list[str | None]:
        if role not in self._roles:
            self._roles[role] = _named_role(self._texts, role)
        return self._roles[role]

    def _head_answers(self, head: str) -> list[str | None]:
        if head not in self._heads:
            self._heads[head] = _named_before(self._texts, head)
        return self._heads[head]

    def expand(self, who: str) -> str:
        """A partial name made whole from the article ("Foreign Ministry" -> "Russia's Foreign
        Ministry", "Marovec" -> "Governor Ilse Marovec"), when the article uses one longer form.
        The answer depends on the whole article only, so it is found once per name."""
        if who not in self._expanded:
            self._expanded[who] = self._expand(who)
        return self._expanded[who]

    def _expand(self, who: str) -> str:
        if re.fullmatch(r"[A-Z][\w'’-]+", who):
            return _full_name(self.article, who) or who
        if speaker_kind(who) != "organisation" or not who[:1].isupper():
            return who
        # "[\w.’'-]*" takes a possessive itself (see `_named_before`)
        rx = re.compile(r"((?:[A-Z][\w.’'-]*\s+)+)" + re.escape(who) + r"\b")
        longer = {
            re.sub(r"^(?:The|A|An|On|In|As|While)\s+", "", m.group(0))
            for t in self._texts
            for m in _matches_ending_at(rx, t, who)
        }
        longer.discard(who)
        return longer.pop() if len(longer) == 1 else who

    def subject(self, index: int, pronoun: str) -> str | None:
        """`paragraph_subject`, from one pass over the article made when first asked."""
        if pronoun.lower() not in ("he", "she"):
            return None
        if self._subjects is None:
            self._subjects = _paragraph_subjects(self.article)
        return self._subjects[index]

    def note(self, who: str) -> None:
        self.named.append(who)
        for word in dict.fromkeys(who.lower().split()):
            self._named_by_word.setdefault(word, []).append(who)
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


def _paragraph_subjects(article: Article) -> list[str | None]:
    """For each sentence, the person who opens the latest earlier sentence of its paragraph (see
    `paragraph_subject`), found in one pass instead of walking back from every pronoun."""
    subjects: list[str | None] = []
    current: str | None = None
    paragraph = None
    for sentence in article.sentences:
        if sentence.paragraph != paragraph:
            current, paragraph = None, sentence.paragraph
        subjects.append(current)
        m = _LEADING_PERSON.match(sentence.text)
        if m and speaker_kind(m.group(1)) == "person":
            current = m.group(1)
    return subjects


def kind_fits(pronoun: str, speaker: str) -> bool:
    kind = speaker_kind(speaker)
    p = pronoun.lower()
    return (
        (p in ("he", "she", "i") and kind == "person")
        or (p == "it" and kind == "organisation")
        or p in ("they", "we")
    )
