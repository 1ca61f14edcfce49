"""The web server behind `spinewise serve`: textual-serve's, with a secret token.

textual-serve (the Textual project's own) serves the page, its assets and a
websocket, and starts one app process per websocket. What it lacks is a lock:
anyone who reaches the port gets a spinewise. So its aiohttp application is
mounted under `/TOKEN/` in an outer application whose middleware answers 403
to every request whose first path segment is not the token, compared with
`hmac.compare_digest` (constant time). The token sits in the path, not in a
`?token=` query, because textual-serve builds the asset and websocket URLs from
its router and its script appends `?width=..&height=..` to the websocket URL:
a path prefix is carried through both with no change to its page or script.
A refused websocket is refused before its handler runs, so no process starts.

The token is kept out of logs: aiohttp's access log (which writes every
request's path) is off, textual-serve's own logging is not set up, and the
variable `SPINEWISE_TOKEN` is removed from the environment the app processes
inherit. Only the URL printed at start shows it.
"""

from __future__ import annotations

import asyncio
import hmac
import signal
from collections.abc import Awaitable, Callable
from typing import Any

from aiohttp import web
from textual_serve.server import Server

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

REFUSED = (
    "spinewise: this address needs its secret token; open the whole URL that "
    "`spinewise serve` printed.\n"
)


def token_middleware(token: str) -> Any:
    """403 for any request whose path does not start with `/TOKEN/`."""
    expected = f"/{token}/".encode()

    @web.middleware
    async def require_token(request: web.Request, handler: Handler) -> web.StreamResponse:
        given = request.raw_path.split("?", 1)[0].encode()[: len(expected)]
        # compare_digest takes the same time whatever matches; only the
        # length, which is public, can tell anything.
        if not hmac.compare_digest(given.ljust(len(expected), b"\0"), expected):
            return web.Response(status=403, text=REFUSED)
        response = await handler(request)
        # The page's URL holds the token: never send it on as a Referer.
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response

    return require_token


class TokenServer(Server):
    """textual-serve's server under `/TOKEN/`, with no access log.

    `announce(url)` is called with the base URL once the port is bound (so
    `port=0` works: the system picks a free port, and the URL says which).
    """

    def __init__(
        self,
        command: str,
        *,
        host: str,
        port: int,
        token: str,
        announce: Callable[[str], None],
    ) -> None:
        super().__init__(command, host=host, port=port, title="spinewise")
        self.token = token
        self.announce = announce

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a logo here; the URL is printed by `announce`."""

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        # Assets and the websocket are fetched from the address the page was
        # opened with (`0.0.0.0` means nothing to a phone). No await comes
        # between setting it and textual-serve reading it.
        self.public_url = f"{request.scheme}://{request.host}"
        return await super().handle_index(request)

    async def make_app(self) -> web.Application:
        inner = await self._make_app()
        if not self.token:  # only allowed on a loopback address
            return inner
        outer = web.Application(middlewares=[token_middleware(self.token)])
        outer.add_subapp(f"/{self.token}", inner)
        return outer

    async def run(self) -> None:
        """Serve until SIGINT or SIGTERM, then end every app process."""
        runner = web.AppRunner(await self.make_app(), access_log=None, handle_signals=False)
        await runner.setup()
        site = web.TCPSite(runner, self.host, self.port)
        await site.start()
        bound = runner.addresses[0]
        self.port = bound[1]
        self.announce(f"http://{_url_host(self.host)}:{self.port}/")
        stop = asyncio.Event()
        loop = asyncio.get_running_loop()
        for signum in (signal.SIGINT, signal.SIGTERM):
            loop.add_signal_handler(signum, stop.set)
        try:
            await stop.wait()
        finally:
            await runner.cleanup()


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host

