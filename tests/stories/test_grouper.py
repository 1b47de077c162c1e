"""Online story grouping on our fictional stream: stories, window, languages, determinism."""

from __future__ import annotations

import random
from dataclasses import replace
from datetime import date

import pytest
from stories_helpers import make_article, stream_articles

from rashomon.config import StoriesConfig
from rashomon.provenance.transliterate import accent_fold
from rashomon.records import Article, Story
from rashomon.stories import StoryGrouper, features, group_stories
from rashomon.stories.blocks import group_block, merge_blocks
from rashomon.stories.evidence import FEATURES, with_margins
from rashomon.stories.parts import Block
from rashomon.stories.stream import story_id, stream_order

CONFIG = StoriesConfig()

# Our own Russian wording of the ferry story: its names only meet the English ones once
# transliterated (Эстмарк -> Estmark, Эдда -> Edda); its figures are written in words.
RUSSIAN = make_article(
    "ferry-ru",
    "Пять человек погибли при пожаре на пароме у берегов Эстмарк, сообщила береговая охрана в воскресенье. "
    "На борту находились двести двенадцать пассажиров. Командир береговой охраны Эдда Морроу заявила, "
    "что спасатели прибыли через сорок минут. Причины пожара пока неизвестны.",
    title="Пожар на пароме у берегов Эстмарка",
    published="2025-06-04",
    language="ru",
)


def _partition(stories: list[Story]) -> set[frozenset[str]]:
    return {frozenset(story.article_ids) for story in stories}


# Articles the grouper is known to leave alone although gold puts them in a story (none now: the
# families-waiting piece, which shares few names with the ferry wire, joins since the days its
# text names became evidence).
KNOWN_SPLITS: frozenset[str] = frozenset()


def _gold_partition(gold: dict[str, str], splits: frozenset[str] = KNOWN_SPLITS) -> set[frozenset[str]]:
    """The gold stories, with each known split article on its own."""
    labels: dict[str, set[str]] = {}
    for article_id, label in gold.items():
        labels.setdefault(article_id if article_id in splits else label, set()).add(article_id)
    return {frozenset(ids) for ids in labels.values()}


def test_stream_forms_its_stories() -> None:
    articles, gold = stream_articles()
    assert _partition(group_stories(articles, CONFIG)) == _gold_partition(gold)


def test_story_closes_after_the_window() -> None:
    """The inquiry comes weeks later: within a 60-day window the ferry story is still open to it
    (the model then decides), within the default week it is not even compared."""
    articles, _ = stream_articles()
    inquiry = next(a for a in articles if a.id == "ferry-inquiry")
    earlier = [a for a in sorted(articles, key=stream_order) if a.id != "ferry-inquiry"]
    for window, is_open in ((60, True), (CONFIG.window_days, False)):
        grouper = StoryGrouper(StoriesConfig(window_days=window))
        for article in earlier:
            grouper.add(article)
        ferry = next(i for i, s in enumerate(grouper._stories) if "ferry-wire" in s.article_ids)
        assert grouper._is_open(ferry, date.fromisoformat(inquiry.published or "")) is is_open
    narrow = group_stories(articles, CONFIG)
    assert any(s.article_ids == ("ferry-inquiry",) for s in narrow)


def test_titles_and_ids_are_stable() -> None:
    articles, _ = stream_articles()
    stories = group_stories(articles, CONFIG)
    ferry = next(s for s in stories if "ferry-wire" in s.article_ids)
    assert ferry.title == "Five dead in fire aboard Estmark ferry Saint Ilona"
    assert ferry.id.startswith("story-")
    assert len({s.id for s in stories}) == len(stories)


def test_input_order_does_not_matter() -> None:
    articles, _ = stream_articles()
    expected = group_stories(articles, CONFIG)
    shuffled = articles[:]
    random.Random(7).shuffle(shuffled)
    assert group_stories(shuffled, CONFIG) == expected


def test_incremental_adding_equals_one_run() -> None:
    articles, _ = stream_articles()
    ordered = sorted(articles, key=stream_order)
    grouper = StoryGrouper(CONFIG)
    for article in ordered[:5]:
        grouper.add(article)
    later: list[str] = [grouper.add(article) for article in ordered[5:]]
    assert grouper.stories() == group_stories(articles, CONFIG)
    assert all(story_id.startswith("story-") for story_id in later)


def test_undated_articles_join_after_the_dated_ones() -> None:
    articles, _ = stream_articles()
    undated = make_article(
        "ferry-undated",
        "Survivors of the Saint Ilona ferry fire off Estmark told of smoke on the car deck. "
        "Coast guard commander Edda Morrow praised the crew, and the 212 passengers were taken to Porthaven.",
    )
    stories = group_stories([*articles, undated], CONFIG)
    ferry = next(s for s in stories if "ferry-wire" in s.article_ids)
    assert ferry.article_ids[-1] == "ferry-undated"


def test_other_language_joins_through_transliterated_names() -> None:
    articles, _ = stream_articles()
    stories = group_stories([*articles, RUSSIAN], CONFIG)
    ferry = next(s for s in stories if "ferry-wire" in s.article_ids)
    assert "ferry-ru" in ferry.article_ids
    assert "ferry-es" in ferry.article_ids


def _without_transliteration(monkeypatch: pytest.MonkeyPatch, config: StoriesConfig) -> list[Story]:
    monkeypatch.setattr(features, "transliterate", accent_fold)
    features._normalise_token.cache_clear()  # it caches transliterated tokens
    try:
        articles, _ = stream_articles()
        return group_stories([*articles, RUSSIAN], config)
    finally:
        features._normalise_token.cache_clear()


def test_without_transliteration_or_encoder_the_russian_article_stays_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    stories = _without_transliteration(monkeypatch, replace(CONFIG, encoder="none"))
    assert any(s.article_ids == ("ferry-ru",) for s in stories)


def test_the_russian_article_joins_on_the_encoder_and_its_transliterated_names() -> None:
    articles, _ = stream_articles()
    ferry = next(s for s in group_stories([*articles, RUSSIAN], CONFIG) if "ferry-wire" in s.article_ids)
    join = next(j for j in ferry.joins if j.article_id == "ferry-ru")
    # the transliterated names speak through the names features and through the terms cosine,
    # where they are `e:` terms (which of the two ranks higher is the fitted model's choice)
    assert join.probability >= CONFIG.join_threshold and "encoder" in join.reasons
    assert {"names", "terms"} & set(join.reasons)


def test_names_numbers_and_dates_are_typed_terms() -> None:
    article = make_article(
        "x", "Officials in Porthaven said 212 people were rescued on June 2. The Porthaven ferry sank."
    )
    terms = features.extract_terms(article, CONFIG).weights
    assert "e:porthave" in terms  # names cut to eight letters
    assert "n:212" in terms
    assert "d:june-2" in terms
    assert "k:rescued" in terms
    assert not any(t.startswith("e:the") or t.startswith("e:officials") for t in terms)


def test_figures_written_into_cjk_text_are_figures() -> None:
    """Chinese, Japanese and Korean write a number against its counter word ("212人", "212명"): it
    is still the figure an English report of the event gives, so it must come out as one."""
    for language, text in (
        ("zh", "渡輪在港口沉沒，已有212人獲救，另有1,305人撤離。"),
        ("ja", "フェリーが沈没し、212人が救助された。"),
        ("ko", "여객선이 침몰해 212명이 구조됐다."),
    ):
        terms = features.extract_terms(make_article(language, text, language=language), CONFIG).weights
        assert "n:212" in features.rare_figures(terms), language
        assert not any(t.startswith("u:") and any(c.isdigit() for c in t) for t in terms), language
    chinese = features.extract_terms(make_article("zh", "已有212人獲救，另有1,305人撤離。", language="zh"), CONFIG)
    assert "n:1305" in features.rare_figures(chinese.weights)


def test_abjad_words_are_not_names_but_devanagari_names_meet_latin_ones() -> None:
    """Arabic script marks no names and writes no short vowels: its words are `u:` terms (not
    names, which would make every Arabic pair share "rare names"), and their consonant keys
    (`keys.py`) meet a Latin name's; a Devanagari name still meets its Latin spelling."""
    arabic = make_article("ar-1", "غرقت العبارة سانت إيلونا قرب بورتهافن", language="ar")
    terms = features.extract_terms(arabic, CONFIG).weights
    assert terms and all(t.startswith(("u:", "k:", "n:", "s:")) for t in terms)
    latin = make_article("en-1", "The ferry sank off Porthaven, near the town of Porthaven.", language="en")
    assert "s:BRTBN" in terms and "s:BRTBN" in features.extract_terms(latin, CONFIG).weights
    hindi = make_article("hi-1", "मुल्तान में बाढ़", language="hi")
    assert "e:multan" in features.extract_terms(hindi, CONFIG).weights


def test_empty_input() -> None:
    assert group_stories([], CONFIG) == []


def test_every_article_lands_in_exactly_one_story() -> None:
    articles: list[Article] = [
        make_article(f"a{i}", f"Item {i} about topic {i % 7} in town Zelm{i % 7}ville with {i % 3} notes.")
        for i in range(60)
    ]
    stories = group_stories(articles, CONFIG)
    placed = [article_id for story in stories for article_id in story.article_ids]
    assert sorted(placed) == sorted(a.id for a in articles)


def test_a_saved_grouper_resumes_where_it_stopped() -> None:
    import pickle

    articles, _ = stream_articles()
    ordered = sorted(articles, key=stream_order)
    grouper = StoryGrouper(CONFIG)
    for article in ordered[:4]:
        grouper.add(article)
    resumed: StoryGrouper = pickle.loads(pickle.dumps(grouper))
    for article in ordered[4:]:
        resumed.add(article)
    assert resumed.stories() == group_stories(articles, CONFIG)


def test_blocking_finds_what_comparing_everything_finds() -> None:
    articles, _ = stream_articles()
    articles = [*articles, RUSSIAN]
    blocked = StoryGrouper(CONFIG)
    exhaustive = StoryGrouper(CONFIG, exhaustive=True)
    for article in sorted(articles, key=stream_order):
        blocked.add(article)
        exhaustive.add(article)
    assert _partition(blocked.stories()) == _partition(exhaustive.stories())


def test_an_undated_article_still_finds_a_closed_story() -> None:
    articles, _ = stream_articles()
    autumn = make_article(
        "autumn",
        "The Brennick harvest festival drew large crowds to the old market square on Saturday.",
        published="2025-10-01",
    )
    undated = make_article(
        "ferry-undated",
        "Survivors of the Saint Ilona ferry fire off Estmark told of smoke on the car deck. "
        "Coast guard commander Edda Morrow praised the crew, and the 212 passengers were taken to Porthaven.",
    )
    stories = group_stories([*articles, autumn, undated], CONFIG)
    ferry = next(s for s in stories if "ferry-wire" in s.article_ids)
    assert "ferry-undated" in ferry.article_ids


@pytest.mark.parametrize("block_size", range(1, 10))
def test_blocks_merge_back_into_the_stories(block_size: int) -> None:
    """Cut into blocks of any size (one article a block at the extreme), the stream still gives its
    gold stories: the merge rejoins what a boundary cut, across languages too (ferry-es)."""
    articles, gold = stream_articles()
    stories = group_stories(articles, StoriesConfig(block_size=block_size))
    # small blocks compare the known split article again at the merge, and may rejoin it
    assert _partition(stories) in (_gold_partition(gold), _gold_partition(gold, splits=frozenset()))
    ferry = next(s for s in stories if "ferry-wire" in s.article_ids)
    assert ferry.id == story_id("ferry-wire") and ferry.article_ids[0] == "ferry-wire"


def test_one_block_is_one_online_pass() -> None:
    articles, _ = stream_articles()
    grouper = StoryGrouper(CONFIG)
    for article in sorted(articles, key=stream_order):
        grouper.add(article)
    assert group_stories(articles, StoriesConfig(block_size=len(articles))) == grouper.stories()


def test_stories_of_one_block_never_merge() -> None:
    """Two look-alike stories merge when they come from consecutive blocks, never when one
    block's own pass already kept them apart."""
    articles, _ = stream_articles()
    wire = next(a for a in articles if a.id == "ferry-wire")
    twin = make_article("ferry-twin", wire.text, wire.title, wire.published)
    part, twin_part = group_block([wire], CONFIG, 0).parts[0], group_block([twin], CONFIG, 1).parts[0]
    counts = group_block([wire, twin], CONFIG, 0)
    apart = merge_blocks(  # an empty second block, so the merge runs rather than returning block 0 as is
        [Block(0, (part, replace(twin_part, block=0)), 2, counts.document_frequency), Block(1, (), 0, {})], CONFIG
    )
    together = merge_blocks([Block(0, (part,), 1, counts.document_frequency), Block(1, (twin_part,), 1, {})], CONFIG)
    assert [s.article_ids for s in apart] == [("ferry-wire",), ("ferry-twin",)]
    assert [s.article_ids for s in together] == [("ferry-wire", "ferry-twin")]


def test_same_kind_of_event_in_two_towns_stays_two_stories() -> None:
    """Two reports written from one template share every keyword but no name: two stories."""
    template = (
        "A fire at a timber yard in {town} killed three workers on Tuesday, the fire service said. "
        "More than forty firefighters fought the blaze for six hours before bringing it under control. "
        "{person}, the mayor of {town}, said an inquiry would examine how the fire started."
    )
    first = make_article(
        "fire-a", template.format(town="Osterwick", person="Ana Varga"), "Yard fire in Osterwick", "2025-06-03"
    )
    second = make_article(
        "fire-b", template.format(town="Garrowby", person="Jonah Quint"), "Yard fire in Garrowby", "2025-06-05"
    )
    assert _partition(group_stories([first, second], CONFIG)) == {frozenset({"fire-a"}), frozenset({"fire-b"})}


def test_closed_stories_set_the_margins_but_are_never_joined(monkeypatch: pytest.MonkeyPatch) -> None:
    """A dated article whose one open candidate is a different event is measured against the
    closed stories it resembles too: a strike weeks earlier in the same city is not joinable,
    but it is what the open story must stand out from."""
    strike = make_article(
        "strike-march",
        "Dock workers in Varnholt walked out on Monday over pay, union leader Mira Oskel said. "
        "The Varnholt port authority said 40 ships were waiting outside the harbour.",
        "Varnholt dock strike",
        "2025-03-03",
    )
    fair = make_article(
        "fair-april",
        "The Varnholt book fair opened on Friday with 300 publishers in the old port halls.",
        "Varnholt book fair opens",
        "2025-04-04",
    )
    second_strike = make_article(
        "strike-april",
        "Dock workers in Varnholt walked out again on Saturday, union leader Mira Oskel said, "
        "and the port authority said ships were waiting outside the harbour.",
        "Second Varnholt dock strike",
        "2025-04-05",
    )
    seen: dict[str, tuple[list[tuple[int, tuple[float, ...]]], list[tuple[int, tuple[float, ...]]]]] = {}
    decide = StoryGrouper._decide

    def spy(self: StoryGrouper, first: str, scored, features_of, evidence, closed=()):  # type: ignore[no-untyped-def]
        seen[first] = (list(scored), list(closed))
        return decide(self, first, scored, features_of, evidence, closed)

    monkeypatch.setattr(StoryGrouper, "_decide", spy)
    grouper = StoryGrouper(CONFIG)
    for article in (strike, fair, second_strike):
        grouper.add(article)
    scored, closed = seen["strike-april"]
    march = next(i for i, s in enumerate(grouper._stories) if "strike-march" in s.article_ids)
    april = next(i for i, s in enumerate(grouper._stories) if "fair-april" in s.article_ids)
    assert [i for i, _ in scored] == [april] and march in [i for i, _ in closed]
    assert "strike-april" not in grouper._stories[march].article_ids  # closed: never joined
    # the fair's terms margin is taken against the closed strike, which the article is more like
    column = FEATURES.index("terms")
    fair_terms = scored[0][1][column]
    march_terms = next(f for i, f in closed if i == march)[column]
    assert march_terms > fair_terms
    margins = dict(with_margins(scored + closed))[april]
    assert margins[FEATURES.index("terms_margin")] == pytest.approx(fair_terms - march_terms)  # below zero
    # an undated article has no closed stories: every story is open to it
    undated = replace(second_strike, id="strike-undated", published=None)
    grouper.add(undated)
    assert seen["strike-undated"][1] == []
