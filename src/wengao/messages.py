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
    # (end of mining)
    # -- phrases: the phrase bank, search and picks --------------------------------------------------
    # (end of phrases)
    # -- check: wengao check (rule messages and suggestions) -----------------------------------------
    # (end of check)
    # -- format: wengao format -----------------------------------------------------------------------
    "format.no_reference": ("找不到参考文档", "reference document not found"),
    "format.not_conserved": ("排版结果的{part}文字与原稿不一致：原稿此处是“{expected}”，结果是“{found}”；未写入任何文件",
                             "the {part} text of the result differs from the original: “{expected}” "
                             "became “{found}”; nothing written"),
    "format.not_conserved_hint": ("这是 wengao 的缺陷，请报告；原稿没有被改动",
                                  "this is a bug in wengao, please report it; the original is untouched"),
    "format.part_body": ("正文", "body"),
    "format.part_footnote": ("脚注", "footnote"),
    "format.part_endnote": ("尾注", "endnote"),
    "format.output_not_docx": ("输出文件名须以 .docx 结尾", "the output file name must end in .docx"),
    "format.output_is_input": ("输出文件就是原稿本身，不会覆盖原稿", "the output would overwrite the original"),
    "format.output_is_input_hint": ("用 -o 另指一个文件名", "name another file with -o"),
    "format.output_not_folder": ("排版一个文件夹时，-o 须是文件夹", "to format a folder, -o must be a folder"),
    "format.same_output": ("与 {other} 的输出文件同为 {target}，已跳过", "same output file {target} as {other}; skipped"),
    "format.too_big": ("文档太大，无法排版", "the document is too large to format"),
    "format.internal": ("内部错误：{error}（设置 WENGAO_DEBUG=1 可查看详情）",
                        "internal error: {error} (set WENGAO_DEBUG=1 to see where)"),
    "format.bad_genre": ("没有“{genre}”这种体裁", "no genre called {genre}"),
    "format.not_found": ("找不到文件或文件夹", "no such file or folder"),
    "format.empty_folder": ("文件夹里没有可排版的文档（.txt .docx .doc .wps .odt .rtf）",
                            "no documents to format in this folder (.txt .docx .doc .wps .odt .rtf)"),
    # per-file results
    "format.done": ("已排版：{target}", "formatted: {target}"),
    "format.unchanged": ("未变：{target}（已是同样内容）", "unchanged: {target} (already the same)"),
    "format.failed": ("失败：{source}", "failed: {source}"),
    "format.pdf_done": ("已生成 PDF：{target}", "PDF written: {target}"),
    "format.folder_summary": ("共 {total} 份：完成 {done}，未变 {unchanged}，失败 {failed}",
                              "{total} documents: {done} done, {unchanged} unchanged, {failed} failed"),
    # --dry-run
    "format.dry_head": ("{source}（试排，未写入文件）", "{source} (dry run, nothing written)"),
    "format.dry_genre": ("  体裁：{genre}；段落 {paragraphs} 个；汉字 {chars} 个，排版后一字不变",
                         "  genre: {genre}; {paragraphs} paragraphs; {chars} Chinese characters, all kept"),
    "format.dry_title": ("  标题：{title}", "  title: {title}"),
    "format.dry_no_title": ("  未找到标题", "  no title found"),
    "format.dry_headings": ("  各级标题 {count} 个（用 Word 标题样式，导航窗格可见）：",
                            "  {count} headings (in Word heading styles, shown in the navigation pane):"),
    "format.dry_heading": ("    {level}级 {text}", "    level {level}: {text}"),
    "format.dry_heading_run_in": ("    {level}级 {text}（段首标题，与正文同段）",
                                  "    level {level}: {text} (run-in, the paragraph goes on)"),
    "format.dry_no_headings": ("  未找到标题层级，全文按正文排", "  no headings found: all set as body text"),
    "format.dry_objects": ("  要点加粗 {leads} 处；表格 {tables} 个；图片 {images} 张；注释 {notes} 条",
                           "  {leads} point leads in bold; {tables} tables; {images} pictures; {notes} notes"),
    "format.dry_noise": ("  以下 {count} 段未能归类（可能是网页杂项），照原样作为普通段落保留：",
                         "  {count} paragraphs not recognised (perhaps web page debris), kept as plain paragraphs:"),
    "format.dry_noise_line": ("    {where}：{text}", "    {where}: {text}"),
    "format.at_line": ("第 {pos} 行", "line {pos}"),
    "format.at_para": ("第 {pos} 段", "paragraph {pos}"),
    "format.dry_changes": ("  文字上的改动（除此之外一字不改）：", "  changes to the text (nothing else changes):"),
    "format.dry_no_changes": ("  文字上没有任何改动", "  no change to the text"),
    "format.change_empty": ("    删除空段落 {count} 个", "    {count} empty paragraphs removed"),
    "format.change_space": ("    去掉段首段尾的空格 {count} 段", "    blanks at the ends of {count} paragraphs removed"),
    "format.change_invisible": ("    去掉不可见字符 {count} 个（零宽字符、控制字符）",
                                "    {count} invisible characters removed (zero-width, control)"),
    "format.change_joined": ("    合并句中断行 {count} 处（{where}等）",
                             "    {count} lines broken inside a sentence joined ({where} …)"),
    "format.change_number": ("    Word 自动编号写成文字 {count} 处（如{where}“{number}”）",
                             "    {count} Word auto-numbers written as text (e.g. {where}: “{number}”)"),
    "format.change_punct": ("    半角标点改为全角 {count} 处，如{where}：{before} → {after}",
                            "    {count} half-width punctuation marks made full-width, e.g. {where}: {before} → {after}"),
    "format.change_restyled": ("    {count} 段原有的字体、字号、加粗等直接格式改由样式决定",
                               "    {count} paragraphs lose their own fonts, sizes and bold to the styles"),
    # --pdf
    "format.pdf_no_soffice": ("生成 PDF 需要 LibreOffice，但未安装（找不到 soffice）",
                              "--pdf needs LibreOffice, which is not installed (no soffice found)"),
    "format.pdf_no_soffice_hint": ("安装 LibreOffice（如 apt-get install libreoffice-writer-nogui），或去掉 --pdf",
                                   "install LibreOffice (e.g. apt-get install libreoffice-writer-nogui), or leave out --pdf"),
    "format.pdf_failed": ("LibreOffice 未能转换成 PDF：{reason}", "LibreOffice could not convert it to PDF: {reason}"),
    "format.pdf_timeout": ("LibreOffice 转换超时（{seconds} 秒）", "LibreOffice took longer than {seconds} s"),
    # help texts of `wengao format` and of --pdf
    "format.cli.help": ("把已有文稿按 GB/T 9704 重新排版，一字不改（一键排版）。",
                        "Re-typeset an existing draft to GB/T 9704, every word kept."),
    "format.cli.source": ("要排版的文稿（.docx、.txt；装有 LibreOffice 时还可 .doc .wps .odt .rtf），或一个文件夹。",
                          "The draft (.docx, .txt; .doc .wps .odt .rtf through LibreOffice), or a folder of them."),
    "format.cli.output": ("写到哪个 .docx（输入是文件夹时为输出文件夹）；默认在原稿旁，名为“原名-排版.docx”。",
                          "The .docx to write (a folder when formatting a folder); default: beside it, NAME-排版.docx."),
    "format.cli.force": ("覆盖已存在的输出文件。", "Replace output files that already exist."),
    "format.cli.dry_run": ("只报告识别出的结构和将做的文字改动，不写任何文件。",
                           "Report what was found and what would change; write nothing."),
    "format.cli.genre": ("体裁：speech、exchange、study-report、news、compilation；默认自动判断。",
                         "speech, exchange, study-report, news or compilation; detected by default."),
    "format.cli.reference": ("取其样式和页面设置的 .docx（其文字不用）；默认 ./templates/reference.docx，否则用内置的。",
                             "A .docx whose styles and page setup to use (its text is ignored); default: "
                             "./templates/reference.docx, else the built-in one."),
    "format.cli.pdf": ("同时用 LibreOffice 生成 PDF（需已安装 LibreOffice）。",
                       "Also write a PDF through LibreOffice (where it is installed)."),
    # (end of format)
}
