"""The guardian's side of Hearth: PIN and lockout, keyring secrets, signed settings, consent, audit.

Everything here is Qt-free. The one entry point most callers need is
:func:`desktop.guardian.core.open_guardian`, which wires the parts together for one data directory.
The threat model (DESIGN.md) treats the child as the adversary and the guardian as trusted; what
these modules can and cannot defend against on a shared OS account is written next to each part.
"""
