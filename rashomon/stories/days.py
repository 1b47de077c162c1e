"""The days of the month an article names: "on 17 September", "9月17日", "지난 29일", "17 сентября".

Reports of one event name its day, whatever their language, and two events of one kind a few
days apart (pagers on the 17th, walkie-talkies on the 18th; a vote and its runoff) name different
ones. Most real pages carry no date of their own (on the dev stream two in three), so the days
their text names are the date evidence left for them. Only the day number is kept: month names
are read in many languages, but Japanese and Korean reports often write the day alone ("23日").
"""

from __future__ import annotations

import re
import unicodedata

# Month names by their stems (of four letters or more: any word that starts with one is that
# month, with up to seven letters more for case endings, "сентября", "września"), and the short
# names and abbreviations that must be the whole word ("Sept", "mai", "май").
_STEMS: dict[int, tuple[str, ...]] = {
    1: ("january", "janv", "janua", "enero", "genna", "janei", "январ", "січн", "stycz", "ocak", "يناير", "jänn"),
    2: ("february", "févr", "febre", "febrer", "fevere", "febbr", "феврал", "лют", "lute", "şubat", "فبراير"),
    3: ("march", "märz", "marzo", "março", "марта", "март", "берез", "marca", "مارس"),
    4: ("april", "avril", "abril", "aprile", "апрел", "квіт", "kwie", "nisan", "أبريل", "ابريل"),
    5: ("mayo", "maggio", "maio", "мая", "трав", "mayıs", "مايو"),
    6: ("june", "juin", "junio", "junho", "giugno", "июн", "черв", "czerw", "haziran", "يونيو"),
    7: ("july", "juil", "julio", "julho", "luglio", "июл", "липн", "lipc", "temmuz", "يوليو"),
    8: ("august", "août", "agosto", "agustus", "август", "серп", "sierp", "ağustos", "أغسطس"),
    9: ("september", "sept", "septi", "setem", "setti", "сентяб", "верес", "wrzes", "wrześ", "eylül", "سبتمبر"),
    10: ("october", "octob", "octub", "ottob", "outub", "oktob", "октяб", "жовт", "paźdz", "pazdz", "أكتوبر"),
    11: ("november", "novem", "noviem", "ноябр", "листоп", "listop", "kasım", "نوفمبر"),
    12: ("december", "décem", "dezem", "dicem", "diciem", "декаб", "груд", "grud", "aralık", "ديسمبر"),
}
_EXACT: dict[str, int] = {
    word: month
    for month, words in enumerate(
        (
            ("jan", "janv"),
            ("feb", "févr", "fev"),
            ("mar", "mär", "mars"),
            ("apr", "avr", "abr"),
            ("may", "mai", "май", "maj"),
            ("jun", "juni"),
            ("jul", "juli"),
            ("aug", "ago", "авг"),
            ("sep", "sept", "set"),
            ("oct", "okt", "ott", "out"),
            ("nov",),
            ("dec", "déc", "dez", "dic"),
        ),
        start=1,
    )
    for word in words
}
_STEM_MONTH = {stem: month for month, stems in _STEMS.items() for stem in stems}
_STEM_LENGTHS = sorted({len(stem) for stem in _STEM_MONTH}, reverse=True)
_WORD = r"[^\W\d_]+"
_CJK_DATE = re.compile(r"(\d{1,2})\s*[月월]\s*(\d{1,2})\s*[日号號일]")
# A day written alone, in Chinese, Japanese or Korean: "23日", "29일" (not "3日間", a duration).
_CJK_DAY = re.compile(r"(?<![\d月월])(\d{1,2})\s*[日일](?![間间])")
# A day number, then the words around it: the month after ("17 September", "17 de septiembre") or
# before it ("Sept. 17"); read only around the text's short numbers, which are few.
_SHORT_NUMBER = re.compile(r"(?<!\d)\d{1,2}(?!\d)")
_MONTH_AFTER = re.compile(r"(?:\.|º|er|st|nd|rd|th)?\s+(?:de\s+|of\s+)?(" + _WORD + ")")
_MONTH_BEFORE = re.compile(r"(" + _WORD + r")\.?\s+$")
_NOT_A_DAY_AFTER = re.compile(r"[\d%]|\s*[,.]\d")
# Characters read: the title and the opening, where a report says when its event happened
# (background dates come further down).
READ_CHARS = 2000


def _month(word: str) -> int | None:
    lowered = word.lower()
    if lowered in _EXACT:
        return _EXACT[lowered]
    for length in _STEM_LENGTHS:  # the longest stem the word starts with
        month = _STEM_MONTH.get(lowered[:length]) if len(lowered) >= length else None
        if month is not None:
            return month if len(lowered) <= length + 7 else None
    return None


def mentioned_days(text: str) -> frozenset[int]:
    """Days of the month (1-31) that `text` names with their month ("17 September", "Sept. 17",
    "9月17日") or, in Chinese, Japanese and Korean, alone ("17日")."""
    text = unicodedata.normalize("NFKC", text[:READ_CHARS])
    days: set[int] = set()
    if any(mark in text for mark in "日号號일"):  # most texts have none: skip the East Asian forms
        days.update(int(m.group(2)) for m in _CJK_DATE.finditer(text) if 1 <= int(m.group(1)) <= 12)
        days.update(int(m.group(1)) for m in _CJK_DAY.finditer(text))
    for number in _SHORT_NUMBER.finditer(text):
        start, end = number.span()
        after = _MONTH_AFTER.match(text, end)
        if after and text[start - 1 : start] not in (".", ",") and _month(after.group(1)):
            days.add(int(number.group()))
            continue
        before = _MONTH_BEFORE.search(text, max(0, start - 40), start)
        if before and not _NOT_A_DAY_AFTER.match(text, end) and _month(before.group(1)):
            days.add(int(number.group()))
    return frozenset(day for day in days if 1 <= day <= 31)
