"""Tables of the reminder schedule.

They are registered in the ``hearth.limits`` migration set (see :mod:`desktop.limits.schema`),
so this module only defines the migration function; never edit it after release, append a new
one instead.
"""


def create_reminder_tables(db):
    # Every reminder or warning that was shown, once per due point (so restarts neither repeat
    # nor skip one); reports count "reminders shown" from here.
    db["reminder_log"].create(
        {
            "id": int,
            "profile_id": int,
            "kind": str,
            "due_key": str,
            "day": str,
            "shown_at": str,
        },
        pk="id",
        not_null={"profile_id", "kind", "due_key", "shown_at"},
    )
    db["reminder_log"].create_index(["profile_id", "kind", "due_key"], unique=True)
    db["reminder_log"].create_index(["profile_id", "day"])
    # External dependence flags (R3), e.g. raised by the safety detector on "you're my only friend".
    db["reminder_flags"].create(
        {"id": int, "profile_id": int, "source": str, "at": str, "day": str},
        pk="id",
        not_null={"profile_id", "source", "at", "day"},
    )
    db["reminder_flags"].create_index(["profile_id", "day"])
