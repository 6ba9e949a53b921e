// Unit tree (templates/pegawai/unit_daftar.html): a unit's sub-units are loaded when its caret is
// opened (pegawai:unit_anak returns them as list items), once; then the caret only shows or hides
// them. Without JavaScript the carets stay hidden and each unit's "n sub-unit" link opens its page.
document.addEventListener("DOMContentLoaded", () => {
  const pohon = document.getElementById("pohon-unit");
  if (!pohon) return;
  const aktifkan = (akar) => {
    akar.querySelectorAll("button.js-buka-unit.d-none").forEach((b) => b.classList.remove("d-none"));
  };
  aktifkan(pohon);
  pohon.addEventListener("click", async (ev) => {
    const tombol = ev.target.closest("button.js-buka-unit");
    if (!tombol || !pohon.contains(tombol)) return;
    const daftar = document.getElementById(tombol.getAttribute("aria-controls"));
    if (!daftar) return;
    const buka = tombol.getAttribute("aria-expanded") !== "true";
    const ikon = tombol.querySelector(".bi");
    if (buka && !daftar.dataset.dimuat) {
      tombol.disabled = true;
      try {
        const r = await fetch(tombol.dataset.url, { headers: { Accept: "text/html" }, credentials: "same-origin" });
        if (!r.ok) throw new Error(String(r.status));
        daftar.innerHTML = await r.text(); // our own server's fragment (escaped by the template engine)
        daftar.dataset.dimuat = "1";
        aktifkan(daftar);
      } catch (e) {
        window.location.href = tombol.closest("li").querySelector("a").href; // the unit's page lists them
        return;
      } finally {
        tombol.disabled = false;
      }
    }
    daftar.hidden = !buka;
    tombol.setAttribute("aria-expanded", buka ? "true" : "false");
    if (ikon) {
      ikon.classList.toggle("bi-caret-right-fill", !buka);
      ikon.classList.toggle("bi-caret-down-fill", buka);
    }
  });
});
