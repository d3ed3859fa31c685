"""The one sanitiser for text that came from outside: server data, error bodies, user input.

Text from a WorkOS response is data. Shown raw, a name like ``"Acme \\x1b]0;pwned\\x07"`` would
set the terminal's title, ``\\x1b]52;c;…`` would write the clipboard, ``\\x1b[2J`` would clear
the screen. :func:`printable` turns every character a terminal would act on into a visible
stand-in, so the admin sees that a value carries control characters, and the terminal never
receives them:

* C0 controls and DEL become Unicode control pictures (``ESC`` → ``␛``, ``BEL`` → ``␇``); a
  line break and a tab are whitespace: kept where the text may span lines (``multiline=True``),
  a space on one line (a list cell);
* C1 controls (``U+0080`` to ``U+009F``, which some terminals read as ``ESC [`` and the like)
  and the bidirectional embedding/override/isolate marks (the "Trojan Source" characters that
  reorder what is shown) become ``<U+XXXX>``;
* lone surrogates (JSON can carry ``"\\ud800"``; the terminal's UTF-8 encoder cannot) become
  ``U+FFFD``.

Ordinary Unicode — accents, right-to-left scripts, emoji and their joiners — is left alone.
The console's line filter (``workos_tui.ui.safe_text``) drops whatever of this class still
reaches a rendered line, so a widget that forgets to call this cannot leak a control either.
"""

from __future__ import annotations

import re
from typing import Final

UNSAFE_CHARACTERS: Final = re.compile("[\x00-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff]")
"""Every character that :func:`printable` replaces (line breaks and tabs included)."""

_CONTROL_PICTURES: Final = {code: chr(0x2400 + code) for code in range(0x20)} | {0x7F: "\u2421"}
_WHITESPACE: Final = frozenset("\n\t")


def _stand_in(character: str) -> str:
    code = ord(character)
    if code in _CONTROL_PICTURES:
        return _CONTROL_PICTURES[code]
    if 0xD800 <= code <= 0xDFFF:
        return "\ufffd"
    return f"<U+{code:04X}>"


def printable(text: str, *, multiline: bool = False) -> str:
    """``text`` with every terminal control made visible (see the module docstring).

    ``multiline`` keeps line breaks and tabs (JSON, messages in a text area); ``\\r\\n`` then
    reads as one line break. Without it the result is always one line.
    """
    if not UNSAFE_CHARACTERS.search(text):
        return text
    text = text.replace("\r\n", "\n")

    def replace(match: re.Match[str]) -> str:
        character = match.group()
        if character in _WHITESPACE:
            return character if multiline else " "
        return _stand_in(character)

    return UNSAFE_CHARACTERS.sub(replace, text)
