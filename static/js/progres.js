// Background task progress (templates/impor/_progres.html): poll the task's small JSON endpoint,
// move the bar, and when the task ends go to its result page (or show the failure). The state lives
// in the database, so a reload simply picks it up again. No inline script: the CSP forbids it.
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".js-progres").forEach((kotak) => {
    const batang = kotak.querySelector(".js-progres-batang");
    const wadah = batang.parentElement;
    const isi = (kelas, teks) => {
      const el = kotak.querySelector(kelas);
      if (el && teks !== undefined && teks !== null) el.textContent = String(teks);
    };
    const tampilkan = (persen) => {
      batang.style.width = `${persen}%`;
      batang.textContent = `${persen}%`;
      wadah.setAttribute("aria-valuenow", String(persen));
    };
    tampilkan(Number(kotak.dataset.persen || 0));
    if (kotak.dataset.berakhir === "1") return;
    let jeda = 1000;
    const tanya = async () => {
      try {
        const r = await fetch(kotak.dataset.url, { headers: { Accept: "application/json" }, cache: "no-store" });
        if (!r.ok) throw new Error(String(r.status));
        const d = await r.json();
        tampilkan(d.persen);
        isi(".js-progres-tahap", d.tahap || d.status_label);
        isi(".js-progres-status", d.status_label);
        isi(".js-progres-angka", `${d.selesai.toLocaleString("id-ID")} / ${d.total.toLocaleString("id-ID")}`);
        isi(".js-progres-pesan", d.pesan);
        if (d.berakhir) {
          batang.classList.remove("progress-bar-animated");
          batang.classList.add(d.status === "selesai" ? "bg-success" : "bg-danger");
          if (d.url && d.url !== window.location.pathname) {
            window.setTimeout(() => window.location.assign(d.url), d.status === "selesai" ? 600 : 2500);
          } else {
            window.setTimeout(() => window.location.reload(), 1500);
          }
          return;
        }
        jeda = 1000;
      } catch (e) {
        jeda = Math.min(jeda * 2, 15000); // server busy or offline: back off, keep trying
      }
      window.setTimeout(tanya, jeda);
    };
    window.setTimeout(tanya, 500);
  });
});
