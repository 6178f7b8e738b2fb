"""``peacetalks serve``: the dashboard and REST API."""

from __future__ import annotations

import ipaddress
import os
import secrets
from typing import Annotated

import typer

from peacetalks.cli import DbOption, app, err, friendly, out
from peacetalks.errors import PeacetalksError


@app.command()
@friendly
def serve(
    host: Annotated[str, typer.Option(help="Address to listen on. Anything but loopback exposes the "
                                           "dashboard to your network.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.", min=1, max=65535)] = 8000,
    db: DbOption = None,
    token: Annotated[str | None, typer.Option(
        help="Token every write must carry (default: $PEACETALKS_TOKEN, else a random one, printed).",
        show_default=False)] = None,
    max_body: Annotated[int, typer.Option(help="Largest request body accepted, in bytes.", min=1024)] = 2_000_000,
    max_runs: Annotated[int, typer.Option(help="Most runs one simulation may ask for.", min=1,
                                          max=100_000)] = 100_000,
) -> None:
    """Serve the dashboard (case explorer, what-if editor, proposal builder, scenario runner,
    evidence review) and the REST API with its OpenAPI description at /openapi.json, on
    127.0.0.1 by default. Reads are open; every write needs the token. See docs/web.md."""
    try:
        import uvicorn

        from peacetalks.web import Settings, create_app
    except ImportError as exc:
        raise PeacetalksError(f"the dashboard needs the web extra ({exc.name} is missing): "
                              "pip install 'peacetalks[web]'") from None
    chosen = token or os.environ.get("PEACETALKS_TOKEN") or secrets.token_urlsafe(18)
    loopback = host == "localhost" or _is_loopback(host)
    # Starlette's host check cannot read IPv6 Host headers, so it guards IPv4 and "localhost" only.
    hosts = ["127.0.0.1", "localhost"] if loopback and ":" not in host else None
    web_app = create_app(Settings(db=db, token=chosen, max_body=max_body, allowed_hosts=hosts, max_runs=max_runs))
    shown = f"[{host}]" if ":" in host else host
    out().print(f"peacetalks dashboard at http://{shown}:{port}/  (API description: /openapi.json)")
    if not (token or os.environ.get("PEACETALKS_TOKEN")):
        out().print(f"write token for this session: {chosen}")
    if not loopback:
        err().print(f"[yellow]warning:[/yellow] listening on {host}: anyone who can reach this address can read "
                    "every case; writes still need the token")
    uvicorn.run(web_app, host=host, port=port, log_level="warning")


def _is_loopback(host: str) -> bool:
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False
