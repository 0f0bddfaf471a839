"""Which kind of document this is, from features: the title's own word for itself, whether it
addresses an audience, who speaks (我 / a reporter's third person), news furniture (a dateline,
来源, a byline, 出席/主持/召开)."""

from __future__ import annotations

import re

from wengao.reading.front import author_line
from wengao.reading.lexicon import Lexicon
from wengao.reading.model import BlockKind, Document, Genre

_STUDY = re.compile("(?:总结|述职|述廉|述德|述法)[^，。]{0,6}报告|心得|体会|感悟|感想|学习总结|总结|述职|手记|随笔|"
                    "收获|读后感|观后感")
_EXCHANGE = re.compile("发言|交流|研讨|表态")
_SPEECH = re.compile("讲话|致辞|贺词|报告|汇报|讲稿|讲座|党课|动员|演讲")
_NEWS_TITLE = re.compile("召开|举行|举办|开幕|闭幕|出席|主持|会见|调研|座谈会在|顺利|圆满|隆重")
_DATELINE = re.compile(r"^(?:[\u4e00-\u9fff]{0,8}(?:社|报|网|台)[\u4e00-\u9fff]{0,6})?(?:\d{1,2}月\d{1,2}日|近日|日前|昨天|今天)[^。]{0,40}?(?:电|讯)?[，,]")
_EVENT = re.compile("召开|举行|举办|开幕|闭幕|开班|启动|座谈会|会议|大会|培训班|推进会|现场会|发文|印发|出台|发布|签约|揭牌")
# the verb first, then a lookbehind over it (not 我/们/你 before it): the search skips to the
# verbs' first characters instead of trying a lookbehind at every character of a whole document
_REPORTED = re.compile(r"(?:指出|强调|表示|介绍)(?<![我们你]..)[，：:]")
_ATTEND = re.compile("出席|主持|参加(?:了)?(?:会议|培训|活动)|列席|与会")
_QUOTE = re.compile("“[^”]*”")


_INSTITUTION = re.compile("[自]我|我(?=[校市县省区国院局部委厅乡镇村所司行社团党军方])")


def _first_person(unquoted: str) -> float:
    """How often the writer says 我 (not 我校/我市/我国, an institution's voice), per mille, in the
    text with its quotations taken out."""
    bare = _INSTITUTION.sub("", unquoted)
    return bare.count("我") / max(1, len(bare)) * 1000


_OTHER = re.compile(r"(?:通知|通报|意见|方案|决定|办法|规定|公告|通告|批复|细则|要点|纪要|倡议书)$")


def named(title: str) -> Genre | None:
    """The genre a title names by its own word for itself (…心得体会, …发言材料, …讲话), if any;
    a notice or a policy document (…的通知, …的意见) is none of wengao's genres: OTHER."""
    if _OTHER.search(title.strip()):
        return Genre.OTHER
    # the word a title uses for itself stands last: 在主题教育总结大会上的讲话 is a speech
    found = [(m.end(), -rank, genre) for rank, (rx, genre) in enumerate((
        (_STUDY, Genre.STUDY_REPORT), (_EXCHANGE, Genre.EXCHANGE), (_SPEECH, Genre.SPEECH)))
        for m in rx.finditer(title)]
    if not found:
        return None
    genre = max(found)[2]  # the last word; 总结报告 and 述职报告 are study reports
    if genre is Genre.EXCHANGE and re.search("讲话", title):
        return Genre.SPEECH
    return genre


def detect(doc: Document, lex: Lexicon, hint: Genre | None = None) -> Genre:
    """`hint`: the genre a compilation's title gives its pieces (…感悟汇编), used when a piece's
    own title names none. `lex`: the reader's word lists (its posts tell an author line)."""
    if doc.parts:
        return Genre.COMPILATION
    front = doc.front
    # the title's own word decides first: the body's evidence is gathered only when it is asked
    own = named(front.subtitle) or named(front.title)
    if own in (Genre.STUDY_REPORT, Genre.EXCHANGE, Genre.OTHER):
        return own
    news_title = _NEWS_TITLE.search(front.title) is not None
    if not news_title and (own is Genre.SPEECH or front.salutation):
        return Genre.SPEECH
    title = front.title + " " + front.subtitle
    body = [b for b in doc.blocks if b.kind in (BlockKind.PARAGRAPH, BlockKind.POINT, BlockKind.CLOSING,
                                                 BlockKind.HEADING)]
    text = "".join(b.source or b.text for b in body)
    first = next((b.text for b in body if b.kind is not BlockKind.HEADING), "")
    news = 0
    if _NEWS_TITLE.search(title):
        news += 3
    if _DATELINE.match(first) and _EVENT.search(first[:120]):
        news += 3
    elif _EVENT.search(first[:80]) and re.search(r"\d{1,2}月\d{1,2}日|近日|日前", first[:60]):
        news += 2
    unquoted = _QUOTE.sub("", text)
    news += min(3, len(_REPORTED.findall(unquoted)))
    news += min(2, len(_ATTEND.findall(text)))
    if front.source or re.search(r"[（(](?:记者|通讯员)", text[-200:]) or re.search(
            r"[（(][\u4e00-\u9fff]{2,4}[）)]\s*$", text):
        news += 2
    me = _first_person(unquoted)
    if front.salutation:
        news -= 3
    if news_title and news >= 5:
        return Genre.NEWS
    if own is Genre.SPEECH or front.salutation:
        return Genre.SPEECH
    if hint is not None:
        return hint
    if front.author and author_line(front.author, lex) and not re.search("记者|通讯员", front.author) and any(
            b.kind is BlockKind.AUTHOR for b in doc.blocks[:4]):
        return Genre.STUDY_REPORT  # a person's post line under the title and no audience addressed
    numbered = sum(1 for b in doc.blocks if b.kind is BlockKind.HEADING and b.scheme.name in (
        "CN", "PAREN_CN", "ARABIC", "ARABIC_DUN", "PAREN_ARABIC", "ORDINAL"))
    if numbered >= 3:
        news -= 3  # a report in numbered sections is no news item (their subheads go unnumbered)
    if (news >= 4 and me < 3) or (news >= 3 and me < 1):
        return Genre.NEWS
    if me >= 3:
        return Genre.STUDY_REPORT if not re.search("同志们|各位", text) else Genre.SPEECH
    # nobody says 我 and nobody is addressed: a report about others
    return Genre.NEWS if me < 0.3 and numbered < 3 and not re.search("同志们|各位|大家", text) else Genre.SPEECH
