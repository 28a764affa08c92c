// The coding page: turn the reader's text selection into character offsets of the source
// text and put them into the form (start, end), with a preview of the selected words. The
// text element's text content is exactly the stored text, so the offset of a point is the
// length of the text before it. Without JavaScript the coder types the positions instead.
(function () {
  "use strict";

  function offsetOf(root, node, offset) {
    var range = document.createRange();
    range.setStart(root, 0);
    range.setEnd(node, offset);
    return range.toString().length;
  }

  function update() {
    var root = document.getElementById("coding-text");
    var selection = window.getSelection();
    if (!root || !selection || selection.rangeCount === 0 || selection.isCollapsed) return;
    var range = selection.getRangeAt(0);
    if (!root.contains(range.startContainer) || !root.contains(range.endContainer)) return;
    var start = offsetOf(root, range.startContainer, range.startOffset);
    var end = offsetOf(root, range.endContainer, range.endOffset);
    if (end <= start) return;
    var startInput = document.getElementById("id_start");
    var endInput = document.getElementById("id_end");
    var preview = document.getElementById("selected-text");
    if (!startInput || !endInput) return;
    startInput.value = String(start);
    endInput.value = String(end);
    if (preview) {
      var text = root.textContent.slice(start, end);
      preview.textContent = text.length > 200 ? text.slice(0, 200) + "…" : text;
    }
  }

  // selectionchange fires for mouse, keyboard and touch (long-press) selections alike.
  document.addEventListener("selectionchange", update);
  // With the script running the positions fill themselves; phones then hide them (CSS).
  document.documentElement.classList.add("js-coding");
})();
