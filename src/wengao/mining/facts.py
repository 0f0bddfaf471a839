"""Facts out: a sentence about one named place, person or organisation is not a phrase.

Names are found by form — a name before 村/镇/乡/街道, an administrative division from the
gazetteer (data/places.tsv), a surname before a post, a place before 大学 — never from a list
of the documents we were given. A place may become a slot named by its level ({省} {市} {县}
{乡镇} {村} {单位}) when it is the document's own place (the speaker's county, named again and
again) and the sentence makes no claim that only that place can make; anonymised places
(X县, XX市, 某某村, （*）市) always become slots; a bare placeholder for a date, a count or a
person (x月x日, X家, X同志) is no name, and its sentence is dropped. Everything else naming someone or somewhere is dropped.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from wengao.datafile import load_yaml
from wengao.mining.sentences import LIST_ITEM_RE

DATA = Path(__file__).parent / "data"
HAN = "\u4e00-\u9fff"
HAN_RE = re.compile(f"[{HAN}]")  # one Chinese character (also used by candidates, repairs)
_HAN_ONLY_RE = re.compile(f"^[{HAN}]+$")
_SUBJECT_RE = re.compile(f"([{HAN}]{{2,6}})$")
_SLOT_RE = re.compile(r"\{[^{}]*\}")
_REPORTING = frozenset({"总结点评", "点评", "指出", "强调", "表示", "介绍", "讲话", "主持", "出席"})
# “{名称}民政通”: a named product; “太行一号旅游路”: a thing named by its number (not “一号工程”)
_QUOTED_SLOT_RE = re.compile(r"“[^“”]*\{[^{}]*\}[^“”]*”|“[^“”]{1,8}[一二三四五六七八九十]号(?!文件)[^“”]{1,8}”")
_QUOTED_COUNT_RE = re.compile(r"“([一两二三四五六七八九十百千万双][^“”]{1,7})”")
_BATCH_RE = re.compile(r"第[一二三四五六七八九十]+批")  # 第二批主题教育: one year's campaign
_YEAR_RE = re.compile(r"(?:是|为)[^，。；]{0,24}之年|今年(?:也|又|还|正)?是"  # 今年是…的开局之年: true of one year
                      # and the year gone by told of the country (过去一年，在新中国历史上极不平凡; 去年，我国发展面临…)
                      r"|^(?:过去的?一年|去年)，?(?:在|是)?(?:我国|新中国|党和国家)")
# 以“…”为题汇报, 我的讲话题目是“…”: that report's or speech's own title
_OWN_TITLE_RE = re.compile(r"以“[^“”]{4,}”为(?:题|主题)|题目(?:是|为)[：:]?“")
# 大会的主题是：…, 本次活动的主题是“…”: the frame is stock, the theme belongs to that one occasion
_OWN_THEME_RE = re.compile(r"(?:会|活动|论坛|本次|这次|今年)[^，。；：]{0,10}?的?主题是[：:“]")
# an organisation named by an abbreviation acting as the subject: 近年来国采中心深入开展…
_ORG_SUBJECT_RE = re.compile(r"(?:^|，|近年来|目前|今年以来|同时)([\u4e00-\u9fff]{2,4}中心)"
                             r"(?:正|深入|积极|始终|坚持|已|将|通过|联合|牵头|组织|举办|召开)")
# one body's numbered meeting or event: 我院第六届职工代表大会, 全县第三届劳动模范表彰大会
_LOCAL_ORDINAL_RE = re.compile(r"(?:我|本|全)(?:院|校|县|市|区|镇|乡|村|局|厂|司|公司|集团|单位)"
                               r"[^，。；！？]{0,8}?第[一二三四五六七八九十百]+[届次期]")
_COLUMN_HEADS = ("品牌栏目", "栏目", "节目", "专栏")
_LOCAL_TITLE_RE = re.compile(r"[0-9０-９]|[省市县区乡镇村{]|我校|本校|办法|细则|方案|通知|年度")

LEVEL_OF_SUFFIX = {"省": "省", "自治区": "省", "市": "市", "州": "市", "盟": "市", "县": "县", "区": "县",
                   "旗": "县", "乡": "乡镇", "镇": "乡镇", "街道": "乡镇", "村": "村", "社区": "村"}
# a placeholder left where a name or figure was: X, xx, ×, ***, （*） (〔*〕 reads as （*）)
_PH = r"(?:[XxＸｘ×]{1,3}|[*＊]{1,3}|（[*＊XxＸｘ×]{1,3}）)"
_ANON_RE = re.compile(rf"(?:{_PH}|某{{1,2}})(自治区|省|市|州|盟|县|区|旗|乡|镇|街道|村|社区)")
_ANON_ORG_RE = re.compile(r"(?<![A-Za-z])(?:[XxＸｘ×]{1,3}|某{1,2})(局|委|办|中心|单位|部门|公司|学校|医院|小学|中学)(?![镇乡村区县市])")
_ANON_TOWN_RE = re.compile(r"(?<![A-Za-z])(?:[XxＸｘ×]{1,3}|某{1,2})[一-鿿]{0,2}(镇|乡(?!村)|街道)")  # 乡村 is a word, not a township
_ANON_BARE_RE = re.compile(rf"(?<![A-Za-z])(?:[XxＸｘ×]{{1,3}})(?![A-Za-z])(?=[{HAN}“”])|(?<=[{HAN}“”])[XxＸｘ×]{{1,3}}(?![A-Za-z])"
                           rf"|[*＊]{{1,3}}(?=[{HAN}“”])|(?<=[{HAN}“”])[*＊]{{1,3}}|（[*＊XxＸｘ×]{{1,3}}）")
# what a bare placeholder stands for, from what follows it: a date or a count (x月x日, X家, xx名)
# is one occasion's figure; before or after a post (X同志, x书记, 代表×) it is a person
_PH_FIGURE_RE = re.compile(r"[月日号年届期次家个名位户所项亿万元%％岁天批件]|人(?!民)")
_ANON_MARK_RE = re.compile("[XxＸｘ×某*＊]")  # every placeholder holds one of these (all the _ANON patterns)
_ANON_PERSON_RE = re.compile(r"某某|[XxＸｘ×]{2,3}(?=同志|书记|主任|局长|县长|市长)")
# a party to a case told with the name withheld (陈某在办理报销时…): that one case's person
_SURNAME_SOME_RE = re.compile(r"([\u4e00-\u9fff])某(?![某些种项个人地处方])")
_FORM_SUFFIXES = ("街道", "社区", "村", "镇", "乡")
_BOUNDARY = set("，。、；：！？“”‘’（）《》—…·,.;:!?()\"' 在到从于和与及对向为把将是的了由自至同跟就请让被给经据")
_DIGIT_RE = re.compile(r"[0-9０-９]")
# a count of people, money, land, time … (三名教师, 十年前, 230个): one place's figures. Not 一 or 几
# alone (一名党员, 一批典型, 一场变革), not an ordinal (第一位, 第十九届), not 百年/千年 (百年伟业).
_QTY_RE = re.compile(
    r"(?<!第)(?:[零〇二两三四五六七八九十百千万亿]|一[零〇一二两三四五六七八九十百千万亿]|[十百千万]一)"
    r"[零〇一二两三四五六七八九十百千万亿]*(?:多|余)?"
    r"(?:个百分点|周年|年度|月份|[名位人户](?!民|才|士|心|物|生|格|类|员|口|群|次|的|之|一)|月|日|号|时|点钟|分钟|秒|岁"
    r"|家(?!庭|园|长|乡|国|万户)|所(?!有|以|谓|在|属|得)|座|亿|元|公里|千米|米|亩|公顷|平方|吨"
    r"|场(?!所|景|地|合|面)|件(?!事)|批(?!评|示)|天(?!下)|周(?!边|围|密|全|期)|小时"
    r"|(?<![百千])年(?!来|以来|间|里|轻|代|度|终|初|底|均|会|级|奋斗|伟业|大计|未有|变局|树人))")
_GENERIC_YEARS_RE = re.compile(r"(?:过去|近)(?:一|两|三|四|五|十|几)?年|(?:多|几|一|两|三|四|五|十)年(?:来|以来)"
                               r"|今年|去年|明年|当年|每年|新年|全年|半年|上半年|下半年")
# a class or a campaign year in quotation marks (“北斗科技班”, “作风提升年”): one school's or one
# place's own (see coinages)
_CLASS_RE = re.compile(r"“([^“”{}]{2,8}[班年])”")
# a quoted project carried out or deepened (深化新时代“千万工程”, 实施“X计划”): said by the place whose
# project it is; learning from it (学习运用“千万工程”经验) or warning against one (搞“形象工程”) is anyone's
_OWN_PROGRAMME_RE = re.compile(r"(?:深化|实施)(?:新时代)?“([^“”]{2,10}(?:工程|计划))”"
                               # and a quoted project as the subject of deeds done (“千万工程”造就了…): its record
                               r"|^“([^“”]{2,10}(?:工程|计划))”(?!的?经验)[^。；]*?了")
# a slogan counted by the same noun (千村精品、万村美丽; 百企…千企…): one place's programme and its stages,
# unless national (千村示范、万村整治, data/formulations.txt)
_COUNTED_PAIR_RE = re.compile(r"([百千万])([村企户镇乡校])[^、，。“”]{1,4}[、，][百千万]\2[^、，。“”]{1,4}")
# a named site: 大熊猫国家公园, 龙山书院, 绿云高架路 (a name before the kind of site)
_SITE_RE = re.compile(r"(?<![建新改扩打造设办类批座个各])[\u4e00-\u9fff]{2,4}(?:国家公园|书院|纪念馆|高架路|水库|遗址公园)")
_IDIOM_RE = re.compile(rf"[一二三四五六七八九十百千万][{HAN}][一二三四五六七八九十百千万][{HAN}]")  # 千家万户
_TITLE_RE = re.compile(r"《([^《》]{1,60})》")
_CLAIM_RE = re.compile(r"萌发|发源地|诞生地|策源地|首创|首提|独有|唯一|故乡|家乡|之乡|我的|我家|先行地|重要萌发地")
_ABBREV_RE = re.compile(r"以下简称|下称|简称")
_NOTE_RE = re.compile(r"^[〔\[【(（]\d+[〕\]】)）]|^(?:注|按|发|抄送|附|附件|来源|作者|编者按|责任编辑|编辑)[：:]|^见|^参见|^引自|^转引|^详见|^此处")
# a quoted word standing alone where a heading or a sentence would (“暖心驿站”): a glossary's entry
_GLOSSED_RE = re.compile(r"^“[^“”。！？，；：]{2,12}”$")
# one place's own list of things, counted in Chinese numerals (十方面民生实事, 六大科技专项): a
# national count (三大攻坚战, 八项规定) is one of data/formulations.txt and stays
_COUNTED_RE = re.compile(rf"(?<![第党])(?:[二两三四五六七八九]|十[一二三四五六七八九]?)(?:大|项|件|条|个?方面)(?:(?!的)[{HAN}]){{0,6}}?"
                         r"(?:实事|专项|项目|工程|行动|任务|举措|措施|活动|重点工作|污染源)")
# a round or a session of one body's series (全省第三轮修志, 第十五届省运会): one occasion
_ROUND_RE = re.compile(r"第[一二三四五六七八九十百]+(?:轮|届(?!中央|全国)|次(?:全国)?[^，。；]{0,8}普查)")  # not 第十九届中央委员会
# a share (一半以上, 三分之一, 百分之六十四点七, 十一点六个百分点): a figure in words
_SHARE_RE = re.compile(r"一半以[上下]|过半数|半数以上|[一二两三四五六七八九十百]分之(?!百)|[一二两三四五六七八九十]成以上"
                       r"|[零〇一二两三四五六七八九十]点[零〇一二三四五六七八九](?!滴)")
# a time anchored to one year or one event (年底前, 年初出台的, 用半年的时间, 机构改革完成后，)
_ANCHOR_RE = re.compile(r"(?:年|月|季度)(?:底|末)前|年初(?:出台|印发|召开|部署|制定|提出|确定|下达)"
                        r"|用(?:半|[一二两三四五六七八九十]+个?)(?:年|月)的?时间|^[^，。；]{2,8}(?:完成|结束)后，"
                        r"|新增加了|新增了|首届|首次举办|首次全部|首次实现|首次突破")  # what was new that year
# a local body's numbered plenary (市委四届八次全会): that place's meeting, not any writer's
# a rank one place won (位列国内前三, 西部领先、全国靠前), a named facility above a county
# (创建国家…创新中心, 建设西北…产业基地), named works finished together (甲线、乙段等建成投运)
_RANK_RE = re.compile(r"(?:位列|位居|稳居|跃居|名列|进入)(?:全国|全省|国内|西部|中部|东部|同类)"
                      r"|(?:全国|全省|西部|中部|东部)(?:领先|靠前|第一)(?!的)|零的突破"
                      r"|(?:入选|荣获|获评)“[^“”]{2,20}”"  # 入选“全国十大考古新发现”: an honour one place won
                      r"|获[^，。；]{0,8}通报表扬")
_FACILITY_RE = re.compile(rf"(?:创建|建设|打造|建成|争创|获批|维护)(?:国家|全国|中国|西北|西南|东北|华北|华东|华南|华中|西部|东部|中部)"
                          rf"[{HAN}、]{{0,16}}?(?:创新中心|中心|基地|集团|研究院|示范区|试验区|先行区|先导区|枢纽|屏障)(?![{HAN}])"
                          rf"|(?:建设|打造|共建|深化|建成|加快|推动|推进)[{HAN}]{{0,4}}?国际[{HAN}]{{0,8}}中心(?!任务|工作)"  # 深化国际科技创新中心建设: a great city's designation
                          rf"|(?:举办|办好|承办|建设|打造|推进|推动|建成|创建|运营|深化|加强|强化)[^，。；]{{0,8}}国际[{HAN}]{{0,6}}?"
                          r"(?:合作区|枢纽|论坛|电影节|音乐节|艺术节|度假区|大都市|科技大市场)")  # 办好…国际电影节: what one place hosts
_WORKS_RE = re.compile(r"、[^、，。；]{2,14}等(?:项目|工程|线路|片区|场馆|设施)?(?:相继|先后|顺利)?"
                       r"(?:建成|投运|开工|落地|获批|通车|竣工|开通|投产)")
# a named river, lake or mountain and what is done there (祁连山生态保护, 某河流域治理): one
# place's landscape; 绿水青山, 江河湖泊 and 山水林田湖草 are no names
_LANDSCAPE_RE = re.compile(rf"(?<![绿青碧名大小高深])([{HAN}]{{1,3}}(?:山|河|湖|江))(?=生态|流域|沿线|干流|支流|水系|国家公园|段|保护区|风景"
                           r"|大保护|综合治理|治理|经济带|岸线|沿岸|两岸|国家战略)")
_COMMON_LANDSCAPE = ("江河", "山河", "河湖", "江湖", "青山", "山水", "大江大河", "湖泊江河", "田湖", "矿山", "荒山", "内河", "沿河", "河道")
# a stretch of a named feature (国家文化公园{省}段, 大运河（{省}段）); a count in round words
# (上亿市场主体, 数万人): one place's figure
_STRETCH_RE = re.compile(r"\{(?:省|市|县|乡镇)\}段")
_ROUGHLY_RE = re.compile(r"(?:上|数|近|超)(?:亿|万|千)(?![年里])")
# a province by its one-character name in a compound (富民兴陇, 在津打造, 陇原大地, “川字号”): that province
_PROVINCE_SHORT_RE = re.compile(r"(?:[在来出入兴富强助赴]|扎根)(?:陇|津|川|蜀|冀|晋|辽|沪|皖|闽|赣|鲁|豫|鄂|湘|粤|桂|琼|渝|黔|滇|陕|浙)"
                                r"(?![流水阔升级迅])|(?:陇|蜀|川|津|黔|滇|湘|粤)(?:原|韵|字号|味|菜)")
# a quoted brand that carries a province's or region's own name (“天府粮仓”, “川妹子”, “蜀里安逸”,
# “浙BA”, “书香陇原”): that province's, whatever follows it
_REGION_BRAND_RE = re.compile(r"“[^”]{0,8}(?:天府|巴蜀|齐鲁|燕赵|三秦|八闽|荆楚|岭南|江南|中原|陇原|黔|滇|蜀|川(?!流)|浙|陇|津(?!津|贴)|沪|皖|赣|粤|湘"
                              r"|龙江|八桂|三晋|湖湘|三湘|赣鄱|江淮|云岭|北疆|雪域|(?<!复)苏(?!醒)|鲁(?!莽|班)|豫|(?<!希)冀|晋(?!升|级|位)|辽(?!阔)|闽|鄂|桂(?!冠)|琼|(?<!不)渝|陕)"
                              r"[^”]{0,8}”")
# a province by its literary name, which is no other word (龙江好物, 三秦大地, 八闽儿女, 江淮儿女):
# that province's wherever it stands; 中原, 江南, 岭南 also name wider lands, and stay
# a province's own goal (全面依法治省, 教育强省, 青年发展型省份, 先行省): said by
# that province; a county's are 依法治县, 教育强县
_PROVINCE_GOAL_RE = re.compile(r"(?<![加增])强省(?![市县乡级道委会长内外])|(?<![振复])兴省(?![市县乡级道委会长内外])"
                               r"|[法严]治省|型省份|(?:先行|示范)省(?![市县级道委会])")  # not 加强省市县联动, 整治省道, 振兴省级
_NICKNAME_RE = re.compile(r"龙江|八桂|三晋|三秦|八闽|荆楚|燕赵|齐鲁|陇原|三湘|湖湘|赣鄱|(?<!长)江淮|巴蜀|云岭|雪域高原|塞上江南|天府之国")
# a year of the zodiac (兔年大吉, 骐骥迎春 aside): that one year's greeting
_ZODIAC_RE = re.compile(r"[鼠牛虎兔龙蛇马羊猴鸡狗猪]年(?:大吉|吉祥|新春|春节|到来|伊始|之际|来临|将至|行大运|如意)")
# a named zone with its country in brackets (中国（某省）自由贸易试验区): one place's zone; provinces
# named together by their one-character names (晋冀鲁豫通道, 川藏协作, 粤黔协作): those provinces'
# own; an opening towards one direction (向北开放) is a border region's
_ZONE_RE = re.compile(r"中国（[^）]{1,8}）|([京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇陕陇甘藏蒙])(?!\1)[京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀黔滇陕陇甘藏蒙]"
                      r"|向(?:东北|东南|西北|西南|东|南|西|北)开放")
_MEETING_RE = re.compile(r"(?:省委|市委|县委|区委|州委|盟委|旗委|工委)[一二三四五六七八九十]+届"
                         r"[一二三四五六七八九十]+次(?:全会|全体(?:（扩大）)?会议)")
# a place's own attributes, two of them listed ({市}域面积小、城镇化率高): what that place is like
_ADJ = r"(?:小|大|高|低|多|少|广|强|弱|好|优|丰富|优越|独特|突出|密集|集中|便利|薄弱)"
_ATTRIBUTE_RE = re.compile(rf"(?:\{{(?:省|市|县|乡镇|村)\}}|[我本全][省市县区镇乡村])域?[{HAN}]{{1,5}}?{_ADJ}"
                           rf"、[{HAN}]{{1,5}}?{_ADJ}(?=[、，的])")
# firms or places named in a list and told by their kind (甲科技、乙卫星等商业航天企业, 甲、乙等地):
# one place's own; a list of kinds (国有企业、民营企业等各类企业, 山区、牧区等地) is no name
_NAMED_LIST_RE = re.compile(rf"((?:[{HAN}]{{2,6}}、)+[{HAN}]{{2,6}})(?:等(?:[^，。；、的到向给在与和对把]{{0,6}}?(?:企业|公司|集团)"
                            r"|地(?![方区域位]))|(?:成功)?(?:入选|上市|获评|获批|荣获|获得))")
_KIND_ITEM_RE = re.compile(r"(?:业|型|类|化|营|资|有|微|单位|主体|机构|部门|领域|公司|集团|组织|协会|商会|中心|平台|人才|人员|群体|农户"
                           r"|银行|学校|医院|区|地方|城市|农村|乡村|基层|社区|乡镇|县|市|省)$")
# a school by its number (一中人, 一中风景, 提出一中方案): that school's own
_SCHOOL_SELF_RE = re.compile(r"(?<![统唯万之第专同划单逐])[一二三四五六七八九十]中(?=人|学子|师生|校友|风景|特色|方案|实际|精神|校园)"
                             rf"|[{HAN}]{{2}}(?:附中|附小)")  # 人大附中, 师大附小: a school attached to a university, by name
# a person introduced by name (一个叫舒舒，名叫…): one story's person
# who said the words just quoted (“…。”梁杰说，“…”): a news feature's speaker
_SAID_RE = re.compile(r"”([\u4e00-\u9fff]{2,3}?)(?:说|表示|介绍|坦言|感慨|告诉记者|笑着说)")
_CALLED_RE = re.compile(rf"(?:名叫|(?<![才就也这那])叫[做作]|(?<=[个位名])叫)([{HAN}]{{2,3}}?)(?=[，。、；！？）]|是|的)")
_NAMED_WORK_RE = re.compile(r"(?:的)?“[^”]{2,10}”")
# a person named for a case (汲取张三等严重违纪违法案件教训)
_CASE_RE = re.compile(rf"([{HAN}]{{2,3}}?)等(?:人)?(?:严重)?违纪违法(?:犯罪)?案件")
# a person's name heading a report (张三述职述德述廉报告)
_REPORTER_RE = re.compile(rf"(?:^|(?<=[，。；：]))([{HAN}]{{2,3}}?)(?:同志)?(?=述(?:职|德|廉|责|学))")
# the level a nearby word gives a praised placeholder (省委…美丽XX → {省})
_LEVEL_WORD_RE = re.compile(r"(省委|[全我本]省)|(市委|[全我本]市)|(县委|区委|[全我本][县区])|((?:镇|乡)党委|[全我本][镇乡])")
_LEVEL_OF_WORD = ("省", "市", "县", "乡镇")
# what may stand between a quoted coinage and its head (“X”消费新场景): no verb or particle
_MODIFIER = "[^\\W的是有才了在和与为把将就都也要让使对从以及或并而但、，。；：！？“”]"


def region_brand(term: str) -> bool:
    """A quoted formulation that carries a province's or region's own name (品质浙货、行销天下)."""
    return bool(_REGION_BRAND_RE.search(f"“{term}”"))


@dataclass(frozen=True)
class Lexicon:
    surnames: frozenset[str]
    posts: tuple[str, ...]
    post_prefixes: frozenset[str]
    org_suffixes: tuple[str, ...]
    place_claims: tuple[str, ...]
    generic_heads: tuple[str, ...]
    word_tails: frozenset[str]
    report_verbs: tuple[str, ...]
    generic_subjects: frozenset[str]
    national_only: tuple[str, ...]
    anaphoric: tuple[str, ...]
    not_anaphoric: tuple[str, ...]  # words that begin like one and are not: 就业, 故事, 才能
    places: dict[str, str]  # name (full or short) → level 省/市/县
    short: frozenset[str]  # names recognised without their suffix
    in_context: frozenset[str]  # of those, two-character ones that read as words too (榆中): only in context
    short_of: dict[str, str]  # full name → its short name (敦煌市 → 敦煌)
    prefixes: dict[str, tuple[int, ...]]  # the first two characters of place names → their lengths, longest first
    starts: re.Pattern[str]  # where a place name can start (its first two characters): where to look at all
    post_re: re.Pattern[str]  # any post
    after_post_re: re.Pattern[str]  # a post followed by a name: 局长姚国海专程…
    generic_head_re: re.Pattern[str]  # a head that ends in a generic place word
    national_re: re.Pattern[str]
    dated_re: re.Pattern[str]  # 新冠, 决胜全面建成小康社会: matters of a time gone by
    report_re: re.Pattern[str]
    national_object_re: re.Pattern[str]  # 国家实验室, 双边投资协定: a level above a province + what only it keeps
    area_re: re.Pattern[str]  # 攀西经济区, 南部次中心, 长三角: an area of one place
    area_generic: frozenset[str]
    coinage_re: re.Pattern[str]  # “X”行动, 平台“X”: a quoted coinage, the quotation in group 1 or 2
    school_re: re.Pattern[str]  # 再见了宝中: a one-character short school name
    not_school: frozenset[str]
    not_place_after: tuple[str, ...]  # {名称}世界观: a placeholder for a doctrine or a leader
    praise_re: re.Pattern[str]  # 秀美云霄, 美丽XX: a praised place
    praise: tuple[str, ...]
    not_names: frozenset[str]  # words in a name's place that are no name (年度述职, 个人述职)
    known_orgs_re: re.Pattern[str]  # organisations known by a short name (北大, 清华)
    own_org_re: re.Pattern[str]  # the endings of an organisation's name (see orgs_named)
    own_org_suffixes: tuple[str, ...]
    org_kind_heads: tuple[str, ...]
    org_not_names: tuple[str, ...]
    formula_re: re.Pattern[str]  # the formula names, longest first


@cache
def load_lexicon(extra: tuple[Path, ...] = ()) -> Lexicon:
    from wengao.reading.lexicon import load_lexicon as reading_lexicon

    data = load_yaml(DATA / "names.yaml")
    for path in extra:
        more = load_yaml(path) or {}
        for k, v in more.items():
            data[k] = list(data.get(k, [])) + list(v)
    places: dict[str, str] = {}
    short: set[str] = set()
    short_of: dict[str, str] = {}
    in_context: set[str] = set()  # two-character short names that are also words: only in context
    for line in (DATA / "places.tsv").read_text(encoding="utf-8").splitlines():
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        places.setdefault(cols[0], cols[1])
        if len(cols) > 2 and cols[2]:
            name = cols[2].rstrip("*")
            places.setdefault(name, cols[1])
            short.add(name)
            short_of.setdefault(cols[0], name)
            if cols[2].endswith("*") and len(name) == 2:
                in_context.add(name)
    by_len = lambda xs: tuple(sorted(set(xs), key=lambda x: (-len(x), x)))  # noqa: E731 - ties in a fixed order
    posts = by_len(data["posts"])
    alt = "|".join(map(re.escape, posts))
    return Lexicon(
        surnames=reading_lexicon().surnames | frozenset(data.get("surnames") or ()), posts=by_len(data["posts"]),
        post_prefixes=frozenset(data["post_prefixes"]),
        org_suffixes=by_len(data["org_suffixes"]), place_claims=by_len(data["place_claims"]),
        generic_heads=by_len(data["generic_place_heads"]),
        word_tails=frozenset(data["place_word_tails"]), report_verbs=by_len(data["report_verbs"]),
        generic_subjects=frozenset(data["generic_subjects"]), national_only=by_len(data["national_only"]),
        anaphoric=by_len(data["anaphoric_starts"]), not_anaphoric=by_len(data.get("not_anaphoric") or ()),
        places=places, short=frozenset(short),
        in_context=frozenset(in_context), short_of=short_of,
        prefixes=_sizes_by_prefix(places),
        # the first character of a name followed by a possible second: far fewer places to look
        starts=re.compile("[" + "".join(sorted({re.escape(name[0]) for name in places})) + "]"
                          "(?=[" + "".join(sorted({re.escape(name[1]) for name in places if len(name) > 1})) + "])"),
        post_re=re.compile(f"(?:{alt})"),
        after_post_re=re.compile(f"(?:{alt})([{HAN}]{{2,3}}?)(?=[，。、；：！？]|专程|同志|代表|主持|出席|指出|强调|表示|讲话|点评|在)"),
        generic_head_re=re.compile("(?:" + "|".join(map(re.escape, by_len(data["generic_place_heads"]))) + ")$"),
        national_re=re.compile("|".join(map(re.escape, by_len(data["national_only"])))),
        dated_re=re.compile("|".join(map(re.escape, by_len(data["dated"])))),
        report_re=re.compile("|".join(map(re.escape, by_len(data["report_verbs"])))),
        national_object_re=re.compile(f"(?:{_alt(data['national_levels'])})[{HAN}]{{0,8}}?(?:{_alt(data['national_objects'])})"),
        area_re=re.compile(f"(?:{_alt(data['regions'])})(?![^，。]{{0,8}}(?:市场|客户|订单))|([{HAN}]{{2}})(?:{_alt(data['area_suffixes'])})"),
        area_generic=frozenset(data["area_generic"]),
        coinage_re=re.compile(f"“([^“”{{}}]{{2,12}})”{_MODIFIER}{{0,4}}?(?:{_alt(data['coinage_heads'])})"
                              f"|(?:{_alt(data['coinage_kinds'])})“([^“”{{}}]{{2,12}})”"),
        school_re=re.compile(f"(?:{_alt(data['school_before'])})([{HAN}])中(?=[，。、！？；的]|$)"),
        not_school=frozenset(data["not_school"]),
        not_place_after=by_len(data["placeholder_not_place"]),
        praise_re=re.compile(f"(?:{_alt(data['praise_verbs'])})(?:{_alt(data['place_praise'])})(?=([{HAN}]{{2}}))"),
        praise=tuple(data["place_praise"]), not_names=frozenset(data["not_names"]),
        known_orgs_re=re.compile("|".join(data.get("known_organisations") or ["(?!)"])),
        own_org_re=re.compile(_alt(data["own_org_suffixes"])), own_org_suffixes=by_len(data["own_org_suffixes"]),
        org_kind_heads=by_len(data["org_kind_heads"]), org_not_names=by_len(data["org_not_names"]),
        formula_re=re.compile(_alt(data["formula_names"])),
    )


def _sizes_by_prefix(names) -> dict[str, tuple[int, ...]]:
    """Where a name can start (its first two characters), the lengths names starting so have."""
    sizes: dict[str, set[int]] = {}
    for name in names:
        sizes.setdefault(name[:2], set()).add(len(name))
    return {k: tuple(sorted(v, reverse=True)) for k, v in sizes.items()}


def _alt(words: list[str]) -> str:
    """A regex alternation of `words`, the longest first."""
    return "|".join(map(re.escape, sorted(set(words), key=lambda x: (-len(x), x))))


@dataclass(frozen=True)
class Name:
    start: int
    end: int
    text: str
    kind: str  # place | person | org
    level: str = ""  # places: 省 市 县 乡镇 村; orgs: 单位
    anonymous: bool = False


def _boundary_before(text: str, i: int) -> bool:
    return i == 0 or text[i - 1] in _BOUNDARY or not "\u4e00" <= text[i - 1] <= "\u9fff"  # HAN_RE, one character


def _gazetteer(text: str, lex: Lexicon) -> list[Name]:
    """Administrative divisions named in full (绍兴市, 安吉县) or by a short name (浙江)."""
    out: list[Name] = []
    n = len(text)
    prefixes = lex.prefixes
    end = 0
    for m in lex.starts.finditer(text):  # only where a place name can start, not every character
        i = m.start()
        sizes = prefixes.get(text[i:i + 2]) if i >= end else None
        if sizes is None:
            continue
        if i and text[i - 1:i + 1] in lex.praise:
            continue  # 美丽江苏 holds no 丽江: its first character ends the word before it
        found = None
        for size in sizes:
            if i + size > n:
                continue
            piece = text[i:i + size]
            level = lex.places.get(piece)
            if level is None:
                continue
            if size == 2 and piece not in lex.short and not _boundary_before(text, i):
                continue  # 提高县域 holds no 高县
            if piece in lex.short:
                after = text[i + size:i + size + 1]
                if after and after in "省市县区州":
                    continue  # the full name is longer: let the suffix form match
                if size == 2 and piece in lex.in_context and not _place_in_context(text, i):
                    continue  # 榆中, 敦煌 alone: only in a list of places or before a site (敦煌研究院)
            found = Name(i, i + size, piece, "place", level)
            break
        if found:
            out.append(found)
            end = found.end
    return out


# what may follow a two-character short name that is also a word (see data/places.tsv) for it
# to be a place: a list of places (迭部、碌曲), a route (尖扎至贵德), a site or an event there,
# perhaps after a few words naming it (陇西地震, 武威工业园区, 长春循环经济产业园, 珲春口岸)
_PLACE_AFTER_RE = re.compile(r"、|等(?:地|县|市)|至|国家级|[\u4e00-\u9fff]{0,4}?(?:机场|口岸|高速|铁路|园区|工业园|产业园|经开区"
                             r"|开发区|高新区|综保区|保税区|都市圈|经济圈|中学|小学|医院|景区|遗址|水库|灌区|研究院|古城"
                             r"|片区|城区|新城|新区)|港(?!澳)|站(?![在起])|地震|山洪|泥石流|段|境内|籍|模式|经验")


def _place_in_context(text: str, i: int) -> bool:
    """The two-character short name at `i` stands as a place, by what comes before or after it;
    the first item of a list (敦煌、永靖) must also start where a word can."""
    if text[i - 1:i] == "、":
        return True  # the next item of a list: 敦煌、瓜州
    m = _PLACE_AFTER_RE.match(text, i + 2)
    if not m:
        return False
    return m.group(0) != "、" or _boundary_before(text, i)


def _form_places(text: str, lex: Lexicon) -> list[Name]:
    """Villages, towns and streets by form: a name before 村/镇/乡/街道/社区 (横一村, 余村)."""
    out: list[Name] = []
    for suffix in _FORM_SUFFIXES:
        start = 0
        while (at := text.find(suffix, start)) >= 0:
            start = at + len(suffix)
            end = at + len(suffix)
            tail = text[end:end + 1]
            if tail in lex.word_tails or (suffix == "村" and text[end:end + 2] == "一品"):
                continue
            if suffix in ("乡", "镇") and "\u4e00" <= tail <= "\u9fff" and text[end:end + 2] not in (
                    "政府", "党委", "人民", "人大", "纪委"):
                continue  # 乡/镇 inside a word (乡贤, 镇守) rather than ending a name
            head = ""
            k = at
            while k > 0 and "\u4e00" <= text[k - 1] <= "\u9fff" and len(head) < 4:  # HAN_RE, one character
                head = text[k - 1] + head
                k -= 1
            if not head:
                continue
            if head.endswith(lex.generic_heads):  # generic_head_re, on a head of Chinese characters
                continue
            if suffix == "村" and head[-1:] in "一二三四五六七八九十" and len(head) == 1:
                continue
            # the name: at most three characters before the suffix, after a boundary if one is near
            name_start = at - min(len(head), 3)
            for j in range(at - 1, at - len(head) - 1, -1):
                if text[j] in _BOUNDARY:
                    name_start = j + 1
                    break
            out.append(Name(name_start, end, text[name_start:end], "place", LEVEL_OF_SUFFIX[suffix]))
    return out


def _persons(text: str, lex: Lexicon) -> list[Name]:
    out: list[Name] = []
    prefixes = lex.post_prefixes
    for pm in lex.post_re.finditer(text):
        post, at = pm.group(0), pm.start()
        for size in (3, 2, 1):
            if at - size < 0:
                continue
            name = text[at - size:at]
            if not _HAN_ONLY_RE.match(name):
                continue
            if name[0] not in lex.surnames and name[:2] not in lex.surnames:
                continue
            if any(name[-k:] in prefixes for k in range(1, size + 1)) or \
                    any(name[:k] in prefixes for k in range(2, size + 1)):
                continue
            if post == "同志" and size == 1:
                continue  # 老同志, 女同志 …
            out.append(Name(at - size, at + len(post), text[at - size:at + len(post)], "person"))
            break
    for m in lex.after_post_re.finditer(text):
        name = m.group(1)
        if (name[0] in lex.surnames or name[:2] in lex.surnames) and name not in lex.post_prefixes:
            out.append(Name(m.start(1), m.end(1), name, "person"))
    for m in _SURNAME_SOME_RE.finditer(text) if "某" in text else ():
        if m.group(1) in lex.surnames:
            out.append(Name(m.start(), m.end(), m.group(0), "person"))
    for m in _ANON_PERSON_RE.finditer(text) if _ANON_MARK_RE.search(text) else ():
        out.append(Name(m.start(), m.end(), m.group(0), "person", anonymous=True))
    for rx, mark in ((_CALLED_RE, "叫"), (_REPORTER_RE, "述"), (_CASE_RE, "案件"), (_SAID_RE, "”")):  # each match holds its mark
        for m in rx.finditer(text) if mark in text else ():
            name = m.group(1)
            if name[0] in lex.surnames and name not in lex.post_prefixes and name not in lex.not_names:
                out.append(Name(m.start(1), m.end(1), name, "person"))
    return out


def _reported(text: str, lex: Lexicon) -> bool:
    """Someone named reports or is reported: "姚国海点评并讲话", "国采中心负责人表示"."""
    for vm in lex.report_re.finditer(text):
        verb, at = vm.group(0), vm.start()
        before = text[max(0, at - 6):at]
        m = _SUBJECT_RE.search(before)
        if not m:
            continue
        subject = m.group(1)
        if any(subject.endswith(g) for g in lex.generic_subjects):
            continue
        if _persons(subject + verb, lex):
            return True
        if at == 2 and text[0] in lex.surnames and verb in _REPORTING and _HAN_ONLY_RE.match(text[:2]):
            return True  # 蒋明总结点评了…: a two-character name opening the sentence
        name = text[max(0, at - 3):at]
        if len(name) == 3 and re.fullmatch(f"[{HAN}]+", name) and name[0] in lex.surnames and \
                _boundary_before(text, at - 3) and name not in lex.generic_subjects:
            return True  # 姚国海点评
        if subject.endswith(("中心", "负责人", "厅", "局", "委", "办", "部", "处", "集团", "公司", "学校",
                             "中学", "小学", "大学", "学院")):
            return True
    return False


_NAMES_CACHE: dict[tuple[int, str], list[Name]] = {}


def find_names(text: str, lex: Lexicon) -> list[Name]:
    """Every name in `text`, leftmost first, none overlapping (remembered: official writing
    repeats its stock sentences from document to document)."""
    key = (id(lex), text)
    found = _NAMES_CACHE.get(key)
    if found is None:
        if len(_NAMES_CACHE) > 200_000:
            _NAMES_CACHE.clear()
        found = _NAMES_CACHE[key] = _find_names(text, lex)
    return found


def _find_names(text: str, lex: Lexicon) -> list[Name]:
    names: list[Name] = []
    anon = _ANON_MARK_RE.search(text)  # the _ANON patterns open with a lookbehind: searched only when they can match
    for m in _ANON_RE.finditer(text) if anon else ():
        names.append(Name(m.start(), m.end(), m.group(0), "place", LEVEL_OF_SUFFIX[m.group(1)], anonymous=True))
    for m in _ANON_TOWN_RE.finditer(text) if anon else ():
        names.append(Name(m.start(), m.end(), m.group(0), "place", LEVEL_OF_SUFFIX[m.group(1)], anonymous=True))
    for m in _ANON_ORG_RE.finditer(text) if anon else ():
        names.append(Name(m.start(), m.end(), m.group(0), "org", "单位", anonymous=True))
    names += _gazetteer(text, lex)
    names += _form_places(text, lex)
    names += _persons(text, lex)
    names += _shaped(text, lex)
    names.sort(key=lambda n: (n.start, -(n.end - n.start)))
    out: list[Name] = []
    for n in names:
        if out and n.start < out[-1].end:
            continue
        out.append(n)
    return out


def _shaped(text: str, lex: Lexicon) -> list[Name]:
    """Names known by what surrounds them: a praised place (秀美云霄: 云霄县 in the gazetteer), an
    area (攀西经济区, 南部次中心, 长三角) and a short school name (再见了宝中)."""
    out: list[Name] = []
    for m in lex.praise_re.finditer(text):
        two = m.group(1)
        for suffix in ("县", "市", "区", "省", "旗"):
            level = lex.places.get(two + suffix)
            if level and text[m.end() + 2:m.end() + 3] not in ("县", "市", "区", "省", "旗"):
                out.append(Name(m.end(), m.end() + 2, two, "place", level))
                break
    for m in lex.area_re.finditer(text):
        if m.group(1) is None:  # a region by its short name
            out.append(Name(m.start(), m.end(), m.group(0), "place", "区域"))
            continue
        before = text[max(0, m.start(1) - 2):m.end(1)]
        if any(before.endswith(g) for g in lex.area_generic):
            continue
        out.append(Name(m.start(1), m.end(), m.group(0), "place", "区域"))
    for m in lex.school_re.finditer(text):
        if m.group(1) not in lex.not_school:
            out.append(Name(m.start(1), m.end(1) + 1, m.group(1) + "中", "org", "单位"))
    return out


def home_places(whole: str, front: str, lex: Lexicon) -> set[str]:
    """The document's own places: named in its title or author line, or again and again in
    `whole`, its paragraphs joined by line breaks."""
    whole = _formula(whole, lex)  # 井冈山精神 names no place of the document
    counts = Counter(n.text for n in (*_gazetteer(whole, lex), *_form_places(whole, lex)))
    # a county named in full once or twice (陆河县文明办) and by its short name beside (让陆河变得
    # 更加美丽): the short name, a word elsewhere, is counted too where it starts a word (not 同心同德)
    home = {name for name, c in counts.items() if c >= 3 or name in lex.short_of and c + _short_uses(whole, name, lex) >= 3}
    for n in find_names(front, lex):
        if n.kind == "place":
            home.add(n.text)
    return home | {lex.short_of[name] for name in home if name in lex.short_of}  # 敦煌市 → 敦煌 too


def _short_uses(whole: str, full: str, lex: Lexicon) -> int:
    """How often the short name of `full` stands alone at the start of a word (让陆河, ，陆河)."""
    short, n, at = lex.short_of[full], 0, whole.find(lex.short_of[full])
    while at >= 0:
        if not whole.startswith(full, at) and _boundary_before(whole, at):
            n += 1
        at = whole.find(short, at + 1)
    return n


_FULL_NAME_RE = re.compile(r"[\u4e00-\u9fff]{3,4}")
# a name never ends like a body or a place (林业局局长, 师范大学校长, 全国班主任 hold no person), and
# a surname that is also a grammatical word may only begin a phrase (学校和家庭, 于这类, 管理中)
_BODY_ENDS = frozenset("局院校学班委部办所厅处科队站县市区乡镇村司行会社团园馆组室省报")
_FUNCTION_SURNAMES = frozenset("于和向关曾管党全程高施焦从与及把对为夏甘")


def people_named(whole: str, lex: Lexicon) -> frozenset[str]:
    """The people a document names with a post or as a speaker somewhere (闫小乐同志, 第一书记雷伯勇,
    …”梁杰说): full names of three or four characters that recur, which then name that person
    wherever they stand without the post (但是闫小乐不为金钱所驱动). Two-character names are left to
    their posts: 高明 is also a word."""
    found = set()
    for n in _persons(whole, lex):
        if n.anonymous:
            continue
        bare = n.text
        post = lex.post_re.search(bare)
        if post and post.start() > 0:
            bare = bare[:post.start()]
        if _FULL_NAME_RE.fullmatch(bare) and bare[0] not in _FUNCTION_SURNAMES and bare[-1] not in _BODY_ENDS \
                and whole.count(bare) >= 2 and not lex.formula_re.search(bare):  # 孙中山 is cited anywhere
            found.add(bare)
    return frozenset(found)


def orgs_named(whole: str, lex: Lexicon) -> frozenset[str]:
    """The organisations a document names twice or more by a name and an ending (华为公司, 建行大学,
    宝轮中学): a sentence naming one is that organisation's, wherever the name stands. A name is two
    to four characters that start where a word can, is no kind of body (公立医院, 中心小学, 行业协会)
    and no verb before one (鼓励银行, 考入清华大学: data/names.yaml); the ending ends a word (not
    大学习, 小学生); of the names one ending gives, the shortest that recurs stands for the longer
    ones. A short name alone (华为) is not taken: it cannot be told from a common word (行政, 中心)."""
    counts: Counter[str] = Counter()
    for m in lex.own_org_re.finditer(whole):
        at, suffix = m.start(), m.group(0)
        if whole[m.end():m.end() + 1] in _WORD_GOES_ON:
            continue  # 大学习, 小学生, 学院派: the ending is inside a longer word
        for size in (2, 3, 4):
            name = whole[at - size:at] if at >= size else ""
            if not name or not _HAN_ONLY_RE.match(name) or not _boundary_before(whole, at - size):
                continue
            if name[0] in _NOT_ORG_FIRST or name.startswith(lex.org_not_names) or name.startswith(lex.org_kind_heads) \
                    or name.endswith(lex.org_kind_heads) \
                    or any(len(k) > len(suffix) and (name + suffix).endswith(k) for k in lex.org_kind_heads):
                continue  # a kind that runs into the ending (中小学) is no name either
            counts[name + suffix] += 1
    found = {n for n, c in counts.items() if c >= 2}
    return frozenset(n for n in found if not any(o != n and n.endswith(o) for o in found))  # 庆祝清华大学 → 清华大学


_WORD_GOES_ON = frozenset("习生派化期段费里内外")
_NOT_ORG_FIRST = frozenset("各本我该全每此其这那某一两几多诸贵")


def _home_shorts(text: str, home: set[str], names: list[Name], lex: Lexicon) -> list[Name]:
    """The document's own county by its short name wherever it stands (为敦煌发展贡献力量): in
    that document it can only mean that place; elsewhere it counts only in context (_gazetteer)."""
    extra = []
    for short in home & lex.in_context:
        start = 0
        while (at := text.find(short, start)) >= 0:
            start = at + len(short)
            if not any(n.start <= at < n.end for n in names):
                extra.append(Name(at, at + len(short), short, "place", lex.places[short]))
    return sorted(names + extra, key=lambda n: n.start) if extra else names


def place_names(text: str, lex: Lexicon) -> list[Name]:
    """The places `text` names, not counting those inside a fixed formulation (井冈山精神)."""
    return [n for n in find_names(_formula(text, lex), lex) if n.kind == "place"]


def _formula(text: str, lex: Lexicon) -> str:
    """`text` with the fixed formulations' names (习近平, 井冈山精神) masked, so no rule reads them."""
    if not lex.formula_re.search(text):
        return text
    return lex.formula_re.sub(lambda m: "\x01" * len(m.group(0)), text)


def slot_names(text: str, home: set[str], lex: Lexicon) -> tuple[str, str]:
    """(text with places made slots, "" ) or ("", why) when the sentence is about one place or
    person. A slot is never made inside a longer proper noun, nor for a claim only one place makes."""
    masked = _formula(text, lex)
    names = find_names(masked, lex)
    if home & lex.in_context:
        names = _home_shorts(masked, home, names, lex)
    why = _placeholder_reason(masked, names, lex)
    if why:
        return "", why
    if not names:
        return _bare_slots(text, lex)
    out = []
    last = 0
    used: dict[str, str] = {}
    for n in names:
        if n.kind == "person":
            return "", "person"
        if not n.anonymous and n.kind == "org":
            return "", "organisation"  # 再见了宝中: a school by its short name
        after = masked[n.end:n.end + 16]
        named = _NAMED_WORK_RE.match(after)  # 浙江“千万工程”经验: the claim after the place's own programme
        if n.kind == "place" and any(after.startswith(c) or named and after[named.end():].startswith(c)
                                     for c in lex.place_claims):
            return "", "claim"  # 浙江经验, 余村模式: what one place did, not what any place can say
        suffix = _org_suffix(after, lex) if n.kind == "place" else None
        if suffix is not None:
            # 绍兴一中, 成都国家植物园: the place is part of an organisation's name; the whole name is the slot
            if not (n.anonymous or n.text in home):
                return "", "organisation"
            n = Name(n.start, n.end + len(suffix), n.text + suffix, "org", "单位", n.anonymous)
        if not n.anonymous and n.kind == "place" and (n.text not in home or n.level == "区域"):
            return "", "place"
        if not n.anonymous and _CLAIM_RE.search(text):
            return "", "claim"
        slot = "{" + (n.level or "单位") + "}"
        if used.get(n.level, n.text) != n.text:
            return "", "places"  # two different places of one level: no single slot says it
        used[n.level] = n.text
        out.append(text[last:n.start] + slot)
        last = n.end
    out.append(text[last:])
    return _bare_slots("".join(out), lex)


def _bare_slots(text: str, lex: Lexicon) -> tuple[str, str]:
    """Bare placeholders become {名称}; one after a word praising a place (美丽XX) names that place:
    it takes the level of the nearest level word (省委, 全县 …), the one before it first."""
    out = []
    last = 0
    for m in _ANON_BARE_RE.finditer(text) if _ANON_MARK_RE.search(text) else ():
        slot = "{名称}"
        if text[:m.start()].endswith(lex.praise):
            # the nearest level word before it governs (省委建设美丽XX的部署和市委…), else the nearest after
            words = [(w.start() > m.start(), abs(w.start() - m.start()), w.lastindex)
                     for w in _LEVEL_WORD_RE.finditer(text)]
            if words:  # with none, {名称} says no more than the text does (绘就美丽XX新画卷)
                slot = "{" + _LEVEL_OF_WORD[min(words)[2] - 1] + "}"
        out.append(text[last:m.start()] + slot)
        last = m.end()
    out.append(text[last:])
    return "".join(out), ""


def _placeholder_reason(text: str, names: list[Name], lex: Lexicon) -> str:
    """"quantity" or "person" when a bare placeholder (one not part of X县, X局 …) stands for a
    date, a count or a person: a slot cannot say which, and {名称} would say it wrongly."""
    for m in _ANON_BARE_RE.finditer(text) if _ANON_MARK_RE.search(text) else ():
        if any(n.start <= m.start() < n.end for n in names):
            continue
        after = text[m.end():m.end() + 4]
        if _PH_FIGURE_RE.match(after):
            return "quantity"
        if text[m.end():].startswith(lex.not_place_after):
            return "person"  # {名称}世界观, XX同志: a doctrine or a leader, not a place
        if lex.post_re.match(after) or text[max(0, m.start() - 4):m.start()].endswith((*lex.posts, "代表")):
            return "person"
    return ""


def _counted(text: str) -> bool:
    """One place's own counted list (十方面民生实事), not a national count (三大攻坚战)."""
    from wengao.mining.formulations import national_formulations

    known = national_formulations()
    return any(not text.startswith(tuple(known), m.start()) for m in _COUNTED_RE.finditer(text))


def coinages(text: str, lex: Lexicon) -> list[str]:
    """Quoted coinages a sentence names as one programme, brand or site (“X”行动, “X”旅游公路,
    平台“X”, “X班”): kept only when national (data/formulations.txt) or used by two files, which
    only the whole mine can tell (pipeline)."""
    from wengao.mining.formulations import national_formulations

    known = national_formulations()
    found = [m.group(1) or m.group(2) for m in lex.coinage_re.finditer(text)]
    found += _CLASS_RE.findall(text)
    return [c for c in found if c not in known and "+" not in c]  # “养老+行业”: a formula, no brand


def _own_programme(text: str) -> bool:
    """_OWN_PROGRAMME_RE, but not for a programme every place carries out (“雪亮工程”, “国培计划”:
    data/programmes.txt)."""
    from wengao.mining.formulations import carried_programmes

    return any((m.group(1) or m.group(2)) not in carried_programmes() for m in _OWN_PROGRAMME_RE.finditer(text))


def _local_count(text: str) -> bool:
    """A quoted count-formulation that is not a national one (“四大能力提升行动”, “一组一会”)."""
    from wengao.mining.formulations import national_formulations

    known = national_formulations()
    return any(m.group(1) not in known for m in _QUOTED_COUNT_RE.finditer(text)) or \
        any(not text.startswith(tuple(known), m.start()) for m in _COUNTED_PAIR_RE.finditer(text))  # 千村示范、万村整治经验


def _org_suffix(after: str, lex: Lexicon) -> str | None:
    """What follows a place up to the end of an organisation's name: 一中, 人民医院, 国家植物园;
    the longest such name (绍兴一中教育集团, not 绍兴一中), whatever order the suffixes are in."""
    ends = []
    for s in lex.org_suffixes:
        at = after.find(s)
        if 0 <= at <= 4 and _HAN_ONLY_RE.match(after[:at + len(s)]) and (at == 0 or len(s) >= 2):
            ends.append(at + len(s))
    return after[:max(ends)] if ends else None


_REASONS: dict[str, str] = {}


def fact_reason(text: str, lex: Lexicon) -> str:
    """Why a sentence (slots already made) is one place's fact, or "" when a writer can reuse it."""
    found = _REASONS.get(text)
    if found is None:
        if len(_REASONS) > 200_000:
            _REASONS.clear()
        found = _REASONS[text] = _fact_reason(text, lex)
    return found


def _landscape(plain: str) -> bool:
    return any(not m.group(1).endswith(_COMMON_LANDSCAPE) for m in _LANDSCAPE_RE.finditer(plain))


def _named_list(plain: str) -> bool:
    return any(not plain.startswith(("各类", "各种", "多种", "不同"), m.end(1) + 1)
               and not all(_KIND_ITEM_RE.search(item) for item in m.group(1).split("、"))
               for m in _NAMED_LIST_RE.finditer(plain))


_AHEAD_RE = re.compile(r"走在(?:全国|全省|西部|中部|东部)前列(?=[，。；！]|$)")
_AIMING_RE = re.compile(r"争|要|努力|奋力|推动|确保|为|助力|使|让|促进|实现|成为|继续|始终|持续|更好|保持")


def _ahead(plain: str) -> bool:
    """走在全国前列 told as what was done, not as what to aim for (推动…走在全省前列)."""
    for m in _AHEAD_RE.finditer(plain):
        start = max(plain.rfind(p, 0, m.start()) for p in "，。；")
        if not _AIMING_RE.search(plain, start + 1, m.start()):
            return True
    return False


def _local_title(plain: str) -> bool:
    """A title of one place's own (a place or a slot in it, 我校…), or a named column (《X》栏目)."""
    return any(_LOCAL_TITLE_RE.search(m.group(1)) or plain.startswith(_COLUMN_HEADS, m.end())
               for m in _TITLE_RE.finditer(plain))


# a sentence naming its place more than twice speaks of that place: its positioning (创新{名称}、
# 实力{名称}、美丽{名称}…), its pitch to investors (看好{省}、选择{省}、扎根{省})
PLACE_SLOTS_MAX = 2

# Why a sentence is one place's fact, tried in this order on (the text with its slots, the text
# without them); the first that holds names the reason.
_FACTS: tuple[tuple[str, Callable[[str, str], object]], ...] = (
    ("number", lambda t, p: _DIGIT_RE.search(p)),
    ("quantity", lambda t, p: _QTY_RE.search(_IDIOM_RE.sub("", _GENERIC_YEARS_RE.sub("", p)))),
    ("note", lambda t, p: _ABBREV_RE.search(p) or _NOTE_RE.search(p) or _GLOSSED_RE.match(p)),
    ("programme", lambda t, p: _QUOTED_SLOT_RE.search(t) or _local_count(p) or _own_programme(p)),
    ("quantity", lambda t, p: _counted(p) or _ROUND_RE.search(p) or _SHARE_RE.search(p) or _ANCHOR_RE.search(p)),
    ("local_meeting", lambda t, p: _MEETING_RE.search(p)),
    ("claim", lambda t, p: _RANK_RE.search(p) or _FACILITY_RE.search(p) or _WORKS_RE.search(p) or _ahead(p)),
    ("place", lambda t, p: _STRETCH_RE.search(t) or _PROVINCE_SHORT_RE.search(p) or _REGION_BRAND_RE.search(p)),
    ("place", lambda t, p: t.count("{") >= PLACE_SLOTS_MAX + 1),
    ("quantity", lambda t, p: _ROUGHLY_RE.search(p)),
    ("place", lambda t, p: _ZONE_RE.search(t) or _landscape(p) or _NICKNAME_RE.search(p) or _PROVINCE_GOAL_RE.search(p)),
    ("claim", lambda t, p: _ATTRIBUTE_RE.search(t)),
    ("enumerator", lambda t, p: LIST_ITEM_RE.match(p)),
    ("place", lambda t, p: _SITE_RE.search(p)),
    ("quantity", lambda t, p: _YEAR_RE.search(p) or _BATCH_RE.search(p) or _LOCAL_ORDINAL_RE.search(p)
     or _ZODIAC_RE.search(p)),
    ("local_title", lambda t, p: _OWN_TITLE_RE.search(p) or _OWN_THEME_RE.search(p)),
    ("organisation", lambda t, p: _ORG_SUBJECT_RE.search(p) or ("、" in p and _named_list(p)) or _SCHOOL_SELF_RE.search(p)),
    ("local_title", lambda t, p: _local_title(t)),  # 《{省}民营经济促进条例》: a slot inside is a place's own title
)


# a lever only the state holds, pulled: a tax instrument set, widened or cut (扩大…税收优惠范围,
# 实施…递延纳税), the centre's fiscal stance, a pilot widened, a law being made; carrying one out
# (落实税收优惠政策, 用好积极的财政政策) is anyone's task
_LEVER_RE = re.compile(r"(?:扩大|提高|降低|延续|实施|实行|出台|调整|取消|下调|上调|延长)[^，。；]{0,14}"
                           r"(?:税收优惠|递延纳税|抵免|税前扣除|加计扣除|免征|减征|起征点|税率|增值税|所得税)"
                           r"|积极的财政政策|集中带量采购"  # the centre's stance and its procurement, unless carried out
                           r"|扩大[^，。；]{0,12}试点(?:范围)?(?=[，。；]|$)"  # 扩大新型城镇化综合试点范围: who sets pilots
                           # and a law or regulation made (出台外商投资法实施条例, 制定民营经济促进条例): a legislature's
                           r"|(?<!新)(?:出台|制定|修订|修改|颁布)(?!的)[^，。；、]{0,14}(?:(?<![办方做想说看写用疗])法|条例)(?=[，。；、]|$)"
                           # zones, scholarships and charges the State sets, its redistribution, its opening-up,
                           # the universities it steers, the inspections it sends (not their rectification)
                           r"|(?:设立|新设)[^，。；]{0,12}(?:国家奖学金|综合试验区|自由贸易试验区|自贸试验区)"
                           r"|(?:税收|转移支付)[^，。；]{0,12}调节力度|取消或降低[^，。；]{0,10}收费"
                           r"|扩大[^，。；]{0,14}招生规模|下达[^，。；]{0,10}债务限额|实行[^，。；]{0,8}惩罚性赔偿"
                           r"|推出[^，。；]{0,8}开放[^，。；]{0,8}举措|本科高校转[为向]应用型"
                           r"|(?:推进|开展|深化|完善)[^，。；]{0,4}中央(?:生态环境保护|环保)督察(?![^，。；]{0,8}(?:整改|反馈|交办))"
                           # and the world it builds with other countries (推动建设一个开放包容的世界)
                           r"|(?:建设|构建)一个[^，。；]{0,10}的世界|中华文化[^，。；]{0,6}走向世界")
_CARRY_OUT_RE = re.compile(r"(?:落实|执行|用好|兑现|享受|贯彻|学习|宣传|配合|迎接|以)[^，。；]*$")  # 落实…加计扣除, 配合开展…督察: carrying a lever out


def _lever(plain: str) -> bool:
    """A lever of _LEVER_RE pulled, not carried out (no 落实/用好… earlier in its clause)."""
    return any(not _CARRY_OUT_RE.search(plain[:m.start()].rsplit("，", 1)[-1]) for m in _LEVER_RE.finditer(plain))


# a goal of a time gone by told as reached (如期全面建成小康社会，…; 全面建成小康社会，实现了…) is said
# today; 确保如期…, 力争如期… still aim at it
_REACHED_RE = re.compile(r"(?:(?<!确保)(?<!力争)(?<!为)如期|胜利|已经|已|成功)$")
_DONE_AFTER_RE = re.compile(r"[^。；]{0,16}(?:了|历史性)")


def _fact_reason(text: str, lex: Lexicon) -> str:
    plain = _SLOT_RE.sub("", text)
    for reason, holds in _FACTS:
        if holds(text, plain):
            return reason
    if any(not _REACHED_RE.search(plain, 0, m.start())
           and not (m.group(0).endswith("，") and _DONE_AFTER_RE.match(plain, m.end()))  # the goal led in, then told done
           for m in lex.dated_re.finditer(plain)):
        return "dated"
    if lex.national_re.search(plain) or lex.national_object_re.search(plain) or _lever(plain):
        return "national_only"
    if lex.known_orgs_re.search(plain):
        return "organisation"
    if _reported(_formula(plain, lex), lex):
        return "reported"
    return ""
