"""Loaded by pytest before Django (`-p config.testenv` in pytest.ini): the environment tests run in.
Production settings (DEBUG off), except what needs a certificate or collectstatic; mail in memory."""

import os
from pathlib import Path

os.environ.setdefault("DEBUG", "false")  # a developer's .env may say true; tests run as production does
os.environ.setdefault("SECRET_KEY", "test-only-secret-key-not-for-production")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("STATIC_MANIFEST", "false")
os.environ.setdefault("EMAIL_URL", "memorymail://")
os.environ.setdefault("NOTIFIKASI_TUGAS_BACKEND", "segera")  # notices sent at once (after the commit)
os.environ.setdefault("CACHE_URL", "locmemcache://")  # per test process: parallel workers must not share it
os.environ.setdefault("SESSION_ENGINE", "db")
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")  # Playwright's sync API runs an event loop

# Whitenoise warns on every request when STATIC_ROOT does not exist (collectstatic never ran here).
(Path(__file__).resolve().parent.parent / "var" / "staticfiles").mkdir(parents=True, exist_ok=True)
