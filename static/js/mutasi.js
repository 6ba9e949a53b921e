// Proposal form: show the destination fields that fit the kind of transfer.
document.addEventListener("DOMContentLoaded", () => {
  const jenis = document.querySelector("select[name=jenis]");
  if (!jenis) return;
  const dalam = document.querySelector(".js-dalam");
  const eksternal = document.querySelector(".js-eksternal");
  const atur = () => {
    if (dalam) dalam.hidden = jenis.value === "KELUAR";
    if (eksternal) eksternal.hidden = jenis.value === "DALAM";
  };
  jenis.addEventListener("change", atur);
  atur();
});
