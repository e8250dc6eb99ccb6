"""tipkb: the knowledge base's core, independent of any site generator.

It loads the docs tree (front matter and Markdown), validates it against the
content model, builds the link graph, generates the localized index parts
(directory, matrix, facts boxes, backlinks) and writes the data exports. The
MkDocs hooks in hooks/ are a thin adapter over the functions named here.
"""

from tipkb.check import check, load_checked
from tipkb.csp import with_policy
from tipkb.files import refused
from tipkb.load import decode
from tipkb.languages import DEFAULT_LANGUAGE, LANGUAGES
from tipkb.problems import Problem
from tipkb.render import render_page, with_passages
from tipkb.exports import write_exports, write_translation_status
from tipkb.safety import harden_links, scan_html
from tipkb.site import Site

__all__ = [
    "DEFAULT_LANGUAGE",
    "LANGUAGES",
    "Problem",
    "Site",
    "check",
    "decode",
    "refused",
    "load_checked",
    "harden_links",
    "scan_html",
    "render_page",
    "write_exports",
    "with_passages",
    "with_policy",
    "write_translation_status",
]
