"""Issue 17: what `spinewise serve` costs, against spinewise in a terminal.

- Time to the routine library: in a browser at a phone's size (412x915, headless
  Chromium, already running, the server already up), from asking for the page to
  the library's text arriving in the page (a hook on the page's WebSocket sees
  "Gentle start" in what it receives, escape sequences aside; xterm.js draws it on
  the next frame), as a
  ratio of spinewise's first frame of the library in tmux at the same 43x50 cells.
  Alternated, one of each a round; the median of the rounds' ratios is the figure.
  A screenshot read by tesseract checks once that the library was really drawn.
- Memory per open tab, on the computer running `serve` (the browser is the phone's
  business): the app process each tab runs (and its shell), PSS and RSS, plus what
  the server itself grew by; with three tabs open, divided by three.
- CPU with one tab open at the library, idle: the server, and the server with its
  app, in % of one core, median of three windows.

Run: python tests/bench/bench_serve.py [--trials 7] [--cpu-seconds 10]
(needs the web extra, selenium, chromium, chromium-driver and tesseract-ocr).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

from benchlib import SPINEWISE, median, private_home, spinewise_in_tmux

from tests.web.chromium import Browser, missing
from tests.web.served import _descendants, served

CLK_TCK = 100
COLUMNS, ROWS = 43, 50  # what 412x915 CSS pixels give at textual-serve's 16-pixel font
WANTED = "Gentle start"

#: Run before the page's own script: note when the library's text first arrives.
HOOK = r"""
(() => {
  const Native = window.WebSocket;
  window.__libraryAt = null;
  window.WebSocket = function (url, protocols) {
    const socket = new Native(url, protocols);
    const decoder = new TextDecoder();
    let seen = "";
    socket.addEventListener("message", (event) => {
      if (window.__libraryAt !== null || typeof event.data === "string") return;
      const text = decoder.decode(event.data, {stream: true});
      seen = (seen + text.replace(/\x1b\[[0-9;?]*[A-Za-z]/g, "")).slice(-4096);
      if (seen.includes("WANTED")) window.__libraryAt = Date.now();
    });
    return socket;
  };
  window.WebSocket.prototype = Native.prototype;
})();
""".replace("WANTED", WANTED)


def cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def memory_kb(pid: int) -> tuple[int, int]:
    """(PSS, RSS) in kB."""
    values = {}
    for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
        name, _, rest = line.partition(":")
        if name in ("Pss", "Rss"):
            values[name] = int(rest.split()[0])
    return values["Pss"], values["Rss"]


def wait_tabs(server_pid: int, count: int, timeout: float = 20) -> list[int]:
    """Wait until the server runs `count` apps; their PIDs (with their shells)."""
    deadline = time.monotonic() + timeout
    while True:
        pids = _descendants(server_pid)
        apps = [pid for pid in pids if Path(f"/proc/{pid}/comm").read_text().strip() != "sh"]
        if len(apps) == count:
            return pids
        if time.monotonic() > deadline:
            sys.exit(f"expected {count} tabs, found processes {pids}")
        time.sleep(0.05)


def browser_to_library(browser: Browser, url: str) -> float:
    began = time.time()
    browser.driver.get(url)
    while (at := browser.driver.execute_script("return window.__libraryAt")) is None:
        if time.time() - began > 30:
            sys.exit("the library never arrived in the page")
        time.sleep(0.005)
    return at / 1000 - began


def terminal_to_library(home: Path) -> float:
    terminal = spinewise_in_tmux(home, "bench-serve-tty")
    try:
        began = time.perf_counter()
        terminal.start([str(SPINEWISE), "--sound", "off"], width=COLUMNS, height=ROWS)
        while WANTED not in terminal.screen():
            time.sleep(0.002)
        return time.perf_counter() - began
    finally:
        terminal.close()


def cpu_percent(pids: list[int], seconds: float) -> float:
    before = sum(cpu_seconds(pid) for pid in pids)
    began = time.monotonic()
    time.sleep(seconds)
    return 100 * (sum(cpu_seconds(pid) for pid in pids) - before) / (time.monotonic() - began)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--trials", type=int, default=7)
    parser.add_argument("--cpu-seconds", type=float, default=10.0)
    args = parser.parse_args()
    why = missing()
    if why is not None:
        sys.exit(f"bench_serve: {why}")
    home = private_home()
    folder = Path(tempfile.mkdtemp(dir=home))
    browser = Browser(folder)
    try:
        browser.driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": HOOK})
        with served(folder / "serve.log") as server:
            pid = server.process.pid
            browser.driver.get("about:blank")
            rounds = []
            for _ in range(args.trials):
                tty = terminal_to_library(home)
                web = browser_to_library(browser, server.url)
                rounds.append((web, tty))
                browser.driver.get("about:blank")  # hangs up: its app ends
                wait_tabs(pid, 0)
            browser.driver.get(server.url)
            app = wait_tabs(pid, 1)
            time.sleep(3)
            if WANTED not in browser.screen_text(folder / "library.png"):
                sys.exit("the page did not show the library")
            server_cpu = median([cpu_percent([pid], args.cpu_seconds) for _ in range(3)])
            total_cpu = median([cpu_percent([pid, *app], args.cpu_seconds) for _ in range(3)])
            server_before = memory_kb(pid)
            for _ in range(2):
                browser.driver.switch_to.new_window("tab")
                browser.driver.get(server.url)
            apps = wait_tabs(pid, 3)
            time.sleep(3)
            per_tab = [sum(memory_kb(p)[i] for p in apps) / 3 for i in (0, 1)]
            server_after = memory_kb(pid)
            grew = [(server_after[i] - server_before[i]) / 2 for i in (0, 1)]
    finally:
        browser.close()

    ratios = sorted(web / tty for web, tty in rounds)
    print(f"time to the routine library (median of {args.trials} rounds):")
    tty_ms, web_ms = (median([pair[i] for pair in rounds]) * 1000 for i in (1, 0))
    print(f"  spinewise in tmux ({COLUMNS}x{ROWS})  {tty_ms:6.0f} ms")
    print(f"  browser, page asked to library  {web_ms:6.0f} ms")
    print(f"  browser / terminal, median of the rounds: {median(ratios):.2f}x "
          f"(from {ratios[0]:.2f}x to {ratios[-1]:.2f}x)")
    print("memory per open tab, on the serving computer (three tabs):")
    print(f"  its app (shell + spinewise): PSS {per_tab[0] / 1024:.1f} MB, "
          f"RSS {per_tab[1] / 1024:.1f} MB")
    print(f"  the server's growth per tab: PSS {grew[0] / 1024:.1f} MB, "
          f"RSS {grew[1] / 1024:.1f} MB")
    print(f"  the server itself: PSS {server_before[0] / 1024:.1f} MB with one tab")
    print("CPU with one tab open at the library, idle (% of one core, median of 3 windows):")
    print(f"  the server {server_cpu:.1f}%, the server and its app {total_cpu:.1f}%")


if __name__ == "__main__":
    main()
