"""The patterns that find a speaker phrase just before a speech verb, when it is more than a run
of capitalised words and role nouns (`attribution._tokens_back`): an appositive, a role then a
name, an institution in lower case, a role with a relative clause, a quantifier standing for its
group, and "put the toll at" read as a speech verb. Each ends at the verb (`$`), so
`attribution` tries them only near it.
"""

from __future__ import annotations

import re

# "Dana Krell, a 54-year-old schoolteacher, said": a name, then an appositive between commas.
# ... and "Unilever, the maker of Dove soap, said" (one word before an appositive with an article).
# A capitalised word of a name, or one with an Arabic particle ("el-Drese", "al-Ghaithi").
_CAP = r"(?:[A-Z]|(?:al|el|ad|ash)-[A-Z])"
APPOSITIVE = re.compile(
    rf"(?P<name>(?:{_CAP}[\w'’.-]+\s+){{1,3}}{_CAP}[\w'’-]+),\s+(?:a|an|the|[a-z])[^,;\"“”]{{2,90}},\s*$"
    rf"|(?:^|[.;]\s+)(?P<single>{_CAP}[\w'’-]+),\s+(?:a|an|the)\s[^,;\"“”]{{2,90}},\s*$"
)
# The loose form without the closing comma: "Rivo Randrianarison, the head of the weather service said".
OPEN_APPOSITIVE = re.compile(
    rf"(?:^|[.;]\s+)(?P<name>(?:{_CAP}[\w'’.-]+\s+){{1,3}}{_CAP}[\w'’-]+),\s+(?:a|an|the)\s[^,;\"“”]{{2,90}}$"
)
# "The head of the agency, Satomi Ahmed, (earlier) told AFP": the role first, then the name.
ROLE_THEN_NAME = re.compile(
    rf"\b(?:[Tt]he|[Aa]n?|[a-z]+)\s[^,;\"“”]{{2,90}},\s+(?P<name>(?:{_CAP}[\w'’.-]+\s+){{1,2}}{_CAP}[\w'’-]+),"
    r"(?:\s+(?:earlier|also|later|then|again|further|once|[a-z]+ly))?\s*$"
)
# "put the number of dead at 27": a figure given as somebody's count, read like a speech verb.
PUT_AT = re.compile(
    r"\b(?:put|puts|putting|placed|places)\s+the\s+(?:[\w-]+\s+){0,2}?(?:toll|number|figure|count|total)\b"
    r"(?:\s+(?:of|in|from)\s+[\w-]+)?\s+at\b"
)
# "The national office of risk management stated": an institution named in lower case.
LOWERCASE_BODY = re.compile(
    r"\b(?:[Tt]he|[Ii]ts|[Tt]heir)\s+(?:[a-z-]+\s+){0,3}(?:office|agency|ministry|department|service|authority|"
    r"committee|council|commission|institute|centre|center|bureau)(?:\s+(?:of|for)\s+(?:[a-z-]+\s+){0,3}[a-z-]+)?\s*$"
)
# "An attorney for Ford, who accused him of ..., says": a role with a relative clause.
ROLE_WHO = re.compile(
    r"(?P<who>\b(?:[Aa]n?|[Tt]he)\s+[a-z]+(?:\s+(?:for|of)\s+[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)?),"
    r"\s+who\s[^,;\"“”]{3,120},\s*$"
)
QUANTIFIERS = r"several|many|some|most|others|few|a few|dozens|hundreds"
# "Many residents believe ...; several told the Courier": the quantifier stands for its group.
QUANTIFIER_GROUP = re.compile(rf"\b(?:{QUANTIFIERS}|other)\s+(?:[a-z]+\s+)?(?P<group>[a-z]+s)\b", re.I)
QUANTIFIER_END = re.compile(rf"\b(?:{QUANTIFIERS})\s*$", re.I)
