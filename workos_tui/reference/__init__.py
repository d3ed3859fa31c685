"""Reference data shipped with the package.

``workos-openapi.yaml`` is the official WorkOS OpenAPI 3.1.1 specification (release 0.61.0 of
the public ``workos/openapi-spec`` repository, ``spec/open-api-spec.yaml``), MIT licensed: see
``workos-openapi.LICENSE.txt`` beside it. The emulator's coverage command, the tests' spec
checks and the console's operation list read this copy, so a bare clone needs nothing beside it.
"""

from __future__ import annotations

from pathlib import Path

SPEC_PATH = Path(__file__).resolve().parent / "workos-openapi.yaml"
SPEC_LICENSE_PATH = SPEC_PATH.with_name("workos-openapi.LICENSE.txt")
