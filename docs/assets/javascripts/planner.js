// The Skills planner (planner/index.md). Everything it knows comes from the page's own
// <script id="planner-data" type="application/json"> block, so it needs no network and works from file://.
// A reader's assessment stays in this browser's local storage, and in files they export; nothing is sent.
// All text from the content is set with textContent, never parsed as markup.
(function () {
  "use strict";

  const root = document.getElementById("planner");
  const source = document.getElementById("planner-data");
  if (!root || !source) return;
  const data = JSON.parse(source.textContent);
  const KEY = "ml-engineering-handbook:planner";
  const FORMAT = "ml-engineering-handbook/skills-assessment";
  const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
  const SCALE = data.scale.map((level) => level.id);
  const EVIDENCE = { stated: 0, derived: 1, editorial: 2 };
  const EVIDENCE_WORDS = { stated: "stated by a source", derived: "read from a source", editorial: "handbook's judgement" };
  const own = (object, key) => Object.prototype.hasOwnProperty.call(object || {}, key); // never an inherited name
  const roles = new Map(data.roles.map((role) => [role.id, role]));
  const moves = new Map(data.moves.map((move) => [move.id, move]));

  // Links in the data are docs-relative Markdown paths; the one link MkDocs rendered in this page (to the
  // scale) shows how this copy spells links: "../scale/" online, "../scale.html" in the offline copy.
  const sample = (document.getElementById("planner-scale-link") || { getAttribute: () => "../scale/" }).getAttribute("href");
  const directoryUrls = /\/$/.test(sample.split("#")[0]);
  const base = sample.split("#")[0].replace(/scale(\/|\.html)$/, "");
  function url(path) {
    const [page, anchor] = path.split("#");
    const target = directoryUrls ? page.replace(/(^|\/)index\.md$/, "$1").replace(/\.md$/, "/") : page.replace(/\.md$/, ".html");
    return base + target + (anchor ? "#" + anchor : "");
  }

  function el(tag, attributes, children) {
    const node = document.createElement(tag);
    for (const [name, value] of Object.entries(attributes || {})) {
      if (value === null || value === undefined || value === false) continue;
      if (name === "text") node.textContent = value;
      else node.setAttribute(name, value === true ? "" : value);
    }
    for (const child of children || []) if (child !== null && child !== undefined) node.append(child);
    return node;
  }

  function count(number, noun) { return number + " " + noun + (number === 1 ? "" : "s"); }
  function link(text, path) { return el("a", { href: url(path), text: text }); }
  function scaleTitle(value) { return (data.scale.find((level) => level.id === value) || { title: value }).title; }
  function levelTitle(id) { return own(data.levels, id) ? data.levels[id].title : id; }
  function positionName(role, level) {
    const found = roles.get(role);
    if (!found || !level) return found ? found.title : "";
    // Level titles often name the role already ("Senior Machine Learning Engineer").
    const title = levelTitle(level);
    return title.toLowerCase().includes(found.title.toLowerCase()) ? title : found.title + ", " + title;
  }

  // -- the assessment: where the reader is, where they want to go, and a rating per skill --------------------

  let state = empty();

  function empty() {
    return { from: { role: "", level: "" }, to: { role: "", level: "" }, ratings: Object.create(null) };
  }

  function goalSkills(to) {
    const role = roles.get(to.role);
    if (!role) return [];
    const key = role.levels.length ? to.level : "";
    return role.skills.filter((entry) => entry.targets[key]).map((entry) => ({
      id: entry.skill,
      name: data.skills[entry.skill].name,
      href: data.skills[entry.skill].href,
      phase: data.skills[entry.skill].phase,
      category: data.skills[entry.skill].category,
      resources: data.skills[entry.skill].resources,
      essential: entry.importance === "essential",
      sources: entry.sources,
      target: entry.targets[key].value,
      basis: entry.targets[key].basis,
    }));
  }

  function snapshot() {
    const names = { skills: {}, roles: {}, levels: {} };
    for (const id of Object.keys(state.ratings)) if (own(data.skills, id)) names.skills[id] = data.skills[id].name;
    for (const end of [state.from, state.to]) {
      if (roles.has(end.role)) names.roles[end.role] = roles.get(end.role).title;
      if (own(data.levels, end.level)) names.levels[end.level] = data.levels[end.level].title;
    }
    const targets = {};
    for (const skill of goalSkills(state.to)) targets[skill.id] = skill.target;
    return {
      format: FORMAT, format_version: 1, content_version: data.version, saved_at: new Date().toISOString(),
      from: state.from, to: state.to, ratings: Object.assign({}, state.ratings), names: names, targets: targets,
    };
  }

  function save() {
    try {
      localStorage.setItem(KEY, JSON.stringify(snapshot()));
    } catch (error) {
      notify(["This browser does not let the page keep your ratings; export them to a file to keep them."]);
    }
  }

  function stored() {
    try {
      const text = localStorage.getItem(KEY);
      return text ? JSON.parse(text) : null;
    } catch (error) {
      return null;
    }
  }

  // Reads a saved or imported assessment and carries it over to this version of the content: ids that were
  // renamed or merged move to their successor, removed ones are dropped, and every change is reported.
  function adopt(saved) {
    if (!saved || typeof saved !== "object" || saved.format !== FORMAT || !saved.ratings || typeof saved.ratings !== "object") {
      throw new Error("This file is not a skills assessment exported by the planner.");
    }
    const next = empty();
    const notes = [];
    const names = saved.names && typeof saved.names === "object" ? saved.names : {};
    const oldName = (kind, id) => (own(names[kind], id) && typeof names[kind][id] === "string" ? names[kind][id] : id);
    const current = { skills: (id) => own(data.skills, id), roles: (id) => roles.has(id), levels: (id) => own(data.levels, id) };
    const newName = { skills: (id) => data.skills[id].name, roles: (id) => roles.get(id).title, levels: levelTitle };
    const words = { skills: "skill", roles: "role", levels: "level" };
    function carry(kind, id) {
      if (typeof id !== "string" || !ID.test(id) || current[kind](id)) return typeof id === "string" && ID.test(id) ? id : "";
      const fate = own(data.retired[kind], id) ? data.retired[kind][id] : null;
      if (!fate) return id; // unknown here, perhaps from a newer version of the handbook: kept as it is
      const was = "The " + words[kind] + " “" + oldName(kind, id) + "”";
      if (!fate.successor) {
        notes.push(was + " was removed from the handbook, so your assessment no longer uses it.");
        return "";
      }
      const verb = fate.reason === "merged" ? " was merged into “" : " was renamed “";
      notes.push(was + verb + newName[kind](fate.successor) + "”; what you recorded for it moved there.");
      return fate.successor;
    }
    // Ratings of live skills first, so that a skill rated under its new and its old id keeps its new rating.
    const entries = Object.entries(saved.ratings).filter(([, value]) => SCALE.includes(value));
    entries.sort(([a], [b]) => Number(own(data.retired.skills, a)) - Number(own(data.retired.skills, b)));
    for (const [id, value] of entries) {
      const now = carry("skills", id);
      if (now && !(now in next.ratings)) next.ratings[now] = value;
    }
    for (const end of ["from", "to"]) {
      const position = saved[end] && typeof saved[end] === "object" ? saved[end] : {};
      next[end] = { role: carry("roles", position.role), level: carry("levels", position.level) };
    }
    if (saved.content_version !== data.version && saved.targets && typeof saved.targets === "object") {
      for (const skill of goalSkills(next.to)) {
        const before = saved.targets[skill.id];
        if (typeof before === "string" && before !== skill.target && SCALE.includes(before)) {
          notes.push("The goal for “" + skill.name + "” changed from " + scaleTitle(before) + " to " + scaleTitle(skill.target) + ".");
        }
      }
    }
    const unknown = Object.keys(next.ratings).filter((id) => !own(data.skills, id)).length;
    if (unknown) notes.push("Your ratings of " + count(unknown, "skill") + " this copy of the handbook does not have are kept, but not shown.");
    if (saved.content_version === data.version) return { assessment: next, notes: [] };
    if (notes.length) notes.unshift("The handbook changed since this assessment was saved:");
    return { assessment: next, notes: notes };
  }

  // -- the page --------------------------------------------------------------------------------------------
  // The plan stands beside the ratings on a wide screen (and stays in view as they scroll), above them on a phone,
  // where a bar at the foot of the screen keeps the next step in sight. Ratings come in folded groups, one per
  // phase of a learning path, each of which can be rated at once.

  const NEXT = 5; // how many next steps the plan names
  const PHASE_NAMES = Object.fromEntries(data.phases.map((phase) => [phase.id, phase.name]));
  const OTHER = { id: "", name: "Traits and knowledge the work itself gives" };

  const notices = el("div", { class: "planner__notices", role: "status", "aria-live": "polite" });
  const pickers = {
    fromRole: el("select", { id: "planner-from-role" }),
    fromLevel: el("select", { id: "planner-from-level" }),
    toRole: el("select", { id: "planner-to-role" }),
    toLevel: el("select", { id: "planner-to-level" }),
    move: el("select", { id: "planner-move" }),
  };
  const moveLink = el("p", { class: "planner__move-link" });
  const skillList = el("div", { id: "planner-skills" });
  const ratePrompt = el("p", { class: "planner__prompt" });
  const fill = el("button", { type: "button", class: "md-button", id: "planner-fill" }, ["Fill unrated skills with what is expected where you are"]);
  const plan = el("div", { class: "planner__plan", id: "planner-result" });
  const bar = el("p", { class: "planner__bar", id: "planner-bar", "aria-hidden": "true" });
  const importer = el("input", { type: "file", id: "planner-import", accept: ".json,application/json" });
  const open = new Set(); // the groups a reader has unfolded, kept while the page redraws

  function field(label, select) {
    return el("p", { class: "planner__field" }, [el("label", { for: select.id, text: label }), select]);
  }

  function options(select, choices, chosen) {
    select.replaceChildren(...choices.map(([value, text]) => el("option", { value: value, text: text, selected: value === chosen })));
  }

  function scaleHelp() {
    return el("details", { class: "planner__scale" }, [
      el("summary", { text: "What the four levels mean" }),
      el("dl", {}, data.scale.flatMap((level) => [
        el("dt", { text: level.title }),
        el("dd", {}, [level.definition, level.can_do.length ? el("ul", {}, level.can_do.map((text) => el("li", { text: text }))) : null]),
      ])),
    ]);
  }

  function section(name, heading, children, tag) {
    return el(tag || "section", { class: "planner__section planner__section--" + name, "aria-labelledby": "planner-" + name }, [
      el("h2", { id: "planner-" + name, text: heading }), ...children,
    ]);
  }

  root.replaceChildren(
    el("div", { class: "planner__workspace" }, [
      section("plan", "Your plan", [plan], "aside"),
      el("div", { class: "planner__main" }, [
        notices,
        section("choose", "Where you are and where you want to go", [
          el("div", { class: "planner__ends" }, [
            el("fieldset", {}, [el("legend", { text: "Where you are now" }), field("Role", pickers.fromRole), field("Level", pickers.fromLevel)]),
            el("fieldset", {}, [el("legend", { text: "Where you want to go" }), field("Role", pickers.toRole), field("Level", pickers.toLevel)]),
          ]),
          field("Or choose a career move the handbook records", pickers.move),
          moveLink,
        ]),
        section("rate", "Rate yourself", [ratePrompt, scaleHelp(), el("p", { class: "planner__actions" }, [fill]), skillList]),
      ]),
    ]),
    bar,
    section("keep", "Keep your assessment", [
      el("p", { text: "Your ratings are kept in this browser only; the planner sends nothing anywhere. Export them to a file to keep a copy or to move to another device or browser, and import that file there." }),
      el("p", { class: "planner__actions" }, [
        el("button", { type: "button", class: "md-button", id: "planner-export" }, ["Export to a file"]),
        el("button", { type: "button", class: "md-button", id: "planner-print" }, ["Print the summary"]),
        el("button", { type: "button", class: "md-button", id: "planner-clear" }, ["Clear all ratings"]),
      ]),
      el("p", { class: "planner__field" }, [el("label", { for: importer.id, text: "Import an exported file" }), importer]),
    ]),
  );

  function notify(lines) {
    if (!lines.length) return;
    const list = el("ul", {}, lines.slice(lines[0].endsWith(":") ? 1 : 0).map((text) => el("li", { text: text })));
    const close = el("button", { type: "button", class: "md-button" }, ["Dismiss"]);
    const box = el("div", { class: "admonition note planner__notice" }, [
      el("p", { class: "admonition-title", text: lines[0].endsWith(":") ? lines[0] : "Note" }),
      lines[0].endsWith(":") || lines.length > 1 ? list : el("p", { text: lines[0] }),
      el("p", {}, [close]),
    ]);
    close.addEventListener("click", () => { box.remove(); pickers.toRole.focus(); });
    notices.append(box);
  }

  // -- drawing -------------------------------------------------------------------------------------------------

  // A move that names no level is read at the first rung of a role that has levels, as choose() reads it.
  function atLevel(role, named, level) {
    const found = roles.get(role);
    return named === level || (!named && level === (found && found.levels.length ? found.levels[0] : ""));
  }

  function chosenMove() {
    return data.moves.find((move) => move.from_role === state.from.role && move.to_role === state.to.role
      && atLevel(move.from_role, move.from_level, state.from.level) && atLevel(move.to_role, move.to_level, state.to.level));
  }

  function drawPickers() {
    const all = data.roles.map((role) => [role.id, role.title]);
    options(pickers.fromRole, [["", "Not chosen"], ...all], state.from.role);
    options(pickers.toRole, [["", "Not chosen"], ...data.roles.filter((role) => role.skills.length).map((role) => [role.id, role.title])], state.to.role);
    for (const [end, select] of [[state.from, pickers.fromLevel], [state.to, pickers.toLevel]]) {
      const role = roles.get(end.role);
      const levels = role ? role.levels : [];
      options(select, levels.length ? levels.map((id) => [id, levelTitle(id)]) : [["", role ? "No levels recorded" : "Choose a role first"]], end.level);
      select.disabled = !levels.length;
    }
    const chosen = chosenMove();
    options(pickers.move, [["", "None"], ...data.moves.map((move) => [move.id, move.title])], chosen ? chosen.id : "");
    moveLink.replaceChildren(...(chosen ? ["Read this move's learning path: ", link(chosen.title, chosen.href), "."] : []));
  }

  function meaning(skill, value) {
    if (!value) return "";
    const level = data.scale.find((item) => item.id === value);
    const forSkill = data.skills[skill.id].levels; // what a source says this level means for this very skill
    return level.title + ": " + (own(forSkill, value) ? forSkill[value] : level.definition);
  }

  function reached(skill) {
    const rating = state.ratings[skill.id];
    return Boolean(rating) && SCALE.indexOf(rating) >= SCALE.indexOf(skill.target);
  }

  // The goal's skills by phase of a learning path, in the order of the phases; skills that are no learning item last.
  function groups(skills) {
    const found = [...data.phases, OTHER].map((phase) => ({ id: phase.id || "other", name: phase.name, skills: skills.filter((skill) => skill.phase === phase.id) }));
    for (const group of found) {
      group.skills.sort((a, b) => a.category.localeCompare(b.category) || (a.essential === b.essential ? 0 : a.essential ? -1 : 1) || a.name.localeCompare(b.name));
    }
    return found.filter((group) => group.skills.length);
  }

  function groupCount(group) {
    const rated = group.skills.filter((skill) => state.ratings[skill.id]).length;
    const short = group.skills.filter((skill) => state.ratings[skill.id] && !reached(skill)).length;
    return count(group.skills.length, "skill") + ", " + rated + " rated, " + short + " below the goal";
  }

  function drawSkills() {
    const skills = goalSkills(state.to);
    const essential = skills.filter((skill) => skill.essential).length;
    ratePrompt.textContent = skills.length
      ? "The goal, " + positionName(state.to.role, state.to.level) + ", asks for " + count(skills.length, "skill") + " (" + essential + " essential), in groups by phase of the learning path. Open a group and choose your level in each skill, or mark the whole group as known; skip any you are unsure of."
      : "Choose where you want to go, and the skills it asks for appear here to rate.";
    fill.disabled = !skills.length || !roles.has(state.from.role);
    skillList.replaceChildren(...groups(skills).map(drawGroup));
  }

  function drawGroup(group) {
    const id = "planner-group-" + group.id;
    const counter = el("span", { class: "planner__group-count", "data-group": group.id, text: groupCount(group) });
    const known = el("button", { type: "button", class: "md-button planner__known", "data-group": group.id }, ["I know all of these"]);
    known.addEventListener("click", () => {
      let raised = 0;
      for (const skill of group.skills) {
        if (!reached(skill)) {
          state.ratings[skill.id] = skill.target;
          raised += 1;
        }
      }
      save();
      drawSkills();
      drawPlan();
      notify([raised ? "Marked " + count(raised, "skill") + " of " + group.name + " at the goal's level; change any that is not right." : "Every skill of " + group.name + " was already at the goal's level."]);
    });
    const categories = [...new Set(group.skills.map((skill) => skill.category))];
    const details = el("details", { class: "planner__group", id: id, "data-group": group.id, open: open.has(group.id) }, [
      el("summary", {}, [el("span", { class: "planner__group-name", text: group.name }), " ", counter]),
      el("p", { class: "planner__actions" }, [known]),
      ...categories.flatMap((category) => [
        el("h3", { class: "planner__category", text: category }),
        el("ol", { class: "planner__skills" }, group.skills.filter((skill) => skill.category === category).map(rateItem)),
      ]),
    ]);
    details.addEventListener("toggle", () => { if (details.open) open.add(group.id); else open.delete(group.id); });
    return details;
  }

  function rateItem(skill) {
    const id = "planner-rate-" + skill.id;
    const select = el("select", { id: id, "aria-describedby": id + "-goal " + id + "-meaning", "data-skill": skill.id });
    options(select, [["", "Not rated"], ...data.scale.map((level) => [level.id, level.title])], state.ratings[skill.id] || "");
    const description = el("p", { class: "planner__meaning", id: id + "-meaning", text: meaning(skill, state.ratings[skill.id]) });
    select.addEventListener("change", () => {
      if (select.value) state.ratings[skill.id] = select.value; else delete state.ratings[skill.id];
      description.textContent = meaning(skill, select.value);
      save();
      drawCounts();
      drawPlan();
    });
    return el("li", { class: "planner__skill" }, [
      el("p", { class: "planner__skill-name" }, [link(skill.name, skill.href)]),
      el("p", { class: "planner__goal", id: id + "-goal" }, [
        "Goal: ", el("strong", { text: scaleTitle(skill.target) }), el("span", { class: "planner__basis", text: " (" + EVIDENCE_WORDS[skill.basis] + ")" }),
      ]),
      el("p", { class: "planner__field planner__rating" }, [el("label", { for: id }, ["Your level", el("span", { class: "planner__hidden", text: " in " + skill.name })]), select]),
      description,
    ]);
  }

  function drawCounts() {
    const byGroup = new Map(groups(goalSkills(state.to)).map((group) => [group.id, group]));
    for (const counter of skillList.querySelectorAll(".planner__group-count")) {
      const group = byGroup.get(counter.dataset.group);
      if (group) counter.textContent = groupCount(group);
    }
  }

  // The order of the next steps: a chosen career move's priorities first, in the path's order; then the other
  // gaps, most important first (essential, then the better-evidenced goal, then the more sources, the larger step).
  function nextSteps(skills) {
    const move = chosenMove();
    const order = new Map((move ? move.priorities : []).map((id, index) => [id, index]));
    const pending = skills.filter((skill) => !reached(skill));
    const gap = (skill) => SCALE.indexOf(skill.target) - (state.ratings[skill.id] ? SCALE.indexOf(state.ratings[skill.id]) : -1);
    return pending.filter((skill) => order.has(skill.id) || state.ratings[skill.id]).sort((a, b) =>
      (order.has(a.id) ? order.get(a.id) : 1000) - (order.has(b.id) ? order.get(b.id) : 1000)
      || (a.essential === b.essential ? 0 : a.essential ? -1 : 1) || EVIDENCE[a.basis] - EVIDENCE[b.basis]
      || b.sources - a.sources || gap(b) - gap(a) || a.name.localeCompare(b.name));
  }

  function resourceLink(skill) {
    const first = skill.resources[0];
    if (!first || !/^https:\/\/[^\s"<>]+$/.test(first.url)) return null; // only a plain https address becomes a link
    return el("span", { class: "planner__learn" }, [" Learn it: ", el("a", { href: first.url, text: first.title }), " (" + first.format + ", " + first.cost + ")."]);
  }

  function listOf(heading, skills, render) {
    if (!skills.length) return null;
    return el("details", { class: "planner__more" }, [
      el("summary", { text: heading + " (" + skills.length + ")" }),
      el("ul", {}, skills.map((skill) => el("li", {}, render(skill)))),
    ]);
  }

  function drawPlan() {
    const skills = goalSkills(state.to);
    if (!skills.length) {
      plan.replaceChildren(el("p", { text: "Your plan appears here once you have chosen where you want to go, or a career move." }));
      bar.replaceChildren();
      bar.hidden = true;
      return;
    }
    const gaps = [];
    const met = [];
    const unrated = [];
    for (const skill of skills) {
      const rating = state.ratings[skill.id];
      if (!rating) unrated.push(skill);
      else if (reached(skill)) met.push(skill);
      else gaps.push(Object.assign({ rating: rating, gap: SCALE.indexOf(skill.target) - SCALE.indexOf(rating) }, skill));
    }
    gaps.sort((a, b) => (a.essential === b.essential ? 0 : a.essential ? -1 : 1) || EVIDENCE[a.basis] - EVIDENCE[b.basis]
      || b.sources - a.sources || b.gap - a.gap || a.name.localeCompare(b.name));
    const role = roles.get(state.to.role);
    const chosen = chosenMove();
    const next = nextSteps(skills).slice(0, NEXT);
    const step = (skill) => {
      const rating = state.ratings[skill.id];
      const where = rating ? ": from " + scaleTitle(rating) + " to " + scaleTitle(skill.target) + "." : ": not rated yet; the goal is " + scaleTitle(skill.target) + ".";
      return [link(skill.name, skill.href), where, resourceLink(skill)];
    };
    plan.replaceChildren(...[
      el("p", { class: "planner__summary" }, [
        (state.from.role ? "From " + positionName(state.from.role, state.from.level) + " to " : "Goal: "),
        link(positionName(state.to.role, state.to.level), role.href),
        ". Of " + count(skills.length, "skill") + ", you meet the goal in " + met.length + ", have " + gaps.length + " to grow in, and " + unrated.length + " not rated yet.",
        chosen ? el("span", {}, [" The learning path: ", link(chosen.title, chosen.href), "."]) : null,
      ]),
      el("h3", { id: "planner-next", text: next.length ? "Your next steps" : "No next step" }),
      next.length
        ? el("ol", { class: "planner__next", "aria-labelledby": "planner-next" }, next.map((skill) => el("li", {}, step(skill))))
        : el("p", { text: "Every skill you rated meets the goal. Rate more skills, or choose a career move to see its priorities." }),
      el("p", { class: "planner__note", text: chosen
        ? "Next steps follow the learning path's priorities, then your other gaps; each names a free resource where the handbook lists one."
        : "Next steps are your gaps, most important first: essential skills, then the goals the sources back most firmly, then the largest steps." }),
      gaps.length ? el("h3", { text: "Where you are below the goal (" + gaps.length + ")" }) : null,
      gaps.length ? el("ol", { class: "planner__gaps" }, gaps.map((skill) => el("li", {}, [
        link(skill.name, skill.href),
        ": from " + scaleTitle(skill.rating) + " to " + scaleTitle(skill.target) + " (" + skill.gap + (skill.gap === 1 ? " level" : " levels") + "; " + (skill.essential ? "essential" : "optional") + "; " + EVIDENCE_WORDS[skill.basis] + ").",
        resourceLink(skill),
      ]))) : null,
      listOf("Not rated yet", unrated, (skill) => [link(skill.name, skill.href), ": goal " + scaleTitle(skill.target) + "."]),
      listOf("At or above the goal", met, (skill) => [link(skill.name, skill.href)]),
    ].filter(Boolean));
    bar.hidden = false;
    bar.replaceChildren(
      el("span", { text: gaps.length + " to grow · " + unrated.length + " not rated" + (next.length ? " · next: " + next[0].name : "") }),
      " ",
      el("a", { href: "#planner-plan", tabindex: "-1", text: "Your plan" }),
    );
  }

  function draw() {
    drawPickers();
    drawSkills();
    drawPlan();
  }

  // -- controls ------------------------------------------------------------------------------------------------

  // An id from an address may be one the handbook has since renamed: it leads to the successor.
  function live(kind, id) {
    const fate = own(data.retired[kind], id) ? data.retired[kind][id] : null;
    return fate && fate.successor ? fate.successor : id;
  }

  function choose(end, role, level) {
    role = live("roles", role);
    level = live("levels", level);
    const found = roles.get(role);
    const levels = found ? found.levels : [];
    state[end] = { role: found ? role : "", level: levels.includes(level) ? level : levels.length ? levels[0] : "" };
  }

  // What the starting position records, given to every skill of the goal the reader has not rated yet.
  function prefill({ quiet } = {}) {
    const here = roles.get(state.from.role);
    if (!here) return 0;
    const key = here.levels.length ? state.from.level : "";
    const expected = new Map(here.skills.filter((entry) => entry.targets[key]).map((entry) => [entry.skill, entry.targets[key].value]));
    let filled = 0;
    for (const skill of goalSkills(state.to)) {
      if (!state.ratings[skill.id] && expected.has(skill.id)) {
        state.ratings[skill.id] = expected.get(skill.id);
        filled += 1;
      }
    }
    if (filled || !quiet) {
      notify([filled ? "Filled " + count(filled, "unrated skill") + " with what " + positionName(state.from.role, state.from.level) + " expects; check each one." : "No unrated skill of the goal has an expectation where you are."]);
    }
    return filled;
  }

  function moved() {
    prefill({ quiet: true });
    save();
    draw();
  }

  pickers.fromRole.addEventListener("change", () => { choose("from", pickers.fromRole.value, state.from.level); moved(); });
  pickers.fromLevel.addEventListener("change", () => { choose("from", state.from.role, pickers.fromLevel.value); moved(); });
  pickers.toRole.addEventListener("change", () => { choose("to", pickers.toRole.value, state.to.level); moved(); });
  pickers.toLevel.addEventListener("change", () => { choose("to", state.to.role, pickers.toLevel.value); moved(); });
  pickers.move.addEventListener("change", () => {
    const move = moves.get(pickers.move.value);
    if (!move) return;
    choose("from", move.from_role, move.from_level);
    choose("to", move.to_role, move.to_level);
    moved();
  });

  fill.addEventListener("click", () => {
    prefill();
    save();
    draw();
  });

  document.getElementById("planner-export").addEventListener("click", () => {
    const blob = new Blob([JSON.stringify(snapshot(), null, 2) + "\n"], { type: "application/json" });
    const address = URL.createObjectURL(blob);
    const anchor = el("a", { href: address, download: "skills-assessment-" + new Date().toISOString().slice(0, 10) + ".json" });
    document.body.append(anchor);
    anchor.click();
    anchor.remove();
    setTimeout(() => URL.revokeObjectURL(address), 1000);
  });

  document.getElementById("planner-print").addEventListener("click", () => window.print());

  document.getElementById("planner-clear").addEventListener("click", () => {
    if (!window.confirm("Clear every rating and choice saved in this browser? Export them first if you want to keep them.")) return;
    state = empty();
    try { localStorage.removeItem(KEY); } catch (error) { /* nothing was stored */ }
    draw();
    notify(["Your ratings and choices were cleared from this browser."]);
  });

  importer.addEventListener("change", () => {
    const file = importer.files && importer.files[0];
    if (!file) return;
    file.text().then((text) => {
      const { assessment, notes } = adopt(JSON.parse(text));
      state = assessment;
      save();
      draw();
      notify(notes.length ? notes : ["Imported " + count(Object.keys(state.ratings).length, "rating") + " from " + file.name + "."]);
    }).catch((error) => {
      notify([error instanceof SyntaxError ? "That file is not valid JSON." : error.message]);
    }).finally(() => { importer.value = ""; });
  });

  // -- start: the saved assessment, carried over to this content, then any goal the address asks for ----------

  const saved = stored();
  if (saved) {
    try {
      const { assessment, notes } = adopt(saved);
      state = assessment;
      if (notes.length) {
        save();
        notify(notes);
      }
    } catch (error) {
      notify(["The assessment saved in this browser could not be read; it was left as it is."]);
    }
  }
  const query = new URLSearchParams(window.location.search);
  const move = moves.get(live("transitions", query.get("move") || ""));
  if (move) {
    choose("from", move.from_role, move.from_level);
    choose("to", move.to_role, move.to_level);
  } else {
    if (query.get("from")) choose("from", query.get("from"), query.get("from_level") || "");
    if (query.get("to")) choose("to", query.get("to"), query.get("level") || "");
  }
  const asked = [["transitions", "move"], ["roles", "from"], ["roles", "to"]]
    .map(([kind, name]) => [kind, query.get(name)])
    .filter(([kind, id]) => id && !(kind === "roles" ? roles : moves).has(live(kind, id)))
    .map(([, id]) => id);
  if (asked.length) notify(["The link asked for “" + asked.join("”, “") + "”, which this copy of the handbook does not have."]);
  if ((move || query.get("from")) && prefill({ quiet: true })) save();
  draw();
})();
