"""`spinewise serve` over plain HTTP on a free loopback port: without the token every
request is refused (403) and starts no process; with it the page, its assets and the
websocket answer, and the websocket runs a spinewise that draws the routine library.
The command line's refusals (an empty token off loopback, a bad token) exit 2."""

from __future__ import annotations

import asyncio
import re
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.web.served import TOKEN, served
from tui.commands.serve import choose_token, phone_url, token_problem

pytest.importorskip("textual_serve", reason="the web extra is not installed")
import aiohttp  # with textual_serve


def status(url: str) -> int:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status)
    except urllib.error.HTTPError as error:
        return error.code


def test_without_the_token_everything_is_refused_and_nothing_starts(tmp_path: Path):
    with served(tmp_path / "serve.log") as server:
        base = server.base
        for path in ("", "static/js/textual.js", "ws", "wrong-token/", f"{TOKEN[:-1]}/",
                     f"{TOKEN}x/", TOKEN):
            assert status(base + path) == 403, path
        assert asyncio.run(websocket_status(f"{base}ws")) == 403
        assert asyncio.run(websocket_status(f"{base}nope/ws")) == 403
        time.sleep(0.5)
        assert server.descendants() == []
    log = (tmp_path / "serve.log").read_text()
    assert log.count(TOKEN) == 1  # the printed URL, and no access log


def test_with_the_token_the_page_assets_and_websocket_answer(tmp_path: Path):
    with served(tmp_path / "serve.log") as server:
        url = server.url
        with urllib.request.urlopen(url, timeout=10) as response:
            page = response.read().decode()
            assert response.headers["Referrer-Policy"] == "no-referrer"
        assets = re.findall(r'(?:href|src)="(http://[^"]+)"', page)
        ours = [asset for asset in assets if asset.startswith(server.base)]
        assert len(ours) == 2 and all(f"/{TOKEN}/static/" in asset for asset in ours)
        assert all(status(asset) == 200 for asset in ours)
        assert 'data-session-websocket-url="ws://127.0.0.1:' in page
        screen = asyncio.run(first_screen(f"{url}ws?width=40&height=30", "Gentle start"))
        assert "choose a routine" in screen
    log = (tmp_path / "serve.log").read_text()
    assert log.count(TOKEN) == 1


async def websocket_status(url: str) -> int:
    async with aiohttp.ClientSession() as session:
        try:
            async with session.ws_connect(url.replace("http:", "ws:")):
                return 101
        except aiohttp.WSServerHandshakeError as error:
            return error.status


async def first_screen(url: str, wanted: str, timeout: float = 20) -> str:
    """The text the app draws on its websocket, escape sequences removed, until `wanted`."""
    text = ""
    loop = asyncio.get_running_loop()
    async with (
        aiohttp.ClientSession() as session,
        session.ws_connect(url.replace("http:", "ws:")) as ws,
    ):
        await ws.send_json(["resize", {"width": 40, "height": 30}])  # as the page does
        deadline = loop.time() + timeout
        while wanted not in text:
            message = await ws.receive(timeout=max(deadline - loop.time(), 0.01))
            if message.type == aiohttp.WSMsgType.BINARY:
                drawn = message.data.decode(errors="replace")
                text += re.sub(r"\x1b\[[0-9;?]*[A-Za-z]", "", drawn)
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED):
                break
    return text


def test_an_empty_token_is_refused_off_loopback():
    assert token_problem("", "0.0.0.0") is not None
    assert token_problem("", "192.168.1.4") is not None
    assert token_problem("", "127.0.0.1") is None
    assert token_problem("a/b", "127.0.0.1") is not None
    done = subprocess.run(
        [sys.executable, "-m", "tui", "serve", "--host", "0.0.0.0", "--token", ""],
        capture_output=True, text=True, timeout=20,
    )
    assert done.returncode == 2
    assert "refusing to serve on 0.0.0.0 with an empty token" in done.stderr


def test_the_token_comes_from_the_option_the_variable_or_chance():
    assert choose_token("given", {"SPINEWISE_TOKEN": "env"}) == "given"
    assert choose_token(None, {"SPINEWISE_TOKEN": "env"}) == "env"
    one, two = choose_token(None, {}), choose_token(None, {})
    assert one != two and len(one) == 24


def test_off_loopback_the_phone_address_and_a_qr_code_are_printed():
    lines: list[str] = []
    url = phone_url("0.0.0.0", 8000, "tok", lines.append, lan="192.168.1.20")
    assert url == "http://192.168.1.20:8000/tok/"
    assert lines[0] == "On a phone on the same network, open http://192.168.1.20:8000/tok/"
    assert "▀" in lines[2] or "▄" in lines[2]


MISSING = """
import sys
sys.modules["textual_serve"] = None  # as if the web extra were not installed
sys.modules["textual_serve.server"] = None
from tui.cli import main
raise SystemExit(main(["serve", "--port", "0"]))
"""


def test_without_the_web_extra_it_says_what_to_install():
    done = subprocess.run(
        [sys.executable, "-c", MISSING], capture_output=True, text=True, timeout=20
    )
    assert done.returncode == 1
    assert done.stderr == (
        "spinewise: `serve` needs the web extra, which is not installed: "
        "pip install 'spinewise[web]' (from a checkout: pip install '.[web]')\n"
    )
