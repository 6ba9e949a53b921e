// Employee and unit pages (loaded by templates/pegawai/*.html).
document.addEventListener("DOMContentLoaded", () => {
  // Print button: <button class="js-print">
  document.querySelectorAll(".js-print").forEach((btn) => {
    btn.addEventListener("click", () => window.print());
  });

  // Employee form: offer only the golongan of the chosen status (PNS I/a-IV/e, PPPK I-XVII).
  const status = document.querySelector("select.js-status");
  const golongan = document.querySelector("select.js-golongan");
  if (status && golongan) {
    const sesuaikan = () => {
      golongan.querySelectorAll("optgroup").forEach((grup) => {
        const cocok = grup.label === status.value;
        grup.hidden = !cocok;
        grup.disabled = !cocok;
      });
      const pilihan = golongan.selectedOptions[0];
      if (pilihan && pilihan.parentElement.tagName === "OPTGROUP" && pilihan.parentElement.disabled) {
        golongan.value = "";
      }
    };
    status.addEventListener("change", sesuaikan);
    sesuaikan();
  }

  // Unit tree: filter by name or code, keeping the parents of every match visible.
  const cari = document.querySelector("input.js-cari-unit");
  if (cari) {
    const pohon = document.querySelector(cari.dataset.target);
    const kosong = pohon.querySelector(".js-cari-kosong");
    const saring = () => {
      const kata = cari.value.trim().toLowerCase();
      let ada = false;
      const cocok = (li) => {
        let anakCocok = false;
        li.querySelectorAll(":scope > ul > li.js-unit").forEach((anak) => {
          if (cocok(anak)) anakCocok = true;
        });
        const sendiri = !kata || li.dataset.nama.includes(kata);
        const tampil = sendiri || anakCocok;
        li.hidden = !tampil;
        if (sendiri && kata) ada = true;
        return tampil;
      };
      pohon.querySelectorAll(":scope > ul > li.js-unit").forEach(cocok);
      if (kosong) kosong.classList.toggle("d-none", !kata || ada);
    };
    cari.addEventListener("input", saring);
  }
});
