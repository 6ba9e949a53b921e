#!/usr/bin/env bash
# `make loadtest`: gunicorn (3 workers as docs/DEPLOY.md runs it, LOADTEST_WORKERS; DEBUG=false) on 127.0.0.1 against PostgreSQL, then locust
# headless (50 users, 10/s, 60 s). Data: the bench database if it has employees (make bench), else a
# database of its own with the demo data. Everything listens on and talks to 127.0.0.1 only.
# LOADTEST_URL=http://127.0.0.1:8300 runs locust against a site already running there (its data, its
# servers: scripts/scaleout_demo.sh puts nginx and two app servers behind it) and starts nothing.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${LOADTEST_PY:-.venv/bin/python}
LOCUST=.venv-load/bin/locust
PORT=${LOADTEST_PORT:-$(python3 -c 'import socket;s=socket.socket();s.bind(("127.0.0.1",0));print(s.getsockname()[1])')}
USERS=${LOADTEST_USERS:-50}
RATE=${LOADTEST_RATE:-10}
TIME=${LOADTEST_TIME:-60s}
OUT=${LOADTEST_OUT:-var/loadtest}
BENCH_DB=${BENCH_DATABASE_URL:-postgres://root@127.0.0.1:5432/mutasi_bench}
LOAD_DB=${LOADTEST_DATABASE_URL:-postgres://root@127.0.0.1:5432/mutasi_load}

export DEBUG=false STATIC_MANIFEST=false SECURE_SSL_REDIRECT=false LOG_LEVEL=WARNING PYTHONWARNINGS=ignore
export SECRET_KEY=${SECRET_KEY:-loadtest-only-secret-key-not-used-anywhere-else-0123456789}
export ALLOWED_HOSTS=127.0.0.1,localhost EMAIL_URL=memorymail://

if [ -n "${LOADTEST_URL:-}" ]; then
  TARGET=${LOADTEST_URL%/}
else
jumlah() { DATABASE_URL=$1 $PY -c 'import os,django;os.environ.setdefault("DJANGO_SETTINGS_MODULE","config.settings");django.setup();from pegawai.models import Pegawai;print(Pegawai.objects.count())' 2>/dev/null || echo 0; }

if [ "$(jumlah "$BENCH_DB")" -gt 0 ] 2>/dev/null; then
  export DATABASE_URL=$BENCH_DB
  echo ">> Data: bench database ($DATABASE_URL, $(jumlah "$DATABASE_URL") pegawai)"
else
  export DATABASE_URL=$LOAD_DB
  db=${LOAD_DB##*/}
  psql "${LOAD_DB%/*}/postgres" -qc "DROP DATABASE IF EXISTS \"$db\" WITH (FORCE)" -c "CREATE DATABASE \"$db\""
  $PY manage.py migrate --noinput -v0
  echo ">> Data: demo ($DATABASE_URL)"
  $PY manage.py demo >/dev/null || $PY -m bench.data 1000
fi
# A clean lockout table: earlier runs must not leave an account locked.
$PY manage.py axes_reset >/dev/null 2>&1 || true
# Sessions made beforehand for all but LOADTEST_MASUK users (loadtest/sesi.py says why).
mkdir -p "$OUT"
$PY loadtest/sesi.py "$OUT/sesi.json" "$USERS"
export LOADTEST_SESI=$OUT/sesi.json

mkdir -p "$OUT"
.venv/bin/gunicorn config.wsgi:application --bind "127.0.0.1:$PORT" --workers "${LOADTEST_WORKERS:-3}" --timeout 120 \
  --access-logfile /dev/null --error-logfile "$OUT/gunicorn.log" &
GPID=$!
trap 'kill "$GPID" 2>/dev/null; wait "$GPID" 2>/dev/null || true' EXIT
siap=0
for _ in $(seq 1 60); do
  kill -0 "$GPID" 2>/dev/null || { echo "gunicorn did not start: see $OUT/gunicorn.log" >&2; exit 1; }
  if curl -fsS -o /dev/null "http://127.0.0.1:$PORT/akun/masuk/"; then siap=1; break; fi
  sleep 0.5
done
[ $siap = 1 ] || { echo "gunicorn not answering on 127.0.0.1:$PORT" >&2; exit 1; }
TARGET=http://127.0.0.1:$PORT
fi
mkdir -p "$OUT"
echo ">> locust: $USERS users, $RATE/s, $TIME against $TARGET"
rc=0
timeout 600 "$LOCUST" -f loadtest/locustfile.py --host "$TARGET" --headless \
  -u "$USERS" -r "$RATE" -t "$TIME" --csv "$OUT/hasil" --only-summary || rc=$?
echo
echo ">> Total (from $OUT/hasil_stats.csv):"
$PY - "$OUT/hasil_stats.csv" <<'PYEOF'
import csv, sys
for r in csv.DictReader(open(sys.argv[1])):
    if r["Name"] == "Aggregated":
        print(f"  requests {r['Request Count']}, failures {r['Failure Count']}, {float(r['Requests/s']):.1f} req/s, "
              f"p50 {r['50%']} ms, p95 {r['95%']} ms, p99 {r['99%']} ms, max {float(r['Max Response Time']):.0f} ms")
PYEOF
exit $rc
