"""Who gives a figure in a headline of a language read by a lexicon: a source the headline names
(by an attribution pattern, or as a label before a colon), else the headline's own framing."""

from __future__ import annotations

import re


def headline_voice(article: str, text: str, named: str | None) -> str:
    """A headline that names its source gives it ("35死43伤,珠海警方通报...", "СК РФ: погибли три
    человека"); else it is the headline's own framing, as in English."""
    if named:
        return named
    label = _HEADLINE_SOURCE.match(text)
    if label:
        return label.group("who")
    return f"headline of {article}"


# "СК РФ: ...", "МЧС: ...", "外交部：...": an acronym (or two) or a body's name, then a colon; a
# topic label ("Sturm: Mindestens neun Tote", "Видео: ...") is the headline's own framing
_HEADLINE_SOURCE = re.compile(
    r"(?!(?:ВИДЕО|ФОТО|ОНЛАЙН|СРОЧНО|VIDEO|LIVE|BREAKING|UPDATE|WATCH|PHOTOS?)\b)(?P<who>[A-ZА-ЯЁ]{2,6}(?:\s[A-ZА-ЯЁ]{2,4})?|[\u4e00-\u9fff]{1,8}(?:部|局|署|院|厅|廳|委|会|會|警方|政府))"
    r"\s?[:：]\s*(?!\d)"
)
