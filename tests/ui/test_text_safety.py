"""The one sanitiser (``printable``) and the console's line filter, unit by unit."""

from __future__ import annotations

import pytest
from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from textual.color import Color

from workos_tui.resources.text_safety import printable
from workos_tui.ui.safe_text import TerminalSafetyFilter, plain


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("a\x1b]0;title\x07b", "a␛]0;title␇b"),
        ("\x1b[2J", "␛[2J"),
        ("x\x00y\x7fz", "x␀y␡z"),
        ("csi\x9b31m", "csi<U+009B>31m"),
        ("\u202egnp.exe", "<U+202E>gnp.exe"),
        ("iso\u2066late\u2069", "iso<U+2066>late<U+2069>"),
        ("lone \ud800", "lone \ufffd"),
        ("one\ntwo\tthree\r\nfour\rfive", "one two three four␍five"),
    ],
)
def test_controls_become_visible(raw: str, shown: str) -> None:
    assert printable(raw) == shown


@pytest.mark.parametrize(
    "text",
    [
        "Zoë Ångström",
        "שלום עולם",
        "مرحبا",
        "👩\u200d💻 🏳️\u200d🌈",
        "[red]x[/red] [@click=app.quit]",
        "日本語",
    ],
)
def test_ordinary_unicode_and_markup_characters_are_untouched(text: str) -> None:
    assert printable(text) is text
    assert plain(text).plain == text


def test_multiline_keeps_line_breaks_and_tabs() -> None:
    assert printable("a\r\nb\tc\x1bd", multiline=True) == "a\nb\tc␛d"


def test_line_filter_drops_controls_and_keeps_the_width() -> None:
    style = Style(bold=True)
    segments = [Segment("ok "), Segment("a\x1b]0;t\x07b\u202e\ud800c", style), Segment("")]
    filtered = TerminalSafetyFilter().apply(segments, Color(0, 0, 0))
    assert [segment.text for segment in filtered] == ["ok ", "a]0;tb\ufffdc", ""]
    assert filtered[1].style == style
    assert sum(cell_len(s.text) for s in filtered) == sum(cell_len(s.text) for s in segments)


def test_line_filter_returns_clean_lines_unchanged() -> None:
    segments = [Segment("plain "), Segment("text 👩\u200d💻")]
    assert TerminalSafetyFilter().apply(segments, Color(0, 0, 0)) is segments
