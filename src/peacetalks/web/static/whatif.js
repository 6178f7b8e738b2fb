// What-if editor: send the changed fields to the JSON API as you type and update the results.
// Without this script the form still works: "Update" posts it and the server renders the page.
(function () {
  "use strict";
  var form = document.getElementById("whatif");
  if (!form) { return; }
  var api = form.getAttribute("data-api");
  var asOf = form.querySelector("input[name=as_of]").value;
  var timer = null;
  var sent = 0;

  function edits() {
    var positions = {};
    var reservations = [];
    form.querySelectorAll("input[data-field]").forEach(function (input) {
      if (input.value.trim() === "" || Number(input.value) === Number(input.getAttribute("data-base"))) { return; }
      var field = input.getAttribute("data-field");
      var actor = input.getAttribute("data-actor");
      if (field === "reservation") {
        reservations.push({ actor: actor, value: Number(input.value) });
        return;
      }
      var key = JSON.stringify([actor, input.getAttribute("data-issue")]);
      positions[key] = positions[key] || { actor: actor, issue: input.getAttribute("data-issue") };
      positions[key][field] = Number(input.value);
    });
    return { as_of: asOf, positions: Object.values(positions), reservations: reservations };
  }

  function number(value, digits) { return value === null ? "–" : value.toFixed(digits); }

  function show(result, count, started) {
    result.predictions.forEach(function (p) {
      Object.keys(p.outcomes).forEach(function (issue) {
        var cell = form.querySelector('td.pred[data-model="' + CSS.escape(p.model) + '"][data-issue="' + CSS.escape(issue) + '"]');
        if (!cell) { return; }
        var o = p.outcomes[issue];
        var base = cell.getAttribute("data-base");
        var changed = base === "" ? o.value !== null : o.value === null || Math.abs(o.value - Number(base)) > 1e-9;
        cell.querySelector(".value").textContent = number(o.value, 1);
        cell.querySelector(".label").textContent = o.label || "";
        cell.querySelector(".was").textContent = changed ? " was " + (base === "" ? "–" : Number(base).toFixed(1)) : "";
        cell.classList.toggle("changed", changed);
      });
    });
    result.assessments.forEach(function (a) {
      var all = form.querySelector('td.accepted[data-proposal="' + CSS.escape(a.proposal) + '"]');
      if (all) { all.textContent = a.accepted === null ? "unknown" : (a.accepted ? "yes" : "no"); }
      a.verdicts.forEach(function (v) {
        var cell = form.querySelector('td.verdict[data-proposal="' + CSS.escape(a.proposal) + '"][data-actor="' + CSS.escape(v.actor) + '"]');
        if (!cell) { return; }
        var mark = v.acceptable === null ? "?" : (v.acceptable ? "✓" : "✗");
        cell.textContent = mark + " ";
        var u = document.createElement("span");
        u.className = "utility";
        u.textContent = number(v.utility, 2);
        cell.appendChild(u);
      });
    });
    var ms = Math.round(performance.now() - started);
    document.getElementById("timing").textContent = count + " edit(s) applied · updated in " + ms + " ms";
    form.setAttribute("data-updated", String(Number(form.getAttribute("data-updated") || 0) + 1));
  }

  function update() {
    var body = edits();
    var count = body.positions.length + body.reservations.length;
    var mine = ++sent;
    var started = performance.now();
    fetch(api, { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) })
      .then(function (response) {
        return response.json().then(function (data) { return { ok: response.ok, data: data }; });
      })
      .then(function (answer) {
        if (mine !== sent) { return; }  // a later edit is on its way
        if (!answer.ok) {
          document.getElementById("timing").textContent = "Not updated: " + JSON.stringify(answer.data.detail);
          return;
        }
        show(answer.data, count, started);
      })
      .catch(function (error) { document.getElementById("timing").textContent = "Not updated: " + error; });
  }

  form.addEventListener("input", function (event) {
    if (!event.target.hasAttribute("data-field")) { return; }
    clearTimeout(timer);
    timer = setTimeout(update, 150);
  });
})();
