// The timeline page: sends the articles to /v1/timeline (one) or /v1/timelines (several), draws
// the dated events with vis-timeline (one swimlane per actor, partial dates as ranges), lists the
// undated ones apart, and highlights an event's trigger, actors and time expression in its text.
"use strict";

(function () {
  const FACTUALITIES = ["asserted", "reported", "possible", "future", "negated"];
  const FORMATS = [
    ["json", "JSON", "json"],
    ["timelinejs", "TimelineJS", "json"],
    ["timeml", "TimeML", "tml"],
    ["csv", "CSV", "csv"],
    ["jsonld", "JSON-LD", "jsonld"],
  ];
  const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
    "September", "October", "November", "December"];
  const SEASONS = { SP: "spring", SU: "summer", FA: "autumn", WI: "winter" };
  const NO_ACTOR = "(no named actor)";

  const $ = (selector) => document.querySelector(selector);
  const form = $("#input");
  const documentsBox = $("#documents");
  let state = null; // the last result: {request, data, entries, documents}
  let timeline = null;
  let items = null;

  function element(tag, attributes = {}, text = "") {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
    if (text) node.textContent = text;
    return node;
  }

  // --- the articles -------------------------------------------------------------------------

  function addDocument(text = "", id = "") {
    const block = $("#document-template").content.firstElementChild.cloneNode(true);
    block.querySelector("textarea").value = text;
    block.querySelector("[name=id]").value = id;
    block.querySelector(".remove").addEventListener("click", () => {
      block.remove();
      if (!documentsBox.children.length) addDocument();
      renumber();
    });
    documentsBox.append(block);
    renumber();
    return block;
  }

  function renumber() {
    const blocks = [...documentsBox.children];
    blocks.forEach((block, index) => {
      block.querySelector(".number").textContent = String(index + 1);
      block.querySelector("textarea").setAttribute("aria-label", `Text of article ${index + 1}`);
      block.querySelector(".remove").hidden = blocks.length === 1;
    });
  }

  function request() {
    const documents = [...documentsBox.children].map((block, index) => {
      const one = { text: block.querySelector("textarea").value };
      const date = block.querySelector("[name=document_date]").value;
      const id = block.querySelector("[name=id]").value.trim();
      if (date) one.document_date = date;
      one.id = id || `article ${index + 1}`;
      if (!id && documentsBox.children.length === 1) delete one.id;
      return one;
    });
    if (documents.length === 1) return { path: "/v1/timeline", body: documents[0] };
    return { path: "/v1/timelines", body: { documents } };
  }

  async function dropFiles(event) {
    event.preventDefault();
    const files = [...event.dataTransfer.files].filter(
      (file) => file.type === "text/plain" || file.name.endsWith(".txt"));
    for (const file of files) {
      const text = await file.text();
      const id = file.name.replace(/\.txt$/, "");
      const empty = [...documentsBox.children].find((b) => !b.querySelector("textarea").value);
      if (empty) {
        empty.querySelector("textarea").value = text;
        empty.querySelector("[name=id]").value = id;
      } else {
        addDocument(text, id);
      }
    }
  }

  // --- talking to the service -----------------------------------------------------------------

  function busy(on, text) {
    $("#status").hidden = !on;
    $("#status-text").textContent = text || "";
    $("#submit").disabled = on;
    document.body.setAttribute("aria-busy", on ? "true" : "false");
  }

  function problemText(problem) {
    const lines = [problem.detail || problem.title || "The service refused the request."];
    const walk = (value, path) => {
      if (Array.isArray(value) && value.every((v) => typeof v === "string")) {
        lines.push(`${path.join(" › ")}: ${value.join(" ")}`);
      } else if (value && typeof value === "object") {
        for (const [key, inner] of Object.entries(value)) walk(inner, [...path, key]);
      }
    };
    walk((problem.errors || {}).json || problem.errors || {}, []);
    return lines;
  }

  // An error to show the user: the lines of a problem's detail and field errors.
  class Problem extends Error {
    constructor(lines) {
      super(lines[0]);
      this.lines = lines;
    }
  }

  function showError(lines) {
    const box = $("#error");
    box.replaceChildren(...lines.map((line) => element("p", {}, line)));
    box.hidden = false;
  }

  async function call(req, format) {
    const url = format ? `${req.path}?format=${format}` : req.path;
    let response;
    try {
      const headers = { "Content-Type": "application/json" };
      const key = $("#api-key").value.trim();
      if (key) headers.Authorization = `Bearer ${key}`;
      response = await fetch(url, {
        method: "POST",
        headers,
        body: JSON.stringify(req.body),
      });
    } catch (error) {
      throw new Problem([`The service did not answer (${error.message}).`]);
    }
    if (!response.ok) {
      let problem = {};
      try { problem = await response.json(); } catch (error) { problem = {}; }
      throw new Problem(problemText({ title: `${response.status} ${response.statusText}`, ...problem }));
    }
    return response;
  }

  async function submit(event) {
    event.preventDefault();
    $("#error").hidden = true;
    const req = request();
    busy(true, "Reading the text: the language model is at work…");
    try {
      const data = await (await call(req)).json();
      show(req, data);
    } catch (error) {
      showError(error instanceof Problem ? error.lines : [String(error)]);
    } finally {
      busy(false);
    }
  }

  async function download(event) {
    event.preventDefault();
    $("#error").hidden = true;
    const [name, , extension] = FORMATS.find(([n]) => n === event.currentTarget.dataset.format);
    busy(true, `Preparing the ${event.currentTarget.textContent} file…`);
    try {
      const blob = name === "json"
        ? new Blob([JSON.stringify(state.data, null, 2)], { type: "application/json" })
        : await (await call(state.request, name)).blob();
      const link = element("a", { href: URL.createObjectURL(blob), download: `timeline.${extension}` });
      document.body.append(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(link.href), 10000);
    } catch (error) {
      showError(error instanceof Problem ? error.lines : [String(error)]);
    } finally {
      busy(false);
    }
  }

  // --- the response as entries ------------------------------------------------------------------

  function names(result) {
    return Object.fromEntries(result.entities.map((entity) => [entity.id, entity.name]));
  }

  function actorName(actor, known) {
    return (actor.entity && known[actor.entity]) || actor.text;
  }

  function headline(event, known) {
    if (event.description) return event.description;
    const role = (r) => [...new Set(event.actors.filter((a) => a.role === r)
      .map((a) => actorName(a, known)))].join(", ");
    return [role("agent"), event.trigger.text, role("patient")].filter(Boolean).join(" ");
  }

  // The named actor an event's swimlane is: its first agent that is an entity, else its first
  // other entity that is not a place (as the TimelineJS export's group).
  function mainActor(event, known) {
    const named = event.actors.filter((a) => a.entity && known[a.entity]);
    const chosen = named.find((a) => a.role === "agent") || named.find((a) => a.role !== "location");
    return chosen ? known[chosen.entity] : NO_ACTOR;
  }

  function dateLabel(value, interval) {
    let match = /^(\d{4})(?:-(\d\d)(?:-(\d\d)(T[\d:]+)?)?)?$/.exec(value || "");
    if (match) {
      const [, year, month, day, time] = match;
      const parts = [day && String(Number(day)), month && MONTHS[Number(month) - 1], year];
      return parts.filter(Boolean).join(" ") + (time ? ` ${time.slice(1)}` : "");
    }
    if ((match = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value))) return `${SEASONS[match[2]]} ${match[1]}`;
    if ((match = /^(\d{4})-([QH])(\d)$/.exec(value))) return `${match[2]}${match[3]} ${match[1]}`;
    if ((match = /^(\d{3})$/.exec(value))) return `${match[1]}0s`;
    if (interval) return `${interval.start} – ${interval.end}`;
    return value || "undated";
  }

  // What the service's threshold compares: the event's confidence times its time's.
  function entryConfidence(event) {
    if (typeof event.confidence !== "number") return undefined;
    const time = event.time && typeof event.time.confidence === "number" ? event.time.confidence : 1;
    return event.confidence * time;
  }

  // One entry per timeline item: {id, value, interval, mentions: [{document, event}], ...}.
  function entries(req, data) {
    const out = [];
    const add = (id, value, interval, mentions, relation = "on") => {
      const first = mentions[0];
      out.push({
        id, value, interval, mentions, relation,
        label: (relation === "on" || !interval ? "" : `${relation} `) + dateLabel(value, interval),
        headline: headline(first.event, first.document.names),
        group: mainActor(first.event, first.document.names),
        factuality: first.event.factuality,
        confidence: entryConfidence(first.event),
      });
    };
    if (data.documents) {
      const documents = Object.fromEntries(data.documents.map((result, index) => {
        const byId = Object.fromEntries(result.events.map((e) => [e.id, e]));
        return [result.document.id, { result, byId, names: names(result),
          text: req.body.documents[index].text }];
      }));
      for (const entry of data.timeline) {
        for (const storyEvent of entry.events) {
          const mentions = storyEvent.mentions.map((m) => ({
            document: documents[m.document], event: documents[m.document].byId[m.event],
          }));
          add(storyEvent.id, entry.interval && entry.value, entry.interval, mentions, entry.relation);
        }
      }
      return { entries: out, documents };
    }
    const only = { result: data, names: names(data), text: req.body.text };
    const byId = Object.fromEntries(data.events.map((e) => [e.id, e]));
    const dated = new Set();
    for (const entry of data.timeline) {
      for (const id of entry.events) {
        dated.add(id);
        add(id, entry.value, entry.interval, [{ document: only, event: byId[id] }], entry.relation);
      }
    }
    for (const event of data.events) {
      if (!dated.has(event.id)) add(event.id, null, null, [{ document: only, event }]);
    }
    return { entries: out, documents: { only } };
  }

  // --- drawing --------------------------------------------------------------------------------

  function day(iso, plus = 0) {
    const [year, month, date] = iso.split("-").map(Number);
    const result = new Date(2000, month - 1, date + plus);
    result.setFullYear(year);
    return result;
  }

  function passes(entry) {
    const allowed = [...document.querySelectorAll("#factuality input:checked")].map((i) => i.value);
    const minimum = Number($("#confidence").value);
    const confident = typeof entry.confidence !== "number" || entry.confidence >= minimum;
    return allowed.includes(entry.factuality) && confident;
  }

  function listItem(entry) {
    const item = element("li", { "data-entry": entry.id, class: `fact-${entry.factuality}` });
    const button = element("button", { type: "button" });
    if (entry.interval) button.append(element("span", { class: "date" }, entry.label), " ");
    button.append(element("span", { class: "headline" }, entry.headline));
    button.append(" ", element("span", { class: "factuality" }, entry.factuality));
    const sources = new Set(entry.mentions.map((m) => m.document.result.document.id)).size;
    if (sources > 1) button.append(" ", element("span", { class: "sources" }, `${sources} sources`));
    button.addEventListener("click", () => select(entry.id, true));
    item.append(button);
    return item;
  }

  function draw() {
    const visible = state.entries.filter(passes);
    const dated = visible.filter((e) => e.interval);
    const groups = [...new Set(dated.map((e) => e.group))].sort(
      (a, b) => (a === NO_ACTOR) - (b === NO_ACTOR));
    items.clear();
    timeline.setGroups(groups.map((name) => {
      const content = element("span", { title: name }, name);
      return { id: name, content };
    }));
    items.add(dated.map((entry) => {
      const single = entry.interval.start === entry.interval.end;
      const content = element("span", { "data-entry": entry.id,
        title: `${entry.label}: ${entry.headline} (${entry.factuality})` }, entry.headline);
      return {
        id: entry.id, group: entry.group, content,
        start: day(entry.interval.start),
        end: single ? undefined : day(entry.interval.end, 1),
        type: single ? "point" : "range",
        className: `fact-${entry.factuality}`,
      };
    }));
    showAll();
    $("#dated").replaceChildren(...dated.map(listItem));
    $("#undated").replaceChildren(...visible.filter((e) => !e.interval).map(listItem));
    const hidden = state.entries.length - visible.length;
    $("#summary").textContent = `${dated.length} dated and ${visible.length - dated.length} ` +
      `undated events in ${groups.length} swimlanes` + (hidden ? `; ${hidden} hidden by the filters.` : ".");
  }

  // Every dated event in view, with room on the right for the labels of the latest points.
  function showAll() {
    const dated = state.entries.filter((e) => e.interval && passes(e));
    if (!dated.length) return;
    const first = Math.min(...dated.map((e) => day(e.interval.start).getTime()));
    const last = Math.max(...dated.map((e) => day(e.interval.end, 1).getTime()));
    const span = Math.max(last - first, 30 * 86400000);
    timeline.setWindow(first - span * 0.05, last + span * 0.3, { animation: false });
  }

  function show(req, data) {
    state = { request: req, data, ...entries(req, data) };
    $("#result").hidden = false;
    const confidences = state.entries.some((e) => typeof e.confidence === "number");
    $("#confidence").disabled = !confidences;
    $("#confidence").title = confidences ? "" : "This response gives no confidence.";
    if (!timeline) {
      items = new vis.DataSet();
      timeline = new vis.Timeline($("#timeline"), items, [], {
        stack: true, orientation: "top", zoomKey: "ctrlKey", maxHeight: 480, showCurrentTime: false,
        cluster: { maxItems: 3, titleTemplate: "{count} events: zoom in to see them" },
        tooltip: { followMouse: true },
      });
      timeline.on("select", (props) => { if (props.items.length) select(props.items[0], false); });
    }
    $("#details dl").replaceChildren();
    $("#details .hint").hidden = false;
    $("#text").replaceChildren();
    $("#mentions").replaceChildren();
    draw();
  }

  // --- an event in its text -------------------------------------------------------------------

  function highlightText(mention) {
    const { event, document: doc } = mention;
    const ranges = [{ start: event.trigger.start, end: event.trigger.end, kind: "hl-trigger" }];
    for (const actor of event.actors) ranges.push({ start: actor.start, end: actor.end, kind: "hl-actor" });
    const expression = event.time && event.time.expression &&
      doc.result.time_expressions.find((t) => t.id === event.time.expression);
    if (expression) ranges.push({ start: expression.start, end: expression.end, kind: "hl-time" });
    const cuts = [...new Set([0, doc.text.length, ...ranges.flatMap((r) => [r.start, r.end])])]
      .sort((a, b) => a - b);
    const parts = [];
    for (let i = 0; i + 1 < cuts.length; i++) {
      const [from, to] = [cuts[i], cuts[i + 1]];
      const kinds = ranges.filter((r) => r.start <= from && to <= r.end).map((r) => r.kind);
      const text = doc.text.slice(from, to);
      parts.push(kinds.length ? element("mark", { class: kinds.join(" ") }, text) : text);
    }
    $("#text").replaceChildren(...parts);
    $("#text-title").textContent = doc.result.document.id ? `(${doc.result.document.id})` : "";
    const trigger = $("#text .hl-trigger");
    if (trigger) trigger.scrollIntoView({ block: "nearest" });
  }

  // Where the event's date came from, in words: its time's source and expression.
  function dateSource(event, doc) {
    if (!event.time) return "none: the event is undated";
    const expression = doc.result.time_expressions.find((t) => t.id === event.time.expression);
    const quoted = `“${expression ? expression.text : event.time.expression}”`;
    switch (event.time.source) {
      case "sentence": return `${quoted}, in its own sentence`;
      case "other_sentence": return `${quoted}, carried from another sentence`;
      case "dateline": return "the dateline";
      default: return `the document date (${doc.result.document.document_date.source})`;
    }
  }

  function select(id, fromList) {
    const entry = state.entries.find((e) => e.id === id);
    if (!entry) return; // a cluster
    if (fromList && entry.interval) {
      // Not {focus: true}: vis-timeline cannot focus an item drawn inside a cluster.
      timeline.setSelection([id]);
      timeline.moveTo(day(entry.interval.start), { animation: false });
    }
    for (const node of document.querySelectorAll("li.selected")) node.classList.remove("selected");
    for (const node of document.querySelectorAll(`li[data-entry="${CSS.escape(id)}"]`)) node.classList.add("selected");
    const first = entry.mentions[0];
    const { event } = first;
    const rows = [
      ["Event", entry.headline],
      ["Date", entry.interval ? entry.label : "undated"],
      ["Factuality", event.factuality],
      ["Date source", dateSource(event, first.document)],
      ["Confidence", typeof entry.confidence === "number"
        ? `${entry.confidence.toFixed(2)} (event ${event.confidence.toFixed(2)}` +
          (event.time && typeof event.time.confidence === "number" ? `, date ${event.time.confidence.toFixed(2)})` : ")")
        : "not given"],
      ["Actors", event.actors.map((a) => `${actorName(a, first.document.names)} (${a.role})`).join("; ") || "none"],
      ["Class", event.class],
    ];
    $("#details .hint").hidden = true;
    $("#details dl").replaceChildren(...rows.flatMap(([term, value]) => [
      element("dt", {}, term), element("dd", { "data-field": term.toLowerCase() }, value)]));
    $("#mentions").replaceChildren(...(entry.mentions.length > 1 ? entry.mentions.map((mention) => {
      const button = element("button", { type: "button" }, `in ${mention.document.result.document.id}`);
      button.addEventListener("click", () => highlightText(mention));
      return button;
    }) : []));
    highlightText(first);
  }

  // --- start ----------------------------------------------------------------------------------

  for (const value of FACTUALITIES) {
    const label = element("label");
    const box = element("input", { type: "checkbox", value });
    box.checked = true;
    box.addEventListener("change", () => state && draw());
    label.append(box, ` ${value}`);
    $("#factuality").append(label);
  }
  $("#confidence").addEventListener("input", () => {
    $("#confidence-value").textContent = $("#confidence").value;
    if (state) draw();
  });
  for (const [name, text] of FORMATS) {
    const link = element("a", { href: "#", "data-format": name }, text);
    link.addEventListener("click", download);
    $("#downloads").append(" ", link);
  }
  $("#fit").addEventListener("click", () => state && showAll());
  $("#add").addEventListener("click", () => addDocument().querySelector("textarea").focus());
  form.addEventListener("submit", submit);
  document.addEventListener("dragover", (event) => event.preventDefault());
  document.addEventListener("drop", dropFiles);
  addDocument();
})();
