"""``python -m analysis.store``: add, list, remove and restore the articles users added.

Commands (each takes ``--store URL``; default: the dashboard's store, from
``COVERAGE_LENS_STORE``, else ``.streamlit/secrets.toml``, else the SQLite file under
``data/store/``)::

    add PATH_OR_URL...        files, folders (recursively) and http(s) URLs
    list [--format json]      the stored articles (id, title, outlet, published, url, words)
    remove ID...              move articles to the trash
    restore ID...             bring them back
    trash [--format json]     what is in the trash
    purge ID... | --all       delete from the trash for good
    where                     which store the commands use, and why

Exit codes: 0 success; 2 when any item was refused (each is reported with its reason
on stderr; the others are still added), an id is unknown, or the store cannot be opened.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from ..corpus import Article, load_paths
from .base import StoredArticle, StoreError
from .config import ROOT, resolve
from .fetch import FetchSettings
from .ingest import add_sources
from .sql import SqlStore

SEED_DIR = ROOT / "data" / "articles"


def build_parser() -> argparse.ArgumentParser:
    """The CLI's argument parser (``--store`` is accepted before or after the command)."""
    store_help = "database URL of the store (default: COVERAGE_LENS_STORE, secrets.toml, else SQLite)"
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--store", metavar="URL", default=argparse.SUPPRESS, help=store_help)
    p = argparse.ArgumentParser(
        prog="python -m analysis.store",
        description=__doc__.split("\n\n")[0],
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("\n\n", 1)[1],
    )
    p.add_argument("--store", metavar="URL", default=None, help=store_help)
    sub = p.add_subparsers(dest="command", required=True, metavar="COMMAND")
    add = sub.add_parser("add", parents=[common], help="add files, folders and URLs")
    add.add_argument("sources", nargs="+", metavar="PATH_OR_URL")
    add.add_argument(
        "--allow-duplicates",
        action="store_true",
        help="keep duplicates (same URL or near-identical text), flagged, instead of refusing them",
    )
    for name, text in (("list", "list the stored articles"), ("trash", "list the trash")):
        cmd = sub.add_parser(name, parents=[common], help=text)
        cmd.add_argument("--format", choices=("text", "json"), default="text")
    for name, text in (("remove", "move articles to the trash"), ("restore", "restore from the trash")):
        cmd = sub.add_parser(name, parents=[common], help=text)
        cmd.add_argument("ids", nargs="+", metavar="ID")
    purge = sub.add_parser("purge", parents=[common], help="delete from the trash for good")
    purge.add_argument("ids", nargs="*", metavar="ID")
    purge.add_argument("--all", action="store_true", help="empty the whole trash")
    sub.add_parser("where", parents=[common], help="show which store is used")
    return p


def _seeds() -> tuple[Article, ...]:
    return load_paths([SEED_DIR]).articles if SEED_DIR.is_dir() else ()


def _print_list(items: Sequence[StoredArticle], fmt: str, trash: bool = False) -> None:
    if fmt == "json":
        records = [s.record() for s in items]
        if trash:
            for record, s in zip(records, items, strict=True):
                record["deleted"] = s.deleted.isoformat() if s.deleted else ""
        sys.stdout.write(json.dumps(records, ensure_ascii=False, indent=2) + "\n")
        return
    if not items:
        print("(the trash is empty)" if trash else "(no articles added yet; seed articles are not listed)")
    for s in items:
        a = s.article
        when = f"deleted {s.deleted:%Y-%m-%d %H:%M}" if trash and s.deleted else (a.published or "-")
        dup = f"  [duplicate of {s.duplicate_of}]" if s.duplicate_of else ""
        print(f"{a.id}  {when:<10}  {a.outlet or '-'}  {a.title}  ({a.words} words){dup}")


def _each_id(ids: Sequence[str], action: str, fn: object) -> int:
    status = 0
    for article_id in ids:
        try:
            stored = fn(article_id)  # type: ignore[operator]
        except StoreError as exc:
            print(f"error: {exc}", file=sys.stderr)
            status = 2
            continue
        print(f"{action} {stored.id}: {stored.title}")
    return status


def main(argv: list[str] | None = None, *, fetch_settings: FetchSettings | None = None) -> int:
    """Run the CLI; return the exit code. ``fetch_settings`` is for tests (loopback servers)."""
    args = build_parser().parse_args(argv)
    try:
        location = resolve(args.store)
        store = SqlStore(location.url)
        if args.command == "where":
            print(f"{store.describe()}  (from {location.origin})")
            store.engine.dispose()
            return 0
        try:
            return _run(args, store, fetch_settings)
        finally:
            store.engine.dispose()
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2


def _run(args: argparse.Namespace, store: SqlStore, fetch_settings: FetchSettings | None) -> int:
    try:
        if args.command == "add":
            outcomes = add_sources(
                store,
                args.sources,
                fetch_settings=fetch_settings,
                allow_duplicate=args.allow_duplicates,
                also_check=_seeds(),
            )
            for outcome in outcomes:
                print(outcome, file=sys.stdout if outcome.added else sys.stderr)
            if any(o.duplicate for o in outcomes):
                print("hint: --allow-duplicates adds duplicates anyway, flagged as such", file=sys.stderr)
            return 0 if all(o.added for o in outcomes) else 2
        if args.command in ("list", "trash"):
            trash = args.command == "trash"
            _print_list(store.list_trash() if trash else store.list(), args.format, trash)
            return 0
        if args.command == "remove":
            return _each_id(args.ids, "moved to the trash", store.delete)
        if args.command == "restore":
            return _each_id(args.ids, "restored", store.restore)
        if args.command == "purge":
            if not args.ids and not args.all:
                print("error: name the ids to purge, or --all to empty the trash", file=sys.stderr)
                return 2
            if args.all:
                print(f"purged {store.purge()} article(s) from the trash")
                return 0
            status = 0
            for article_id in args.ids:
                try:
                    store.purge(article_id)
                    print(f"purged {article_id}")
                except StoreError as exc:
                    print(f"error: {exc}", file=sys.stderr)
                    status = 2
            return status
    except StoreError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    return 2  # unreachable: argparse requires a command


if __name__ == "__main__":
    sys.exit(main())
