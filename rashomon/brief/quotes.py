"""The same statement across a story's articles as one `Quote`, with its speaker and wordings.

Each article's quotations and speakers come from the annotate step (`annotate.quotes`). Quotes
from different articles are the same statement when their content words overlap (with a small
thesaurus for translations, `statements`) or when provenance found the sentence copied; other
wordings become `variants` of one `Quote`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rashomon.annotate import AnnotatedArticle
from rashomon.annotate.quotes import UNATTRIBUTED, ArticleQuote
from rashomon.config import QuotesConfig
from rashomon.records import Quote, ReuseLink
from rashomon.text.aliases import canonical_name
from rashomon.text.statements import overlap_ratio, similar

_Copies = set[tuple[str, int, str, int]]  # (original article, sentence, copy article, sentence)


def _copies(reuse: Sequence[ReuseLink]) -> _Copies:
    return {(link.original, x.original_index, link.copy, x.copy_index) for link in reuse for x in link.sentences}


def _copied(copies: _Copies, a: ArticleQuote, b: ArticleQuote) -> bool:
    return any(
        (x.article_id, i, y.article_id, j) in copies
        for x, y in ((a, b), (b, a))
        for i in x.sentences
        for j in y.sentences
    )


def same_speaker(a: str, b: str) -> bool:
    """True when two speaker names are one body or person ("Ministry", "Russia's Foreign Ministry")."""
    ka, kb = canonical_name(a), canonical_name(b)
    return bool(ka and kb) and (ka == kb or ka.endswith(" " + kb) or kb.endswith(" " + ka))


def _group_speaker(members: list[ArticleQuote]) -> str:
    """The speaker most articles give (aliases counted together), in its fullest wording."""
    named = Counter(m.speaker for m in members if m.speaker != UNATTRIBUTED)
    if not named:
        return UNATTRIBUTED
    votes = {n: sum(count for o, count in named.items() if same_speaker(n, o)) for n in named}
    top = max(votes.values())
    return max((n for n in named if votes[n] == top), key=len)


def _same_statement(a: ArticleQuote, b: ArticleQuote, copies: _Copies, config: QuotesConfig) -> bool:
    """Two quotations of one statement: similar words, a copied sentence, or (for translations
    whose words differ) the same speaker quoted in similar sentences of two articles."""
    if similar(a.text, b.text) or _copied(copies, a, b):
        return True
    if a.article_id == b.article_id or UNATTRIBUTED in (a.speaker, b.speaker):
        return False
    return same_speaker(a.speaker, b.speaker) and overlap_ratio(a.context, b.context) >= config.context_overlap


def extract_quotes(
    annotated: Sequence[AnnotatedArticle], reuse: Sequence[ReuseLink], config: QuotesConfig | None = None
) -> list[Quote]:
    """All direct quotations of a story, one `Quote` per statement, earliest article's wording first.

    A new quotation is compared with the first `compared_members` of each statement."""
    config = config or QuotesConfig()
    compared = config.compared_members
    order = sorted(annotated, key=lambda a: (a.article.published or "9999", a.article.id))
    copies = _copies(reuse)
    groups: list[list[ArticleQuote]] = []
    for reading in order:
        for q in reading.quotes:
            home = next((g for g in groups if any(_same_statement(m, q, copies, config) for m in g[:compared])), None)
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
