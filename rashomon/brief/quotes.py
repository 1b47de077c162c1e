"""Direct quotations with their speakers, and the same statement across articles as one quote.

A speaker is taken only from what the article says: the quote's own sentence ("..., she said"),
a sentence introducing it with a colon, or the attribution chain it continues (a run of quoted
sentences and speech acts, so that "it added" or a bare follow-up quote inherits the speaker).
A bare quote that continues no chain stays `unattributed`; the last name mentioned is never used,
because that is exactly how misattributions are born. A bare quote right after a sentence that
reports one speaker's statement inherits that speaker only when it shares its content words
(a statement quoted after being summarised).

Short quoted fragments (three words or fewer: scare quotes such as "mercenaries") are not quotes.
Quotes from different articles are the same statement when their content words overlap or when
provenance found the sentence copied; translations become `variants` of one `Quote`.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from rashomon.brief.aliases import canonical_name
from rashomon.brief.attribution import (
    SpeechAct,
    clean_speaker,
    is_generic,
    is_pronoun,
    speaker_kind,
    speech_acts,
)
from rashomon.records import Article, Quote, ReuseLink

UNATTRIBUTED = "unattributed"
MIN_QUOTE_WORDS = 4  # "mercenaries", "defensive airstrikes", "playing with fire" are scare quotes
_PAIRS = (("“", "”"), ("«", "»"), ("„", "“"))
_STOP = set(
    re.findall(r"\S+", """
        the a an and or of to in on at for with by from that this these those is are was were be
        been being have has had it its they them their we our you your he she his her not no as but
        if so which who whom what there here do does did will would can could may might shall should
        into than then also over about after before all any some such only own
    """)
)
_ORG_HEADS = (
    r"Ministry|Command|Coalition|Government|Kremlin|Military|Army|Office|Agency|Council|Department|Police"
)


@dataclass(slots=True, frozen=True)
class ArticleQuote:
    """A quotation inside one article: its text, resolved speaker and the sentences it spans."""

    text: str
    speaker: str
    article_id: str
    sentences: tuple[int, ...]
    context: str = ""  # the sentences around the quote, to match translations of one statement


@dataclass(slots=True)
class _Paragraph:
    text: str
    starts: list[int]  # character offset of each sentence in `text`
    indices: list[int]  # sentence index of each sentence


def _paragraphs(article: Article) -> list[_Paragraph]:
    out: list[_Paragraph] = []
    current: _Paragraph | None = None
    last_para = None
    for s in article.sentences:
        if current is None or s.paragraph != last_para:
            current = _Paragraph("", [], [])
            out.append(current)
            last_para = s.paragraph
        if current.text:
            current.text += " "
        current.starts.append(len(current.text))
        current.indices.append(s.index)
        current.text += s.text
    return out


def _quote_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each quotation in a paragraph, quote marks included."""
    spans: list[tuple[int, int]] = []
    for open_mark, close_mark in _PAIRS:
        for m in re.finditer(
            re.escape(open_mark) + r"[^" + re.escape(close_mark) + r"]{2,}" + re.escape(close_mark), text
        ):
            spans.append((m.start(), m.end()))
    straight = [i for i, ch in enumerate(text) if ch == '"']
    for a, b in zip(straight[0::2], straight[1::2], strict=False):
        spans.append((a, b + 1))
    spans.sort()
    kept: list[tuple[int, int]] = []
    for span in spans:
        if not kept or span[0] >= kept[-1][1]:
            kept.append(span)
    return kept


def _words(text: str) -> list[str]:
    return re.findall(r"[\w’']+", text)


def content_words(text: str) -> set[str]:
    """Lowercased words that carry meaning (used to compare quotes and sentences)."""
    return {w.lower() for w in _words(text) if len(w) > 2 and w.lower() not in _STOP}


# Words that two translations of one statement use for the same thing; a tiny thesaurus stands in
# for the multilingual sentence embeddings we cannot ship offline.
_SYNONYMS: dict[str, str] = {
    "accord": "will", "volition": "will", "free will": "will", "own will": "will",
    "goal": "aim", "purpose": "aim", "objective": "aim", "reason": "aim",
    "different": "various", "various": "various", "diverse": "various",
    "helped": "assist", "help": "assist", "assisted": "assist", "assistance": "assist", "aid": "assist",
    "receiving": "treat", "undergoing": "treat", "treatment": "treat", "treated": "treat",
    "returning": "return", "returned": "return",
    "injured": "wound", "wounded": "wound", "hurt": "wound",
    "killed": "die", "died": "die", "deaths": "die", "death": "die", "dead": "die",
    "servicemen": "soldier", "soldiers": "soldier", "troops": "soldier", "military": "soldier",
    "clashes": "clash", "fighting": "clash", "skirmish": "clash", "battle": "clash",
    "citizens": "citizen", "nationals": "citizen",
    "legitimacy": "legal", "legality": "legal", "lawful": "legal",
    "assess": "judge", "evaluate": "judge", "judge": "judge",
    "task": "job", "job": "job", "business": "job",
}


def meaning_words(text: str) -> set[str]:
    """Content words with translation synonyms and plural endings folded together."""
    out = set()
    for w in content_words(text):
        w = _SYNONYMS.get(w, w)
        if len(w) > 4 and w.endswith("s") and not w.endswith("ss"):
            w = _SYNONYMS.get(w[:-1], w[:-1])
        out.add(w)
    return out


def _is_quote(inner: str) -> bool:
    words = inner.split()
    if len(words) < MIN_QUOTE_WORDS:
        return False
    # A quoted title ("Russia Admits to Dozens of Casualties") is not a statement.
    return not (len(words) <= 8 and all(w[0].isupper() or w.lower() in _STOP for w in words))


def _sentence_of(para: _Paragraph, offset: int) -> int:
    pos = 0
    for i, start in enumerate(para.starts):
        if start <= offset:
            pos = i
    return pos


def _nearest_act(acts: list[SpeechAct], quote_start: int, quote_end: int) -> SpeechAct | None:
    """The speech act that introduces or follows the quote: after it (tail) first, then before."""
    tail = [a for a in acts if a.verb_start >= quote_end]
    if tail and tail[0].verb_start - quote_end < 80:
        return tail[0]
    lead = [a for a in acts if a.verb_end <= quote_start]
    if lead:
        return lead[-1]
    return tail[0] if tail else None


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
        return None
    # the most recent name, or a longer earlier one that ends with it ("Russia's Foreign Ministry")
    latest = names[-1]
    return max((n for n in names if n.endswith(latest)), key=len)


class _Resolver:
    """Resolves pronouns and generic speakers ("it", "the ministry") inside one article."""

    def __init__(self, article: Article) -> None:
        self.article = article
        self.last_org: str | None = None

    def generic(self, who: str, index: int) -> str:
        low = who.lower()
        head = next((h for h in _ORG_HEADS.lower().split("|") if h in low.split()), None)
        if head is not None:
            named = _named_before(self.article, index, head)
            if named:
                return named
        if low in ("statement", "ministry statement") and self.last_org:
            return self.last_org
        return who

    def expand(self, who: str) -> str:
        """A partial organisation name made whole from the article ("Foreign Ministry" ->
        "Russia's Foreign Ministry"), when the article uses one longer form of it."""
        if speaker_kind(who) != "organisation" or not who[:1].isupper():
            return who
        texts = ([self.article.title] if self.article.title else []) + [s.text for s in self.article.sentences]
        rx = re.compile(r"((?:[A-Z][\w.’'-]*(?:'s|’s)?\s+)+)" + re.escape(who) + r"\b")
        longer = {re.sub(r"^(?:The|A|An|On|In|As|While)\s+", "", m.group(0)) for t in texts for m in rx.finditer(t)}
        longer.discard(who)
        return longer.pop() if len(longer) == 1 else who

    def note(self, who: str) -> None:
        if speaker_kind(who) == "organisation" and not is_generic(who):
            self.last_org = who


def article_quotes(article: Article) -> list[ArticleQuote]:
    """The quotations of one article with their speakers resolved as the module docstring says."""
    return attributions(article)[0]


def attributions(article: Article) -> tuple[list[ArticleQuote], dict[int, str | None]]:
    """Quotes of an article, and the resolved speaker of every sentence that has one.

    Sentences are walked in order so that each sees the attribution chain before it.
    """
    resolver = _Resolver(article)
    chain: dict[int, str | None] = {}
    found: list[ArticleQuote] = []
    sentence_text = {s.index: s.text for s in article.sentences}
    for para in _paragraphs(article):
        spans = [(a, b) for a, b in _quote_spans(para.text) if _is_quote(para.text[a + 1 : b - 1])]
        pending: list[int] = []  # positions in `found` of quotes whose pronoun speaker looks forward
        for pos, index in enumerate(para.indices):
            if index in chain:
                continue  # inside a quote that started in an earlier sentence
            starting = [(a, b) for a, b in spans if _sentence_of(para, a) == pos]
            if not starting:
                chain[index] = _plain_speaker(sentence_text[index], index, chain, resolver)
                continue
            for start, end in starting:
                inner = para.text[start + 1 : end - 1].strip()
                last = para.indices[_sentence_of(para, max(start, end - 2))]
                host = " ".join(sentence_text[i] for i in range(index, last + 1))
                offset = para.starts[pos]
                act = _nearest_act(speech_acts(host), start - offset, end - offset)
                speaker = _speaker(act, index, chain, article, resolver, inner)
                if speaker == "":
                    pending.append(len(found))
                found.append(
                    ArticleQuote(_strip_marks(inner), speaker, article.id, tuple(range(index, last + 1)), host)
                )
                for i in range(index, last + 1):
                    chain[i] = speaker or None
                if speaker and speaker != UNATTRIBUTED:
                    resolver.note(speaker)
                    for waiting in pending:
                        q = found[waiting]
                        found[waiting] = ArticleQuote(q.text, speaker, q.article_id, q.sentences, q.context)
                        for i in q.sentences:
                            chain[i] = speaker
                    pending = []
        for waiting in pending:
            q = found[waiting]
            found[waiting] = ArticleQuote(q.text, UNATTRIBUTED, q.article_id, q.sentences, q.context)
            for i in q.sentences:
                chain[i] = None
    return found, chain


def _plain_speaker(text: str, index: int, chain: dict[int, str | None], resolver: _Resolver) -> str | None:
    """The speaker of a sentence without a quote: its first speech act, pronouns from the chain."""
    acts = speech_acts(text)
    if not acts:
        return None
    who = acts[0].speaker
    if is_pronoun(who):
        previous = chain.get(index - 1)
        return previous if previous and previous != UNATTRIBUTED and _kind_fits(who, previous) else None
    resolved = resolver.generic(who, index) if is_generic(who) else who
    resolver.note(resolved)
    return resolved


def _strip_marks(text: str) -> str:
    return text.strip().strip(",").strip()


def _speaker(
    act: SpeechAct | None,
    index: int,
    chain: dict[int, str | None],
    article: Article,
    resolver: _Resolver,
    inner: str,
) -> str:
    """The speaker of a quote starting in sentence `index`; "" means "look at the next quote"."""
    if act is not None:
        who = clean_speaker(act.speaker)
        if is_pronoun(who):
            previous = chain.get(index - 1)
            if previous and previous != UNATTRIBUTED and _kind_fits(who, previous):
                return previous
            return ""
        if is_generic(who):
            return resolver.generic(who, index)
        return resolver.expand(who)
    previous_text = article.sentences[index - 1].text if index > 0 else ""
    previous = chain.get(index - 1)
    if previous and previous != UNATTRIBUTED:
        acts = speech_acts(previous_text)
        if previous_text.rstrip().endswith(":") or not acts or _overlap(inner, previous_text) >= 2:
            return previous
    return UNATTRIBUTED


def _kind_fits(pronoun: str, speaker: str) -> bool:
    kind = speaker_kind(speaker)
    p = pronoun.lower()
    return (
        (p in ("he", "she", "i") and kind == "person")
        or (p == "it" and kind == "organisation")
        or p in ("they", "we")
    )


def _overlap(a: str, b: str) -> int:
    return len(content_words(a) & content_words(b))


def _similar(a: str, b: str) -> bool:
    wa, wb = meaning_words(a), meaning_words(b)
    if not wa or not wb:
        return False
    shared = len(wa & wb)
    return shared >= 3 and shared / min(len(wa), len(wb)) >= 0.45


def _copied(reuse: Sequence[ReuseLink], a: ArticleQuote, b: ArticleQuote) -> bool:
    for link in reuse:
        pairs = {(s.original_index, s.copy_index) for s in link.sentences}
        for x, y in ((a, b), (b, a)):
            if (
                link.original == x.article_id
                and link.copy == y.article_id
                and any((i, j) in pairs for i in x.sentences for j in y.sentences)
            ):
                return True
    return False


def same_speaker(a: str, b: str) -> bool:
    """True when two speaker names are one body or person ("Foreign Ministry", "Russia's Foreign Ministry")."""
    ka, kb = canonical_name(a), canonical_name(b)
    return bool(ka and kb) and (ka == kb or ka.endswith(" " + kb) or kb.endswith(" " + ka))


def _group_speaker(members: list[ArticleQuote]) -> str:
    """The speaker most articles give (aliases counted together), in its fullest wording."""
    named = [m.speaker for m in members if m.speaker != UNATTRIBUTED]
    if not named:
        return UNATTRIBUTED
    votes = Counter({n: sum(same_speaker(n, o) for o in named) for n in named})
    top = max(votes.values())
    return max((n for n in named if votes[n] == top), key=len)


def _same_statement(a: ArticleQuote, b: ArticleQuote, reuse: Sequence[ReuseLink]) -> bool:
    """Two quotations of one statement: similar words, a copied sentence, or (for translations
    whose words differ) the same speaker quoted in similar sentences of two articles."""
    if _similar(a.text, b.text) or _copied(reuse, a, b):
        return True
    if a.article_id == b.article_id or UNATTRIBUTED in (a.speaker, b.speaker):
        return False
    return same_speaker(a.speaker, b.speaker) and _overlap_ratio(a.context, b.context) >= 0.3


def _overlap_ratio(a: str, b: str) -> float:
    wa, wb = meaning_words(a), meaning_words(b)
    shared = len(wa & wb)
    return shared / min(len(wa), len(wb)) if shared >= 3 else 0.0


def extract_quotes(articles: Sequence[Article], reuse: Sequence[ReuseLink]) -> list[Quote]:
    """All direct quotations of a story, one `Quote` per statement, earliest article's wording first."""
    order = sorted(articles, key=lambda a: (a.published or "9999", a.id))
    groups: list[list[ArticleQuote]] = []
    for article in order:
        for q in article_quotes(article):
            home = next(
                (g for g in groups if any(_same_statement(m, q, reuse) for m in g)), None
            )
            if home is None:
                groups.append([q])
            else:
                home.append(q)
    quotes: list[Quote] = []
    for members in groups:
        text = members[0].text
        variants = tuple(dict.fromkeys(m.text for m in members[1:] if m.text != text))
        ids = tuple(dict.fromkeys(m.article_id for m in members))
        quotes.append(Quote(text=text, speaker=_group_speaker(members), articles=ids, variants=variants))
    return quotes
