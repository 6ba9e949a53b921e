"""`python -m bench` (`make bench`): every benchmark on a fresh SQLite file and a fresh PostgreSQL database.

For each database: recreate it, migrate, then run each `bench/bench_*.py` as `python -m bench.<name>`
with DATABASE_URL set, and print its output under a heading. A benchmark is a plain script that
prints its own figures; it may leave data behind only if the ones after it do not mind (best: roll
back). Options: `python -m bench --db sqlite --only daftar`.
"""

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SQLITE_FILE = ROOT / "var" / "bench.sqlite3"
PG_URL = os.environ.get("BENCH_PG_URL", "postgres://root@127.0.0.1:5432/mutasi_bench")


def _env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        # Production-like settings, minus what needs TLS or collectstatic.
        DEBUG="false",
        SECRET_KEY=env.get("SECRET_KEY") or "bench-only-secret-key-not-used-anywhere-else-0123456789",
        SECURE_SSL_REDIRECT="false",
        STATIC_MANIFEST="false",
        EMAIL_URL="memorymail://",
        LOG_LEVEL="WARNING",
    )
    return env


def _sqlite() -> str:
    SQLITE_FILE.parent.mkdir(exist_ok=True)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{SQLITE_FILE}{suffix}").unlink(missing_ok=True)
    return f"sqlite:///{SQLITE_FILE}"


def _postgres() -> str:
    """Drop and recreate the benchmark database; raise RuntimeError when PostgreSQL is not reachable."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(PG_URL)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(path="/postgres"))
    try:
        with psycopg.connect(admin, autocommit=True, connect_timeout=5) as conn:
            conn.execute(sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name)))
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))
    except psycopg.OperationalError as e:
        raise RuntimeError(f"PostgreSQL tidak dapat dihubungi ({PG_URL}): {e}") from e
    return PG_URL


DATABASES = {"sqlite": ("SQLite", _sqlite), "postgres": ("PostgreSQL", _postgres)}


def _benchmarks(only: list[str] | None) -> list[str]:
    names = sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py"))
    if only:
        names = [n for n in names if n.removeprefix("bench_") in only or n in only]
    return names


def _run(cmd: list[str], env: dict[str, str]) -> int:
    sys.stdout.flush()
    return subprocess.run(cmd, cwd=ROOT, env=env, check=False).returncode  # noqa: S603 - our own scripts


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--db", action="append", choices=list(DATABASES), help="only this database (repeatable)")
    parser.add_argument("--only", action="append", help="only this benchmark, e.g. daftar (repeatable)")
    args = parser.parse_args(argv)

    names = _benchmarks(args.only)
    if not names:
        print("Tidak ada benchmark (bench/bench_*.py) yang cocok.")
        return 1
    gagal = []
    for key in args.db or list(DATABASES):
        label, siapkan = DATABASES[key]
        print(f"\n{'=' * 72}\n{label}\n{'=' * 72}", flush=True)
        try:
            url = siapkan()
        except RuntimeError as e:
            print(f"DILEWATI: {e}")
            gagal.append(f"{label}: database")
            continue
        env = _env(url)
        t0 = time.perf_counter()
        if _run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env) != 0:
            gagal.append(f"{label}: migrate")
            continue
        print(f"(migrate: {time.perf_counter() - t0:.1f} s)")
        for name in names:
            print(f"\n--- {name} ({label}) ---", flush=True)
            t0 = time.perf_counter()
            rc = _run([sys.executable, "-m", f"bench.{name}"], env)
            print(
                f"--- {name}: {'selesai' if rc == 0 else f'GAGAL (exit {rc})'} dalam {time.perf_counter() - t0:.1f} s"
            )
            if rc != 0:
                gagal.append(f"{label}: {name}")
    print()
    if gagal:
        print("Benchmark gagal: " + ", ".join(gagal))
        return 1
    print("Semua benchmark selesai.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
