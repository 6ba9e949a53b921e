"""`python -m bench` (`make bench`): the main pages timed through the full stack at scale.

Builds the bench data (bench/data.py: bulk, valid) twice on PostgreSQL, at 1,000 employees and at
BENCH_PEGAWAI (default 100,000; ~2,000 units, 20,000 proposals at 100,000, scaled below), and times
every main page as HR, PPK, a unit head and an employee (bench/halaman.py: Django's test Client,
DEBUG=false) with the floor (the sign-in page, anonymous) in the same run. Prints a table with p50,
p95, queries, response size and the ratio to the floor, compares the query counts at both sizes (a
difference is an N+1 to fix), and writes docs/benchmarks.md with the machine described.

Options: `--db sqlite` (SQLite instead of PostgreSQL), `--ulang 10` (timed repeats per page),
`--no-write` (do not write docs/benchmarks.md), `--selektor` (the older selector benchmarks
bench/bench_*.py, on a fresh database, instead of the pages).
Environment: BENCH_PEGAWAI, BENCH_DATABASE_URL (default postgres://root@127.0.0.1:5432/mutasi_bench:
dropped and recreated).
"""

import argparse
import json
import os
import platform
import subprocess
import sys
import time
from datetime import UTC, datetime
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

ROOT = Path(__file__).resolve().parent.parent
SQLITE_FILE = ROOT / "var" / "bench.sqlite3"
PG_URL = os.environ.get("BENCH_DATABASE_URL") or os.environ.get(
    "BENCH_PG_URL", "postgres://root@127.0.0.1:5432/mutasi_bench"
)
KECIL = 1000
TIMEOUT = 3 * 3600  # every step is bounded


def _env(database_url: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        DATABASE_URL=database_url,
        # Production-like settings, minus what needs TLS or collectstatic.
        DEBUG="false",
        SECRET_KEY=env.get("SECRET_KEY") or "bench-only-secret-key-not-used-anywhere-else-0123456789",
        SECURE_SSL_REDIRECT="false",
        STATIC_MANIFEST="false",
        ALLOWED_HOSTS="127.0.0.1,localhost,testserver",
        EMAIL_URL="memorymail://",
        LOG_LEVEL="WARNING",
        PYTHONWARNINGS="ignore",
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


def _run(cmd: list[str], env: dict[str, str], capture: bool = False) -> subprocess.CompletedProcess:
    sys.stdout.flush()
    return subprocess.run(  # noqa: S603 - our own scripts
        cmd, cwd=ROOT, env=env, check=False, timeout=TIMEOUT, text=True, stdout=subprocess.PIPE if capture else None
    )


def siapkan(db: str, jumlah: int) -> tuple[dict[str, str], float]:
    """A fresh database, migrated and filled with `jumlah` employees; returns (env, build seconds)."""
    env = _env(DATABASES[db][1]())
    if _run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env).returncode != 0:
        raise RuntimeError("migrate gagal")
    t0 = time.perf_counter()
    if _run([sys.executable, "-m", "bench.data", str(jumlah)], env).returncode != 0:
        raise RuntimeError("membangun data gagal")
    return env, time.perf_counter() - t0


def ukur(env: dict[str, str], ulang: int) -> list[dict]:
    r = _run([sys.executable, "-m", "bench.halaman", str(ulang)], env, capture=True)
    return [json.loads(line[6:]) for line in r.stdout.splitlines() if line.startswith("BENCH ")]


def _ms(v: float | None) -> str:
    return "-" if v is None else (f"{v:,.0f}" if v >= 10 else f"{v:.1f}")


def tabel(baris: list[dict], kecil: dict[str, dict]) -> list[str]:
    floor = next((b for b in baris if b["page"].startswith("floor")), {})
    dasar = floor.get("p50") or None
    out = [
        "| page | role | p50 ms | p95 ms | floor ratio (p50) | queries | queries at 1,000 | KB |",
        "|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for b in baris:
        q_kecil = kecil.get(b["page"], {}).get("queries")
        if "error" in b:
            out.append(f"| {b['page']} | {b['role']} | ERROR: {b['error']} | | | | {q_kecil or '-'} | |")
            continue
        rasio = f"{b['p50'] / dasar:,.0f}x" if dasar and b.get("p50") else "-"
        tanda = " **(grows)**" if q_kecil is not None and b["queries"] > q_kecil else ""
        out.append(
            f"| {b['page']} | {b['role']} | {_ms(b.get('p50'))} | {_ms(b.get('p95'))} | {rasio} | "
            f"{b['queries']}{tanda} | {q_kecil if q_kecil is not None else '-'} | {b['bytes'] / 1024:,.0f} |"
        )
    return out


def mesin(env: dict[str, str]) -> list[str]:
    cpu = "?"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(x for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        mem_gb = int(mem.split()[1]) / 1024 / 1024
    except (OSError, StopIteration):
        mem_gb = 0
    versi = _run(
        [
            sys.executable,
            "-c",
            "import django,os;os.environ.setdefault('DJANGO_SETTINGS_MODULE','config.settings');django.setup();"
            "from django.db import connection as c;c.ensure_connection();"
            "print(django.get_version(), c.vendor, getattr(c, 'pg_version', '') or c.Database.sqlite_version)",
        ],
        env,
        capture=True,
    ).stdout.split()
    dj, vendor, dbv = ([*versi, "?", "?", "?"])[:3]
    if vendor == "postgresql" and dbv.isdigit():
        dbv = f"{int(dbv) // 10000}.{int(dbv) % 10000}"
    return [
        f"- CPU: {cpu}, {os.cpu_count()} cores; memory {mem_gb:.1f} GiB",
        f"- Database: {vendor} {dbv}; Python {platform.python_version()}; Django {dj}",
        f"- Date: {datetime.now(UTC):%Y-%m-%d %H:%M} UTC",
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--db", choices=list(DATABASES), default="postgres")
    parser.add_argument("--ulang", type=int, default=int(os.environ.get("BENCH_ULANG", "10")))
    parser.add_argument("--no-write", action="store_true")
    parser.add_argument("--selektor", action="store_true", help="the older selector benchmarks (bench_*.py)")
    args = parser.parse_args(argv)
    if args.selektor:
        return selektor(args.db)
    jumlah = int(os.environ.get("BENCH_PEGAWAI", "100000"))
    label = DATABASES[args.db][0]
    print(f">> {label}: {KECIL:,} pegawai (query counts)", flush=True)
    env, _ = siapkan(args.db, KECIL)
    kecil = {b["page"]: b for b in ukur(env, 1)}
    print(f">> {label}: {jumlah:,} pegawai", flush=True)
    env, detik = siapkan(args.db, jumlah)
    print(f"   (data dibangun dalam {detik:.0f} s)", flush=True)
    baris = ukur(env, args.ulang)
    judul = f"{jumlah:,} employees on {label}, {args.ulang} timed requests per page after one warm-up"
    teks = tabel(baris, kecil)
    print(f"\n{judul}\n" + "\n".join(teks))
    tumbuh = [b["page"] for b in baris if b.get("queries", 0) > kecil.get(b["page"], {}).get("queries", 1e9)]
    print("\nQuery counts grow with size (N+1): " + (", ".join(tumbuh) if tumbuh else "none"))
    if not args.no_write:
        tulis(judul, teks, tumbuh, mesin(env), detik, jumlah)
    return 0


def tulis(judul, teks, tumbuh, mesin_baris, detik, jumlah) -> None:
    doc = [
        "# Benchmarks",
        "",
        "Written by `make bench` (`python -m bench`; see its docstring). Every main page is requested through",
        "the full stack (Django's test Client: middleware, context processors, templates; DEBUG=false) as HR,",
        "PPK, a unit head (the Camat of the demo) and an employee, on data built in bulk by `bench/data.py`:",
        "the demo organisation and accounts, about 2,000 units in a tree, N employees with position history",
        "(one open row each), workload tasks, and 20,000 proposals per 100,000 employees (5% open across the",
        "approval steps, the rest carried out, rejected or cancelled) with their status history. The floor is",
        "the anonymous sign-in page on the same stack in the same run; the ratio is p50 / floor p50. The",
        "query count is from one captured request; 'queries at 1,000' is the same page on a 1,000-employee",
        "build (a count that grows with the data is an N+1 to fix).",
        "",
        "## Machine",
        "",
        *mesin_baris,
        f"- Data built in {detik:.0f} s ({jumlah:,} employees)",
        "",
        f"## Pages: {judul}",
        "",
        *teks,
        "",
        "Query counts that grow between 1,000 and the full size: " + (", ".join(tumbuh) if tumbuh else "none") + ".",
        "",
    ]
    (ROOT / "docs" / "benchmarks.md").write_text("\n".join(doc))
    print("\n(docs/benchmarks.md ditulis)")


def selektor(db: str) -> int:
    """The older selector benchmarks: each bench/bench_*.py on a fresh, migrated database."""
    env = _env(DATABASES[db][1]())
    if _run([sys.executable, "manage.py", "migrate", "--noinput", "-v0"], env).returncode != 0:
        return 1
    gagal = 0
    for name in sorted(p.stem for p in (ROOT / "bench").glob("bench_*.py")):
        print(f"\n--- {name} ---", flush=True)
        gagal += _run([sys.executable, "-m", f"bench.{name}"], env).returncode != 0
    return 1 if gagal else 0


if __name__ == "__main__":
    sys.exit(main())
