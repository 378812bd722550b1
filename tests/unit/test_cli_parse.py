"""``desktop.cli.parse_args``: the GUI's short cuts give exactly what the full parser gives."""

import pytest

from desktop.cli import build_parser, parse_args

GUI_LINES = [
    [],
    ["--smoke"],
    ["--smoke", "--smoke"],
    ["--lang", "zh"],
    ["--lang=en", "--smoke"],
    ["--data-dir", "/tmp/x", "--open-profile", "2"],
    ["--data", "/tmp/x"],  # argparse's abbreviations work on the short cut too
    ["--data-dir", "status"],  # a folder named like a command goes to the full parser
]
COMMAND_LINES = [
    ["status", "--json"],
    ["--data-dir", "/tmp/x", "doctor"],
    ["setup", "--print-example"],
    ["family", "import", "f.json", "--pin-stdin"],
]


@pytest.mark.parametrize("argv", GUI_LINES + COMMAND_LINES)
def test_same_namespace_as_the_full_parser(argv):
    assert vars(parse_args(list(argv))) == vars(build_parser().parse_args(list(argv)))


@pytest.mark.parametrize("argv", [["--lang", "fr"], ["--bogus"], ["foo"], ["--open-profile", "x"], ["--smoke", "-x"]])
def test_errors_read_as_the_full_parsers(argv, capsys):
    with pytest.raises(SystemExit) as ours:
        parse_args(list(argv))
    our_err = capsys.readouterr().err
    with pytest.raises(SystemExit) as full:
        build_parser().parse_args(list(argv))
    assert (ours.value.code, our_err) == (full.value.code, capsys.readouterr().err)
    assert "{status,setup,family,doctor}" in our_err  # the usage line names the subcommands


@pytest.mark.parametrize("argv", [["-h"], ["--help"], ["--he"], ["--smoke", "-h"]])
def test_help_lists_the_subcommands(argv, capsys):
    with pytest.raises(SystemExit) as exc:
        parse_args(list(argv))
    assert exc.value.code == 0
    assert "doctor" in capsys.readouterr().out


def test_version(capsys):
    with pytest.raises(SystemExit) as exc:
        parse_args(["--version"])
    assert exc.value.code == 0
    assert capsys.readouterr().out.startswith("Hearth ")
