"""Hooks other apps may listen to. mutasi may not import the apps above it (evaluasi), so it
announces what happened and they react.

usulan_dilaksanakan
    Sent once when a transfer has been carried out (status DILAKSANAKAN, position history moved),
    from inside the carrying-out transaction.
    sender: UsulanMutasi (the class); keyword arguments: usulan (the carried-out instance).
    Receivers must not raise (a failing receiver would undo the transfer): defer real work with
    `transaction.on_commit` and log errors. Listener: evaluasi schedules the post-transfer reviews
    (and its daily `jadwalkan_evaluasi` command catches any transfer the signal missed).
"""

from django.dispatch import Signal

usulan_dilaksanakan = Signal()
