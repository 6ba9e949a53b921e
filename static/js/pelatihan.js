// Training and adaptation pages. The check-in form asks for the difficulty only when the box is ticked.
document.addEventListener("DOMContentLoaded", () => {
  const centang = document.getElementById("id_kesulitan");
  const uraian = document.getElementById("div_id_kesulitan_isi");
  if (!centang || !uraian) return;
  const atur = () => {
    uraian.hidden = !centang.checked;
  };
  centang.addEventListener("change", atur);
  atur();
});
