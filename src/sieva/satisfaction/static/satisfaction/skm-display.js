// The hall display reloads itself every data-refresh seconds, so new answers and actions
// appear without anyone touching the screen. A script, not <meta refresh>: a person reading
// it up close can pause the reload (WCAG 2.2.1, timing adjustable).
(function () {
  "use strict";
  var seconds = parseInt(document.body.getAttribute("data-refresh"), 10) || 60;
  var button = document.getElementById("pause");
  var timer = null;
  function start() { timer = window.setTimeout(function () { window.location.reload(); }, seconds * 1000); }
  function stop() { window.clearTimeout(timer); timer = null; }
  if (button) {
    button.hidden = false;
    button.addEventListener("click", function () {
      var paused = timer === null;
      if (paused) { start(); } else { stop(); }
      button.setAttribute("aria-pressed", paused ? "false" : "true");
    });
  }
  start();
})();
