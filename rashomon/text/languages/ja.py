"""Japanese: "154人が死亡", "6人のうち5人", "消防当局は...と発表", "日本航空によりますと"."""

from rashomon.text.languages import COMMON_MASKS, Lexicon
from rashomon.text.languages.zh import CJK_DIGITS, CJK_MASKS

LEXICON = Lexicon(
    code="ja",
    decimal_comma=False,
    number_words=CJK_DIGITS,
    scales={"千": 1e3, "万": 1e4, "億": 1e8, "兆": 1e12},
    at_least=r"少なくとも|最低",
    more_than=r"",
    up_to=r"最大",
    approx=r"約|およそ",
    after_at_least=r"以上",
    after_more=r"余り|あまり|を超え|を上回|超|余",  # "3900人を超えた": more than 3,900
    vague=((r"数十", 20, 99), (r"数百", 200, 999), (r"数千", 2000, 9999)),
    events=(
        ("money", r"^\s*(?:米?ドル|円|ユーロ|ポンド|元)"),  # "440億ドル", "5兆6000億円": a sum
        ("killed", r"死亡|死者|亡くな|犠牲|遺体|死"),
        ("wounded", r"けが|負傷|重傷|軽傷|搬送"),
        ("missing", r"行方不明|安否不明"),
        ("arrested", r"逮捕"),
        ("aboard", r"乗って|搭乗|乗客|乗員|乗っていた"),
        ("evacuated", r"脱出|避難"),
        ("found", r"発見"),
        ("voted", r"賛成|反対票|投票|全員一致|全会一致"),
        ("seats", r"議席"),
        ("votes", r"^\s*票|得票|票\s*$"),  # "215票", "議員票189": votes, by whom counted
        ("present", r"出席"),
        ("crowd", r"群衆|参列|集まっ"),
    ),
    attribution=(
        r"(?P<who>[^、。\s「」（）()]{2,20}?)(?:によりますと|によると|によれば|の発表では|の調べでは|の集計では|の調査では|の推計では)",
        r"(?P<who>[^、。\s「」（）()]{2,16}?)は(?:[^。]{0,60}?)(?:と発表|を発表|と明らかに|と述べ|と伝え|と報じ|としている)",
    ),
    masks=COMMON_MASKS
    + CJK_MASKS
    + (
        r"\d+\s*(?:便|機|重)",
        r"[A-Z]+\d+|\d+[A-Z]+|\w+\d+―\d+",
        r"\d+\s*(?:回目?|つ|位)",  # a round, a time, a thing, a rank ("1回目の投票", "当選12回", "1位")
        r"1株(?:あたり|当たり)",  # a price per share: "1株あたり54.2ドル" counts no shares
        r"(?<=[^\W\d_])[(（]\d{1,3}[)）]",  # an age after a name ("石田一郎氏(64)")
    ),
    # a majority is a rule, not a result ("過半数は382票", "有効投票総数762票の過半数")
    # ("過半数の233議席", "過半数（233）")
    # "80%の大台には及ばなかった": a round mark; "議員票367票と地方票47票の計414票で争われ": the pool of
    # votes a ballot is fought over, its parts and its total
    thresholds=r"票?の?過半数(?:は|の|に|（)?|の大台|票?(?:と\D{0,8}\d+票)*(?:の計\d+票)?で争われ",
    cjk=True,
    counts=r"集計|統計",
    subjects=(
        (r"重体|意識不明", "critical"),
        (r"重傷", "serious"),
        (r"軽傷", "slightly injured"),
        (r"住民", "residents"),
        (r"子ども|子供", "children"),
        (r"日本人", "Japanese"),
        (r"乗客", "passengers"),
        (r"乗員", "crew"),
    ),
    percent=r"ポイント",  # percentage points written without "%": "0.73ポイント"
    share_kinds=((r"開票", "count progress"), (r"投票率", "turnout")),
)
