// After a failed submit, move focus to the form's error summary so keyboard and screen-reader
// users start from the list of problems (the summary is rendered by _form_errors.html).
document.addEventListener("DOMContentLoaded", function () {
  var summary = document.getElementById("form-errors");
  if (summary) {
    summary.focus();
  }
});
