"""Rules of issue 16's eighth pass, each on invented sentences: an assembly's vote (who voted,
who was present) and crowd counts given by named sources, in English and the lexicon languages."""

from __future__ import annotations

from facts_helpers import claimants_of, claims_of


def counted(code: str, *sentences: str) -> dict[float | None, str]:
    """What each figure of these sentences counts, by its low value."""
    return {c.low: c.quantity for c in claims_of(code, *sentences)}


def test_lawmakers_who_vote_are_counted_in_english() -> None:
    assert counted("en", "The bill was voted down by 170 lawmakers on Friday.") == {170: "voted"}
    assert counted("en", "In all, 212 deputies voted to approve the motion.") == {212: "voted"}
    assert counted("en", "The resolution passed with 180 lawmakers present.") == {180: "present"}


def test_a_crowd_given_by_a_named_source_is_a_crowd_and_its_claim() -> None:
    assert counted("en", "Police estimate the crowd to be closer to 80,000.") == {80000: "crowd"}
    assert claimants_of("en", "Police estimate the crowd to be closer to 80,000.") == {80000: "Police"}
    found = claimants_of("en", "The Red Cross released a brief statement reporting a crowd of 30,000.")
    assert found == {30000: "Red Cross"}
    assert claimants_of("en", "The organisers estimate that about 9,000 people were present at the vigil.") == {
        9000: "organisers"
    }
    sentence = "The town is now reporting that the number of people present as the vigil ends is more than 12,000."
    assert counted("en", sentence) == {12001: "crowd"}


def test_taking_part_in_a_funeral_is_a_crowd_not_a_protest() -> None:
    assert counted("en", "About 9,000 people participated in the memorial service.") == {9000: "crowd"}
    assert counted("en", "About 9,000 people participated in the march.") == {9000: "protesters"}


def test_votes_and_who_was_present_in_korean_and_japanese() -> None:
    assert counted("ko", "재석 150명 중 찬성 140명으로 결의안이 가결됐다.") == {150: "present", 140: "voted"}
    assert counted("ko", "재석의원 150명 전원 찬성으로 결의안을 통과시켰다.") == {150: "voted"}
    assert counted("ja", "決議案は150人の議員が出席する中、可決された。") == {150: "present"}
    assert counted("ja", "議員120人が賛成した。") == {120: "voted"}


def test_votes_who_was_present_and_crowds_in_chinese() -> None:
    assert counted("zh", "會議共有120名議員出席。") == {120: "present"}
    assert counted("zh", "共有100名議員投票贊成。") == {100: "voted"}
    assert counted("zh", "現場約有5000人群聚。") == {5000: "crowd"}


def test_votes_and_crowds_in_the_european_lexicons() -> None:
    assert counted("fr", "Le texte a été adopté par 300 voix pour.") == {300: "voted"}
    assert counted("fr", "Quelque 5 000 fidèles ont assisté à la messe.") == {5000: "crowd"}
    assert counted("de", "Im Parlament stimmten 400 Abgeordnete für den Antrag.") == {400: "voted"}
    assert counted("de", "Rund 2500 Trauergäste kamen zur Beerdigung.") == {2500: "crowd"}
    assert counted("de", "Bei der Sitzung waren 500 Abgeordnete anwesend.") == {500: "present"}
    assert counted("ru", "За закон проголосовали 350 депутатов.") == {350: "voted"}
    assert counted("ru", "На заседании присутствовали 400 депутатов.") == {400: "present"}
    assert counted("es", "Un total de 200 diputados votaron a favor.") == {200: "voted"}
    assert counted("es", "Una multitud de 5.000 personas llenó la plaza.") == {5000: "crowd"}


def test_votes_and_crowds_in_arabic() -> None:
    assert counted("ar", "وصوت لصالح القرار 120 نائبا.") == {120: "voted"}
    assert counted("ar", "احتشد 5000 شخص في الساحة.") == {5000: "crowd"}
