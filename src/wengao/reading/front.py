"""What a short line is: a title, a subtitle, a post-and-name line, a date, a salutation, a
sign-off. Judged by form, with the lexicon's post names and title words where words are needed.
"""

from __future__ import annotations

import re
from functools import cache, lru_cache

from wengao.document.numbering import parse_number, parse_point
from wengao.reading.lexicon import Lexicon

HAN = "\u3400-\u4dbf\u4e00-\u9fff"
_CN_DIGIT = "〇○零一二三四五六七八九"
_CN_DIGITS = {c: i for i, c in enumerate("〇一二三四五六七八九")} | {"○": 0, "零": 0}
_DATE_RE = re.compile(r"(\d{4})\s*(?:年|[-./])\s*(\d{1,2})\s*(?:月|[-./])\s*(\d{1,2})\s*日?")
_MONTH_RE = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月(?!\s*\d)")
_CN_DATE_RE = re.compile(rf"([{_CN_DIGIT}]{{4}})年([一二三四五六七八九十]{{1,2}})月(?:([一二三四五六七八九十]{{1,3}})日)?")
_DATE_LINE_RE = re.compile(
    rf"^[（(]?\s*(?:\d{{4}}\s*(?:年|[-./])\s*\d{{1,2}}\s*(?:月|[-./])\s*(?:\d{{1,2}}\s*日?)?"
    rf"|[{_CN_DIGIT}]{{4}}年[一二三四五六七八九十]{{1,2}}月(?:[一二三四五六七八九十]{{1,3}}日)?)\s*[)）]?$")
_SUBTITLE_RE = re.compile(r"^(?:——|—|－－|--)")
_MEETING_RE = re.compile(r"在.{2,40}(?:会议|大会|会|座谈会|仪式|典礼|论坛|培训班|活动)上(?:的(?:讲话|发言|报告|致辞|汇报).*)?$")
_SENTENCE_RE = re.compile("[。；！？]")
_NAME_RE = re.compile(rf"^[{HAN}]{{2,4}}$")
_BYLINE_RE = re.compile(rf"(?:记者|通讯员|作者|撰稿)[{HAN}\s]{{2,20}}")


def cn_int(text: str) -> int:
    """一九四二 → 1942 (digit by digit); 二十三 → 23 (as a number)."""
    if all(c in _CN_DIGITS for c in text):
        return int("".join(str(_CN_DIGITS[c]) for c in text))
    from wengao.document.numbering import chinese_value

    return chinese_value(text)


def _valid(y: int, m: int, d: int = 1) -> bool:
    return 1900 <= y <= 2100 and 1 <= m <= 12 and 1 <= d <= 31


def find_date(text: str) -> str:
    """The first date in a text, ISO (2024-05-20), or year and month (1942-05); "" if none."""
    m = _DATE_RE.search(text)
    if m and _valid(int(m.group(1)), int(m.group(2)), int(m.group(3))):
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}-{int(m.group(3)):02d}"
    m = _CN_DATE_RE.search(text)
    if m:
        y, mo = cn_int(m.group(1)), cn_int(m.group(2))
        d = cn_int(m.group(3)) if m.group(3) else 0
        if _valid(y, mo, d or 1):
            return f"{y:04d}-{mo:02d}" + (f"-{d:02d}" if d else "")
    m = _MONTH_RE.search(text)
    if m and _valid(int(m.group(1)), int(m.group(2))):
        return f"{int(m.group(1)):04d}-{int(m.group(2)):02d}"
    return ""


_BRACKET_DATE_RE = re.compile(r"^[（(]\s*(?:\d{4}\s*年|[〇○零一二三四五六七八九]{4}年)[^（）()]{2,24}[)）]$")


@lru_cache(maxsize=8192)
def date_line(text: str) -> str:
    """The date when the line is nothing but a date (（2022年10月16日）, 2019 年5 月27 日), or a
    bracketed line that opens with one (（2025年9月30日，晚上））."""
    t = text.strip()
    if _DATE_LINE_RE.match(t) or _BRACKET_DATE_RE.match(t):
        return find_date(t)
    return ""


_TIME_PLACE_RE = re.compile(r"^[（(][^（）()]{2,40}(?:月|日|时|点|上午|下午|晚上|会议室|礼堂)[^（）()]{0,20}[)）]$")


def time_place_line(text: str) -> bool:
    """（1月13日下午4点，行政楼会议室四）: when and where, under a title, with no year to date it."""
    return bool(_TIME_PLACE_RE.match(text.strip())) and not re.search("[。；！？]", text)


def month_day(text: str, year: str) -> str:
    """A month and day with no year (5 月24 日), completed with a year from the context."""
    m = re.search(r"(?<!\d)(\d{1,2})\s*月\s*(\d{1,2})\s*日", text)
    if m and year and _valid(int(year), int(m.group(1)), int(m.group(2))):
        return f"{int(year):04d}-{int(m.group(1)):02d}-{int(m.group(2)):02d}"
    return ""


@lru_cache(maxsize=8192)
def is_subtitle(text: str) -> bool:
    """——在…会议上的讲话, or a line naming the meeting a speech was given at."""
    t = text.strip()
    if _SUBTITLE_RE.match(t) and len(t) <= 60:
        return True
    return len(t) <= 50 and not _SENTENCE_RE.search(t) and _MEETING_RE.search(t) is not None


def is_post(text: str, lex: Lexicon) -> bool:
    core = re.sub(r"[（(][^（）()]{1,12}[）)]$", "", text.strip())
    return core.endswith(lex.posts)


def _surname(name: str, lex: Lexicon) -> bool:
    return name[:1] in lex.surnames or name[:2] in lex.surnames


@lru_cache(maxsize=8192)
def author_line(text: str, lex: Lexicon, *, name_alone: bool = False) -> bool:
    """A post line (区民政局局长), a post and a name (浙江省省长 刘捷, …副校长俞奇弘), a byline; with
    name_alone, also a bare name of two to four characters (a speaker under a title)."""
    t = text.strip()
    if not t or len(t) > 32 or re.search("[，。；！？：:“”《]", t) or parse_number(t) or parse_point(t):
        return False
    if name_alone and re.fullmatch(rf"[{HAN}]{{2,3}}", t):
        return True  # 习近平 under a title (a four-character line there is more often a heading)
    if _BYLINE_RE.fullmatch(t):
        return True
    if is_post(t, lex):
        return True
    # a post followed by a name, with or without a space between (a two-character name may be
    # padded to three: 王 琛)
    padded = re.match(rf"^(.*\S)\s+([{HAN}] [{HAN}])$", t)
    if padded and (is_post(padded.group(1), lex) or any(p in padded.group(1) for p in lex.posts)
                   or " " not in padded.group(1) and padded.group(1).endswith(lex.units)
                   and _surname(padded.group(2), lex)):
        return True
    head, _, name = t.rpartition(" ")
    head = head.rstrip()
    if head and _NAME_RE.match(name) and (is_post(head, lex) or len(head) <= 20):
        if is_post(head, lex) or any(p in head for p in lex.posts):
            return True
        # a unit and a person (县委办公室 张某): the unit one word ending as units end, the name
        # starting with a surname
        return " " not in head and head.endswith(lex.units) and len(head) >= 3 and _surname(name, lex)
    for post in lex.posts:
        at = t.rfind(post)
        if at > 0 and 2 <= len(t) - at - len(post) <= 3 and _NAME_RE.match(t[at + len(post):]):
            return True
    return False


@lru_cache(maxsize=8192)
def salutation(text: str, lex: Lexicon) -> tuple[str, str] | None:
    """(salutation, the rest of the line) when the line opens by addressing its audience:
    同志们： / 各位代表： / 各位家长，大家好！ / 同志们！今天… (run in)."""
    t = text.strip()
    m = re.match(r"^([^。；：！？:!]{1,24}?)([：！:!])", t)
    if not m:
        return None
    head = m.group(1)
    segments = [s for s in re.split("[、，,]", head) if s]
    if not segments or len(head) > 20:
        return None

    def addressed(seg: str) -> bool:
        seg = re.sub(r"^(?:各位|尊敬的|亲爱的|全体|全校|在座的|全县|全市|各级)+", "", seg)
        return bool(seg) and (seg.endswith(lex.addressees) or seg.endswith(lex.posts) or re.fullmatch(
            r"大家(?:上午|下午|晚上)?好", seg) is not None) and len(seg) <= 10

    if not all(addressed(s) for s in segments) or re.fullmatch(r"大家(?:上午|下午|晚上)?好", segments[0]):
        return None
    end = m.end()
    rest = t[end:].strip()
    return t[:end], rest


def byline(text: str) -> str:
    """A news byline at the end of a paragraph: （记者袁瑞娟 通讯员徐靖涛报道） → 记者袁瑞娟 通讯员徐靖涛;
    or a paragraph that is nothing but a name in brackets: （宗禾） → 宗禾."""
    m = re.search(rf"[（(]((?:记者|通讯员|本报记者|特约记者)[{HAN}\s、]{{2,30}}?)(?:报道|摄|采写)?[）)]\s*$", text)
    if m:
        return m.group(1).strip()
    m = re.fullmatch(rf"\s*[（(]([{HAN}]{{2,4}})[）)]\s*", text)
    return m.group(1) if m else ""


@cache  # two Chinese-character classes (a millisecond to compile) for a rare line: when first asked
def _speaker_tail_re() -> re.Pattern[str]:
    return re.compile(rf"^(.*?(?:讲话|致辞|发言|报告|汇报|讲稿|讲话稿|贺词|演讲))\s+([{HAN}](?:\s?[{HAN}]){{1,3}})$")


def speaker_after_subtitle(text: str) -> tuple[str, str] | None:
    """——在…成人礼上的致辞 王 琛: the subtitle, and the speaker's name printed after it."""
    m = _speaker_tail_re().match(text.strip())
    return (m.group(1), m.group(2)) if m else None


def title_word_end(text: str, lex: Lexicon) -> bool:
    return re.sub(r"[（(][^（）()]*[）)]$", "", text.strip()).endswith(lex.title_words)
