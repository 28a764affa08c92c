// Counter tablet (decision 0055): the thank-you page returns to a blank form after a few
// seconds, and a form left half filled is cleared after a quiet spell, so the next citizen
// never sees the previous one's answers.
(function () {
  "use strict";
  var back = document.querySelector("[data-kiosk-return]");
  if (back) {
    var seconds = parseInt(back.getAttribute("data-kiosk-seconds"), 10) || 8;
    window.setTimeout(function () { window.location.replace(back.getAttribute("href")); }, seconds * 1000);
  }
  var form = document.querySelector("form[data-kiosk-idle]");
  if (form) {
    var idle = (parseInt(form.getAttribute("data-kiosk-idle"), 10) || 120) * 1000;
    var timer = null;
    var reset = function () { window.location.replace(window.location.pathname); };
    var touched = function () { window.clearTimeout(timer); timer = window.setTimeout(reset, idle); };
    form.addEventListener("input", touched);
    form.addEventListener("change", touched);
  }
})();
