// Hide sections and items whose display condition does not hold. The server applies the same
// rule (check_answers), so without JavaScript every question shows and hidden answers are
// simply ignored.
(function () {
  "use strict";
  var form = document.querySelector("form.respond");
  if (!form) return;
  function answers(code) {
    var values = [];
    form.querySelectorAll('[name="' + code + '"]').forEach(function (el) {
      if ((el.type === "radio" || el.type === "checkbox") && !el.checked) return;
      if (el.value.trim() !== "") values.push(el.value.trim());
    });
    return values;
  }
  function apply() {
    form.querySelectorAll("[data-show-if-item]").forEach(function (el) {
      var shown = answers(el.dataset.showIfItem).indexOf(el.dataset.showIfValue) !== -1;
      el.hidden = !shown;
    });
  }
  form.addEventListener("change", apply);
  form.addEventListener("input", apply);
  apply();
})();
