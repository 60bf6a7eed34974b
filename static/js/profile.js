// Profile editor: keyboard comfort for the skill boxes (htmx does the rest).
// Enter in a skill box adds the first suggestion instead of sending the form; the down arrow
// moves into the suggestions; after a skill is added the box gets the focus back.
(function () {
  "use strict";

  function firstSuggestion(input) {
    var form = input.closest("form");
    return form ? form.querySelector(".suggestion") : null;
  }

  document.addEventListener("keydown", function (event) {
    var input = event.target;
    if (!(input instanceof HTMLInputElement) || !input.classList.contains("skill-search")) {
      return;
    }
    var suggestion = firstSuggestion(input);
    if (event.key === "Enter") {
      event.preventDefault();
      if (suggestion) { suggestion.click(); }
    } else if (event.key === "ArrowDown" && suggestion) {
      event.preventDefault();
      suggestion.focus();
    }
  });

  document.body.addEventListener("htmx:afterSwap", function (event) {
    var editor = event.target;
    if (editor instanceof HTMLElement && editor.classList.contains("skill-editor")) {
      var box = editor.querySelector(".skill-search");
      if (box && !editor.querySelector(".error")) { box.focus(); }
    }
  });
})();
