/* Site search that understands readers: everyday words reach the pages built for them, and a typo still finds.

   Material's search runs in a worker (an iframe in the offline copy) that is sent each query as {type: 2, data}.
   Before the theme starts that worker, this script wraps the Worker class so that every query is widened:
   - a group of content/synonyms/ whose words or phrases the query holds adds the words the pages use for them;
   - every typed word of five letters or more also matches with one edit (nine or more: two).
   The words added are taken back out of each result's list of "missing" words, which the theme shows.
   The groups come from search-words.js, generated from content/synonyms/ and loaded just before this file. */
(function () {
  "use strict";
  var Base = window.Worker;
  if (typeof Base !== "function") return;
  var groups = window.handbookSearchWords || [];
  var QUERY = 2, RESULT = 3;

  function words(text) {
    return text.toLowerCase().split(/[^a-z0-9+#.]+/).filter(Boolean);
  }

  function holds(query, phrase) {
    var said = " " + words(query).join(" ") + " ";
    return said.indexOf(" " + words(phrase).join(" ") + " ") !== -1;
  }

  function widen(query) {
    if (/[~^:*]/.test(query)) return { text: query, added: [] };  // the reader wrote lunr syntax: leave it
    var typed = words(query);
    var added = [];
    function add(term) {
      if (typed.indexOf(term) === -1 && added.indexOf(term) === -1) added.push(term);
    }
    var covered = [];
    groups.forEach(function (group) {
      var found = group.words.filter(function (phrase) { return holds(query, phrase); });
      if (found.length) {
        group.say.forEach(function (phrase) { words(phrase).forEach(add); });
        found.forEach(function (phrase) { covered = covered.concat(words(phrase)); });
      }
    });
    var long = typed.filter(function (term) { return /^[a-z]{5,}$/.test(term); });
    var fuzzy = long.map(function (term) { return term + "~" + (term.length >= 9 ? 2 : 1); });
    // A result need not hold the words added, nor a word it was found by through a synonym or a near spelling.
    return { text: [query].concat(added, fuzzy).join(" "), added: added.concat(covered, long) };
  }

  window.handbookSearch = { widen: widen };

  window.Worker = function (url, options) {
    var worker = new Base(url, options);
    var added = [];
    var send = worker.postMessage.bind(worker);
    worker.postMessage = function (message) {
      if (message && message.type === QUERY && typeof message.data === "string") {
        var wide = widen(message.data);
        added = wide.added;
        message = { type: QUERY, data: wide.text };
      }
      var rest = Array.prototype.slice.call(arguments, 1);
      return send.apply(worker, [message].concat(rest));
    };
    // Registered before the theme's own listener, so the theme sees the results without the added words.
    worker.addEventListener("message", function (event) {
      var message = event.data;
      if (!message || message.type !== RESULT || !message.data || !message.data.items) return;
      message.data.items.forEach(function (group) {
        (Array.isArray(group) ? group : [group]).forEach(function (item) {
          if (!item || !item.terms) return;
          Object.keys(item.terms).forEach(function (term) {
            if (!item.terms[term] && added.indexOf(term) !== -1) delete item.terms[term];
          });
        });
      });
    });
    return worker;
  };
  window.Worker.prototype = Base.prototype;
})();
