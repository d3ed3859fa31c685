"""The registry of resource declarations, in sidebar order."""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from workos_tui.resources.base import Related, ResourceType


def _same(one: Related, other: Related) -> bool:
    """Two links open the same list (a resource's children and its parent do not)."""
    return one.target == other.target and one.param == other.param


def jump_name(name: str) -> str:
    """How ``:`` compares names: ``:api-keys``, ``:api_keys`` and ``:API-Keys`` are one."""
    return name.strip().lower().replace("-", "_")


class ResourceRegistry:
    """Resource types by key, with lookup by any of their ``:`` jump names."""

    def __init__(self, resources: Iterable[ResourceType] = ()) -> None:
        self._by_key: dict[str, ResourceType] = {}
        self._by_name: dict[str, ResourceType] = {}
        self._extra_related: dict[str, list[Related]] = {}
        for resource in resources:
            self.register(resource)

    def register(self, resource: ResourceType) -> None:
        if resource.key in self._by_key:
            raise ValueError(f"resource {resource.key!r} is declared twice")
        self._by_key[resource.key] = resource
        for name in resource.jump_names:
            self._by_name.setdefault(jump_name(name), resource)

    def add_related(self, key: str, related: Iterable[Related]) -> None:
        """Add related resources to ``key`` (areas declared elsewhere link themselves in)."""
        extra = self._extra_related.setdefault(key, [])
        for link in related:
            if not any(_same(existing, link) for existing in extra):
                extra.append(link)

    def related_for(self, resource: ResourceType) -> tuple[Related, ...]:
        """The resource's own related resources, then those other areas added."""
        own = resource.related
        extra = [
            link
            for link in self._extra_related.get(resource.key, ())
            if not any(_same(existing, link) for existing in own)
        ]
        return (*own, *extra)

    def __getitem__(self, key: str) -> ResourceType:
        return self._by_key[key]

    def __contains__(self, key: object) -> bool:
        return key in self._by_key

    def __iter__(self) -> Iterator[ResourceType]:
        return iter(self._by_key.values())

    def __len__(self) -> int:
        return len(self._by_key)

    def top_level(self) -> list[ResourceType]:
        return [resource for resource in self._by_key.values() if resource.top_level]

    def resolve(self, name: str) -> ResourceType | None:
        """Find a resource by key or alias; a unique prefix also matches (``:org`` → orgs)."""
        wanted = jump_name(name)
        if not wanted:
            return None
        if wanted in self._by_name:
            return self._by_name[wanted]
        matches = {r.key: r for n, r in self._by_name.items() if n.startswith(wanted)}
        if len(matches) > 1:  # an area of the sidebar wins over lists reached from a row
            matches = {key: r for key, r in matches.items() if r.top_level}
        if len(matches) == 1:
            return next(iter(matches.values()))
        return None
