// Rashomon: the few interactions the pages need. No framework, no inline handlers (CSP forbids them).
"use strict";

function toggle(control, panel) {
  const open = panel.hidden;
  panel.hidden = !open;
  control.setAttribute("aria-expanded", open ? "true" : "false");
  control.classList.toggle("active", open);
  panel.classList.toggle("open", open);
  return open;
}

document.addEventListener("click", (event) => {
  const target = event.target instanceof Element ? event.target : null;
  if (!target) return;
  // A citation mark opens the cited sentence in place; the link itself still works without JS.
  const cite = target.closest("a.cite");
  if (cite) {
    const panel = document.getElementById(cite.dataset.cite || "");
    if (panel) {
      event.preventDefault();
      toggle(cite, panel);
    }
    return;
  }
  // A figure in the claims ledger shows who gives it, where, and the sentences.
  const figure = target.closest("button.figure");
  if (figure) {
    const panel = document.getElementById(figure.getAttribute("aria-controls") || "");
    if (panel) toggle(figure, panel);
  }
});

// On an article page, bring the cited sentence into view and mark it.
function showTarget() {
  const id = decodeURIComponent(window.location.hash.slice(1));
  if (!/^s\d+$/.test(id)) return;
  const sentence = document.getElementById(id);
  if (!sentence) return;
  document.querySelectorAll(".sentence.target").forEach((el) => el.classList.remove("target"));
  sentence.classList.add("target");
  sentence.scrollIntoView({ block: "center" });
}
window.addEventListener("hashchange", showTarget);
document.addEventListener("DOMContentLoaded", showTarget);
