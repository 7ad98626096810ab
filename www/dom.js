// The only way the console builds DOM: elements from a tag, properties/attributes, and children.
// Strings become Text nodes, never markup, so user input can never turn into HTML.

/**
 * h("div", { class: "x", "aria-label": "y", onclick: fn, hidden: true }, "text", node, [more])
 * - "class", "for", "data-*", "aria-*", "role" and other dashed names are attributes;
 * - on* with a function value is an event listener;
 * - value/checked/disabled/hidden/tabIndex/id/type/... are set as properties;
 * - null/undefined/false values and children are skipped.
 */
export function h(tag, attrs, ...children) {
  const el = document.createElement(tag);
  if (attrs) {
    for (const k in attrs) {
      const v = attrs[k];
      if (v === null || v === undefined || v === false) continue;
      if (k.startsWith("on") && typeof v === "function") el.addEventListener(k.slice(2), v);
      else if (k === "class") el.className = v;
      else if (k === "for") el.htmlFor = v;
      else if (k.includes("-") || k === "role" || k === "list") el.setAttribute(k, v === true ? "" : String(v));
      else el[k] = v;
    }
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === null || c === undefined || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else if (c instanceof Node) el.append(c);
    else el.append(document.createTextNode(String(c)));
  }
}

/** Replace all children with the given ones (text stays text). */
export function setChildren(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

let next = 0;
/** A document-unique id. */
export function uid(prefix = "u") {
  next += 1;
  return `${prefix}${next}`;
}

/** Escape one JSON pointer segment (RFC 6901). */
export function esc(seg) {
  return String(seg).replace(/~/g, "~0").replace(/\//g, "~1");
}

/** Split a JSON pointer into unescaped segments ("" is the root: []). */
export function segments(ptr) {
  if (ptr === "") return [];
  return ptr
    .split("/")
    .slice(1)
    .map((s) => s.replace(/~1/g, "/").replace(/~0/g, "~"));
}

/** Join segments into a JSON pointer. */
export function pointer(segs) {
  return segs.map((s) => "/" + esc(s)).join("");
}
