// Client-side search for the static export, where no server answers /{lang}/search.
// It ranks with the rules of portlore_kb::search, which /search-index.json ships with
// the documents, so a query finds here what the server finds. It runs only on the empty
// search page (the export's search.html) when the address carries ?q=.
(function () {
  "use strict";
  var note = document.getElementById("static-note");
  var list = document.getElementById("hits");
  var params = new URLSearchParams(location.search);
  var raw = params.get("q");
  if (!note || !list || raw === null || !raw.trim()) return;
  // Links come from the page (data-port, data-search, data-index), written relative to
  // it like every other link, so results open on a static host, under a sub-path and
  // over file://. "N" in data-port stands for the port number.
  var portLink = list.dataset.port || "ports/N";
  function portHref(n) { return portLink.replace("N", String(n)); }
  var words = {};
  var tpl = document.getElementById("words");
  if (tpl) {
    tpl.content.querySelectorAll("[data-k]").forEach(function (el) { words[el.dataset.k] = el.textContent; });
  }
  var input = document.getElementById("q2");
  if (input) input.value = raw;

  // A port number or N/proto goes straight to the port, as the server's 303 does. The
  // export has one page per port (no per-transport pages), which covers the transport.
  var m = /^\s*(\d{1,5})(?:\/(tcp|udp|sctp|dccp))?\s*$/i.exec(raw);
  if (m && Number(m[1]) <= 65535) {
    location.replace(portHref(Number(m[1])));
    return;
  }

  var STOP = ["a", "an", "and", "for", "in", "of", "on", "or", "the", "to", "with", "by", "inc", "ltd"];
  var enc = new TextEncoder();
  function bytes(s) { return enc.encode(s); }

  // text::tokens: lowercase alphanumeric words of two or more characters, no stop
  // words; a hyphenated name also yields its parts.
  function tokens(text) {
    var out = [];
    text.split(/[\s,;:()\[\]{}"'\/<>!?*]/u).forEach(function (raw) {
      var w = raw.replace(/^[^\p{L}\p{N}]+|[^\p{L}\p{N}]+$/gu, "").toLowerCase();
      if (!w) return;
      if (/[-._+]/.test(w)) {
        w.split(/[-._+]/).forEach(function (p) { if (p.length >= 2) out.push(p); });
      }
      if (Array.from(w).length >= 2 && STOP.indexOf(w) < 0) out.push(w);
    });
    out.sort();
    return out.filter(function (w, i) { return i === 0 || out[i - 1] !== w; });
  }

  function maxEdits(n) { return n <= 3 ? 0 : n <= 7 ? 1 : 2; }

  function swapped(a, b) {
    if (a.length !== b.length || a.length < 2) return false;
    var diff = [];
    for (var i = 0; i < a.length; i++) if (a[i] !== b[i]) diff.push(i);
    return diff.length === 2 && diff[1] === diff[0] + 1 && a[diff[0]] === b[diff[1]] && a[diff[1]] === b[diff[0]];
  }

  function within(a, b, max) {
    if (Math.abs(a.length - b.length) > max) return false;
    var row = [];
    for (var i = 0; i <= a.length; i++) row.push(i);
    for (var j = 0; j < b.length; j++) {
      var prev = row[0];
      row[0] = j + 1;
      for (var k = 0; k < a.length; k++) {
        var cur = row[k + 1];
        row[k + 1] = Math.min(prev + (a[k] !== b[j] ? 1 : 0), cur + 1, row[k] + 1);
        prev = cur;
      }
    }
    return row[a.length] <= max;
  }

  function near(word, token) {
    var a = bytes(word), b = bytes(token);
    var max = maxEdits(a.length);
    return max > 0 && (swapped(a, b) || within(a, b, max));
  }

  fetch(list.dataset.index || "../search-index.json").then(function (r) { return r.json(); }).then(function (idx) {
    var R = idx.rules;
    function quality(word, token, fuzzy) {
      if (token === word) return R.exact;
      if (bytes(word).length >= 3 && token.startsWith(word)) return R.prefix;
      if (fuzzy && near(word, token)) return R.fuzzy;
      return 0;
    }
    var q = Array.from(raw).slice(0, R.max_query).join("");
    var ws = tokens(q);
    var whole = q.trim().toLowerCase();
    var docs = idx.docs.map(function (d) {
      return {
        kind: d[0], service: d[1], title: d[2], ports: d[3], transports: d[4],
        fields: [[d[5] ? d[5].split(" ") : [], R.name], [d[6] ? d[6].split(" ") : [], R.org], [d[7] ? d[7].split(" ") : [], R.desc]],
        keys: d[8].split("|")
      };
    });
    var vocab = new Set(idx.vocabulary_only);
    docs.forEach(function (d) { d.fields.forEach(function (f) { f[0].forEach(function (t) { vocab.add(t); }); }); });
    var fuzzy = ws.map(function (w) { return !vocab.has(w); });
    var wholeFuzzy = fuzzy.length === 1 && fuzzy[0];
    var hits = [];
    docs.forEach(function (d) {
      var matched = 0, score = 0;
      ws.forEach(function (w, i) {
        var best = 0;
        d.fields.forEach(function (f) {
          f[0].forEach(function (t) { best = Math.max(best, quality(w, t, fuzzy[i]) * f[1]); });
        });
        if (best > 0) matched++;
        score += best;
      });
      if (matched === 0) return;
      if (matched === ws.length) score += R.all_words;
      if (d.keys.indexOf(whole) >= 0) score += R.whole;
      else if (wholeFuzzy && d.keys.some(function (k) { return near(whole, k); })) score += R.whole_near;
      d.score = score;
      hits.push(d);
    });
    var KIND = ["service", "threat", "unofficial", "note"];
    function firstPort(d) { return d.ports ? Number(d.ports.split(",")[0].split("-")[0]) : 4294967295; }
    function cmp(a, b) { return a < b ? -1 : a > b ? 1 : 0; }
    hits.sort(function (a, b) {
      return b.score - a.score || firstPort(a) - firstPort(b) || cmp(a.title, b.title) ||
        KIND.indexOf(a.kind) - KIND.indexOf(b.kind) || cmp(a.service, b.service);
    });
    note.hidden = true;
    var shown = hits.slice(0, 50);
    var count = document.getElementById("count");
    if (count) {
      count.hidden = false;
      count.textContent = shown.length
        ? (words.count || "%q%: %n%").replace("%q%", q.trim()).replace("%n%", shown.length)
        : (words.none || "%q%").replace("%q%", q.trim());
    }
    shown.forEach(function (d) {
      var li = document.createElement("li");
      var a = document.createElement("a");
      a.href = d.ports ? portHref(firstPort(d)) : (list.dataset.search || "search") + "?q=" + encodeURIComponent(d.title);
      if (d.service) {
        var code = document.createElement("code");
        code.textContent = d.service;
        a.appendChild(code);
        a.appendChild(document.createTextNode(" "));
      }
      a.appendChild(document.createTextNode(d.title));
      li.appendChild(a);
      li.appendChild(document.createElement("br"));
      var span = document.createElement("span");
      span.className = "muted";
      var tr = d.transports ? " · " + d.transports.toUpperCase().split(",").join("/") : "";
      span.textContent = (words[d.kind] || d.kind) + " · " + d.ports.split(",").slice(0, 6).join(", ") + tr;
      li.appendChild(span);
      list.appendChild(li);
    });
  });
})();
