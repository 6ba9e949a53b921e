"""Settings for the mutasi ASN system.

One module for every deployment: each knob is read from the environment (see
`.env.example`). Defaults are safe for a developer's machine; production sets
DEBUG=False, SECRET_KEY, ALLOWED_HOSTS and DATABASE_URL.
"""

import warnings
from datetime import timedelta
from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from config import skala

BASE_DIR = Path(__file__).resolve().parent.parent

# pyHanko (pinned, see STACK.md) imports cryptography's DSA key type, which cryptography flags as
# deprecated on import: every manage.py command would print it. Decrees are signed with RSA or ECDSA.
warnings.filterwarnings("ignore", message="DSA is deprecated", module="pyhanko")

env = environ.Env()
environ.Env.read_env(BASE_DIR / ".env", overwrite=False)

# --- Core -------------------------------------------------------------------
DEBUG = env.bool("DEBUG", default=False)
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY wajib diisi bila DEBUG=False (SECRET_KEY is required when DEBUG is off)."
        )
    SECRET_KEY = "dev-only-insecure-key-do-not-use-in-production"  # noqa: S105
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["127.0.0.1", "localhost", "[::1]"])
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_URL = env.str("SITE_URL", default="http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.humanize",
    "crispy_forms",
    "crispy_bootstrap5",
    "axes",
    "django_tasks_db",
    # Field-level trail (inti/jejak.py); before inti, whose admin replaces auditlog's.
    "auditlog",
    # Named by their AppConfig: inti/apps.py holds the apps' shared base besides inti's own.
    "inti.apps.IntiConfig",
    "pegawai.apps.PegawaiConfig",
    "mutasi.apps.MutasiConfig",
    "pelatihan.apps.PelatihanConfig",
    "evaluasi.apps.EvaluasiConfig",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    # Database out of reach: 503 + Retry-After, one log line. Before the session middleware, so a
    # session that cannot be saved after the view is covered too (see inti/middleware.py).
    "inti.middleware.GangguanBasisDataMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "pegawai.middleware.TolakKarakterNulMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # Read-your-writes for the read replica (only with DATABASE_REPLICA_URL; else it steps aside).
    "inti.replika.ReplikaMiddleware",
    # django-auditlog's middleware (actor and address on every field-level entry), reading the
    # address from REMOTE_ADDR like the rest of the project (inti/jejak.py).
    "inti.jejak.JejakMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    # Last, as django-axes asks: it answers a locked-out sign-in with the lockout page.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "django.template.context_processors.csp",
                "pegawai.context_processors.peran",
                "mutasi.context_processors.kotak_masuk",
                "inti.notifikasi.context_processors.notifikasi",
            ],
        },
    },
]

# --- Database -----------------------------------------------------------------
# SQLite under var/ so a newcomer needs no server; production sets DATABASE_URL to
# PostgreSQL (psycopg 3). DB_POOL=true turns on Django's psycopg connection pool.
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'var' / 'mutasi.sqlite3'}")}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # JIT compiles a query whose *estimated* cost is high: on this app's page queries (a few ms of
    # work) it spent seconds compiling (the inbox's approver filter at 100,000 employees). DB_JIT=true
    # leaves the server's own setting.
    if not env.bool("DB_JIT", default=False):
        DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    if env.bool("DB_POOL", default=False):
        DATABASES["default"].setdefault("OPTIONS", {})["pool"] = True
    else:
        DATABASES["default"]["CONN_MAX_AGE"] = env.int("CONN_MAX_AGE", default=60)
        DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
elif DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL and a busy timeout let the dev server and a management command share the file.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        {"init_command": "PRAGMA journal_mode=WAL;", "transaction_mode": "IMMEDIATE", "timeout": 20}
    )
# A read replica (docs/DEPLOY.md "Scaling out"): DATABASE_REPLICA_URL adds the `replika` entry, and a
# router sends the reads of report and list pages (REPLIKA_HALAMAN) there, except for a user who wrote
# in the last REPLIKA_JEDA_DETIK seconds and inside transactions (read-your-writes, inti/replika.py).
_replika = skala.replika_dari_url(env.str("DATABASE_REPLICA_URL", default=""), DATABASES["default"])
if _replika:
    DATABASES["replika"] = _replika
    DATABASE_ROUTERS = ["inti.replika.RuterReplika"]
REPLIKA_JEDA_DETIK = env.int("REPLIKA_JEDA_DETIK", default=5)
# Adds the header X-Simutasi-Basis-Data (the database aliases a page read from): for checking a setup.
REPLIKA_TANDA = env.bool("REPLIKA_TANDA", default=False)
# Pages (URL names) whose GET reads may come from the replica: reports and lists, never a form.
REPLIKA_HALAMAN = [
    "beranda",
    *("pegawai:" + n for n in ("daftar", "laporan_xlsx", "duk", "duk_xlsx", "duk_pdf", "kontrak_pantau")),
    *("pegawai:unit_daftar", "impor:riwayat", "impor:ekspor_pegawai"),
    *("abk:" + n for n in ("ikhtisar", "rincian", "kandidat", "rotasi", "rotasi_ekspor")),
    *("mutasi:daftar", "mutasi:ekspor", "mutasi:kotak_masuk"),
    *("pelatihan:penugasan", "pelatihan:penugasan_ekspor", "pelatihan:jp"),
    *("evaluasi:" + n for n in ("daftar", "laporan", "laporan_cetak", "laporan_ekspor", "kinerja")),
]
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# --- Cache and sessions -----------------------------------------------------------
# CACHE_URL: empty = files under var/tembolok, shared by the processes of one server;
# redis://127.0.0.1:6379/1 = Redis shared by every app server (Django's RedisCache).
# SESSION_ENGINE: db | cached_db | cache (default: cached_db with CACHE_URL, else db). Either way a
# session survives a switch of app server. See config/skala.py.
_cache_url = env.str("CACHE_URL", default="")
CACHES = {"default": skala.cache_dari_url(_cache_url, str(BASE_DIR / "var" / "tembolok"))}
SESSION_ENGINE = skala.sesi_engine(env.str("SESSION_ENGINE", default=""), ada_cache=bool(_cache_url))

# --- Accounts -----------------------------------------------------------------
AUTH_USER_MODEL = "pegawai.User"
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "beranda"
LOGOUT_REDIRECT_URL = "login"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 8}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
    # The user's own name, NIP or birth date (the similarity check above sees only the NIP and email).
    {"NAME": "pegawai.masuk.SandiDataPribadiValidator"},
]
# Lockout after repeated failed sign-ins (django-axes), per account (NIP) and per address alike:
# the AXES_FAILURE_LIMIT-th failure locks for AXES_COOLOFF_MENIT minutes; HR can unlock an account.
AUTHENTICATION_BACKENDS = ["axes.backends.AxesStandaloneBackend", "django.contrib.auth.backends.ModelBackend"]
AXES_FAILURE_LIMIT = env.int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env.int("AXES_COOLOFF_MENIT", default=15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_USERNAME_CALLABLE = "pegawai.masuk.nip_dari_permintaan"
AXES_LOCKOUT_CALLABLE = "pegawai.masuk.respons_terkunci"
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False
PASSWORD_RESET_TIMEOUT = env.int("PASSWORD_RESET_TIMEOUT", default=3 * 24 * 3600)

# --- Language and time --------------------------------------------------------
LANGUAGE_CODE = "id"
LANGUAGES = [("id", "Bahasa Indonesia"), ("en", "English")]
LOCALE_PATHS = [BASE_DIR / "locale"]
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Jakarta")
USE_I18N = True
USE_TZ = True

# --- Static and uploaded files ------------------------------------------------
STATIC_URL = "static/"
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "staticfiles")
MEDIA_URL = "media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    # Uploads under random names (inti.berkas): a stored path gives nothing away. On the file system
    # under MEDIA_ROOT, or with STORAGE_URL=s3://BUCKET/PREFIX?endpoint_url=... on S3-compatible object
    # storage (django-storages; keys AWS_ACCESS_KEY_ID, AWS_SECRET_ACCESS_KEY; config/skala.py).
    "default": skala.penyimpanan_dari_url(
        env.str("STORAGE_URL", default=""),
        kunci_akses=env.str("AWS_ACCESS_KEY_ID", default=""),
        kunci_rahasia=env.str("AWS_SECRET_ACCESS_KEY", default=""),
    ),
    "staticfiles": {
        # Hashed, compressed files in production (needs collectstatic); plain in development and tests.
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
        if env.bool("STATIC_MANIFEST", default=not DEBUG)
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Uploads (attachments, certificates, imports) larger than this are refused by the forms.
UPLOAD_MAX_MB = env.int("UPLOAD_MAX_MB", default=10)
IMPORT_MAX_MB = env.int("IMPORT_MAX_MB", default=50)

# --- Background work (django.tasks + django-tasks-db; inti/tugas.py, docs/DEPLOY.md "Worker") -------
# Tasks wait in the database; `manage.py db_worker` runs them (`make run` starts one beside the server).
TASKS = {
    "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]},
    # Runs a task at once, in the process that queues it (tests; a machine without a worker).
    "segera": {"BACKEND": "django.tasks.backends.immediate.ImmediateBackend"},
}
# Where the sending of notices (mail, WhatsApp) is queued: "default" (the worker) or "segera".
NOTIFIKASI_TUGAS_BACKEND = env.str("NOTIFIKASI_TUGAS_BACKEND", default="default")
# Notice mail the mail server refused: tried again after NOTIFIKASI_SUREL_JEDA_DETIK x 2^n, this many times in all.
NOTIFIKASI_SUREL_MAKS_PERCOBAAN = env.int("NOTIFIKASI_SUREL_MAKS_PERCOBAAN", default=3)
NOTIFIKASI_SUREL_JEDA_DETIK = env.int("NOTIFIKASI_SUREL_JEDA_DETIK", default=300)
# An import file with more data rows than this is checked and saved by the worker, with a progress bar.
IMPOR_LATAR_BARIS = env.int("IMPOR_LATAR_BARIS", default=2000)
# Bulk invitations for more employees than this go through the worker.
AKUN_LATAR_JUMLAH = env.int("AKUN_LATAR_JUMLAH", default=100)
# A running task whose heartbeat is older than this many minutes is taken as dead (worker killed) and
# queued again (at most 3 attempts) by `manage.py pulihkan_tugas` and by every worker start.
TUGAS_BASI_MENIT = env.int("TUGAS_BASI_MENIT", default=15)
DATA_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
FILE_UPLOAD_MAX_MEMORY_SIZE = 5 * 1024 * 1024
# Backups (`manage.py cadangkan` / `pulihkan`, inti/cadangan.py, docs/DEPLOY.md "Backups"): the default
# archive folder; a server names its own with `cadangkan --ke /var/backups/simutasi`.
CADANGAN_DIR = BASE_DIR / "var" / "cadangan"

# --- Email --------------------------------------------------------------------
# EMAIL_URL: "consolemail://" (development), "smtp+tls://user:pass@host:587", "memorymail://".
_email = env.email_url("EMAIL_URL", default="consolemail://")
_email_options = {}
if _email["EMAIL_BACKEND"].endswith("smtp.EmailBackend"):
    _email_options = {
        "host": _email.get("EMAIL_HOST"),
        "port": _email.get("EMAIL_PORT") or 25,
        "username": _email.get("EMAIL_HOST_USER") or None,
        "password": _email.get("EMAIL_HOST_PASSWORD") or None,
        "use_tls": bool(_email.get("EMAIL_USE_TLS")),
        "use_ssl": bool(_email.get("EMAIL_USE_SSL")),
        "timeout": 20,
    }
MAILERS = {"default": {"BACKEND": _email["EMAIL_BACKEND"], "OPTIONS": _email_options}}
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="SIMUTASI BKPSDM <noreply@surabaya.go.id>")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Security -----------------------------------------------------------------
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env.int("SESSION_COOKIE_AGE", default=8 * 3600)
X_FRAME_OPTIONS = "DENY"
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
if not DEBUG:
    SECURE_SSL_REDIRECT = env.bool("SECURE_SSL_REDIRECT", default=True)
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=31536000)
    SECURE_HSTS_INCLUDE_SUBDOMAINS = True
    SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=True)

# No inline script or style anywhere: every script is a static file.
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    "style-src": [CSP.SELF],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF],
    "connect-src": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
    "form-action": [CSP.SELF],
    "base-uri": [CSP.SELF],
    "object-src": [CSP.NONE],
}

# Field-level trail (django-auditlog, inti/jejak.py). Values as text (the default), the address kept;
# no correlation id from a client's header (X-Correlation-ID would be written as given).
AUDITLOG_DISABLE_REMOTE_ADDR = False
AUDITLOG_CID_HEADER = None
# Shown on HR's pages: the latest entries on an object's page, then the full list.
JEJAK_PER_HALAMAN = 50
JEJAK_DI_HALAMAN_OBJEK = 10

CRISPY_ALLOWED_TEMPLATE_PACKS = "bootstrap5"
CRISPY_TEMPLATE_PACK = "bootstrap5"

# One event, one line: a refused request (4xx) loses the traceback Django attaches (403
# PermissionDenied, 400 SuspiciousOperation), a server error (5xx) keeps it; a request answered 503
# because the database is out of reach is logged once, by inti.gangguan (see inti/logging.py).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "filters": {
        "ringkas_4xx": {"()": "inti.logging.RingkasGalatKlien"},
        "abaikan_gangguan_db": {"()": "inti.logging.AbaikanGangguanBasisData"},
    },
    "formatters": {"baris": {"format": "%(asctime)s %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "baris", "filters": ["ringkas_4xx"]}},
    "loggers": {
        "django.request": {"filters": ["abaikan_gangguan_db", "ringkas_4xx"]},
        # django-axes logs every attempt at INFO; the audit trail keeps sign-in events already.
        "axes": {"level": "WARNING"},
        # WeasyPrint logs five progress steps per PDF and fontTools each font it subsets, at INFO.
        "weasyprint": {"level": "WARNING"},
        "fontTools": {"level": "WARNING"},
    },
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="INFO")},
}

# --- Domain settings (values from regulations that may change: keep them here) ----
INSTANSI_NAMA = env.str("INSTANSI_NAMA", default="PEMERINTAH KOTA SURABAYA")
INSTANSI_UNIT_KEPEGAWAIAN = env.str(
    "INSTANSI_UNIT_KEPEGAWAIAN", default="BADAN KEPEGAWAIAN DAN PENGEMBANGAN SUMBER DAYA MANUSIA"
)
INSTANSI_ALAMAT = env.str("INSTANSI_ALAMAT", default="Jalan Jimerto No. 25-27, Surabaya 60272")
INSTANSI_KOTA = env.str("INSTANSI_KOTA", default="Surabaya")
INSTANSI_PROVINSI = env.str("INSTANSI_PROVINSI", default="PROVINSI JAWA TIMUR")
# The regional head in whose name decrees are made (Permendagri 80/2015): "KEPUTUSAN WALI KOTA SURABAYA".
KEPALA_DAERAH_JABATAN = env.str("KEPALA_DAERAH_JABATAN", default="WALI KOTA SURABAYA")
# The unit whose head (the Kepala BKPSDM) signs the employees' notices, or that person's NIP directly.
UNIT_KEPEGAWAIAN_KODE = env.str("UNIT_KEPEGAWAIAN_KODE", default="BKPSDM")
PEMBERITAHUAN_PENANDATANGAN_NIP = env.str("PEMBERITAHUAN_PENANDATANGAN_NIP", default="")
# Transfer rule (PP 11/2017 art. 190): at the earliest after 2 and at the latest after 5 years in a post.
MUTASI_MIN_TAHUN = env.int("MUTASI_MIN_TAHUN", default=2)
MUTASI_MAX_TAHUN = env.int("MUTASI_MAX_TAHUN", default=5)
# How many months ahead the watch list of PPPK contracts ending (pegawai:kontrak_pantau) looks.
KONTRAK_PPPK_PANTAU_BULAN = 6
# A new PNS may not ask to move to another instansi within this many years of appointment.
MUTASI_ANTAR_INSTANSI_MIN_TAHUN = env.int("MUTASI_ANTAR_INSTANSI_MIN_TAHUN", default=10)
# Months after the TMT before which the employee must not reach the target position's retirement age.
MUTASI_BUP_SISA_BULAN = env.int("MUTASI_BUP_SISA_BULAN", default=12)
# Decree number pattern; {seq} is a gap-free sequence per year.
SK_NOMOR_POLA = env.str("SK_NOMOR_POLA", default="800/{seq}/436.7.2/{year}")
# The notice's own number pattern; {seq} is a gap-free sequence per year apart from the decrees'.
PEMBERITAHUAN_NOMOR_POLA = env.str("PEMBERITAHUAN_NOMOR_POLA", default="800.1.6/{seq}/436.7.2/{year}")
# Days a decree's TMT may lie before the decree's date (0: the TMT is on or after it).
SK_TMT_SEBELUM_HARI = env.int("SK_TMT_SEBELUM_HARI", default=0)
# From which stage an employee sees, on "Mutasi saya", a transfer HR or a unit head proposed for them
# (a status of mutasi.models.TAHAPAN_USULAN: DIAJUKAN, DILEPAS, DITERIMA, DIVERIFIKASI, DIPUTUSKAN,
# SK_TERBIT, DILAKSANAKAN). A proposal made from their own request they follow from the start. The
# proposal's own page (with the approvers' notes) opens to them from the decision on, never earlier.
MUTASI_PEGAWAI_LIHAT_SEJAK = env.str("MUTASI_PEGAWAI_LIHAT_SEJAK", default="DIPUTUSKAN")
# Days the employee has to raise an objection (keberatan) after being given the notice.
KEBERATAN_BATAS_HARI = env.int("KEBERATAN_BATAS_HARI", default=14)
# Needs analysis (PermenPANRB 1/2020): effective working hours per year and rounding of people.
ABK_JAM_KERJA_EFEKTIF = env.int("ABK_JAM_KERJA_EFEKTIF", default=1250)
ABK_PEMBULATAN = env.str("ABK_PEMBULATAN", default="half_up")  # half_up | up | down
# Hook for the candidate list: dotted path to a callable taking no arguments and returning the set of
# Pegawai ids already in an open transfer proposal (they are listed as excluded). pegawai may not import
# mutasi, so the proposals app names its function here; None = nobody is in a proposal.
ABK_PEGAWAI_DALAM_USULAN = env.str("ABK_PEGAWAI_DALAM_USULAN", default="mutasi.selectors.pegawai_dalam_usulan")
# Training per employee for the DUK (pegawai.selectors.laporan): pegawai may not import pelatihan, so the
# training app's function is named here; None = no training column data.
LAPORAN_DIKLAT_PEGAWAI = "pelatihan.selectors.diklat.diklat_per_pegawai"
# Hook for the manual move: dotted path to a callable taking a Pegawai id and returning (number, URL) of a
# decided transfer of that employee not yet carried out, or None. A manual move is refused while one
# waits (pegawai may not import mutasi); empty = never refused.
PEGAWAI_MUTASI_TERTUNDA = env.str("PEGAWAI_MUTASI_TERTUNDA", default="mutasi.selectors.mutasi_tertunda")
# Hook for closing a unit: a callable taking a UnitKerja id and returning (number, URL) of every
# proposal in progress into it; closing is refused while there is one; empty = never refused.
PEGAWAI_MUTASI_KE_UNIT = env.str("PEGAWAI_MUTASI_KE_UNIT", default="mutasi.selectors.mutasi_ke_unit")
# Competence development owed to every ASN per year (lesson hours).
PELATIHAN_JP_MINIMAL = env.int("PELATIHAN_JP_MINIMAL", default=20)
PELATIHAN_WAJIB_BUKTI = env.bool("PELATIHAN_WAJIB_BUKTI", default=True)
# A training assigned for a transfer is due this many months after the TMT (HR may change each date).
PELATIHAN_BATAS_BULAN = env.int("PELATIHAN_BATAS_BULAN", default=3)
# `manage.py ingatkan_pelatihan` (daily): remind this many days before a due date, and repeat an
# overdue reminder every this many days (at most one reminder per assignment per day).
PELATIHAN_INGATKAN_HARI = env.int("PELATIHAN_INGATKAN_HARI", default=7)
PELATIHAN_INGATKAN_TERLAMBAT_HARI = env.int("PELATIHAN_INGATKAN_TERLAMBAT_HARI", default=7)
# Post-transfer reviews, months after the TMT.
EVALUASI_INTERVAL_BULAN = [int(x) for x in env.list("EVALUASI_INTERVAL_BULAN", default=["3", "6", "12"])]
# Transfers with a TMT before this date (YYYY-MM-DD) get no reviews, e.g. the go-live date, so old
# history does not flood the overdue list; empty = every carried-out transfer.
EVALUASI_TMT_SEJAK = env.str("EVALUASI_TMT_SEJAK", default="")
# `manage.py ingatkan_evaluasi` (daily): remind the reviewer this many days before the due date, and
# remind again (reviewer, or the employee who has not answered) every this many days.
EVALUASI_PENGINGAT_HARI = env.int("EVALUASI_PENGINGAT_HARI", default=7)
EVALUASI_PENGINGAT_ULANG_HARI = env.int("EVALUASI_PENGINGAT_ULANG_HARI", default=7)
# Days the employee has to answer sent feedback; after that BKPSDM may close the review without an answer.
EVALUASI_BATAS_TANGGAPAN_HARI = env.int("EVALUASI_BATAS_TANGGAPAN_HARI", default=14)
# Front-page dashboard: a proposal waiting at one approval step longer than this counts as overdue.
DASBOR_PERSETUJUAN_TERLAMBAT_HARI = env.int("DASBOR_PERSETUJUAN_TERLAMBAT_HARI", default=7)
# `manage.py demo` runs these steps in order; each app adds its own (imports run one way,
# so the lower app lists the higher ones' steps here rather than importing them).
DEMO_LANGKAH = [
    "pegawai.demo.simpan.organisasi",
    "pegawai.demo.pangkat.riwayat_pangkat",
    "pegawai.demo.kontrak.kontrak_pppk",
    "pegawai.demo.abk.beban_kerja",
    "mutasi.demo.usulan",
    "pelatihan.demo.pelatihan",
    "evaluasi.demo.evaluasi",
    # This month's decrees after the reviews' history: decree dates rise with their numbers.
    "mutasi.demo.keputusan",
]

# --- Electronic signature (inti.ttd) ---
# Who signs decrees: "inti.ttd.lokal.PenandaLokal" (the installation's own key and certificate) or
# "inti.ttd.bsre.PenandaBsre" (BSrE's esign-client-service; see the docstring of inti/ttd/__init__.py).
TTD_BACKEND = env.str("TTD_BACKEND", default="inti.ttd.lokal.PenandaLokal")
# The installation's certificate and private key (PenandaLokal); outside the repository, back them up.
TTD_SERTIFIKAT = env.path("TTD_SERTIFIKAT", default=BASE_DIR / "var" / "ttd" / "sertifikat.pem")
TTD_KUNCI = env.path("TTD_KUNCI", default=BASE_DIR / "var" / "ttd" / "kunci.pem")
# Create the key and certificate on the first signature when they are missing (development, demo);
# off on a server: run `manage.py buat_sertifikat_ttd` once instead.
TTD_BUAT_OTOMATIS = env.bool("TTD_BUAT_OTOMATIS", default=DEBUG)
# Extra trust roots for verifying signatures (e.g. BSrE's root CA), PEM or DER files; the
# installation certificate is always trusted when it exists.
TTD_AKAR_TEPERCAYA = env.list("TTD_AKAR_TEPERCAYA", default=[])
# BSrE esign-client-service: base address (without /api/...), the application's account (HTTP Basic),
# and timeouts in seconds: waiting for the answer (signing can be slow) and for the connection.
BSRE_URL = env.str("BSRE_URL", default="")
BSRE_PENGGUNA = env.str("BSRE_PENGGUNA", default="")
BSRE_SANDI = env.str("BSRE_SANDI", default="")
BSRE_TIMEOUT_DETIK = env.float("BSRE_TIMEOUT_DETIK", default=60.0)
BSRE_TIMEOUT_SAMBUNG_DETIK = env.float("BSRE_TIMEOUT_SAMBUNG_DETIK", default=5.0)

# --- SIASN (BKN's national civil-servant system), pegawai.siasn; off by default -----------------
# See docs/INTEGRASI.md. Off: nothing is sent and every SIASN page says so.
SIASN_AKTIF = env.bool("SIASN_AKTIF", default=False)
# The APIM (WSO2) token URL (client_credentials with the consumer key/secret), the SSO token URL
# (password grant on the public-siasn realm) and the web-service base (without a trailing slash).
SIASN_APIM_TOKEN_URL = env.str("SIASN_APIM_TOKEN_URL", default="https://apimws.bkn.go.id/oauth2/token")
SIASN_SSO_TOKEN_URL = env.str(
    "SIASN_SSO_TOKEN_URL",
    default="https://sso-siasn.bkn.go.id/auth/realms/public-siasn/protocol/openid-connect/token",
)
SIASN_API_URL = env.str("SIASN_API_URL", default="https://apimws.bkn.go.id:8243/apisiasn/1.0")
SIASN_CONSUMER_KEY = env.str("SIASN_CONSUMER_KEY", default="")
SIASN_CONSUMER_SECRET = env.str("SIASN_CONSUMER_SECRET", default="")
SIASN_SSO_CLIENT_ID = env.str("SIASN_SSO_CLIENT_ID", default="")
SIASN_SSO_USERNAME = env.str("SIASN_SSO_USERNAME", default="")
SIASN_SSO_PASSWORD = env.str("SIASN_SSO_PASSWORD", default="")
# The instansi and satuan kerja ids SIASN knows the city by (sent with every pushed position).
SIASN_INSTANSI_ID = env.str("SIASN_INSTANSI_ID", default="")
SIASN_SATUAN_KERJA_ID = env.str("SIASN_SATUAN_KERJA_ID", default="")
# Seconds: opening the connection, waiting for the answer.
SIASN_TIMEOUT_SAMBUNG_DETIK = env.float("SIASN_TIMEOUT_SAMBUNG_DETIK", default=5.0)
SIASN_TIMEOUT_BACA_DETIK = env.float("SIASN_TIMEOUT_BACA_DETIK", default=30.0)
# Retries of one request (reads on 5xx and dropped connections; a push only when it never connected)
# and their backoff factor in seconds (0.5 -> 0.5 s, 1 s, 2 s ...).
SIASN_ULANG = env.int("SIASN_ULANG", default=2)
SIASN_ULANG_JEDA = env.float("SIASN_ULANG_JEDA", default=0.5)
# The outbox: first wait after a failed push (minutes, doubled each attempt) and the longest wait.
SIASN_KIRIM_JEDA_MENIT = env.int("SIASN_KIRIM_JEDA_MENIT", default=5)
SIASN_KIRIM_JEDA_MAKS_MENIT = env.int("SIASN_KIRIM_JEDA_MAKS_MENIT", default=120)
# A unit comparison with more employees than this runs in the background worker.
SIASN_BANDING_LATAR_JUMLAH = env.int("SIASN_BANDING_LATAR_JUMLAH", default=5)
# --- WhatsApp (inti.notifikasi.whatsapp; docs/INTEGRASI.md "WhatsApp dan notifikasi") ---
# Meta's WhatsApp Business Cloud API. Off: nobody is offered WhatsApp and nothing is sent there.
WA_AKTIF = env.bool("WA_AKTIF", default=False)
WA_API_URL = env.str("WA_API_URL", default="https://graph.facebook.com")
WA_API_VERSI = env.str("WA_API_VERSI", default="23.0")
WA_PHONE_NUMBER_ID = env.str("WA_PHONE_NUMBER_ID", default="")
WA_TOKEN = env.str("WA_TOKEN", default="")
# Template language, the approved template every kind uses, and per-kind ones ("kind=template,...").
WA_BAHASA = env.str("WA_BAHASA", default="id")
WA_TEMPLAT_BAWAAN = env.str("WA_TEMPLAT_BAWAAN", default="simutasi_pemberitahuan")
WA_TEMPLAT_JENIS = env.dict("WA_TEMPLAT_JENIS", default={})
# The webhook: the token Meta echoes when the URL is registered, the app secret that signs each call.
WA_WEBHOOK_VERIFY_TOKEN = env.str("WA_WEBHOOK_VERIFY_TOKEN", default="")
WA_APP_SECRET = env.str("WA_APP_SECRET", default="")
WA_TIMEOUT_DETIK = env.float("WA_TIMEOUT_DETIK", default=15.0)
WA_TIMEOUT_SAMBUNG_DETIK = env.float("WA_TIMEOUT_SAMBUNG_DETIK", default=5.0)
# A passing failure (5xx, 429, timeout) is tried again after WA_JEDA_ULANG_DETIK x 2^n, this many times in all.
WA_MAKS_PERCOBAAN = env.int("WA_MAKS_PERCOBAAN", default=4)
WA_JEDA_ULANG_DETIK = env.int("WA_JEDA_ULANG_DETIK", default=60)
