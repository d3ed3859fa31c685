"""Actions on a resource list's selected row: create, edit, delete and extra actions.

A mixin of :class:`~workos_tui.ui.widgets.resource_view.ResourceView`, split out to keep modules
small (copy, open, export and result dialogs live in its base, ``resource_shortcuts``).
Mutations run in the ``resource-mutation`` worker group and report back by message. The screens
it opens are imported when first opened, so the first screen does not pay for them.
"""

from __future__ import annotations

from collections.abc import Awaitable, Callable
from typing import TYPE_CHECKING, Any

from pydantic import BaseModel
from textual import on, work
from textual.binding import Binding
from textual.message import Message

from workos_tui.api.errors import ReadOnlyError, WorkOSError
from workos_tui.resources.base import Action, resolve_model
from workos_tui.resources.view_links import ViewAction
from workos_tui.ui.error_text import attempt, describe_error
from workos_tui.ui.key_hold import FocusStays
from workos_tui.ui.messages import EditSourceLoaded, MutationFailed, MutationSucceeded
from workos_tui.ui.view_requests import OpenView
from workos_tui.ui.widgets.resource_shortcuts import ResourceShortcuts

if TYPE_CHECKING:
    # Imported where used: forms and results (pydantic models built at import) are not needed
    # before a form or a result dialog opens.
    from workos_tui.resources.forms import RawValue

MUTATIONS = {"create", "edit", "delete", "actions"}
TYPED_NAME_MAX = 64
"""A delete is confirmed by typing the name up to this length, by typing the id beyond it."""


def initial_values(model: type[BaseModel], item: Any) -> dict[str, RawValue]:
    """The form's starting text for each field, read from the item (or a mapping)."""
    from workos_tui.resources.forms import form_fields

    values: dict[str, RawValue] = {}
    for spec in form_fields(model):
        current = item.get(spec.name) if isinstance(item, dict) else getattr(item, spec.name, None)
        if current is None and spec.default is not None:
            current = spec.default
        values[spec.name] = spec.to_text(current)
    return values


def with_article(noun: str) -> str:
    """``noun`` after "a" or "an", by its sound: an organization, a user, an API key."""
    first = noun.split(" ", 1)[0]
    if first.isupper():  # an acronym, read letter by letter
        vowel_sound = first[0] in "AEFHILMNORSX"
    else:
        vowel_sound = first[:1].lower() in ("a", "e", "i", "o") or first.startswith("unde")
    return ("an " if vowel_sound else "a ") + noun


class MutationOutcomeUnknown(Message):
    """A change timed out after it was sent: the server may have applied it."""

    def __init__(self, verb: str, error: WorkOSError) -> None:
        super().__init__()
        self.verb = verb
        self.error = error


class ResourceActions(ResourceShortcuts):
    """Bindings and flows for acting on the selected row."""

    BINDINGS = [
        Binding("n", "create", "New", id="resource.create"),
        Binding("e", "edit", "Edit", id="resource.edit"),
        Binding("d", "delete", "Delete", id="resource.delete"),
        Binding("a", "actions", "Actions", id="resource.actions"),
        Binding("y", "copy_id", "Copy id", id="resource.copy_id"),
        Binding("Y", "copy_json", "Copy JSON", show=False, id="resource.copy_json"),
        Binding("w", "open_dashboard", "Dashboard", show=False, id="resource.dashboard"),
        Binding("x", "export", "Export", show=False, id="resource.export"),
    ]

    def replace_item(self, item: Any) -> bool:
        """Swap a changed item in place; False when it is not loaded."""
        items: list[Any] = getattr(self, "items", [])
        visible: list[int] = getattr(self, "visible_rows", [])
        wanted = self.resource.item_id(item)
        for index, existing in enumerate(items):
            if self.resource.item_id(existing) != wanted:
                continue
            items[index] = item
            if index in visible:
                row = visible.index(index)
                table: Any = self.query_one("#resource-table")
                table.update_row(row, table.render_cells(item))
                detail: Any = self.query_one("#resource-detail")
                detail.show_item(item)
            return True
        return False

    if TYPE_CHECKING:  # ResourceFreshness's, before this class in the view's bases

        def refresh_rows(self) -> None: ...

    def check_mutation_action(self, action: str) -> bool | None:
        resource = self.resource
        available = {
            "create": resource.create is not None and resource.create_model is not None,
            "edit": resource.update is not None and resource.update_model is not None,
            "delete": resource.delete is not None,
            "actions": bool(resource.actions),
            "open_dashboard": resource.dashboard_path is not None,
        }
        if action not in available:
            return True
        return available[action]  # read-only: enabled, and the action says why it refuses

    def refused_read_only(self, verb: str) -> bool:
        """In a read-only profile, say why ``verb`` is refused (the key used to do nothing)."""
        if not self.context.read_only:
            return False
        name = self.context.environment.name
        self.notify(
            f"Profile {name} is read-only: {verb} is refused. Switch profile (Ctrl+P) to change.",
            title="Read-only",
            severity="warning",
        )
        self.post_message(FocusStays())  # nothing opens: keys typed after this one go on now
        return True

    # ------------------------------------------------------------- create / edit

    def action_create(self) -> None:
        from workos_tui.ui.screens.form import FormScreen

        if self.refused_read_only(f"creating {with_article(self.resource.singular)}"):
            return
        resource = self.resource
        model = resolve_model(resource.create_model)
        if resource.create is None or model is None:
            return
        creator = resource.create
        workos = self.context.workos
        initial = initial_values(model, dict(resource.create_prefill(self.scope)))

        async def submit(model: BaseModel) -> BaseModel | None:
            return await creator(workos, model)

        self.app.push_screen(
            FormScreen(
                f"New {resource.singular}",
                model,
                initial,
                submit,
                mode="create",
                reload=self.reload,
            ),
            self._after_create,
        )

    def _after_create(self, result: BaseModel | None) -> None:
        from workos_tui.resources.results import created_secrets

        if result is None:
            return
        self.notify(f"{self.resource.singular.capitalize()} created.")
        once = created_secrets(self.resource, result)
        if once is not None:
            self.show_result(once)
        else:
            self.reload()

    def action_edit(self) -> None:
        if self.refused_read_only(f"editing {with_article(self.resource.singular)}"):
            return
        resource = self.resource
        item = self.selected
        if item is None or resource.update is None or resource.update_model is None:
            return
        if resource.edit_source is not None:
            self._load_for_edit(resource.item_id(item))
        else:
            self._open_edit_form(item, item)

    @work(exclusive=True, group="resource-edit-load")
    async def _load_for_edit(self, item_id: str) -> None:
        source = self.resource.edit_source
        assert source is not None
        try:
            fresh = await source(self.context.workos, item_id)
        except WorkOSError as error:
            self.post_message(MutationFailed("edit", error))
            return
        self.post_message(EditSourceLoaded(item_id, fresh))

    @on(EditSourceLoaded)
    def _edit_source_loaded(self, message: EditSourceLoaded) -> None:
        message.stop()
        item = self.selected
        if item is None or self.resource.item_id(item) != message.item_id:
            return
        self._open_edit_form(item, message.item)

    def _open_edit_form(self, item: Any, source: Any) -> None:
        from workos_tui.resources.forms import form_fields
        from workos_tui.ui.screens.form import FormScreen

        resource = self.resource
        updater = resource.update
        model = resolve_model(resource.update_model)
        assert updater is not None and model is not None
        workos = self.context.workos
        item_id = resource.item_id(item)
        initial = initial_values(model, source)
        always: set[str] = set()
        if resource.edit_prefill is not None:
            prefill = dict(resource.edit_prefill(source))
            for spec in form_fields(model):
                if spec.name in prefill:
                    initial[spec.name] = spec.to_text(prefill[spec.name])
                    always.add(spec.name)

        async def submit(changes: BaseModel) -> BaseModel | None:
            return await updater(workos, item_id, changes)

        self.app.push_screen(
            FormScreen(
                f"Edit {resource.singular} {resource.item_name(item)}",
                model,
                initial,
                submit,
                mode="edit",
                always_send=always,
                reload=self.reload,
            ),
            self._after_edit,
        )

    def _after_edit(self, result: BaseModel | None) -> None:
        if result is None:
            return
        self.notify(f"{self.resource.singular.capitalize()} saved.")
        if not self.replace_item(result):
            self.reload()
        else:  # what the server computes and an update's answer may lack ("Updated" on Vault)
            self.refresh_rows()

    # ------------------------------------------------------------- delete

    def action_delete(self) -> None:
        from workos_tui.ui.screens.confirm import TypedConfirmScreen, shorten

        if self.refused_read_only(f"deleting {with_article(self.resource.singular)}"):
            return
        resource = self.resource
        item = self.selected
        if item is None or resource.delete is None:
            return
        item_id = resource.item_id(item)
        name = resource.item_name(item)
        # a name nobody can type (very long, or with control characters): the id confirms
        expected = name if len(name) <= TYPED_NAME_MAX and name.isprintable() else item_id

        def confirmed(ok: bool | None) -> None:
            if ok:
                self._run_mutation("delete", item_id, self._delete_call(item_id))

        production = " in PRODUCTION" if self.context.environment.is_production else ""
        self.app.push_screen(
            TypedConfirmScreen(
                f"Delete {resource.singular}{production}?",
                f"This deletes {resource.singular} {shorten(name)} ({item_id}). "
                "It cannot be undone.",
                expected,
            ),
            confirmed,
        )

    def _delete_call(self, item_id: str) -> Callable[[], Awaitable[BaseModel | None]]:
        deleter = self.resource.delete
        workos = self.context.workos

        async def call() -> BaseModel | None:
            assert deleter is not None
            await deleter(workos, item_id)
            return None

        return call

    # ------------------------------------------------------------- extra actions

    def action_actions(self) -> None:
        from workos_tui.ui.screens.action_menu import ActionMenuScreen

        item = self.selected
        if item is None:
            return
        actions = [action for action in self.resource.actions if action.applies(item)]
        if not actions:
            self.notify("No actions apply to this row.")
            return
        self.app.push_screen(
            ActionMenuScreen(self.resource.singular, actions),
            lambda key: self._start_action(key, item),
        )

    def run_extra_action(self, key: str) -> None:
        """Run an extra action on the selected row by its key (command palette, tests)."""
        item = self.selected
        if item is not None:
            self._start_action(key, item)

    def _start_action(self, key: str | None, item: Any) -> None:
        from workos_tui.ui.screens.confirm import ConfirmScreen
        from workos_tui.ui.screens.form import FormScreen

        action = next((a for a in self.resource.actions if a.key == key), None)
        if action is None:
            return
        if isinstance(action, ViewAction):  # opens a view on the row (X-ray, debuggers)
            self.post_message(OpenView(action.view, self.resource.item_id(item)))
            return
        if action.mutates and self.context.read_only:
            self._report_failure(action.title, ReadOnlyError("The profile is read-only."))
            return
        workos = self.context.workos
        input_model = resolve_model(action.input_model)
        if input_model is not None:
            prefill = dict(action.prefill(item)) if action.prefill else {}
            run = action.run

            async def submit(model: BaseModel) -> BaseModel | None:
                return await run(workos, item, model)

            self.app.push_screen(
                FormScreen(
                    f"{action.title}: {self.resource.item_name(item)}",
                    input_model,
                    initial_values(input_model, prefill),
                    submit,
                    mode="create",
                    reload=self.reload,
                    mutates=action.mutates,
                ),
                lambda result: self._after_action(action, result),
            )
            return
        call = self._action_call(action, item)
        if action.confirm:
            self.app.push_screen(
                ConfirmScreen(f"{action.title}?", f"{self.resource.item_name(item)}"),
                lambda ok: (
                    self._run_mutation(action.title, "", call, action.mutates) if ok else None
                ),
            )
        else:
            self._run_mutation(action.title, "", call, action.mutates)

    def _action_call(self, action: Action, item: Any) -> Callable[[], Awaitable[BaseModel | None]]:
        workos = self.context.workos

        async def call() -> BaseModel | None:
            return await action.run(workos, item, None)

        return call

    def _after_action(self, action: Action, result: BaseModel | None) -> None:
        if result is not None:
            self.post_message(MutationSucceeded(action.title, result, ""))

    # ------------------------------------------------------------- mutation worker

    def _run_mutation(
        self,
        verb: str,
        item_id: str,
        call: Callable[[], Awaitable[BaseModel | None]],
        mutates: bool = True,
    ) -> None:
        self._mutate(verb, item_id, call, mutates)

    @work(exclusive=True, group="resource-mutation")
    async def _mutate(
        self,
        verb: str,
        item_id: str,
        call: Callable[[], Awaitable[BaseModel | None]],
        mutates: bool,
    ) -> None:
        from workos_tui.ui.screens.form import outcome_unknown

        outcome = await attempt(call())
        if isinstance(outcome, WorkOSError) and mutates and outcome_unknown(outcome):
            self.post_message(MutationOutcomeUnknown(verb, outcome))
            return
        if isinstance(outcome, WorkOSError):
            self.post_message(MutationFailed(verb, outcome))
            return
        self.post_message(MutationSucceeded(verb, outcome, item_id))

    @on(MutationSucceeded)
    def _mutation_succeeded(self, message: MutationSucceeded) -> None:
        from workos_tui.resources.results import ActionResult

        message.stop()
        if isinstance(message.item, ActionResult):
            self.show_result(message.item)
            return
        self.notify(f"{message.verb.capitalize()}: done.")
        if message.item is not None and self.replace_item(message.item):
            return
        self.reload()

    @on(MutationOutcomeUnknown)
    def _mutation_outcome_unknown(self, message: MutationOutcomeUnknown) -> None:
        """A change timed out: not "failed" (it may have landed); offer to reload the list."""
        from workos_tui.ui.screens.confirm import ConfirmScreen
        from workos_tui.ui.screens.form import unknown_outcome_text

        message.stop()
        self.app.push_screen(
            ConfirmScreen(
                f"{message.verb.capitalize()}: outcome unknown",
                unknown_outcome_text(message.error) + "\n\nReload the list now?",
                yes="Reload",
                no="Not now",
            ),
            lambda reload: self.reload() if reload else None,
        )

    @on(MutationFailed)
    def _mutation_failed(self, message: MutationFailed) -> None:
        message.stop()
        self._report_failure(message.verb, message.error)

    def _report_failure(self, verb: str, error: WorkOSError) -> None:
        text = describe_error(error)
        self.notify(text.one_line(), title=f"{verb.capitalize()} failed", severity="error")
