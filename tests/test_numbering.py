from wengao.document.blocks import Block, Run
from wengao.document.numbering import chinese_number, number_blocks, strip_heading_number


def test_chinese_numbers() -> None:
    assert [chinese_number(n) for n in (1, 2, 9, 10, 11, 12, 19, 20, 21, 35, 99)] == [
        "一", "二", "九", "十", "十一", "十二", "十九", "二十", "二十一", "三十五", "九十九"]


def h(level: int, text: str) -> Block:
    return Block("h", (Run(text),), str(level))


def point(style: str, *runs: Run) -> Block:
    return Block("point", runs, style)


def texts(blocks: list[Block]) -> list[str]:
    return [b.text for b in blocks]


def test_headings_are_numbered_per_level_and_reset_under_a_new_parent() -> None:
    blocks = [h(1, "甲"), h(2, "乙"), h(2, "丙"), h(3, "丁"), h(4, "戊"), h(4, "己"), h(3, "庚"),
              h(1, "辛"), h(2, "壬")]
    assert texts(number_blocks(blocks)) == [
        "一、甲", "（一）乙", "（二）丙", "1.丁", "（1）戊", "（2）己", "2.庚", "二、辛", "（一）壬"]


def test_typed_numbers_are_not_doubled() -> None:
    blocks = [h(1, "一、提高政治站位"), h(1, "三、坚持精准施策"), h(2, "（一）加强领导"),
              h(2, "(2) 强化保障"), h(3, "1. 细化措施"), h(4, "（1）明确责任")]
    assert texts(number_blocks(blocks)) == [
        "一、提高政治站位", "二、坚持精准施策", "（一）加强领导", "（二）强化保障", "1.细化措施", "（1）明确责任"]


def test_a_heading_that_is_only_a_number_keeps_its_text() -> None:
    assert strip_heading_number("第二部分") == "第二部分"
    assert texts(number_blocks([h(1, "第二部分")])) == ["一、第二部分"]


def test_points_get_markers_and_lead_verbs_are_not_repeated() -> None:
    blocks = [
        point("yao", Run("要深刻认识极端重要性。", bold=True), Run("民族要复兴，乡村必振兴。")),
        point("yao", Run("二要深刻认识复杂艰巨性。", bold=True)),
        point("yao", Run("严格落实要求。", bold=True)),
        point("yao", Run("要求各地……")),  # 要求 is a word, not the marker verb
    ]
    out = number_blocks(blocks)
    assert texts(out) == ["一要深刻认识极端重要性。民族要复兴，乡村必振兴。", "二要深刻认识复杂艰巨性。",
                          "三要严格落实要求。", "四要要求各地……"]
    # the marker is set like the lead it belongs to
    assert out[0].runs[0].bold and out[0].runs[0].text.startswith("一要")


def test_shi_points_restart_after_other_blocks_and_plain_has_no_marker() -> None:
    blocks = [point("shi", Run("突出党政主导。")), point("shi", Run("一是坚持人民至上。")),
              Block("p", (Run("段落"),)), point("shi", Run("树立优先导向。")),
              point("plain", Run("聚焦增底蕴、提颜值。", bold=True))]
    assert texts(number_blocks(blocks)) == ["一是突出党政主导。", "二是坚持人民至上。", "段落",
                                           "一是树立优先导向。", "聚焦增底蕴、提颜值。"]
