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
        self._tabs: dict[asyncio.Task[Any], web.Request] = {}

    async def on_startup(self, app: web.Application) -> None:
        """textual-serve prints a logo here; the URL is printed by `announce`."""

    async def handle_index(self, request: web.Request) -> web.StreamResponse:
        # Assets and the websocket are fetched from the address the page was
        # opened with (`0.0.0.0` means nothing to a phone). No await comes
        # between setting it and textual-serve reading it.
        self.public_url = f"{request.scheme}://{request.host}"
        response = await super().handle_index(request)
        assert isinstance(response, web.Response) and response.text is not None
        response.text = fit_phone(response.text)
        return response

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """textual-serve's, remembered so that stopping the server ends its app."""
        task = asyncio.current_task()
        assert task is not None
        self._tabs[task] = request
        try:
            return await super().handle_websocket(request)
        finally:
            del self._tabs[task]

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
            await self._end_tabs()
            await runner.cleanup()

    async def _end_tabs(self, grace: float = 10) -> None:
        """Hang up every tab: textual-serve then tells its app to quit, and waits
        for it. (aiohttp would wait a minute for open websockets; cancelling the
        handler instead would leave its app running.)"""
        tabs = dict(self._tabs)
        for request in tabs.values():
            if request.transport is not None:
                request.transport.close()
        if tabs:
            await asyncio.wait(tabs, timeout=grace)


#: Without it a phone lays the page out 980 pixels wide and shrinks it: some 100
#: tiny columns. With it, 412 pixels (a common phone) make about 42 columns at
#: textual-serve's 16-pixel font, the workout screen's small layout.
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">'
#: textual-serve's page asks Google for Roboto Mono: a private server's page
#: tells no third party that it was opened (the browser's monospace font is used).
WEB_FONT = (
    '<link\n      rel="stylesheet"\n'
    '      href="https://fonts.googleapis.com/css?family=Roboto%20Mono"\n    />'
)


def fit_phone(page: str) -> str:
    """textual-serve's page with a phone's viewport and no font from Google."""
    return page.replace("<head>", f"<head>\n    {VIEWPORT}", 1).replace(WEB_FONT, "")


def _url_host(host: str) -> str:
    return f"[{host}]" if ":" in host else host

