// Employee pages (loaded by templates/pegawai/*.html): the print button, PPPK ranks shown by status.
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
});
