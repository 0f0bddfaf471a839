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
    # the shape of help and usage (click's own words)
    "cli.help": ("wengao（文稿）：把 YAML 提纲排成符合 GB/T 9704 版式的讲话稿、报告 Word 文稿（.docx）。",
                 "wengao（文稿）: turn a YAML outline into a GB/T 9704 speech or report in Word (.docx)."),
    "cli.version": ("wengao（文稿）{version}", "wengao {version}"),
    "cli.version_help": ("显示版本号后退出。", "Show the version and exit."),
    "cli.usage": ("用法：", "Usage: "),
    "cli.heading": ("{name}：", "{name}:"),
    "cli.arguments": ("参数", "Arguments"),
    "cli.options": ("选项", "Options"),
    "cli.commands": ("命令", "Commands"),
    "cli.options_metavar": ("[选项]", "[OPTIONS]"),
    "cli.command_metavar": ("命令 [参数]...", "COMMAND [ARGS]..."),
    "cli.help_option": ("显示本帮助后退出。", "Show this message and exit."),
    "cli.default": ("默认：{value}", "default: {value}"),
    "cli.required": ("必填", "required"),
    "cli.env_var": ("环境变量：{value}", "env var: {value}"),
    "cli.list_sep": ("、", ", "),
    "cli.metavar.path": ("路径", "path"),
    "cli.metavar.text": ("文字", "text"),
    "cli.metavar.int": ("整数", "int"),
    "cli.metavar.number": ("数", "number"),
    "cli.metavar.query": ("查询词", "QUERY"),
    "cli.metavar.id": ("编号", "ID"),
    "cli.metavar.phrase": ("素材", "TEXT"),
    "cli.metavar.genre": ("文种", "GENRE"),
    "cli.metavar.folder": ("文件夹", "FOLDER"),
    "cli.metavar.document": ("文稿", "DOCUMENT"),
    "cli.metavar.inputs": ("文件或文件夹...", "FILE_OR_FOLDER..."),
    "cli.try_help": ("运行 {command} --help 查看帮助。", "Try '{command} --help' for help."),
    "cli.error": ("错误：{message}", "Error: {message}"),
    "cli.did_you_mean": ("是不是 {names}？", "did you mean {names}?"),
    "cli.click.did_you_mean": ("（是不是 {names}？）", " (did you mean {names}?)"),
    "cli.click.missing_argument": ("缺少参数 {name}。", "Missing argument {name}."),
    "cli.click.missing_option": ("缺少选项 {name}。", "Missing option {name}."),
    "cli.click.no_such_option": ("没有选项 {name}。", "No such option: {name}."),
    "cli.click.no_such_command": ("没有命令 {name}。", "No such command '{name}'."),
    "cli.click.missing_command": ("缺少命令。", "Missing command."),
    "cli.click.extra_args": ("多余的参数：{args}。", "Unexpected extra arguments: {args}."),
    "cli.click.needs_value": ("选项 {name} 后面要跟一个值。", "Option {name} needs a value."),
    "cli.click.needs_values": ("{name} 要跟 {n} 个值。", "{name} needs {n} values."),
    "cli.click.takes_no_value": ("选项 {name} 不带值。", "Option {name} takes no value."),
    "cli.click.bad_value": ("{name} 的值不对：{reason}", "Invalid value for {name}: {reason}"),
    "cli.click.not_int": ("{value} 不是整数。", "{value} is not a whole number."),
    "cli.click.not_number": ("{value} 不是数。", "{value} is not a number."),
    "cli.click.not_bool": ("{value} 不是 true/false。", "{value} is not true/false."),
    "cli.click.not_choice": ("{value} 不在 {choices} 之中。", "{value} is not one of {choices}."),
    "cli.click.not_in_range": ("{value} 不在 {range} 范围内。", "{value} is not in the range {range}."),
    "cli.aborted": ("已中止。", "Aborted."),
    "cli.interrupted": ("已中断（Ctrl-C）；没有留下写了一半的文件。",
                        "Interrupted (Ctrl-C); no half-written file was left."),
    "cli.internal": ("wengao 内部错误：{error}（设置 WENGAO_DEBUG=1 可看到出错位置，请报告这个问题）",
                     "wengao: internal error: {error} (set WENGAO_DEBUG=1 to see where; please report it)"),
    "cli.os_error": ("{reason}", "{reason}"),
    # what the commands print
    "cli.wrote": ("已写入 {path}", "wrote {path}"),
    "cli.replace": ("文件已存在时覆盖它。", "Replace the file if it exists."),
    # wengao build
    "cli.build.help": ("按提纲生成 .docx 文稿（版式由提纲的文种决定）。",
                       "Build .docx drafts from outlines (the outline's genre decides the layout)."),
    "cli.build.outlines": ("要生成的提纲文件（.yaml）；不给 -o 时，文稿写在提纲旁边。",
                           "Outline files (.yaml) to build; each becomes a .docx beside it unless -o is given."),
    "cli.build.output": ("文稿写到哪里（.docx）；有几份提纲时，给一个文件夹。",
                         "Where to write the .docx. With several outlines, a folder to write them into."),
    "cli.build.force": ("覆盖已经存在的文稿。", "Replace output files that already exist."),
    "cli.build.reference": ("用这份 .docx 的样式和页面设置（其中的文字不用）。默认：./templates/reference.docx，"
                            "没有就用内置的。",
                            "A .docx whose styles and page setup to use (its text is ignored). "
                            "Default: ./templates/reference.docx, else the built-in one."),
    "cli.build.annotate": ("在每句引用的素材上加 Word 批注，注明编号和出处。",
                           "Add a Word comment on each reused phrase naming its id and source."),
    "cli.build.bank": ("phrase: 和 pick: 所用的素材库文件夹（默认 ./phrasebank，没有就用内置的）。",
                       "The phrase bank folder for phrase: and pick: (default: ./phrasebank, "
                       "else the built-in bank)."),
    "cli.build.seed": ("让 pick: 换一种选法（任意词语；同一个词，选法不变）。",
                       "Make pick: choose differently (any word; the same seed, the same choice)."),
    "cli.build.output_folder": ("有几份提纲时，-o 须是文件夹", "with several outlines, -o must be a folder"),
    "cli.build.placeholders": ("{path}：警告：还有 {count} 处【…】没有填写",
                               "{path}: warning: {count} placeholders 【…】 are still to be written"),
    # wengao new
    "cli.new.help": ("从某一文种的带注释提纲骨架开始写一份新提纲（骨架本身就能生成文稿）。",
                     "Start a new outline from a genre's commented skeleton (it builds as it is)."),
    "cli.new.genre": ("文种：speech、exchange、study-report、news 或 compilation。",
                      "speech, exchange, study-report, news or compilation."),
    "cli.new.output": ("提纲写到哪里（.yaml）。", "Where to write the outline (.yaml)."),
    "cli.new.title": ("填入的标题。", "The title to put in."),
    "cli.new.speaker": ("讲话人（心得体会则是作者的职务署名）。",
                        "The speaker (or, for a study report, the author's post)."),
    "cli.new.list": ("列出全部文种后退出。", "List the genres and stop."),
    "cli.new.suffix": ("提纲文件名以 .yaml 结尾", "an outline file name ends in .yaml"),
    "cli.new.wrote": ("已写入 {path}；改好后运行：wengao build {path}",
                      "wrote {path}; edit it, then: wengao build {path}"),
    # wengao init
    "cli.init.help": ("把内置的模板、参考文档和素材库复制到文件夹里，以便修改。",
                      "Copy the built-in templates, reference .docx and phrase bank here, to edit them."),
    "cli.init.folder": ("要准备的文件夹（默认：当前文件夹）。", "The folder to set up (default: here)."),
    "cli.init.force": ("覆盖已经存在的文件。", "Replace files that already exist."),
    "cli.init.done": ("已把 {count} 个文件复制到 {folder}/templates 和 {folder}/phrasebank；"
                      "在这个文件夹里运行 wengao 时就用它们",
                      "copied {count} files into {folder}/templates and {folder}/phrasebank; "
                      "wengao uses them when run from this folder"),
    # wengao reference
    "cli.reference.help": ("写出内置的参考文档（样式和页面设置），供在 Word 里修改样式。",
                           "Write the built-in reference .docx (styles and page setup) for you to "
                           "restyle in Word."),
    "cli.reference.output": ("写到哪里（.docx）。", "Where to write the .docx."),
    # wengao outline
    "cli.outline.help": ("处理提纲：从已有文稿中提取提纲。",
                         "Work with outlines: extract one from an existing document."),
    "cli.outline.extract.help": ("把已有文稿变成可以修改、再生成的提纲。",
                                 "Turn an existing document into an outline you can edit and rebuild."),
    "cli.outline.extract.document": ("讲话稿、心得体会、新闻稿或汇编（.txt 或 .docx）。",
                                     "A speech, study report, news report or compilation (.txt or .docx)."),
    "cli.outline.extract.output": ("提纲写到哪里（.yaml）；不给就直接显示。",
                                   "Where to write the outline (.yaml); without it, print it."),
    "cli.outline.extract.json": ("以 JSON 而不是 YAML 显示提纲。", "Print the outline as JSON instead of YAML."),
    # wengao phrases
    "cli.phrases.help": ("查找、查看、列出和添加素材库里的素材。",
                         "Search, show, list and add phrases of the phrase bank."),
    "cli.phrases.bank": ("素材库文件夹（默认 ./phrasebank，没有就用内置的）。",
                         "The phrase bank folder (default: ./phrasebank, else the built-in bank)."),
    "cli.phrases.json": ("以 JSON 数组显示。", "Print a JSON array of entries instead."),
    "cli.phrases.function": ("只看这一类：opening、closing、heading、term……（见 phrases list）。",
                             "Only this function: opening, closing, heading, term, … (see phrases list)."),
    "cli.phrases.genre": ("文种：speech、exchange、study-report 或 news。",
                          "speech, exchange, study-report or news."),
    "cli.phrases.search.help": ("查找含有查询词的素材，最合适的在前。", "Find phrases containing QUERY, best first."),
    "cli.phrases.search.query": ("要找的中文（两个字以上）。", "Chinese text to find (two characters or more)."),
    "cli.phrases.search.topic": ("只找这个主题的素材。", "Only phrases of this topic."),
    "cli.phrases.search.limit": ("最多显示几条。", "At most this many results."),
    "cli.phrases.search.none": ("没有素材含有“{query}”", "no phrase contains {query}"),
    "cli.phrases.show.help": ("显示一条素材及其出处。", "Show one phrase with its sources."),
    "cli.phrases.show.id": ("素材编号，例如 closing.0007。", "A phrase id such as closing.0007."),
    "cli.phrases.show.unknown": ("没有这个素材编号", "no such phrase id"),
    "cli.phrases.list.help": ("列出素材库（某一类）的素材。", "List the phrases of the bank (of one function)."),
    "cli.phrases.add.help": ("添加一条自己写的素材（重新提炼素材库时保留）。",
                             "Add a hand-written phrase (kept when the bank is mined again)."),
    "cli.phrases.add.text": ("素材原文；可替换的部分写成 {名称}。", "The phrase; write slots in braces, e.g. {名称}."),
    "cli.phrases.add.function": ("它的用途，例如 closing。", "Its function, e.g. closing."),
    "cli.phrases.add.topic": ("主题（可给多次）。", "A topic (repeatable)."),
    "cli.phrases.add.genre": ("文种（可给多次）。", "A genre (repeatable)."),
    "cli.phrases.add.done": ("已添加 {id}", "added {id}"),
    # wengao mine
    "cli.mine.help": ("从以往文稿中提炼素材库（开头、结尾、标题、提法……）。",
                      "Mine a phrase bank (openings, closings, headings, formulations …) from past documents."),
    "cli.mine.inputs": ("要读的文稿（UTF-8 或 GB18030 的 .txt、.docx）或文件夹。",
                        "Corpus files (.txt in UTF-8 or GB18030, .docx) or folders to read."),
    "cli.mine.output": ("要写的素材库文件夹（每类一个 YAML 文件）。其中提炼出的条目会被替换，"
                        "自己添加的保留。",
                        "The phrase bank folder to write (one YAML file per function). Mined entries "
                        "there are replaced; hand-written ones are kept."),
    "cli.mine.repairs": ("另加的修正表（{wrong, right, before, after} 的 YAML 列表）；可给多次。",
                         "An extra repair table (YAML list of {wrong, right, before, after}); may be "
                         "given more than once."),
    "cli.mine.quiet": ("不显示汇总。", "Print no summary."),
    "cli.mine.wrote": ("已向 {folder} 写入 {count} 个文件", "wrote {count} files to {folder}"),
    "cli.mine.nothing": ("没有找到可读的 .txt 或 .docx 文稿", "no readable .txt or .docx documents found"),
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
    # (end of check)
    # -- format: wengao format -----------------------------------------------------------------------
    # (end of format)
}
