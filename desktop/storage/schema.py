"""The ordered list of every subsystem's migration set.

Each subsystem keeps its own append-only ``Migrations("hearth.<name>")`` next to its repository;
add a new set at the end of this list. Sets listed earlier may be referenced by foreign keys of
later ones, never the reverse.
"""

from desktop.alerts.schema import migrations as alert_migrations
from desktop.companion.schema import migrations as companion_migrations
from desktop.complaints.schema import migrations as complaints_migrations
from desktop.guardian.schema import migrations as guardian_migrations
from desktop.limits.schema import migrations as limits_migrations
from desktop.profiles.schema import migrations as profile_migrations

MIGRATION_SETS = [
    profile_migrations,
    companion_migrations,
    alert_migrations,
    guardian_migrations,
    limits_migrations,
    complaints_migrations,
]
