"""A real Secret Service for integration tests (gnome-keyring on a private D-Bus session).

Make the fixtures visible in a test module (assignment, so linters see no shadowed import)::

    from tests.integration import secret_service as _secret_service

    secret_service = _secret_service.secret_service
    keyring_service = _secret_service.keyring_service

``secret_service`` (session scope) returns a ``keyring`` SecretService backend after a real
write/read/delete round trip on the current D-Bus session bus. When none is reachable it FAILS
the tests if ``HEARTH_REQUIRE_SECRET_SERVICE=1`` (CI sets it), and skips them otherwise.
CI runs the tests inside ``dbus-run-session`` with an unlocked gnome-keyring and
``PYTHON_KEYRING_BACKEND=keyring.backends.SecretService.Keyring``; locally::

    dbus-run-session -- bash -c 'export HOME=$(mktemp -d) XDG_RUNTIME_DIR=$(mktemp -d);
      chmod 700 $XDG_RUNTIME_DIR; printf %s pass | gnome-keyring-daemon --unlock
      --components=secrets >/dev/null;
      export PYTHON_KEYRING_BACKEND=keyring.backends.SecretService.Keyring;
      /work/venv/bin/python -m pytest tests/integration/test_guardian_*.py -q'

``keyring_service`` (per test) is a unique keyring service name, so tests never see each other's
entries (nor a real family's), and removes every entry under it afterwards.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid

import pytest

REQUIRE_ENV = "HEARTH_REQUIRE_SECRET_SERVICE"


def _probe():
    """(backend, None) if a Secret Service answers a real round trip, else (None, why)."""
    if not os.environ.get("DBUS_SESSION_BUS_ADDRESS"):
        return None, "DBUS_SESSION_BUS_ADDRESS is not set (no D-Bus session)"
    try:
        from keyring.backends.SecretService import Keyring

        backend = Keyring()
        service, user, value = f"hearth-probe-{uuid.uuid4().hex}", "probe", uuid.uuid4().hex
        backend.set_password(service, user, value)
        try:
            if backend.get_password(service, user) != value:
                return None, "the Secret Service did not return what was stored"
        finally:
            backend.delete_password(service, user)
    except Exception as exc:  # any failure means "not usable here"; the message says which
        return None, f"{type(exc).__name__}: {exc}"
    return backend, None


@pytest.fixture(scope="session")
def secret_service():
    backend, problem = _probe()
    if backend is None:
        message = f"no usable Secret Service on this D-Bus session: {problem}"
        if os.environ.get(REQUIRE_ENV) == "1":
            pytest.fail(f"{REQUIRE_ENV}=1 but {message}", pytrace=False)
        pytest.skip(message)
    return backend


@pytest.fixture
def keyring_service(secret_service):
    """A fresh keyring service name; its entries are cleared after the test."""
    name = f"org.hearthapp.Hearth.test-{uuid.uuid4().hex[:12]}"
    yield name
    if shutil.which("secret-tool"):
        subprocess.run(["secret-tool", "clear", "service", name], check=False, timeout=10)
