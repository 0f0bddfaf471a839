"""The GB/T 9704-2012 style profile as data: which styles wengao uses, with fonts, sizes,
indents and spacing. Kept free of python-docx so the writer's fast path need not import it.
"""

from __future__ import annotations

from dataclasses import dataclass

FANGSONG = "仿宋_GB2312"
KAITI = "楷体_GB2312"
HEITI = "黑体"
XIAOBIAOSONG = "方正小标宋简体"
SONGTI = "宋体"
LATIN = "Times New Roman"

LINE_PITCH = 579  # twips: 28.95 pt, 22 lines in the 225 mm text block
BODY_CHAR_SPACING = -5  # twentieths of a point: 28 × (16 − 0.25) pt fits the 156 mm line
PAGE_WIDTH_MM, PAGE_HEIGHT_MM = 210, 297
MARGINS_MM = {"top": 37, "bottom": 35, "left": 28, "right": 26}
FOOTER_DISTANCE_MM = 22  # puts the page number about 7 mm under the text block
HEADER_DISTANCE_MM = 15
TEXT_WIDTH_TWIPS = round((PAGE_WIDTH_MM - MARGINS_MM["left"] - MARGINS_MM["right"]) / 25.4 * 1440)


@dataclass(frozen=True)
class ParaStyle:
    style_id: str
    name: str  # the XML name; Word recognises built-in styles by it
    east_asia: str = FANGSONG
    size: float = 16
    bold: bool = False
    align: str = "both"
    first_line_chars: int = 0  # hundredths of a character
    line_exact: int | None = LINE_PITCH
    outline_level: int | None = None
    keep_next: bool = False
    char_spacing: int | None = None
    based_on: str | None = "Normal"
    next_style: str | None = None
    ind_left: int = 0  # twips
    ind_right: int = 0
    custom: bool = False
    ui_priority: int | None = None
    snap_to_grid: bool = True  # large type snapped to the line grid takes two grid lines
    right_tab: int = 0  # twips from the left margin: a right-aligned tab with dot leaders (contents)


def _heading(level: int, font: str, bold: bool = False) -> ParaStyle:
    return ParaStyle(f"Heading{level}", f"heading {level}", east_asia=font, bold=bold,
                     first_line_chars=200, outline_level=level - 1, keep_next=True,
                     next_style="BodyText", ui_priority=9)


PROFILE: tuple[ParaStyle, ...] = (
    ParaStyle("Normal", "Normal", based_on=None, char_spacing=BODY_CHAR_SPACING, ui_priority=0),
    ParaStyle("BodyText", "Body Text", first_line_chars=200),
    ParaStyle("Title", "Title", east_asia=XIAOBIAOSONG, size=22, align="center", keep_next=True,
              char_spacing=0, next_style="BodyText", ui_priority=10, snap_to_grid=False),
    ParaStyle("PartTitle", "Part Title", east_asia=XIAOBIAOSONG, size=22, align="center", keep_next=True,
              char_spacing=0, next_style="BodyText", snap_to_grid=False, outline_level=0, custom=True),
    ParaStyle("Subtitle", "Subtitle", east_asia=KAITI, align="center", keep_next=True,
              next_style="BodyText", ui_priority=11),
    ParaStyle("Byline", "Byline", east_asia=KAITI, align="center", keep_next=True, custom=True),
    ParaStyle("Date", "Date", east_asia=KAITI, align="center", keep_next=True),
    ParaStyle("SourceLine", "Source Line", east_asia=KAITI, align="center", keep_next=True,
              custom=True),
    ParaStyle("Salutation", "Salutation", align="left", next_style="BodyText"),
    _heading(1, HEITI),
    _heading(2, KAITI),
    _heading(3, FANGSONG, bold=True),
    _heading(4, FANGSONG),
    ParaStyle("CoverTitle", "Cover Title", east_asia=XIAOBIAOSONG, size=26, align="center",
              char_spacing=0, custom=True, line_exact=None, snap_to_grid=False),
    ParaStyle("CoverNote", "Cover Note", east_asia=KAITI, align="center", custom=True),
    ParaStyle("TOCHeading", "TOC Heading", east_asia=HEITI, align="center", ui_priority=39),
    ParaStyle("TOC1", "toc 1", align="left", ui_priority=39, right_tab=TEXT_WIDTH_TWIPS),
    ParaStyle("TOC2", "toc 2", align="left", ind_left=640, ui_priority=39, right_tab=TEXT_WIDTH_TWIPS),
    ParaStyle("Footer", "footer", east_asia=SONGTI, size=14, align="left", line_exact=None,
              char_spacing=0, ui_priority=99),
)
