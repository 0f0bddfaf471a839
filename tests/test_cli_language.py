"""The command line speaks Chinese first: help, usage errors, click's own words, --version."""

from __future__ import annotations

import re
import string

import pytest
from typer.testing import CliRunner

from wengao.cli import COMMANDS, app, load_command
from wengao.messages import MESSAGES

runner = CliRunner()
CLICK_WORDS = ("Usage", "Options", "Arguments", "Commands", "Show this message", "Missing argument",
               "No such option", "Try ", "Error", "[default", "[required", "Invalid value",
               "Got unexpected")


def _fields(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_message_has_both_languages_with_the_same_placeholders() -> None:
    for key, pair in MESSAGES.items():
        assert isinstance(pair, tuple) and len(pair) == 2, key
        zh, en = pair
        assert zh.strip() and en.strip(), key
        assert _fields(zh) == _fields(en), key
        bare = re.sub(r"\{[^}]*\}", "", zh)
        assert re.search(r"[\u4e00-\u9fff]", bare) or len(re.findall(r"[a-z]{3,}", bare.lower())) <= 2, \
            f"{key}: the Chinese text reads as English"


def _all_commands() -> list[tuple[list[str], object]]:
    out = []
    for name, spec in COMMANDS.items():
        cmd = load_command(name, *spec)
        subs = getattr(cmd, "commands", {})
        out.append(([name], cmd))
        out += [([name, sub], c) for sub, c in subs.items()]
    return out


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_help_text_and_metavar_is_translated(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WENGAO_LANG", lang)
    for path, cmd in _all_commands():
        assert cmd.help and cmd.help not in MESSAGES, path
        for param in cmd.params:
            for text in (getattr(param, "help", None), param.metavar):
                assert text is None or text not in MESSAGES, (path, param.name, text)
            if param.param_type_name == "option":
                assert param.help, (path, param.name, "an option without help")


def test_help_is_chinese_by_default(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WENGAO_LANG")
    for args in ([], ["build"], ["phrases"], ["phrases", "search"], ["outline", "extract"], ["mine"]):
        result = runner.invoke(app, [*args, "--help"])
        assert result.exit_code == 0, result.output
        assert result.output.startswith("用法：wengao")
        assert "选项：" in result.output and "显示本帮助后退出。" in result.output
        for word in CLICK_WORDS:
            assert word not in result.output, (args, word)
    top = runner.invoke(app, ["--help"]).output
    assert "命令：" in top


def test_english_on_request(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("WENGAO_LANG")
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    result = runner.invoke(app, ["build", "--help"])
    assert result.output.startswith("Usage: wengao build [OPTIONS]")
    assert "Show this message and exit." in result.output
    assert "用法" not in result.output


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_the_command_list_is_shown_whole(lang: str, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("WENGAO_LANG", lang)
    monkeypatch.setenv("COLUMNS", "200")
    out = runner.invoke(app, ["--help"]).output
    flat = re.sub(r"\s+", "", out)
    for name, (_, key) in COMMANDS.items():
        assert name in out
        text = MESSAGES[key][0 if lang == "zh" else 1]
        assert re.sub(r"\s+", "", text) in flat, name
    assert "..." not in out.split("命令：" if lang == "zh" else "Commands:")[1]


def test_help_never_ends_a_line_with_an_opening_bracket() -> None:
    from wengao.cli.core import wrap

    assert wrap("一二三四五六七八九（compilation），中英文", 24) == ["一二三四五六七八九", "（compilation），中英文"]


def test_version() -> None:
    from wengao import __version__

    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and __version__ in result.output


@pytest.mark.parametrize(("args", "zh", "en"), [
    (["build"], "缺少参数 'OUTLINE.yaml'", "Missing argument 'OUTLINE.yaml'"),
    (["build", "x.yaml", "--nope"], "没有选项 --nope", "No such option: --nope"),
    (["phrases", "search", "乡村", "-n", "abc"], "'abc' 不是整数", "'abc' is not a whole number"),
    (["biuld"], "没有命令 biuld。（是不是 build？）", "No such command 'biuld'. (did you mean build?)"),
    (["build", "x.yaml", "-o"], "选项 -o 后面要跟一个值", "Option -o needs a value"),
    (["reference", "extra"], "多余的参数：extra", "Unexpected extra arguments: extra"),
])
def test_usage_errors_in_both_languages(args: list[str], zh: str, en: str,
                                        monkeypatch: pytest.MonkeyPatch) -> None:
    for lang, expected in (("zh", zh), ("en", en)):
        monkeypatch.setenv("WENGAO_LANG", lang)
        result = runner.invoke(app, args)
        assert result.exit_code == 2, result.output
        assert expected in result.output, result.output
        assert "Traceback" not in result.output
        if lang == "zh":
            assert "错误：" in result.output and "--help 查看帮助" in result.output
            for word in ("Usage", "Error", "Try ", "Missing", "No such"):
                assert word not in result.output


def test_ctrl_c_exits_130_with_a_word(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import wengao.build

    def interrupted(*_a, **_k):
        raise KeyboardInterrupt

    monkeypatch.setattr(wengao.build, "build_file", interrupted)
    (tmp_path / "a.yaml").write_text("title: 标题\n", encoding="utf-8")
    for lang, word in (("zh", "已中断"), ("en", "Interrupted")):
        monkeypatch.setenv("WENGAO_LANG", lang)
        result = runner.invoke(app, ["build", str(tmp_path / "a.yaml")])
        assert result.exit_code == 130
        assert word in result.output


def test_a_bug_is_one_line_and_exit_70(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:
    import wengao.build

    def broken(*_a, **_k):
        raise ZeroDivisionError("boom")

    monkeypatch.setattr(wengao.build, "build_file", broken)
    monkeypatch.setenv("WENGAO_LANG", "zh")
    result = runner.invoke(app, ["build", str(tmp_path / "a.yaml")])
    assert result.exit_code == 70
    assert result.output.count("\n") == 1 and "内部错误" in result.output and "boom" in result.output


def test_help_starts_without_importing_any_command() -> None:
    import subprocess
    import sys

    code = ("import sys; sys.argv = ['wengao', '--help']\n"
            "from wengao.cli import main\n"
            "try:\n    main()\nexcept SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('wengao.') and m not in "
            "('wengao.cli', 'wengao.cli.core', 'wengao.cli.handle', 'wengao.errors', 'wengao.i18n', "
            "'wengao.messages', 'wengao.text', 'wengao.text.width')), file=sys.stderr)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert out.stderr.strip() == "[]", out.stderr


@pytest.mark.parametrize("signame", ["SIGINT", "SIGTERM"])
def test_a_real_signal_stops_with_a_word_and_leaves_nothing(signame: str, tmp_path) -> None:
    import signal
    import subprocess
    import sys

    script = f"""
import os, signal, sys, threading, time
import wengao.build
def slow(*args, **kwargs):
    time.sleep(30)
wengao.build.build_file = slow
threading.Timer(0.5, lambda: os.kill(os.getpid(), signal.{signame})).start()
sys.argv = ["wengao", "build", "a.yaml"]
from wengao.cli import main
main()
"""
    assert hasattr(signal, signame)
    out = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=20,
                         cwd=tmp_path, env={**__import__("os").environ, "WENGAO_LANG": "zh"})
    assert out.returncode == 130
    assert "已中断" in out.stderr and "Traceback" not in out.stderr
    assert list(tmp_path.iterdir()) == []
