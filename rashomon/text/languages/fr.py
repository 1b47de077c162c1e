"""French: "1,28 million de manifestants selon le ministère", "2.012 morts", "au moins 13 tués"."""

from rashomon.text.languages import COMMON_MASKS, Lexicon

_MONTHS = r"janvier|février|mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre"

_PLACE = r"[A-ZÁÉÍÓÚÀÂÈÊÎÔÛÇ][\w'’-]+(?:[ -][A-ZÁÉÍÓÚÀÂÈÊÎÔÛÇ][\w'’-]+)?"

LEXICON = Lexicon(
    code="fr",
    decimal_comma=True,
    number_words={
        "deux": 2,
        "trois": 3,
        "quatre": 4,
        "cinq": 5,
        "six": 6,
        "sept": 7,
        "huit": 8,
        "neuf": 9,
        "dix": 10,
        "onze": 11,
        "douze": 12,
        "treize": 13,
        "quinze": 15,
        "vingt": 20,
        "trente": 30,
        "quarante": 40,
        "cinquante": 50,
        "soixante": 60,
        "seize": 16,
        "quatorze": 14,
        "cent": 100,
        "mille": 1000,
        "un": 1,
        "une": 1,
        "aucun": 0,
        "aucune": 0,
    },
    between=(r"entre", r"et"),
    articles=("un", "une"),
    joiner=r"-et-|\s+et\s+|-",  # "trente-deux", "vingt et un"
    scales={"million": 1e6, "millions": 1e6, "milliard": 1e9, "milliards": 1e9},
    at_least=r"au moins|au minimum|pas moins de",
    more_than=r"plus de|au-delà de",
    up_to=r"jusqu'à|jusqu’à",
    approx=r"environ|près de|quelque|quelques|autour de|presque|une estimation de",
    vague=(
        (r"des dizaines de millions|plusieurs dizaines de millions", 20_000_000, 99_999_999),
        (r"des centaines de millions", 200_000_000, 999_999_999),
        (r"des millions|plusieurs millions", 2_000_000, 9_999_999),  # as "des milliers" is [2000, 9999]
        (r"des dizaines de milliers|plusieurs dizaines de milliers", 20_000, 99_999),
        (r"des centaines de milliers", 200_000, 999_999),
        (r"des dizaines", 20, 99),
        (r"plusieurs dizaines", 20, 99),
        (r"des centaines", 200, 999),
        (r"des milliers", 2000, 9999),
        (r"plusieurs centaines", 200, 999),
        (r"plusieurs milliers", 2000, 9999),
        (r"plusieurs", 3, 9),  # "plusieurs morts": several, only beside a counted word
        # "une soixantaine de députés": about sixty (the gold's [60, 60], said approximately)
        (r"une dizaine", 10, 10),
        (r"une douzaine", 12, 12),
        (r"une quinzaine", 15, 15),
        (r"une vingtaine", 20, 20),
        (r"une trentaine", 30, 30),
        (r"une quarantaine", 40, 40),
        (r"une cinquantaine", 50, 50),
        (r"une soixantaine", 60, 60),
        (r"une centaine", 100, 100),
    ),
    events=(
        ("money", r"euros?\b|dollars?\b"),
        ("killed_or_injured", r"victimes? (?:tuées? ou blessées?)|morts? ou blessés?"),
        (
            "killed",
            r"morts?|décès|tués?|tuées?|décédée?s?|victimes mortelles|mortes?|la mort de|péri|"
            r"pertes? en vies? humaines?",
        ),
        ("wounded", r"blessée?s?|hospitalisée?s?|état (?:critique|grave)|une? état grave"),
        ("missing", r"disparue?s?"),
        ("arrested", r"interpellée?s?|arrêtée?s?|arrestations?|placée?s? en garde à vue"),
        ("protesters", r"manifestants?|grévistes|à défiler|ont défilé|ont manifesté"),
        ("displaced", r"évacuée?s?|sans-abri|déplacée?s?|sinistrés?|mis à la rue|jetée?s? à la rue"),
        ("rescued", r"rescapée?s?|secourue?s?|sauvée?s?"),
        ("casualties", r"victimes"),
        ("voted", r"ont voté|votants?|voix pour|voix contre|à l'unanimité"),
        ("abstained", r"ne pas (?:aller )?voter|se sont abstenus|abstentionnistes"),  # who stayed home
        # a party's seats ("245 sièges", "131 députés"); "les 577 sièges" is the body's size
        ("seats", r"sièges?\b|députés?\b"),
        ("votes", r"voix\b|suffrages"),  # votes cast for a candidate or a list
        ("present", r"présents"),
        ("crowd", r"foule|fidèles|se sont rassemblée?s|ont assisté"),
        ("reports", r"signalements?\b"),  # outage reports a tracking site counts
    ),
    users=(
        r"(?:de |d['’])?(?:utilisateurs|internautes|abonnés|usagers|personnes|comptes)\b",
        r"\bpanne|\bpannes|inaccessibles?|impossibilité de se connecter|piraté|\bfuite|privée?s d['’]accès|coupée?s?\b",
    ),
    attribution=(
        # "selon nos résultats" is the outlet's own count, no claimant
        r"\b(?:[Ss]elon|[Dd]'après|[Dd]’après)\s+(?!nos\b|notre\b)(?P<who>[^,;.()«»\"]{3,80}?)(?=\s*(?:[,;.()«»\"]|\bet\b|\bsoit\b|$))",
        # "Le service de protection civile d'Haïti a fait état de", "la protection civile fait état
        # ce mardi de", "Le directeur ..., Jerry Chandler, fait état de": whoever opens the clause
        r"(?P<who>(?:\b(?:[Ll]e|[Ll]a|[Ll]es)\s+|\b[Ll]['’])[\w'’-]+(?:\s+(?!(?:a|ont)\s)[\w'’-]+){0,5}"
        r"|[A-ZÉ][\w'’-]+(?:\s+[A-ZÉ][\w'’-]+){0,3}),?\s+(?:a\s+|ont\s+)?(?:fait|font)\s+état\b",
        # "Comme le rapporte l'AFP, cette panne affecte ...": the source opening its sentence
        r"\b[Cc]omme\s+(?:le|l['’])\s*(?:rapporte|indique|précise|affirme|annonce|souligne|explique)\s+"
        r"(?P<who>(?:le |la |les |l['’])?[^,;.«»]{2,60}?)(?=\s*,)",
        # "« ... » rapporte la protection civile qui dénombre": a present verb after a quote or comma
        r"[»\"”,]\s*(?:rapporte|indique|précise|affirme|souligne|explique|déclare|annonce)\s+"
        r"(?P<who>(?:le |la |les |l['’])(?:(?!\d)[\w'’ -]){3,60}?)(?=\s+qui\b|\s*[,.;«»]|$)",
        r"(?P<who>(?:le |la |l'|les )?[A-ZÉ][\w'’-]+(?:\s+[\w'’-]+){0,4})\s+(?:a|ont)\s+"
        r"(?:indiqué|affirmé|annoncé|déclaré|précisé|confirmé|communiqué|fait état)",
        r"(?P<who>(?:les |le |la |l')?[\w'’-]+)\s+(?:avaient|avait|ont|a)\s+(?:comptabilisé|compté|recensé|dénombré)",
        # "a indiqué à l'AFP le directeur de la protection civile du pays, Jerry Chandler"
        r"(?:a|ont)\s+(?:indiqué|affirmé|annoncé|déclaré|précisé|confirmé)\s+(?:à\s+(?:l['’]|la |le )?[\w'’-]+\s+)?"
        r"(?P<who>(?:le |la |l')[\w'’ -]{3,60}?(?:,\s+[A-ZÉ][\w'’-]+(?:\s+[A-ZÉ][\w'’-]+){1,2})?)(?=[,.;]|$)",
        # "Le Premier ministre haïtien, Ariel Henry, a évoqué": the name in apposition
        r"(?P<who>[A-ZÉ][\w'’-]+(?:\s+[A-ZÉ][\w'’-]+){1,3}),\s+(?:a|ont)\s+"
        r"(?:évoqué|indiqué|affirmé|annoncé|déclaré|précisé|confirmé)",
        r"(?P<who>(?:le |la |l')?(?:dernier |premier )?bilan (?:communiqué par|du|de la|de l')\s+"
        r"[^,;.]{3,60}?)(?=[,;.]|\s+fait\b|$)",
        # "81.000 pour la préfecture": a count's source after "pour"
        r"\bpour\s+(?P<who>(?:la |le |les |l['’])\s*(?:préfecture|police|ministère|syndicats?|intersyndicale|"
        r"organisateurs|autorités|CGT|CFDT)[^,;.()]{0,40}?)(?=\s*(?:[,;.()]|$))",
        # the verb left out: "1,27 million de manifestants et les syndicats 2,5 millions"
        r"\bet\s+(?P<who>(?:les|le|la|l')\s*[\w'’-]+)\s+(?=\d)",
    ),
    masks=COMMON_MASKS
    + (
        rf"\b\d{{1,2}}(?:er)?\s+(?:{_MONTHS})(?:\s+\d{{4}})?",
        r"\b\d+\s*(?:ans|heures?|jours?|semaines?|mois|km|kilomètres|mètres|m|%\s*du PIB)\b",
        r"\b(?:magnitude|l'article|article)\s+\d+(?:[.,]\d+)?",
        r"\bde\s+\d+(?:[.,]\d+)?\s+(?:de magnitude|sur l'échelle)",
        r"\d+(?:[.,]\d+)?\s+de magnitude|\d+(?:[.,]\d+)?\s+sur l'échelle",
        r"\bune\s+\w+aine\s+de\s+(?:kilomètres|km|mètres|minutes|heures|jours|années|ans)\b",
        r"\bmultipli\w*\s+par\s+\w+",  # a factor ("multiplie par quinze son nombre de députés")
        # a duration in words ("en cinq ans", "depuis deux semaines")
        r"\b(?:deux|trois|quatre|cinq|six|sept|huit|neuf|dix|quinze|vingt)\s+(?:ans|années|heures|jours|semaines|mois)\b",
    ),
    places=(
        r"(?:(?:\b[Àà]|\bA(?=\s+[A-Z])|\b[Dd]ans|\b[Ee]n)\s+(?:(?:la|le|l['’])\s*)?"
        r"(?:(?:province|région|ville|commune|préfecture)\s+(?:de\s+|d['’]\s*))?"
        r"|\b(?:la|le|l['’])\s*(?:province|région|ville|commune|préfecture)\s+(?:de\s+|d['’]\s*))"
        rf"(?P<place>{_PLACE}|(?<=la )capitale)"
    ),
    counts=r"\bchiffrages?\b|\bcomptages?\b|\bdécomptes?\b|\bchiffres?\b",
    subjects=(
        (r"état critique", "critical"),
        (r"état grave", "serious"),
        (r"habitants", "residents"),
        (r"fran[cç]ais", "French"),
        (r"marocains?", "Moroccan"),
        (r"enfants?", "children"),
        (r"manifestants", "protesters"),
        (r"policiers|gendarmes", "police officers"),
        (r"militaires|soldats", "soldiers"),
    ),
    percent=r"pour cent|points de pourcentage|points?(?!\w)",  # "en progression de 7,9 points"
    # a rule, not a result: "le seuil des 289 sièges", "289 sièges nécessaires", "289 députés (sur 577)"
    thresholds=(  # "avait dépassé les 50% des voix": the majority mark, passed or not
        r"seuil d(?:es?|u|['’])|barre des?|dépass\w*\s+les|majorité absolue(?: de| \(| :)?|sièges? nécessaires|\(sur"
    ),
    definite=r"les",
    things=(
        r"maisons|logements|bâtiments|habitations|immeubles|édifices|écoles|"
        r"hôpitaux|véhicules|voitures|ponts|départements|communes|provinces|régions"
    ),
)
