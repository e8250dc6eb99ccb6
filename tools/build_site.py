"""Build the whole site: one MkDocs run per language, run in parallel, then
assembled into one folder (English at the root, each other language under its
code). The result replaces the site folder only when every language built, so
a failed build leaves the last good site untouched.

    python tools/build_site.py [--config mkdocs.yml] [--site-dir site] [--jobs N]
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag

from tipkb import DEFAULT_LANGUAGE, LANGUAGES, Site, check
from tipkb.citations import coverage_summary


ROOT = Path(__file__).resolve().parent.parent


def config_text(docs: Path) -> str:
    """The repository's mkdocs.yml, made to build another docs tree (test fixtures, benchmarks)."""
    text = (ROOT / "mkdocs.yml").read_text(encoding="utf-8")
    replacements = {
        "docs_dir: docs\n": f"docs_dir: {docs}\n",
        "watch: [includes, overrides, tipkb]\n": "",
        "custom_dir: overrides\n": f"custom_dir: {ROOT / 'overrides'}\n",
        "  - hooks/kb.py\n": f"  - {ROOT / 'hooks' / 'kb.py'}\n",
        "base_path: [includes]": f"base_path: [{ROOT / 'includes'}]",
    }
    for old, new in replacements.items():
        if old not in text:
            raise ValueError(f"mkdocs.yml no longer holds {old!r}; update tools/build_site.py")
        text = text.replace(old, new)
    return text


def source_date_epoch(config: Path) -> str:
    """SOURCE_DATE_EPOCH as given, else the time of the last commit: two builds of one commit are identical."""
    if "SOURCE_DATE_EPOCH" in os.environ:
        return os.environ["SOURCE_DATE_EPOCH"]
    commit = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=config.resolve().parent, capture_output=True, text=True)
    return commit.stdout.strip() if commit.returncode == 0 and commit.stdout.strip() else "0"


def build_language(lang: str, config: Path, out: Path, epoch: str) -> tuple[str, int, str, float]:
    # KB_CHECKED: build_languages has just checked the whole tree, so the hook only loads it.
    env = {**os.environ, "KB_LANGUAGE": lang, "KB_CHECKED": "true", "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": epoch}
    started = time.monotonic()
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "-f", str(config), "--site-dir", str(out)],
                            env=env, capture_output=True, text=True)
    return lang, result.returncode, result.stdout + result.stderr, time.monotonic() - started


def build_languages(config: Path, outputs: dict[str, Path], epoch: str, jobs: int | None = None) -> dict[str, float] | None:
    """Check the tree once, then build each language into its folder (`outputs`: code -> folder),
    `jobs` at a time (default: one per core). Returns the seconds each took, or None after
    printing what was wrong."""
    site, problems = check_config(config)
    if problems:  # one report, instead of the same one from every language's build
        print("\n".join(map(str, problems)))
        print(f"{len(problems)} problem(s); nothing was built.", file=sys.stderr)
        return None
    print("\n".join(coverage_summary(site)))
    with ThreadPoolExecutor(max_workers=jobs or os.cpu_count() or 1) as pool:
        results = list(pool.map(lambda code: build_language(code, config, outputs[code], epoch), outputs))
    failed = [lang for lang, status, _, _ in results if status != 0]
    for lang, status, output, _ in results:
        if status != 0:
            print(f"--- {lang} ---\n{output}", file=sys.stderr)
    if failed:
        print(f"the build failed for {', '.join(failed)}.", file=sys.stderr)
        return None
    return {lang: seconds for lang, _, _, seconds in results}


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml as MkDocs does for the two settings the check needs: !ENV resolved, Python tags ignored."""


_ConfigLoader.add_constructor("!ENV", construct_env_tag)
_ConfigLoader.add_multi_constructor("tag:yaml.org,2002:python/", lambda loader, suffix, node: None)


def check_config(config: Path) -> tuple[Site, list]:
    """The checked tree a config builds and its problems, with the config's site_url as the site's own host."""
    settings = yaml.load(config.read_text(encoding="utf-8"), Loader=_ConfigLoader)
    return check((config.parent / settings.get("docs_dir", "docs")).resolve(), settings.get("site_url"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--site-dir", type=Path, default=Path("site"))
    parser.add_argument("--jobs", type=int, help="languages built at once (default: one per core)")
    args = parser.parse_args(argv)

    site_dir = args.site_dir.resolve()
    site_dir.parent.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".build-", dir=site_dir.parent))
    try:
        outputs = {lang.code: staging / lang.code for lang in LANGUAGES}
        seconds = build_languages(args.config, outputs, source_date_epoch(args.config), args.jobs)
        if seconds is None:
            print(f"{args.site_dir} is unchanged.", file=sys.stderr)
            return 1
        assembled = outputs[DEFAULT_LANGUAGE]
        for code, out in outputs.items():
            if code != DEFAULT_LANGUAGE:
                out.rename(assembled / code)
        old = staging / "previous"
        if site_dir.exists():
            site_dir.rename(old)
        assembled.rename(site_dir)
        print("built " + ", ".join(f"{lang} {time:.1f}s" for lang, time in seconds.items()) + f" into {args.site_dir}")
        return 0
    finally:
        shutil.rmtree(staging, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
