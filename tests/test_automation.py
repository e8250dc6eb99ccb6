"""The repository's own automation, run here: the GitHub workflows validate
against GitHub's workflow schema and pass zizmor's audits; the pre-commit hooks
refuse a broken page and pass a clean one; `tipkb check --format github` marks
the pull request's lines."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, copy_fixture

BIN = Path(sys.executable).parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
UNPINNED = """name: unsafe
on: pull_request_target
jobs:
  build:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      - run: echo "${{ github.event.pull_request.title }}"
"""


def _run(*args, cwd=ROOT, env=None):
    return subprocess.run([str(arg) for arg in args], capture_output=True, text=True, cwd=cwd, env=env)


def test_workflows_validate_against_githubs_schema(tmp_path):
    assert len(WORKFLOWS) == 3
    result = _run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", *WORKFLOWS)
    assert result.returncode == 0, result.stdout + result.stderr
    broken = tmp_path / "broken.yml"
    broken.write_text("name: broken\non: pull_request\njobs:\n  build:\n    steps: []\n", encoding="utf-8")  # no runs-on
    assert _run(BIN / "check-jsonschema", "--builtin-schema", "vendor.github-workflows", broken).returncode != 0


def test_zizmor_finds_nothing_in_the_workflows(tmp_path):
    result = _run(BIN / "zizmor", "--offline", ROOT / ".github" / "workflows")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout + result.stderr
    workflows = tmp_path / ".github" / "workflows"  # zizmor collects workflows by this path
    workflows.mkdir(parents=True)
    (workflows / "unsafe.yml").write_text(UNPINNED, encoding="utf-8")
    unsafe = _run(BIN / "zizmor", "--offline", workflows)
    assert unsafe.returncode != 0 and "unpinned-uses" in unsafe.stdout and "template-injection" in unsafe.stdout


def _repository(tmp_path) -> Path:
    """A scratch git repository with the project's pre-commit configuration, its venv and a docs tree."""
    repo = tmp_path / "repo"
    repo.mkdir()
    shutil.copytree(ROOT / "tests" / "fixtures" / "basic" / "docs", repo / "docs")
    shutil.copy(ROOT / ".pre-commit-config.yaml", repo)
    (repo / ".venv").symlink_to(ROOT / ".venv")
    for command in (["init", "-q"], ["add", "-A"], ["-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-qm", "start"]):
        assert _run("git", *command, cwd=repo).returncode == 0
    return repo


def test_pre_commit_hooks_pass_a_clean_page_and_refuse_a_broken_one(tmp_path):
    repo = _repository(tmp_path)
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "cache")}
    page = repo / "docs" / "countries" / "guatemala.md"
    clean = _run(BIN / "pre-commit", "run", "--files", "docs/countries/guatemala.md", cwd=repo, env=env)
    assert clean.returncode == 0, clean.stdout + clean.stderr
    # A byte-order mark is only rewritten; an unknown practice is refused.
    page.write_bytes(b"\xef\xbb\xbf" + page.read_bytes().replace(b"[nationwide-coverage]", b"[nationwide-coverge]"))
    broken = _run(BIN / "pre-commit", "run", "--files", "docs/countries/guatemala.md", cwd=repo, env=env)
    assert broken.returncode != 0
    assert "countries/guatemala.md:9: practices[0]: unknown practice 'nationwide-coverge'" in broken.stdout
    assert "rewritten" in broken.stdout and not page.read_bytes().startswith(b"\xef\xbb\xbf")


def test_check_marks_the_pull_requests_lines(tmp_path):
    docs = copy_fixture("basic", tmp_path)
    path = docs / "countries" / "guatemala.md"
    path.write_text(path.read_text(encoding="utf-8").replace("[nationwide-coverage]", "[nationwide-coverge]")
                    .replace("(thailand.md#overview)", "(thailandia.md)"), encoding="utf-8")
    (docs / "page.html").write_text("<p>x</p>", encoding="utf-8")
    result = _run(sys.executable, "-m", "tipkb", "check", "docs", "--format", "github", cwd=tmp_path)
    commands = [line for line in result.stdout.splitlines() if line.startswith("::")]
    assert result.returncode == 1
    assert commands == [
        "::error file=docs/countries/guatemala.md,line=9,title=practices[0]::practices[0]: unknown practice"
        " 'nationwide-coverge' (did you mean 'nationwide-coverage'?)",
        "::error file=docs/countries/guatemala.md,line=19::broken link 'thailandia.md': there is no page"
        " countries/thailandia.md (did you mean 'countries/thailand.md'?)",
        "::error file=docs/page.html::.html files are not content: pages are Markdown, and the theme lives in overrides/"
        " (write the page in Markdown; the files editors may add are pages (.md), source texts (sources/ID.txt),"
        " images (.png, .jpg, .gif, .webp, .svg) and PDF documents (.pdf))",
    ]
    plain = _run(sys.executable, "-m", "tipkb", "check", "docs", cwd=tmp_path)
    assert "countries/guatemala.md:9: practices[0]: unknown practice 'nationwide-coverge'" in plain.stdout and "::error" not in plain.stdout
