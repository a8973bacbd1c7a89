"""A small event store coded from the sample article and a Wikinews slice, served two ways:
in-process for the API tests, by `onevoice serve` on a loopback port for the browser tests."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED = ROOT.parent / "shared"
WIKINEWS = SHARED / "corpora" / "wikinews.jsonl"
SAMPLE = ROOT / "examples" / "voa-hill-one-voice.txt"
N_WIKINEWS = 30
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "test-output" / "screenshots"


@pytest.fixture(scope="session")
def has_wikinews() -> bool:
    return WIKINEWS.exists()


@pytest.fixture(scope="session")
def store_path(tmp_path_factory, coder, has_wikinews) -> Path:
    """The sample article, 30 Wikinews articles (when ../shared has them) and one broken record."""
    from onevoice.runner import code_paths

    tmp = tmp_path_factory.mktemp("web")
    paths = [SAMPLE]
    if has_wikinews:
        lines = WIKINEWS.read_text(encoding="utf-8").splitlines()[:N_WIKINEWS]
        (tmp / "wikinews30.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(tmp / "wikinews30.jsonl")
    (tmp / "broken.jsonl").write_text('{"id": "broken", "text": \n', encoding="utf-8")
    paths.append(tmp / "broken.jsonl")
    db = tmp / "events.duckdb"
    code_paths(paths, db=db, date="2006-07-07", coder=coder)
    return db


@pytest.fixture(scope="session")
def app(store_path):
    from onevoice.web import create_app

    return create_app(store_path)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient

    with TestClient(app) as c:
        yield c


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture(scope="session")
def server_url(store_path):
    """`onevoice serve` in a subprocess on a free loopback port, stopped after the session."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}"
    proc = subprocess.Popen(
        [sys.executable, "-m", "onevoice.cli", "serve", "--db", str(store_path), "--host",
         "127.0.0.1", "--port", str(port)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, env={**os.environ, "PYTHONUNBUFFERED": "1"})
    deadline = time.monotonic() + 30
    while True:
        try:
            with urllib.request.urlopen(url + "/openapi.json", timeout=1):
                break
        except OSError:
            if proc.poll() is not None or time.monotonic() > deadline:
                proc.kill()
                out = proc.stdout.read().decode(errors="replace")
                pytest.fail(f"onevoice serve did not start: {out}")
            time.sleep(0.1)
    yield url
    proc.terminate()
    try:
        proc.wait(timeout=10)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()


# pytest-playwright: drive Debian's chromium, never a downloaded browser
@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {**browser_type_launch_args, "executable_path": str(CHROMIUM), "args": CHROMIUM_ARGS}


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    return {**browser_context_args, "viewport": {"width": 1400, "height": 900}}


@pytest.fixture(scope="session")
def screenshots() -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    return SCREENSHOTS
