"""Deployment settings: `check --deploy` is clean in production mode, SECRET_KEY is required, the
CSP header is strict, and every environment variable the settings read is documented."""

import os
import re
import secrets
import subprocess
import sys
from pathlib import Path

import pytest
from django.urls import reverse

ROOT = Path(__file__).resolve().parents[2]
# Run manage.py with the given environment only: a developer's .env must not leak in, so the
# .env loader is switched off before the settings are imported.
TANPA_DOTENV = (
    "import environ, sys; environ.Env.read_env = classmethod(lambda *a, **k: None); "
    "from django.core.management import execute_from_command_line; execute_from_command_line(sys.argv)"
)


def _manage(*args: str, **env: str) -> subprocess.CompletedProcess:
    clean = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "DJANGO_SETTINGS_MODULE": "config.settings", **env}
    return subprocess.run(  # noqa: S603 - fixed arguments
        [sys.executable, "-c", TANPA_DOTENV, *args],
        cwd=ROOT,
        env=clean,
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def _produksi(**extra: str) -> dict[str, str]:
    return {
        "DEBUG": "False",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "simutasi.surabaya.go.id",
        "DATABASE_URL": "sqlite:////tmp/simutasi-check-deploy.sqlite3",
        # Production sends real mail: Django 6.1's deploy check refuses the console backend.
        "EMAIL_URL": "smtp+tls://simutasi:rahasia@smtp.surabaya.go.id:587",
        **extra,
    }


def test_check_deploy_tanpa_peringatan():
    r = _manage("check", "--deploy", "--fail-level", "WARNING", **_produksi())
    assert r.returncode == 0, r.stdout + r.stderr
    assert "no issues" in r.stdout, r.stdout + r.stderr


def test_check_deploy_menangkap_secret_key_lemah():
    """The check above can fail: a short key is reported."""
    r = _manage("check", "--deploy", "--fail-level", "WARNING", **_produksi(SECRET_KEY="pendek"))
    assert r.returncode != 0
    assert "security.W009" in r.stdout + r.stderr


def test_secret_key_wajib_bila_debug_mati():
    env = _produksi()
    del env["SECRET_KEY"]
    r = _manage("check", **env)
    assert r.returncode != 0
    assert "SECRET_KEY" in r.stderr


def test_debug_boleh_tanpa_secret_key():
    r = _manage("check", DEBUG="true", DATABASE_URL="sqlite:////tmp/simutasi-check-debug.sqlite3")
    assert r.returncode == 0, r.stderr


@pytest.mark.django_db
def test_header_csp_memakai_nonce_tanpa_unsafe_inline(client):
    r = client.get(reverse("login"))
    assert r.status_code == 200
    csp = r.headers["Content-Security-Policy"]
    skrip = next(d for d in csp.split(";") if d.strip().startswith("script-src"))
    nonce = re.search(r"'nonce-([^']+)'", skrip)
    assert nonce, csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    # Every script tag on the page carries that nonce.
    html = r.content.decode()
    tags = re.findall(r"<script\b[^>]*>", html)
    assert tags, "the login page loads its scripts"
    for tag in tags:
        assert f'nonce="{nonce.group(1)}"' in tag, tag


@pytest.mark.django_db
def test_header_keamanan_lain(client):
    r = client.get(reverse("login"))
    assert r.headers["X-Frame-Options"] == "DENY"
    assert r.headers["X-Content-Type-Options"] == "nosniff"
    assert r.headers["Referrer-Policy"] == "same-origin"


def _variabel_settings() -> set[str]:
    teks = (ROOT / "config" / "settings.py").read_text()
    return set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]+)\"", teks))


def test_setiap_variabel_lingkungan_terdokumentasi():
    """README's configuration table and .env.example list every variable the settings read."""
    variabel = _variabel_settings()
    assert {"DEBUG", "SECRET_KEY", "DATABASE_URL", "EMAIL_URL"} <= variabel
    readme = (ROOT / "README.md").read_text()
    contoh = (ROOT / ".env.example").read_text()
    assert not {v for v in variabel if f"`{v}`" not in readme}, "missing from README.md"
    assert not {v for v in variabel if not re.search(rf"^#? ?{v}=", contoh, re.M)}, "missing from .env.example"
