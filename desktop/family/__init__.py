"""The family as a whole: set up from a config file, export to and import from another computer.

These functions sit on top of :mod:`desktop.guardian` and :mod:`desktop.profiles`; the CLI
(``hearth setup``, ``hearth family export/import``) calls :mod:`desktop.family.cli_commands`.
"""
