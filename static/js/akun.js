// Accounts page: count the ticked employees and enable the bulk button only when some are ticked.
document.addEventListener("DOMContentLoaded", () => {
  const tombol = document.getElementById("tombol-terpilih");
  const jumlah = document.getElementById("jumlah-dipilih");
  if (!tombol || !jumlah) return;
  const perbarui = () => {
    const n = document.querySelectorAll('input[name="pegawai"][form="form-massal"]:checked').length;
    jumlah.textContent = String(n);
    tombol.disabled = n === 0;
  };
  // app.js sets the boxes from "select all" without firing their events, so listen on the page.
  document.addEventListener("change", (event) => {
    if (event.target.matches('input[name="pegawai"], input.js-check-all')) {
      window.setTimeout(perbarui, 0);
    }
  });
  perbarui();
});
