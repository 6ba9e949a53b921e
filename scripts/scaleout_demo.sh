#!/usr/bin/env bash
# `make scaleout-demo`: SIMUTASI scaled out on standard parts, on one machine (docs/DEPLOY.md "Scaling out").
#
#   PostgreSQL 5432 (the machine's cluster) --streaming--> replica cluster on 5433 (pg_basebackup, a slot)
#   Redis 127.0.0.1:6379/3: cache and sessions (CACHE_URL; SESSION_ENGINE cached_db)
#   gunicorn 127.0.0.1:8301 and :8302 (two app servers) <- nginx 127.0.0.1:8300 (round robin)
#   two background workers (manage.py db_worker) on the one database queue
#
# Then: the load test through nginx, a session signed in on 8301 used on 8302, a report read from the
# replica (and the primary again right after a write), a batch of tasks shared by the two workers.
# Everything is torn down on exit (Ctrl+C included): servers stopped, the replica's cluster, slot and
# folder removed, the demo database dropped (SKALA_SIMPAN=1 keeps the database), Redis db 3 flushed.
#
# Needs root (the replica cluster runs as the postgres user), Debian's PostgreSQL with wal_level replica
# (or logical) and max_wal_senders > 0 (both defaults), nginx at /usr/sbin/nginx, Redis on 6379.
# A `host replication` line is added to pg_hba.conf for 127.0.0.1 (reload, no restart) and removed again.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

DB=${SKALA_DB:-simutasi_skala}
VAR=$ROOT/var/skala
VENV=${SKALA_VENV:-$ROOT/var/venv-skala}
PENGGUNA=${SKALA_PENGGUNA:-50}
DURASI=${SKALA_DURASI:-30s}
SLOT=simutasi_skala
PRIMER=postgres://root@127.0.0.1:5432
REPLIKA_PORT=5433
REDIS_URL=redis://127.0.0.1:6379/3
NGINX=${NGINX:-/usr/sbin/nginx}
HBA_TANDA="# simutasi scaleout-demo (removed by scripts/scaleout_demo.sh)"
HBA_BARIS="host replication root 127.0.0.1/32 trust"

langkah() { printf '\n\033[1m== %s\033[0m\n' "$*"; }
export PGOPTIONS="-c client_min_messages=warning"
psql_p() { psql "$PRIMER/${2:-postgres}" -v ON_ERROR_STOP=1 -Atqc "$1"; }
psql_r() { psql "postgres://root@127.0.0.1:$REPLIKA_PORT/${2:-postgres}" -v ON_ERROR_STOP=1 -Atqc "$1"; }
tunggu_http() {  # URL: up to 60 s
  for _ in $(seq 1 120); do curl -fs -o /dev/null "$1" && return 0; sleep 0.5; done
  echo "tidak menjawab: $1" >&2; return 1
}

[ "$(id -u)" = 0 ] || { echo "Jalankan sebagai root (klaster replika berjalan sebagai pengguna postgres)." >&2; exit 1; }
for p in 8300 8301 8302 $REPLIKA_PORT; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "Port $p sudah dipakai: hentikan dulu." >&2; exit 1; fi
done
redis-cli -u "$REDIS_URL" ping >/dev/null || { echo "Redis tidak berjalan di 127.0.0.1:6379." >&2; exit 1; }
VERSI=$(psql_p "show server_version_num")
PG_BIN=/usr/lib/postgresql/$((VERSI / 10000))/bin
[ -x "$PG_BIN/pg_ctl" ] || { echo "pg_ctl tidak ada di $PG_BIN." >&2; exit 1; }
case "$(psql_p "show wal_level")" in replica | logical) ;; *)
  echo "wal_level utama bukan replica: set wal_level=replica lalu restart PostgreSQL (di luar skrip ini)." >&2; exit 1 ;;
esac
[ "$(psql_p "show max_wal_senders")" -gt 0 ] || { echo "max_wal_senders = 0 di klaster utama." >&2; exit 1; }

# --- Teardown ----------------------------------------------------------------------------------------
PIDS=()
HBA=$(psql_p "show hba_file")
bersihkan() {
  set +e
  langkah "Membongkar"
  [ -f "$VAR/nginx.pid" ] && "$NGINX" -p "$VAR/" -c "$VAR/nginx.conf" -e "$VAR/nginx-galat.log" -s stop 2>/dev/null
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null; done
  if [ -f "$VAR/pg-replika/postmaster.pid" ]; then
    runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$VAR/pg-replika" -m fast -w stop >/dev/null
  fi
  psql_p "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '$SLOT'" >/dev/null
  if [ "${SKALA_SIMPAN:-0}" != 1 ]; then
    psql_p "drop database if exists \"$DB\" with (force)" >/dev/null
  fi
  if grep -qF "$HBA_TANDA" "$HBA"; then
    grep -vF -e "$HBA_TANDA" -e "$HBA_BARIS" "$HBA" >"$VAR/pg_hba.tmp" && cat "$VAR/pg_hba.tmp" >"$HBA"
    psql_p "select pg_reload_conf()" >/dev/null
  fi
  redis-cli -u "$REDIS_URL" flushdb >/dev/null
  rm -rf "$VAR/pg-replika"
  echo "   selesai: layanan dihentikan, replika dan slot dihapus; log di $VAR/"
}
trap bersihkan EXIT
trap 'exit 130' INT TERM

rm -rf "$VAR" && mkdir -p "$VAR/media"

# --- Python environments ---------------------------------------------------------------------------
langkah "Lingkungan Python ($VENV: requirements.txt dengan redis; .venv-load: locust)"
if ! "$VENV/bin/python" -c "import django, redis, gunicorn" 2>/dev/null; then
  python3 -m venv "$VENV"
  "$VENV/bin/pip" install -qq --disable-pip-version-check -r requirements.txt
fi
if [ ! -x .venv-load/bin/locust ]; then
  python3 -m venv .venv-load
  .venv-load/bin/pip install -qq --disable-pip-version-check -r requirements-load.txt
fi
PY=$VENV/bin/python

export DEBUG=false SECRET_KEY=scaleout-demo-only-secret-key-not-used-anywhere-else-0123456789
export SECURE_SSL_REDIRECT=false STATIC_MANIFEST=false LOG_LEVEL=WARNING PYTHONWARNINGS=ignore
export ALLOWED_HOSTS=127.0.0.1,localhost EMAIL_URL=memorymail:// MEDIA_ROOT=$VAR/media
export DATABASE_URL=$PRIMER/$DB DATABASE_REPLICA_URL=postgres://root@127.0.0.1:$REPLIKA_PORT/$DB
# One signing key and certificate for every app server and worker (made on first use, demo only).
export TTD_SERTIFIKAT=$VAR/ttd/sertifikat.pem TTD_KUNCI=$VAR/ttd/kunci.pem TTD_BUAT_OTOMATIS=true
export CACHE_URL=$REDIS_URL REPLIKA_TANDA=true REPLIKA_JEDA_DETIK=5 NOTIFIKASI_TUGAS_BACKEND=default

# --- The replica -------------------------------------------------------------------------------------
langkah "Replika streaming: pg_basebackup dari 5432 ke klaster baru di $REPLIKA_PORT"
if ! grep -Eq '^\s*host\s+replication\s+(all|root)\s+127\.0\.0\.1/32' "$HBA"; then
  printf '%s\n%s\n' "$HBA_TANDA" "$HBA_BARIS" >>"$HBA"
  psql_p "select pg_reload_conf()" >/dev/null
  echo "   pg_hba.conf: baris replikasi untuk 127.0.0.1 ditambahkan (reload, tanpa restart)"
fi
psql_p "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = '$SLOT'" >/dev/null
psql_p "drop database if exists \"$DB\" with (force)" >/dev/null
psql_p "create database \"$DB\"" >/dev/null
install -d -o postgres -g postgres -m 0700 "$VAR/pg-replika"
mulai=$(date +%s.%N)
runuser -u postgres -- pg_basebackup -h 127.0.0.1 -p 5432 -U root -D "$VAR/pg-replika" \
  --wal-method=stream --write-recovery-conf --create-slot --slot="$SLOT" --checkpoint=fast --no-sync
# Debian keeps the configuration in /etc: the replica gets its own. Settings a hot standby must match.
{
  echo "port = $REPLIKA_PORT"
  echo "listen_addresses = '127.0.0.1'"
  echo "unix_socket_directories = ''"
  echo "hot_standby = on"
  echo "shared_buffers = 64MB"
  echo "fsync = off  # a throwaway replica for this demo only: never on a real one"
  for s in max_connections max_worker_processes max_wal_senders max_prepared_transactions max_locks_per_transaction; do
    echo "$s = $(psql_p "show $s")"
  done
} >"$VAR/pg-replika/postgresql.conf"
printf 'local all all trust\nhost all all 127.0.0.1/32 trust\n' >"$VAR/pg-replika/pg_hba.conf"
: >"$VAR/pg-replika/pg_ident.conf"
chown postgres:postgres "$VAR/pg-replika/"*.conf
install -o postgres -g postgres -m 0640 /dev/null "$VAR/pg-replika.log"
# Hot standby opens once it has a snapshot of the primary's running transactions (seconds; longer
# while the primary has a transaction with many subtransactions open).
runuser -u postgres -- "$PG_BIN/pg_ctl" -D "$VAR/pg-replika" -l "$VAR/pg-replika.log" -w -t 300 start >/dev/null
printf '   replika hidup dalam %s s; pg_is_in_recovery() di 5433 = %s\n' \
  "$(awk -v a="$mulai" -v b="$(date +%s.%N)" 'BEGIN { printf "%.1f", b - a }')" "$(psql_r "select pg_is_in_recovery()")"

# --- Data (written on the primary, streamed to the replica) -----------------------------------------
langkah "Migrasi dan data demo di $DB (utama; mengalir ke replika)"
"$PY" manage.py migrate --noinput -v0
"$PY" manage.py demo >/dev/null
"$PY" manage.py axes_reset >/dev/null 2>&1 || true
redis-cli -u "$REDIS_URL" flushdb >/dev/null
sleep 1
n_p=$(psql_p "select count(*) from pegawai_pegawai" "$DB")
n_r=$(psql_r "select count(*) from pegawai_pegawai" "$DB")
echo "   pegawai: utama $n_p, replika $n_r"
psql_p "select '   replikasi: ' || application_name || ' ' || state || ', tertinggal ' || pg_wal_lsn_diff(sent_lsn, replay_lsn) || ' byte' from pg_stat_replication"

# --- App servers, nginx, workers --------------------------------------------------------------------
langkah "Dua app server (gunicorn 8301, 8302), nginx 8300, dua worker"
for port in 8301 8302; do
  "$VENV/bin/gunicorn" config.wsgi:application --bind "127.0.0.1:$port" --workers 2 --timeout 120 \
    --access-logfile /dev/null --error-logfile - >"$VAR/app-$port.log" 2>&1 &
  PIDS+=($!)
done
for i in 1 2; do
  "$PY" manage.py db_worker --no-reload --worker-id "skala-$i" --interval 0.5 >"$VAR/worker-$i.log" 2>&1 &
  PIDS+=($!)
done
mkdir -p "$VAR/nginx-tmp"
cat >"$VAR/nginx.conf" <<EOF
worker_processes 1;
pid $VAR/nginx.pid;
error_log $VAR/nginx-galat.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $VAR/nginx-tmp/body;
  proxy_temp_path $VAR/nginx-tmp/proxy;
  fastcgi_temp_path $VAR/nginx-tmp/fastcgi;
  uwsgi_temp_path $VAR/nginx-tmp/uwsgi;
  scgi_temp_path $VAR/nginx-tmp/scgi;
  upstream simutasi {
    server 127.0.0.1:8301;
    server 127.0.0.1:8302;
    keepalive 16;
  }
  server {
    listen 127.0.0.1:8300;
    client_max_body_size 60m;
    location / {
      proxy_pass http://simutasi;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$http_host;
      proxy_set_header X-Forwarded-For \$proxy_add_x_forwarded_for;
      proxy_read_timeout 120s;
      add_header X-Simutasi-Server \$upstream_addr always;
    }
  }
}
EOF
"$NGINX" -p "$VAR/" -c "$VAR/nginx.conf" -e "$VAR/nginx-galat.log"
tunggu_http http://127.0.0.1:8301/akun/masuk/
tunggu_http http://127.0.0.1:8302/akun/masuk/
tunggu_http http://127.0.0.1:8300/akun/masuk/
echo "   nginx membagi bergiliran: $(for _ in 1 2 3 4; do curl -sSI http://127.0.0.1:8300/akun/masuk/ |
  tr -d '\r' | sed -n 's/^X-Simutasi-Server: //Ip'; done | tr '\n' ' ')"

# --- Session across app servers, replica reads, read-your-writes ------------------------------------
langkah "Sesi berpindah app server; laporan dibaca dari replika"
stat_r() { psql_r "select xact_commit from pg_stat_database where datname = '$DB'"; }
baca_sebelum=$(stat_r)
"$PY" - <<'PYEOF'
import re, time, requests
NIP, SANDI = "198503152010012003", "demo12345"  # HR demo account (pegawai/demo/akun.py)
s = requests.Session()
r = s.get("http://127.0.0.1:8301/akun/masuk/")
for c in s.cookies:  # DEBUG=false: Secure cookies; this demo has no TLS in front (nginx would give it)
    c.secure = False
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.text).group(1)
r = s.post("http://127.0.0.1:8301/akun/masuk/", data={"username": NIP, "password": SANDI, "csrfmiddlewaretoken": token},
           allow_redirects=False)
assert r.status_code == 302 and "/akun/masuk/" not in r.headers["Location"], f"masuk gagal: {r.status_code}"
sesi = s.cookies["sessionid"]
print(f"   masuk di app server 8301 sebagai HR {NIP}: 302 -> {r.headers['Location']}")
kue = {"Cookie": f"sessionid={sesi}; csrftoken={s.cookies['csrftoken']}"}
r = requests.get("http://127.0.0.1:8302/", headers=kue, allow_redirects=False)
masih = r.status_code == 200 and 'name="password"' not in r.text
print(f"   cookie yang sama di app server 8302: GET / -> {r.status_code}, {'MASIH MASUK' if masih else 'KELUAR'}")
assert masih, "sesi tidak terbawa ke app server kedua"

def daftar(label):
    r = requests.get("http://127.0.0.1:8300/pegawai/", headers=kue, allow_redirects=False)
    print(f"   {label:<44} GET /pegawai/ -> {r.status_code}, dibaca dari: "
          f"{r.headers.get('X-Simutasi-Basis-Data')}, dilayani {r.headers.get('X-Simutasi-Server')}")
    return r
for _ in range(2):
    assert "replika" in daftar("daftar pegawai (laporan/daftar)").headers["X-Simutasi-Basis-Data"]
r = requests.get("http://127.0.0.1:8300/pegawai/", headers=kue)
token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', r.text).group(1)
r = requests.post("http://127.0.0.1:8300/i18n/setlang/", headers=kue, allow_redirects=False,
                  data={"language": "id", "next": "/pegawai/", "csrfmiddlewaretoken": token})
primer = r.cookies.get("simutasi_primer")
print(f"   POST berhasil ({r.status_code}): cookie simutasi_primer sampai {primer} (REPLIKA_JEDA_DETIK=5)")
kue["Cookie"] += f"; simutasi_primer={primer}"
assert daftar("segera sesudah menulis (read-your-writes)").headers["X-Simutasi-Basis-Data"] == "default"
time.sleep(5.5)
assert "replika" in daftar("5 detik kemudian").headers["X-Simutasi-Basis-Data"]
PYEOF
echo "   sesi di Redis (db 3): $(redis-cli -u "$REDIS_URL" --scan --pattern '*sessions*' | wc -l) kunci"

# --- Two workers share the queue ---------------------------------------------------------------------
langkah "Dua worker, satu antrean: 40 tugas"
"$PY" manage.py shell -v0 -c "
import collections, time
from django_tasks_db.models import DBTaskResult
from inti.tasks import periksa_pekerja
ids = [str(periksa_pekerja.enqueue(nomor=i).id) for i in range(40)]
qs = DBTaskResult.objects.filter(id__in=ids)
for _ in range(120):
    if qs.filter(status='SUCCESSFUL').count() == len(ids):
        break
    time.sleep(0.5)
hasil = list(qs)
for w, n in sorted(collections.Counter(h.worker_ids[0] if h.worker_ids else '-' for h in hasil).items()):
    print(f'   {w}: {n} tugas')
print(f'   selesai {sum(h.status == \"SUCCESSFUL\" for h in hasil)} dari {len(ids)};',
      f'dijalankan lebih dari sekali: {sum(len(h.worker_ids) > 1 for h in hasil)}')
"

# --- The load test through nginx ----------------------------------------------------------------------
langkah "Uji beban lewat nginx: $PENGGUNA pengguna, $DURASI"
replika_sebelum=$(stat_r)
rc_beban=0
LOADTEST_URL=http://127.0.0.1:8300 LOADTEST_USERS=$PENGGUNA LOADTEST_TIME=$DURASI LOADTEST_OUT=$VAR/loadtest \
  LOADTEST_PY=$PY loadtest/run.sh >"$VAR/loadtest.log" 2>&1 || rc_beban=$?
sed -n '/>> Total/,$p' "$VAR/loadtest.log"
[ $rc_beban = 0 ] || echo "   locust keluar dengan $rc_beban (ada kegagalan): lihat $VAR/loadtest.log"
"$PY" - "$VAR/loadtest/hasil_stats.csv" <<'PYEOF'
import csv, sys
print(f"   {'permintaan':<26}{'jumlah':>7}{'gagal':>6}{'p50':>8}{'p95':>8}  (ms)")
for r in csv.DictReader(open(sys.argv[1])):
    print(f"   {r['Name']:<26}{r['Request Count']:>7}{r['Failure Count']:>6}{r['50%']:>8}{r['95%']:>8}")
PYEOF
replika_sesudah=$(stat_r)
echo "   transaksi baca di replika ($DB): +$((replika_sesudah - replika_sebelum)) selama uji beban" \
  "(+$((replika_sebelum - baca_sebelum)) pada langkah sebelumnya)"
psql_p "select '   replikasi: ' || state || ', tertinggal ' || pg_wal_lsn_diff(sent_lsn, replay_lsn) || ' byte' from pg_stat_replication"
for port in 8301 8302; do
  echo "   galat di log app server $port: $(grep -c -E ' (ERROR|CRITICAL) ' "$VAR/app-$port.log" || true)"
done
