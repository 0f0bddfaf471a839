"""The functions a phrase serves, and the names a writer may call them by (中文 or English)."""

from __future__ import annotations

FUNCTIONS: dict[str, str] = {
    "opening": "开头", "significance": "意义认识", "achievement": "成绩回顾", "problem": "问题短板",
    "task": "任务部署", "requirement": "要求保障", "experience": "经验启示", "resolution": "表态打算",
    "transition": "过渡", "closing": "结尾号召", "salutation": "称呼", "heading": "标题",
    "parallel": "排比对仗", "term": "提法", "quote": "引语金句",
}

# Other names a writer may type; the Chinese labels above and the English names (singular or
# plural, any case) are always understood.
ALIASES: dict[str, str] = {
    "开头语": "opening", "开场": "opening", "开场白": "opening", "开篇": "opening",
    "意义": "significance", "认识": "significance", "重要意义": "significance",
    "成绩": "achievement", "成效": "achievement", "回顾": "achievement", "成就": "achievement",
    "工作回顾": "achievement",
    "问题": "problem", "短板": "problem", "不足": "problem", "差距": "problem",
    "任务": "task", "部署": "task", "工作部署": "task", "举措": "task", "措施": "task",
    "要求": "requirement", "保障": "requirement", "组织保障": "requirement",
    "经验": "experience", "启示": "experience", "体会": "experience",
    "表态": "resolution", "打算": "resolution", "下一步": "resolution", "下步打算": "resolution",
    "过渡语": "transition", "承上启下": "transition", "转折": "transition",
    "结尾": "closing", "结束语": "closing", "结语": "closing", "号召": "closing", "结束": "closing",
    "ending": "closing", "conclusion": "closing",
    "称谓": "salutation", "称呼语": "salutation",
    "小标题": "heading", "题目": "heading", "title": "heading",
    "排比": "parallel", "对仗": "parallel", "排比句": "parallel",
    "规范提法": "term", "术语": "term", "formulation": "term",
    "引语": "quote", "金句": "quote", "名言": "quote", "引用": "quote", "quotation": "quote",
}


def canonical_function(name: str) -> str | None:
    """The function a name means, or None when it means none."""
    key = name.strip()
    if key in FUNCTIONS:
        return key
    low = key.lower()
    if low in FUNCTIONS:
        return low
    if low.endswith("s") and low[:-1] in FUNCTIONS:
        return low[:-1]
    for function, label in FUNCTIONS.items():
        if key == label:
            return function
    return ALIASES.get(key) or ALIASES.get(low) or (ALIASES.get(low[:-1]) if low.endswith("s") else None)


def function_name(function: str) -> str:
    """A function as the user reads it: 结尾号召 in Chinese, closing in English."""
    from wengao.i18n import EN, language

    return function if language() == EN else FUNCTIONS.get(function, function)


def function_list() -> str:
    """All functions, as a writer reads them: closing（结尾号召）, …"""
    return "、".join(f"{f}（{label}）" for f, label in FUNCTIONS.items())


def resolve_function(name: str | None, where: str = "--function") -> str | None:
    """A function name from the command line or an outline, or a UsageError listing the valid ones."""
    if name is None:
        return None
    found = canonical_function(name)
    if found is None:
        from wengao.errors import UsageError
        from wengao.i18n import t

        raise UsageError.single(where, t("phrases.unknown_function", name=name),
                                hint=t("phrases.valid_functions", functions=function_list()))
    return found
