"""Check that the external links listed in site/data/external-links.json still
answer. Needs a network, so it is not part of the tests or CI:

    make build && make linkcheck-external
"""

from __future__ import annotations

import json
import sys
import urllib.error
import urllib.request
from pathlib import Path


def status(url: str) -> str | None:
    """None when the link answers, else what went wrong."""
    request = urllib.request.Request(url, method="HEAD", headers={"User-Agent": "tipkb-linkcheck"})
    try:
        with urllib.request.urlopen(request, timeout=15):
            return None
    except urllib.error.HTTPError as error:
        if error.code in (403, 405):  # some hosts refuse HEAD; try GET
            try:
                with urllib.request.urlopen(urllib.request.Request(url, headers={"User-Agent": "tipkb-linkcheck"}), timeout=15):
                    return None
            except (urllib.error.URLError, OSError) as retry:
                return str(retry)
        return f"HTTP {error.code}"
    except (urllib.error.URLError, OSError) as error:
        return str(error)


def main(path: str = "site/data/external-links.json") -> int:
    links = json.loads(Path(path).read_text(encoding="utf-8"))
    broken = 0
    for link in links:
        problem = status(link["url"])
        if problem:
            broken += 1
            print(f"{link['url']}: {problem} (linked from {', '.join(link['pages'])})")
    print(f"{len(links)} external link(s) checked, {broken} broken.")
    return 1 if broken else 0


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:]))
