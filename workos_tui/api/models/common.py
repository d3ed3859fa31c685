"""Small shapes shared by several areas, and reusable field constraints from the spec.

Where the spec gives no bound, input models still get one: a 100,000-character name is a
mistake (or an attack on whoever displays it), not a name. The bounds here are generous.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Annotated

from pydantic import AfterValidator, StringConstraints
from pydantic_core import PydanticCustomError

from .base import WorkOSModel

# Metadata: at most 50 keys of up to 40 characters, values up to 600 characters.
MetadataValue = Annotated[str, StringConstraints(max_length=600)]
Metadata = dict[str, MetadataValue]
METADATA_MAX_KEYS = 50
METADATA_DESCRIPTION = "Key/value pairs (up to 50 keys, values up to 600 characters)."

# External ids: up to 128 ASCII characters.
EXTERNAL_ID_MAX_LENGTH = 128
EXTERNAL_ID_PATTERN = r"^[\x00-\x7F]+$"

# Bounds where the spec is silent.
NAME_MAX_LENGTH = 256
"""Names (organizations, users' first and last names, applications): the spec's group names."""
TEXT_MAX_LENGTH = 4096
"""Free text (descriptions, notes, URLs, identifiers) without a bound of its own."""
DOCUMENT_MAX_LENGTH = 65_536
"""Documents and secrets (a JWT template, a Vault value, a key or certificate), lists and JSON."""
EMAIL_LOCAL_MAX_LENGTH = 64
EMAIL_DOMAIN_MAX_LENGTH = 255
EMAIL_MAX_LENGTH = EMAIL_LOCAL_MAX_LENGTH + 1 + EMAIL_DOMAIN_MAX_LENGTH
"""RFC 5321: a local part of up to 64 octets, ``@``, a domain of up to 255 (320 in all)."""
_LABEL_MAX_LENGTH = 63


def check_email(value: str) -> str:
    """An email address as the spec's ``format: email`` means it (RFC 5321 sizes)."""
    local, at, domain = value.rpartition("@")
    if not at or not local or not domain or any(c.isspace() for c in value) or "@" in local:
        raise PydanticCustomError("email", "not an email address (name@example.com)")
    if len(local) > EMAIL_LOCAL_MAX_LENGTH:
        raise PydanticCustomError(
            "email",
            "the part before @ is longer than {limit} characters",
            {"limit": EMAIL_LOCAL_MAX_LENGTH},
        )
    labels = domain.split(".")
    if len(domain) > EMAIL_DOMAIN_MAX_LENGTH or any(
        not label or len(label) > _LABEL_MAX_LENGTH for label in labels
    ):
        raise PydanticCustomError("email", "the part after @ is not a domain name")
    return value


Email = Annotated[str, StringConstraints(max_length=EMAIL_MAX_LENGTH), AfterValidator(check_email)]
"""An email address (``format: email`` in the spec), at most 320 characters."""
Name = Annotated[str, StringConstraints(max_length=NAME_MAX_LENGTH)]
"""A display name: at most 256 characters."""
Text = Annotated[str, StringConstraints(max_length=TEXT_MAX_LENGTH)]
"""Free text without a bound in the spec: at most 4096 characters."""
Document = Annotated[str, StringConstraints(max_length=DOCUMENT_MAX_LENGTH)]
"""A document (a template, say): at most 64 KiB of characters."""


class SlimRole(WorkOSModel):
    """A role as memberships and directory users reference it."""

    slug: str


__all__ = [
    "SlimRole",
]


# Fields that name another object: the console offers a picker over that object's list.


@dataclass(frozen=True)
class Picks:
    """Field metadata: the value names an object of the console area ``area`` (its resource
    key, e.g. ``"organizations"``), by ``value`` (the id, or ``"slug"`` for roles …).

    Read by the form machinery (``resources/forms.py``); the API layer only carries it.
    """

    area: str
    value: str = "id"


OrganizationRef = Annotated[str, Picks("organizations")]
UserRef = Annotated[str, Picks("users")]
RoleSlugRef = Annotated[str, Picks("roles", "slug")]
PermissionSlugRef = Annotated[str, Picks("permissions", "slug")]
ConnectionRef = Annotated[str, Picks("connections")]
DirectoryRef = Annotated[str, Picks("directories")]
GroupRef = Annotated[str, Picks("groups")]
ResourceRef = Annotated[str, Picks("authorization_resources")]
MembershipRef = Annotated[str, Picks("memberships")]
FeatureFlagSlugRef = Annotated[str, Picks("feature_flags", "slug")]
