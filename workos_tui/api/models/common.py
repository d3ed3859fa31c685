"""Small shapes shared by several areas, and reusable field constraints from the spec."""

from __future__ import annotations

from typing import Annotated

from pydantic import StringConstraints

from .base import WorkOSModel

# Metadata: at most 50 keys of up to 40 characters, values up to 600 characters.
MetadataValue = Annotated[str, StringConstraints(max_length=600)]
Metadata = dict[str, MetadataValue]
METADATA_MAX_KEYS = 50
METADATA_DESCRIPTION = "Key/value pairs (up to 50 keys, values up to 600 characters)."

# External ids: up to 128 ASCII characters.
EXTERNAL_ID_MAX_LENGTH = 128
EXTERNAL_ID_PATTERN = r"^[\x00-\x7F]+$"


class SlimRole(WorkOSModel):
    """A role as memberships and directory users reference it."""

    slug: str
