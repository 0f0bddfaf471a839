"""The message catalogue: key → (Chinese, English). The only place user-facing text lives.

Keys are grouped by the stage that speaks (`diag.` the shape of a diagnostic line, `cli.`,
`outline.`, `read.`, …). Placeholders are `{name}` and must be the same in both languages
(a test checks). Rule names, outline keys and file syntax stay untranslated inside messages.
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # -- how a diagnostic line reads ---------------------------------------------------------
    "diag.error": ("错误", "error"),
    "diag.warning": ("警告", "warning"),
    "diag.info": ("提示", "note"),
    "diag.hint": ("（提示：{hint}）", " (hint: {hint})"),
    "diag.suggestion": ("（建议：{suggestion}）", " (suggestion: {suggestion})"),
    # -- cli: the command line, help texts, progress and summaries -----------------------------------
    # (end of cli)
    # -- outline: loading and validating outlines (YAML, input-method mistakes) ----------------------
    # (end of outline)
    # -- build: rendering, templates, the docx writer, output files ----------------------------------
    # (end of build)
    # -- reading: readers and the structure of documents ---------------------------------------------
    # (end of reading)
    # -- extract: wengao outline extract -------------------------------------------------------------
    # (end of extract)
    # -- mining: wengao mine -------------------------------------------------------------------------
    # (end of mining)
    # -- phrases: the phrase bank, search and picks --------------------------------------------------
    # (end of phrases)
    # -- check: wengao check (rule messages and suggestions) -----------------------------------------
    "check.help": ("校对文稿（.docx、.txt 或提纲 .yaml）：占位符、编号、标点、数字、用词与规范提法、重复、引文。"
                   "有错误时退出码为 1。",
                   "Proofread drafts (.docx, .txt or outlines .yaml): placeholders, numbering, punctuation, "
                   "numbers, wording and canonical formulations, repetition, quotations. Exit 1 on an error."),
    "check.help.paths": ("要校对的文件或文件夹（文件夹：其中所有 .docx、.txt、.yaml）。",
                         "Files or folders to check (a folder: every .docx, .txt and .yaml in it)."),
    "check.help.json": ("以 JSON 列表输出（供脚本使用）。", "Print a JSON list of findings (for scripts)."),
    "check.help.annotate": ("另存一份带批注的 .docx，每处问题一条 Word 批注；原文件不动。",
                            "Write a copy as .docx with a Word comment on each finding; the original is untouched."),
    "check.help.force": ("覆盖已存在的 --annotate 输出文件。", "Replace an existing --annotate output file."),
    "check.help.against": ("再对照这份旧稿，找出照搬的句子（15字以上）和引文出入。",
                           "Also compare with this earlier text: sentences of 15+ characters taken over, misquotes."),
    "check.help.config": ("规则设置文件（默认：./wengao-check.yaml 和 ~/.config/wengao/check.yaml）。",
                          "A settings file (default: ./wengao-check.yaml and ~/.config/wengao/check.yaml)."),
    "check.help.bank": ("核对引文所用的素材库文件夹（默认：./phrasebank，否则内置素材库）。",
                        "The phrase bank whose quotes misquotations are checked against "
                        "(default: ./phrasebank, else the built-in bank)."),
    "check.help.list-rules": ("列出全部规则及其默认级别后退出。", "List every rule and its default severity, then stop."),
    "check.summary": ("共校对 {files} 个文件：{errors} 处错误，{notes} 处提示",
                      "{files} file(s) checked: {errors} error(s), {notes} note(s)"),
    "check.summary-clean": ("共校对 {files} 个文件，未发现问题", "{files} file(s) checked, nothing found"),
    "check.annotated": ("已写出 {path}（{count} 条批注）", "wrote {path} ({count} comments)"),
    "check.unit.para": ("第{line}段", "paragraph {line}"),
    "check.unit.line": ("第{line}行", "line {line}"),
    "check.error.not-found": ("找不到文件", "file not found"),
    "check.error.undecodable": ("无法按 UTF-8 或 GB18030 解码", "cannot decode as UTF-8 or GB18030"),
    "check.error.unreadable": ("无法读取：{why}", "cannot read: {why}"),
    "check.error.no-inputs": ("没有可校对的文件（.docx、.txt、.yaml）", "no files to check (.docx, .txt, .yaml)"),
    "check.error.annotate-many": ("--annotate 只能用于一个输入文件", "--annotate takes exactly one input file"),
    "check.error.annotate-suffix": ("批注稿须保存为 .docx", "the annotated copy must be a .docx"),
    "check.error.annotate-self": ("批注稿不能覆盖原文件", "the annotated copy may not replace the original"),
    "check.error.annotate-package": ("无法在此文件上加批注：{why}", "cannot add comments to this file: {why}"),
    "check.config.missing": ("找不到设置文件", "settings file not found"),
    "check.config.unreadable": ("无法读取设置文件：{why}", "cannot read the settings file: {why}"),
    "check.config.shape": ("设置文件应为一个映射（rules、whitelist、wording、formulations）",
                           "a settings file is a mapping (rules, whitelist, wording, formulations)"),
    "check.config.unknown-key": ("未知的设置项“{key}”", "unknown setting '{key}'"),
    "check.config.did-you-mean": ("是否应为 {name}？", "did you mean {name}?"),
    "check.config.rules-shape": ("rules 应为“规则: 值”的映射", "rules is a mapping of rule: value"),
    "check.config.unknown-rule": ("未知的规则“{rule}”（wengao check --list-rules 列出全部规则）",
                                  "unknown rule '{rule}' (wengao check --list-rules lists them)"),
    "check.config.bad-value": ("规则的值“{value}”无效，应为 off、on、error 或 info",
                               "'{value}' is not a rule setting: use off, on, error or info"),
    "check.config.list-shape": ("{key} 应为列表", "{key} is a list"),
    "check.config.word-shape": ("白名单的每一项应为一个词", "each whitelist item is a word"),
    "check.config.entry-shape": ("每一项至少需要 {need}", "each item needs at least {need}"),
    "check.placeholder": ("占位符未替换：“{text}”", "placeholder left: “{text}”"),
    "check.numbering.gap": ("编号不连续：“{this}”之前缺少“{missing}”", "numbering gap: “{missing}” is missing before “{this}”"),
    "check.numbering.repeat": ("编号重复或倒退：“{prev}”之后又是“{this}”", "numbering repeats: “{this}” after “{prev}”"),
    "check.numbering.nesting": ("层次颠倒：“{this}”出现在本部分的上一级“{parent}”之前",
                                "wrong nesting: “{this}” comes before “{parent}”, the level above it"),
    "check.numbering.mixed": ("同级编号格式不一：这里是“{this}”，同级多用“{usual}”",
                              "mixed marks at one level: “{this}” where the others use “{usual}”"),
    "check.numbering.period": ("单独成行的标题末尾多了句号（同级其他标题没有）",
                               "an own-line heading ends in 。 while the others at its level do not"),
    "check.numbering.points-gap": ("“{this}”之前缺少“{missing}”", "“{missing}” is missing before “{this}”"),
    "check.numbering.points-repeat": ("“{this}”重复或倒退", "“{this}” repeats or goes back"),
    "check.punct.halfwidth": ("中文里用了半角标点“{mark}”", "half-width “{mark}” in Chinese text"),
    "check.punct.unpaired": ("“{mark}”没有对应的“{pair}”", "“{mark}” has no matching “{pair}”"),
    "check.punct.doubled": ("标点重复：“{text}”", "doubled punctuation: “{text}”"),
    "check.punct.dash": ("破折号应为两个字宽的“——”，不是“{text}”", "a dash is “——” (two em dashes), not “{text}”"),
    "check.punct.ellipsis": ("省略号应为“……”，不是“{text}”", "an ellipsis is “……”, not “{text}”"),
    "check.punct.blank": ("中文之间有多余的空格", "a blank inside Chinese text"),
    "check.number.date-zero": ("日期的月、日不加“0”：“{text}”", "no leading zeros in dates: “{text}”"),
    "check.number.year-short": ("年份应写全：“{text}”", "write the year in full: “{text}”"),
    "check.number.year-zero": ("汉字年份中的零应写作“〇”：“{text}”", "a year in Chinese numerals writes zero as 〇: “{text}”"),
    "check.number.year-style": ("年份写法不统一：本文多写作“{usual}”这样的形式",
                                "years are written two ways: this document mostly writes them like “{usual}”"),
    "check.wording.pair": ("用词有误：“{wrong}”应为“{right}”", "wrong word: “{wrong}” should be “{right}”"),
    "check.wording.repair": ("疑为同义词替换造成的误用：“{wrong}”（常为“{right}”）",
                             "looks like a synonym swap: “{wrong}” (usually “{right}”)"),
    "check.wording.jiezhi-date": ("表示“到某时为止”应用“截至”", "before a date, 截至 (up to), not 截止 (a deadline)"),
    "check.wording.jiezhi-bare": ("“截至”后应接时间；不接时间时用“截止”", "截至 needs a time after it; without one, 截止"),
    "check.wording.formulation": ("与规范提法“{name}”不一致（{source}，{year}年）",
                                  "differs from the canonical formulation “{name}” ({source}, {year})"),
    "check.wording.formulation-known": ("提法有误：“{wrong}”应为“{right}”（{name}，见{source}，{year}年）",
                                        "wrong formulation: “{wrong}” should be “{right}” ({name}, {source}, {year})"),
    "check.wording.formulation-order": ("“{name}”的顺序与规范表述不同（{source}，{year}年）",
                                        "“{name}” is listed in another order than the canonical one ({source}, {year})"),
    "check.repeat.inside": ("与{where}的句子重复", "repeats the sentence of {where}"),
    "check.repeat.inside-first": ("这句话在{where}又出现了一次", "this sentence appears again in {where}"),
    "check.repeat.against": ("与 {file} {where}的句子相同", "the same sentence as {file}, {where}"),
    "check.quote.misquote": ("引文与原文略有出入（{origin}）", "the quotation differs slightly from the original ({origin})"),
    "check.rule.placeholder": ("占位符：XX、×××、○○、某某、X月X日、【…】、□、（此处…）、TODO、未填的槽位 {名称}",
                               "placeholders: XX, ×××, ○○, 某某, X月X日, 【…】, □, （此处…）, TODO, unfilled slots such as {名称}"),
    "check.rule.numbering.sequence": ("编号跳号或重复（一、二、四、）", "gaps and repeats in heading numbers (一、二、四、)"),
    "check.rule.numbering.nesting": ("层次颠倒（“（一）”在“一、”之前，“1.”在“（一）”之前）",
                                     "wrong nesting ((一) before 一、, 1. before (一))"),
    "check.rule.numbering.mixed": ("同级编号格式不一（1、与 1.）", "mixed marks at one level (1、 and 1.)"),
    "check.rule.numbering.points": ("一是……三是……缺少二是", "一是 … 三是 with no 二是"),
    "check.rule.numbering.period": ("同级标题有的以句号结尾、有的没有", "own-line headings of one level ending in 。 while others do not"),
    "check.rule.punct.halfwidth": ("中文里的半角标点 , : ; ! ? ( ) \" .", "half-width , : ; ! ? ( ) \" . in Chinese text"),
    "check.rule.punct.unpaired": ("引号、括号、书名号不成对", "unpaired “” ‘’ （） 《》"),
    "check.rule.punct.doubled": ("标点重复（，， 。，）", "doubled marks (，， 。，)"),
    "check.rule.punct.dash": ("破折号不是“——”", "a dash that is not ——"),
    "check.rule.punct.ellipsis": ("省略号不是“……”", "an ellipsis that is not ……"),
    "check.rule.punct.blank": ("中文句子中的空格", "a blank inside Chinese sentences"),
    "check.rule.number.date-zero": ("日期加了前导零（2024年03月05日）", "leading zeros in dates (2024年03月05日)"),
    "check.rule.number.year-short": ("年份简写（24年3月）", "a year cut to two digits (24年3月)"),
    "check.rule.number.year-style": ("同一文稿年份写法不一（2024年与二〇二四年），汉字年份用“零”",
                                     "years written two ways (2024年 and 二〇二四年); 零 in a Chinese-numeral year"),
    "check.rule.wording.pair": ("错别字与误用词（可在设置文件中补充）", "wrong words (extend the table in the settings file)"),
    "check.rule.wording.jiezhi": ("截止与截至", "截止 and 截至"),
    "check.rule.wording.repair": ("同义词替换造成的误用（党中心→党中央）", "synonym-swap corruption (党中心 → 党中央)"),
    "check.rule.wording.formulation": ("与规范提法相近而不同的表述", "wording that is almost a canonical formulation"),
    "check.rule.wording.formulation-known": ("规范提法的已知错误写法", "known wrong forms of canonical formulations"),
    "check.rule.repeat.inside": ("文稿内重复的句子", "a sentence repeated inside the draft"),
    "check.rule.repeat.against": ("与 --against 文件相同的句子", "sentences taken over from the --against file"),
    "check.rule.quote.misquote": ("与素材库或 --against 中引文略有出入的引文", "quotations that differ slightly from a bank quote or one in --against"),
    "check.list-rules.severity": ("默认级别", "default"),
    # (end of check)
    # -- format: wengao format -----------------------------------------------------------------------
    # (end of format)
}
