"""``aibudget migrate``, ``aibudget demo-load`` and ``aibudget serve``: the web app's shell."""

from __future__ import annotations

import contextlib
import socket
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from aibudget.cli.common import load_or_exit, translator

if TYPE_CHECKING:
    import uvicorn

    from aibudget.domain.actuals import ActualRecord
    from aibudget.domain.plan import Plan
    from aibudget.i18n import Translator
    from aibudget.settings import Settings
    from aibudget.store.db import Database

DEMO_EMAIL = "demo@aibudget.local"
DEMO_PASSWORD = "demo-password"  # a local demo database only; printed by make demo


def _migrated(settings: Settings) -> tuple[Database, Path | None]:
    """The database, migrated, and the backup taken first (if any). The store is
    imported here, not at the top, so that the other commands start faster."""
    from aibudget.store.db import Database
    from aibudget.store.migrate import migrate

    with reaching_database(settings):
        db = Database.from_url(settings.database_url)
        return db, migrate(db.engine)


@contextlib.contextmanager
def reaching_database(settings: Settings) -> Iterator[None]:
    """A database that cannot be reached or opened ends the command with a short message
    (where, why, what to check) and exit code 2 instead of a traceback."""
    from aibudget.store.errors import UNREACHABLE, unreachable_words

    try:
        yield
    except (*UNREACHABLE, OSError) as exc:
        problem, hint = unreachable_words(translator(None), settings.database_url, exc)
        typer.secho(problem, fg="red", err=True)
        typer.secho(hint, err=True)
        raise typer.Exit(code=2) from None


def _settings(t: Translator) -> Settings:
    from pydantic import ValidationError

    from aibudget.settings import load_settings  # pydantic-settings: not for --help

    try:
        return load_settings()
    except ValidationError as exc:
        for err in exc.errors(include_url=False):
            typer.secho(t("web.cli_settings_invalid", detail=err["msg"]), fg="red", err=True)
        raise typer.Exit(code=2) from None


def migrate_cmd() -> None:
    """Create or upgrade the database (a SQLite file is backed up first)."""
    t = translator(None)
    settings = _settings(t)
    db, backup = _migrated(settings)
    db.dispose()
    if backup is not None:
        typer.echo(t("web.cli_backup", file=str(backup)))
    typer.echo(t("web.cli_migrated"))


def demo_load(
    plan_path: Annotated[Path, typer.Argument(help="Plan file (YAML) for the demo workspace.")],
    actuals_path: Annotated[
        Path | None,
        typer.Option("--actuals", help="Monthly actuals (the actuals template, CSV or XLSX)."),
    ] = None,
) -> None:
    """Load a demo account and workspace from a plan file and, optionally, its monthly
    actuals (once; later runs change nothing)."""

    t = translator(None)
    settings = _settings(t)
    plan = load_or_exit(plan_path, t)
    records = _demo_actuals(actuals_path, plan, t) if actuals_path else []
    from aibudget.store import actuals, plans, users, workspaces

    db, _ = _migrated(settings)
    with db.write() as s:
        user = users.authenticate(s, DEMO_EMAIL, DEMO_PASSWORD)
        if user is None:
            user = users.create(s, DEMO_EMAIL, "Demo", DEMO_PASSWORD)
            users.set_locale(s, user.id, plan.company.locale.value.replace("-", "_"))
        spaces = workspaces.list_for(s, user.id)
        space = spaces[0] if spaces else workspaces.create(s, user.id, plan.company.name)
        if not plans.list_plans(s, user.id, space.id):
            made = plans.create(
                s, user.id, space.id, plan.company.name, plan, t("web.cli_demo_note")
            )
            if records:
                actuals.add(s, user.id, space.id, made.plan_id, plan.currency, records)
    db.dispose()
    typer.echo(t("web.cli_demo_ready", email=DEMO_EMAIL, password=DEMO_PASSWORD))


def _demo_actuals(path: Path, plan: Plan, t: Translator) -> list[ActualRecord]:
    """The file's records, read as `aibudget review --actuals` reads them and checked
    against the plan's months (a problem is printed and exits 2 before anything loads)."""
    from aibudget.cli.monitor import load_actuals
    from aibudget.domain.actuals import plan_months

    return list(load_actuals(plan, [path], t, plan_months(plan)).records)


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    workers: Annotated[
        int, typer.Option(help="Worker processes (state lives in the database).", min=1, max=64)
    ] = 1,
) -> None:
    """Serve the web app (migrates the database first)."""
    import uvicorn

    t = translator(None)
    settings = _settings(t)
    url = f"http://{host}:{port}/"
    if workers == 1:
        from aibudget.web.factory import server_app

        with reaching_database(settings):
            app = server_app(settings)
        typer.echo(t("web.cli_serving", url=url))
        uvicorn.run(app, host=host, port=port, log_level="warning", proxy_headers=False)
        return
    from uvicorn.supervisors import Multiprocess

    db, _ = _migrated(settings)  # once, before the workers start
    db.dispose()
    config = uvicorn.Config(
        "aibudget.web.factory:app",
        factory=True,
        host=host,
        port=port,
        workers=workers,
        log_level="warning",
        proxy_headers=False,
    )
    listener = tcp_listener(config)
    typer.echo(t("web.cli_serving", url=url))
    with contextlib.suppress(KeyboardInterrupt):
        Multiprocess(config, sockets=[listener]).run()


def tcp_listener(config: uvicorn.Config) -> socket.socket:
    """The workers' shared listening socket, marked as TCP.

    asyncio switches Nagle's algorithm off (TCP_NODELAY) only on connections whose socket
    says IPPROTO_TCP; uvicorn creates the shared socket without saying so, and then every
    small answer waits for the client's delayed ACK (about 40 ms on Linux)."""
    sock = config.bind_socket()
    tcp = socket.socket(sock.family, sock.type, socket.IPPROTO_TCP, fileno=sock.detach())
    tcp.set_inheritable(True)
    return tcp


MAX_PRUNE_BATCHES = 10_000  # 5 million rows a run at most; run again for more


def prune_sessions() -> None:
    """Delete expired sign-in sessions and sign-in/quota counters, in small batches."""
    from aibudget.store import users
    from aibudget.store.counters import DatabaseCounters
    from aibudget.web.security import SESSION_SECONDS

    t = translator(None)
    db, _ = _migrated(_settings(t))
    counters = DatabaseCounters(db)

    def session_batch() -> int:
        with db.write() as s:
            return users.prune_sessions(s, SESSION_SECONDS)

    sessions = _in_batches(session_batch)
    counted = _in_batches(counters.prune)
    db.dispose()
    typer.echo(t("accounts.cli_pruned", sessions=sessions, counters=counted))


def _in_batches(batch: Callable[[], int]) -> int:
    """Run ``batch`` until it finds nothing more (at most MAX_PRUNE_BATCHES times)."""
    total = 0
    for _ in range(MAX_PRUNE_BATCHES):
        done = batch()
        total += done
        if done == 0:
            break
    return total


def register(app: typer.Typer) -> None:
    app.command(name="prune-sessions")(prune_sessions)
    app.command(name="migrate")(migrate_cmd)
    app.command(name="demo-load")(demo_load)
    app.command()(serve)
