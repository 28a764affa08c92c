// After a failed submit, move focus to the form's error summary so keyboard and screen-reader
// users start from the list of problems (the summary is rendered by _form_errors.html).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("form-errors");
  if (summary) {
    summary.focus();
  }
});

// A table wider than the screen scrolls inside its .table-wrap; keyboard users can only scroll
// it once it takes focus (WCAG 2.1.1). So it does, while and only while it overflows (no extra
// tab stop on a desktop), as a group named after the table's caption or its section's heading.
function tableNameOf(box) {
  var caption = box.querySelector("caption");
  var section = box.closest("[aria-labelledby]");
  var heading = section && document.getElementById(section.getAttribute("aria-labelledby"));
  var source = caption || heading;
  return source ? source.textContent.trim() : "";
}

function letKeyboardsScrollWideTables() {
  document.querySelectorAll(".table-wrap").forEach(function (box) {
    var name = tableNameOf(box);
    if (box.scrollWidth > box.clientWidth) {
      box.setAttribute("tabindex", "0");
      if (name) {
        box.setAttribute("role", "group");
        box.setAttribute("aria-label", name);
      }
    } else {
      box.removeAttribute("tabindex");
      box.removeAttribute("role");
      box.removeAttribute("aria-label");
    }
  });
}

document.addEventListener("DOMContentLoaded", letKeyboardsScrollWideTables);
document.addEventListener("htmx:afterSettle", letKeyboardsScrollWideTables);
window.addEventListener("resize", letKeyboardsScrollWideTables);
