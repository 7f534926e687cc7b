"""Every `timeline …` command in the README runs as written: each parses with the real CLI (same
subcommands, same options), and the walk-through's own commands run, in order, in a tmp folder."""
from __future__ import annotations

import re
import shlex

import pytest

from timeline.cli import build_parser

from tests.helpers import ROOT

README = (ROOT / "README.md").read_text(encoding="utf-8")


def _commands() -> list[str]:
    """`timeline …` lines of the README's sh blocks, comments and [optional] parts dropped."""
    out = []
    for block in re.findall(r"```sh\n(.*?)```", README, flags=re.S):
        for line in block.replace("\\\n", " ").split("\n"):
            line = re.split(r"\s+#\s", line, maxsplit=1)[0].strip()
            if line.startswith("timeline "):
                out.append(re.sub(r"\s*\[[^\]]*\]", "", line))
    return out


COMMANDS = _commands()


def test_the_readme_shows_the_commands_a_user_needs():
    verbs = {shlex.split(c)[1] for c in COMMANDS}
    assert {"new", "validate", "serve", "export", "import"} <= verbs
    assert len(COMMANDS) >= 15


@pytest.mark.parametrize("command", COMMANDS)
def test_each_readme_command_parses_with_the_real_cli(command):
    argv = shlex.split(command)[1:]
    try:
        args = build_parser().parse_args(argv)
    except SystemExit as e:
        pytest.fail(f"`{command}` does not parse (exit {e.code})")
    assert callable(args.func)


def test_the_five_minute_walk_through_runs_as_written(tmp_path, monkeypatch, capsys):
    """new -> export xlsx -> import -> validate -> (serve: the app builds) -> export site, in order."""
    block = re.search(r"## Make your own timeline in five minutes\n\n```sh\n(.*?)```", README, flags=re.S).group(1)
    steps = [re.split(r"\s+#\s", line, maxsplit=1)[0].strip() for line in block.strip().split("\n")]
    assert [shlex.split(s)[1] for s in steps] == ["new", "export", "import", "validate", "serve", "export"]
    monkeypatch.chdir(tmp_path)
    from timeline.cli import main

    for step in steps:
        argv = shlex.split(step)[1:]
        if argv[0] == "serve":   # it would block: build the app it serves instead
            from timeline.web.wsgi import build

            app = build(build_parser().parse_args(argv).data)
            assert app.server.test_client().get("/embed").status_code == 200
            continue
        assert main(argv) == 0, (step, capsys.readouterr().err)
    out = capsys.readouterr().out
    assert "ok: apollo:" in out
    assert (tmp_path / "public" / "index.html").is_file() and (tmp_path / "public" / "embed-snippet.html").is_file()
