"""A Content-Security-Policy for every built page, as a <meta> element (the
site is static and may be hosted where no header can be set).

Scripts may come only from the site itself, plus the theme's own inline
scripts, each allowed by its SHA-256 hash (computed per page: they name the
page's depth). No plugins, no <base> change, no form submissions, no frames
from elsewhere. Anything planted in a page, inline or from another host, is
blocked by the browser and reported as a securitypolicyviolation.

Offline copies opened from file:// run the search worker through the
iframe-worker shim, which writes an inline script naming the worker's absolute
file:// address into a frame: its hash depends on where the copy was unzipped,
so there inline scripts are allowed ('unsafe-inline'); scripts from other hosts
are still refused, and so are plugins, <base>, forms and outside frames.
"""

from __future__ import annotations

import base64
import hashlib
import re

# Over the theme's rendered HTML (not Markdown): inline <script> elements the browser runs.
INLINE_SCRIPT = re.compile(r"<script(?P<attrs>[^>]*)>(?P<body>.*?)</script>", re.S)
DATA_TYPE = re.compile(r'\stype="(?!text/javascript|module)[^"]+"')  # JSON and other data blocks do not run
HEAD = "<head>"


def script_hashes(html: str) -> list[str]:
    """The CSP source expressions ('sha256-...') of the page's inline scripts, in order, each once."""
    hashes = []
    for match in INLINE_SCRIPT.finditer(html):
        if " src=" in match["attrs"] or DATA_TYPE.search(match["attrs"]):
            continue
        digest = base64.b64encode(hashlib.sha256(match["body"].encode("utf-8")).digest()).decode("ascii")
        if f"'sha256-{digest}'" not in hashes:
            hashes.append(f"'sha256-{digest}'")
    return hashes


def policy(html: str, offline: bool = False) -> str:
    scripts = ["'self'", "'unsafe-inline'"] if offline else ["'self'", *script_hashes(html)]
    return "; ".join([
        " ".join(["script-src", *scripts]),
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-src 'self'",
        "worker-src 'self'",
    ])


def with_policy(html: str, offline: bool = False) -> str:
    """The page with its policy as the first element of <head>, before any script."""
    meta = f'<meta http-equiv="Content-Security-Policy" content="{policy(html, offline)}">'
    return html.replace(HEAD, f"{HEAD}\n    {meta}", 1)
