// The reception desk: more visitor rows, a returning citizen picked from the lookup, and the parts of the
// form that only matter for some answers. Everything works without this file; it only saves keystrokes.
(function () {
  "use strict";

  function rows() { return document.getElementById("visitor-rows"); }

  function addVisitorRow() {
    var total = document.getElementById("id_visitor-TOTAL_FORMS");
    var template = document.getElementById("visitor-empty");
    if (!total || !template || !rows()) { return null; }
    var index = parseInt(total.value, 10);
    var html = template.innerHTML.replace(/__prefix__/g, String(index));
    var body = document.createElement("tbody");
    body.innerHTML = html.trim();
    var row = body.firstElementChild;
    rows().appendChild(row);
    total.value = String(index + 1);
    return row;
  }

  function field(row, name) { return row.querySelector('[data-field="' + name + '"]'); }

  function isEmpty(row) {
    return ["full_name", "id_number", "phone", "citizen_id"].every(function (name) {
      var input = field(row, name);
      return !input || !input.value;
    });
  }

  function pickCitizen(button) {
    var target = null;
    Array.prototype.forEach.call(rows().querySelectorAll("tr.visitor-row"), function (row) {
      if (!target && isEmpty(row)) { target = row; }
    });
    target = target || addVisitorRow();
    if (!target) { return; }
    ["citizen_id", "full_name", "id_number", "phone", "address", "commune_code"].forEach(function (name) {
      var input = field(target, name);
      if (input) { input.value = button.dataset[name.replace(/_(\w)/g, function (_m, c) { return c.toUpperCase(); })] || ""; }
    });
    var next = target.querySelector('input[type="checkbox"]') || field(target, "full_name");
    if (next) { next.focus(); }
  }

  function toggle(element, visible) { if (element) { element.hidden = !visible; } }

  function refresh() {
    var checked = Array.prototype.map.call(
      document.querySelectorAll('input[name="matter_types"]:checked'), function (box) { return box.value; });
    var split = document.getElementById("split-contents");
    toggle(split, checked.length > 1);
    Array.prototype.forEach.call(document.querySelectorAll(".split-part"), function (part) {
      toggle(part, checked.indexOf(part.dataset.type) >= 0);
    });
    var outcome = document.querySelector('input[name="outcome"]:checked');
    toggle(document.getElementById("refusal-field"), !!outcome && outcome.value === "refused");
    var mode = document.querySelector('input[name="leader_mode"]:checked');
    toggle(document.getElementById("leader-fields"), !!mode && mode.value !== "none");
  }

  document.addEventListener("click", function (event) {
    var target = event.target;
    if (target.id === "add-visitor") {
      var row = addVisitorRow();
      var first = row && field(row, "full_name");
      if (first) { first.focus(); }
    } else if (target.classList && target.classList.contains("pick-citizen")) {
      event.preventDefault();
      pickCitizen(target);
    } else if (target.hasAttribute && target.hasAttribute("data-print")) {
      window.print();
    }
  });
  document.addEventListener("change", function (event) {
    if (["matter_types", "outcome", "leader_mode"].indexOf(event.target.name) >= 0) { refresh(); }
  });
  document.addEventListener("DOMContentLoaded", refresh);
})();
