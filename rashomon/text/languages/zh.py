"""Chinese: "至少13人死亡", "44 死 58 傷", "逾200人失聯", "據X", "警方已拘捕三名男子"."""

from rashomon.text.languages import COMMON_MASKS, Lexicon

CJK_DIGITS = {
    "零": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "十": 10,
    "百": 100,
    "千": 1000,
}
# Dates, times, durations, ages, alarm levels, floors, addresses: never figures.
CJK_MASKS: tuple[str, ...] = (
    r"\d+\s*(?:至|到|-|–|~)\s*\d+\s*(?:歲|岁)",
    r"\d+\s*(?:年|月|日|号|號|時|时|點|点|分|秒|小時|小时|歲|岁|級|级|層|层|樓|楼|米|公里|度|週|周|天|代|世紀|世纪)",
    r"(?:上午|下午|晚上|凌晨|早上|傍晚)\s*\d+",
    r"[一二三四五六七八九十兩两]+\s*(?:年|月|日|級|级|時|时|小時|天|週)",
    # "五個半小時", "3個多月": a duration with its counter and a half or "more"
    r"[\d一二三四五六七八九十兩两]+\s*[個个]\s*[半多]?\s*(?:小時|小时|鐘頭|钟头|月|星期|禮拜|礼拜)",
    r"\d+(?=\s*(?:客機|客机|型客機|型客机|型飛機|型飞机))",  # an aircraft model: "737客机"
)

LEXICON = Lexicon(
    code="zh",
    decimal_comma=False,
    number_words=CJK_DIGITS,
    scales={"萬": 1e4, "万": 1e4, "億": 1e8, "亿": 1e8},
    at_least=r"至少|最少|起碼|起码",
    more_than=r"逾|超過|超过|多於|多于|過|过",
    up_to=r"最多|多達|多达",
    approx=r"約|约|近|大約|大约",
    after_at_least=r"以上",
    after_more=r"多|餘|余",
    vague=((r"數十|数十|幾十|几十", 20, 99), (r"數百|数百|幾百|几百", 200, 999), (r"數千|数千", 2000, 9999)),
    events=(
        # dead and missing together are their own count ("死亡失踪380人"), neither a toll nor the missing
        ("killed_or_missing", r"死亡失[踪蹤]|死亡和失[踪蹤]|死亡或失[踪蹤]|遇[难難]失[联聯]|死亡失[联聯]"),
        ("killed", r"死亡|罹難|罹难|遇難|遇难|喪生|丧生|身亡|殉職|殉职|不治|死|亡"),
        ("wounded", r"受傷|受伤|傷|伤|送院|危殆|嚴重|严重|穩定|稳定|留醫"),
        ("missing", r"失聯|失联|失蹤|失踪"),
        ("arrested", r"拘捕|被捕|逮捕|拘留"),
        ("discharged", r"出院"),
        ("rescued", r"救出|獲救|获救"),
        ("displaced", r"疏散|撤離|撤离"),
        ("crowd", r"聚集"),
        ("voted", r"贊成|赞成|反對票|反对票|投票|一致通過|一致通过|全票|一致裁定"),
        ("seats", r"議席|议席|席位|(?<![\u4e00-\u9fff])席"),  # "180席", "108个席位"; not "主席" or "出席"
        ("votes", r"^\s*票|得票|選票|选票"),
        ("present", r"出席"),
        ("crowd", r"人群|群眾|群众"),
        ("aboard", r"搭載|搭载|載有|载有|乘客|機上|机上"),
    ),
    attribution=(
        # "據X稱", "据巴西环球电视台(Globo.com)报道," (a Latin comma, too)
        r"(?:據|据|根據|根据)(?![悉報报])(?P<who>[^，。、,：:「」]{2,16}?(?:[(（][^()（）]{1,20}[)）])?)"
        r"(?:表示|稱|称|指|消息|統計|统计|通報|通报|公布|公佈|發布|發佈|发布|報道|报道|，|,|。)",
        # "，广西应急管理厅方面表示，": a body opening a clause, then its speech verb
        r"(?:^|[，。,：:])(?P<who>[^，。、,：:「」\s]{2,16}?)方面(?:表示|稱|称|宣布|證實|证实|透露|通報|通报)",
        r"(?P<who>警方|消防處|消防处|醫管局|医管局|政府|當局|当局|保安局局長|保安局局长)"
        r"(?:已|於|于|今日|周[一二三四五六日])?(?:表示|指|稱|称|公布|宣布|證實|证实|透露|通報|通报)",
        # "珠海警方12日公布稱案件導致", "官方通報指": a body, its day, then "published, saying"
        r"(?:^|(?<=[。！？；，,]))(?P<who>[^，。、,：:；「」\s《》\d]{2,24}?)(?:\d{1,2}日)?"
        r"(?:公布|公佈|發布|发布|通報|通报)(?:稱|称|指)",
        # "珠海市公安局12日傍晚發布通報": a body that issues a bulletin gives what the bulletin says
        r"(?:^|(?<=[。！？；，,]))(?P<who>[^，。、,：:；「」\s《》\d]{2,24}?)(?:\d{1,2}日)?"
        r"(?:傍晚|晚間|晚间|上午|下午|凌晨|晚上|早上)?(?:發布|发布|公布|發出|发出)(?:了)?(?:警情)?(?:通報|通报)",
        # "巴西高等选举法院(TSE)也公布了官方统计结果", "调查组发布了《...报告》": a body that publishes
        # results or a titled report gives the figures that follow
        r"(?:^|(?<=[。！？；，,]))(?P<who>[^，。、,：:；「」\s《》\d]{2,24}?)(?:也|已|还|還)?"
        r"(?:公布|公佈|發布|发布)了?(?:《|[^，。,《]{0,8}?(?:結果|结果|數據|数据|報告|报告))",
        # "。黎巴嫩衛生部長阿卜亞德表示，", "报告显示，": whoever opens a clause, then a speech verb and
        # a comma (a time said between them is cut by `normalise`)
        r"(?:^|(?<=[。！？；，,]))(?P<who>[^，。、,：:；「」\s《》]{2,24}?)"
        r"(?:表示|指出|稱|称|說|说|顯示|显示|宣布|透露|證實|证实)(?=[，,：:])",
    ),
    # "敏昂萊當天晚上發表電視講話": the speaker is who comes before the time he spoke
    # ("据埃菲社圣保罗10月30日消息": the agency, not its dateline)
    normalise=(
        (r"(?:當天|当天|今天|今日|昨天|昨日|日前|近日|晚上|上午|下午|早上|發表|发表|\d{1,2}月\d{1,2}日).*$", ""),
    ),
    masks=COMMON_MASKS + CJK_MASKS,
    cjk=True,
    counts=r"數字|数字|統計|统计",
    subjects=(
        (r"危殆|危重|命危", "critical"),
        (r"嚴重|严重|重傷|重伤", "serious"),
        (r"穩定|稳定", "stable"),
        (r"送院|送醫|送医|留醫|留医|住院", "hospitalised"),
        (r"在現場|在现场", "on site"),
        (r"在醫院|在医院", "in hospital"),
        (r"居民|住戶|住户", "residents"),
        (r"消防員|消防员|消防人員|消防人员", "firefighters"),
        (r"警員|警员|警察", "police officers"),
        (r"印尼", "Indonesian"),
        (r"男子|負責人|负责人", "men"),
        (r"董事", "directors"),
        (r"顧問|顾问", "consultant"),
    ),
    percent=r"個百分點|个百分点",  # percentage points: "上升5个百分点"
    thresholds=r"過半數的?|过半数的?|半數|半数",  # a majority is a rule, not a result ("過半數的226席")
    share_kinds=((r"開票|开票|計票|计票|統計|统计|點票|点票", "count progress"), (r"投票率", "turnout")),
)
