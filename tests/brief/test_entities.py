"""Entities and aliases: one name per thing, whatever the spelling (EXPECTED.md section 6)."""

from __future__ import annotations

import pytest
from facts_helpers import make_article, seed_articles

from rashomon.brief.entities import find_entities
from rashomon.text.aliases import canonical_name, is_acronym_of, same_name


@pytest.mark.parametrize(
    "names",
    [
        ("Deir ez-Zor", "Deir Ezzor", "Deir al-Zour", "Deir el-Zor"),
        ("Russia", "Russian Federation", "the Russian Federation"),
        ("U.S.", "US", "USA", "United States", "the United States"),
        ("SDF", "Syrian Democratic Forces"),
        ("Foreign Ministry", "MFA", "Ministry of Foreign Affairs"),
        ("U.S. Central Command", "CENTCOM", "US Central Command"),
        ("Bashar al-Assad", "Bashar Assad"),
    ],
)
def test_aliases_share_one_key(names: tuple[str, ...]) -> None:
    keys = {canonical_name(n) for n in names}
    assert len(keys) == 1, keys


def test_different_names_stay_apart() -> None:
    assert not same_name("Russia", "Syria")
    assert not same_name("Kessmark", "Ostrel")
    assert is_acronym_of("SDF", "Syrian Democratic Forces")
    assert not is_acronym_of("SDF", "Syrian Defence Army")


def test_entities_merge_spellings_acronyms_and_surnames() -> None:
    text = (
        "Governor Ilse Marovec visited Kessmark on Friday. "
        "The National Emergency Service (NES) said roads were shut. Marovec said the NES would stay. "
        "Residents of Kesmark and Port Alden waited, and residents were calm."
    )
    entities = {e.name: e for e in find_entities([make_article("a", text)])}
    marovec = entities["Ilse Marovec"]
    assert marovec.kind == "person" and "Marovec" in marovec.aliases
    assert "NES" in entities["National Emergency Service"].aliases
    kessmark = next(e for e in entities.values() if "Kesmark" in (e.name, *e.aliases))
    assert {"Kessmark", "Kesmark"} <= {kessmark.name, *kessmark.aliases}


def test_seed_entities() -> None:
    entities = find_entities(seed_articles())

    def entity(name: str):  # type: ignore[no-untyped-def]
        found = [e for e in entities if name == e.name or name in e.aliases]
        assert len(found) == 1, (name, found)
        return found[0]

    assert entity("Deir ez-Zor") is entity("Deir Ezzor") is entity("Deir al-Zour")
    assert entity("Russia") is entity("Russian Federation")
    assert entity("USA") is entity("US") is entity("U.S.")
    assert entity("SDF") is entity("Syrian Democratic Forces")
    assert entity("Russia's Foreign Ministry") is entity("Foreign Ministry")
    assert entity("Maria Zakharova").kind == "person"
    assert entity("Syrian Democratic Forces").kind == "organisation"
    assert entity("Deir ez-Zor").kind == "place"
