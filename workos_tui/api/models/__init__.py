"""Pydantic models per WorkOS area, importable from here (each area loads on first use).

``from workos_tui.api.models import Organization`` imports ``organizations`` when the name is
first used; ``_exports`` says which area defines which name, so importing the package builds no
model. The type checker reads the areas' ``__all__`` through the imports below.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .._lazy import lazy_exports
from ._exports import AREAS

if TYPE_CHECKING:
    from .agents import *  # noqa: F403
    from .api_keys import *  # noqa: F403
    from .audit_logs import *  # noqa: F403
    from .authentication import *  # noqa: F403
    from .authkit import *  # noqa: F403
    from .authorization import *  # noqa: F403
    from .base import InputModel as InputModel
    from .base import WorkOSModel as WorkOSModel
    from .client_tokens import *  # noqa: F403
    from .common import *  # noqa: F403
    from .connect import *  # noqa: F403
    from .directories import *  # noqa: F403
    from .events import *  # noqa: F403
    from .feature_flags import *  # noqa: F403
    from .groups import *  # noqa: F403
    from .invitations import *  # noqa: F403
    from .magic_auth import *  # noqa: F403
    from .memberships import *  # noqa: F403
    from .mfa import *  # noqa: F403
    from .organizations import *  # noqa: F403
    from .pipes import *  # noqa: F403
    from .sso import *  # noqa: F403
    from .users import *  # noqa: F403
    from .vault import *  # noqa: F403
    from .webhooks import *  # noqa: F403

_EXPORTS = {name: area for area, names in AREAS.items() for name in names}
__all__ = sorted(_EXPORTS)

__getattr__, __dir__ = lazy_exports(__name__, globals(), _EXPORTS)
