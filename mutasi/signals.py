"""Hooks other apps may listen to. mutasi may not import the apps above it (pelatihan, evaluasi),
so it announces what happened and they react.

usulan_dilaksanakan
    Sent once when a transfer has been carried out (status DILAKSANAKAN, position history moved),
    from inside the carrying-out transaction.
    sender: UsulanMutasi (the class); keyword arguments: usulan (the carried-out instance).
    Receivers must not raise (a failing receiver would undo the transfer): defer real work with
    `transaction.on_commit` and log errors. Listener: evaluasi schedules the post-transfer reviews
    (and its daily `jadwalkan_evaluasi` command catches any transfer the signal missed).

usulan_dibatalkan
    Sent once when a DECIDED transfer is cancelled (status DIBATALKAN, `diputuskan_pada` set): the
    PPK cancels his decision before its decree ("batalkan_keputusan"), or signs the decree that
    revokes it ("batalkan_sk", after an objection answered "cancel" or HR's cancellation), from
    inside that transaction (`AlurUsulan.sesudah`). Not sent for proposals withdrawn or cancelled
    before a decision (nothing was assigned for them yet).
    sender: UsulanMutasi (the class); keyword arguments: usulan (the cancelled instance).
    Receivers must not raise (a failing receiver would undo the cancellation and the signature):
    work in the same transaction only if it cannot fail, otherwise defer with
    `transaction.on_commit`. Listener: pelatihan closes the transfer's open trainings and mentoring.
"""

from django.dispatch import Signal

usulan_dilaksanakan = Signal()
usulan_dibatalkan = Signal()
