"""A guardian core without a keyring, for unit tests of the PIN, lockout and settings logic.

Secrets go to the opted-in 0600 file backend, so these tests need no D-Bus session; the
integration tests cover the real Secret Service.
"""

from desktop.guardian.core import GuardianCore, fallback_status
from desktop.guardian.secrets import FileSecretBackend, SecretStore
from desktop.storage import open_database


def make_core(data_dir, clock) -> GuardianCore:
    db = open_database(data_dir)
    path = data_dir / "secrets.fallback.json"
    return GuardianCore(db, data_dir, clock, SecretStore(FileSecretBackend(path), fallback_status(path)))
