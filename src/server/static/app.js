// Gongkai app: small progressive enhancements. Every page works without this file.
"use strict";

// --- preparer ---
// Live check: while the preparer types in a section form, the section is checked on the server
// (nothing is saved) and the problems appear next to their fields, the findings in the side panel.
(function liveCheck() {
  const form = document.querySelector("form.section-form[data-check]");
  if (!form) return;
  let timer = 0;
  let sequence = 0;
  const clear = () => {
    form.querySelectorAll(".live-problem").forEach((el) => el.remove());
    form.querySelectorAll("[data-live-invalid]").forEach((el) => { el.removeAttribute("aria-invalid"); el.removeAttribute("data-live-invalid"); });
    form.querySelectorAll("tr.flagged-error, tr.flagged-warning").forEach((tr) => tr.classList.remove("flagged-error", "flagged-warning"));
  };
  const run = async () => {
    const mine = ++sequence;
    const body = new URLSearchParams(new FormData(form));
    const csrf = form.querySelector("input[name=_csrf]")?.value ?? "";
    let result;
    try {
      const response = await fetch(form.dataset.check, { method: "POST", body, headers: { accept: "application/json", "x-csrf-token": csrf } });
      if (!response.ok) return;
      result = await response.json();
    } catch { return; }
    if (mine !== sequence) return; // a later check is on its way
    clear();
    form.querySelectorAll(".field-problem").forEach((el) => el.remove());
    for (const { field, message } of result.fields) {
      const input = form.elements.namedItem(field);
      if (!input || !(input instanceof HTMLElement)) continue;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("data-live-invalid", "");
      const note = document.createElement("span");
      note.className = "live-problem";
      note.textContent = message;
      input.insertAdjacentElement("afterend", note);
    }
    // Findings name rows of the tables by code: flag the form rows with that code.
    for (const { code, severity } of result.codes) {
      form.querySelectorAll("input.code").forEach((input) => {
        if (input.value.trim().split(/\s+/)[0] === code) input.closest("tr")?.classList.add(severity === "error" ? "flagged-error" : "flagged-warning");
      });
    }
    const panel = document.getElementById("issues");
    if (panel && result.panel) panel.outerHTML = result.panel;
  };
  form.addEventListener("input", (event) => {
    // The catalog name under a code belongs to the code as saved: drop it once the code is changed.
    if (event.target instanceof HTMLElement && event.target.matches("input.code")) event.target.parentElement?.querySelector(".code-name")?.remove();
    clearTimeout(timer);
    timer = setTimeout(run, 500);
  });
  form.addEventListener("change", () => { clearTimeout(timer); timer = setTimeout(run, 100); });
})();

// “增加一行”: copies the last row of a rows form, empty, with the next index in its field names.
document.addEventListener("click", (event) => {
  const button = event.target instanceof Element ? event.target.closest("button.add-row") : null;
  if (!button) return;
  const table = document.querySelector(`table.rows-form[data-section="${button.dataset.section}"] tbody`);
  const last = table?.lastElementChild;
  if (!table || !last) return;
  const index = Number(last.dataset.index) + 1;
  const row = last.cloneNode(true);
  row.dataset.index = String(index);
  row.querySelector(".rowno").textContent = String(index + 1);
  row.querySelectorAll("input[type=hidden]").forEach((el) => el.remove());
  row.querySelectorAll("input, select, textarea").forEach((el) => {
    el.name = el.name.replace(/^r\.\d+\./, `r.${index}.`);
    if (el.type === "checkbox") el.checked = false; else el.value = "";
    el.removeAttribute("aria-invalid");
    const label = el.getAttribute("aria-label");
    if (label) el.setAttribute("aria-label", label.replace(/^第 \d+ 行/, `第 ${index + 1} 行`));
  });
  row.querySelectorAll(".field-problem, .live-problem").forEach((el) => el.remove());
  table.appendChild(row);
});
// --- end preparer ---

// --- reviewer ---
// Picking a cell of a grid on the review page fills the comment form's anchor (table, row, column), so
// the comment lands on that cell. Without this script the reviewer comments on a whole table or section.
(function pickCell() {
  const form = document.querySelector("form.comment-form");
  if (!form) return;
  const choice = (value) => form.querySelector(`input[name=anchor_kind][value=${value}]`);
  const field = (name) => form.elements.namedItem(name);
  const label = form.querySelector(".picked-cell");
  let picked = null;
  document.addEventListener("click", (event) => {
    const button = event.target instanceof Element ? event.target.closest("button.cell-pick") : null;
    if (!button) return;
    if (picked) { picked.classList.remove("picked"); picked.removeAttribute("aria-pressed"); }
    picked = button;
    button.classList.add("picked");
    button.setAttribute("aria-pressed", "true");
    field("table").value = button.dataset.table;
    field("row").value = button.dataset.row;
    field("column").value = button.dataset.column;
    choice("cell").disabled = false;
    choice("cell").checked = true;
    if (label) label.textContent = button.dataset.label;
    form.querySelector("textarea[name=body]")?.focus();
  });
  // Choosing another table by hand means commenting on that table, not on the cell picked before.
  field("table")?.addEventListener("change", () => {
    if (choice("cell").checked) choice("table").checked = true;
  });
})();
// --- end reviewer ---
