// The hiring page's copy buttons: each copies the plain text of the job outline it names (data-copy), so a hiring
// manager can paste it into a job description. Without this script the buttons stay hidden and the outline is text
// to select by hand. It works from file:// too: where the clipboard API is refused, it copies through a selection.
(function () {
  "use strict";

  function viaSelection(text) {
    var area = document.createElement("textarea");
    area.value = text;
    area.setAttribute("readonly", "");
    area.className = "job-outline__scratch";
    document.body.appendChild(area);
    area.select();
    var copied = false;
    try { copied = document.execCommand("copy"); } catch (error) { copied = false; }
    document.body.removeChild(area);
    return copied ? Promise.resolve() : Promise.reject(new Error("copying was refused"));
  }

  function copy(text) {
    if (navigator.clipboard && window.isSecureContext) {
      return navigator.clipboard.writeText(text).catch(function () { return viaSelection(text); });
    }
    return viaSelection(text);
  }

  function selectAll(element) {
    var range = document.createRange();
    range.selectNodeContents(element);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  Array.prototype.forEach.call(document.querySelectorAll("button[data-copy]"), function (button) {
    var outline = document.getElementById(button.getAttribute("data-copy"));
    var block = outline && outline.querySelector("pre code");
    var status = button.parentElement.querySelector(".job-outline__status");
    if (!block || !status) return;
    button.hidden = false;
    button.addEventListener("click", function () {
      copy(block.textContent).then(
        function () { status.textContent = "Copied to the clipboard."; },
        function () {
          selectAll(block);
          status.textContent = "Your browser refused to copy: the outline is selected, press Ctrl+C or ⌘C.";
        }
      );
    });
  });
})();
