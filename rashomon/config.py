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
    # Cosine similarity to a story centroid above which an article joins that story.
    join_threshold: float = 0.25
    # A story takes no new article after this many days without one.
    window_days: int = 7


@dataclass(slots=True, frozen=True)
class BriefConfig:
    short_max_words: int = 40
    long_min_sentences: int = 5
    long_max_sentences: int = 10
    # Summariser (see rashomon.brief.summary.SUMMARISERS): "support" = cross-document support +
    # centrality + lead position, the method that beat centroid and LexRank on the devset.
    summariser: str = "support"
    # Sentence encoder: TF-IDF fitted on the story; no neural model ships offline without torch.
    encoder: str = "tfidf"
    # Cosine above which two sentences of different articles are the same sentence (a copy or a
    # lightly spun copy): high enough that two outlets' own wordings of one fact stay apart.
    copy_similarity: float = 0.7


@dataclass(slots=True, frozen=True)
class Config:
    ingest: IngestConfig = field(default_factory=IngestConfig)
    clean: CleanConfig = field(default_factory=CleanConfig)
    provenance: ProvenanceConfig = field(default_factory=ProvenanceConfig)
    stories: StoriesConfig = field(default_factory=StoriesConfig)
    brief: BriefConfig = field(default_factory=BriefConfig)
