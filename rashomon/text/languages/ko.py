"""Korean: "154명이 숨지고 132명이 다쳤다", "10만 명의 인파", "10만명 이상", "X에 따르면"."""

from rashomon.text.languages import COMMON_MASKS, Lexicon

LEXICON = Lexicon(
    code="ko",
    decimal_comma=False,
    number_words={"한": 1, "두": 2, "세": 3, "네": 4, "다섯": 5, "여섯": 6, "일곱": 7, "여덟": 8, "아홉": 9, "열": 10},
    scales={"만": 1e4, "억": 1e8, "천": 1e3},
    at_least=r"최소|적어도",
    more_than=r"",
    up_to=r"최대",
    approx=r"약",
    after_at_least=r"이상",
    after_more=r"여|넘게|넘는|넘",
    vague=((r"수십", 20, 99), (r"수백", 200, 999), (r"수천", 2000, 9999)),
    events=(
        ("killed_or_injured", r"사상자"),
        ("killed", r"숨지|숨졌|사망|압사|희생|숨진|목숨"),
        ("wounded", r"다쳤|다치|부상|중상|경상"),
        ("missing", r"실종"),
        ("arrested", r"체포|검거"),
        ("crowd", r"인파|몰렸|몰리|모였|모인|운집|집결"),
        ("rescued", r"(?<!출)구조|생존"),  # not "출구조사" (an exit poll)
        ("aboard", r"탑승"),
        # a vote of an assembly: who voted for or against, and who was present ("재석 190명 중 찬성 190명")
        ("voted", r"찬성|반대표|투표|전원\s?일치|만장\s?일치"),  # "재판관 8명 전원일치": a unanimous bench
        ("seats", r"의석|^\s*석"),  # "108석" right after the figure: seats, not "재석" (present) or "석방"
        ("votes", r"^\s*표|득표"),  # votes cast ("1,639만 표")
        ("present", r"재석|출석"),
    ),
    groups=(("aboard", r"승객|승무원"),),
    partitive=r"\s*명?\s*(?:중|가운데)\s",
    attribution=(
        # a sentence opening on an authority as its topic reports what follows ("소방 당국은 ... 사망자
        # 85명을 수습하고"): the authority is the claimant
        r"^(?P<who>(?:[^\s,.]+\s)?[^\s,.]*(?:당국|청|본부|경찰|경찰서|소방서|정부|부|처|위원회))(?:은|는)\s",
        r"(?P<who>[^\s,.]+(?:\s[^\s,.]+)?)에 따르면",
        # "경찰 추산 5만명, 주최측 추산 20만명": who estimates the crowd
        r"(?P<who>[^\s,.]+)\s추산(?:으로|에 따르면)?\s",
        # "중앙선관위 개표 결과 김 후보는 49.4%": the body whose count or tally it is
        r"(?P<who>[^\s,.]+(?:\s[^\s,.]+)?)\s(?:최종\s)?(?:집계|개표|출구조사)\s?결과",
        # not inside a quotation: '"... 여객기가 ... 쏟아졌다"고 밝혔다' is no claimant; a decimal
        # point is no sentence end ("출구조사는 ... 51.7%를 얻을 것으로 예측했다")
        r"(?<![\"“])(?P<who>[^\s,.\"“”]+(?:\s[^\s,.\"“”]+)?)(?:은|는|이|가)\s(?:[^.\"“”]|(?<=\d)\.(?=\d)){0,80}?"
        r"(?:밝혔다|발표했다|전했다|(?:예측|추산|집계)했)",
    ),
    # the day or "이날" said before a source is not part of its name ("4일 중앙선거관리위원회에 따르면")
    normalise=((r"^(?:(?:\d+일|이날|지난|전날)\s+)+", ""),),
    masks=COMMON_MASKS
    + (
        # one person described by age ("22세 남성 승무원 1명", "남성 1명(22세)"): an individual, not
        # a count (read before ages are blanked)
        r"\d+\s*세\s+(?:[가-힣]+\s+){0,3}1(?=\s*명)",
        r"(?<!\d)1(?=\s*명\s*\(\s*\d+\s*세)",
        r"\d+\s*(?:년|월|일|시|분|초|세|살|대|호선|번|m|km|층|주|개월|시간)",
        r"\d+\s*(?:~|-)\s*\d+\s*대",
        r"\d+(?:\.\d+)?\s*%\s*대",  # a band ("10%대 초반 득표"), not a share
        r"\d+\s*위(?!원)",  # a rank ("3위에 올랐다"), not "위원회"
        r"(?<=[가-힣])\(\d{1,3}\)",  # an age after a name ("김모(61) 씨")
        r"(?:오전|오후)\s*\d+",
        r"\b11[29](?=\s*(?:구조|구급|신고|상황|종합|특수))",  # the emergency numbers
    ),
    cjk=True,
    noun_before=True,
    counts=r"집계|통계",
    subjects=(
        (r"실종자", "missing people"),
        (r"생존자", "survivors"),
        (r"위독|위중", "critical"),
        (r"중상", "serious"),
        (r"경상", "slightly injured"),
        (r"주민", "residents"),
        (r"어린이", "children"),
        (r"외국인", "foreigners"),
        (r"여성", "women"),
        (r"남성", "men"),
        (r"탑승자|탑승객|탑승", "people aboard"),
        (r"(?<!탑)승객", "passengers"),  # not inside "탑승객" (people aboard)
        (r"승무원", "crew"),
        (r"사망자", "dead"),
        (r"부상자", "injured"),
    ),
    # a majority or quorum is a rule, not a result ("50% 이상 과반"); so is a round mark that the
    # figure after it nears ("80%에 육박한 79.4%")
    thresholds=r"(?:이상\s*)?과반(?:수)?(?:인|의)?|정족수|에\s*(?:육박|근접)한\s*\d",  # "과반인 151석"
    percent=r"포인트",  # percentage points written without "%": "0.73포인트"
    share_kinds=((r"개표", "count progress"), (r"투표율", "turnout")),
)
