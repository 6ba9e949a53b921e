// Site-wide behaviour, kept out of the pages so the CSP needs no inline script.
document.addEventListener("DOMContentLoaded", () => {
  // Ask before a destructive or irreversible act: <form class="js-confirm" data-confirm="...">
  document.querySelectorAll("form.js-confirm").forEach((form) => {
    form.addEventListener("submit", (event) => {
      if (!window.confirm(form.dataset.confirm || "Lanjutkan?")) event.preventDefault();
    });
  });
  // Submit a form when one of its selects changes: <form class="js-autosubmit">
  document.querySelectorAll("form.js-autosubmit select").forEach((select) => {
    select.addEventListener("change", () => select.form.submit());
  });
  // "Select all" checkbox: <input type="checkbox" class="js-check-all" data-target="name">
  document.querySelectorAll("input.js-check-all").forEach((box) => {
    box.addEventListener("change", () => {
      document.querySelectorAll(`input[name="${box.dataset.target}"]`).forEach((c) => { c.checked = box.checked; });
    });
  });
});
