"""Spanish: "62 muertos", "al menos 95 víctimas mortales", "según la alcaldesa", "decenas de muertos"."""

from rashomon.text.languages import COMMON_MASKS, Lexicon

_MONTHS = r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre"

_NUMBER_WORDS = r"un|una|dos|tres|cuatro|cinco|seis|siete|ocho|nueve|diez|once|doce|quince|veinte|treinta"

_PLACE = r"[A-ZÁÉÍÓÚÀÂÈÊÎÔÛÇ][\w'’-]+(?:[ -][A-ZÁÉÍÓÚÀÂÈÊÎÔÛÇ][\w'’-]+)?"

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
        "trece": 13,
        "catorce": 14,
        "quince": 15,
        "dieciséis": 16,
        "diecisiete": 17,
        "dieciocho": 18,
        "diecinueve": 19,
        "veinte": 20,
        "veintiuno": 21,
        "veintiún": 21,
        "veintidós": 22,
        "veintitrés": 23,
        "veinticuatro": 24,
        "veinticinco": 25,
        "veintiséis": 26,
        "veintisiete": 27,
        "veintiocho": 28,
        "veintinueve": 29,
        "treinta": 30,
        "cuarenta": 40,
        "cincuenta": 50,
        "sesenta": 60,
        "setenta": 70,
        "ochenta": 80,
        "noventa": 90,
        "doscientos": 200,
        "doscientas": 200,
        "trescientos": 300,
        "trescientas": 300,
        "cuatrocientos": 400,
        "quinientos": 500,
        "cien": 100,
        "ciento": 100,
        "mil": 1000,
        "un": 1,
        "uno": 1,
        "una": 1,
        "ningún": 0,
        "ninguna": 0,
    },
    between=(r"entre", r"y"),
    joiner=r"\s+y\s+",  # "treinta y dos"
    articles=("un", "una"),
    made_of=(
        (
            r"\b(?:comando|célula|banda|grupo armado|"
            r"grupo de (?:atacantes|asaltantes|mercenarios|sicarios|pistoleros))\b"
            r"[^.;]{0,120}?\b(?:compuest|integrad|formad|conformad)[oa]s?\s+por\s+(?:(?:los|las|unos|unas)\s+)?$",
            "attackers",
        ),
    ),
    zeros=(
        (
            r"\bno hay (?:informaci\w+|reportes?|registros?|constancia) de (?:fallecidos|muertos|víctimas mortales)",
            "killed",
        ),
        (r"\bno (?:hubo|hay|se registraron|se reportaron) (?:víctimas|heridos|lesionados)", "killed_or_injured"),
        (r"\bsin (?:causar |dejar )?(?:víctimas|heridos)\b", "killed_or_injured"),
    ),
    scales={"millón": 1e6, "millones": 1e6, "mil millones": 1e9},
    at_least=r"al menos|como mínimo|por lo menos",
    more_than=r"más de",
    up_to=r"hasta",
    approx=r"unos|unas|alrededor de|cerca de|casi|aproximadamente",
    vague=(
        (r"decenas de miles", 20_000, 99_999),
        # approximate nouns of number: "una decena", "un centenar", "un millar"
        (r"una decena", 10, 10),
        (r"una veintena", 20, 20),
        (r"una treintena", 30, 30),
        (r"un centenar", 100, 100),
        (r"un millar", 1000, 1000),
        (r"cientos de miles|centenares de miles", 200_000, 999_999),
        (r"decenas", 20, 99),
        (r"cientos|centenares", 200, 999),
        (r"miles", 2000, 9999),
    ),
    events=(
        ("money", r"euros?\b|dólares\b|pesos\b"),
        ("killed_or_injured", r"muertos? o heridos?"),
        (
            "killed",
            r"muertos?|muertes?|fallecidos?|fallecidas?|víctimas mortales|murieron|fallecieron|"
            r"muertas?|muerte de|han muerto|ha muerto|cadáveres|perdieron la vida|perdido la vida|perdió la vida|"
            r"murió|muere|mueren|falleció|fallece|fallecen|"
            r"abatid[oa]s?|dio de baja|dieron de baja|asesinad[oa]s?",
        ),
        ("wounded", r"heridos?|heridas?|hospitalizad[oa]s?|lesionad[oa]s?"),
        ("missing", r"desaparecidos?|desaparecidas?|en paradero desconocido|sin localizar|no localizad[oa]s"),
        ("arrested", r"detenid[oa]s?|arrestad[oa]s?|detenciones|capturad[oa]s?|captur[óoa]\w*|detuv\w+|arrest[óo]\w*"),
        ("at_large", r"prófugos?|fugitivos?|huidos?|huídos?|en fuga"),
        ("rescued", r"rescatad[oa]s?|sobrevivientes|supervivientes|sobrevivi\w+"),
        ("trapped", r"atrapad[oa]s?"),
        ("affected", r"afectad[oa]s"),
        ("protesters", r"manifestantes|marcharon|se manifestaron|salieron a las calles"),
        ("crowd", r"simpatizantes?|asistentes|se (?:reunieron|concentraron|congregaron)"),
        ("displaced", r"evacuad[oa]s?|evacuar|desplazad[oa]s?|realojad[oa]s?|sin hogar"),
        ("aboard", r"a bordo"),
        ("voted", r"votaron|votos a favor|votos en contra|por unanimidad"),
        ("seats", r"escaños?\b"),  # a party's seats; "los 350 escaños" is the body's size
        ("votes", r"votos\b|sufragios"),  # votes cast for a candidate or a list
        ("present", r"presentes"),
        ("crowd", r"multitud|fieles|asistieron"),
    ),
    groups=(
        ("aboard", r"pasajeros|tripulantes|miembros de la tripulación"),
        (
            "attackers",
            r"asaltantes|atacantes|tiradores|pistoleros|mercenarios|sicarios|"
            r"implicad[oa]s en (?:el|la) (?:asesinato|ataque|atentado|magnicidio|crimen|secuestro)",
        ),
    ),
    attribution=(
        # "según informaciones ofrecidas por el director general de la Policía, León Charles":
        # the name in apposition belongs to the claimant
        r"\b(?:[Ss]egún|[Dd]e acuerdo (?:con|a))\s+(?:(?:informó|informaron|dijo|dijeron|declaró|señaló|indicó)\s+)?"
        r"(?P<who>[^,;.()«»\"]{3,80}?"
        r"(?:,\s+[A-ZÁÉÍÓÚ][\w-]+(?:\s+[A-ZÁÉÍÓÚ][\w-]+){1,3}(?=\s*[,.;]|$))?)(?=\s*(?:[,;.()«»\"]|\by\b|$))",
        # "El presidente regional, Jorge Ruiz, ha confirmado": the name in apposition is the claimant's
        r"(?P<who>(?:la |el |los |las )?[A-ZÁÉ][\w'-]+(?:\s+[\w'-]+){0,5}"
        r"(?:,\s*[A-ZÁÉÍÓÚ][\w'-]+(?:\s+[A-ZÁÉÍÓÚ][\w'-]+){0,3},)?)(?<!\sno)\s+(?:ha|han)\s+"
        r"(?:confirmado|informado|asegurado|declarado|indicado|anunciado|elevado|cifrado|contabilizado|"
        r"actualizado|comunicado|precisado|detallado|señalado|explicado|dicho)",
        r"(?P<who>(?:la |el |los |las )?[\w-]+(?:\s+[\w-]+){0,4})\s+(?:cifraron|cifró|cifra|confirmó|confirma|"
        r"informó|anunció|eleva|elevó|elevan|elevaron|dijo|dijeron|afirmó|declaró|señaló|aseguró|destacó|precisó|indicó|"
        r"explicó|detalló|reportó)\s+(?:que|en|a|hoy|este|esta|ayer|el|la|los|las|\d)",
        # "los vecinos hablan de más de un centenar"
        r"(?P<who>(?:la |el |los |las )?[\w-]+(?:\s+[\w-]+){0,3})\s+(?:habla|hablan|hablaba|hablaban)\s+de\b",
        # the verb left out: "1,27 millones de manifestantes y los sindicatos 2,5 millones"
        r"\by\s+(?P<who>(?:los|las|el|la)\s+[\w-]+)\s+(?=\d)",
        # "..., dijo Charles." after the figures
        r",\s*(?:(?:ha|han)\s+(?:dicho|informado|señalado|asegurado|explicado|precisado|confirmado|indicado)|"
        r"dijo|dijeron|afirmó|declaró|señaló|aseguró|precisó|indicó|explicó|añadió|informó|"
        r"informa|informan|señala|indica|asegura|afirma|reporta|detalla)\s+"
        r"(?P<who>(?:la |el |los |las )?[\w-]+(?:\s+[\w-]+){0,5}?)(?=\s*[,.;]|$)",
    ),
    same_speaker=r"(?:Dijo|Añadió|Agregó|Explicó|Precisó|Indicó|Señaló|Afirmó|Aseguró|Detalló)\s+que\b",
    masks=COMMON_MASKS
    + (
        rf"\b\d{{1,2}}\s+de\s+(?:{_MONTHS})(?:\s+de\s+\d{{4}})?",
        r"\b\d+(?:\s*(?:,|y)\s*\d+)+\s+años\b",  # "de 46 y 23 años": ages
        r"\b\d+(?:[.,]\d+)?\s*(?:años|horas?|días?|semanas?|meses|km|kilómetros|metros|litros|l/m2|mm)\b",
        r"\b(?:A|N)-\d+\b",
        r"\b\d{1,2}(?:[.:]\d{2})?\s*(?:[ap]\.\s?m\.|hs\b)",
        r"\b\d{1,2}\s+de la (?:mañana|tarde|noche|madrugada)",
        r"\b[Uu]n[oa] de (?:los|las|sus)\b",  # "uno de los mercenarios" is somebody, not a count
        # durations and ages in words: "hace cerca de tres meses", "dos años"
        rf"\b(?:{_NUMBER_WORDS})\s+(?:años|meses|semanas|días|horas|minutos|metros|kilómetros|grados|litros)\b",
    ),
    places=(
        r"(?:\b[Ee]n\s+(?:(?:la|el)\s+)?(?:(?:provincia|región|ciudad|localidad|comunidad)\s+de\s+)?"
        r"|\b(?:la|el)\s+(?:provincia|región|ciudad|localidad|comunidad)\s+de\s+)"
        rf"(?P<place>{_PLACE}|(?<=la )capital)"
    ),
    counts=r"\bcifras?\b|\brecuentos?\b|\bconteos?\b",
    subjects=(
        (r"estado crítico", "critical"),
        (r"estado grave", "serious"),
        (r"residentes|vecinos|habitantes", "residents"),
        (r"niños?", "children"),
        (r"colombian[oa]s", "Colombian"),
        (r"estadounidenses|norteamericanos|americanos", "American"),
        (r"mujer(?:es)?", "women"),
        (r"hombres", "men"),
        (r"pasajeros", "passengers"),
        (r"tripulación|tripulantes", "crew"),
        (r"policías|agentes", "police officers"),
        (r"soldados|militares", "soldiers"),
        (r"mercenarios|asaltantes|atacantes|tiradores", "attackers"),
    ),
    percent=r"por ciento|puntos porcentuales",
    thresholds=r"umbral del?|barrera del?|mayoría absoluta(?: de| \(| :)?",
    definite=r"los|las",
    things=(
        r"viviendas|casas|edificios|inmuebles|escuelas|hospitales|vehículos|"
        r"coches|puentes|autonomías|comunidades|provincias|municipios|regiones"
    ),
)
