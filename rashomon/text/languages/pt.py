"""Portuguese: "62 mortos", "pelo menos 95 vítimas", "segundo a Defesa Civil", "com 48,4% dos votos válidos".

Brazil writes "bilhão/bilhões", Portugal "mil milhões"; both write "48,43%" and "57.259.504".
"""

from rashomon.text.languages import COMMON_MASKS, Lexicon

_MONTHS = r"janeiro|fevereiro|março|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro"

_NUMBER_WORDS = r"um|uma|dois|duas|três|quatro|cinco|seis|sete|oito|nove|dez|onze|doze|quinze|vinte|trinta"

_PLACE = r"[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\w'’-]+(?:[ -](?:d[aoe]s?\s+)?[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\w'’-]+)?"

_SAY = (
    r"disse|disseram|afirmou|afirmaram|informou|informaram|divulgou|divulgaram|declarou|anunciou|"
    r"confirmou|confirmaram|relatou|registrou|contabilizou|estima|estimou|estimam|calcula|calculou"
)

LEXICON = Lexicon(
    code="pt",
    decimal_comma=True,
    number_words={
        "um": 1,
        "uma": 1,
        "dois": 2,
        "duas": 2,
        "três": 3,
        "quatro": 4,
        "cinco": 5,
        "seis": 6,
        "sete": 7,
        "oito": 8,
        "nove": 9,
        "dez": 10,
        "onze": 11,
        "doze": 12,
        "treze": 13,
        "catorze": 14,
        "quatorze": 14,
        "quinze": 15,
        "dezesseis": 16,
        "dezasseis": 16,
        "dezessete": 17,
        "dezassete": 17,
        "dezoito": 18,
        "dezenove": 19,
        "dezanove": 19,
        "vinte": 20,
        "trinta": 30,
        "quarenta": 40,
        "cinquenta": 50,
        "sessenta": 60,
        "setenta": 70,
        "oitenta": 80,
        "noventa": 90,
        "cem": 100,
        "cento": 100,
        "duzentos": 200,
        "duzentas": 200,
        "trezentos": 300,
        "trezentas": 300,
        "quatrocentos": 400,
        "quinhentos": 500,
        "mil": 1000,
        "nenhum": 0,
        "nenhuma": 0,
    },
    between=(r"entre", r"e"),
    joiner=r"\s+e\s+",  # "trinta e dois"
    articles=("um", "uma"),
    zeros=(
        (r"\bnão há (?:registros?|informaç\w+|relatos?) de (?:mortos|vítimas|feridos)", "killed_or_injured"),
        (r"\bsem (?:deixar |causar )?(?:vítimas|feridos)\b", "killed_or_injured"),
    ),
    scales={"milhão": 1e6, "milhões": 1e6, "mi": 1e6, "bilhão": 1e9, "bilhões": 1e9, "bi": 1e9, "mil milhões": 1e9},
    at_least=r"pelo menos|ao menos|no mínimo",
    more_than=r"mais de",
    up_to=r"até",
    approx=r"cerca de|aproximadamente|quase|perto de|em torno de|por volta de|uns|umas",
    vague=(
        (r"dezenas de milhares", 20_000, 99_999),
        (r"centenas de milhares", 200_000, 999_999),
        (r"uma dezena", 10, 10),
        (r"uma centena", 100, 100),
        (r"um milhar", 1000, 1000),
        (r"dezenas", 20, 99),
        (r"centenas", 200, 999),
        (r"milhares", 2000, 9999),
        (r"vários milhares", 2000, 9999),
        (r"várias centenas", 200, 999),
        (r"vários|várias", 3, 9),  # as "mehrere" is
        (r"alguns|algumas", 2, 9),
    ),
    events=(
        ("money", r"reais\b|dólares\b|euros?\b"),
        ("killed_or_injured", r"mortos? ou feridos?"),
        (
            "killed",
            r"mortos?|mortas?|mortes?|óbitos?|vítimas fatais|morreram|morreu|faleceram|faleceu|"
            r"perderam a vida|cadáveres|corpos|assassinad[oa]s?",
        ),
        ("wounded", r"feridos?|feridas?|hospitalizad[oa]s?"),
        ("missing", r"desaparecid[oa]s?"),
        ("arrested", r"pres[oa]s?\b|detid[oa]s?|detenções|prisões|capturad[oa]s?"),
        ("rescued", r"resgatad[oa]s?|sobreviventes"),
        ("displaced", r"desabrigad[oa]s?|desalojad[oa]s?|deslocad[oa]s?|evacuad[oa]s?"),
        ("protesters", r"manifestantes|protestaram|foram às ruas"),
        ("crowd", r"apoiadores|simpatizantes|pessoas reunidas|se reuniram"),
        ("aboard", r"a bordo"),
        ("seats", r"cadeiras\b|assentos\b"),
        ("votes", r"votos\b"),
        ("voted", r"eleitores votaram|votaram"),
    ),
    groups=(("aboard", r"passageiros|tripulantes"),),
    attribution=(
        r"\b(?:[Ss]egundo|[Dd]e acordo com|[Cc]onforme)\s+"
        r"(?P<who>[^,;.()«»\"“”]{3,80}?)(?=\s*(?:[,;.()«»\"“”]|\be\b|$))",
        r"(?P<who>(?:[oa]s? )?[A-ZÁÉÍÓÚ][\w'-]+(?:\s+[\w'-]+){0,5})\s+(?:" + _SAY + r")\s+(?:que|em|na|no|\d)",
        r",\s*(?:" + _SAY + r")\s+(?P<who>(?:[oa]s? )?[\w-]+(?:\s+[\w-]+){0,5}?)(?=\s*[,.;]|$)",
    ),
    same_speaker=r"(?:Disse|Afirmou|Acrescentou|Explicou|Informou)\s+que\b",
    masks=COMMON_MASKS
    + (
        rf"\b\d{{1,2}}º?\s+de\s+(?:{_MONTHS})(?:\s+de\s+\d{{4}})?",
        r"\b\d{1,2}h(?:\d{2})?\b",  # "20h", "20h30"
        r"\b\d+(?:[.,]\d+)?\s*(?:anos|horas?|dias?|semanas?|meses|km|quilômetros|quilómetros|metros|litros|mm)\b",
        r"\b[Uu]m[a]? d[oa]s\b",  # "um dos feridos" is somebody, not a count
        # a party's or candidate's ballot number: "o 13", "número 22", "(PT, 13)"
        r"\b(?:número|nº|n\.º)\s*\d{1,5}\b",
        rf"\b(?:{_NUMBER_WORDS})\s+(?:anos|meses|semanas|dias|horas|minutos|metros|quilômetros)\b",
    ),
    places=(
        r"\b(?:[Ee]m|[Nn]a|[Nn]o)\s+(?:(?:estado|cidade|município|região|capital)\s+d[eoa]\s+)?"
        rf"(?P<place>{_PLACE})"
    ),
    counts=r"\bbalanços?\b|\bcontagens?\b|\bnúmeros\b",
    subjects=(
        (r"crianças", "children"),
        (r"mulheres", "women"),
        (r"homens", "men"),
        (r"policiais|polícias|agentes", "police officers"),
        (r"soldados|militares", "soldiers"),
        (r"moradores|habitantes", "residents"),
        (r"brasileiros", "Brazilian"),
        (r"portugueses", "Portuguese"),
    ),
    percent=r"por cento|pontos percentuais|pontos?(?!\w)",
    # the rule to win, not a result: "precisa de mais de 50% dos votos válidos para vencer"
    thresholds=(
        r"(?:precis\w+|necessári\w+|exig\w+|obter|atingir|alcançar)\s+(?:de\s+)?(?:mais de\s+|pelo menos\s+)?|"
        r"maioria absoluta(?: de| \(| :)?|cláusula de barreira d[eo]s?|"
        r"d[oa]s votos(?: válidos)?(?: necessários)? para (?:vencer|ganhar|ser eleit|evitar|liquidar)"
    ),
    # "com 99,9% das urnas apuradas": the count's progress, apart from the candidates' shares
    share_kinds=(
        (r"\bd[ao]s\s+(?:u(?:r|$)|se(?:ç|$))|apura", "count progress"),
        (r"participação|comparecimento", "turnout"),
    ),
    definite=r"os|as",
    things=r"casas|edifícios|prédios|escolas|hospitais|veículos|carros|pontes|municípios|estados|cidades",
)
