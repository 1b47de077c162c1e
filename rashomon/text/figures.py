"""Figures of a sentence in any language that has a `text.languages` lexicon.

The same `Mention` as English (`text.numbers`): an interval with its span and hedges. Digits are
universal (Arabic-Indic ones are read as such); each language adds its number words, its scales
("1,28 million", "10만", "3.3億"), its modifiers before ("au moins 13", "не менее 50", "至少13")
or after the figure ("10만명 이상", "800多名"), and its vague quantities ("des dizaines",
"десятки", "数十"). Dates, times, ages and durations are blanked first (`Lexicon.masks`), keeping
offsets, so that "29일", "下午3時02分" or "71 años" never count anybody.
"""

from __future__ import annotations

import re

from rashomon.text.languages import Lexicon
from rashomon.text.languages.zh import CJK_DIGITS
from rashomon.text.numbers import Mention

# Arabic-Indic digits, and full-width ones ("５０．１％"), read as ASCII (one character for one)
_ARABIC_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩٫٬０１２３４５６７８９．％", "0123456789.,0123456789.%")
_CJK_NUMERAL = "零一二兩两三四五六七八九十百千"


def _alternatives(words: object) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))  # type: ignore[call-overload]


_PATTERNS: dict[str, re.Pattern[str]] = {}


def _pattern(lex: Lexicon) -> re.Pattern[str]:
    """The figure pattern of a language, built once (lexicons are constants, known by their code)."""
    if lex.code not in _PATTERNS:
        _PATTERNS[lex.code] = _build(lex)
    return _PATTERNS[lex.code]


def _build(lex: Lexicon) -> re.Pattern[str]:
    digits = (
        r"\d{1,3}(?:[.\u00a0\u202f ]\d{3})+(?:,\d+)?(?!\d)|\d+(?:,\d+)?"
        if lex.decimal_comma
        else r"\d{1,3}(?:,\d{3})+(?:\.\d+)?(?!\d)|\d+(?:\.\d+)?"
    )
    if lex.short_decimal_comma:  # "57,6" is 57.6, "2,800" still 2800
        digits = digits.replace(r"(?!\d)|", r"(?!\d)|\d+,\d{1,2}(?![\d,])|", 1)
    b = "" if lex.cjk else r"\b"
    gap = r"\s*" if lex.cjk else r"\s+"
    words = [w for w in lex.number_words if not (lex.cjk and w in _CJK_NUMERAL)]
    lead = rf"(?:{b}|(?<=\b(?:{lex.clitics})))" if lex.clitics else b  # "بنقطتين": "ب" + "نقطتين"
    word = rf"{lead}(?:{_alternatives(words)}){b}" if words else r"(?!x)x"
    if lex.joiner:  # "treinta y dos", "trente-deux": one number
        tens = _alternatives(w for w in words if lex.number_words[w] in range(20, 100, 10))
        units = _alternatives(w for w in words if lex.number_words[w] in range(1, 10))
        word = rf"{b}(?:{tens})(?:{lex.joiner})(?:{units}){b}|{word}"
    if lex.cjk and words:  # Korean "두 명": a native numeral only before its counter
        word = rf"(?:{_alternatives(words)})(?=\s*[명人名位])"
    cjk = rf"[{_CJK_NUMERAL}]+(?=\s*[名人位個个隻只])" if lex.code in ("zh", "ja") else r"(?!x)x"
    scale = rf"(?:\s*(?:{_alternatives(lex.scales)})(?![^\W\d_]{{2}}))?" if lex.scales else ""
    if lex.cjk and lex.scales:  # "1천639만4천815", "1728만 7513": sections of ten thousand
        units = _alternatives(lex.scales)
        section = r"\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?"  # "1,639만 4,815": thousands commas inside a section
        rest = r"\d,\d{3}|\d{1,4}"
        scale = rf"(?:\s*(?:{units})+(?:\s?(?:{section})\s*(?:{units})+)*(?:\s?(?:{rest})(?![\d.,]))?)?"
    # "أربعة آلاف", "drei Millionen": a number word with its scale
    worded = rf"(?:\s+(?:{_alternatives(lex.scales)})(?![^\W\d_]{{2}}))?" if lex.scales and not lex.cjk else ""
    vague = "|".join(f"(?:{rx})" for rx, _, _ in lex.vague) or r"(?!x)x"
    before = "|".join(f"(?P<{k}>{rx})" for k, rx in _modifiers(lex) if rx)
    after = "|".join(f"(?P<a_{k}>{rx})" for k, rx in (("atleast", lex.after_at_least), ("more", lex.after_more)) if rx)
    between = r"(?!x)x"
    if lex.between:  # "entre el 26,6% y 28,6%", "entre 300 et 400"
        det = r"(?:(?:el|la|los|las|le|les|un|una|une)\s+)?"
        # "ما بين 57,6 و58,2": the Arabic "و" is glued to the second figure
        between = rf"{lex.between[0]}\s+{det}(?P<ba>{digits}){scale}\s*%?\s+{lex.between[1]}\s*{det}(?P<bb>{digits})"
    return re.compile(
        rf"(?:(?:{before}){gap})?"
        rf"(?:(?P<vague>{vague})|{between}"
        rf"|(?P<a>{digits}){scale}\s*(?:-|–|—|至|到|~|à|a|bis)\s*(?P<b>{digits})(?P<bscale>{scale})"
        rf"|(?P<num>(?:{digits}){scale}|(?:{word}){worded}|{cjk}))"
        # "95%를 넘었을", "50%を超えた": the mark passed is a "more than" too
        + (rf"(?:\s*(?:명|人|名|%|％)?(?:이|가|을|를|が|を)?\s*(?:{after}))?" if after else ""),
        re.I,
    )


def _modifiers(lex: Lexicon) -> tuple[tuple[str, str], ...]:
    return (("atleast", lex.at_least), ("more", lex.more_than), ("upto", lex.up_to), ("approx", lex.approx))


def _masked(text: str, lex: Lexicon) -> str:
    out = text.translate(_ARABIC_DIGITS)
    if lex.code == "ja":  # "54・20ドル", "0・5%": Japanese print writes a decimal point as "・"
        out = re.sub(r"(?<=\d)・(?=\d+\s*(?:ドル|円|ユーロ|%|ポイント|億|兆|万))", ".", out)
    for rx in lex.masks:
        out = re.sub(rx, lambda m: " " * len(m.group(0)), out, flags=re.I)
    return out


def _cjk_value(text: str) -> float:
    """ "三百" -> 300, "二十" -> 20: digits and units of `zh.CJK_DIGITS`, which Japanese shares."""
    total = current = 0
    for ch in text:
        value = CJK_DIGITS[ch]
        if value < 10:
            current = value
        else:
            total += (current or 1) * value
            current = 0
    return float(total + current)


def _sections(raw: str, lex: Lexicon) -> float | None:
    """A CJK number in digits and units: "1천639만4천815" -> 16394815, "3.3億" -> 330000000. A unit
    under ten thousand (천) multiplies the digits before it inside a section; 만/万 and 억/億 close
    the section, and digits after the last unit are added."""
    total = section = current = 0.0
    for token in re.findall(r"\d+(?:\.\d+)?|\S", raw.replace(",", "")):
        if token[0].isdigit():
            current = float(token)
        elif token in lex.scales and lex.scales[token] < 1e4:
            section, current = section + (current or 1) * lex.scales[token], 0.0
        elif token in lex.scales:
            total, section, current = total + ((section + current) or 1) * lex.scales[token], 0.0, 0.0
        else:
            return None
    return total + section + current


def parse_number(text: str, lex: Lexicon) -> float | None:
    """The value of one written number: "2.012" (fr) -> 2012, "1,28 million" -> 1280000, "10만" -> 100000."""
    raw = text.strip()
    low = raw.lower()
    if low in lex.number_words:
        return float(lex.number_words[low])
    head, _, scale = low.partition(" ")
    if head in lex.number_words and scale.strip() in lex.scales:
        return float(lex.number_words[head]) * lex.scales[scale.strip()]  # "أربعة آلاف" -> 4000
    parts = re.split(lex.joiner, low) if lex.joiner else []
    if len(parts) == 2 and all(p in lex.number_words for p in parts):
        return float(lex.number_words[parts[0]] + lex.number_words[parts[1]])
    if raw and all(ch in _CJK_NUMERAL for ch in raw):
        return _cjk_value(raw)
    if lex.cjk and any(unit in raw for unit in lex.scales):
        return _sections(raw, lex)
    m = re.match(r"([\d.,\u00a0\u202f ]*\d)\s*(.*)$", raw)
    if not m:
        return None
    digits, scale_word = m.group(1), m.group(2).strip().lower()
    thousands, decimal = (".", ",") if lex.decimal_comma else (",", ".")
    if lex.short_decimal_comma and re.fullmatch(r"\d+,\d{1,2}", digits):
        thousands, decimal = "", ","  # "57,6" -> 57.6
    digits = re.sub(r"[\u00a0\u202f ]", "", digits).replace(thousands, "").replace(decimal, ".")
    try:
        value = float(digits)
    except ValueError:
        return None
    return value * lex.scales.get(scale_word, 1.0) if scale_word else value


def _odd_unit(number: str, after: str, lex: Lexicon) -> float:
    """The unit a CJK "-odd" ("25만여", "23만1천여") rounds to, or 0: a figure whose digits end on a
    unit of ten thousand or a thousand, then "여"/"余"/"多", is that much and less than one unit
    more ("25만여표" is 250,000 to 259,999), not an open "more than"."""
    unit = number.strip()[-1:]
    if not lex.cjk or unit not in lex.scales or not re.fullmatch(r"\s*(?:여|余|餘|多)", after):
        return 0.0
    return lex.scales[unit]


def _interval(kind: str, value: float) -> tuple[float | None, float | None]:
    if kind == "atleast":
        return value, None
    if kind == "more":
        return (value + 1 if value.is_integer() else value), None
    if kind == "upto":
        return None, value
    return value, value


_AMOUNT = re.compile(r"\s+(?:nombre|total|bilan|número|cifra|balance|certain|cierto|grand nombre)\b", re.I)


def _one_counted(text: str, start: int, end: int, lex: Lexicon) -> bool:
    """ "un"/"una" is one only when a counted word is its neighbour: right before it ("detuvieron a
    un colombiano", "murió una mujer") or after its noun ("una mujer murió", "un policía herido");
    in German only right before the counted word itself ("einen Sitz", `articles_beside`)."""
    if _AMOUNT.match(text, end):
        return False  # "un nombre élevé de victimes": an amount, not one
    events = "|".join(rx for _, rx in lex.events)
    if not lex.articles_beside:  # "einen Sitz", "ein Toter"; "eine Menschenmenge" is a crowd, not one
        counted = "|".join(rx for q, rx in lex.events if q != "crowd")
        return bool(re.match(rf"\s+(?:{counted})", text[end:], re.I))
    before = re.search(rf"(?<!\w)(?:{events})\s+(?:a\s+)?$", text[max(0, start - 40) : start], re.I)
    verb = r"(?:[\w'’-]+\s+){0,2}"  # "una mujer resultó herida", "une femme a été tuée"
    after = re.match(rf"\s+[\w-]+\s+{verb}(?:{events})", text[end:], re.I)
    return bool(before or after)


def find_figures(text: str, lex: Lexicon) -> list[Mention]:
    """Every figure of `text`, in order."""
    scan = _masked(text, lex)
    found: list[Mention] = []
    for m in _pattern(lex).finditer(scan):
        kind = next((k for k, _ in _modifiers(lex) if m.groupdict().get(k)), "")
        after = next((k for k in ("atleast", "more") if m.groupdict().get(f"a_{k}")), "")
        if m.group("vague"):
            low, high = next((lo, hi) for rx, lo, hi in lex.vague if re.fullmatch(rx, m.group("vague"), re.I))
            interval: tuple[float | None, float | None] = (low, high)
            if kind in ("more", "atleast"):
                interval = (low, None)
        elif m.group("a") or m.groupdict().get("ba"):
            a, b = (
                (parse_number(m.group("ba"), lex), parse_number(m.group("bb"), lex))
                if m.groupdict().get("ba")
                else (parse_number(m.group("a"), lex), parse_number(m.group("b") + (m.group("bscale") or ""), lex))
            )
            if a is None or b is None or a >= b:
                continue
            interval = (a, b)
        else:
            value = parse_number(m.group("num"), lex)
            if value is None:
                continue
            if re.fullmatch(r"0\d+", m.group("num")) and re.match(r"\s*[%％]", scan[m.end() :]):
                value = float("0." + m.group("num")[1:])  # "(011%)": a share whose decimal point was lost
            interval = _interval(after or kind, value)
            odd = _odd_unit(m.group("num"), m.groupdict().get("a_more") or "", lex)
            if odd:  # "25만여표": 250,000-odd, [250000, 259999]
                interval = (value, value + odd - 1)
        hedges = ("approximately",) if kind == "approx" else ()
        article = m.group("num") and m.group("num").lower() in lex.articles
        if article and not _one_counted(text, m.start(), m.end(), lex):
            continue  # "en una playa", "dans un état critique": the article, not a count
        found.append(Mention(text[m.start() : m.end()].strip(), *interval, m.start(), m.end(), hedges))
    return found
