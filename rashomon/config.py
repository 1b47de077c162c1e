"""All of Rashomon's settings, in one dataclass passed explicitly to every stage.

Each stage owns one section; every default says why it is what it is.
"""

from __future__ import annotations

from dataclasses import dataclass, field


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
    # Pages with more block elements than this are extracted in trafilatura's fast mode: its
    # justext/readability fallback is quadratic in the number of blocks (1.4 s at 2,000 tiny
    # <div>s, 37 s at 10,000); news pages have a few hundred.
    fast_extraction_blocks: int = 1_500
    # Markup is cut after this many block elements: even fast mode needs 3 s for 10,000.
    max_extraction_blocks: int = 8_000
    # Files inside a walked directory whose names match these are documentation, not articles
    # (a corpus folder's README or answer key); they are reported as skipped. Hidden files too.
    skip_names: tuple[str, ...] = ("*.md", "README*", "LICENSE*", "*.md5", "*.sha1")


@dataclass(slots=True, frozen=True)
class CleanConfig:
    # An article with fewer story words than this after cleaning is rejected as "no text".
    min_words: int = 25
    # A line seen in at least this many articles of one source is boilerplate of that source.
    repeated_line_min_articles: int = 3


@dataclass(slots=True, frozen=True)
class ProvenanceConfig:
    # Jaccard over word 5-shingles above which two articles are near-duplicates (mirrors):
    # re-posts with other boilerplate stay above 0.8; rewrites that share a few sentences fall far below.
    duplicate_threshold: float = 0.8
    num_perm: int = 128
    shingle_size: int = 5
    # Similarity above which two sentences are the same sentence (verbatim or lightly spun).
    sentence_threshold: float = 0.6


@dataclass(slots=True, frozen=True)
class StoriesConfig:
    # Cosine similarity (typed TF-IDF: names, keywords, numbers, dates) to a story centroid
    # above which an article joins that story. On the devset every value from 0.10 to 0.15
    # gives the same stories (no event article goes astray); 0.12 sits in the middle, and the
    # sharp drop in recall starts above 0.15.
    join_threshold: float = 0.12
    # A story takes no new article after this many days without one.
    window_days: int = 7
    # Across languages only names, numbers and dates can match: an article joins a story in
    # another language when the cosine over those anchors alone reaches this (and they share a
    # name). 0.2 to 0.25 give the same devset stories; 0.15 lets one article join too early.
    cross_lingual_threshold: float = 0.2
    # Articles per block of the stream (see `stories.group_stories`): blocks are grouped
    # independently (in parallel on Spark), each with the term counts of all articles before
    # it, and their stories merged. Smaller blocks mean more parallel tasks and more stories cut
    # at a boundary for the merge to rejoin. On the 10k bench corpus blocks of 1,000 to 5,000
    # give the one-pass stories exactly. (Primed with only the 5,000 articles before them, not
    # all, blocks of 20,000 lost 0.010 B-cubed F1 at 100k.)
    block_size: int = 20000


@dataclass(slots=True, frozen=True)
class BriefConfig:
    short_max_words: int = 40
    # WCEP references are mostly one sentence; a second sentence lowered ROUGE in every variant
    # we tried (devset, see rashomon.eval.summaries), so the short summary is one unless raised.
    short_max_sentences: int = 1
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


@dataclass(slots=True, frozen=True)
class Config:
    ingest: IngestConfig = field(default_factory=IngestConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    provenance: ProvenanceConfig = field(default_factory=ProvenanceConfig)
    stories: StoriesConfig = field(default_factory=StoriesConfig)
    brief: BriefConfig = field(default_factory=BriefConfig)
