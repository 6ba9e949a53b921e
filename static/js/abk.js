// Needs-analysis pages (templates/abk/): the overview's bar chart and the print buttons.
// Data comes from <script type="application/json"> made by Django's json_script (no inline script: CSP).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".js-cetak").forEach((tombol) => {
    tombol.addEventListener("click", () => window.print());
  });

  const sumber = document.getElementById("abk-grafik-data");
  const kanvas = document.getElementById("abk-grafik");
  if (!sumber || !kanvas || typeof window.Chart === "undefined") return;
  const data = JSON.parse(sumber.textContent);
  if (!data.label.length) return;
  // Horizontal bars: long OPD names stay readable. About 28px per OPD, at least the CSS height.
  const kotak = document.getElementById("abk-grafik-kotak");
  if (kotak) kotak.style.height = `${Math.max(240, 60 + data.label.length * 28)}px`;
  new window.Chart(kanvas, {
    type: "bar",
    data: {
      labels: data.label,
      datasets: [
        { label: data.judul_kekurangan, data: data.kekurangan, backgroundColor: "#dc3545" },
        { label: data.judul_kelebihan, data: data.kelebihan, backgroundColor: "#ffc107" },
      ],
    },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { beginAtZero: true, ticks: { precision: 0 } },
        // Chart.js clips a long OPD name at the canvas's left edge: on a phone it is shortened with "…"
        // (the tooltip keeps it whole).
        y: {
          ticks: {
            autoSkip: false,
            callback(value) {
              const label = String(this.getLabelForValue(value));
              const maks = window.matchMedia("(max-width: 575.98px)").matches ? 22 : 60;
              return label.length > maks ? `${label.slice(0, maks - 1).trimEnd()}…` : label;
            },
          },
        },
      },
      plugins: { legend: { position: "bottom" } },
      onClick: (_event, elemen) => {
        if (elemen.length && data.url) window.location.href = data.url[elemen[0].index];
      },
      onHover: (event, elemen) => {
        event.native.target.style.cursor = elemen.length ? "pointer" : "default";
      },
    },
  });
});
