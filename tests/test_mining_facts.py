"""Facts out, second round: one place's counts, dates, meetings, coinages and names, national-only
matters and list items, each found by its form."""

from __future__ import annotations

from pathlib import Path

import pytest

from wengao.mining.facts import coinages, fact_reason, load_lexicon, slot_names
from wengao.mining.pipeline import mine
from wengao.mining.sentences import strip_enumerator


@pytest.fixture(scope="module")
def lex():
    return load_lexicon()


def _why(sentence: str, lex) -> str:
    """Why the miner leaves `sentence` out: a name it holds (slot_names) or a fact it states
    (fact_reason); "" when a writer can reuse it."""
    return slot_names(sentence, set(), lex)[1] or fact_reason(sentence, lex)


def test_a_count_of_one_place_s_own_items_is_a_figure_and_a_national_count_is_not(lex) -> None:
    assert fact_reason("各部门要继续办好八方面惠民实事，做到件件有着落。", lex) == "quantity"
    assert fact_reason("七大产业专项", lex) == "quantity"
    assert fact_reason("要坚决打好三大攻坚战，确保各项任务落地见效。", lex) == ""  # data/formulations.txt
    assert fact_reason("下面，我从四个方面谈几点要求。", lex) == ""  # a count of points, no list of items


def test_a_round_or_session_of_one_series_is_one_occasion(lex) -> None:
    assert fact_reason("扎实做好全市第二轮地方志编修工作。", lex) == "quantity"
    assert fact_reason("精心筹办第九届全县农民运动会。", lex) == "quantity"
    assert fact_reason("现在，我代表第十届中央委员会向大会作报告。", lex) == ""


def test_a_share_in_words_is_a_figure(lex) -> None:
    assert fact_reason("到期的欠款要按时清偿一半以上，不得新增拖欠。", lex) == "quantity"
    assert fact_reason("全县审批事项压减四分之一，办事更加便捷。", lex) == "quantity"


def test_a_time_tied_to_one_year_or_one_event_is_one_occasion(lex) -> None:
    assert fact_reason("各乡镇要在年底前全面完成问题整改。", lex) == "quantity"
    assert fact_reason("要抓好年初印发的惠企政策落实。", lex) == "quantity"
    assert fact_reason("用三个月的时间集中整治群众反映强烈的突出问题。", lex) == "quantity"
    assert fact_reason("换届工作完成后，要及时健全工作机制。", lex) == "quantity"
    assert fact_reason("要做到年初有计划、年中有检查、年底有考核。", lex) == ""


def test_a_local_body_s_numbered_plenary_is_that_place_s_meeting(lex) -> None:
    assert fact_reason("要认真学习贯彻县委六届五次全会精神，抓好各项部署落实。", lex) == "local_meeting"
    assert fact_reason("要认真学习贯彻党的二十届三中全会精神。", lex) == ""


def test_a_place_s_own_attributes_are_a_claim(lex) -> None:
    assert fact_reason("要发挥{县}域人口少、森林覆盖率高的独特优势，走生态优先之路。", lex) == "claim"
    assert fact_reason("要发挥{县}生态优势，走绿色发展之路。", lex) == ""


def test_an_institution_only_the_state_keeps_is_national_only(lex) -> None:
    assert fact_reason("加快建设国家重点实验室，完善科研布局。", lex) == "national_only"
    assert fact_reason("推进双边投资协定谈判，扩大高水平开放。", lex) == "national_only"
    assert fact_reason("推进基层治理体系和治理能力现代化。", lex) == ""
    assert fact_reason("用好地方政府专项债券，加快项目建设。", lex) == ""


def test_a_quoted_coinage_is_one_place_s_unless_two_files_use_it(tmp_path: Path, lex) -> None:
    assert coinages("上线运行政务服务平台“渝快办”，方便群众办事。", lex) == ["渝快办"]
    assert coinages("全面推进“山水画廊”旅游公路建设。", lex) == ["山水画廊"]
    assert coinages("有思想上的“破冰”才有行动上的“突围”。", lex) == []  # 才有 is no modifier
    src = tmp_path / "in"
    src.mkdir()
    line = "要全面推进“山水画廊”旅游公路建设，让群众出行更加便捷。"
    (src / "a.txt").write_text(f"在全县交通工作会议上的讲话\n同志们：\n{line}\n", encoding="utf-8")
    assert not any(e["text"] == line for e in mine([src], None, judge=False)[0])
    (src / "b.txt").write_text(f"在全市交通工作会议上的讲话\n同志们：\n{line}\n", encoding="utf-8")
    assert any(e["text"] == line for e in mine([src], None, judge=False)[0])


def test_a_place_praised_by_name_is_that_place(lex) -> None:
    assert slot_names("要凝心聚力，奋力建设锦绣平和。", set(), lex) == ("", "place")  # 平和县
    assert slot_names("全面落实省委建设美丽XX的战略部署和市委的工作要求。", set(), lex)[0] == \
        "全面落实省委建设美丽{省}的战略部署和市委的工作要求。"
    assert slot_names("全县上下要为建设幸福XX而努力奋斗！", set(), lex)[0] == "全县上下要为建设幸福{县}而努力奋斗！"
    assert slot_names("我们要为建设美丽XX作出新的更大贡献！", set(), lex)[0] == "我们要为建设美丽{名称}作出新的更大贡献！"
    assert slot_names("关系党和国家长治久安，关系人民幸福安康。", set(), lex)[1] == ""


def test_an_area_of_one_place_is_a_name(lex) -> None:
    assert slot_names("江北经济区要加快建设先进制造业基地。", set(), lex) == ("", "place")
    assert slot_names("统筹推动东部次中心建设。", set(), lex) == ("", "place")
    assert slot_names("打造区域次中心，坚持以中心城市引领城市群发展。", set(), lex)[1] == ""


def test_a_school_by_its_short_name_is_an_organisation(lex) -> None:
    assert slot_names("再见了，母校；再见了育中，祝你越办越好！", set(), lex) == ("", "organisation")
    assert slot_names("在我们心中，母校永远是温暖的家。", set(), lex)[1] == ""


def test_a_person_introduced_by_name_or_heading_a_report_is_a_person(lex) -> None:
    assert slot_names("班上有一位叫王小明，学习特别刻苦。", set(), lex) == ("", "person")
    assert slot_names("李建华述职述德述廉报告", set(), lex) == ("", "person")
    assert slot_names("年度述职述德述廉报告", set(), lex)[1] == ""


def test_a_placeholder_for_a_doctrine_or_a_leader_is_no_place(lex) -> None:
    assert slot_names("坚持人民至上是XXX世界观的根本立场。", set(), lex) == ("", "person")


def test_a_quoted_word_alone_is_a_glossary_entry(lex) -> None:
    assert fact_reason("“邻里驿站”", lex) == "note"
    assert fact_reason("“空谈误国，实干兴邦。”", lex) == ""


def test_a_dash_enumerator_is_taken_off_and_a_plan_s_stage_is_dropped(lex) -> None:
    assert strip_enumerator("——坚持以人民为中心的发展思想。") == ("坚持以人民为中心的发展思想。", "——")
    assert fact_reason("第三阶段为集中整改阶段（约一个月）。", lex) == "enumerator"
    assert fact_reason("第一要务是发展，这一点必须牢牢把握。", lex) == ""


def test_every_placeholder_pattern_needs_a_placeholder_mark() -> None:
    """The anonymised-name patterns are searched only in a text holding one of _ANON_MARK_RE's
    characters (they open with lookbehinds, costly to try at every character). Any character
    one of them is written with, in any of the shapes they look for, shows that a new
    placeholder character has its mark too."""
    from wengao.mining import facts

    patterns = [facts._ANON_RE, facts._ANON_ORG_RE, facts._ANON_TOWN_RE, facts._ANON_BARE_RE, facts._ANON_PERSON_RE]
    alphabet = set("".join(p.pattern for p in patterns)) | set("中县")
    shapes = ["{c}县", "{c}{c}局", "{c}{c}{c}村", "中{c}镇", "中{c}中", "中{c}", "{c}中", "（{c}）", "（{c}{c}）县",
              "{c}{c}同志", "某{c}", "{c}某县"]
    for c in alphabet:
        for shape in shapes:
            text = shape.format(c=c)
            if any(p.search(text) for p in patterns):
                assert facts._ANON_MARK_RE.search(text), text


@pytest.mark.parametrize("sentence", [
    "铼、碲回收冶炼能力位列国内前三。",
    "营商环境建设西部领先、全国靠前。",
    "创建国家重离子装备制造及应用制造业创新中心。",
    "甲线铁路中段、乙高铁南段、丙铁路等建成投运。",
    "深刻汲取唐仁健等严重违纪违法案件教训，始终保持本色。",
    "一个国家要是不想沦落成利比亚，就必须有强大的实力。",
    "稳步开展基本医疗保险省级统筹。",
])
def test_a_rank_a_named_facility_a_case_or_a_matter_above_a_county_is_a_fact(sentence: str) -> None:
    lex = load_lexicon()
    assert _why(sentence, lex)


@pytest.mark.parametrize("sentence", ["努力打造全国领先的营商环境。", "要争创国家级文明城市。", "深刻汲取贪污受贿等案件教训。",
                                      "确保减税降费政策落实到位。", "深化财税金融体制改革。",
                                      "认真落实各项税收优惠政策。", "制定“双碳”评价考核办法。"])  # carrying a tax relief out is anyone's task  # reviewers read both as a county's too
def test_a_goal_or_a_kind_of_case_stays(sentence: str) -> None:
    lex = load_lexicon()
    assert not _why(sentence, lex)


@pytest.mark.parametrize(("sentence", "why"), [
    ("今天我想从蒋裕燕同学的成就中汲取力量。", "person"),
    ("加强祁连山生态保护常态长效监管。", "place"),
    ("积极申建中国（四川）自由贸易试验区。", "place"),
    ("坚决筑牢首都政治安全护城河。", "national_only"),
    ("适时运用存款准备金率、利率等手段。", "national_only"),
    ("积极的财政政策要加力提效。", "national_only"),  # fiscal policy, transfers and pooling are the centre's
    ("完善转移支付制度。", "national_only"),
    ("推进基本养老保险全国统筹。", "national_only"),
    ("继续提高退休人员基本养老金，确保按时足额发放。", "national_only"),  # the centre raises pensions
    ("优化空域资源配置。", "national_only"),
    ("深化资源税改革。", "national_only"),
    ("坚定维护多边贸易体制，积极参与世贸组织改革。", "national_only"),
    ("支持各地加大科技投入。", "national_only"),  # a higher level's voice over all its localities
    ("扩大物流企业仓储用地税收优惠范围。", "national_only"),  # a tax instrument widened: the state's lever
    ("实施企业境外所得综合抵免政策。", "national_only"),
    ("出台外商投资法实施条例，不断优化外商投资环境。", "national_only"),  # a law made: a legislature's
    ("大幅提高经济困难高校学生国家助学贷款额度。", "national_only"),
    ("加强全口径外债宏观审慎管理。", "national_only"),  # set 21: the State Council's 2016 levers
    ("扩大新型城镇化综合试点范围。", "national_only"),  # who sets pilots widens them
    ("完善国家网络安全保障体系。", "national_only"),
    ("欢迎你们加入人大附中这个大家庭！", "organisation"),  # a school attached to a university, by name
])
def test_a_pupil_a_landscape_a_bracketed_zone_the_capital_and_money_are_not_a_county_s(sentence: str, why: str) -> None:
    lex = load_lexicon()
    assert _why(sentence, lex) == why


@pytest.mark.parametrize("sentence", ["践行绿水青山就是金山银山理念，加强生态保护。", "统筹山水林田湖草沙系统治理。",
                                      "全体同学要认真学习，全面发展。"])
def test_common_landscape_words_and_a_class_stay(sentence: str) -> None:
    lex = load_lexicon()
    assert not _why(sentence, lex)


@pytest.mark.parametrize(("sentence", "why"), [
    ("打造西部金融中心。", "claim"),
    ("加快长城国家文化公园{省}段建设。", "place"),
    ("我国有上亿市场主体，而且还在不断增加。", "quantity"),
    ("打造一批彰显甘风陇韵的文化品牌。", "place"),
    ("支持企业在津打造资源回收平台。", "place"),
])
def test_a_province_s_short_name_a_stretch_and_a_round_count(sentence: str, why: str) -> None:
    lex = load_lexicon()
    assert _why(sentence, lex) == why


def test_川流不息_and_千家万户_are_words() -> None:
    lex = load_lexicon()
    for sentence in ("车辆川流不息，要做好交通疏导。", "要用好千家万户的力量。"):
        assert not _why(sentence, lex)


@pytest.mark.parametrize("sentence", [
    "要从一点一滴做起，从小事小节抓起。", "要以百分之百的努力抓好各项工作。", "要全面贯彻落实党的二十大提出的各项目标任务。",
    "要加强河湖生态保护修复。", "统筹推进江河流域综合治理。", "在辽阔的田野上，处处是丰收的景象。", "在晋升职级时，要坚持德才兼备。",
    "要深刻汲取违纪违法等各类案件教训。", "要主动融入一小时经济圈。", "要依托城市群，推动产业协同发展。", "这才叫作高标准。",
    "在我们之中，涌现出一批先进典型。",
])
def test_ordinary_sentences_the_fact_rules_must_keep(sentence: str) -> None:
    lex = load_lexicon()
    assert not _why(sentence, lex)


@pytest.mark.parametrize(("sentence", "kept"), [
    ("培育“川妹子”家政等劳务品牌。", False), ("打造新时代更高水平的“天府粮仓”。", False),
    ("这次“乡”约“浙”里，是一次深刻的学习。", False), ("以“苏超”促进文旅体商融合发展。", False),
    ("推动经济“复苏”向好。", True), ("弘扬“鲁班”精神。", True),
    ("弘扬“川流不息”的奋斗精神。", True), ("坚持“绿水青山就是金山银山”理念。", True), ("推进“一网通办”改革。", True),
])
def test_a_quoted_brand_that_carries_a_province_s_name(sentence: str, kept: bool) -> None:
    lex = load_lexicon()
    assert (not _why(sentence, lex)) is kept


@pytest.mark.parametrize("sentence", [
    "持续做好榆中山洪泥石流灾后恢复重建。",  # a county's short name before an event
    "提升敦煌研究院的影响力。",  # … before a site
    "推动迭部、碌曲等地加快发展。",  # … in a list of places
    "加快建设尖扎至贵德公路。",  # … on a route
    "加快格尔木绿色产业园建设。",  # a three-character short name anywhere
])
def test_a_county_by_its_short_name_is_a_place(sentence: str) -> None:
    lex = load_lexicon()
    assert slot_names(sentence, set(), lex)[1] in ("place", "organisation")


@pytest.mark.parametrize("sentence", [
    "要优化资源配置，深化合作交流。",  # 资源, 合作: county short names that are common words
    "坚持人民就是江山、江山就是人民。",
    "深入推进平安建设，守护一方平安。",
    "牢记井冈山精神，弘扬延安精神。",  # a spirit the whole Party names after a place
    "要同心同德，共同奋斗。",  # 同德 is a county, not after 同心
])
def test_county_short_names_that_are_words_or_spirits_stay(sentence: str) -> None:
    lex = load_lexicon()
    assert not _why(sentence, lex)


def test_a_county_named_in_the_title_is_its_slot_by_its_short_name_too(tmp_path: Path) -> None:
    text = ("在敦煌市经济工作会议上的讲话\n同志们：\n今天召开会议，部署全年工作。\n"
            "一、抓项目\n要加快推进敦煌文旅融合发展。\n要全力推动敦煌、瓜州协同发展。\n")
    (tmp_path / "a.txt").write_text(text, encoding="utf-8")
    entries, _ = mine([tmp_path / "a.txt"], None)
    texts = [e["text"] for e in entries]
    assert "要加快推进{县}文旅融合发展。" in texts
    assert not any("瓜州" in t or "敦煌" in t for t in texts)  # two places: no slot says it


@pytest.mark.parametrize(("sentence", "why"), [
    ("支持甲乙科技、丙丁卫星等商业航天企业做大做优。", "organisation"),  # firms in a list, told by their kind
    ("推动海东、海西等地零碳园区建设。", "place"),
    ("加快长春现代化都市圈建设。", "place"),  # a city's short name before a site
    ("深化长江大保护和新一轮太湖综合治理。", "place"),
    ("今天开学典礼我的讲话题目为“脚踏实地，勇敢前行”。", "local_title"),
    ("今年也是我们爬坡过坎的关键年份。", "quantity"),
    ("深化零基预算改革和省以下财政体制改革。", "national_only"),
])
def test_named_lists_city_short_names_rivers_and_one_year_s_words(sentence: str, why: str) -> None:
    lex = load_lexicon()
    assert _why(sentence, lex) == why


@pytest.mark.parametrize("sentence", [
    "支持国有企业、民营企业等各类企业发展壮大。",  # a list of kinds names no firm
    "加强山区、牧区等地基础设施建设。",
    "把平台、项目、人才、资金等创新资源更多布局到企业。",
    "推广绿色低碳生产生活方式，让美丽乡村建设行稳致远。",
    "加快转变超大特大城市发展方式。",
])
def test_lists_of_kinds_and_words_that_hold_a_city_s_name_stay(sentence: str) -> None:
    lex = load_lexicon()
    assert not _why(sentence, lex)


def test_美丽_does_not_give_丽江() -> None:
    lex = load_lexicon()
    assert slot_names("让美丽江苏建设行稳致远。", {"江苏"}, lex)[0] == "让美丽{省}建设行稳致远。"


@pytest.mark.parametrize(("sentence", "why"), [
    ("一年来，全体一中人以团结之心共同谱写了学校发展新篇章。", "organisation"),
    ("黄河国家战略深化落实。", "place"),
    ("经济大省挑大梁作用更加凸显。", "national_only"),
])
def test_a_school_by_its_number_a_river_s_strategy_and_a_big_province(sentence: str, why: str) -> None:
    lex = load_lexicon()
    assert _why(sentence, lex) == why


def test_统一中国_holds_no_school() -> None:
    lex = load_lexicon()
    assert not fact_reason("坚持统一中国人的思想和行动。", lex)


@pytest.mark.parametrize(("sentence", "kept"), [
    ("甲乙电机、丙丁广瀚入选国家制造业数字化转型典型案例。", False),  # firms named in a list
    ("提升“龙江好物”国际竞争力和影响力。", False),  # a province's nickname in a brand
    ("民营企业、国有企业获得同等待遇。", True),  # kinds, not names
])
def test_firms_that_won_something_and_provincial_nicknames(sentence: str, kept: bool) -> None:
    lex = load_lexicon()
    assert (not _why(sentence, lex)) is kept


def test_a_quoted_formula_with_a_plus_is_no_brand(lex) -> None:
    assert coinages("探索“养老+行业”融合发展模式。", lex) == []
    assert coinages("推广“村播小院”等模式。", lex) == ["村播小院"]


@pytest.mark.parametrize(("sentence", "why"), [
    ("推动出台《{省}民营经济促进条例》。", "local_title"),  # a place's own regulation, its name a slot
    ("某企业获“中国工业大奖”，实现我省零的突破。", "claim"),
    ("古墓群入选“全国十大考古新发现”。", "claim"),  # an honour one place won
    ("完善推广黔菜标准体系。", "place"),  # a province's cuisine
    ("借力北大专家团队提升学科竞赛团队实力。", "organisation"),
])
def test_own_regulations_honours_won_cuisines_and_known_organisations(sentence: str, why: str) -> None:
    lex = load_lexicon()
    assert _why(sentence, lex) == why


@pytest.mark.parametrize("sentence", ["认真学习《中国共产党纪律处分条例》。", "要不断增强群众获得感、幸福感。",
                                      "要保持清华澈的初心。"])
def test_a_national_regulation_and_获得感_stay(sentence: str) -> None:
    lex = load_lexicon()
    assert not _why(sentence, lex)


def test_the_centre_s_money_is_national_only(lex) -> None:
    assert fact_reason("中央和地方财政资金聚焦重点任务，加大投入力度。", lex) == "national_only"


@pytest.mark.parametrize("sentence", ["推动西部盟市转型发展，增强区域可持续发展能力。", "高等学校、三甲医院实现州（市）全覆盖。"])
def test_levels_only_some_regions_have_name_that_region(sentence: str) -> None:
    lex = load_lexicon()
    assert slot_names(sentence, set(), lex)[1] == "place"


@pytest.mark.parametrize(("sentence", "why"), [
    ("行政复议改革走在全国前列。", "claim"),  # told as done
    ("开展第四次全国农业普查。", "quantity"),  # one census, one year
    ("持续打造《向前一步》品牌栏目。", "local_title"),
])
def test_a_lead_told_as_done_a_numbered_census_and_a_named_column(sentence: str, why: str) -> None:
    lex = load_lexicon()
    assert fact_reason(sentence, lex) == why


@pytest.mark.parametrize("sentence", ["要争取走在全国前列。", "奋力推动乡村振兴走在全省前列。", "认真学习《习近平谈治国理政》。"])
def test_a_lead_aimed_at_and_a_national_book_stay(sentence: str) -> None:
    assert not fact_reason(sentence, load_lexicon())


@pytest.mark.parametrize(("sentence", "why"), [
    ("空气质量六项指标首次全部达到国家二级标准。", "quantity"),  # a first, in one year
    ("农村养老服务改革做法获国务院通报表扬。", "claim"),
    ("本科院校和高职院校实现设区市全覆盖。", "national_only"),  # a province's own level of cities
])
def test_a_first_a_commendation_and_a_province_s_cities(sentence: str, why: str) -> None:
    assert fact_reason(sentence, load_lexicon()) == why


@pytest.mark.parametrize(("sentence", "why"), [
    ("深化国际金融中心建设。", "claim"),  # a designation one city holds
    ("加力建设自贸试验区及临港新片区。", "place"),
    ("支持经济大市挑大梁，经济小市展现大作为。", "national_only"),  # a province speaking of its cities
])
def test_one_city_s_designations_and_a_province_s_voice(sentence: str, why: str) -> None:
    lex = load_lexicon()
    assert _why(sentence, lex) == why


@pytest.mark.parametrize("sentence", [
    # found by a review of this round's rules: each misfired on an ordinary sentence
    "支持国有、民营、外资等各类企业公平竞争。", "支持国有、民营、外资等企业公平竞争。", "在广袤的东北大地上，我们要奋力前行。", "弘扬北大荒精神，艰苦奋斗。",
    "持续推进矿山综合治理和生态修复。", "加快推进城市内河治理。", "让企业获得“真金白银”的支持。",
    "在高质量发展中继续走在全省前列。", "组织党员干部观看《榜样》专题片。", "坚持“矢志不渝”的信念。",
])
def test_ordinary_sentences_the_fact_rules_of_this_round_must_keep(sentence: str) -> None:
    lex = load_lexicon()
    assert not _why(sentence, lex)


@pytest.mark.parametrize("sentence", ["推进国家水网建设。", "扩大免签国家范围。", "积极参与和推动全球气候治理。",
                                      "健全海关监管配套制度体系。", "加强国家战略腹地建设。",
                                      "现在，我代表国务院，向大会报告政府工作，请予审议，并请全国政协委员提出意见。",
                                      "充分考虑农村差异性，实行分类指导，鼓励地方探索创造。",  # the centre's voice
                                      "支持革命老区、民族地区振兴发展。", "我们要坚持对台工作大政方针。",
                                      "稳妥应对中美经贸摩擦，主要做了以下工作。"])
def test_levers_only_the_centre_holds(sentence: str) -> None:
    assert fact_reason(sentence, load_lexicon()) == "national_only"


@pytest.mark.parametrize("sentence", [
    "加快晋冀鲁豫大宗商品骨干流通走廊建设。",  # provinces named together by their one-character names
    "深化粤桂东西部协作。",
    "制定实施加快打造向北开放新高地总体规划方案。",  # one direction of opening: a border region's
    "深化国际科技创新中心建设。",  # a great city's designation
    "深度参与东北亚经贸合作。",  # a region of the world next door
    "推进国际旅游度假区重点项目建设。",  # what one place hosts: a resort, a festival, a forum
    "持续办好生态文明国际论坛。",
])
def test_regions_named_by_form_are_one_place_s(sentence: str, lex) -> None:
    assert _why(sentence, lex)


@pytest.mark.parametrize("sentence", [
    "推动各项工作迈上新台阶。",  # 新 and 台 are no province here: neither is in the list
    "加强农产品冷藏保鲜设施建设。",
    "稳定生猪等畜禽生产，做好非洲猪瘟等疫病防控。",  # 非洲猪瘟 is a disease, not a region
    "全面扩大对外开放，打造开放新高地。",  # opening without a direction
    "拓展国际市场，支持企业开拓海外业务。",  # 国际 without a designated centre
    "拓展航空枢纽国际航线，深化国际科技合作。",  # 国际 before no venue
    "鼓励教师参加国际学术论坛和交流活动。",  # taking part, not hosting
    "支持外贸企业开拓国际大市场。",
])
def test_ordinary_sentences_the_region_rules_must_keep(sentence: str, lex) -> None:
    assert _why(sentence, lex) == ""


def test_a_thing_named_by_its_number_is_one_place_s(lex) -> None:
    assert fact_reason("紧贴“太行一号旅游路”建设，完善快旅慢游交通体系。", lex) == "programme"
    assert fact_reason("把招商引资作为“头号工程”来抓。", lex) == ""  # a stock phrase, no number in it


@pytest.mark.parametrize("sentence", ["当前，全球正在经历新冠疫情第四波流行高峰。", "抓好决胜全面建成小康社会三大攻坚战。",
                                      "坚持精准扶贫脱贫，因人因地施策。", "全面建成小康社会，广大青年是生力军。",
                                      "让我们团结奋斗，以优异成绩迎接党的二十大胜利召开！",
                                      "扎实开展“不忘初心、牢记使命”主题教育。"])
def test_matters_of_a_time_gone_by_are_dated(sentence: str, lex) -> None:
    assert fact_reason(sentence, lex) == "dated"  # names.yaml dated


def test_a_goal_reached_is_told_today(lex) -> None:
    assert fact_reason("我们如期全面建成小康社会，历史性地解决了绝对贫困问题。", lex) != "dated"
    assert fact_reason("我们党团结带领人民打赢脱贫攻坚战、全面建成小康社会，历史性地解决了绝对贫困问题。", lex) != "dated"
    assert fact_reason("全面建成小康社会，实现了第一个百年奋斗目标。", lex) != "dated"
    assert fact_reason("确保如期全面建成小康社会，不断增进民生福祉。", lex) == "dated"  # still aimed at
    assert fact_reason("认真学习贯彻全国政协和省政协工作会议精神，推动政协工作提质增效。", lex) == ""


@pytest.mark.parametrize("sentence", [
    "先进典型的事迹被群众津津乐道。",  # one character twice is no pair of provinces
    "坚持过紧日子，该省的省、该花的花，把有限的资金用在刀刃上。",  # 该 as "ought to"
    "全面落实提高研发费用加计扣除比例政策。",  # carrying a tax lever out
    "深入学习贯彻新修订的安全生产法，压紧压实安全生产责任。",  # a law amended, not being made
    "全面落实国家组织药品集中带量采购政策。",
    "认真贯彻落实“中央一号文件”精神。",  # a document, not a thing named by its number
    "积极开拓东南亚、中东欧等新兴市场。",  # a market abroad, an enterprise's
    "学校国际交流中心积极拓展对外合作。",  # no designation made
    "确保退休人员基本养老金按时足额发放。",  # paying pensions is anyone's; raising them is the centre's
    "用足用好积极的财政政策，积极争取上级资金支持。",
])
def test_ordinary_sentences_this_round_s_rules_must_keep(sentence: str, lex) -> None:
    assert _why(sentence, lex) == ""


def test_the_speaker_of_a_quotation_in_the_news_is_a_person(lex) -> None:
    said = "“商量下来，大家一致认为要敢于担担子。”梁杰说，“干部们相信，村民们会和我们站在一起。”"
    assert _why(said, lex) == "person"
    assert _why("“这是我们的责任。”他说，“我们一定做好。”", lex) == ""  # 他 names no one
    assert _why("“发展是第一要务。”大家说。", lex) == ""


@pytest.mark.parametrize("sentence, why", [
    ("各级党委、政府要注重调动各方面积极性，坚持和深化新时代“千万工程”。", "programme"),
    ("深入实施“网链共享计划”，高质量开展对口帮扶。", "programme"),
    ("创新{名称}、实力{名称}、美丽{名称}建设迈出新步伐。", "place"),  # one place's positioning
    ("更多企业看好{省}、选择{省}、扎根{省}。", "place"),
])
def test_a_place_s_own_project_carried_out_and_a_place_named_thrice(sentence: str, why: str, lex) -> None:
    assert fact_reason(sentence, lex) == why


@pytest.mark.parametrize("sentence", [
    "要学习运用“千万工程”经验，全面推进乡村振兴。",  # learning from it is anyone's
    "坚决防止急功近利、搞“形象工程”。",  # warning against one
    "在“千万工程”实施中，我们将以更加务实的举措提升服务效能。",
    "坚持统筹发展和安全，建设更高水平平安{省}、法治{省}。",  # twice is still generic
])
def test_sentences_that_name_a_project_or_a_place_and_stay(sentence: str, lex) -> None:
    assert fact_reason(sentence, lex) == ""


def test_a_quoted_campaign_year_is_a_coinage(lex) -> None:
    assert coinages("以“作风提升年”为契机，党员领导干部要带头抓起。", lex) == ["作风提升年"]
    assert coinages("为实现“两个一百年”奋斗目标而努力。", lex) == []  # national (data/formulations.txt)


@pytest.mark.parametrize("sentence", [
    "以县处级以上领导干部为重点在全党深入开展主题教育。",
    "健全反制裁、反干涉、反“长臂管辖”机制。",
])
def test_the_whole_party_and_the_state_s_levers_are_the_centre_s_words(sentence: str, lex) -> None:
    assert fact_reason(sentence, lex) == "national_only"


def test_a_call_to_the_whole_party_is_a_template_a_county_adapts(lex) -> None:
    # the development labels call these reusable: 全党全军全国各族人民 becomes 全县上下
    assert fact_reason("全党全军全国各族人民要紧密团结在党中央周围，埋头苦干、奋勇前进。", lex) == ""
    assert fact_reason("全党同志务必不忘初心、牢记使命，务必谦虚谨慎、艰苦奋斗。", lex) == ""


@pytest.mark.parametrize("sentence, why", [
    ("“千万工程”造就了万千美丽乡村，造福了万千农民群众。", "programme"),  # a named project's record
    ("千村引领、万村振兴、全域共富、城乡和美", "programme"),  # its stages, counted by one noun
    ("要推动百企联百村、千企兴千村，壮大村级集体经济。", "programme"),
])
def test_a_project_s_record_and_its_counted_stages_are_its_own(sentence: str, why: str, lex) -> None:
    assert fact_reason(sentence, lex) == why


@pytest.mark.parametrize("sentence", [
    "“千万工程”带给我们最重要的启示是：抓好农村基层党组织建设。",
    "“放管服”改革取得了新进展。",  # the quotation abbreviates, the reform is named outside it
    "深入学习“千村示范、万村整治”经验，推进和美乡村建设。",  # national (data/formulations.txt)
    "让改革发展成果更多更公平惠及千家万户。",
])
def test_a_project_s_lessons_a_national_reform_and_千家万户_stay(sentence: str, lex) -> None:
    assert fact_reason(sentence, lex) == ""


@pytest.mark.parametrize("sentence, kept", [
    ("继续扩大市场准入。", False),
    ("稳步扩大制度型开放。", False),
    ("扩大高校面向农村和贫困地区招生规模。", False),
    ("促进资源型地区经济转型升级。", False),
    ("加大减税降费力度。", False),
    ("有效降低市场准入门槛。", True),  # carrying out what the centre set
    ("切实抓好中央环保督察反馈问题整改。", True),
    ("让小微企业有明显减税降费感受。", True),
])
def test_more_levers_only_the_centre_holds(sentence: str, kept: bool, lex) -> None:
    assert (fact_reason(sentence, lex) == "") is kept


def test_an_organisation_the_document_names_again_and_again_is_its_own(lex) -> None:
    from wengao.mining.facts import orgs_named

    text = ("在宏达公司成立十周年大会上的讲话\n宏达公司走过了十年。\n我们要让宏达的品牌走向全国。\n"
            "宏达人始终坚持创新。\n要坚持以人民为中心的发展思想。\n")
    assert orgs_named(text, lex) == {"宏达公司"}  # a short name alone is no name: it may be a word
    # kinds of body, verbs before an ending, an ending inside a longer word and names said once are
    # no organisation of the document
    kinds = ("要办好公立医院，办好公立医院。鼓励银行放贷，鼓励银行让利。完善中小学布局，完善中小学管理。走进北大荒集团。"
             "中心小学要抓好教学，中心小学要办好。行业协会要自律，行业协会要发挥作用。"
             "深入开展大学习大讨论，深入开展大学习活动。")
    assert orgs_named(kinds, lex) == frozenset()
    assert orgs_named("，吉利集团要加快发展。，吉利集团要创新。", lex) == {"吉利集团"}


def test_a_sentence_naming_the_document_s_own_firm_is_not_a_phrase(tmp_path: Path) -> None:
    src = tmp_path / "in"
    src.mkdir()
    (src / "a.txt").write_text(
        "在宏达公司干部大会上的讲话\n同志们：\n宏达公司走过了不平凡的十年。\n要坚持以人民为中心的发展思想，推动高质量发展。\n"
        "要加强宏达公司干部队伍建设，提高干部履职能力。\n要坚持以人民为中心，深入开展调查研究。\n", encoding="utf-8")
    texts = [e["text"] for e in mine([src], None)[0]]
    assert any("以人民为中心" in t for t in texts)
    assert not any("宏达" in t for t in texts)


@pytest.mark.parametrize("sentence, why", [
    ("过去一年，在新中国历史上极不平凡。", "quantity"),
    ("去年，我国发展面临诸多困难挑战。", "quantity"),
    ("过去一年，我们持续加强政府自身建设。", ""),  # what we did: a review's lead any year
    ("过去的一年，是极不寻常的一年，是顶压前行的一年。", ""),
    ("当前，我国发展进入战略机遇和风险挑战并存的时期。", ""),
])
def test_the_year_gone_by_told_of_the_country_is_that_year_s(sentence: str, why: str, lex) -> None:
    assert fact_reason(sentence, lex) == why


@pytest.mark.parametrize("sentence, why", [
    ("江淮儿女期盼多年的工程通水通航。", "place"),  # a province by its literary name
    ("建设高水平健康龙江。", "place"),
    ("山河抒壮志，齐鲁展宏图。", "place"),
    ("祝大家兔年大吉，阖家幸福，事事如意！", "quantity"),  # one year of the zodiac
    ("祝大家新春快乐，阖家幸福，事事如意！", ""),
    ("凝心聚力，让中原更加出彩。", ""),  # 中原 names a wider land: stays
])
def test_a_province_s_literary_name_and_a_zodiac_year(sentence: str, why: str, lex) -> None:
    assert fact_reason(sentence, lex) == why


def test_a_county_named_in_full_and_by_its_short_name_is_the_document_s_own(lex) -> None:
    from wengao.mining.facts import home_places

    text = ("文明过节倡议书\n陆河是我们共同的家园。\n让陆河变得更加美丽。\n中共陆河县委宣传部\n")
    assert {"陆河", "陆河县"} <= home_places(text, "", lex)  # once in full, three times in all
    assert slot_names("让陆河变得更加美丽。", home_places(text, "", lex), lex) == ("让{县}变得更加美丽。", "")


@pytest.mark.parametrize("sentence, kept", [
    ("新设一批跨境电商综合试验区。", False),
    ("设立中等职业教育国家奖学金。", False),
    ("加大税收、社会保障、转移支付等的调节力度。", False),
    ("取消或降低一批铁路、港口收费。", False),
    ("引导一批普通本科高校转为应用型大学。", False),
    ("深入推进中央生态环境保护督察。", False),
    ("坚持交流互鉴，推动建设一个开放包容的世界。", False),
    ("切实抓好中央生态环境保护督察反馈问题整改。", True),  # the county rectifies
    ("落实国家奖学金政策，做好学生资助工作。", True),
    ("推进国家安全体系和能力建设。", True),  # judged good twice: a county builds its part
])
def test_the_state_s_zones_scholarships_charges_and_its_world(sentence: str, kept: bool, lex) -> None:
    assert (fact_reason(sentence, lex) == "") is kept


@pytest.mark.parametrize("sentence, why", [
    ("落实全面依法治省。", "place"),
    ("加快打造中医药强省。", "place"),
    ("加快建设青年发展型省份，营造青年成长成才最优环境。", "place"),
    ("推进依法治县，建设法治政府。", ""),  # a county's own goal: its writer says it
    ("要省吃俭用办好民生实事。", ""),
])
def test_a_province_s_own_goal_is_that_province_s(sentence: str, why: str, lex) -> None:
    assert fact_reason(sentence, lex) == why


def test_what_we_face_told_as_x_is_y_is_a_difficulty() -> None:
    from wengao.mining.classify import Context, classify

    assert classify("我们面对的是两难多难问题增多的复杂局面。", Context()) == "problem"
    assert classify("我们面对的是深刻变化的外部环境。", Context()) == "problem"


@pytest.mark.parametrize("sentence", [
    "要加强省市县乡四级联动，形成工作合力。",  # 强省 inside 加强省市县
    "要整治省道沿线环境卫生。",
    "积极争创乡村振兴省级示范村。",
    "要学习运用千村示范、万村整治经验。",  # a national formulation followed by a word
    "要深入实施“雪亮工程”，提升治安防控水平。",  # a programme every place carries out
    "要扎实实施“国培计划”，提升教师专业素养。",
    "要合理确定各校招生规模，严禁超计划招生。",
    "要严格在债务限额内举借政府债务。",
    "要落实食品安全惩罚性赔偿制度。",
    "要切实增强维护国家安全能力。",
    "要全力配合开展中央生态环境保护督察，确保督察工作顺利进行。",
    "要以开展中央生态环境保护督察为契机，解决突出环境问题。",
    "为实现“第二个百年”奋斗目标而努力。",
])
def test_ordinary_sentences_the_round_s_rules_must_keep_after_review(sentence: str, lex) -> None:
    assert _why(sentence, lex) == ""


def test_a_short_name_inside_a_word_makes_no_home_place(lex) -> None:
    from wengao.mining.facts import home_places

    text = "对口帮扶同德县。\n全县上下要同心同德、真抓实干。\n我们要同心同德。\n"
    assert "同德县" not in home_places(text, "", lex)


def test_what_we_face_is_a_difficulty_only_when_it_says_one() -> None:
    from wengao.mining.classify import Context, classify

    assert classify("当前，我们面对的是前所未有的发展机遇。", Context()) != "problem"
    assert classify("我们面对的是一个充满希望的新时代。", Context()) != "problem"
