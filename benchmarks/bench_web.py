"""Load benchmark of the web app on SQLite (one Uvicorn process on 127.0.0.1).

Prints p50 / p95 / max latency and the error count, at 20 concurrent clients, for
- the plan page (the dashboard of a plan: its steps, history and actions), signed in;
- evaluate through the API with 10,000 trials, each request on a different version, so
  no answer comes from the cache of immutable versions (a cached answer is also shown).
Targets (issue 17, 2 workers, 20 clients): dashboard p95 < 100 ms, evaluate p95 < 300 ms,
zero errors; each figure is printed beside its target, with the server's CPU time per
request of the concurrent run (which noise from other work on the machine does not
inflate as much as latency) and how the worker processes shared that CPU (each serves
the connections it accepted, so an uneven split lengthens the tail).
The per-user evaluate limit is raised for the run (AIBUDGET_EVALUATE_PER_MINUTE).
First, one client alone: the median latency and the server's CPU time per request
(from /proc, Linux only, after one untimed request of the same kind), which vary less
than the concurrent figures on a shared machine.

Clients sign in through the real login form (httpx2), then send their timed requests as
plain HTTP/1.1 over a kept-alive socket (``RawClient``): the 20 client threads share the
machine with the server, and a heavy client library would spend CPU the server needs and
wait for its own interpreter lock inside the measured time. Every response is read in full
(Content-Length or chunked) and any status >= 400 or transport failure counts as an error.

The server runs one worker per core by default (``aibudget serve --workers N``, as it
would be deployed on this machine); ``--workers 1`` shows one process alone.

Run: .venv/bin/python benchmarks/bench_web.py [--clients 20] [--rounds 10] [--workers N]
"""

from __future__ import annotations

import argparse
import json
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import httpx2

from aibudget.planfile import load_plan
from aibudget.store import plans, users, workspaces
from aibudget.store.db import Database
from aibudget.store.migrate import migrate
from aibudget.store.records import Role

EXAMPLE = Path(__file__).resolve().parents[1] / "examples" / "taipei-cafe.yaml"
PASSWORD = "benchmark password"
START_SECONDS = 120  # a loaded machine starts two workers slowly
STOP_SECONDS = 60
SINGLE_VERSIONS = 10  # evaluated by one client alone, apart from the concurrent run
DASHBOARD_P95_MS = 100
EVALUATE_P95_MS = 300


def _port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _prepare(url: str, clients: int, versions: int) -> tuple[str, str, str, str, list[str]]:
    """A workspace with one plan of five versions (the dashboard) and one of many."""
    db = Database.from_url(url)
    migrate(db.engine)
    plan = load_plan(EXAMPLE)
    emails = [f"client{i}@example.com" for i in range(clients)]
    with db.write() as s:
        owner = users.create(s, emails[0], "Owner", PASSWORD)
        token = users.create_token(s, owner.id, "bench")
        space = workspaces.create(s, owner.id, "Bench")
        first = plans.create(s, owner.id, space.id, "plan", plan)
        for _ in range(versions - 1):
            plans.save(s, owner.id, space.id, first.plan_id, plan)
        board = plans.create(s, owner.id, space.id, "dashboard", plan)
        for _ in range(4):
            plans.save(s, owner.id, space.id, board.plan_id, plan)
        for email in emails[1:]:
            member = users.create(s, email, email, PASSWORD)
            invite = workspaces.invite(s, owner.id, space.id, email, Role.EDITOR)
            workspaces.accept_invite(s, member.id, invite)
    db.dispose()
    return token, space.id, board.plan_id, first.plan_id, emails


Request = tuple[str, str, dict[str, object] | None]


def _sign_in(base: str, email: str) -> dict[str, str]:
    """Sign in through the login form; the session cookies the server set."""
    with httpx2.Client(base_url=base, timeout=60, follow_redirects=False) as client:
        page = client.get("/login")
        found = re.search(r'name="csrf_token" value="([^"]+)"', page.text)
        assert found
        data = {"csrf_token": found.group(1), "email": email, "password": PASSWORD}
        response = client.post("/login", data=data)
        assert response.status_code == 303, response.status_code
        return dict(client.cookies.items())


class RawClient:
    """HTTP/1.1 with keep-alive over one socket to 127.0.0.1, at little CPU per request."""

    def __init__(self, port: int, cookies: dict[str, str], headers: dict[str, str]) -> None:
        self.port, self.cookies, self.headers = port, dict(cookies), headers
        self.sock: socket.socket | None = None
        self.buffer = b""

    def close(self) -> None:
        if self.sock is not None:
            self.sock.close()
            self.sock = None

    def _encode(self, method: str, path: str, body: dict[str, object] | None) -> bytes:
        lines = [f"{method} {path} HTTP/1.1", f"Host: 127.0.0.1:{self.port}"]
        lines += [f"{name}: {value}" for name, value in self.headers.items()]
        if self.cookies:
            lines.append("Cookie: " + "; ".join(f"{k}={v}" for k, v in self.cookies.items()))
        payload = b""
        if body is not None:
            payload = json.dumps(body).encode()
            lines.append("Content-Type: application/json")
        if body is not None or method not in ("GET", "HEAD"):
            lines.append(f"Content-Length: {len(payload)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + payload

    def _read(self, size: int) -> bytes:
        while len(self.buffer) < size:
            self._fill()
        data, self.buffer = self.buffer[:size], self.buffer[size:]
        return data

    def _line(self, end: bytes = b"\r\n") -> bytes:
        while (at := self.buffer.find(end)) < 0:
            self._fill()
        line, self.buffer = self.buffer[:at], self.buffer[at + len(end) :]
        return line

    def _fill(self) -> None:
        assert self.sock is not None
        chunk = self.sock.recv(262_144)
        if not chunk:
            raise ConnectionError("the server closed the connection")
        self.buffer += chunk

    def request(self, method: str, path: str, body: dict[str, object] | None) -> int:
        """Send one request and read the whole answer; its status code."""
        if self.sock is None:
            self.sock = socket.create_connection(("127.0.0.1", self.port), timeout=60)
            self.sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            self.buffer = b""
        self.sock.sendall(self._encode(method, path, body))
        head = self._line(b"\r\n\r\n").decode("latin-1").split("\r\n")
        status = int(head[0].split(" ", 2)[1])
        fields: dict[str, str] = {}
        for line in head[1:]:
            name, _, value = line.partition(":")
            name, value = name.strip().lower(), value.strip()
            fields[name] = value
            if name == "set-cookie":
                key, _, rest = value.partition("=")
                self.cookies[key] = rest.split(";", 1)[0]
        if fields.get("transfer-encoding", "").lower() == "chunked":
            while size := int(self._line().split(b";", 1)[0], 16):
                self._read(size + 2)
            while self._line():  # trailers up to the empty line
                pass
        else:
            self._read(int(fields.get("content-length", "0")))
        if fields.get("connection", "").lower() == "close":
            self.close()
        return status


def _timed(client: RawClient, request: Request) -> tuple[float, bool]:
    """Seconds for one request and whether it failed (status >= 400 or no answer)."""
    start = time.perf_counter()
    try:
        failed = client.request(*request) >= 400
    except OSError:
        client.close()
        failed = True
    return time.perf_counter() - start, failed


def _run(
    clients: int,
    work: list[list[Request]],
    port: int,
    sessions: list[dict[str, str]],
    headers: dict[str, str],
) -> tuple[list[float], int]:
    """Each client's requests, the clients side by side (signed in before: ``sessions``)."""
    times: list[float] = []
    errors = 0
    lock = threading.Lock()
    barrier = threading.Barrier(clients)

    def client_loop(i: int) -> None:
        nonlocal errors
        client = RawClient(port, sessions[i], headers)
        mine: list[float] = []
        failures = 0
        try:
            barrier.wait()
            for request in work[i]:
                elapsed, failed = _timed(client, request)
                mine.append(elapsed)
                failures += failed
        finally:
            client.close()
            with lock:
                times.extend(mine)
                errors += failures + len(work[i]) - len(mine)

    threads = [threading.Thread(target=client_loop, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    return times, errors


def _process_cpu(pid: int) -> dict[str, float] | None:
    """CPU seconds so far of the server (``pid``) and of each of its worker processes,
    by process id (None without /proc)."""
    seconds: dict[str, float] = {}
    try:
        for stat in Path("/proc").glob("[0-9]*/stat"):
            fields = stat.read_text().rpartition(")")[2].split()
            if stat.parent.name == str(pid) or fields[1] == str(pid):
                ticks = int(fields[11]) + int(fields[12])
                seconds[stat.parent.name] = ticks / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None
    return seconds


def _server_cpu(pid: int) -> float | None:
    """CPU seconds of the server and its worker processes so far (None without /proc)."""
    seconds = _process_cpu(pid)
    return None if seconds is None else sum(seconds.values())


def _split(before: dict[str, float] | None, after: dict[str, float] | None, pid: int) -> str:
    """How the workers shared the CPU of a run, busiest first ("61/39%"): each keeps the
    connections it accepted, so an uneven split makes its clients wait longer."""
    if before is None or after is None:
        return ""
    used = [after[p] - before.get(p, 0.0) for p in after if p != str(pid)]
    total = sum(used)
    used = sorted((u for u in used if u > total / 100), reverse=True)  # not helper processes
    if len(used) < 2:
        return ""
    return "  workers " + "/".join(f"{u / total * 100:.0f}" for u in used) + "%"


def _single(
    name: str,
    warm: Request,
    work: list[Request],
    port: int,
    email: str,
    headers: dict[str, str],
    pid: int,
) -> None:
    """One client alone: median latency and server CPU per request, after one untimed
    request like them (``warm``: the first one compiles templates and imports the engine)."""
    times: list[float] = []
    client = RawClient(port, _sign_in(f"http://127.0.0.1:{port}", email), headers)
    try:
        assert not _timed(client, warm)[1], warm
        before = _server_cpu(pid)
        for request in work:
            elapsed, failed = _timed(client, request)
            times.append(elapsed)
            assert not failed, request
        after = _server_cpu(pid)
    finally:
        client.close()
    cpu = (
        f"{(after - before) / len(work) * 1000:6.1f} ms"
        if before is not None and after is not None
        else "n/a"
    )
    print(
        f"{name:<34} n={len(work):>4}  median={statistics.median(times) * 1000:7.1f} ms  cpu={cpu}"
    )


def _report(
    name: str, run: Callable[[], tuple[list[float], int]], pid: int, target_ms: float | None
) -> None:
    """One concurrent run: latency percentiles beside the target, errors, server CPU."""
    before = _process_cpu(pid)
    times, errors = run()
    after = _process_cpu(pid)
    ordered = sorted(times)
    p95 = ordered[min(len(ordered) - 1, int(0.95 * len(ordered)))]
    cpu = (
        (sum(after.values()) - sum(before.values())) / len(times) * 1000
        if before is not None and after is not None
        else 0
    )
    goal = f" (target < {target_ms:.0f} ms)" if target_ms is not None else ""
    print(
        f"{name:<34} n={len(times):>4}  p50={statistics.median(times) * 1000:7.1f} ms"
        f"  p95={p95 * 1000:7.1f} ms{goal}  max={ordered[-1] * 1000:7.1f} ms"
        f"  errors={errors} (target 0)  cpu={cpu:5.1f} ms/request{_split(before, after, pid)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=20)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument(
        "--workers", type=int, default=os.cpu_count() or 1, help="default: one per core"
    )
    args = parser.parse_args()
    n, rounds = args.clients, args.rounds
    load = os.getloadavg()[0]
    print(
        f"{args.workers} worker(s), {n} clients, load average {load:.1f} on {os.cpu_count()} cores"
        " (before; see the end for after)"
    )
    with tempfile.TemporaryDirectory() as tmp:
        url = f"sqlite:///{Path(tmp) / 'bench.db'}"
        token, ws, board_id, plan_id, emails = _prepare(
            url, n, n * rounds // 2 + 1 + SINGLE_VERSIONS + 1
        )
        port = _port()
        env = {
            **os.environ,
            "AIBUDGET_DATABASE_URL": url,
            "AIBUDGET_SECRET_KEY": "b" * 48,
            "AIBUDGET_EVALUATE_PER_MINUTE": "10000",
        }
        server = subprocess.Popen(
            [
                str(Path(sys.executable).with_name("aibudget")),
                "serve",
                "--port",
                str(port),
                "--workers",
                str(args.workers),
            ],
            env=env,
            stdout=subprocess.DEVNULL,
        )
        base = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + START_SECONDS
            while True:
                if server.poll() is not None or time.monotonic() > deadline:
                    raise SystemExit("the server did not start")
                try:
                    httpx2.get(base + "/login", timeout=1)
                    break
                except httpx2.TransportError:
                    time.sleep(0.1)
            page = f"/w/{ws}/p/{board_id}"
            auth = {"Authorization": f"Bearer {token}"}
            body: dict[str, object] = {"trials": 10_000}
            ev = f"/api/v1/workspaces/{ws}/plans/{plan_id}/versions/{{}}/evaluate"
            pid = server.pid
            first = n * rounds // 2 + 2  # versions from here on are left to the one client
            alone = [("POST", ev.format(first + i), body) for i in range(SINGLE_VERSIONS + 1)]
            dash = [("GET", page, None)] * 41
            _single("one client: dashboard", dash[0], dash[1:], port, emails[0], {}, pid)
            _single(
                "one client: evaluate (new version)",
                alone[-1],
                alone[:-1],
                port,
                emails[0],
                auth,
                pid,
            )
            again = [("POST", ev.format(first), body)] * 20
            _single("one client: evaluate (cached)", again[0], again, port, emails[0], auth, pid)
            print("concurrent:")
            dashes = [[("GET", page, None)] * rounds for _ in range(n)]
            sessions = [_sign_in(base, emails[i]) for i in range(n)]
            _run(n, [[("GET", page, None)] for _ in range(n)], port, sessions, {})  # warm-up
            _report(
                "plan dashboard (GET, signed in)",
                lambda: _run(n, dashes, port, sessions, {}),
                pid,
                DASHBOARD_P95_MS,
            )
            per_client = max(1, rounds // 2)
            distinct = [
                [("POST", ev.format(1 + i * per_client + j), body) for j in range(per_client)]
                for i in range(n)
            ]
            _report(
                "evaluate 10,000 trials (uncached)",
                lambda: _run(n, distinct, port, sessions, auth),
                pid,
                EVALUATE_P95_MS,
            )
            cached = [[("POST", ev.format(1), body)] * per_client for _ in range(n)]
            _report(
                "evaluate 10,000 trials (cached)",
                lambda: _run(n, cached, port, sessions, auth),
                pid,
                None,
            )
        finally:
            server.terminate()
            try:
                server.wait(timeout=STOP_SECONDS)
            except subprocess.TimeoutExpired:  # a loaded machine: stop it for good
                server.kill()
                server.wait(timeout=STOP_SECONDS)
            print(f"load average after: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
