"""A PostgreSQL primary and a streaming replica of it, on loopback ports of their own.

Built from Debian's PostgreSQL binaries in a scratch directory (initdb, then
pg_basebackup -R from the primary, as an operator sets up a replica), owned by the
`postgres` user when the tests run as root, and removed afterwards. The machine's own
server is left alone: its access rules allow no replication connections.
"""

import glob
import os
import shutil
import subprocess
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from deploy.local_stack import free_port


def postgres_bindir() -> Path | None:
    """Debian's newest PostgreSQL server binaries, if installed."""
    found = sorted(
        glob.glob("/usr/lib/postgresql/*/bin/initdb"),
        key=lambda path: int(Path(path).parts[-3]),
    )
    return Path(found[-1]).parent if found else None


@dataclass
class Server:
    data: Path
    port: int
    socket_dir: Path

    def url(self, database: str) -> str:
        return f"postgres://postgres@127.0.0.1:{self.port}/{database}"


@dataclass
class PostgresPair:
    bindir: Path
    primary: Server
    replica: Server
    as_postgres: list[str]

    def run(self, program: str, *args: str, check: bool = True) -> str:
        result = subprocess.run(
            [*self.as_postgres, str(self.bindir / program), *args],
            capture_output=True,
            text=True,
            timeout=120,
            check=False,
        )
        if check and result.returncode:
            raise RuntimeError(f"{program} {' '.join(args)}:\n{result.stdout}{result.stderr}")
        return result.stdout

    def psql(self, server: Server, sql: str, database: str = "postgres") -> str:
        return self.run(
            "psql", "-h", "127.0.0.1", "-p", str(server.port), "-U", "postgres", "-d", database,
            "-X", "-A", "-t", "-v", "ON_ERROR_STOP=1", "-c", sql,
        ).strip()  # fmt: skip

    def start(self, server: Server) -> None:
        self.run(
            "pg_ctl", "-D", str(server.data), "-l", str(server.data / "server.log"), "-w",
            "-o", f"-p {server.port} -k {server.socket_dir} -c listen_addresses=127.0.0.1",
            "start",
        )  # fmt: skip

    def stop(self, server: Server) -> None:
        self.run("pg_ctl", "-D", str(server.data), "-m", "fast", "-w", "stop", check=False)

    def replica_caught_up(self, timeout: float = 30) -> None:
        """Wait until the replica has replayed everything the primary has written."""
        target = self.psql(self.primary, "SELECT pg_current_wal_lsn()")
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            behind = self.psql(
                self.replica, f"SELECT pg_wal_lsn_diff('{target}', pg_last_wal_replay_lsn()) > 0"
            )
            if behind == "f":
                return
            time.sleep(0.05)
        raise RuntimeError("the replica did not catch up with the primary")


@contextmanager
def postgres_pair_running() -> Iterator[PostgresPair]:
    bindir = postgres_bindir()
    if bindir is None:
        raise FileNotFoundError("PostgreSQL server binaries (Debian's postgresql package)")
    root = Path(tempfile.mkdtemp(prefix="milk-pg-pair-"))
    as_postgres = []
    if os.geteuid() == 0:  # PostgreSQL refuses to run as root
        shutil.chown(root, user="postgres", group="postgres")
        as_postgres = ["runuser", "-u", "postgres", "--"]
    primary = Server(data=root / "primary", port=free_port(), socket_dir=root)
    replica = Server(data=root / "replica", port=free_port(), socket_dir=root)
    pair = PostgresPair(bindir=bindir, primary=primary, replica=replica, as_postgres=as_postgres)
    try:
        pair.run(
            "initdb", "-D", str(primary.data), "-U", "postgres", "--auth=trust",
            "--encoding=UTF8", "--locale=C.UTF-8",
        )  # fmt: skip
        with (primary.data / "postgresql.conf").open("a") as conf:
            conf.write("fsync = off\nfull_page_writes = off\nsynchronous_commit = off\n")
        pair.start(primary)
        pair.run(
            "pg_basebackup", "-h", "127.0.0.1", "-p", str(primary.port), "-U", "postgres",
            "-D", str(replica.data), "-R", "-X", "stream",
        )  # fmt: skip
        pair.start(replica)
        yield pair
    finally:
        pair.stop(replica)
        pair.stop(primary)
        shutil.rmtree(root, ignore_errors=True)
