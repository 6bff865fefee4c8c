"""Turn an author string from an article into a CSL name object.

Articles store authors as they appear ("Katarzyna Kalus", "Reuters",
"Ursula von der Leyen", "김정은"). CSL styles need the parts: ``given`` and
``family`` (plus particles and suffixes) so that Chicago can write "Kalus,
Katarzyna" in the bibliography and APA "Kalus, K."; a name that must never be
inverted or initialised (an organisation, a one-word byline) becomes
``literal``. The rules are deliberately few and predictable; what they cannot
know (whether "Kim Jong Un" is written family name first) is listed in
``split_name``'s docstring.
"""

from __future__ import annotations

import re
import unicodedata

# Words that mark a byline as an organisation or a desk rather than a person.
_ORG_WORDS = frozenset(
    """
    agency agencies associated association board broadcasting bureau co company corp corporation correspondent
    correspondents council committee daily department desk editorial editors foundation government group herald inc
    institute journal limited llc ltd media ministry network news newsroom office online post press radio reporter
    reporters service services staff team television times tribune tv university weekly wire writers
    """.split()
)
_PARTICLES = frozenset("da das de del della der den di do dos du la le ter van von zu bin ibn al el".split())
_SUFFIXES = frozenset("jr jr. sr sr. ii iii iv".split())


def split_name(name: str) -> dict[str, str] | None:
    """The CSL name object for ``name``; ``None`` when ``name`` is blank.

    Rules, in order: "Family, Given" is split at the comma; an organisation
    (an all-capitals acronym, digits or ``&``, a leading "The", or a word such
    as "News", "Agency", "Staff") and any one-word name become ``literal``;
    a name in Chinese, Japanese or Korean script is family name first (the
    first space-separated part, or the first character when there is no
    space); so is a romanised Korean, Chinese or Vietnamese name whose shape
    leaves no doubt (see ``_family_first``: "Kang Min-jae", "Kim Jong Un",
    "Xu Zihe", "Tran Van Minh"); otherwise the last word is the family name,
    lower-case words before it ("van", "von der") are its particle, and
    "Jr."/"III" a suffix. Known limits, where the string alone cannot tell: a
    romanised name of another shape, or in Western order ("Ji Kim", "Zihe
    Xu"), is read as given name first, and a Western name that happens to
    have the shape ("Han Solo") as family name first.
    """
    text = " ".join(name.split())
    if not text:
        return None
    if "," in text:
        family, _, given = (p.strip() for p in text.partition(","))
        if family and given and given.lower() not in _SUFFIXES:
            return {"family": family, "given": given}
    words = text.split(" ")
    if len(words) == 1 or _is_organisation(words):
        if _is_cjk(text) and len(words) == 1 and len(text) > 1:
            return {"family": text[0], "given": text[1:]}
        return {"literal": text}
    if _is_cjk(text) or _family_first(words):
        return {"family": words[0], "given": " ".join(words[1:])}
    parts: dict[str, str] = {}
    if words[-1].lower() in _SUFFIXES and len(words) > 2:
        parts["suffix"] = words.pop()
    family = words.pop()
    particle: list[str] = []
    while len(words) > 1 and words[-1].lower() in _PARTICLES and words[-1].islower():
        particle.insert(0, words.pop())
    parts["family"] = family
    parts["given"] = " ".join(words)
    if particle:
        parts["non-dropping-particle"] = " ".join(particle)
    return parts


# Surnames that open romanised names written family name first. Each list holds only names that are
# rarely a Western given name, and ``_family_first`` asks for a given name of the language's shape too.
_KOREAN_SURNAMES = frozenset(
    """kim lee yi ri rhee park pak choi choe jung jeong chung kang cho jo yoon yun jang chang lim im han oh seo suh
    shin sin kwon hwang ahn an song yoo yu ryu hong jeon chun ko koh moon mun yang son bae baek paek heo hur nam
    noh roh ha kwak sung cha joo ju woo min jin chae won bang kong hyun yeo pyo kil""".split()
)
# Surnames as Taiwan and Hong Kong romanise them (Wade-Giles and others), before a hyphenated given name.
_WADE_GILES_SURNAMES = frozenset(
    """chang hsu tsai kuo hsieh tseng chiang lai chou su yeh chiu hung chu chao chien cheng chuang lin chen wu
    liu lee yang huang wang lu ho ko tsang leung wong chan cheung lau""".split()
)
_CHINESE_SURNAMES = frozenset(
    """wang li zhang liu chen yang huang zhao wu zhou xu sun ma zhu hu guo he gao lin luo zheng liang xie song tang
    han feng deng cao peng zeng xiao tian dong yuan pan yu jiang cai wei xue ye yan du dai xia zhong fu shen lu ren
    yao qian cheng cui kong bai qin meng jin zou shi xiong tan qiu duan hou lei hao gong shao wan qi mao fan jia
    ding geng guan hong kang lan lei liao ling miao mo nie niu ou qu shang tao wen xiang xing yin zhan zhuang""".split()
)
_VIETNAMESE_SURNAMES = frozenset(
    """nguyen nguyễn tran trần le lê pham phạm hoang hoàng huynh huỳnh phan vu vũ vo võ dang đặng bui bùi do đỗ
    ho hồ ngo ngô duong dương ly lý trinh trịnh dinh đinh doan đoàn truong trương quach quách luong lương""".split()
)
# A Korean or Taiwanese given name romanised as hyphenated syllables ("Min-jae", "Hsiao-wen"), or one short
# syllable of a Korean name printed in three words ("Kim Jong Un", "Ri Son Gwon").
_HYPHENATED_GIVEN = re.compile(r"[A-Z][a-z]{1,6}-[a-z]{1,6}")
_SYLLABLE = re.compile(r"[A-Z][a-z]{1,4}")
# A Chinese given name in Hanyu Pinyin: one or two syllables run together ("Yan", "Zihe", "Xiaowen").
_PINYIN = re.compile(
    r"(?:(?:zh|ch|sh|[bpmfdtnlgkhjqxrzcsyw])?(?:iang|iong|uang|ang|eng|ing|ong|ian|iao|uai|uan|ai|ei|ao|ou|an|en|in"
    r"|un|ia|ie|iu|ua|uo|ue|ui|er|a|e|i|o|u|ü)){1,2}"
)


def _family_first(words: list[str]) -> bool:
    """True for a romanised name written family name first: a Korean or Taiwanese surname before a
    hyphenated given name ("Kang Min-jae", "Lin Hsiao-wen"), a Korean one before two short syllables ("Kim
    Jong Un"); a Chinese surname before a given name in pinyin ("Xu Zihe"); a Vietnamese surname before
    two or three names ("Tran Van Minh")."""
    first = words[0].lower()
    rest = words[1:]
    if len(rest) == 1 and _HYPHENATED_GIVEN.fullmatch(rest[0]):
        return first in _KOREAN_SURNAMES or first in _WADE_GILES_SURNAMES or first in _CHINESE_SURNAMES
    if first in _KOREAN_SURNAMES and len(rest) == 2 and all(_SYLLABLE.fullmatch(w) for w in rest):
        return True
    if first in _CHINESE_SURNAMES and len(rest) == 1 and rest[0][:1].isupper() and _PINYIN.fullmatch(rest[0].lower()):
        return True
    return first in _VIETNAMESE_SURNAMES and len(rest) in (2, 3)


def _is_organisation(words: list[str]) -> bool:
    if words[0].lower() == "the":
        return True
    for word in words:
        bare = word.strip(".,()")
        if bare.lower() in _ORG_WORDS or "&" in bare or any(c.isdigit() for c in bare):
            return True
        # "KCNA", "AFP": an acronym, not an initial ("J.") or a short particle.
        if len(bare) >= 2 and bare.isupper() and bare.isalpha():
            return True
    return False


_CJK = re.compile(r"[\u1100-\u11ff\u3040-\u30ff\u3130-\u318f\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff]")


def _is_cjk(text: str) -> bool:
    return bool(_CJK.search(unicodedata.normalize("NFC", text)))
