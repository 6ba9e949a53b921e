#!/usr/bin/env bash
# The release steps of docs/DEPLOY.md, run for real with the production settings:
#   collectstatic (hashed, compressed files) -> check --deploy --fail-level WARNING -> migrate ->
#   a first account -> gunicorn on 127.0.0.1 -> what a browser behind the TLS proxy would do (curl):
#   the sign-in page with its CSP, its hashed static files, signing in with the form, a page behind
#   the sign-in, the plain-http redirect.
# Everything lives in a temporary folder (STATIC_ROOT, MEDIA_ROOT, logs) and a temporary database: a
# SQLite file, or with UJI_RILIS_PG=postgres://user@host:port/any a fresh PostgreSQL database made
# and dropped here (the database name in the URL is ignored). Nothing leaves 127.0.0.1.
# Exits non-zero with a "GAGAL:" line naming the failed step; gunicorn is stopped on any exit.
# Used by .ci/run after the tests; by hand: scripts/uji_rilis.sh
set -euo pipefail
cd "$(dirname "$0")/.."

PY=.venv/bin/python
GUNICORN=.venv/bin/gunicorn
[ -x "$PY" ] && [ -x "$GUNICORN" ] || { echo "GAGAL: .venv belum ada (make run atau make test dulu)." >&2; exit 1; }
command -v curl >/dev/null || { echo "GAGAL: curl tidak terpasang." >&2; exit 1; }

KERJA="$(mktemp -d -t simutasi-rilis-XXXXXX)"
GUNICORN_PID=""
PG_DB=""
MULAI=$SECONDS

langkah() { printf '\n==> %s\n' "$*"; }
ok() { printf '    ok: %s\n' "$*"; }
gagal() {
  printf '\nGAGAL: %s\n' "$*" >&2
  exit 1
}

pg_admin() { # pg_admin "SQL": runs on the server's "postgres" database
  "$PY" - "$UJI_RILIS_PG" "$1" <<'PYEOF'
import sys
from urllib.parse import urlsplit, urlunsplit
import psycopg
u = urlsplit(sys.argv[1])
with psycopg.connect(urlunsplit(u._replace(path="/postgres")), autocommit=True) as c:
    c.execute(sys.argv[2])
PYEOF
}

bersih() {
  local rc=$?
  if [ -n "$GUNICORN_PID" ] && kill -0 "$GUNICORN_PID" 2>/dev/null; then
    kill -TERM "$GUNICORN_PID" 2>/dev/null || true
    wait "$GUNICORN_PID" 2>/dev/null || true
  fi
  if [ "$rc" -ne 0 ]; then
    for log in "$KERJA"/gunicorn.log "$KERJA"/akses.log; do
      [ -s "$log" ] && { echo "--- ${log##*/} (akhir) ---" >&2; tail -n 40 "$log" >&2; }
    done
  fi
  [ -n "$PG_DB" ] && pg_admin "DROP DATABASE IF EXISTS \"$PG_DB\" WITH (FORCE)" || true
  rm -rf "$KERJA"
  if [ "$rc" -eq 0 ]; then
    printf '\nUJI RILIS LULUS (%ss)\n' $((SECONDS - MULAI))
  else
    printf '\nUJI RILIS GAGAL (exit %s)\n' "$rc" >&2
  fi
  exit "$rc"
}
trap bersih EXIT
trap 'exit 130' INT TERM

# --- Production settings, nothing from a developer's .env that matters ---------------------------
PORT="$("$PY" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
ASAL="https://127.0.0.1:$PORT"
if [ -n "${UJI_RILIS_PG:-}" ]; then
  PG_DB="simutasi_rilis_$$"
  pg_admin "CREATE DATABASE \"$PG_DB\""
  DB_URL="$("$PY" -c 'import sys; from urllib.parse import urlsplit as u, urlunsplit as j; print(j(u(sys.argv[1])._replace(path="/" + sys.argv[2])))' "$UJI_RILIS_PG" "$PG_DB")"
else
  DB_URL="sqlite:///$KERJA/rilis.sqlite3"
fi
export DEBUG=false
export SECRET_KEY="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(50))')"
export ALLOWED_HOSTS=127.0.0.1
export CSRF_TRUSTED_ORIGINS="$ASAL"
export SITE_URL="$ASAL"
export DATABASE_URL="$DB_URL"
export STATIC_ROOT="$KERJA/static"
export MEDIA_ROOT="$KERJA/media"
export STATIC_MANIFEST=true
export SECURE_SSL_REDIRECT=true # the proxy's X-Forwarded-Proto: https is sent below, as in production
export EMAIL_URL="smtp://127.0.0.1:25" # a production backend for check --deploy; this script sends no mail
export TTD_SERTIFIKAT="$KERJA/ttd/sertifikat.pem" TTD_KUNCI="$KERJA/ttd/kunci.pem" TTD_BUAT_OTOMATIS=false
export LOG_LEVEL=INFO
export PYTHONDONTWRITEBYTECODE=1
echo "Uji rilis: $( [ -n "$PG_DB" ] && echo "PostgreSQL $PG_DB" || echo "SQLite sementara" ), port $PORT, folder $KERJA"

# --- 1. The release steps -------------------------------------------------------------------------
langkah "collectstatic --noinput (STATIC_MANIFEST=true)"
"$PY" manage.py collectstatic --noinput -v0 || gagal "collectstatic"
[ -s "$STATIC_ROOT/staticfiles.json" ] || gagal "collectstatic menulis tanpa staticfiles.json (manifest)"
ok "$(find "$STATIC_ROOT" -type f | wc -l) berkas di STATIC_ROOT, manifest ada"

langkah "check --deploy --fail-level WARNING"
"$PY" manage.py check --deploy --fail-level WARNING || gagal "check --deploy melaporkan masalah (lihat di atas)"

langkah "migrate --noinput"
"$PY" manage.py migrate --noinput -v0 || gagal "migrate"
ok "semua migrasi diterapkan"
"$PY" manage.py migrate --check -v0 || gagal "masih ada migrasi yang belum diterapkan"

langkah "akun pertama (createsuperuser --noinput)"
NIP=198503152010012003
SANDI="$("$PY" -c 'import secrets; print(secrets.token_urlsafe(16))')"
DJANGO_SUPERUSER_NIP=$NIP DJANGO_SUPERUSER_PASSWORD="$SANDI" DJANGO_SUPERUSER_EMAIL=rilis@example.invalid \
  "$PY" manage.py createsuperuser --noinput >/dev/null || gagal "createsuperuser"
ok "akun $NIP dibuat"

# --- 2. gunicorn ---------------------------------------------------------------------------------
langkah "gunicorn config.wsgi:application --bind 127.0.0.1:$PORT"
"$GUNICORN" config.wsgi:application --bind "127.0.0.1:$PORT" --workers 2 --timeout 60 \
  --access-logfile "$KERJA/akses.log" --error-logfile "$KERJA/gunicorn.log" --capture-output &
GUNICORN_PID=$!
for _ in $(seq 1 60); do
  kill -0 "$GUNICORN_PID" 2>/dev/null || gagal "gunicorn berhenti saat mulai"
  curl -s -o /dev/null "http://127.0.0.1:$PORT/" && break
  sleep 0.5
done
curl -s -o /dev/null "http://127.0.0.1:$PORT/" || gagal "gunicorn tidak menjawab dalam 30 detik"
ok "gunicorn (pid $GUNICORN_PID) menjawab"

# minta NAME [curl options...] URLPATH: a request as the TLS proxy forwards it; headers in $KERJA/NAME.h,
# body in $KERJA/NAME.b; prints the status code.
minta() {
  local nama=$1
  shift
  local jalur="${*: -1}"
  set -- "${@:1:$(($# - 1))}"
  curl -sS -o "$KERJA/$nama.b" -D "$KERJA/$nama.h" -w '%{http_code}' -H 'X-Forwarded-Proto: https' "$@" \
    "http://127.0.0.1:$PORT$jalur" || gagal "curl $jalur"
}
kepala() { # kepala NAME Header: the header's value (last one), without CR
  grep -i "^$2:" "$KERJA/$1.h" | tail -n 1 | cut -d: -f2- | sed 's/^ *//' | tr -d '\r'
}
kuki() { # kuki NAME cookie: the value set by Set-Cookie in response NAME
  grep -i '^set-cookie:' "$KERJA/$1.h" | sed -n "s/^[Ss]et-[Cc]ookie: *$2=\([^;]*\).*/\1/p" | tail -n 1 | tr -d '\r'
}

# --- 3. What a browser does ----------------------------------------------------------------------
langkah "GET /akun/masuk/: 200, Content-Security-Policy, security headers"
kode=$(minta masuk /akun/masuk/)
[ "$kode" = 200 ] || gagal "GET /akun/masuk/ menjawab $kode, bukan 200"
csp=$(kepala masuk Content-Security-Policy)
[ -n "$csp" ] || gagal "tidak ada header Content-Security-Policy"
grep -q "default-src 'self'" <<<"$csp" || gagal "CSP tanpa default-src 'self': $csp"
script_src=$(tr ';' '\n' <<<"$csp" | sed 's/^ *//' | grep '^script-src' || true)
[ -n "$script_src" ] || gagal "CSP tanpa script-src: $csp"
if grep -q "unsafe-inline" <<<"$script_src"; then gagal "script-src mengizinkan 'unsafe-inline': $script_src"; fi
ok "CSP: $csp"
[ -n "$(kepala masuk Strict-Transport-Security)" ] || gagal "tidak ada Strict-Transport-Security (HSTS)"
[ "$(kepala masuk X-Frame-Options)" = DENY ] || gagal "X-Frame-Options bukan DENY"
[ "$(kepala masuk X-Content-Type-Options)" = nosniff ] || gagal "X-Content-Type-Options bukan nosniff"
ok "HSTS: $(kepala masuk Strict-Transport-Security); X-Frame-Options DENY; nosniff"
grep -i '^set-cookie: *csrftoken=' "$KERJA/masuk.h" | grep -qi 'secure' || gagal "kuki csrftoken tanpa Secure"

langkah "Berkas statis bertanda hash yang ditautkan halaman masuk"
mapfile -t statis < <(grep -oE '(href|src)="/static/[^"]+"' "$KERJA/masuk.b" | sed -E 's/^(href|src)="//; s/"$//' | sort -u)
((${#statis[@]})) || gagal "halaman masuk tidak menautkan berkas statis"
berhash=0
for s in "${statis[@]}"; do
  kode=$(minta statis "$s")
  [ "$kode" = 200 ] || gagal "GET $s menjawab $kode"
  if grep -qE '\.[0-9a-f]{12}\.[a-z0-9]+$' <<<"$s"; then
    berhash=$((berhash + 1))
    kepala statis Cache-Control | grep -q immutable || gagal "$s tanpa Cache-Control immutable"
  fi
  ok "$s ($(wc -c <"$KERJA/statis.b") bytes)"
done
[ "$berhash" -gt 0 ] || gagal "tidak ada berkas statis bertanda hash (STATIC_MANIFEST tidak berlaku?)"
kode=$(minta gz --compressed -H 'Accept-Encoding: gzip' "${statis[0]}")
[ "$kode" = 200 ] || gagal "GET ${statis[0]} (gzip) menjawab $kode"

langkah "Masuk lewat formulir (token CSRF dari halaman dan kuki)"
token=$(grep -oE 'name="csrfmiddlewaretoken" value="[^"]+"' "$KERJA/masuk.b" | head -n 1 | sed -E 's/.*value="([^"]+)"/\1/')
csrf=$(kuki masuk csrftoken)
[ -n "$token" ] && [ -n "$csrf" ] || gagal "token CSRF tidak ditemukan di halaman atau kuki"
kode=$(minta kirim -H "Origin: $ASAL" -H "Referer: $ASAL/akun/masuk/" -b "csrftoken=$csrf" \
  --data-urlencode "csrfmiddlewaretoken=$token" --data-urlencode "username=$NIP" \
  --data-urlencode "password=$SANDI" --data-urlencode "next=" /akun/masuk/)
[ "$kode" = 302 ] || gagal "POST /akun/masuk/ menjawab $kode, bukan 302 (masuk gagal?)"
sesi=$(kuki kirim sessionid)
[ -n "$sesi" ] || gagal "tidak ada kuki sessionid sesudah masuk"
grep -i '^set-cookie: *sessionid=' "$KERJA/kirim.h" | grep -qi 'httponly' || gagal "kuki sessionid tanpa HttpOnly"
grep -i '^set-cookie: *sessionid=' "$KERJA/kirim.h" | grep -qi 'secure' || gagal "kuki sessionid tanpa Secure"
ok "302 ke $(kepala kirim Location), kuki sessionid Secure HttpOnly"
csrf=$(kuki kirim csrftoken)

for jalur in / /pegawai/; do
  kode=$(minta halaman -b "sessionid=$sesi; csrftoken=$csrf" "$jalur")
  [ "$kode" = 200 ] || gagal "GET $jalur sesudah masuk menjawab $kode, bukan 200"
  grep -q 'action="/akun/keluar/"' "$KERJA/halaman.b" || gagal "GET $jalur: halaman tanpa tombol Keluar (belum masuk?)"
  ok "GET $jalur: 200 ($(wc -c <"$KERJA/halaman.b") bytes)"
done

langkah "Tanpa masuk dan tanpa https"
kode=$(minta anonim /pegawai/)
[ "$kode" = 302 ] && kepala anonim Location | grep -q '/akun/masuk/' || gagal "GET /pegawai/ tanpa masuk menjawab $kode, bukan 302 ke halaman masuk"
ok "GET /pegawai/ tanpa masuk: 302 ke halaman masuk"
kode=$(minta tidakada /tidak-ada-$$/)
[ "$kode" = 404 ] || gagal "halaman yang tidak ada menjawab $kode, bukan 404"
ok "halaman yang tidak ada: 404"
kode=$(curl -sS -o /dev/null -D "$KERJA/http.h" -w '%{http_code}' "http://127.0.0.1:$PORT/akun/masuk/")
[ "$kode" = 301 ] && kepala http Location | grep -q '^https://' || gagal "http biasa menjawab $kode, bukan 301 ke https"
ok "http biasa: 301 ke $(kepala http Location)"

langkah "Log gunicorn"
kill -TERM "$GUNICORN_PID"
wait "$GUNICORN_PID" 2>/dev/null || true
GUNICORN_PID=""
if grep -q 'Traceback' "$KERJA/gunicorn.log"; then
  gagal "ada traceback di log gunicorn"
fi
ok "$(wc -l <"$KERJA/akses.log") permintaan tercatat, tanpa traceback"
