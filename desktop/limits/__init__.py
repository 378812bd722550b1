"""Time limits: the rules a guardian sets, the usage ledger and the pure policy over both.

Modules: ``rules`` (TimeRules), ``repository`` (storage of rules), ``policy`` (the engine),
``ledger`` (per-day usage with integrity checks), ``clockguard`` (trusted time, tamper
detection), ``tracker`` (turning ticks into usage), ``service`` (what the UI calls),
``status`` (what ``hearth status`` prints), ``audit`` (events the guardian sees).
Import from the submodules; this package file stays empty so the import graph has no cycles.
"""
