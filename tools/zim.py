"""ZIM archives for Kiwix: `make zim` writes one archive per language to dist/,
named by openZIM's convention (tip-kb_es_all_2026-11.zim), for Kiwix readers
on phones, desktops and hotspot servers.

Each archive is the same MkDocs build as the site, for one language, made for
a reader that is not a web browser on the open web: file-style URLs (Material's
offline plugin), no search box of the site's own (KB_SEARCH=false: Kiwix
searches the archive's full-text index), and no links into other languages
(KB_ONE_LANGUAGE=true). The archive carries openZIM's metadata, a title index
and a Xapian full-text index, written by python-libzim.

    python tools/zim.py [--config mkdocs.yml] [--dist dist] [--publisher NAME]
"""

from __future__ import annotations

import argparse
import datetime
import html
import mimetypes
import os
import re
import sys
import tempfile
from pathlib import Path

import pycountry
from libzim.writer import Creator, Hint, Item, StringProvider

from build_site import build_languages, source_date_epoch
from bundle import UNUSED_OFFLINE
from tipkb import LANGUAGES
from tipkb.strings import text

PROJECT = "tip-kb"
CREATOR = "Knowledge base for prosecuting trafficking in persons and human smuggling"
TAGS = "law;prosecution;human trafficking;migrant smuggling;_category:other;_pictures:no;_videos:no;_details:yes"
MAIN_PAGE = "index.html"
ILLUSTRATION = "assets/images/favicon.png"  # 48x48 PNG, the site's favicon
# Besides what no offline copy uses: the site's own search (lunr and its worker), which Kiwix replaces.
UNUSED_IN_ZIM = (*UNUSED_OFFLINE, "assets/javascripts/lunr/**", "assets/javascripts/workers/search.*", "search/**")
MIMETYPES = {".woff2": "font/woff2"}  # not in every Python's mimetypes table
TITLE = re.compile(r"<title>(.*?)</title>", re.S)


class FileItem(Item):
    """One file of the build, as an entry of the archive."""

    def __init__(self, path: str, content: bytes, title: str = "", page: bool = False):
        super().__init__()
        self.path, self.content, self.title, self.page = path, content, title, page

    def get_path(self) -> str:
        return self.path

    def get_title(self) -> str:
        return self.title

    def get_mimetype(self) -> str:
        suffix = Path(self.path).suffix
        return MIMETYPES.get(suffix) or mimetypes.guess_type(self.path)[0] or "application/octet-stream"

    def get_contentprovider(self) -> StringProvider:
        return StringProvider(self.content)

    def get_hints(self) -> dict:
        compressible = self.get_mimetype().startswith(("text/", "application/", "image/svg"))
        return {Hint.FRONT_ARTICLE: self.page, Hint.COMPRESS: compressible}


def archive_name(code: str) -> str:
    """openZIM's Name: project, language, selection (the date goes in the file name only)."""
    return f"{PROJECT}_{code}_all"


def page_title(page: str, site_name: str) -> str:
    """A page's title without the site name Material appends ("Guatemala - <site name>")."""
    match = TITLE.search(page)
    title = html.unescape(match.group(1)).strip() if match else ""
    return title.removesuffix(f" - {site_name}") or site_name


def files_of(folder: Path) -> list[Path]:
    unused = {path for pattern in UNUSED_IN_ZIM for path in folder.glob(pattern)}
    return [path for path in sorted(folder.rglob("*")) if path.is_file() and path not in unused]


def write_archive(folder: Path, target: Path, code: str, date: str, publisher: str) -> None:
    """One language's build (`folder`) as the ZIM archive `target`."""
    iso639_3 = pycountry.languages.get(alpha_2=code).alpha_3
    site_name = page_title((folder / MAIN_PAGE).read_text(encoding="utf-8"), "")
    with Creator(str(target)).config_indexing(True, iso639_3) as creator:
        creator.set_mainpath(MAIN_PAGE)
        for path in files_of(folder):
            rel = path.relative_to(folder).as_posix()
            content = path.read_bytes()
            if path.suffix == ".html":
                creator.add_item(FileItem(rel, content, page_title(content.decode("utf-8"), site_name), page=True))
            else:
                creator.add_item(FileItem(rel, content))
        metadata = {
            "Name": archive_name(code), "Title": text("zim_title", code), "Description": text("zim_description", code),
            "LongDescription": site_name, "Language": iso639_3, "Creator": CREATOR, "Publisher": publisher,
            "Date": date, "Tags": TAGS, "Scraper": "tip-kb tools/zim.py (python-libzim)",
        }
        for name, value in metadata.items():
            creator.add_metadata(name, value)
        creator.add_illustration(48, (folder / ILLUSTRATION).read_bytes())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--config", type=Path, default=Path("mkdocs.yml"))
    parser.add_argument("--dist", type=Path, default=Path("dist"))
    parser.add_argument("--publisher", default=CREATOR, help="who distributes the archives (openZIM's Publisher)")
    args = parser.parse_args(argv)

    epoch = source_date_epoch(args.config)
    os.environ.update(KB_OFFLINE="true", KB_SEARCH="false", KB_ONE_LANGUAGE="true", SOURCE_DATE_EPOCH=epoch)
    day = datetime.datetime.fromtimestamp(int(epoch), datetime.timezone.utc).date()
    args.dist.mkdir(parents=True, exist_ok=True)
    codes = [lang.code for lang in LANGUAGES]
    with tempfile.TemporaryDirectory(prefix=".zim-", dir=args.dist) as work:
        folders = {code: Path(work) / code for code in codes}
        if build_languages(args.config, folders, epoch) is None:
            return 1
        for code in codes:
            target = args.dist / f"{archive_name(code)}_{day:%Y-%m}.zim"
            target.unlink(missing_ok=True)
            write_archive(folders[code], target, code, day.isoformat(), args.publisher)
            print(f"{target} {target.stat().st_size / 1e6:.1f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
