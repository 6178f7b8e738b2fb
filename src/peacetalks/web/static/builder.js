// Proposal builder: re-assess as soon as a choice changes. Without this script, press the button.
(function () {
  "use strict";
  var form = document.getElementById("builder");
  if (!form) { return; }
  form.addEventListener("change", function () { form.requestSubmit(); });
})();
