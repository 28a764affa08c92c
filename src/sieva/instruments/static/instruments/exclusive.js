// An option marked exclusive ("tidak ada hambatan") cannot be ticked with any other of its
// question: ticking it clears the others, ticking another clears it. Only a hint — the server
// refuses the combination anyway (answers.check_answers), so without JavaScript nothing is
// lost, the respondent reads the message under the question.
(function () {
  "use strict";
  var form = document.querySelector("form.respond");
  if (!form) return;
  form.addEventListener("change", function (event) {
    var box = event.target;
    if (box.type !== "checkbox" || !box.checked) return;
    form.querySelectorAll('input[type="checkbox"]').forEach(function (other) {
      if (other === box || other.name !== box.name) return;
      if (box.dataset.exclusive === "true" || other.dataset.exclusive === "true") {
        other.checked = false;
      }
    });
  });
})();
