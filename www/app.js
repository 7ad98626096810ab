// The demo console: a "Create image" form per provider, generated from the BUILT package's
// describe(), checked with checkField() on every keystroke and validate() on submit.
import { h, setChildren, segments, esc } from "./dom.js";
import { strings } from "./i18n.js";
import { fieldBlock, extraBlock, getAt, put } from "./form.js";
import { EXAMPLES, PLACEHOLDERS, blank, contextFields, contextValue } from "./examples.js";

// Timings the browser tests read (and print): package module fetched, init done, keystrokes.
const perf = { timings: { appStart: performance.now() }, keystrokes: [] };
window.__createimage = perf;

const $ = (id) => document.getElementById(id);
const PROVIDERS = ["zenlayer", "tencent", "openstack", "nova", "huawei"];
// Rules between fields: shown on every field they name.
const CROSS = new Set(["conflict", "requires", "missing_one_of"]);

const hash = new URLSearchParams(location.hash.slice(1));
const state = {
  lang: hash.get("lang") === "zh" ? "zh" : "en",
  provider: PROVIDERS.includes(hash.get("p")) ? hash.get("p") : "zenlayer",
  mode: "form",
  contextOpen: false,
};
const per = {};
const descs = {};
const ctxFields = {};
let t = strings(state.lang);
let reg = new Map();
let mapChecks = new Map();
let painted = new Set();
let pkg;

const rootEntry = { el: null, msg: null, top: null, root: true };

// ---- loading the package -----------------------------------------------------------------

function fail(e) {
  document.body.dataset.state = "failed";
  const box = $("load-error");
  box.hidden = false;
  box.textContent = t.loadFailed(e && e.message ? e.message : String(e));
}

try {
  $("status").textContent = t.loading;
  pkg = await import("../pkg/index.js");
  perf.timings.moduleFetched = performance.now();
  await pkg.init();
  perf.timings.initDone = performance.now();
  for (const p of PROVIDERS) {
    descs[p] = pkg.describe(p);
    if (!descs[p] || !Array.isArray(descs[p].fields)) throw new Error(`describe("${p}") gave no fields`);
    ctxFields[p] = contextFields(p, descs[p]);
  }
} catch (e) {
  fail(e);
  throw e;
}

// ---- state -------------------------------------------------------------------------------

function cur() {
  const p = state.provider;
  if (!per[p]) {
    per[p] = {
      req: blank(p),
      touched: new Set(),
      submitted: false,
      fieldChecks: new Map(),
      mapRows: new Map(),
      ctxRaw: {},
      pasteText: "",
      pasteStatus: null,
      fresh: new Set(),
    };
  }
  return per[p];
}

function tops() {
  return descs[state.provider].fields.map((f) => f.path);
}

function topKeys() {
  return [...new Set(tops().map((p) => segments(p)[0]))];
}

function extraKeys(req) {
  const known = new Set(topKeys());
  return Object.keys(req).filter((k) => !known.has(k));
}

/** The request as sent: keys in the provider's field order, then anything else. */
function request() {
  const req = cur().req;
  const out = {};
  for (const k of topKeys()) if (Object.prototype.hasOwnProperty.call(req, k)) put(out, k, req[k]);
  for (const k of Object.keys(req)) if (!Object.prototype.hasOwnProperty.call(out, k)) put(out, k, req[k]);
  return out;
}

function context() {
  return contextValue(ctxFields[state.provider], cur().ctxRaw);
}

function options(withContext = true) {
  return withContext ? { lang: state.lang, context: context() } : { lang: state.lang };
}

// The extra keys of the request as a Set, made once per distribute() (topOf runs for every
// issue: listing the keys each time made 10,000 issues over 100,000 keys a quadratic keystroke).
let extraSet = null;

/** The top-level field (or extra key) an issue path belongs to; null for the whole request. */
function topOf(path) {
  let best = null;
  for (const p of tops()) if ((path === p || path.startsWith(p + "/")) && (!best || p.length > best.length)) best = p;
  if (best) return best;
  const first = segments(path)[0];
  const extras = extraSet ?? new Set(extraKeys(cur().req));
  if (first !== undefined && extras.has(first)) return "/" + esc(first);
  return null;
}

function labelOf(top) {
  if (top === null) return t.wholeRequest;
  const d = descs[state.provider].fields.find((f) => f.path === top);
  return d ? d.label[state.lang] || d.name : segments(top).join(".");
}

// ---- checking ----------------------------------------------------------------------------

/** checkField() for one top-level field, as the user types in it. */
function checkOne(top) {
  const p = cur();
  const v = getAt(request(), segments(top));
  p.fieldChecks.set(top, v === undefined ? [] : pkg.checkField(state.provider, top, v, options(false)).issues);
}

/** Find the registered control for a pointer, walking up to the nearest one. */
function entryFor(path, part) {
  const segs = segments(path);
  for (;;) {
    const e = reg.get(segs.length ? "/" + segs.map(esc).join("/") : "");
    if (e) return part === "value" && e.value ? e.value : e;
    if (!segs.length) return rootEntry;
    segs.pop();
  }
}

/**
 * Validate the whole request (with the context) and put every shown issue by its field(s):
 * fields the user has touched, cross-field rules, and everything once the request was submitted.
 */
function distribute() {
  extraSet = new Set(extraKeys(cur().req));
  try {
    return distributeIssues();
  } finally {
    extraSet = null;
  }
}

function distributeIssues() {
  const p = cur();
  const report = pkg.validate(state.provider, request(), options());
  const ctxOn = Object.keys(context()).length > 0;
  const shown = [];
  const seen = new Set();
  const quiet = (path) => [...p.fresh].some((f) => path === f.ptr || (!f.ptr.endsWith("/") && path.startsWith(f.ptr + "/")));
  const add = (i) => {
    if (p.fresh.size && quiet(i.path)) return;
    const key = `${i.path}\u0000${i.code}\u0000${(i.params && i.params.part) || ""}`;
    if (seen.has(key)) return;
    seen.add(key);
    shown.push(i);
  };
  for (const i of report.issues) {
    const top = topOf(i.path);
    if (CROSS.has(i.code)) {
      if (i.code === "missing_one_of" && !p.submitted) continue;
      if (i.code === "requires" && !p.submitted && !p.touched.has(top)) continue;
    } else if (top !== null) {
      if (!p.submitted && !p.touched.has(top)) continue;
    } else if (!p.submitted && !ctxOn) continue;
    add(i);
  }
  for (const [top, issues] of p.fieldChecks) if (p.submitted || p.touched.has(top)) issues.forEach(add);

  // Issue -> the controls that show it (a Set per control: one control may get 10,000 issues).
  const at = new Map();
  const put = (entry, i) => {
    if (!at.has(entry)) at.set(entry, new Set());
    at.get(entry).add(i);
  };
  const items = [];
  for (const i of shown) {
    const params = i.params || {};
    let targets;
    // An issue about several fields is shown under each (`paths`, in the field table's order).
    if (Array.isArray(i.paths) && i.paths.length) targets = i.paths.map((f) => entryFor(f));
    else if (i.code === "missing_one_of" && Array.isArray(params.fields)) targets = params.fields.map((f) => entryFor(f));
    else {
      targets = [entryFor(i.path, params.part)];
      if (i.code === "conflict" && typeof params.with === "string") targets.push(entryFor(params.with));
      if (i.code === "requires" && typeof params.field === "string") targets.push(entryFor(params.field));
    }
    targets.forEach((e) => put(e, i));
    items.push({ issue: i, entry: targets[0], top: i.code === "missing_one_of" ? null : topOf(i.path) });
  }
  // Metadata rows with a repeated key: the console's own note (an object keeps one of them).
  const byMsg = new Map([...at.keys()].map((x) => [x.msg, x]));
  for (const check of mapChecks.values()) {
    for (const r of check()) {
      if (!r.dup) continue;
      const i = { path: "", code: "duplicate_row", severity: "warning", params: {}, message: t.dupKey(r.dup) };
      const e = { el: r.el, msg: r.msg, top: null };
      const existing = byMsg.get(r.msg);
      put(existing || e, i);
      items.push({ issue: i, entry: existing || e, top: null });
    }
  }
  for (const e of painted) if (!at.has(e)) paint(e, []);
  painted = new Set(at.keys());
  for (const [e, l] of at) paint(e, [...l]);
  summary(items, p);
  return report;
}

/**
 * The words of an issue where it is shown: under its own input (or under each input of a
 * cross-field issue) the short message, since the label is right above; at the request's level,
 * or under another control than its own, the whole sentence, which names the field.
 */
function textOf(i, entry) {
  if (entry.root || typeof i.shortMessage !== "string") return i.message;
  const ptr = entry.el && entry.el.dataset ? entry.el.dataset.ptr : undefined;
  const own = ptr !== undefined && (ptr === i.path || (Array.isArray(i.paths) && i.paths.includes(ptr)));
  return own ? i.shortMessage : i.message;
}

function issueEl(i, entry) {
  const sev = i.severity === "error" ? "error" : "warning";
  const parts = [h("span", { class: "icon", "aria-hidden": "true" }, sev === "error" ? "!" : "i"), h("span", { class: "text" }, textOf(i, entry))];
  if (i.providerCode) parts.push(" ", h("code", { class: "pcode", title: "providerCode" }, i.providerCode));
  if (typeof i.suggestion === "string" && entry.el && entry.el.dataset && entry.el.dataset.ptr === i.path && "value" in entry.el && entry.el.tagName !== "SELECT") {
    parts.push(
      h(
        "span",
        { class: "suggestion" },
        // The label in its own box: a bare text node in this flex row shrank to one character per line.
        h("span", { class: "suggestion-label" }, t.suggestion),
        h("q", { title: i.suggestion }, i.suggestion),
        " ",
        h(
          "button",
          {
            type: "button",
            class: "btn link",
            onclick: () => {
              entry.el.value = i.suggestion;
              entry.el.dispatchEvent(new Event("input", { bubbles: true }));
              entry.el.focus();
            },
          },
          t.apply,
        ),
      ),
    );
  }
  return h("div", { class: `issue ${sev}`, "data-code": i.code }, parts);
}

function paint(entry, issues) {
  if (!entry.msg) return;
  const sig = issues.map((i) => `${i.severity}|${i.code}|${textOf(i, entry)}|${i.providerCode || ""}|${i.suggestion ?? ""}`).join("\n");
  if (entry.sig === sig) return;
  entry.sig = sig;
  setChildren(entry.msg, issues.map((i) => issueEl(i, entry)));
  entry.msg.hidden = issues.length === 0;
  if (entry.root) {
    $("root-alert").hidden = issues.length === 0;
    return;
  }
  if (entry.el) {
    if (issues.some((i) => i.severity === "error")) entry.el.setAttribute("aria-invalid", "true");
    else entry.el.removeAttribute("aria-invalid");
  }
}

function focusEntry(entry) {
  if (state.mode !== "form") setMode("form");
  const el = entry.root ? $("root-alert") : entry.el;
  if (!el) return;
  const target = entry.el && entry.el.getAttribute && entry.el.getAttribute("role") === "group" ? entry.el.querySelector("input,select,textarea") || entry.el : el;
  target.scrollIntoView({ block: "center" });
  target.focus({ preventScroll: true });
}

function summary(items, p) {
  const box = $("summary-body");
  const errors = items.filter((x) => x.issue.severity === "error").length;
  const warnings = items.length - errors;
  const sig = `${state.lang}|${p.submitted}|${p.touched.size}|` + items.map((x) => `${x.issue.path}|${x.issue.code}|${x.issue.message}`).join("\n");
  if (box.dataset.sig === sig) return;
  box.dataset.sig = sig;
  const card = $("summary-card");
  card.dataset.status = errors ? "error" : warnings ? "warning" : p.submitted ? "ok" : "idle";
  $("summary-count").textContent = items.length ? t.count(errors, warnings) : "";
  if (!items.length) {
    setChildren(box, h("p", { class: p.submitted ? "ok-text" : "muted" }, p.submitted ? t.summaryOk : p.touched.size ? t.summaryOkTouched : t.summaryIdle));
    return;
  }
  setChildren(
    box,
    h(
      "ul",
      { class: "summary-list" },
      items.map((x) =>
        h(
          "li",
          { class: x.issue.severity === "error" ? "error" : "warning" },
          h(
            "button",
            { type: "button", class: "link", "data-path": x.issue.path, "data-code": x.issue.code, onclick: () => focusEntry(x.entry) },
            // The package's messages name their field; the console's own notes get its label.
            x.issue.code === "duplicate_row" ? [h("span", { class: "summary-field" }, labelOf(x.top)), " "] : [],
            h("span", { class: "summary-msg" }, x.issue.message),
          ),
        ),
      ),
    ),
  );
}

// ---- panes: normalized request, changes, HTTP request ------------------------------------

let paneTimer = 0;
function schedulePanes() {
  clearTimeout(paneTimer);
  document.body.dataset.panesPending = "true"; // for tests: the panes are about to follow the form
  paneTimer = setTimeout(renderPanes, 60);
}

function httpText(http) {
  const lines = [`${http.method} ${http.host ? "https://" + http.host : ""}${http.path}`];
  for (const [k, v] of Object.entries(http.headers || {})) lines.push(`${k}: ${v}`);
  return lines.join("\n") + "\n\n" + paneJson(http.body);
}

// JSON text of what the panes show, for any value (a BigInt is its digits): never throws.
function paneJson(v, indent = 2) {
  try {
    return JSON.stringify(v, (_, x) => (typeof x === "bigint" ? String(x) : x), indent) ?? "";
  } catch (e) {
    return String(e && e.message);
  }
}

function renderPanes() {
  clearTimeout(paneTimer);
  try {
    fillPanes();
  } finally {
    // Even if a pane could not be filled, the others are current and the page is not left waiting.
    delete document.body.dataset.panesPending;
  }
}

function fillPanes() {
  const req = request();
  const n = pkg.normalize(state.provider, req, options());
  $("normalized-pre").textContent = paneJson(n.normalized);
  const errs = (n.issues || []).filter((i) => i.severity === "error").length;
  $("normalized-state").textContent = errs ? t.errors(errs) : t.valid;
  $("normalized-state").dataset.status = errs ? "error" : "ok";
  const changes = n.changes || [];
  const list = $("changes-list");
  if (!changes.length) setChildren(list, h("li", { class: "muted" }, t.noChanges));
  else
    setChildren(
      list,
      changes.map((c) =>
        h(
          "li",
          { "data-code": c.code },
          h("code", { class: "path" }, c.path || "/"),
          " ",
          h("span", { class: "badge" }, c.code),
          h("div", { class: "fromto" }, h("code", null, paneJson(c.from, 0)), h("span", { "aria-hidden": "true" }, " → "), h("code", null, paneJson(c.to, 0))),
        ),
      ),
    );
  $("changes-pre").textContent = paneJson(changes);
  const r = pkg.toHttp(state.provider, req, options());
  const pre = $("http-pre");
  if (r.ok && r.http) {
    pre.textContent = httpText(r.http);
    pre.classList.remove("blocked");
    $("http-note").textContent = state.provider === "openstack" || state.provider === "nova" ? "" : t.unsigned;
  } else {
    const e = (r.issues || []).filter((i) => i.severity === "error");
    pre.textContent = t.httpBlocked(e.length) + "\n" + e.map((i) => `• ${i.message}`).join("\n");
    pre.classList.add("blocked");
    $("http-note").textContent = "";
  }
}

async function copy(text, button) {
  let ok = false;
  try {
    await navigator.clipboard.writeText(text);
    ok = true;
  } catch {
    // Fallback: select the pane's text and copy it.
    const pre = button.closest(".pane").querySelector("pre");
    if (pre) {
      const range = document.createRange();
      range.selectNodeContents(pre);
      const sel = getSelection();
      sel.removeAllRanges();
      sel.addRange(range);
      ok = document.execCommand("copy");
      sel.removeAllRanges();
    }
  }
  button.textContent = ok ? t.copied : t.copyFailed;
  setTimeout(() => (button.textContent = t.copy), 1500);
}

// ---- events ------------------------------------------------------------------------------

let lastKeydown = null;
document.addEventListener("keydown", (e) => (lastKeydown = e.timeStamp), true);

/** A keystroke (or select change) in the field `top`: checkField, then the cross-field rules. */
function onInput(top, ev) {
  const t0 = performance.now();
  const p = cur();
  p.touched.add(top);
  for (const f of [...p.fresh]) if (f.top === top) p.fresh.delete(f);
  checkOne(top);
  distribute();
  const t1 = performance.now();
  perf.keystrokes.push({
    handler: t1 - t0,
    fromEvent: ev && ev.timeStamp ? t1 - ev.timeStamp : null,
    fromKeydown: lastKeydown !== null ? t1 - lastKeydown : null,
  });
  if (perf.keystrokes.length > 2000) perf.keystrokes.shift();
  lastKeydown = null;
  schedulePanes();
}

/** Rows added or removed (or an extra field dropped): re-render the form. `fresh`: the new row. */
function onStructure(top, focus, fresh) {
  const p = cur();
  // A row just added stays quiet until it is typed in (or the request is submitted).
  for (const f of [...p.fresh]) if (f.top === top) p.fresh.delete(f);
  if (fresh && top) p.fresh.add({ top, ptr: fresh });
  if (top) {
    p.touched.add(top);
    checkOne(top);
  }
  renderForm();
  distribute();
  schedulePanes();
  let el = null;
  if (focus === "last" && top) {
    const inputs = document.querySelectorAll(`[data-field="${CSS.escape(top)}"] input`);
    el = inputs[inputs.length - 2] || inputs[inputs.length - 1];
  } else if (typeof focus === "string") {
    // The row's first control: its pointer is the row's or below it.
    el = [...document.querySelectorAll("#fields [data-ptr]")].find(
      (x) => !x.classList.contains("group") && (x.dataset.ptr === focus || x.dataset.ptr.startsWith(focus + "/")),
    );
  }
  if (!el && top) el = document.querySelector(`[data-field="${CSS.escape(top)}"] .group`);
  if (el) el.focus();
}

function submit(e) {
  e.preventDefault();
  const p = cur();
  p.submitted = true;
  p.fresh.clear();
  for (const top of tops()) if (getAt(request(), segments(top)) !== undefined) {
    p.touched.add(top);
    checkOne(top);
  }
  const report = distribute();
  renderPanes();
  if (!report.ok) $("summary-title").focus();
}

function recheckAll() {
  const p = cur();
  for (const top of [...p.touched]) if (tops().includes(top)) checkOne(top);
  distribute();
  schedulePanes();
}

function replaceRequest(req, { submitted }) {
  const p = cur();
  p.req = req;
  p.fresh.clear();
  p.mapRows.clear();
  p.fieldChecks.clear();
  p.touched.clear();
  p.submitted = submitted;
  for (const top of tops()) if (getAt(req, segments(top)) !== undefined) p.touched.add(top);
  renderForm();
  recheckAll();
}

// ---- rendering -----------------------------------------------------------------------------

function renderForm() {
  const p = cur();
  reg = new Map();
  mapChecks = new Map();
  painted = new Set();
  rootEntry.sig = undefined;
  rootEntry.el = $("root-alert");
  rootEntry.msg = $("root-list");
  reg.set("", rootEntry);
  const env = {
    provider: state.provider,
    lang: state.lang,
    t,
    req: p.req,
    reg,
    mapRows: p.mapRows,
    mapChecks,
    placeholders: PLACEHOLDERS[state.provider] || {},
    onInput,
    onStructure,
  };
  const blocks = descs[state.provider].fields.map((d) => fieldBlock(env, d));
  const extras = extraKeys(p.req);
  if (extras.length) blocks.push(extraBlock(env, extras));
  setChildren($("fields"), blocks);
  setChildren($("root-list"));
  $("root-alert").hidden = true;
}

function seg(container, items, selected, onpick, label) {
  container.setAttribute("role", "group");
  container.setAttribute("aria-label", label);
  setChildren(
    container,
    items.map((it) =>
      h(
        "button",
        {
          type: "button",
          class: "seg-btn" + (it.id === selected ? " on" : ""),
          "aria-pressed": it.id === selected ? "true" : "false",
          "data-id": it.id,
          lang: it.lang || null,
          onclick: () => onpick(it.id),
        },
        it.text,
        it.note ? h("small", null, it.note) : null,
      ),
    ),
  );
}

function renderChrome() {
  document.documentElement.lang = state.lang === "zh" ? "zh-CN" : "en";
  document.title = `${t.title} · ${descs[state.provider].name[state.lang]} · createimage`;
  $("title").textContent = t.title;
  $("tagline").textContent = t.tagline;
  seg($("lang"), [{ id: "en", text: "English", lang: "en" }, { id: "zh", text: "中文", lang: "zh" }], state.lang, setLang, t.language);
  seg(
    $("providers"),
    PROVIDERS.map((id) => ({
      id,
      text: descs[id].name[state.lang],
      note: id === "openstack" ? t.openstackNote : id === "nova" ? t.novaNote : null,
    })),
    state.provider,
    setProvider,
    t.cloud,
  );
  seg($("modes"), [{ id: "form", text: t.modeForm }, { id: "paste", text: t.modePaste }], state.mode, setMode, t.modes);
  $("form-title").textContent = `${t.title} — ${descs[state.provider].name[state.lang]}`;
  $("submit").textContent = t.submit;
  $("example").textContent = t.example;
  $("clear").textContent = t.clear;
  $("summary-title").textContent = t.summary;
  $("root-title").textContent = t.wholeRequest;
  $("normalized-title").textContent = t.normalized;
  $("changes-title").textContent = t.changes;
  $("http-title").textContent = t.http;
  $("use-normalized").textContent = t.useInForm;
  for (const b of document.querySelectorAll(".copy")) b.textContent = t.copy;
  $("paste-label").textContent = t.pasteLabel;
  $("paste-hint").textContent = t.pasteHint;
  $("paste-go").textContent = t.pasteButton;
  $("footer-note").textContent = t.footer;
  // From the start of navigation (performance.now()'s origin), and the package's own share: from
  // this module's start, through the package's import, to init() done.
  $("status").textContent = t.ready(Math.round(perf.timings.initDone), Math.round(perf.timings.initDone - perf.timings.appStart));
  renderContext();
  renderPaste();
}

function renderContext() {
  const p = cur();
  const fields = ctxFields[state.provider];
  const set = Object.keys(context()).length;
  $("context-title").textContent = t.context;
  $("context-count").textContent = set ? `${set}` : "";
  $("context-intro").textContent = t.contextIntro;
  $("context-clear").textContent = t.contextClear;
  const rows = fields.map((f) => {
    const id = `ctx-${f.name}`;
    const raw = p.ctxRaw[f.name] ?? "";
    const onchange = (e) => {
      p.ctxRaw[f.name] = e.target.value;
      $("context-count").textContent = Object.keys(context()).length || "";
      distribute();
      schedulePanes();
    };
    let control;
    if (f.kind === "boolean") {
      control = h(
        "select",
        { id, class: "input select", "data-ctx": f.name, onchange },
        h("option", { value: "" }, t.notSet),
        h("option", { value: "true" }, "true"),
        h("option", { value: "false" }, "false"),
      );
      control.value = raw;
    } else {
      const listId = f.options ? `${id}-list` : null;
      control = h("input", {
        id,
        class: "input",
        type: "text",
        autocomplete: "off",
        spellcheck: false,
        "data-ctx": f.name,
        inputMode: f.kind === "integer" ? "numeric" : null,
        placeholder: f.kind === "list" ? t.commaList : f.kind === "usage" ? t.pairList : f.options ? f.options[0] : "",
        oninput: onchange,
      });
      if (listId) control.setAttribute("list", listId);
      control.value = raw;
      if (f.options) control = [control, h("datalist", { id: listId }, f.options.map((o) => h("option", { value: o })))];
    }
    return h("div", { class: "ctx-row" }, h("label", { for: id }, f.label[state.lang] || f.label.en || f.name, " ", h("code", { class: "api" }, f.name)), control);
  });
  setChildren($("context-fields"), rows);
  $("context").open = state.contextOpen;
}

function renderPaste() {
  const p = cur();
  const ta = $("paste");
  if (!p.pasteText) p.pasteText = JSON.stringify(request(), null, 2);
  ta.value = p.pasteText;
  const st = $("paste-status");
  if (!p.pasteStatus) {
    st.hidden = true;
    ta.removeAttribute("aria-invalid");
  } else {
    st.hidden = false;
    st.dataset.status = p.pasteStatus.kind;
    setChildren(st, p.pasteStatus.lines.map((l) => h("p", null, l)));
    if (p.pasteStatus.kind === "error") ta.setAttribute("aria-invalid", "true");
    else ta.removeAttribute("aria-invalid");
  }
}

function renderAll() {
  t = strings(state.lang);
  renderChrome();
  renderForm();
  setMode(state.mode, true);
  recheckAll();
  renderPanes();
  history.replaceState(null, "", `#p=${state.provider}${state.lang === "zh" ? "&lang=zh" : ""}`);
}

function setLang(lang) {
  if (lang === state.lang) return;
  state.lang = lang;
  // Paste results keep the words they were written in; clear them.
  for (const p of Object.values(per)) p.pasteStatus = null;
  renderAll();
}

function setProvider(id) {
  if (id === state.provider) return;
  state.provider = id;
  renderAll();
}

function setMode(mode, quiet) {
  state.mode = mode;
  const paste = mode === "paste";
  if (paste && !quiet) {
    const p = cur();
    const now = JSON.stringify(request(), null, 2);
    // Start from the form's request unless the user's own text is there.
    if (!p.pasteText || p.pasteText === p.pasteFromForm || p.pasteStatus?.kind === "ok") {
      p.pasteText = now;
      p.pasteFromForm = now;
      p.pasteStatus = null;
    }
    renderPaste();
  }
  $("form").hidden = paste;
  $("paste-panel").hidden = !paste;
  for (const b of $("modes").children) {
    const on = b.dataset.id === mode;
    b.classList.toggle("on", on);
    b.setAttribute("aria-pressed", on ? "true" : "false");
  }
}

/**
 * A report's verdict as text two reports can be compared by: each issue's path, code, severity and
 * provider code. (Not its words: `1e400` is "not a number" in the text and "not Infinity" as
 * JSON.parse reads it, the same finding.)
 */
function verdict(report) {
  return report.issues.map((i) => [i.path, i.code, i.severity, i.providerCode ?? ""].join("\u0000")).sort().join("\n");
}

/**
 * Number literals of valid JSON `text` that JSON.parse does not give back as written
 * (`12345678901234567890123 → 1.2345678901234568e+22`, `40.0 → 40`), at most `max`. Strings are
 * matched first, so the digits inside them are skipped.
 */
function changedNumbers(text, max = 3) {
  const out = [];
  for (const m of text.matchAll(/"(?:[^"\\]|\\.)*"|-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?/g)) {
    const lit = m[0];
    if (lit[0] === '"') continue;
    const read = JSON.parse(lit);
    const back = Number.isFinite(read) ? JSON.stringify(read) : String(read);
    if (back !== lit && out.push(`${lit} → ${back}`) >= max) break;
  }
  return out;
}

/**
 * Why the text is not JSON, in the page's language: validateText's own finding (the reason and
 * its line and column, the same for every browser), else the browser's message.
 */
function jsonError(report, e) {
  const i = report.issues.find((x) => x.path === "" && x.code === "wrong_type" && x.params && x.params.expected === "JSON");
  const m = i && typeof i.params.actual === "string" ? /^(.*) at line (\d+), column (\d+)$/.exec(i.params.actual) : null;
  if (m) return t.pasteBadAt(m[1], Number(m[2]), Number(m[3]));
  return t.pasteBad(e && e.message ? e.message : String(e));
}

function pasteCheck() {
  const p = cur();
  const text = $("paste").value;
  p.pasteText = text;
  // The verdict is always the one of the text as written: validateText reads number literals
  // (40.0, a 23-digit name) before JSON.parse rounds them.
  const report = pkg.validateText(state.provider, text, options());
  const errors = report.issues.filter((i) => i.severity === "error").length;
  const warnings = report.issues.length - errors;
  let value;
  try {
    value = JSON.parse(text);
  } catch (e) {
    p.pasteStatus = { kind: "error", lines: [jsonError(report, e)] };
    renderPaste();
    $("paste").focus();
    return;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    p.pasteStatus = { kind: "error", lines: [t.pasteNotObject, ...report.issues.map((i) => i.message)] };
    renderPaste();
    return;
  }
  // The form holds what JSON.parse made of the text. Where the package judges that differently
  // from the text (a number JavaScript cannot hold exactly), filling the form would show another
  // verdict than the text's: stay here, with the text's verdict and the reason.
  if (verdict(pkg.validate(state.provider, value, options())) !== verdict(report)) {
    p.pasteStatus = {
      kind: errors ? "error" : "warning",
      lines: [t.pasteKept(changedNumbers(text)), t.pasteChecked(errors, warnings), ...report.issues.map((i) => i.message)],
    };
    renderPaste();
    $("paste").focus();
    return;
  }
  p.pasteStatus = { kind: errors ? "warning" : "ok", lines: [t.pasteDone(errors, warnings)] };
  replaceRequest(value, { submitted: true });
  renderPanes();
  setMode("form", true);
  $("summary-title").focus();
}

$("form").addEventListener("submit", submit);
$("example").addEventListener("click", () => {
  replaceRequest(structuredClone(EXAMPLES[state.provider]), { submitted: false });
  renderPanes();
});
$("clear").addEventListener("click", () => {
  replaceRequest(blank(state.provider), { submitted: false });
  renderPanes();
});
$("paste-go").addEventListener("click", pasteCheck);
$("paste").addEventListener("input", () => (cur().pasteText = $("paste").value));
$("context").addEventListener("toggle", () => (state.contextOpen = $("context").open));
$("context-clear").addEventListener("click", () => {
  cur().ctxRaw = {};
  renderContext();
  distribute();
  schedulePanes();
});
$("use-normalized").addEventListener("click", () => {
  const n = pkg.normalize(state.provider, request(), options());
  if (n.normalized && typeof n.normalized === "object" && !Array.isArray(n.normalized)) {
    replaceRequest(structuredClone(n.normalized), { submitted: cur().submitted });
    renderPanes();
  }
});
for (const b of document.querySelectorAll(".copy")) {
  b.addEventListener("click", () => copy($(b.dataset.for).textContent, b));
}
window.addEventListener("hashchange", () => {
  const q = new URLSearchParams(location.hash.slice(1));
  const p = q.get("p");
  const l = q.get("lang") === "zh" ? "zh" : "en";
  if ((PROVIDERS.includes(p) && p !== state.provider) || l !== state.lang) {
    if (PROVIDERS.includes(p)) state.provider = p;
    state.lang = l;
    renderAll();
  }
});

renderAll();
perf.timings.firstRender = performance.now();
document.body.dataset.state = "ready";
