// Progressive enhancement of the "Was this page helpful?" form: post the vote with
// fetch and show the page's own thank-you (already in the page, in its language)
// without a reload. Without script, or if fetch fails, the plain form post and its
// 303 redirect still work.
(function () {
  "use strict";
  var forms = document.querySelectorAll("form.vote");
  if (!window.fetch || !window.URLSearchParams || !forms.length) return;

  function each(list, fn) { Array.prototype.forEach.call(list, fn); }

  function plainPost(form, choice) {
    var hidden = document.createElement("input");
    hidden.type = "hidden";
    hidden.name = "choice";
    hidden.value = choice;
    form.appendChild(hidden);
    HTMLFormElement.prototype.submit.call(form); // no submit event: no loop
  }

  each(forms, function (form) {
    form.addEventListener("submit", function (ev) {
      var button = ev.submitter;
      if (!button || button.name !== "choice") return;
      ev.preventDefault();
      var body = new URLSearchParams();
      each(form.querySelectorAll("input[type=hidden]"), function (i) {
        body.append(i.name, i.value);
      });
      body.append("choice", button.value);
      var buttons = form.querySelectorAll("button");
      each(buttons, function (b) { b.disabled = true; });
      fetch(form.action, {
        method: "POST",
        body: body,
        headers: { "Accept": "application/json" },
        credentials: "omit"
      }).then(function (res) {
        if (!res.ok) throw new Error("HTTP " + res.status);
        button.setAttribute("aria-pressed", "true");
        form.classList.add("voted");
        // The thank-you appears through CSS :target, as after the plain post.
        location.hash = "voted";
      }).catch(function () {
        each(buttons, function (b) { b.disabled = false; });
        plainPost(form, button.value);
      });
    });
  });
})();
