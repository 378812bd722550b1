"""The built-in offline companion (the default backend): rules, templates and data, no model.

Modules: ``language`` (which language to answer in), ``intents`` (what the message is
about), ``memory`` (facts the child told), ``turn`` (reading the history), ``homework``
(hints, never answers), ``reflect`` (the key phrase for curious follow-ups), ``content``
(texts from ``resources/companion/``), ``engine`` (composing a reply), ``streaming``
(model-like chunks) and ``companion`` (the backend).
"""

from desktop.companion.builtin.companion import BuiltinCompanion

__all__ = ["BuiltinCompanion"]
