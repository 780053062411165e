#!/usr/bin/env python3
"""Writes deterministic generated text for comparing normaliser builds (scripts/compare-normalize.sh).

Paragraphs mix Chinese sentences with every punctuation variant the normaliser knows, in
each regional convention: straight, curly and corner quotes, ASCII and full-width marks,
ellipsis, dash and middle-dot variants, nested brackets and runs of quotes, numbers, URLs,
code, emoticons and English sentences. The same arguments always give the same bytes.

usage: normalize-corpus.py SIZE_BYTES OUT_FILE [SEED]
"""
import random
import sys

HAN = "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严"
TRAD = "這個國們來時說學對發會經過實與開還間後點當進動種樣於將從頭見長問現兩麼體關業應電話氣聽讀書寫買賣東車門馬鳥魚龍"
EN = ["The", "case", "It's", "don't", "iPhone", "WHO", "GDP", "Hello world", "OK", "café", "Beijing", "COVID-19"]
NUM = ["0", "7", "2024", "3.14", "1,000", "10:30", "2019-06-26", "1.5万", "50%", "30℃", "No.5", "v2.0"]
KEEP = ["https://example.com/a?b=1", "https://例子.中国/路径", "www.example.org", "a.b@example.com",
        "/usr/local/bin", "./build.sh", "C:\\Users\\x", ":)", ":-(", "^_^", "(^_^)", "XD", "<3", "&amp;",
        "`x, y`", "```a; b```", "T_T", "-_-", "Wait... what?", "He said \"yes\", then left.", "e.g. (see above)"]
MARKS = ["，", "。", "、", "；", "：", "？", "！", ",", ".", ";", ":", "?", "!", "，", "。",
         "（", "）", "(", ")", "《", "》", "〈", "〉", "【", "】", "〔", "〕", "［", "］", "[", "]",
         "「", "」", "『", "』", "“", "”", "‘", "’", "\"", "'", "＂", "＇", "〝", "〞",
         "…", "……", "...", "。。。", "⋯", "⋯⋯", "—", "——", "--", "-", "─", "──", "―", "――", "－", "～", "~", "〜",
         "·", "‧", "•", "・", "･", "．", "∙", "⋅",
         "Ａ", "ｂ", "１", "２", "＋", "％", "＆", "＠", "＃",
         "︰", "︱", "︳", "﹁", "﹂", "﹃", "﹄", "︵", "︶", "﹏", "﹐", "﹑", "﹒", "﹔", "﹕", "﹖", "﹗",
         " ", " ", "  ", "\u3000", "\t", "\u00a0"]


def sentence(rng, han):
    out = []
    for _ in range(rng.randint(3, 30)):
        r = rng.random()
        if r < 0.55:
            out.append("".join(rng.choice(han) for _ in range(rng.randint(1, 8))))
        elif r < 0.65:
            out.append(rng.choice(EN))
        elif r < 0.75:
            out.append(rng.choice(NUM))
        elif r < 0.78:
            out.append(rng.choice(KEEP))
        elif r < 0.84:
            o, c = rng.choice([("(", ")"), ("（", "）"), ("\"", "\""), ("'", "'"), ("“", "”"),
                               ("「", "」"), ("『", "』"), ("‘", "’"), ("《", "》")])
            depth = rng.choice([1, 1, 1, 2, 3, 6])
            inner = "".join(rng.choice(han) for _ in range(rng.randint(0, 5))) if rng.random() < 0.7 else rng.choice(EN)
            out.append(o * depth + inner + c * depth)
        else:
            out.append(rng.choice(MARKS))
    return "".join(out) + rng.choice(["。", "！", "？", ".", "", "……", "…"])


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit(__doc__)
    size = int(sys.argv[1])
    rng = random.Random(int(sys.argv[3]) if len(sys.argv) == 4 else 20261206)
    parts = []
    total = 0
    while total < size:
        han = HAN if rng.random() < 0.7 else TRAD + HAN[:200]
        para = "".join(sentence(rng, han) for _ in range(rng.randint(1, 5)))
        if rng.random() < 0.2:
            para = "\u3000\u3000" + para
        if rng.random() < 0.1:
            para += rng.choice([" ", "  ", "\u3000"])
        parts.append(para)
        parts.append(rng.choice(["\n", "\n\n", "\r\n", "\n \n"]))
        total += len(para.encode()) + 1
    with open(sys.argv[2], "w", encoding="utf-8", newline="") as f:
        f.write("".join(parts))


if __name__ == "__main__":
    main()
