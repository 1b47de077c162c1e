"""Spanish: "62 muertos", "al menos 95 víctimas mortales", "según la alcaldesa", "decenas de muertos"."""

from rashomon.text.languages import COMMON_MASKS, Lexicon

_MONTHS = r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"

LEXICON = Lexicon(
    code="es",
    decimal_comma=True,
    number_words={
        "dos": 2,
        "tres": 3,
        "cuatro": 4,
        "cinco": 5,
        "seis": 6,
        "siete": 7,
        "ocho": 8,
        "nueve": 9,
        "diez": 10,
        "once": 11,
        "doce": 12,
        "quince": 15,
        "veinte": 20,
        "treinta": 30,
        "cuarenta": 40,
        "cincuenta": 50,
        "sesenta": 60,
        "cien": 100,
        "ciento": 100,
        "mil": 1000,
        "uno": 1,
        "una": 1,
        "ningún": 0,
        "ninguna": 0,
    },
    scales={"millón": 1e6, "millones": 1e6, "mil millones": 1e9},
    at_least=r"al menos|como mínimo|por lo menos",
    more_than=r"más de",
    up_to=r"hasta",
    approx=r"unos|unas|alrededor de|cerca de|casi|aproximadamente",
    vague=(
        (r"decenas", 20, 99),
        (r"cientos|centenares", 200, 999),
        (r"miles", 2000, 9999),
    ),
    events=(
        ("money", r"euros?|dólares"),
        ("killed_or_injured", r"muertos? o heridos?"),
        (
            "killed",
            r"muertos?|muertes?|fallecidos?|fallecidas?|víctimas mortales|murieron|fallecieron|"
            r"muerte de|han muerto|ha muerto|cadáveres",
        ),
        ("wounded", r"heridos?|heridas?|hospitalizados?"),
        ("missing", r"desaparecidos?|desaparecidas?"),
        ("arrested", r"detenidos?|arrestados?|detenciones"),
        ("trapped", r"atrapados?"),
        ("affected", r"afectad[oa]s"),
        ("protesters", r"manifestantes"),
        ("displaced", r"evacuados?|desplazados?"),
    ),
    attribution=(
        r"\b(?:según|de acuerdo con)\s+(?P<who>[^,;.()«»\"]{3,80}?)(?=\s*(?:[,;.()«»\"]|\by\b|$))",
        r"(?P<who>(?:la |el |los |las )?[A-ZÁÉ][\w'-]+(?:\s+[\w'-]+){0,5})\s+(?:ha|han)\s+"
        r"(?:confirmado|informado|asegurado|declarado|indicado|anunciado)",
        r"(?P<who>(?:la |el |los |las )?[\w-]+(?:\s+[\w-]+){0,4})\s+(?:cifraron|confirmó|informó|anunció)",
    ),
    masks=COMMON_MASKS
    + (
        rf"\b\d{{1,2}}\s+de\s+(?:{_MONTHS})(?:\s+de\s+\d{{4}})?",
        r"\b\d+(?:[.,]\d+)?\s*(?:años|horas?|días?|semanas?|meses|km|kilómetros|metros|litros|l/m2|mm)\b",
        r"\b(?:A|N)-\d+\b",
    ),
    subjects=(
        (r"Paiporta|localidad|municipio|pueblo", "town"),
        (r"Valencia|Comunitat|Comunidad Valenciana", "Valencia"),
        (r"Castilla|Cuenca|Letur|Mira|Málaga|Albacete", "elsewhere"),
        (r"niños?", "children"),
        (r"residencia", "nursing home"),
    ),
)
