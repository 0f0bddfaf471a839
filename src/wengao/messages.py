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
    "read.not_found": ("找不到文件", "file not found"),
    "read.is_directory": ("这是文件夹，不是文件", "this is a folder, not a file"),
    "read.not_regular": ("不是普通文件（是设备、管道或套接字），不能读取",
                         "not a regular file (a device, pipe or socket): not read"),
    "read.unreadable": ("无法读取：{reason}", "cannot read: {reason}"),
    "read.too_big": ("文件太大（{size}），超过 {limit} 的上限，没有读取",
                     "the file is too big ({size}; the limit is {limit}): not read"),
    "read.too_big_hint": ("一份文稿不会这么大；请拆分成几个文件", "no speech is this long: split it into several files"),
    "read.empty": ("文件是空的", "the file is empty"),
    "read.binary": ("不是文本文件（含有二进制数据）", "not a text file (it holds binary data)"),
    "read.binary_hint": ("Word 文件请用 .docx 扩展名；文本请另存为 UTF-8 或 GB18030 编码的 .txt",
                         "give a Word file the .docx suffix; save text as a UTF-8 or GB18030 .txt"),
    "read.undecodable": ("无法按 {encoding} 编码读取这里的字节", "the bytes here do not decode as {encoding}"),
    "read.undecodable_hint": ("用记事本或 WPS 打开，另存为 UTF-8 编码",
                              "open it in a text editor and save it as UTF-8"),
    "read.pdf": ("不能直接读取 PDF 文件", "PDF files cannot be read"),
    "read.pdf_hint": ("在 WPS 或 Word 中打开后另存为 .docx，或把文字复制出来保存为 .txt",
                      "open it in WPS or Word and save it as .docx, or copy the text into a .txt"),
    "read.unsupported": ("不支持读取 {suffix} 文件", "{suffix} files cannot be read"),
    "read.unsupported_hint": ("支持 .docx、.txt，以及安装了 LibreOffice 时的 .doc、.wps、.odt、.rtf；请另存为 .docx 或 .txt",
                              "wengao reads .docx and .txt (and .doc, .wps, .odt, .rtf with LibreOffice): save it as .docx or .txt"),
    "read.not_zip": ("不是有效的 .docx 文件（不是 zip 压缩包，可能已损坏或扩展名不对）",
                     "not a valid .docx file (not a zip package: damaged, or the wrong suffix)"),
    "read.not_zip_hint": ("在 WPS 或 Word 中打开后重新另存为 .docx", "open it in WPS or Word and save it again as .docx"),
    "read.not_docx": ("是 zip 压缩包，但不是 Word 文档（没有正文部件）",
                      "a zip package, but not a Word document (it has no document part)"),
    "read.zip_broken": ("压缩包已损坏：{reason}", "the package is damaged: {reason}"),
    "read.too_many_parts": ("压缩包里有 {count} 个文件，不像 Word 文档，没有读取",
                            "the package holds {count} files, not what a Word document holds: not read"),
    "read.bomb": ("{part} 解压后超过 {limit}（可能是压缩炸弹），已停止读取",
                  "{part} expands beyond {limit} (a zip bomb?): reading stopped"),
    "read.xml": ("{part} 第 {line} 行 XML 有错：{reason}", "{part} line {line}: malformed XML: {reason}"),
    "read.dtd": ("{part} 带有 DTD 声明，Word 文档不会这样，已拒绝读取",
                 "{part} carries a DTD, which no Word document does: not read"),
    "read.docx_broken": ("无法读取这个 .docx：{reason}", "cannot read this .docx: {reason}"),
    "read.encrypted": ("文件有密码保护（已加密），无法读取", "the file is password-protected (encrypted): cannot read it"),
    "read.encrypted_hint": ("在 WPS 或 Word 中输入密码打开，取消密码后另存为 .docx",
                            "open it in WPS or Word with the password, remove the password and save it as .docx"),
    "read.ole_unknown": ("这是旧版 Office 文件，但不是 Word 文档", "an old-style Office file, but not a Word document"),
    "read.convert_missing": ("读取 {suffix} 文件需要 LibreOffice，但没有找到",
                             "reading {suffix} files needs LibreOffice, which was not found"),
    "read.convert_missing_hint": ("安装 LibreOffice，例如 sudo apt install libreoffice-writer；或在 WPS/Word 中另存为 .docx",
                                  "install LibreOffice (e.g. sudo apt install libreoffice-writer), or save it as .docx in WPS or Word"),
    "read.convert_failed": ("LibreOffice 没能转换这个文件：{reason}", "LibreOffice could not convert this file: {reason}"),
    "read.convert_timeout": ("LibreOffice 转换超过 {seconds} 秒，已停止", "LibreOffice took over {seconds} s converting it: stopped"),
    "read.convert_hint": ("在 WPS 或 Word 中打开后另存为 .docx", "open it in WPS or Word and save it as .docx"),
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
