// The unit field (pegawai/forms/unit_cari.py): a text input that searches units as you type.
// <div class="unit-cari" data-unit-cari="URL" data-cakupan=".." [data-aktif="1"]> holds a hidden
// input with the unit's id and the visible text input. Matches come from URL?q=... as JSON
// {hasil: [{id, text}], lebih}; picking one puts its id in the hidden input, typing clears it
// (several units, data-banyak: picking adds a ticked checkbox).
// Without this script the text input is a plain search by unit name, resolved by the server.
(() => {
  const JEDA_MS = 200;
  let nomor = 0;

  function pasang(kotak) {
    // One unit: a hidden input holds its id. Several (data-banyak="<name>"): a ticked checkbox each.
    const banyak = kotak.dataset.banyak;
    const terpilih = kotak.querySelector(".unit-cari-terpilih");
    const id = kotak.querySelector("input[data-unit-id]");
    const teks = kotak.querySelector("input[type=search]");
    if (!teks || (banyak ? !terpilih : !id)) return;
    const daftar = document.createElement("ul");
    nomor += 1;
    daftar.id = `unit-cari-daftar-${nomor}`;
    daftar.className = "dropdown-menu unit-cari-daftar";
    daftar.setAttribute("role", "listbox");
    kotak.appendChild(daftar);
    teks.setAttribute("role", "combobox");
    teks.setAttribute("aria-autocomplete", "list");
    teks.setAttribute("aria-controls", daftar.id);
    teks.setAttribute("aria-expanded", "false");

    let hasil = [];
    let aktif = -1;
    let penghitung;
    let permintaan = 0;

    const tutup = () => {
      daftar.classList.remove("show");
      teks.setAttribute("aria-expanded", "false");
      teks.removeAttribute("aria-activedescendant");
      aktif = -1;
    };

    const sorot = (i) => {
      const tombol = daftar.querySelectorAll("[role=option]");
      tombol.forEach((t, j) => t.classList.toggle("active", j === i));
      aktif = i;
      if (tombol[i]) {
        teks.setAttribute("aria-activedescendant", tombol[i].id);
        tombol[i].scrollIntoView({ block: "nearest" });
      }
    };

    const tambah = (u) => {
      const ada = terpilih.querySelector(`input[value="${u.id}"]`);
      if (ada) { ada.checked = true; return; }
      const div = document.createElement("div");
      div.className = "form-check";
      const kotakCentang = document.createElement("input");
      kotakCentang.type = "checkbox";
      kotakCentang.className = "form-check-input";
      kotakCentang.name = banyak;
      kotakCentang.value = u.id;
      kotakCentang.id = `${teks.id}_${u.id}`;
      kotakCentang.checked = true;
      const label = document.createElement("label");
      label.className = "form-check-label";
      label.htmlFor = kotakCentang.id;
      label.textContent = u.text;
      div.append(kotakCentang, label);
      terpilih.appendChild(div);
    };

    const pilih = (i) => {
      const u = hasil[i];
      if (!u) return;
      if (banyak) {
        tambah(u);
        teks.value = "";
        tutup();
        return;
      }
      id.value = u.id;
      teks.value = u.text;
      tutup();
      id.dispatchEvent(new Event("change", { bubbles: true }));
      if (teks.form && teks.form.classList.contains("js-autosubmit")) teks.form.requestSubmit();
    };

    const baris = (isi, kelas) => {
      const li = document.createElement("li");
      const span = document.createElement("span");
      span.className = kelas;
      span.textContent = isi;
      li.appendChild(span);
      return li;
    };

    const tampilkan = (data) => {
      hasil = data.hasil || [];
      daftar.replaceChildren();
      hasil.forEach((u, i) => {
        const li = document.createElement("li");
        const tombol = document.createElement("button");
        tombol.type = "button";
        tombol.className = "dropdown-item text-wrap";
        tombol.id = `${daftar.id}-${i}`;
        tombol.setAttribute("role", "option");
        tombol.tabIndex = -1;
        tombol.textContent = u.text + (u.aktif === false ? " (ditutup)" : "");
        tombol.addEventListener("mousedown", (e) => e.preventDefault());
        tombol.addEventListener("click", () => pilih(i));
        li.appendChild(tombol);
        daftar.appendChild(li);
      });
      if (!hasil.length) daftar.appendChild(baris("Tidak ada unit yang cocok.", "dropdown-item-text text-muted"));
      if (data.lebih) daftar.appendChild(baris("Ketik lebih lengkap untuk mempersempit.", "dropdown-item-text small text-muted"));
      daftar.classList.add("show");
      teks.setAttribute("aria-expanded", "true");
      aktif = -1;
    };

    const muat = () => {
      const alamat = new URL(kotak.dataset.unitCari, window.location.href);
      alamat.searchParams.set("q", teks.value.trim());
      if (kotak.dataset.cakupan) alamat.searchParams.set("cakupan", kotak.dataset.cakupan);
      if (kotak.dataset.aktif) alamat.searchParams.set("aktif", "1");
      const ini = ++permintaan;
      fetch(alamat, { credentials: "same-origin", headers: { Accept: "application/json" } })
        .then((r) => (r.ok ? r.json() : Promise.reject(r.status)))
        .then((data) => { if (ini === permintaan && document.activeElement === teks) tampilkan(data); })
        .catch(() => { if (ini === permintaan) tutup(); });
    };

    teks.addEventListener("input", () => {
      if (!banyak) id.value = "";
      clearTimeout(penghitung);
      penghitung = setTimeout(muat, JEDA_MS);
    });
    teks.addEventListener("focus", () => { if (banyak || !id.value) muat(); });
    teks.addEventListener("blur", () => setTimeout(tutup, 150));
    teks.addEventListener("keydown", (e) => {
      const buka = daftar.classList.contains("show");
      if (e.key === "ArrowDown") {
        e.preventDefault();
        if (!buka) { muat(); return; }
        sorot(Math.min(aktif + 1, hasil.length - 1));
      } else if (e.key === "ArrowUp" && buka) {
        e.preventDefault();
        sorot(Math.max(aktif - 1, 0));
      } else if (e.key === "Enter" && buka && aktif >= 0) {
        e.preventDefault();
        pilih(aktif);
      } else if (e.key === "Escape" && buka) {
        e.preventDefault();
        tutup();
      }
    });
  }

  document.addEventListener("DOMContentLoaded", () => {
    document.querySelectorAll(".unit-cari[data-unit-cari]").forEach(pasang);
  });
})();
