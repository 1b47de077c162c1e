"""Name keys: one key for a name however a script spells it, none for short or unkeyed words."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rashomon.config import StoriesConfig
from rashomon.records import Article
from rashomon.stories.features import extract_terms
from rashomon.stories.keys import katakana_keys, name_key, uncased_key


def test_one_name_in_four_scripts_gives_one_key() -> None:
    latin = name_key("Zelensky")
    assert latin == "KRNK"
    assert uncased_key("زيلينسكي") == latin  # Arabic writes no short vowels
    assert katakana_keys("ゼレンスキー大統領は") == {latin}  # Japanese has no l
    assert uncased_key("젤렌스키는") == latin  # the topic particle falls off


def test_sounds_a_script_lacks_fall_in_with_their_neighbours() -> None:
    assert name_key("Trump") == uncased_key("ترامب")  # no p in Arabic
    assert name_key("Biden") == uncased_key("بايدن")
    assert name_key("Macron") == uncased_key("ماكرون")
    assert name_key("Rajapaksa") == uncased_key("راجاباكسا")
    assert name_key("Elizabeth") == uncased_key("إليزابيث")
    assert uncased_key("الموصل") == name_key("Mosul") == "NKR"  # the article `al-` removed


def test_short_words_and_unkeyed_scripts_give_no_key() -> None:
    assert name_key("Ali") is None  # one consonant
    assert name_key("Oslo") is None  # two
    assert uncased_key("北京") is None  # Chinese: no key
    assert katakana_keys("テロ") == set()  # shorter than three kana


def test_keys_are_terms_of_an_article_weighed_by_key_weight() -> None:
    text = "President Zelensky met Emmanuel Macron in Paris."
    article = Article(id="a", path="a.txt", text=text, sentences=(), title="Zelensky meets")
    terms = extract_terms(article, StoriesConfig()).weights
    assert {"s:KRNK", "s:NKRN"} <= set(terms)
    assert terms["s:NKRN"] == terms["k:meet"] > 0.0  # by default a key weighs as a keyword
    unweighed = extract_terms(article, StoriesConfig(key_weight=0.0)).weights
    assert unweighed["s:KRNK"] == 0.0 and unweighed["e:zelensky"] == terms["e:zelensky"]


@given(st.text(max_size=40))
def test_a_key_is_three_to_five_sound_classes_without_repeats(word: str) -> None:
    key = name_key(word)
    if key is not None:
        assert 3 <= len(key) <= 5
        assert set(key) <= set("BKTRN")
        assert all(a != b for a, b in zip(key, key[1:], strict=False))
