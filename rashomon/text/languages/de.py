"""German: "mindestens fünf Menschen getötet", "205 Betroffene", "nach Angaben der Behörden"."""

from rashomon.text.languages import COMMON_MASKS, Lexicon
from rashomon.text.lexicon import GERMAN_MONTHS

_MONTHS = "|".join(GERMAN_MONTHS)

LEXICON = Lexicon(
    code="de",
    decimal_comma=True,
    number_words={
        # "einen Sitz", "ein Toter": one only beside a counted word (`articles`)
        "ein": 1,
        "eine": 1,
        "einen": 1,
        "einem": 1,
        "einer": 1,
        "zwei": 2,
        "drei": 3,
        "vier": 4,
        "fünf": 5,
        "sechs": 6,
        "sieben": 7,
        "acht": 8,
        "neun": 9,
        "zehn": 10,
        "elf": 11,
        "zwölf": 12,
        "zwanzig": 20,
        "dreißig": 30,
        "vierzig": 40,
        "fünfzig": 50,
        "hundert": 100,
        "tausend": 1000,
    },
    scales={"million": 1e6, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9, "tausend": 1e3},
    at_least=r"mindestens|wenigstens",
    more_than=r"mehr als|über",
    up_to=r"bis zu|höchstens",
    approx=r"rund|etwa|ungefähr|knapp|fast|nahezu|circa|ca\.",
    articles=("ein", "eine", "einen", "einem", "einer"),
    articles_beside=False,
    vague=(
        (r"mehrere (?:Dutzend|dutzend)", 24, 99),
        (r"mehrere (?:Hundert|hundert)", 200, 999),
        (r"mehrere (?:Tausend|tausend)", 2000, 9999),
        (r"mehrere", 3, 9),
        (r"Dutzende", 24, 99),
        (r"Hunderte", 200, 999),
        (r"Tausende", 2000, 9999),
    ),
    events=(
        ("money", r"(?:US-)?Dollar\b|Euro\b|Franken\b"),
        (
            "killed",
            r"Tote[n]?|Todesopfer|getötet|ums Leben|starben|gestorben|tot|erstochen|erstach|"
            r"(?:fanden|fand) (?:[\w-]+ ){0,4}?den Tod",
        ),
        (  # stabbed ("sticht auf mehrere Menschen ein"), fighting for their lives
            "wounded",
            r"(?:[Ss]chwer(?:st)?|[Ll]eicht)?[Vv]erletzte[n]?|verletzt|kritischen Zustand|lebensbedrohliche|"
            r"Lebensgefahr|um (?:das|ihr|sein) Leben\b|sticht|stach|niedergestochen",
        ),
        ("affected", r"Betroffene[n]?"),
        ("missing", r"[Vv]ermisste[n]?|vermisst"),
        ("arrested", r"festgenommen|Festnahmen"),
        ("displaced", r"evakuiert|obdachlos|Evakuierte[n]?"),
        ("voted", r"stimmten|votierten|Ja-Stimmen|Nein-Stimmen|Gegenstimmen|einstimmig"),
        # a party's seats ("206 Sitze", "drei Direktmandate", "einen Sitz"); the body's own size
        # ("der 735 Sitze") is not one (`definite`)
        ("seats", r"Sitze?n?\b|(?:Direkt)?[Mm]andate?n?\b"),
        ("votes", r"(?:Zweit|Erst)?[Ss]timmen\b"),  # votes cast ("mit 400 Stimmen")
        ("present", r"anwesend|Anwesenden"),
        ("crowd", r"Menschenmenge|Menschen versammelt|versammelten sich|Trauergäste|Besucher"),
    ),
    attribution=(
        r"\b[Nn]ach (?P<who>offiziellen Angaben)",
        # "laut Polizei", "Laut Angaben der Stadt Solingen", "laut einem Sprecher der Feuerwehr"
        r"\b[Ll]aut (?:(?:Angaben|einem Bericht|Informationen) (?:des|der|von) |(?:einem|einer) )?"
        r"(?P<who>(?:der |die |dem |den )?[A-ZÄÖÜ][\w-]+(?:\s+(?:der |des )?[A-ZÄÖÜ][\w-]+){0,3})",
        r"\b[Nn]ach Angaben (?:des|der) (?P<who>[\w-]+)",
        r"(?:teilten|teilte) (?:[\w ]{0,40}?)(?P<who>(?:die|der) [A-ZÄÖÜ][\w-]+) mit",
        r"\b(?:Die |Der |Das )?(?P<who>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+)*)\s+spricht von\b",
        r"\bsagte (?:der |die )?(?P<who>(?:[A-ZÄÖÜ][\w-]+\s*){1,4})",
        # "wie der Bundeswahlleiter am Montag mitteilte"
        r"\b[Ww]ie (?:der |die |das )?(?P<who>[\w-]+(?:\s+[A-ZÄÖÜ][\w-]+){0,3}) "
        r"(?:(?:am|vom|in der Nacht zum) [A-ZÄÖÜ]\w+ |(?:heute|gestern|zuvor|bereits|nun) )?"
        r"(?:bestätigte|sagte|erklärte|mitteilte|berichtete|meldete|bekanntgab)",
        # "Philipp Müller, einer der Organisatoren, berichtete ...": a name in apposition
        r"^(?P<who>[A-ZÄÖÜ][\w-]+(?:\s+[A-ZÄÖÜ][\w-]+){1,3}), [^,]{3,80}, "
        r"(?:sagte|berichtete|erklärte|bestätigte|schilderte)\b",
        r"\bgeben? (?P<who>die [\w-]+) mit\b",
        r"(?:bestätigte|erklärte)\s+(?:der |die )?(?P<who>(?:[A-ZÄÖÜ][\w-]+\s*){1,4})",
    ),
    masks=COMMON_MASKS
    + (
        rf"\b\d{{1,2}}\.\s*(?:{_MONTHS})",
        r"\b\d+(?:[.,]\d+)?\s*(?:Jahre?|Jährige[n]?|Stunden?|Tage[n]?|Minuten|Meter|Kilometer|km|Uhr)\b",
        r"\b\d+-(?:fache[n]?|jährige[n]?|Jährige[n]?)\b|\b\w+jährige[sn]?\b",
        r"\b(?:vier|fünf|drei|zwei|sechs|sieben|acht|neun|zehn)\s+(?:Tage|Jahre|Stunden|Minuten)\b",
        r"\b\w+\s+Jahre alte[sn]?\b",
    ),
    normalise=((r"(?<=ium)s$|(?<=amt)e?s$|(?<=ministers)$", ""),),
    counts=r"\bZählung\b|\bZahlen\b",
    subjects=(
        (r"lebensgefährlich|kritischen Zustand", "critical"),
        (r"schwer verletzt|Schwerverletzte", "serious"),
        (r"Entschädigung\w*|\w*[Ff]onds", "compensation fund"),
        (r"Hilfe\b|Hilfen|Soforthilfe", "aid"),
        (r"Kind|Kinder|Kleinkind", "children"),
        (r"Frauen", "women"),
        (r"Deutsche", "German"),
    ),
    # "ein Plus von 5,7 Punkten": points of a share, only with a decimal (a score has none)
    percent=r"Prozent|(?<=\d,\d\s)Punkte?n?\b",
    thresholds=r"(?:Hürde|Sperrklausel|Schwelle) von|-?Prozent-Hürde|-Hürde|(?:absolute|absoluten) Mehrheit (?:von|\()",
    definite=r"der|die|den|des",
    things=(
        r"Häuser|Gebäude|Wohnungen|Fahrzeuge|Autos|Schulen|"
        r"Krankenhäuser|Brücken|Bundesländer|Länder|Städte|Gemeinden|Wahlkreise"
    ),
)
