// The form, generated from describe(): one block per top-level field descriptor. Controls write
// straight into the request object (the state); nothing here validates. Every control that can
// carry a message is registered by its JSON pointer, so the report's issue paths find it.
import { h, uid, pointer, esc } from "./dom.js";
import { hintOf, measure } from "./i18n.js";

// ---- the request object ------------------------------------------------------------------

export function getAt(obj, segs) {
  let cur = obj;
  for (const s of segs) {
    if (cur === null || typeof cur !== "object" || !Object.prototype.hasOwnProperty.call(cur, s)) return undefined;
    cur = cur[s];
  }
  return cur;
}

/** obj[k] = v as an own data property, even for "__proto__" (a key a request may well hold). */
export function put(obj, k, v) {
  Object.defineProperty(obj, k, { value: v, enumerable: true, writable: true, configurable: true });
}

/** Set (or, for undefined, delete) the value at segs, creating objects on the way. */
export function setAt(obj, segs, value) {
  let cur = obj;
  for (let i = 0; i < segs.length - 1; i++) {
    const s = segs[i];
    const next = Object.prototype.hasOwnProperty.call(cur, s) ? cur[s] : undefined;
    if (next === null || typeof next !== "object") {
      if (value === undefined) return;
      put(cur, s, {});
    }
    cur = cur[s];
  }
  const last = segs[segs.length - 1];
  if (value === undefined) {
    if (Array.isArray(cur)) cur[last] = undefined;
    else delete cur[last];
  } else put(cur, last, value);
}

/** What a text control shows for a value of any JSON type. */
function shown(v) {
  if (v === undefined) return "";
  if (typeof v === "string") return v;
  try {
    return JSON.stringify(v);
  } catch {
    return String(v);
  }
}

const isPlainObject = (v) => v !== null && typeof v === "object" && !Array.isArray(v);

/** Huawei's `tags` hold "key.value" strings (describe(): shape 'array of "key.value" strings'). */
export function isStringItemList(d) {
  return d.type === "list" && typeof d.shape === "string" && /strings?"?$/.test(d.shape) && !d.shape.includes("{");
}

function splitTag(item) {
  if (typeof item !== "string") return { key: shown(item), value: "" };
  const i = item.indexOf(".");
  return i < 0 ? { key: item, value: "" } : { key: item.slice(0, i), value: item.slice(i + 1) };
}

const joinTag = (key, value) => (value === "" ? key : `${key}.${value}`);

// ---- registry: pointer -> { el (focus target), msg (message element), top, value? } ---------

function register(env, ptr, entry) {
  entry.top = env.top;
  if (!env.reg.has(ptr)) env.reg.set(ptr, entry);
}

function msgEl() {
  return h("div", { class: "msg", id: uid("m"), hidden: true });
}

function describedBy(el, ...ids) {
  el.setAttribute("aria-describedby", ids.filter(Boolean).join(" "));
}

// ---- scalar controls ---------------------------------------------------------------------

function counterFor(env, d, input) {
  if (!d.length || d.length.max === undefined) return null;
  const unit = d.length.unit;
  const c = h("span", { class: "counter", id: uid("c"), title: env.t.counterTitle[unit] || unit });
  input._counter = { el: c, max: d.length.max, unit, suffix: env.t.unitShort[unit] || "" };
  updateCounter(input);
  return c;
}

export function updateCounter(input) {
  const c = input._counter;
  if (!c) return;
  const n = measure(input.value, c.unit);
  c.el.textContent = `${n} / ${c.max}${c.suffix}`;
  c.el.classList.toggle("over", n > c.max);
}

/** A text, number, select or boolean control for a scalar descriptor at segs. */
function scalar(env, d, segs, { label, nested = false, hintId = null } = {}) {
  const ptr = pointer(segs);
  const id = uid("f");
  const cur = getAt(env.req, segs);
  const ph = env.placeholders[d.path] ?? (nested ? (d.label[env.lang] || d.name) : "");
  let el;
  const common = {
    id,
    "data-ptr": ptr,
    "aria-required": d.required ? "true" : null,
    "aria-label": label || null,
  };
  const write = (v) => {
    setAt(env.req, segs, v);
  };
  if (d.type === "enum" || d.type === "boolean") {
    const options = d.type === "boolean" ? [true, false] : d.allowed || [];
    el = h("select", { class: "input select", ...common });
    const opts = [{ v: undefined, text: env.t.notSet }];
    for (const o of options) opts.push({ v: o, text: String(o) });
    if (cur !== undefined && !options.includes(cur)) opts.push({ v: cur, text: `${shown(cur)} ${env.t.notInList}` });
    opts.forEach((o, i) => {
      const opt = h("option", { value: String(i) }, o.text);
      if (o.v === cur) opt.selected = true;
      el.append(opt);
    });
    el.addEventListener("change", (ev) => {
      write(opts[Number(el.value)].v);
      env.onInput(env.top, ev);
    });
  } else {
    const multiline = d.role === "description" && !nested;
    el = h(multiline ? "textarea" : "input", {
      class: "input" + (multiline ? " textarea" : ""),
      type: multiline ? null : "text",
      rows: multiline ? 3 : null,
      autocomplete: "off",
      spellcheck: false,
      inputMode: d.type === "integer" ? "numeric" : null,
      placeholder: ph,
      ...common,
    });
    el.value = shown(cur);
    el.addEventListener("input", (ev) => {
      const s = el.value;
      let v;
      if (d.type === "integer") {
        const t = s.trim();
        // A number when it reads as one (the package judges integer and range); else the text as typed.
        v = t === "" ? undefined : /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(t) ? Number(t) : s;
      } else {
        v = s === "" && !d.required ? undefined : s;
      }
      write(v);
      updateCounter(el);
      env.onInput(env.top, ev);
    });
  }
  const counter = d.type === "string" ? counterFor(env, d, el) : null;
  const msg = msgEl();
  describedBy(el, hintId, counter && counter.id, msg.id);
  register(env, ptr, { el, msg });
  return { el, counter, msg };
}

// ---- lists -------------------------------------------------------------------------------

function removeButton(env, label, onclick) {
  return h("button", { type: "button", class: "btn icon-btn", "aria-label": `${env.t.remove}: ${label}`, title: env.t.remove, onclick }, "×");
}

function addButton(env, text, onclick) {
  return h("button", { type: "button", class: "btn btn-add", onclick }, "+ ", text);
}

/** A note for a value of another type where a list belongs (from pasted JSON). */
function notAList(env, v) {
  return h("p", { class: "note" }, env.t.notList, " ", h("code", null, shown(v)));
}

function stringList(env, d, segs, hintId) {
  const wrap = h("div", { class: "rows" });
  const arr = getAt(env.req, segs);
  const label = d.label[env.lang] || d.name;
  if (arr !== undefined && !Array.isArray(arr)) wrap.append(notAList(env, arr));
  const items = Array.isArray(arr) ? arr : [];
  const itemD = { ...d, type: "string", required: true, length: d.item && d.item.length, path: d.path };
  items.forEach((_, i) => {
    const s = scalar(env, itemD, [...segs, i], { label: `${label} ${i + 1}`, nested: true, hintId });
    const remove = removeButton(env, `${label} ${i + 1}`, () => {
      const a = getAt(env.req, segs);
      a.splice(i, 1);
      if (a.length === 0) setAt(env.req, segs, undefined);
      env.onStructure(env.top, `${pointer(segs)}/${Math.min(i, a.length - 1)}`);
    });
    wrap.append(h("div", { class: "row" }, h("span", { class: "with-counter" }, s.el, s.counter), remove), s.msg);
  });
  wrap.append(
    addButton(env, env.t.add, () => {
      const a = getAt(env.req, segs);
      if (Array.isArray(a)) a.push("");
      else setAt(env.req, segs, [""]);
      const p = `${pointer(segs)}/${getAt(env.req, segs).length - 1}`;
      env.onStructure(env.top, p, p);
    }),
  );
  return wrap;
}

/** A new item for a list of objects: required single-choice enums preset, required lists with one item. */
function newItem(d) {
  const o = {};
  for (const f of d.fields || []) {
    if (!f.required) continue;
    if (f.type === "enum" && f.allowed && f.allowed.length === 1) o[f.name] = f.allowed[0];
    else if (f.type === "list") o[f.name] = [newItem(f)];
    else if (f.type === "string") o[f.name] = "";
  }
  return o;
}

function objectList(env, d, segs, hintId, depth = 0) {
  const wrap = h("div", { class: "rows" + (depth ? " nested" : "") });
  const arr = getAt(env.req, segs);
  const label = d.label[env.lang] || d.name;
  if (arr !== undefined && !Array.isArray(arr)) wrap.append(notAList(env, arr));
  const items = Array.isArray(arr) ? arr : [];
  const scalars = (d.fields || []).filter((f) => f.type !== "list" && f.type !== "map");
  const lists = (d.fields || []).filter((f) => f.type === "list");
  items.forEach((item, i) => {
    const itemSegs = [...segs, i];
    const itemLabel = `${label} ${i + 1}`;
    const remove = removeButton(env, itemLabel, () => {
      const a = getAt(env.req, segs);
      a.splice(i, 1);
      if (a.length === 0 && depth === 0) setAt(env.req, segs, undefined);
      env.onStructure(env.top, `${pointer(segs)}/${Math.min(i, a.length - 1)}`);
    });
    const controls = [];
    const msgs = [];
    if (!isPlainObject(item)) msgs.push(h("p", { class: "note" }, h("code", null, shown(item))));
    for (const f of scalars) {
      const s = scalar(env, f, [...itemSegs, f.name], { label: `${f.label[env.lang] || f.name} ${i + 1}`, nested: true, hintId });
      controls.push(h("span", { class: "with-counter grow" }, s.el, s.counter));
      msgs.push(s.msg);
    }
    const itemMsg = msgEl();
    const first = controls.length ? controls[0].firstChild : remove;
    register(env, pointer(itemSegs), { el: first, msg: itemMsg });
    if (lists.length === 0) {
      wrap.append(h("div", { class: "item" }, h("div", { class: "row" }, controls, remove), msgs, itemMsg));
      return;
    }
    const card = h(
      "div",
      { class: "item-card" },
      h("div", { class: "item-head" }, h("span", { class: "item-title" }, itemLabel), remove),
      h("div", { class: "row" }, controls),
      msgs,
      itemMsg,
    );
    for (const f of lists) {
      const subSegs = [...itemSegs, f.name];
      const subLabel = h("div", { class: "sub-label", id: uid("l") }, f.label[env.lang] || f.name);
      const sub = objectList(env, f, subSegs, hintId, depth + 1);
      const subMsg = msgEl();
      register(env, pointer(subSegs), { el: sub.querySelector("input,select,button"), msg: subMsg });
      card.append(subLabel, sub, subMsg);
    }
    wrap.append(card);
  });
  wrap.append(
    addButton(env, depth === 0 && lists.length ? env.t.addSpec : env.t.addTag, () => {
      const a = getAt(env.req, segs);
      if (Array.isArray(a)) a.push(newItem(d));
      else setAt(env.req, segs, [newItem(d)]);
      const n = getAt(env.req, segs).length;
      env.onStructure(env.top, `${pointer(segs)}/${n - 1}`, `${pointer(segs)}/${n - 1}`);
    }),
  );
  return wrap;
}

/** A pair of inputs per item: Huawei's "key.value" strings and Nova's metadata map. */
function pairRow(env, { keyD, valueD, key, value, label, hintId, onKey, onValue, onRemove }) {
  const mk = (d, v, which) => {
    const el = h("input", {
      class: "input",
      type: "text",
      id: uid("f"),
      autocomplete: "off",
      spellcheck: false,
      placeholder: (d && d.label[env.lang]) || env.t[which],
      "aria-label": `${(d && d.label[env.lang]) || env.t[which]} (${label})`,
    });
    el.value = v;
    const counter = d ? counterFor(env, d, el) : null;
    const msg = msgEl();
    describedBy(el, hintId, counter && counter.id, msg.id);
    return { el, counter, msg };
  };
  const k = mk(keyD, key, "key");
  const v = mk(valueD, value, "value");
  k.el.addEventListener("input", (ev) => {
    updateCounter(k.el);
    onKey(k.el.value, ev);
  });
  v.el.addEventListener("input", (ev) => {
    updateCounter(v.el);
    onValue(v.el.value, ev);
  });
  const row = h(
    "div",
    { class: "row" },
    h("span", { class: "with-counter grow" }, k.el, k.counter),
    h("span", { class: "pair-sep", "aria-hidden": "true" }, ":"),
    h("span", { class: "with-counter grow" }, v.el, v.counter),
    removeButton(env, label, onRemove),
  );
  return { row, k, v };
}

function tagStringList(env, d, segs, hintId) {
  const wrap = h("div", { class: "rows" });
  const arr = getAt(env.req, segs);
  const label = d.label[env.lang] || d.name;
  if (arr !== undefined && !Array.isArray(arr)) wrap.append(notAList(env, arr));
  const items = Array.isArray(arr) ? arr : [];
  const [keyD, valueD] = d.fields || [];
  items.forEach((item, i) => {
    const parts = splitTag(item);
    const itemSegs = [...segs, i];
    const write = (ev) => {
      getAt(env.req, segs)[i] = joinTag(r.k.el.value, r.v.el.value);
      env.onInput(env.top, ev);
    };
    const r = pairRow(env, {
      keyD,
      valueD,
      key: parts.key,
      value: parts.value,
      label: `${label} ${i + 1}`,
      hintId,
      onKey: (_, ev) => write(ev),
      onValue: (_, ev) => write(ev),
      onRemove: () => {
        const a = getAt(env.req, segs);
        a.splice(i, 1);
        if (a.length === 0) setAt(env.req, segs, undefined);
        env.onStructure(env.top, `${pointer(segs)}/${Math.min(i, a.length - 1)}`);
      },
    });
    r.k.el.dataset.ptr = pointer(itemSegs);
    r.v.el.dataset.ptr = pointer(itemSegs);
    r.v.el.dataset.part = "value";
    // Issues at /tags/i carry params.part: "key" or "value".
    register(env, pointer(itemSegs), { el: r.k.el, msg: r.k.msg, value: { el: r.v.el, msg: r.v.msg } });
    wrap.append(r.row, r.k.msg, r.v.msg);
  });
  wrap.append(
    addButton(env, env.t.addTag, () => {
      const a = getAt(env.req, segs);
      if (Array.isArray(a)) a.push("");
      else setAt(env.req, segs, [""]);
      const p = `${pointer(segs)}/${getAt(env.req, segs).length - 1}`;
      env.onStructure(env.top, p, p);
    }),
  );
  return wrap;
}

/** Metadata: rows of key and value (a JSON object cannot hold a key twice: the page says so). */
function mapRows(env, d, segs, hintId) {
  const wrap = h("div", { class: "rows" });
  const obj = getAt(env.req, segs);
  const label = d.label[env.lang] || d.name;
  let rows = env.mapRows.get(d.path);
  if (!rows || rows.source !== obj) {
    rows = isPlainObject(obj) ? Object.entries(obj).map(([key, value]) => ({ key, value })) : [];
    env.mapRows.set(d.path, rows);
  }
  if (obj !== undefined && !isPlainObject(obj)) wrap.append(h("p", { class: "note" }, h("code", null, shown(obj))));
  const [keyD, valueD] = d.fields || [];
  const rebuild = () => {
    const o = {};
    for (const r of rows) put(o, r.key, r.value);
    setAt(env.req, segs, rows.length ? o : undefined);
    rows.source = getAt(env.req, segs);
  };
  rows.source = obj;
  const built = [];
  const reRegister = () => {
    // Keys change as they are typed: the pointers of the rows follow them.
    for (const [p, e] of [...env.reg]) if (e.mapOf === d.path) env.reg.delete(p);
    built.forEach((b, i) => {
      const p = `${pointer(segs)}/${esc(rows[i].key)}`;
      b.k.el.dataset.ptr = p;
      b.v.el.dataset.ptr = p;
      if (!env.reg.has(p)) env.reg.set(p, { el: b.k.el, msg: b.k.msg, value: { el: b.v.el, msg: b.v.msg }, top: d.path, mapOf: d.path });
    });
  };
  rows.forEach((r, i) => {
    const b = pairRow(env, {
      keyD,
      valueD,
      key: r.key,
      value: shown(r.value),
      label: `${label} ${i + 1}`,
      hintId,
      onKey: (s, ev) => {
        r.key = s;
        rebuild();
        reRegister();
        env.onInput(env.top, ev);
      },
      onValue: (s, ev) => {
        r.value = s;
        rebuild();
        env.onInput(env.top, ev);
      },
      onRemove: () => {
        rows.splice(i, 1);
        rebuild();
        env.onStructure(env.top, null);
      },
    });
    b.v.el.dataset.part = "value";
    built.push(b);
    wrap.append(b.row, b.k.msg, b.v.msg);
  });
  env.mapChecks.set(d.path, () => {
    // The first row of each key, found once (not a scan of all rows per row).
    const first = new Map();
    return rows.map((r, i) => {
      if (!first.has(r.key)) first.set(r.key, i);
      const j = first.get(r.key);
      return { msg: built[i].k.msg, el: built[i].k.el, dup: j < i ? j + 1 : 0 };
    });
  });
  reRegister();
  wrap.append(
    addButton(env, env.t.addEntry, () => {
      rows.push({ key: "", value: "" });
      rebuild();
      env.onStructure(env.top, "last", `${pointer(segs)}/`);
    }),
  );
  return wrap;
}

// ---- one block per top-level field ---------------------------------------------------------

/** Render the block of top-level descriptor d; env.top is its path. Returns the block element. */
export function fieldBlock(env, d) {
  env = { ...env, top: d.path }; // the callbacks of this block read env.top later
  const segs = d.path.split("/").slice(1);
  const labelText = d.label[env.lang] || d.name;
  const hint = hintOf(d, env.lang);
  const hintId = hint ? uid("h") : null;
  const labelId = uid("l");
  const hintEl = hint ? h("span", { class: "hint", id: hintId }, hint) : null;
  const nestedHints = [];
  if (d.type === "list" || d.type === "map") {
    const walk = (fields) => {
      for (const f of fields || []) {
        const s = hintOf(f, env.lang);
        if (s) nestedHints.push(h("span", { class: "hint" }, env.t.itemHint(f.label[env.lang] || f.name, s)));
        if (f.fields) walk(f.fields);
      }
    };
    walk(d.fields);
  }
  const nestedId = nestedHints.length ? uid("h") : null;
  const hintIds = [hintId, nestedId].filter(Boolean).join(" ") || null;
  let control;
  let counter = null;
  let topMsg;
  let focusEl;
  const isList = d.type === "list" || d.type === "map" || d.type === "string[]";
  if (!isList) {
    const s = scalar(env, d, segs, { hintId });
    control = s.el;
    counter = s.counter;
    topMsg = s.msg;
    focusEl = s.el;
  } else {
    control =
      d.type === "string[]"
        ? stringList(env, d, segs, hintIds)
        : d.type === "map"
          ? mapRows(env, d, segs, hintIds)
          : isStringItemList(d)
            ? tagStringList(env, d, segs, hintIds)
            : objectList(env, d, segs, hintIds);
    topMsg = msgEl();
    focusEl = h("div", { class: "group", role: "group", tabIndex: -1, "aria-labelledby": labelId, "data-ptr": d.path }, control);
    describedBy(focusEl, hintId, nestedId, topMsg.id);
    control = focusEl;
    register(env, d.path, { el: focusEl, msg: topMsg, group: true });
  }
  const req = d.required ? h("span", { class: "req", title: env.t.required, "aria-hidden": "true" }, "\u00a0*") : null;
  const labelEl = isList
    ? h("span", { class: "label-text", id: labelId }, labelText, req)
    : h("label", { class: "label-text", id: labelId, for: focusEl.id }, labelText, req);
  return h(
    "div",
    { class: "field", "data-field": d.path },
    h(
      "div",
      { class: "label" },
      labelEl,
      h("code", { class: "api" }, d.path.split("/").slice(d.path.startsWith("/body/") ? 3 : 1).join(".")),
    ),
    h(
      "div",
      { class: "control" },
      control,
      hintEl || counter || nestedHints.length
        ? h("div", { class: "meta" }, h("span", { class: "hints" }, hintEl, nestedHints.length ? h("span", { class: "hints", id: nestedId }, nestedHints) : null), counter)
        : null,
      topMsg,
    ),
  );
}

/** Keys of the request the form has no field for (shown read-only, sent as they are). */
export function extraBlock(env, keys) {
  const rows = keys.map((k) => {
    const msg = msgEl();
    const code = h("code", { class: "extra-value", tabIndex: -1, "data-ptr": "/" + esc(k), "aria-describedby": msg.id }, `${k}: ${shown(env.req[k])}`);
    register({ ...env, top: "/" + esc(k) }, "/" + esc(k), { el: code, msg });
    return [
      h(
        "div",
        { class: "row" },
        code,
        removeButton(env, k, () => {
          delete env.req[k];
          env.onStructure(null, null);
        }),
      ),
      msg,
    ];
  });
  return h(
    "div",
    { class: "field extra" },
    h("div", { class: "label" }, h("span", { class: "label-text" }, env.t.otherFields)),
    h("div", { class: "control" }, h("div", { class: "rows" }, rows), h("div", { class: "meta" }, h("span", { class: "hint" }, env.t.otherFieldsHint))),
  );
}
