// Standard Schema v1 and Standard JSON Schema v1 (@standard-schema/spec 1.1.0) for createimage:
// `standardSchema(provider, options)` is what a form library takes (react-hook-form's
// standardSchemaResolver, TanStack Form's validators, vee-validate's validationSchema, ...).
//
// - validate(value): the report of validate(provider, value, options) as the spec's result:
//   `{ value }` (the value as given, not normalized) when the request has no error (warnings
//   never fail it), else `{ issues: [{ message, path }] }` with the issue's `shortMessage` (the
//   message without the field name, for display under the input; `message` where a report has
//   none, and for an issue about a part of the value at its path, which names the part) and its
//   JSON pointer as an array of keys (array indices as numbers, `""` as no path),
//   one issue per pointer of `paths` for an issue that concerns several fields.
// - Synchronous once the WebAssembly module is ready; before that it starts loading it (init())
//   and returns a Promise of the same result. It never throws: a module that cannot load gives
//   an issue without a path saying why (never a false "valid"), and the next call tries again.
// - Options are those of validate() (lang, labels, context, ...), with `emptyAsAbsent`
//   defaulting to true: an empty form control ("", [], null) in an optional field or an unused
//   alternative is absent. A validate() call may override them with `{ libraryOptions: {...} }`.
import { init, isReady, jsonSchema, validate } from "./index.js";
import { langOf, message as errorText } from "./inline.js";

/** The Standard Schema of a provider's request for the main entry. */
export function standardSchema(provider, options) {
  return createStandardSchema({ init, isReady, validate, jsonSchema }, provider, options);
}

/**
 * The Standard Schema of `provider` for an entry whose functions are `api` (`init`, `isReady`,
 * `validate(provider, request, options)`, `jsonSchema(provider)`): lets every entry of the package
 * (main, per-provider, sync) give the same adapter.
 */
export function createStandardSchema(api, provider, options) {
  const validateValue = (value, callOptions) => {
    const o = optionsOf(options, callOptions);
    try {
      if (api.isReady()) return result(value, api.validate(provider, value, o));
    } catch (e) {
      return failure(o, e);
    }
    return Promise.resolve()
      .then(() => api.init())
      .then(
        () => {
          try {
            return result(value, api.validate(provider, value, o));
          } catch (e) {
            return failure(o, e);
          }
        },
        (e) => failure(o, e),
      );
  };
  // The schema of what this validate() accepts: with `emptyAsAbsent` (the default here), an
  // optional member may be an empty form value (blanksAbsent).
  const toJsonSchema = (target) => {
    const o = optionsOf(options);
    const schema = api.jsonSchema(provider);
    if (schema !== null && o.emptyAsAbsent === true) {
      blanksAbsent(schema);
      schema.$id += ":empty-as-absent"; // another schema than jsonSchema(provider)'s
    }
    return convert(schema, provider, target);
  };
  return {
    "~standard": {
      version: 1,
      vendor: "createimage",
      validate: validateValue,
      jsonSchema: {
        input: toJsonSchema,
        output: toJsonSchema, // validate() returns the value as given: the output is the input
      },
    },
  };
}

// ----- options -------------------------------------------------------------------------------

function optionsOf(base, call) {
  const o = Object.create(null);
  copy(o, base);
  let lib;
  try {
    lib = call && call.libraryOptions;
  } catch {
    lib = undefined;
  }
  copy(o, lib);
  if (o.emptyAsAbsent === undefined) o.emptyAsAbsent = true;
  return o;
}

// The options this schema reads, read as validate() reads them (`options.lang`, ...): only these,
// each in its own try (a getter or Proxy trap that throws skips that option), into an object
// without a prototype (a caller's own "__proto__" key is not an option and sets nothing).
const OPTION_KEYS = ["lang", "labels", "emptyAsAbsent", "context"];

function copy(to, from) {
  if (from === null || typeof from !== "object") return;
  for (const k of OPTION_KEYS) {
    try {
      const v = from[k];
      if (v !== undefined) to[k] = v;
    } catch {
      // a getter that throws: this option is not read
    }
  }
}

// ----- results -------------------------------------------------------------------------------

function result(value, report) {
  if (report.ok) return { value };
  const issues = [];
  for (const i of report.issues) {
    if (i.severity === "warning") continue;
    // An issue about a part of the value at its path (a Huawei `key.value` tag's key or value, a
    // metadata entry's key or value: `params.part`) shows `message`, which names the part.
    const message = typeof i.shortMessage === "string" && !i.params?.part ? i.shortMessage : i.message;
    const pointers = Array.isArray(i.paths) && i.paths.length > 0 ? i.paths : [i.path];
    const seen = new Set();
    for (const p of pointers) {
      if (seen.has(p)) continue;
      seen.add(p);
      issues.push(p === "" ? { message } : { message, path: keysOf(p, value) });
    }
  }
  // A report that is not ok has an error; should one ever come without, it still fails.
  if (issues.length === 0) issues.push({ message: report.issues.length ? report.issues[0].message : "invalid" });
  return { issues };
}

const INDEX = /^(?:0|[1-9][0-9]{0,14})$/;

/**
 * The keys of a JSON pointer (`/TagSpecification/0/Tags/1/Key` ->
 * `["TagSpecification", 0, "Tags", 1, "Key"]`): `~1` and `~0` unescaped, a segment made a number
 * only where the request holds an array at that point (a metadata key "0" stays a string).
 */
export function keysOf(pointer, request) {
  const segs = String(pointer).split("/");
  const out = [];
  let cur = request;
  for (let k = 1; k < segs.length; k++) {
    const seg = segs[k].replace(/~1/g, "/").replace(/~0/g, "~");
    const key = INDEX.test(seg) && isArray(cur) ? Number(seg) : seg;
    out.push(key);
    cur = child(cur, key);
  }
  return out;
}

function isArray(v) {
  try {
    return Array.isArray(v); // a revoked Proxy throws
  } catch {
    return false;
  }
}

function child(v, key) {
  try {
    return v !== null && typeof v === "object" && Object.prototype.hasOwnProperty.call(v, key) ? v[key] : undefined;
  } catch {
    return undefined;
  }
}

/** A caller's value as text for an Error message: never throws (a toString that throws, a Symbol...). */
function text(v) {
  try {
    return JSON.stringify(String(v));
  } catch {
    return "(a value that cannot be shown)";
  }
}

// (`lang` read as validate() reads it.)
function failure(o, e) {
  const detail = errorText(e);
  return {
    issues: [
      {
        message: langOf(o) === "zh"
          ? `无法校验（${detail}），请稍后重试。`
          : `The request could not be checked (${detail}); try again.`,
      },
    ],
  };
}

// ----- Standard JSON Schema ------------------------------------------------------------------

/** What an empty form control gives: `""`, `null`, `[]`. */
const blank = () => ({ anyOf: [{ enum: ["", null] }, { type: "array", maxItems: 0 }] });

/**
 * A schema of this package (a fresh copy, rewritten in place) for `emptyAsAbsent`: in every object
 * an optional member may be blank (it is absent), and where a rule asks for a member to be present
 * (`required` inside `oneOf`/`anyOf`/`allOf`/`not`, `dependentRequired`) a blank optional member
 * does not count. An object's own `required` and the items of a list are left as they are (a
 * required member left blank, or a blank row of a list, is still checked).
 */
function blanksAbsent(s) {
  if (!s || typeof s !== "object") return s;
  if (s.items) blanksAbsent(s.items);
  const props = s.properties;
  if (!props) return s;
  const opt = Object.keys(props).filter((k) => !(s.required || []).includes(k));
  // `names` given, and not blank where they are optional.
  const given = (names) => {
    const x = { required: names, properties: {} };
    for (const n of names) if (opt.includes(n)) x.properties[n] = { not: blank() };
    return x;
  };
  // (The package's combinators hold `required`, other combinators, and `properties` whose rule on
  // an optional member, `minItems: 1`, is what "not blank" says of a list: replaced by it.)
  const walk = (x) => {
    if (x.required) Object.assign(x, given(x.required));
    for (const k of ["oneOf", "anyOf", "allOf"]) if (x[k]) x[k].forEach(walk);
    if (x.not) walk(x.not);
  };
  walk({ ...s, required: undefined });
  const deps = s.dependentRequired;
  if (deps) {
    s.dependentSchemas = {};
    for (const k in deps) s.dependentSchemas[k] = opt.includes(k) ? { anyOf: [{ properties: { [k]: blank() } }, given(deps[k])] } : given(deps[k]);
    delete s.dependentRequired;
  }
  for (const k in props) props[k] = opt.includes(k) ? { anyOf: [blanksAbsent(props[k]), blank()] } : blanksAbsent(props[k]);
  return s;
}

const DRAFT_07 = "http://json-schema.org/draft-07/schema#";

function convert(schema, provider, options) {
  let target;
  try {
    target = options.target;
  } catch {
    target = undefined;
  }
  // Errors the spec allows (an unsupported target; here also an unknown provider) are this
  // package's own Error, whatever the caller's values do when read.
  if (schema === null) throw new Error(`createimage: no JSON Schema for the unknown provider ${text(provider)}`);
  if (target === "draft-2020-12") return schema;
  if (target === "draft-07") {
    return { $schema: DRAFT_07, ...draft07(schema) };
  }
  throw new Error(`createimage: JSON Schema target ${text(target)} is not supported (supported: "draft-2020-12", "draft-07")`);
}

// The keywords of this package's schemas mean the same in draft-07 but for `dependentRequired`
// and `dependentSchemas` (draft-07's `dependencies`) and `$schema`: tests/js/standard.test.mjs
// checks that its schemas hold no other keyword, so this walk needs to know no other.
const MAPS = ["properties", "patternProperties", "dependentSchemas"];

/** A draft 2020-12 schema of this package (a fresh copy) rewritten in place for draft-07. */
function draft07(s) {
  if (Array.isArray(s)) return s.map(draft07);
  if (!s || typeof s !== "object") return s;
  for (const k in s) {
    if (MAPS.includes(k)) for (const p in s[k]) s[k][p] = draft07(s[k][p]);
    else if (k !== "enum" && k !== "required" && k !== "dependentRequired") s[k] = draft07(s[k]);
  }
  if (s.dependentRequired || s.dependentSchemas) {
    s.dependencies = { ...s.dependentSchemas, ...s.dependentRequired };
    delete s.dependentRequired;
    delete s.dependentSchemas;
  }
  delete s.$schema;
  return s;
}
