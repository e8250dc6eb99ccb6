"""Run every check over a docs tree and return the site with all problems."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlsplit

from tipkb.citations import check_citations
from tipkb.crossrefs import check_references
from tipkb.files import check_files
from tipkb.links import check_links
from tipkb.load import load
from tipkb.problems import Problem, sort_problems
from tipkb.render import check_placeholders
from tipkb.safety import check_safety
from tipkb.site import Site
from tipkb.validate import validate_models


def load_checked(docs_dir: Path) -> Site:
    """The tree under `docs_dir` with its front matter models, for a build whose tree
    `check` has just passed: it skips the link, reference and safety checks."""
    site, _ = load(Path(docs_dir))
    validate_models(site)
    return site


def check(docs_dir: Path, site_url: str | None = None) -> tuple[Site, list[Problem]]:
    """Load and validate the tree under `docs_dir`; `site_url` names the site's own host."""
    site, problems = load(Path(docs_dir))
    problems += check_files(Path(docs_dir))
    problems += validate_models(site)
    problems += check_references(site)
    problems += check_links(site, urlsplit(site_url).hostname if site_url else None)
    problems += check_placeholders(site)
    problems += check_safety(site)
    problems += check_citations(site)
    return site, sort_problems(problems)
