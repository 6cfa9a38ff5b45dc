// Client-side search for the static export, where no server answers /{lang}/search.
// It runs only on the empty search page (the export's search.html) when the address
// carries ?q=; a served page with results never loads the index.
(function () {
  "use strict";
  var note = document.getElementById("static-note");
  var list = document.getElementById("hits");
  var q = new URLSearchParams(location.search).get("q");
  if (!note || !list || !q) return;
  q = q.trim().toLowerCase().slice(0, 200);
  var input = document.getElementById("q2");
  if (input) input.value = q;
  var lang = document.documentElement.lang || "en";
  fetch("/search-index.json").then(function (r) { return r.json(); }).then(function (idx) {
    var words = q.split(/[^\p{L}\p{N}]+/u).filter(Boolean);
    var hits = [];
    idx.forEach(function (e) {
      var hay = (e[0] + " " + e[2]).toLowerCase();
      var score = 0;
      words.forEach(function (w) {
        if (e[0].toLowerCase() === w) score += 20;
        else if (hay.indexOf(w) >= 0) score += 3;
      });
      if (score > 0) hits.push([score, e]);
    });
    hits.sort(function (a, b) { return b[0] - a[0]; });
    note.hidden = true;
    hits.slice(0, 50).forEach(function (h) {
      var e = h[1];
      var li = document.createElement("li");
      var a = document.createElement("a");
      var first = (e[1].split(",")[0] || "").split("-")[0];
      a.href = first ? "/" + lang + "/ports/" + first : "#";
      a.textContent = e[0] + (e[2] ? " — " + e[2] : "");
      li.appendChild(a);
      var span = document.createElement("span");
      span.className = "muted";
      span.textContent = " " + e[1];
      li.appendChild(span);
      list.appendChild(li);
    });
  });
})();
