"""The one mail sender: site language, after commit, one mute switch, never breaks the caller."""

from unittest import mock

import pytest
from django.core import mail
from django.db import transaction
from django.utils import translation

from inti.surel import alamat, setelah_commit, surel_kirim, tanpa_notifikasi

pytestmark = pytest.mark.django_db(transaction=True)


class _Orang:
    def __init__(self, email):
        self.alamat_surel = email


def _isi(template, konteks):
    # "Tidak" is "No" in the English catalogue: the body is rendered in the language active then.
    return translation.gettext("Tidak")


@pytest.fixture(autouse=True)
def _template():
    with mock.patch("inti.surel.render_to_string", side_effect=_isi):
        yield


def _kirim():
    # The subject is translated when the notice is sent (after commit), not when it was queued.
    surel_kirim(kepada=["a@x.id"], judul=translation.gettext("Tidak"), template="-", konteks={})


def test_sent_after_commit_only():
    with transaction.atomic():
        setelah_commit(_kirim)
        assert mail.outbox == []
    assert len(mail.outbox) == 1
    assert mail.outbox[0].subject.startswith("[SIMUTASI] ")


def test_rolled_back_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        setelah_commit(_kirim)
        raise RuntimeError
    assert mail.outbox == []


def test_site_language_whatever_the_sender_browses_in():
    with translation.override("en"):
        assert translation.gettext("Tidak") == "No"
        with transaction.atomic():
            setelah_commit(_kirim)
    assert mail.outbox[0].subject == "[SIMUTASI] Tidak"
    assert mail.outbox[0].body == "Tidak"


def test_muted_block_sends_nothing_even_when_committed_later():
    with transaction.atomic():
        with tanpa_notifikasi():
            setelah_commit(_kirim)
        setelah_commit(_kirim)
    assert len(mail.outbox) == 1


def test_a_mail_failure_never_raises():
    with mock.patch("django.core.mail.backends.locmem.EmailBackend.send_messages", side_effect=OSError("down")):
        assert surel_kirim(kepada=["a@x.id"], judul="x", template="-", konteks={}) == 0
        with transaction.atomic():
            setelah_commit(_kirim)
    assert mail.outbox == []


def test_alamat_collects_people_strings_and_lists():
    assert alamat(_Orang("b@x.id"), "a@x.id", None, [_Orang(""), _Orang("b@x.id"), "c@x.id"]) == [
        "a@x.id",
        "b@x.id",
        "c@x.id",
    ]
