"""`spinewise serve`: the app in a browser, for a phone or tablet on the floor.

A person doing back exercises lies on a mat, metres from the computer; the
device within reach is a phone. textual-serve (the Textual project's own
library: no terminal emulator or websocket bridge of ours) serves the page, and
each browser tab runs its own spinewise on this computer, on the same database:
the store's session-ownership rules keep two tabs from running one session.
Sound plays here, where the speakers are.

Private by default: it listens on 127.0.0.1, and every request (page, assets,
websocket) needs a secret token, random at each start unless `--token` or
`SPINEWISE_TOKEN` gives one (`web_server.py` checks it). On any other address
an empty token is refused, and the address to type on the phone is printed with
a QR code of it (segno: pure Python, no dependencies, kept up since 2016,
writes the terminal's half blocks itself).

textual-serve is an extra (`pip install '.[web]'`): its aiohttp and jinja2
are some 6 MB that a terminal-only user never needs.
"""

from __future__ import annotations

import argparse
import ipaddress
import os
import re
import secrets
import shlex
import socket
import sys
from collections.abc import Callable

from . import Subparsers

EXIT_USAGE = 2
TOKEN_VARIABLE = "SPINEWISE_TOKEN"
#: Characters a token may hold: it is one segment of a URL path, typed as it is.
TOKEN_PATTERN = re.compile(r"[A-Za-z0-9._~-]*")
MISSING_EXTRA = (
    "spinewise: `serve` needs the web extra, which is not installed: "
    "pip install 'spinewise[web]' (from a checkout: pip install '.[web]')"
)


def add_parser(sub: Subparsers, common: argparse.ArgumentParser) -> None:
    serve = sub.add_parser(
        "serve",
        parents=[common],
        help="serve spinewise to a browser, such as a phone's, with a secret token",
        description="Serve spinewise to a web browser: each tab runs its own spinewise here "
        "(same history, sound from this computer's speakers). Private by default: only this "
        "computer can connect, and every request needs the secret token in the printed URL.",
    )
    serve.add_argument(
        "--host",
        default="127.0.0.1",
        help="address to listen on (default 127.0.0.1: this computer only; 0.0.0.0: every "
        "network this computer is on, such as the home network)",
    )
    serve.add_argument(
        "--port", type=int, default=8000, help="port (default 8000; 0: any free port)"
    )
    serve.add_argument("--open", action="store_true", help="open the page in a browser here")
    serve.add_argument(
        "--token",
        default=None,
        help=f"the secret token (default: ${TOKEN_VARIABLE}, else a random one at each start); "
        "prefer the variable, since a command line is kept in the shell's history",
    )


def is_loopback(host: str) -> bool:
    """Whether only this computer can reach `host` (`localhost`, 127.0.0.0/8, ::1)."""
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:  # a host name: it may resolve to anything
        return False


def choose_token(given: str | None, environ: dict[str, str] | os._Environ[str]) -> str:
    """`--token`, else `$SPINEWISE_TOKEN`, else a random one (144 bits, 24 characters)."""
    if given is not None:
        return given
    if TOKEN_VARIABLE in environ:
        return environ[TOKEN_VARIABLE]
    return secrets.token_urlsafe(18)


def token_problem(token: str, host: str) -> str | None:
    """Why `token` cannot be used on `host`, or None."""
    if not TOKEN_PATTERN.fullmatch(token):
        return (
            "spinewise: the token may hold only letters, digits and . _ ~ - "
            "(it is part of the URL)"
        )
    if not token and not is_loopback(host):
        return (
            f"spinewise: refusing to serve on {host} with an empty token: anyone on the "
            "network could open it. Give a token, or leave it out for a random one."
        )
    return None


def app_command(args: argparse.Namespace) -> str:
    """The shell command textual-serve runs for each browser tab."""
    words = [sys.executable, "-m", "tui"]
    if args.sound is not None:
        words += ["--sound", args.sound]
    if args.voice is not None:
        words.append("--voice" if args.voice else "--no-voice")
    if args.speed != 1.0:
        words += ["--speed", repr(args.speed)]
    return shlex.join(words)


def run(args: argparse.Namespace) -> int:
    token = choose_token(args.token, os.environ)
    problem = token_problem(token, args.host)
    if problem is not None:
        print(problem, file=sys.stderr)
        return EXIT_USAGE
    if not 0 <= args.port <= 65535:
        print(f"spinewise: --port must be 0 to 65535, got {args.port}", file=sys.stderr)
        return EXIT_USAGE
    try:
        from .web_server import TokenServer
    except ImportError:
        print(MISSING_EXTRA, file=sys.stderr)
        return 1
    # The app processes inherit this environment: they have no use for the token.
    os.environ.pop(TOKEN_VARIABLE, None)

    def announce(base: str) -> None:
        url = f"{base}{token}/" if token else base
        print(f"spinewise is served at {url}", flush=True)
        if not token:
            print("No token: anyone on this computer can open it.")
        if not is_loopback(args.host):
            port = int(base.rstrip("/").rsplit(":", 1)[1])
            phone_url(args.host, port, token, print)
        print("Sound plays on this computer. Ctrl+C stops the server.", flush=True)
        if args.open:
            import webbrowser

            webbrowser.open(url)

    import asyncio

    server = TokenServer(
        app_command(args), host=args.host, port=args.port, token=token, announce=announce
    )
    try:
        asyncio.run(server.run())
    except OSError as error:
        print(f"spinewise: cannot listen on {args.host}:{args.port}: {error}", file=sys.stderr)
        return 1
    return 0


def phone_url(
    host: str, port: int, token: str, say: Callable[[str], None], lan: str | None = None
) -> str | None:
    """Print the address to type on a phone and its QR code; returns it (None if unknown).

    `lan` is this computer's address on the home network, found when not given.
    """
    wildcard = host in ("0.0.0.0", "::", "")
    address = (lan or home_network_address()) if wildcard else host
    if address is None:
        say(f"On the phone, open http://THIS-COMPUTER:{port}/{token}/ (its network address).")
        return None
    url = f"http://{f'[{address}]' if ':' in address else address}:{port}/{token}/"
    say(f"On a phone on the same network, open {url}")
    say("or point its camera at this code:")
    import io

    import segno

    text = io.StringIO()
    segno.make(url, error="l").terminal(out=text, compact=True)
    try:
        text.getvalue().encode(sys.stdout.encoding or "ascii")
    except UnicodeEncodeError:
        say("(this terminal cannot draw the code)")
        return url
    say(text.getvalue().rstrip("\n"))
    return url


def home_network_address() -> str | None:
    """This computer's address on its default route, or None.

    Connecting a UDP socket sends nothing: the system only picks the route and
    so the source address (192.0.2.1 is a documentation address, never used).
    """
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("192.0.2.1", 9))
            address: str = probe.getsockname()[0]
        except OSError:
            return None
    return None if ipaddress.ip_address(address).is_loopback else address
