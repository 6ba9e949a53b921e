// Post-transfer reviews (templates/evaluasi/): print buttons, confirmations on single buttons, the
// live predikat preview on the review form, and the charts of the impact report and the dashboard.
// Data comes from <script type="application/json"> made by Django's json_script (no inline script: CSP).
document.addEventListener("DOMContentLoaded", () => {
  document.querySelectorAll(".js-cetak").forEach((tombol) => {
    tombol.addEventListener("click", () => window.print());
  });

  // A confirmation on one submit button (the form's other buttons submit without asking).
  document.querySelectorAll("button[data-confirm]").forEach((tombol) => {
    tombol.addEventListener("click", (event) => {
      if (!window.confirm(tombol.dataset.confirm)) event.preventDefault();
    });
  });

  // Widths of the small outcome bars: <div data-lebar="42.5">.
  document.querySelectorAll("[data-lebar]").forEach((el) => {
    el.style.width = `${parseFloat(el.dataset.lebar) || 0}%`;
  });

  pratinjauPredikat();
  grafikLaporan();
  grafikDasbor();
});

// The form shows the predikat the server will compute (evaluasi.services.matriks) as the reviewer picks.
function pratinjauPredikat() {
  const sumber = document.getElementById("evaluasi-matriks");
  const hasil = document.getElementById("predikat-hasil");
  const form = document.getElementById("form-evaluasi");
  if (!sumber || !hasil || !form) return;
  const matriks = JSON.parse(sumber.textContent);
  const nilai = (nama) => {
    const pilih = form.querySelector(`input[name="${nama}"]:checked`);
    return pilih ? pilih.value : "";
  };
  const perbarui = () => {
    const kunci = `${nilai("hasil_kerja")}|${nilai("perilaku")}`;
    const label = matriks[kunci];
    hasil.textContent = label || hasil.dataset.kosong;
    hasil.classList.toggle("text-muted", !label);
    document.querySelectorAll("table.matriks td[data-sel]").forEach((td) => {
      td.classList.toggle("table-primary", td.dataset.sel === kunci);
      td.classList.toggle("fw-semibold", td.dataset.sel === kunci);
    });
  };
  form.addEventListener("change", perbarui);
  perbarui();
}

// Category names on a horizontal bar chart: Chart.js clips a long one at the canvas's left edge, so
// on a narrow screen it is shortened with "…" (keeping a trailing "(n=7)"); the tooltip keeps it whole.
const LABEL_MAKS = window.matchMedia("(max-width: 575.98px)").matches ? 22 : 60;
function labelPendek(value) {
  const label = String(this.getLabelForValue(value));
  if (label.length <= LABEL_MAKS) return label;
  const m = label.match(/^(.*?)(\s\(n=\d+\))?$/);
  const ekor = m[2] || "";
  return `${m[1].slice(0, Math.max(6, LABEL_MAKS - ekor.length - 1)).trimEnd()}…${ekor}`;
}

const WARNA = { naik: "#198754", tetap: "#6c757d", turun: "#dc3545", sebelum: "#ffc107", sesudah: "#0d4a8f" };

function grafikBatangPersen(kanvas, seri, judul) {
  if (!kanvas || !seri.label.length) return;
  const kotak = kanvas.parentElement;
  if (kotak && seri.label.length > 6) kotak.style.height = `${Math.max(240, 60 + seri.label.length * 30)}px`;
  new window.Chart(kanvas, {
    type: "bar",
    data: {
      labels: seri.label.map((l, i) => `${l} (n=${seri.n[i]})`),
      datasets: [
        { label: judul.naik, data: seri.naik, backgroundColor: WARNA.naik },
        { label: judul.tetap, data: seri.tetap, backgroundColor: WARNA.tetap },
        { label: judul.turun, data: seri.turun, backgroundColor: WARNA.turun },
      ],
    },
    options: {
      indexAxis: "y",
      maintainAspectRatio: false,
      animation: false,
      scales: {
        x: { stacked: true, min: 0, max: 100, title: { display: true, text: judul.persen } },
        y: { stacked: true, ticks: { autoSkip: false, callback: labelPendek } },
      },
      plugins: {
        legend: { position: "bottom" },
        tooltip: { callbacks: { label: (c) => `${c.dataset.label}: ${c.parsed.x}%` } },
      },
    },
  });
}

function grafikLaporan() {
  const sumber = document.getElementById("laporan-grafik");
  if (!sumber || typeof window.Chart === "undefined") return;
  const data = JSON.parse(sumber.textContent);
  grafikBatangPersen(document.getElementById("grafik-unit"), data.unit, data.judul);
  grafikBatangPersen(document.getElementById("grafik-dasar"), data.dasar, data.judul);
  grafikBatangPersen(document.getElementById("grafik-tahun"), data.tahun, data.judul);
  const kanvas = document.getElementById("grafik-formasi");
  if (kanvas && data.formasi.label.length) {
    const kotak = kanvas.parentElement;
    if (kotak && data.formasi.label.length > 6) kotak.style.height = `${Math.max(240, 60 + data.formasi.label.length * 34)}px`;
    new window.Chart(kanvas, {
      type: "bar",
      data: {
        labels: data.formasi.label,
        datasets: [
          { label: data.judul.sebelum, data: data.formasi.sebelum, backgroundColor: WARNA.sebelum },
          { label: data.judul.sesudah, data: data.formasi.sesudah, backgroundColor: WARNA.sesudah },
        ],
      },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        animation: false,
        scales: {
          x: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: data.judul.orang } },
          y: { ticks: { autoSkip: false, callback: labelPendek } },
        },
        plugins: { legend: { position: "bottom" } },
      },
    });
  }
}

function grafikDasbor() {
  const sumber = document.getElementById("dasbor-grafik");
  if (!sumber || typeof window.Chart === "undefined") return;
  const data = JSON.parse(sumber.textContent);
  const status = document.getElementById("dasbor-status");
  if (status && data.status.n.some((n) => n > 0)) {
    new window.Chart(status, {
      type: "bar",
      data: { labels: data.status.label, datasets: [{ data: data.status.n, backgroundColor: "#0d4a8f" }] },
      options: {
        indexAxis: "y",
        maintainAspectRatio: false,
        animation: false,
        scales: { x: { beginAtZero: true, ticks: { precision: 0 } }, y: { ticks: { autoSkip: false, callback: labelPendek } } },
        plugins: { legend: { display: false } },
      },
    });
  }
  const hasil = document.getElementById("dasbor-hasil-grafik");
  if (hasil && data.hasil.n.some((n) => n > 0)) {
    new window.Chart(hasil, {
      type: "doughnut",
      data: {
        labels: data.hasil.label,
        datasets: [{ data: data.hasil.n, backgroundColor: [WARNA.naik, WARNA.tetap, WARNA.turun] }],
      },
      options: { maintainAspectRatio: false, animation: false, plugins: { legend: { position: "bottom" } } },
    });
  }
}
