"""KeyBar: the one-line list of keys that apply now."""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Input

from workos_tui.ui.widgets.key_bar import KeyBar


class Editor(Input):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save", id="test.save"),
        Binding("ctrl+d", "discard", "Discard", id="test.discard"),
    ]

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "discard":
            return None  # shown, but not available now
        return True


class KeysApp(App[None]):
    BINDINGS = [
        Binding("f1,question_mark", "note('help')", "Help", id="test.help", key_display="F1/?"),
        Binding("ctrl+x", "note('hidden')", "Hidden", show=False, id="test.hidden"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.notes: list[str] = []

    def compose(self) -> ComposeResult:
        yield Input(id="plain")
        yield Editor(id="editor")
        yield KeyBar()

    def action_note(self, text: str) -> None:
        self.notes.append(text)


async def test_lists_the_focused_widgets_keys_then_the_apps() -> None:
    app = KeysApp()
    async with app.run_test(size=(80, 10)) as pilot:
        bar = app.query_one(KeyBar)
        app.query_one("#plain").focus()
        await pilot.pause()
        assert ("F1/?", "Help") in bar.keys
        assert all(description != "Hidden" for _, description in bar.keys)
        assert all(description != "Save" for _, description in bar.keys)
        app.query_one("#editor").focus()
        await pilot.pause()
        descriptions = [description for _, description in bar.keys]
        assert descriptions.index("Save") < descriptions.index("Help")
        line = bar.render_line(0).text
        assert "Save" in line and "F1/?" in line and len(line) == 80
        assert bar.keys[-1] == (
            app.get_key_display(app.active_bindings["ctrl+p"].binding),
            "palette",
        )


async def test_clicking_a_key_presses_it_and_a_disabled_key_does_nothing() -> None:
    app = KeysApp()
    async with app.run_test(size=(80, 10)) as pilot:
        bar = app.query_one(KeyBar)
        app.query_one("#editor").focus()
        await pilot.pause()
        line = bar.render_line(0).text
        await pilot.click(KeyBar, offset=(line.index("F1/?") + 1, 0))
        await pilot.pause()
        assert app.notes == ["help"]
        await pilot.click(KeyBar, offset=(line.index("Discard"), 0))
        await pilot.pause()
        assert app.notes == ["help"]
