import pytest

from wengao.text.punct import normalize_punctuation


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("同志们:", "同志们："),
        ("今年以来,全市上下;坚持!行吗?", "今年以来，全市上下；坚持！行吗？"),
        ("乡村振兴(山区26县)十大行动", "乡村振兴（山区26县）十大行动"),
        ("(一)加强组织领导", "（一）加强组织领导"),
        ('推进"千万工程"走深走实', "推进“千万工程”走深走实"),
        ("“三农” ,工作", "“三农”，工作"),
        ("这是一项--系统工程", "这是一项——系统工程"),
        ("等等...", "等等……"),
    ],
)
def test_chinese_context_becomes_full_width(raw: str, expected: str) -> None:
    assert normalize_punctuation(raw) == expected


@pytest.mark.parametrize(
    "text",
    [
        "会议于10:30召开",  # a time
        "共计1,000人参加",  # a number
        "详见https://www.gov.cn/a?b=1,c=2",  # a URL
        "使用Word, Excel和WPS",  # Latin words
        "公式f(x)=1成立",  # a formula
        '他说"OK"就行',  # a Latin quotation
    ],
)
def test_numbers_latin_urls_and_times_are_left_alone(text: str) -> None:
    # The parts that are not Chinese context keep their half-width marks.
    out = normalize_punctuation(text)
    for kept in ("10:30", "1,000", "https://www.gov.cn/a?b=1,c=2", "Word, Excel", "f(x)=1", '"OK"'):
        if kept in text:
            assert kept in out


def test_idempotent() -> None:
    once = normalize_punctuation('同志们:今天(星期一)我们讨论"乡村振兴",好吗?')
    assert normalize_punctuation(once) == once
    assert once == "同志们：今天（星期一）我们讨论“乡村振兴”，好吗？"


@pytest.mark.parametrize(("raw", "expected"), [
    ("中,中", "中，中"),  # between two Chinese characters: changed in the first pass
    ("中,,x", "中，,x"),  # a mark's neighbour is the mark beside it, as the file has it
    ("”,中", "”，中"),
    ("a , ,中", "a , ，中"),  # spaces go with the mark they stand beside
    ("中 ,x", "中，x"),
    ("中,1,中", "中，1，中"),
    ("x,中;y", "x，中；y"),
    ("1,000个,中", "1,000个，中"),
])
def test_marks_next_to_marks_and_spaces(raw: str, expected: str) -> None:
    """The comma pass for 中,中 and the general pass for the rest agree with judging every mark
    by its neighbours in the text as it came."""
    assert normalize_punctuation(raw) == expected
