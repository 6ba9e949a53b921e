"""Sessions for the load test's users, made in the database before it starts (`loadtest/run.sh`):
`python loadtest/sesi.py OUT.json N` writes {nip: [session cookie values]} with N sessions per demo
account of the locustfile.

Why: a real sign-in costs ~1.6 s of CPU by design (PBKDF2, Django's 1.5 million rounds), so 50 users
signing in during the first seconds of a 60 s run on 2 cores spend most of it hashing and measure the
hasher, not the pages. A city's users sign in once a day, spread over the morning. The run still
measures sign-in: the first `LOADTEST_MASUK` users (default 5) sign in through the form.
"""

import json
import os
import sys
from importlib import import_module

import django

sys.path[:0] = [os.path.join(os.path.dirname(__file__), ".."), os.path.dirname(__file__)]
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings")
django.setup()

from akun import NIP  # noqa: E402
from django.conf import settings  # noqa: E402
from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY, get_user_model  # noqa: E402

MODEL_BACKEND = "django.contrib.auth.backends.ModelBackend"


def buat(jumlah: int) -> dict[str, list[str]]:
    store = import_module(settings.SESSION_ENGINE).SessionStore
    hasil: dict[str, list[str]] = {}
    for nip in NIP.values():
        user = get_user_model()._default_manager.get_by_natural_key(nip)
        hasil[nip] = []
        for _ in range(jumlah):
            s = store()
            s[SESSION_KEY] = str(user.pk)
            s[BACKEND_SESSION_KEY] = MODEL_BACKEND
            s[HASH_SESSION_KEY] = user.get_session_auth_hash()
            s.create()
            hasil[nip].append(s.session_key)
    return hasil


if __name__ == "__main__":
    with open(sys.argv[1], "w") as f:
        json.dump(buat(int(sys.argv[2])), f)
