"""What the figures reader needs to know of each language, one file per language.

English is read by `text.numbers` and `brief.claims` (its rules grew on the seeds); every other
language is read by one generic reader (`brief.claims.multilingual`) from the `Lexicon` in its
file here: number words and scales, the modifiers of a figure ("au moins", "не менее", "至少"),
vague quantities ("des dizaines", "десятки", "数十"), what is counted ("morts", "погибли", "死亡")
and the attribution patterns that name a claimant ("selon X", "по данным X", "據X", "Xによると").
Quantity names are the English ones, so a story's ledger compares its languages directly.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(slots=True, frozen=True)
class Lexicon:
    """One language's words for figures, counted things and claimants (regex fragments)."""

    code: str
    decimal_comma: bool  # "1,28 million" is 1.28 million, "2.012" is 2012
    number_words: dict[str, int]  # lower case
    scales: dict[str, float]  # written after a figure: "millions", "млн", "万"
    at_least: str  # before the figure
    more_than: str
    up_to: str
    approx: str
    events: tuple[tuple[str, str], ...]  # (quantity, regex), first match nearest the figure wins
    attribution: tuple[str, ...]  # regexes with a (?P<who>...) group
    # nouns that say who a figure counts and, with no event word near, what is counted ("los 26
    # mercenarios", "승객 175명"): an event word wins ("dio de baja a cuatro mercenarios" is killed)
    groups: tuple[tuple[str, str], ...] = ()
    vague: tuple[tuple[str, float, float], ...] = ()
    after_at_least: str = ""  # after the figure (CJK: "以上", "이상")
    after_more: str = ""  # after the figure ("多", "余", "여")
    masks: tuple[str, ...] = ()  # dates, times, ages, durations: never figures
    zeros: tuple[tuple[str, str], ...] = ()  # (regex, quantity): "не пострадали" is 0 harmed
    # who is counted, as English words the ledger's `subject_class` reads ("военнослужащих США" ->
    # "American soldiers"): nationality and kind, looked up next to the figure
    subjects: tuple[tuple[str, str], ...] = ()
    # after a figure, "of" a whole: "탑승자 181명 중 구조된 2명" - what follows counts the part
    partitive: str = ""
    same_speaker: str = ""  # a sentence opening "Dijo que ..." is the last named speaker's
    next_attribution: str = ""  # names the claimant of the sentence before ("Об этом сообщает X")
    normalise: tuple[tuple[str, str], ...] = ()  # (regex, replacement) on a claimant: German genitives
    cjk: bool = False  # no spaces between words: windows are counted in characters
    # where a figure was counted, a (?P<place>...) group: "à Marseille", "dans la province d'X",
    # "en la capital" ("capital" is the word itself): a crowd or a toll of one place is compared
    # with the same place's figures only (read by `brief.claims.places`)
    places: str = ""
    # words for a count itself ("chiffrages", "cifras", "подсчет"): a sourced figure next to them
    # with no counted word continues the article's last quantity
    counts: str = ""
    noun_before: bool = False  # who is counted is named before the figure ("승객 175명과 승무원 6명")
    # "entre el 26,6% y 28,6%": the words around a range written out ("entre", "y")
    between: tuple[str, ...] = ()
    # between a tens word and a unit word of one number ("treinta y dos", "trente-deux")
    joiner: str = ""
    # number words that are also the indefinite article ("un", "una"): a figure only next to a
    # counted word ("detuvieron a un colombiano", "murió una mujer"), never in "una playa"
    articles: tuple[str, ...] = ()
    # an article counts through its noun ("una mujer murió", "murió una mujer"); German puts one
    # before every noun ("sticht ein Mann", "mit einem Messer auf Besucher"), so there it counts
    # only right before the counted word itself ("einen Sitz", "ein Toter")
    articles_beside: bool = True
    # a group said to be made of the figure ("el comando estaba compuesto por 26 hombres"), with
    # what it counts: (regex ending right before the figure, quantity)
    made_of: tuple[tuple[str, str], ...] = ()
    # users cut off or exposed: (the counted users right after the figure, words of the outage or
    # leak somewhere in the sentence), read by `brief.claims.outages`
    users: tuple[str, str] = ("", "")
    # after a figure, besides "%": the words that make it a share or a change of one ("Prozent",
    # "Prozentpunkte", "por ciento"), read by `brief.claims.shares`
    percent: str = ""
    # a share that is a rule, not a result ("Hürde von 5 %", "пятипроцентный барьер"): the words
    # right before or after the figure
    thresholds: str = ""
    # definite articles: "der 735 Sitze" is the size of a body, not the seats of a party
    definite: str = ""
    # things a figure right before them counts, not people nor anything done to them ("13 694
    # maisons", "las tres autonomías"): buildings, vehicles, places (`brief.claims.shares`)
    things: str = ""
    # what a percentage is when a word right beside it says so, (regex, subject): the share of the
    # count done ("94.43% 개표", "開票率99.2%", "在开票99.40%") or the turnout ("투표율 77.2%"), each
    # apart from the candidates' shares in the ledger
    share_kinds: tuple[tuple[str, str], ...] = ()
    # a comma before one or two digits is a decimal one even where "2,800" is 2800 (Maghreb Arabic
    # writes "57,6 في المئة" beside Levantine "57.6"): a thousands comma always has three digits
    short_decimal_comma: bool = False
    # words right before a figure that make it the electorate, those entitled to vote ("يحق لـ48.7
    # مليون ناخب"): a population, as "有権者4419万人" is, not a figure
    entitled: str = ""
    # a clitic glued before a number word ("بنقطتين", "وثلاثة"): the word still counts
    clitics: str = ""


def lexicon(code: str) -> Lexicon | None:
    """The lexicon of ISO 639-1 `code`, None for languages without one (English has its own reader)."""
    from rashomon.text.languages import ar, de, es, fr, ja, ko, pt, ru, zh

    return {m.LEXICON.code: m.LEXICON for m in (ar, de, es, fr, ja, ko, pt, ru, zh)}.get(code)


# Shared across languages: times and four-digit years are never figures.
COMMON_MASKS: tuple[str, ...] = (
    r"\b\d{1,2}[:h]\d{2}\b",
    # a year, unless a counter or a word for people follows it ("2056人", "2017 personas") or a
    # CJK unit comes before it ("1억2000만": the digits of a larger number)
    r"(?<![\d천만억万萬億亿])(?:19|20)\d{2}(?![\d,.]?\d)(?!\s*(?:人|名|명|people|personas|personnes|Menschen|человек|شخص))",
    r"\b\d{1,2}[./]\d{1,2}[./]\d{2,4}\b",
    r"https?://\S+|pic\.twitter\.com/\S+",
    # digits glued to a Latin or Cyrillic word are part of a name ("Мойка78", "Fontanka24")
    r"(?<=[A-Za-zÀ-ÿА-Яа-яЁё])\d+",
    # aircraft and rockets by model: "Boeing 737", "波音737", "Ariane 5" count nobody
    r"(?:Boeing|Airbus|Embraer|Bombardier|Ariane|Antonov|Tupolev|Ilyushin|Sukhoi|波音|空客|空中客[車车]|"
    r"ボーイング|エアバス|보잉|에어버스)[\s-]*[A-Z]?\d+",
)
