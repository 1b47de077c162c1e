"""Which lines of an article are not its story: a rule-based line classifier plus repetition.

Extractors (trafilatura included) and crawls leave captions, credits, "READ MORE" links,
share widgets, donation appeals and cookie notices among the paragraphs. Each rule below names
one kind of noise seen in real pages; a line is dropped only when a rule names it, so an
unfamiliar story sentence is kept (losing a sentence of the story is worse than keeping a menu
line, which later stages ignore because it is no sentence). Appeal and menu lines are judged in
runs: one line with "support" and "our" is kept, a block of them is an appeal and goes.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Sequence
from functools import lru_cache

from rashomon.clean.dates import timestamp_date
from rashomon.clean.lines import ends_sentence, is_story_line, is_ui_fragment, words_of
from rashomon.clean.neighbours import mark_menus, mark_repeated_headlines
from rashomon.clean.unicode import normalise_text
from rashomon.clean.widgets import glued_widget, is_ad_label, is_widget
from rashomon.records import RawArticle

# Photo credits: "© Agency/Name", "Photo: ...", "(Xinhua/Name)", "Name / Flickr (CC BY 2.0)", "REUTERS/Name".
_CREDIT_ANY_CASE_RE = re.compile(
    r"^(©|\(c\)\s|copyright\b)|^\(?(photo|photos|photograph|image|picture|credit|source|quelle|fuente|fonte|foto|"
    r"video|titelbild|"
    r"beitragsbild)s?\s*"
    r"(:|by\b|credit\b|©)|^(REUTERS|AFP|AP|EPA|TASS|Getty Images|AP Photo|Associated Press)\s?[/|]",
    re.IGNORECASE,
)
_CREDIT_RE = re.compile(
    r"\([A-Z][\w.&-]*(?: [A-Z][\w.&-]*){0,3} ?/ ?[^()/]{2,60}\)\s*$"
    r"|\s/\s?(Flickr|Getty Images|AFP|Reuters|AP|Shutterstock|Wikimedia( Commons)?|Unsplash|EPA|TASS|"
    r"Sputnik|Pixabay|Alamy|Bloomberg|iStock)\b|\(CC[ -]?(BY|0)[^)]*\)"
    r"|\b(File Photo|Getty Images|Shutterstock|AP Photo|AFP Photo)\b"
    r"|©\s?[A-Z][\w.&-]*( [A-Z][\w.&-]*)?\s?/\s?[\w .'-]{2,40}$"
    r"|\b(Credit|Credits|Crédito|Crédit|Créditos|Crédits( photos?)?|Foto|Fotos|Bild)\s?(:|©)\s?[\w .&/©-]{2,40}$"
)
# Substrings without which the credit / appeal patterns cannot match: most lines skip the regexes.
_CREDIT_HINTS = ("©", "(c)", "copyright", "/", "photo", "image", "picture", "credit", "source", "quelle", "fuente",
                 "fonte", "foto",
                 "video", "(cc", "getty", "shutterstock", "|", "crédit", "bild")  # fmt: skip
_APPEAL_HINTS = ("newsletter", "subscribe", "sign up", "donat", "support", "ad-free", "remind me",
                 "not ready", "message from", "dear ", "become a", "paywall", "paiment",
                 "payment", "suite", "connecter", "eingeloggt", "subscriber", "hear", "letter to the editor",
                 "enjoyed", "subskrypcj")  # fmt: skip
_BYLINE_RE = re.compile(
    r"^([Bb]y|[Vv]on|[Pp]ar|[Pp]or|[Dd]i)\s+[A-Z\u00c0-\u024f][\w.'-]+(\s+[\w.'-]+){0,5}(\s*[|,/-].{0,60})?$"
)
_SITE_NAME_RE = re.compile(
    r"^(www\.)?[\w-]+(\.[\w-]+)*\.(com|org|net|co\.uk|co|news|info|tv|fm|de|fr|ru|in|au)$", re.IGNORECASE
)
_NAVIGATION_RE = re.compile(
    r"^([←→«»‹›<>]|(back to|go to|return to|next|previous|prev|skip to)\b)", re.IGNORECASE
)
_NOTE_RE = re.compile(
    r"^\(?((additional )?reporting|writing|editing|compiled|translated|produced) by\b"
    r"|^\(this (version|story|article) (of the story )?(has been|was) (refiled|corrected|updated)",
    re.IGNORECASE,
)
# Promotion of the outlet itself: "Follow the Post for live updates", "Listen to ... live every evening".
_PROMO_RE = re.compile(
    r"^(listen to|watch|follow|stay tuned|don'?t miss|never miss|download|get the|like us|join us|"
    r"for (the )?latest)\b.*"
    r"\b(live|apps?|updates|podcast|newsletter|briefing|social media|twitter|facebook|instagram|telegram|"
    r"youtube)\b",
    re.IGNORECASE,
)
# "Follow The Gleaner on Twitter and Instagram ... Send us a message on WhatsApp at ... or email us
# at ...": a promotion line names several channels and runs long.
_PROMO_MAX_WORDS = 40
_UPDATE_NOTE_RE = re.compile(
    r"\b(will (keep )?updat\w* this (story|article|page)|this (story|article) (is developing|will be updated|"
    r"has been updated)|developing story)\b",
    re.IGNORECASE,
)
_RELATED_RE = re.compile(
    r"^(read more|read also|also read|more news|more stories|more from|related( articles| stories| news)?|"
    r"see also|recommended( for you)?|you may also like|further reading|latest news|top stories|most read|"
    r"most popular|trending( now)?|editor'?s picks?|watch|listen|click here|continue reading|advertisement|"
    r"sponsored( content)?|anzeige|werbung|publicidad|publicité|pubblicità|reklama|story continues below|"
    r"skip to (main )?content|loading|wird geladen|chargement|cargando|"
    # The same markers in the languages of the evaluation pages (es, pt, fr, it, de, pl).
    r"lea( también| más| además)?|lee( también| más)?|vea también|ver también|mira|puedes ver|"
    r"(te|le) puede interesar|(notas|noticias|contenido|artículos) relacionad[oa]s?|leia( também| mais)?|"
    r"veja também|(à )?lire aussi|voir aussi|sur le même sujet|leggi anche|schon gelesen|auch lesen|"
    r"lesen sie auch( die folgenden beiträge)?|mehr zum thema|weiterlesen|auch interessant|mehr themen|"
    r"weitere (artikel|beiträge|themen|nachrichten)( zum thema| aus der kolumne)?|empfohlene (artikel|beiträge)|"
    r"top-themen|(das|dieses) thema könnte (dich|sie) auch interessieren|das könnte (dich|sie) auch interessieren|"
    r"más sobre|czytaj (też|także|więcej)|zobacz (też|także)|dowiedz się więcej)"
    r"\b\s*(:|-|–|—|»|›|\.\.\.|\?|$)",
    re.IGNORECASE,
)
_FOOTER_RE = re.compile(
    r"(all rights reserved|terms of (use|service)|privacy policy|terms and conditions|cookie policy|"
    r"reproduction (is )?(prohibited|forbidden)|javascript (is )?(disabled|required))",
    re.IGNORECASE,
)
_COOKIE_RE = re.compile(r"\bcookies?\b.*\b(use|uses|using|accept|consent|policy|settings|experience|browsing|"
                        r"site|website|agree)\b", re.IGNORECASE)  # fmt: skip
_STRONG_APPEAL_RE = re.compile(
    r"(\bnewsletter\b|\bsubscribe\b|\bsign up\b|\bdonat(e|ion)\b|\bsupport us\b|\bad-free\b|"
    r"\bremind me\b|\bnot ready to\b|^a message from\b|^dear (readers?|subscribers?|friends)\b|"
    r"\bbecome a (member|subscriber|patron|supporter)\b|\bsupport (independent|our) journalism\b|"
    r"\bpaywall\b|\bpaiment|\bpayment methods?\b|"
    # Paywall and login notices, and asking the reader for a reply, in the evaluation pages' languages.
    r"^pour lire la suite\b|\bveuillez vous connecter\b|\bnicht eingeloggt\b|\balready a subscriber\b|"
    r"\bsubskrypcj|\bwe want to hear (from you|what you think)\b|\bletter to the editor via\b|"
    r"^if you enjoyed (reading )?this\b)",
    re.IGNORECASE,
)
_APPEAL_WORDS_RE = re.compile(
    r"\b(support|supporting|donat\w*|contribut\w*|subscri\w*|membership|member|newsletter|ads|journalism|"
    r"journalists|readers?|your help|help us|monthly|annual|our work|our staff|independent|"
    r"reading experience)\b",
    re.IGNORECASE,
)
# A line longer than this is a paragraph that mentions a newsletter or a donation, not an appeal
# on its own (it still goes inside a block of appeals): on trafilatura's evaluation pages such
# lines were press-release and interview text.
_APPEAL_MAX_WORDS = 30
_ADDRESS_RE = re.compile(r"\b(you|your|we|our|us)\b", re.IGNORECASE)
_ATTRIBUTION_RE = re.compile(r"\b(said|says|told|added|according to|stated|announced|wrote)\b", re.IGNORECASE)
_DIGIT_RE = re.compile(r"\d")
_MENU_SEPARATORS_RE = re.compile(r"\s[|•·›»/]\s")
# Breadcrumbs ("新華網 > 時政 > 正文"): the separator often has a space on one side only.
_CRUMB_RE = re.compile(r"\s?[>›»]\s?")
# A time of day with a date's digits, in any language ("2021年02月01日 17:06", "8 сентября 2022 / 20:40").
_CLOCK_RE = re.compile(r"(?<!\d)\d{1,2}:\d{2}(?!\d)")
_STAMP_RE = re.compile(r"^(published|updated|posted|last updated|modified)\b.*\b(19|20)\d\d\b", re.IGNORECASE)
# Characters that re.IGNORECASE matches to an ASCII letter although str.lower() does not make them
# that letter (İ ı ſ K; found by trying every code point). On a line without them, an
# IGNORECASE pattern whose literals are lower-case ASCII matches exactly where its case-sensitive
# twin matches the lower-cased line, and the twin is two to four times faster: most story lines
# go through the rules below, so this is a good part of the cleaning time.
_ODD_FOLD_RE = re.compile("[\u0130\u0131\u017f\u212a]")


def _twin(pattern: re.Pattern[str]) -> re.Pattern[str]:
    """The case-sensitive twin of an IGNORECASE pattern written in lower-case ASCII (see above)."""
    source = pattern.pattern
    if not (pattern.flags & re.IGNORECASE and source.isascii() and source == source.lower()):
        raise ValueError(f"no case-sensitive twin for {source[:40]!r}")
    return re.compile(source, pattern.flags & ~re.IGNORECASE)


# Each twin with words one of which every match contains (checked first, as substrings: faster
# than any regex), or () when the alternatives share none worth testing.
_TWINS: dict[re.Pattern[str], tuple[re.Pattern[str], tuple[str, ...]]] = {
    _UPDATE_NOTE_RE: (_twin(_UPDATE_NOTE_RE), ("updat", "developing")),
    _FOOTER_RE: (_twin(_FOOTER_RE), ("reserved", "terms", "policy", "reproduction", "javascript")),
    _COOKIE_RE: (_twin(_COOKIE_RE), ("cookie",)),
    _STRONG_APPEAL_RE: (_twin(_STRONG_APPEAL_RE), ()),
    _APPEAL_WORDS_RE: (_twin(_APPEAL_WORDS_RE), ()),
    _ADDRESS_RE: (_twin(_ADDRESS_RE), ()),
    _ATTRIBUTION_RE: (_twin(_ATTRIBUTION_RE), ()),
}


def _twin_text(line: str, lowered: str) -> str | None:
    """`lowered` (`line.lower()`) when the twins may search it in place of `line`, else None."""
    return lowered if line.isascii() or _ODD_FOLD_RE.search(line) is None else None


def _found(pattern: re.Pattern[str], line: str, twin_text: str | None) -> bool:
    """`pattern.search(line)`, through its twin on the lower-cased line when that is exact."""
    if twin_text is None:
        return pattern.search(line) is not None
    twin, words = _TWINS[pattern]
    if words and not _contains_any(twin_text, words):
        return False
    return twin.search(twin_text) is not None


def line_rule(line: str) -> str | None:
    """The kind of noise one line is on its own, or None when no rule says it is noise.

    Each rule applies up to a length (a long line is a paragraph, not a widget); the checks are
    ordered so that a long story line costs two regex searches.
    """
    if not any(ch.isalnum() for ch in line):
        return "symbol"
    if _is_table_row(line) and line.count("|") == 2:
        return line_rule(line[1:-1].strip())  # a table of one column is a layout of lines, judged as such
    n = line.count(" ") + 1
    lowered = line.lower()
    twin_text = _twin_text(line, lowered)
    if (
        (n <= 40 or line.endswith(")"))
        and _contains_any(lowered, _CREDIT_HINTS)
        and (_CREDIT_ANY_CASE_RE.search(line) or _CREDIT_RE.search(line))
    ):
        return "photo credit"
    if n <= 25 and _RELATED_RE.match(line):
        return "related link"
    if is_ad_label(line, n):
        return "advertisement"
    if n <= 12 and _BYLINE_RE.match(line) and not line.endswith("."):
        return "byline"
    if n == 1 and _SITE_NAME_RE.match(line):
        return "site name"
    if n <= 8 and _NAVIGATION_RE.match(line):
        return "navigation"
    if n == 1 and glued_widget(lowered):
        return "share widget"  # "LINKEDINCOMMENTMORE": widget labels run together
    if n <= 40 and _NOTE_RE.match(line):
        return "editor's note"
    if n <= 14 and _DIGIT_RE.search(line) and (timestamp_date(line) is not None or _is_stamp(line, n)):
        return "timestamp"
    if n <= _PROMO_MAX_WORDS and _PROMO_RE.match(line):
        return "promotion"
    if n <= 25 and _found(_UPDATE_NOTE_RE, line, twin_text):
        return "editor's note"
    if n <= 8 and is_widget(words_of(line)):
        return "share widget"
    if n <= 60 and "cookie" in lowered and _found(_COOKIE_RE, line, twin_text):
        return "cookie notice"
    if n <= 30 and _found(_FOOTER_RE, line, twin_text) and not _tells_of_policy(line, n):
        return "footer"
    if n <= 40 and _is_menu_line(line):
        return "menu"
    if n <= _APPEAL_MAX_WORDS and _contains_any(lowered, _APPEAL_HINTS) and _found(_STRONG_APPEAL_RE, line, twin_text):
        return None if _found(_ATTRIBUTION_RE, line, twin_text) else "appeal"
    return None


def _is_stamp(line: str, words: int) -> bool:
    """A date and time alone on a line, in any language, or "Published ... 2021 | Updated ..."."""
    if _STAMP_RE.match(line):
        return True
    digits = sum(1 for ch in line if ch.isdigit())
    return words <= 8 and digits >= 6 and _CLOCK_RE.search(line) is not None


def _is_menu_line(line: str) -> bool:
    """Short items between separators ("Home | World | Sport"), or a breadcrumb ("News > World > Article")."""
    if _is_table_row(line):
        return False
    crumbs = len(_CRUMB_RE.findall(line)) >= 2 and _DIGIT_RE.search(line) is None  # "> 5% and > 10%" is text
    return (len(_MENU_SEPARATORS_RE.findall(line)) >= 2 or crumbs) and _short_items(line)


def _is_table_row(line: str) -> bool:
    """`| cell | cell |`: a row of a table trafilatura kept, content, however short its cells."""
    return line.startswith("|") and line.endswith("|")


def _tells_of_policy(line: str, words: int) -> bool:
    """A sentence about a privacy policy or terms (a page that is the policy), not a footer link.

    Footer lines are short link labels or a copyright notice; a full sentence of a dozen words
    that names the policy without reserving rights is text.
    """
    return words > 12 and is_story_line(line) and "reserved" not in line.lower() and "©" not in line


def _contains_any(text: str, parts: tuple[str, ...]) -> bool:
    """Whether any of `parts` is in `text`; a plain loop costs 40 % less than `any()` over a generator."""
    for part in parts:  # noqa: SIM110 -- see above: run for every line of every article
        if part in text:
            return True
    return False


def is_weak_appeal(line: str) -> bool:
    """A line that speaks to the reader about support or reading: noise only among others like it."""
    twin_text = _twin_text(line, line.lower())
    return (
        _found(_APPEAL_WORDS_RE, line, twin_text)
        and _found(_ADDRESS_RE, line, twin_text)
        and not _found(_ATTRIBUTION_RE, line, twin_text)
    )


def _short_items(line: str) -> bool:
    items = [item for item in re.split(r"[|•·›»/>]", line) if item.strip()]
    return all(len(words_of(item)) <= 4 for item in items)


# The same lines come back article after article: an outlet's chrome (footers, "READ MORE", share
# bars) on every page, and whole stories in wire copies and mirrors. The rules are pure functions of
# the line, so their verdicts are cached; the caches are bounded (a few MB at most), so memory stays
# flat over any number of articles. `clear_caches` empties them (benchmarks, between rounds).
_LINE_CACHE_SIZE = 1 << 14
_cached_rule = lru_cache(maxsize=_LINE_CACHE_SIZE)(line_rule)
_cached_weak_appeal = lru_cache(maxsize=_LINE_CACHE_SIZE)(is_weak_appeal)


def clear_caches() -> None:
    """Forget the cached verdicts on lines."""
    _cached_rule.cache_clear()
    _cached_weak_appeal.cache_clear()
    is_story_line.cache_clear()


def classify(lines: Sequence[str]) -> list[str | None]:
    """A reason for each line that is noise (None for story lines); blank lines are never noise.

    Beyond the one-line rules: a caption is the line next to a photo credit in the same block
    (no blank line between) when it does not end like a sentence; a run of lines that are all
    appeals, UI fragments or blank, with at least two real appeals, is an appeal block; repeated
    headlines and menus are judged with their neighbours (`neighbours.py`).
    """
    reasons: list[str | None] = [_cached_rule(line) if line else None for line in lines]
    _mark_captions(lines, reasons)
    _mark_appeal_blocks(lines, reasons)
    mark_repeated_headlines(lines, reasons)
    mark_menus(lines, reasons)
    return reasons


# A caption is a sentence or two; a longer line beside a credit is the story's paragraph.
_CAPTION_MAX_WORDS = 40


def _mark_captions(lines: Sequence[str], reasons: list[str | None]) -> None:
    for i, reason in enumerate(reasons):
        if reason != "photo credit":
            continue
        for j in (i - 1, i + 1):
            if (
                0 <= j < len(lines)
                and lines[j]
                and reasons[j] is None
                and not ends_sentence(lines[j])
                and len(words_of(lines[j])) <= _CAPTION_MAX_WORDS
            ):
                reasons[j] = "photo caption"


def _mark_appeal_blocks(lines: Sequence[str], reasons: list[str | None]) -> None:
    i = 0
    while i < len(lines):
        j, appeals, members = i, 0, []
        while j < len(lines):
            line, reason = lines[j], reasons[j]
            if not line:
                j += 1
                continue
            if reason == "appeal" or (reason is None and _cached_weak_appeal(line)):
                appeals += 1
            elif not (reason is not None or is_ui_fragment(line)):
                break
            members.append(j)
            j += 1
        if appeals >= 2:
            for k in members:
                if reasons[k] is None:
                    reasons[k] = "appeal"
        i = max(j, i + 1)


def boilerplate_key(source: str | None, line: str) -> str:
    """How a learned boilerplate line is stored: scoped to its source (`source\\tline`)."""
    return f"{(source or '').lower()}\t{' '.join(line.lower().split())}"


def learn_repeated_lines(
    articles: Iterable[tuple[str | None, str]], min_articles: int, max_words: int = 30
) -> frozenset[str]:
    """Lines that recur in at least `min_articles` articles of one source.

    Only sources that are known count: grouping unknown sources together would make a sentence
    that several outlets copied from one wire look like boilerplate. Long lines (a background
    paragraph an agency repeats in every story) are story text, so only lines up to `max_words`
    words are learned.
    """
    counts = count_repeated_lines(articles, max_words)
    return frozenset(key for key, n in counts.items() if n >= min_articles)


def count_repeated_lines(articles: Iterable[tuple[str | None, str]], max_words: int = 30) -> Counter[str]:
    """How many articles hold each learnable line (`boilerplate_key`); what learning thresholds."""
    counts: Counter[str] = Counter()
    for source, text in articles:
        counts.update(learnable_keys(source, text, max_words))
    return counts


def learnable_keys(source: str | None, text: str, max_words: int = 30) -> frozenset[str]:
    """The keys of the lines of one article that learning counts (none without a known source)."""
    if not source:
        return frozenset()
    return frozenset(
        boilerplate_key(source, line)
        for line in normalise_text(text).split("\n")
        if line and (line.count(" ") < max_words or len(words_of(line)) <= max_words)
    )  # fewer spaces than max_words: fewer words too, without the regex


def raw_lines_by_source(raws: Sequence[RawArticle]) -> list[tuple[str | None, str]]:
    return [(raw.source, raw.text) for raw in raws if raw.text]
