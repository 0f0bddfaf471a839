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
    "mining.summary_read": ("读取文件 {files} 个，文稿 {documents} 篇，共 {chars} 字",
                            "files read: {files}, documents found: {documents}, characters: {chars}"),
    "mining.skipped": ("（已跳过，其余照常提炼）", " (skipped, the run went on)"),
    "mining.dropped": ("未收入的句子 {n} 句：{detail}", "sentences left out: {n} ({detail})"),
    "mining.repairs": ("修复 {n} 处：{detail}", "repairs made: {n} ({detail})"),
    "mining.entries": ("条目：{detail}；共 {total} 条", "entries: {detail}; total {total}"),
    "mining.hand_kept": ("（手写条目 {n} 条原样保留）", " (hand-written kept: {n})"),
    "mining.written": ("已写入 {folder}：更新文件 {n} 个", "wrote {n} changed files to {folder}"),
    "mining.no_input": ("找不到这个输入文件或文件夹", "input not found"),
    "mining.input_unreadable": ("无法读取这个输入：{reason}", "cannot read this input: {reason}"),
    "mining.not_regular": ("不是普通文件或文件夹，不能读取", "not a regular file or folder, not read"),
    "mining.no_documents": ("没有找到可读的文稿（.txt、.docx），素材库没有改动",
                            "no readable documents (.txt, .docx) found; the bank was not changed"),
    "mining.repairs_unreadable": ("无法读取修复表：{reason}", "cannot read the repair table: {reason}"),
    "mining.repairs_not_list": ("修复表应是含 wrong 和 right 的映射列表", "a repair table is a list of mappings with wrong and right"),
    "mining.repairs_bad_rule": ("修复规则第 {n} 条需要 wrong 和 right", "repair rule {n} needs 'wrong' and 'right'"),
    "mining.why.number": ("含数字", "numbers"),
    "mining.why.quantity": ("含数量或日期", "quantities or dates"),
    "mining.why.place": ("指名某地", "names one place"),
    "mining.why.places": ("指名多地", "names several places"),
    "mining.why.person": ("指名某人", "names a person"),
    "mining.why.organisation": ("指名某单位", "names an organisation"),
    "mining.why.claim": ("只适用于某地的说法", "a claim only one place makes"),
    "mining.why.note": ("注释或说明", "notes"),
    "mining.why.fragment": ("残缺的标题", "a heading with a word lost"),
    "mining.why.corrupt": ("仍有无法确定修复的改写痕迹", "rewriting damage that cannot be repaired with certainty"),
    "mining.why.programme": ("地方项目或品牌", "a local programme or brand"),
    "mining.why.local_title": ("地方文件名", "local document titles"),
    "mining.why.national_only": ("国家层面事项", "national-only matters"),
    "mining.why.reported": ("新闻转述", "reported speech"),
    "mining.why.context": ("离开上文不成句", "depends on the sentence before"),
    "mining.why.question": ("问句", "questions"),
    "mining.why.unfinished": ("句子不完整", "unfinished"),
    "mining.why.unbalanced": ("引号或括号不完整", "unclosed quotes or brackets"),
    "mining.why.no_function": ("看不出功能", "no clear function"),
    "mining.why.blank": ("有无法确定的空缺", "a blank that cannot be filled with certainty"),
    "mining.why.unconfirmed_repair": ("修复无法确认", "repair not confirmed"),
    # (end of mining)
    # -- phrases: the phrase bank, search and picks --------------------------------------------------
    "phrases.unknown_function": ("未知的素材功能“{name}”", "unknown function '{name}'"),
    "phrases.valid_functions": ("可用的功能：{functions}", "valid functions: {functions}"),
    "phrases.yaml_error": ("素材库文件的 YAML 语法错误：{problem}", "YAML syntax error in the phrase bank file: {problem}"),
    "phrases.unreadable": ("无法读取素材库文件：{reason}", "cannot read the phrase bank file: {reason}"),
    "phrases.not_a_list": ("素材库文件应是条目的 YAML 列表", "a phrase bank file is a YAML list of entries"),
    "phrases.bad_entry": ("第 {n} 个条目至少要有 id 和 text", "entry {n} needs at least 'id' and 'text'"),
    "phrases.no_folder": ("找不到素材库文件夹", "phrase bank folder not found"),
    "phrases.not_a_folder": ("素材库应是文件夹，这里是一个文件", "the phrase bank must be a folder, this is a file"),
    "phrases.empty_phrase": ("要添加的素材是空的", "the phrase is empty"),
    "phrases.index_rebuilt": ("检索索引已损坏，已根据素材库 YAML 重建（{path}）",
                              "the search index was damaged and has been rebuilt from the bank's YAML ({path})"),
    "phrases.bad_limit": ("--limit 应是 1 或更大的数，这里是 {limit}", "--limit must be 1 or more, not {limit}"),
    "phrases.empty_query": ("检索词是空的", "the query is empty"),
    "phrases.fallback": ("没有素材包含“{query}”，下面是包含其中部分词语（{parts}）的素材",
                         "no phrase contains '{query}'; these contain some of its words ({parts})"),
    "phrases.no_hit": ("没有素材包含“{query}”", "no phrase contains '{query}'"),
    "phrases.no_bank": ("这里没有素材库（没有 *.yaml 文件）", "no phrase bank here (no *.yaml files)"),
    "phrases.no_bank_hint": ("用 `wengao mine 文件 -o 文件夹` 提炼一个，或用 --bank 指定文件夹",
                             "mine one with `wengao mine FILES -o DIR`, or pass --bank DIR"),
    "phrases.topics_unreadable": ("无法读取话题表：{reason}", "cannot read the topic list: {reason}"),
    "phrases.topics_not_mapping": ("话题表应是“话题: [词语, …]”的映射", "a topic list maps each topic to a list of words"),
    # (end of phrases)
    # -- check: wengao check (rule messages and suggestions) -----------------------------------------
    # (end of check)
    # -- format: wengao format -----------------------------------------------------------------------
    # (end of format)
}
