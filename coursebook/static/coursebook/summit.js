/* The summit page without a kernel: every card is precomputed by the course's models (see
 * techdiplomacy/charts/summit.py); this script only looks cards up, keeps rounds and the page address.
 *
 * - choices live in the page address (#name=value&...), so a link restores them exactly;
 * - rounds are saved in the browser (localStorage) and can be downloaded and uploaded as the same
 *   JSON file the kernel widget saves and loads ({"format", "name", "choices"});
 * - "Was / Now" marks exactly the cards whose inputs differ from the round chosen in "Compare with"
 *   (by default the last saved round);
 * - projector mode enlarges the cards to fill the screen.
 * Everything is served by the book itself: no network.
 */
(function () {
  "use strict";

  var STORE = "coursebook-summit-rounds";

  function readRounds() {
    try {
      var rounds = JSON.parse(window.localStorage.getItem(STORE) || "[]");
      return Array.isArray(rounds) ? rounds : [];
    } catch (error) {
      return [];
    }
  }

  function writeRounds(rounds) {
    try {
      window.localStorage.setItem(STORE, JSON.stringify(rounds));
      return true;
    } catch (error) {
      return false;
    }
  }

  function sameValue(a, b) {
    if (typeof a === "number" && typeof b === "number") return Math.abs(a - b) < 1e-9;
    return a === b;
  }

  function Summit(root) {
    var data = JSON.parse(root.querySelector("script.summit-data").textContent);
    var self = this;
    this.root = root;
    this.data = data;
    this.inputs = {};
    data.inputs.forEach(function (spec) { self.inputs[spec.name] = spec; });
    this.selects = {};
    root.querySelectorAll("select[data-input]").forEach(function (select) {
      self.selects[select.dataset.input] = select;
      select.addEventListener("change", function () { self.update(true); });
    });
    this.status = root.querySelector(".summit-status");
    this.nameField = root.querySelector(".summit-round-name");
    this.roundsSelect = root.querySelector(".summit-rounds");
    this.compareSelect = root.querySelector(".summit-compare");
    this.compareSelect.addEventListener("change", function () { self.update(false); });
    root.querySelectorAll("button[data-action]").forEach(function (button) {
      button.addEventListener("click", function () { self[button.dataset.action](button); });
    });
    root.querySelector(".summit-upload input[type=file]").addEventListener("change", function (event) {
      self.upload(event.target);
    });
    document.addEventListener("keydown", function (event) {
      if (event.key === "Escape" && root.classList.contains("summit-app--projector")) self.projector();
    });
    this.refreshRounds(null);
    this.fromAddress();
    this.update(false);
  }

  /* The current choices as option indices, and as values (the saved-round format). */
  Summit.prototype.indices = function () {
    var out = {};
    for (var name in this.selects) out[name] = parseInt(this.selects[name].value, 10);
    return out;
  };

  Summit.prototype.values = function (indices) {
    var out = {};
    indices = indices || this.indices();
    for (var name in indices) out[name] = this.inputs[name].options[indices[name]].value;
    return out;
  };

  Summit.prototype.indicesOf = function (choices) {
    /* Option indices of a round's choices; throws with a message in words if one is not offered. */
    var out = {};
    var spec, i, found;
    for (var name in this.inputs) {
      spec = this.inputs[name];
      if (!(name in choices)) { out[name] = spec.default; continue; }
      found = -1;
      for (i = 0; i < spec.options.length; i++) {
        if (sameValue(spec.options[i].value, choices[name])) { found = i; break; }
      }
      if (found < 0) throw new Error("the choice for " + spec.label + " is not one this page offers");
      out[name] = found;
    }
    for (name in choices) {
      if (!(name in this.inputs)) throw new Error("it holds a choice this summit does not have");
    }
    return out;
  };

  Summit.prototype.set = function (indices) {
    for (var name in indices) this.selects[name].value = String(indices[name]);
  };

  Summit.prototype.defaults = function () {
    var out = {};
    for (var name in this.inputs) out[name] = this.inputs[name].default;
    return out;
  };

  Summit.prototype.say = function (text) {
    this.status.textContent = text;
  };

  Summit.prototype.key = function (names, indices) {
    return names.map(function (n) { return indices[n]; }).join(",");
  };

  Summit.prototype.baseline = function () {
    var chosen = this.compareSelect.value;
    if (chosen === "") return null;
    if (chosen === "__defaults__") return { name: "the defaults", indices: this.defaults() };
    var round = readRounds()[parseInt(chosen, 10)];
    if (!round) return null;
    try {
      return { name: round.name, indices: this.indicesOf(round.choices) };
    } catch (error) {
      return null;
    }
  };

  Summit.prototype.update = function (fromControl) {
    var self = this;
    var now = this.indices();
    var base = this.baseline();
    var changed = 0;
    this.data.cards.forEach(function (card) {
      var element = self.root.querySelector('.summit-card[data-card="' + card.key + '"]');
      var shown = card.grid[self.key(card.inputs, now)];
      var band = element.querySelector(".summit-card__band");
      var was = element.querySelector(".summit-card__was");
      element.querySelector(".summit-card__meaning").textContent = shown[1];
      var moved = base && card.inputs.some(function (n) { return base.indices[n] !== now[n]; });
      if (moved) {
        changed += 1;
        was.hidden = false;
        was.textContent = "Was (" + base.name + "): " + card.grid[self.key(card.inputs, base.indices)][0];
        band.textContent = "Now: " + shown[0];
        element.classList.add("summit-card--changed");
      } else {
        was.hidden = true;
        was.textContent = "";
        band.textContent = shown[0];
        element.classList.remove("summit-card--changed");
      }
    });
    var list = this.root.querySelector(".summit-tensions__list");
    list.textContent = "";
    this.data.tensions.forEach(function (tension) {
      var found = tension.grid[self.key(tension.inputs, now)];
      if (!found) return;
      var item = document.createElement("li");
      var who = document.createElement("em");
      item.textContent = found[0] + " ";
      who.textContent = "(" + found[1] + ")";
      item.appendChild(who);
      list.appendChild(item);
    });
    this.root.querySelector(".summit-tensions__none").hidden = list.children.length > 0;
    this.root.dataset.changedCards = String(changed);
    this.toAddress();
    if (fromControl) this.say(base ? changed + " card(s) differ from " + base.name + "." : "");
  };

  /* --- the page address ------------------------------------------------------------------- */

  Summit.prototype.toAddress = function () {
    var values = this.values();
    var parts = ["round=" + encodeURIComponent(this.nameField.value)];
    for (var name in values) parts.push(name + "=" + encodeURIComponent(String(values[name])));
    var url = window.location.href.split("#")[0] + "#" + parts.join("&");
    try {
      window.history.replaceState(null, "", url);
    } catch (error) {
      /* some file:// pages refuse replaceState; the choices still work */
    }
  };

  Summit.prototype.fromAddress = function () {
    var hash = window.location.hash.replace(/^#/, "");
    if (!hash || hash.indexOf("=") < 0) return;
    var choices = {};
    var self = this;
    var unknown = [];
    hash.split("&").forEach(function (part) {
      var pair = part.split("=");
      var name = decodeURIComponent(pair[0]);
      var value = decodeURIComponent(pair.slice(1).join("="));
      if (name === "round") { self.nameField.value = value; return; }
      var spec = self.inputs[name];
      if (!spec) return;
      var match = spec.options.filter(function (o) { return String(o.value) === value || sameValue(o.value, Number(value)); });
      if (match.length) choices[name] = match[0].value;
      else unknown.push(spec.label);
    });
    this.set(this.indicesOf(choices));
    if (unknown.length) this.say("The link's choice for " + unknown.join(", ") + " was not recognised; the default is shown.");
    else this.say("The choices in the link are restored.");
  };

  /* --- rounds ------------------------------------------------------------------------------ */

  Summit.prototype.refreshRounds = function (compareIndex) {
    var rounds = readRounds();
    var keep = compareIndex === null ? this.compareSelect.value : String(compareIndex);
    var fill = function (select, empty, extra) {
      select.textContent = "";
      var first = document.createElement("option");
      first.value = "";
      first.textContent = empty;
      select.appendChild(first);
      (extra || []).forEach(function (pair) {
        var option = document.createElement("option");
        option.value = pair[0];
        option.textContent = pair[1];
        select.appendChild(option);
      });
      rounds.forEach(function (round, i) {
        var option = document.createElement("option");
        option.value = String(i);
        option.textContent = round.name;
        select.appendChild(option);
      });
    };
    fill(this.roundsSelect, rounds.length ? "(choose a round)" : "(none yet)");
    fill(this.compareSelect, "(nothing)", [["__defaults__", "the defaults"]]);
    if (Array.prototype.some.call(this.compareSelect.options, function (o) { return o.value === keep; })) {
      this.compareSelect.value = keep;
    }
  };

  Summit.prototype.document = function () {
    return { format: this.data.format, name: this.nameField.value || "Round", choices: this.values() };
  };

  Summit.prototype.store = function (doc) {
    var rounds = readRounds();
    var at = -1;
    rounds.forEach(function (round, i) { if (round.name === doc.name) at = i; });
    if (at >= 0) rounds[at] = doc;
    else { rounds.push(doc); at = rounds.length - 1; }
    return writeRounds(rounds) ? at : -1;
  };

  Summit.prototype.save = function () {
    var doc = this.document();
    var at = this.store(doc);
    if (at < 0) { this.say("This browser does not let the page save rounds; use Download round instead."); return; }
    this.refreshRounds(at);
    this.roundsSelect.value = String(at);
    this.update(false);
    this.say("Saved " + doc.name + ". Cards that change from now on show what they were in " + doc.name + ".");
    var next = /^(.*?)(\d+)$/.exec(doc.name);
    if (next) this.nameField.value = next[1] + (parseInt(next[2], 10) + 1);
    this.toAddress();
  };

  Summit.prototype.applyDocument = function (doc, origin) {
    if (!doc || typeof doc !== "object" || doc.format !== this.data.format || typeof doc.choices !== "object" || doc.choices === null) {
      throw new Error(origin + " is not a saved summit round");
    }
    this.set(this.indicesOf(doc.choices));
    if (doc.name) this.nameField.value = doc.name;
  };

  Summit.prototype.load = function () {
    var round = readRounds()[parseInt(this.roundsSelect.value, 10)];
    if (!round) { this.say("Choose a saved round first."); return; }
    try {
      this.applyDocument(round, round.name);
    } catch (error) {
      this.say("Could not load: " + error.message + ".");
      return;
    }
    this.update(false);
    this.say("Loaded " + round.name + ".");
  };

  Summit.prototype.download = function () {
    var doc = this.document();
    var blob = new Blob([JSON.stringify(doc, null, 2)], { type: "application/json" });
    var link = document.createElement("a");
    link.href = URL.createObjectURL(blob);
    link.download = (doc.name.replace(/[^A-Za-z0-9-]+/g, "-").replace(/^-+|-+$/g, "") || "round") + ".json";
    document.body.appendChild(link);
    link.click();
    setTimeout(function () { URL.revokeObjectURL(link.href); link.remove(); }, 0);
    this.say("Downloaded " + doc.name + " as " + link.download + ".");
  };

  Summit.prototype.upload = function (field) {
    var self = this;
    var file = field.files && field.files[0];
    if (!file) return;
    var reader = new FileReader();
    reader.onload = function () {
      var doc;
      try {
        doc = JSON.parse(String(reader.result));
      } catch (error) {
        self.say("Could not load " + file.name + ": it is not a saved round (not valid JSON).");
        return;
      }
      try {
        self.applyDocument(doc, file.name);
      } catch (error) {
        self.say("Could not load " + file.name + ": " + error.message + ".");
        return;
      }
      var stored = self.document();
      var at = self.store(stored);
      self.refreshRounds(null);
      if (at >= 0) self.roundsSelect.value = String(at);
      self.update(false);
      self.say("Loaded " + stored.name + " from " + file.name + ".");
      field.value = "";
    };
    reader.readAsText(file);
  };

  Summit.prototype.reset = function () {
    this.set(this.defaults());
    this.update(false);
    this.say("Every choice is back at its default.");
  };

  Summit.prototype.link = function () {
    var self = this;
    this.toAddress();
    var done = function () { self.say("The link to these choices is copied; the page address holds it too."); };
    try {
      navigator.clipboard.writeText(window.location.href).then(done, function () {
        self.say("The page address holds these choices: copy it from the address bar.");
      });
    } catch (error) {
      this.say("The page address holds these choices: copy it from the address bar.");
    }
  };

  Summit.prototype.projector = function (button) {
    button = button || this.root.querySelector('button[data-action="projector"]');
    var on = this.root.classList.toggle("summit-app--projector");
    button.setAttribute("aria-pressed", on ? "true" : "false");
    button.textContent = on ? "Leave projector mode" : "Projector mode";
    document.documentElement.classList.toggle("summit-projecting", on);
    if (on) this.root.scrollTop = 0;
  };

  function start() {
    document.querySelectorAll(".summit-app").forEach(function (root) {
      if (root.dataset.ready === "true") return;
      try {
        root.summit = new Summit(root);
        root.dataset.ready = "true";
      } catch (error) {
        var status = root.querySelector(".summit-status");
        if (status) status.textContent = "The summit could not start: " + error.message;
      }
    });
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
