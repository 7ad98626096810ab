//! Safe fixes: what a console can change without changing meaning, each change listed.
//!
//! Names and ids: zero-width characters removed (in names, U+200C/U+200D only where the provider
//! refuses them or they join nothing), full-width ASCII forms folded (in names only where the
//! provider refuses the full-width form and takes its fold), whitespace trimmed.
//! Descriptions: trimmed. Enumerations: the documented spelling. Integers given as numeric
//! strings: numbers. Tencent's flattened `Name.N` lists: arrays, repeated ids removed.
//! Never: truncation, guessing between conflicting fields, or a fix whose result is empty.

use crate::json::array_index as index; // an array index as a JSON pointer writes it (at most 9 digits)
use crate::json::{Other, Value};
use crate::providers::{huawei, openstack, tencent, zenlayer};
use crate::report::push_escaped;
use crate::rules::{Field, Format, Role, Ty};
use crate::text::Charset;
use crate::{text, Options, Provider, Report};
use std::borrow::Cow;

/// What a change did. Ids (`as_str`, `Display`, `FromStr`, serde): `trim`, `fold_width`, ...
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum ChangeCode {
    /// Leading and trailing whitespace removed.
    Trim,
    /// Full-width ASCII forms folded to ASCII, U+3000 to a space.
    FoldWidth,
    /// Zero-width characters removed (in a name, a joiner between two characters only where the
    /// name's charset refuses it: `text::remove_zero_width`).
    RemoveZeroWidth,
    /// An enumeration value written in its documented spelling.
    CanonicalEnum,
    /// A numeric string turned into the number it spells.
    NumberFromString,
    /// Tencent's flattened `Name.N` keys turned into an array.
    FlattenedToArray,
    /// A repeated id removed (the first is kept).
    RemoveDuplicate,
}

impl ChangeCode {
    /// Every change code.
    pub const ALL: [ChangeCode; 7] = [
        ChangeCode::Trim,
        ChangeCode::FoldWidth,
        ChangeCode::RemoveZeroWidth,
        ChangeCode::CanonicalEnum,
        ChangeCode::NumberFromString,
        ChangeCode::FlattenedToArray,
        ChangeCode::RemoveDuplicate,
    ];
    /// The snake_case id.
    pub fn as_str(self) -> &'static str {
        match self {
            ChangeCode::Trim => "trim",
            ChangeCode::FoldWidth => "fold_width",
            ChangeCode::RemoveZeroWidth => "remove_zero_width",
            ChangeCode::CanonicalEnum => "canonical_enum",
            ChangeCode::NumberFromString => "number_from_string",
            ChangeCode::FlattenedToArray => "flattened_to_array",
            ChangeCode::RemoveDuplicate => "remove_duplicate",
        }
    }
}

/// One change normalization made: at `path`, `from` became `to` (`to` is null for a removal).
/// JSON (`to_value`, `Serialize`): `{"path", "code", "from", "to"}`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Change {
    /// JSON pointer of the value changed, in the request as the changes before it left it (see
    /// [`Normalized::changes`]: after a `flattened_to_array`, `/DataDiskIds/0` is the first item of
    /// the array that replaced the `DataDiskIds.N` keys).
    pub path: String,
    /// What the change did.
    pub code: ChangeCode,
    /// The value before.
    pub from: Value<'static>,
    /// The value after (`null` for a removal).
    pub to: Value<'static>,
}

impl Change {
    /// The change as a JSON value (the shape above).
    pub fn to_value(&self) -> Value<'static> {
        Value::obj(vec![
            ("path", Value::str(self.path.as_str())),
            ("code", Value::str(self.code.as_str())),
            ("from", self.from.clone()),
            ("to", self.to.clone()),
        ])
    }
}

/// The result of [`normalize`]: the report of the normalized request, the request, the changes.
/// JSON (`to_value`, `Serialize`): the report's members, then `"normalized"` and `"changes"`.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Normalized {
    /// The report of the normalized request.
    pub report: Report,
    /// The request with the safe fixes applied (key order and untouched literals as given).
    pub normalized: Value<'static>,
    /// Every change made, in order: applied to the request one after another they give
    /// `normalized` (each path is in the request as the changes before it left it; a list's
    /// repeated items are removed from the highest index down).
    pub changes: Vec<Change>,
}

impl Normalized {
    /// The result as a JSON value (the shape above).
    pub fn to_value(&self) -> Value<'static> {
        let mut v = self.report.to_value();
        if let Value::Object(m) = &mut v {
            m.push((Cow::Borrowed("normalized"), self.normalized.clone()));
            m.push((Cow::Borrowed("changes"), Value::Array(self.changes.iter().map(Change::to_value).collect())));
        }
        v
    }
}

/// Apply the safe fixes, then check the result. Never fails: the report of the normalized request
/// says whether it is valid; a request that is not an object is returned unchanged. At most
/// 10,000 changes: a request that needs more is returned unchanged, with a `too_many`
/// warning at `""` added as every issue is, within the report's cap of `MAX_ISSUES` (10,000)
/// issues (past it, only counted in the report's last `too_many`).
pub fn normalize(provider: Provider, request: &Value<'_>, options: &Options<'_>) -> Normalized {
    normalize_with::<true>(provider, request, options)
}

/// [`normalize`]; `HAND_BUILT`: `request` may have been built by hand (not by the crate's parser,
/// which never makes a repeated key or a literal JSON text cannot hold). The wasm bindings, whose
/// requests are always parsed, pass `false` and leave that pass out of the module.
pub(crate) fn normalize_with<const HAND_BUILT: bool>(
    provider: Provider,
    request: &Value<'_>,
    options: &Options<'_>,
) -> Normalized {
    let mut out = request.clone().into_owned();
    // A hand-built request as a parsed one: a repeated key's last value only (as `check` reads a field),
    // and no literal that would not be JSON once written (an `unreadable` error each).
    let not_json = if HAND_BUILT { crate::json::as_parsed(&mut out) } else { Vec::new() };
    let mut changes = Vec::new();
    let mut needed = 0;
    // A provider this build does not hold gets no fixes (its report says why).
    if let (Value::Object(obj), true) = (&mut out, crate::providers::built(provider)) {
        let mut n = Fixer { changes: Some(&mut changes), needed: 0 };
        match provider {
            Provider::Zenlayer => n.fields("", obj, zenlayer::FIELDS),
            Provider::Tencent => {
                n.flatten(obj);
                n.fields("", obj, tencent::FIELDS);
            }
            Provider::OpenStack | Provider::Nova => {
                n.fields("", obj, openstack::FIELDS);
                let profile = openstack::Profile::of(provider);
                if let Some(Value::Object(ci)) = get_mut(obj, "body").and_then(|b| match b {
                    Value::Object(b) => get_mut(b, "createImage"),
                    _ => None,
                }) {
                    let name_field = match profile {
                        openstack::Profile::Seed => &openstack::NAME_SEED,
                        openstack::Profile::Nova => &openstack::NAME_NOVA,
                    };
                    n.fields("/body/createImage", ci, std::slice::from_ref(name_field));
                }
            }
            Provider::Huawei => n.fields("", obj, huawei::FIELDS),
        }
        needed = n.needed;
    }
    if needed > MAX_CHANGES {
        // More changes than are ever listed: none is made (the request is returned as it is, so
        // every guarantee holds), and a warning says why.
        // (Added as the report's own issues are: within its cap, counted past it.)
        let mut report = crate::check(provider, request, options);
        let mut c = crate::rules::Checker::resume(provider, options, std::mem::take(&mut report.issues));
        let (n, max) = (crate::messages::num(needed as i64), crate::messages::num(MAX_CHANGES as i64));
        let issue = c.push_at(
            String::new(),
            crate::Kind::TooMany { max: MAX_CHANGES as u64, actual: needed as u64 },
            crate::Severity::Warning,
            None,
        );
        issue.set_message(match options.lang {
            crate::Lang::En => crate::text::cat(&[
                "Normalizing would make ",
                &n,
                " changes; at most ",
                &max,
                " are made, so none was.",
            ]),
            crate::Lang::Zh => {
                crate::text::cat(&["规范化需要 ", &n, " 处修改，最多进行 ", &max, " 处，因此未做任何修改。"])
            }
        });
        report.issues = c.into_issues();
        return Normalized { report, normalized: request.clone().into_owned(), changes: Vec::new() };
    }
    let mut report = crate::check(provider, &out, options);
    if !not_json.is_empty() {
        let mut c = crate::rules::Checker::resume(provider, options, std::mem::take(&mut report.issues));
        for path in not_json {
            // (Only a hand-built Rust `Value` holds one: a detail in English only, kept out of the
            // table of details every wasm module carries.)
            let detail = "a literal JSON text cannot hold".to_owned();
            c.push_at(path, crate::Kind::Unreadable { detail }, crate::Severity::Error, None);
        }
        report = crate::finish(c);
    }
    Normalized { report, normalized: out, changes }
}

/// The charset a name's fixes are decided by: the field's own (see [`Fixer::text`]: full-width
/// forms and joiners it refuses are fixed, the others kept); `None` for other roles, whose forms
/// fold whenever they have a fold and whose zero-width characters all go.
fn fold_charset(f: &Field) -> Option<Charset> {
    match (f.role, f.ty) {
        (Role::Name, Ty::Str(rule)) => Some(rule.charset),
        (Role::Name, _) => Some(Charset::Any),
        _ => None,
    }
}

/// `normalize` makes at most this many changes: a request that needs more (a list of 100,000
/// ids to trim; no real request comes near) is returned unchanged, with a `too_many` warning at
/// `""`. Each change holds its path and both values: the cap bounds their memory.
pub const MAX_CHANGES: usize = 10_000;

/// The text of a string field as [`normalize`] leaves it (zero-width removed, full-width
/// folded, trimmed, as the field's role says). The pre-flight rules compare this form with the
/// console's context, so `check` and `normalize` judge a request alike: the provider receives the
/// normalized value.
pub(crate) fn fixed<'s>(field: &Field, s: &'s str) -> Cow<'s, str> {
    // (The fixes alone, without `Fixer::text`'s list of changes and `bucket:object` split: no
    // image_url is compared with the context, and their code stays out of the module a form page
    // loads.)
    if only_blank(s) {
        return Cow::Borrowed(s);
    }
    match fixes(field, s, false, |_, _, _| {}) {
        Some(t) if !undoes(field, s, &t) => Cow::Owned(t),
        _ => Cow::Borrowed(s),
    }
}

/// Only spaces and zero-width characters: nothing a fix can make valid (every fix would leave
/// nothing, or a blank that trades one error for another), so no text fix is made.
fn only_blank(s: &str) -> bool {
    s.chars().all(|c| text::is_trim_space(c) || text::is_zero_width(c))
}

/// Would the fixes that made `new` of `whole` make a value the field's rule accepts one it
/// refuses (a Huawei `image_url` of `bucket:` and spaces: trimmed, the object is gone)? Then
/// they are not made.
fn undoes(field: &Field, whole: &str, new: &str) -> bool {
    let rule = match &field.ty {
        Ty::Str(rule) | Ty::StrArray { item: rule, .. } => rule,
        _ => return false,
    };
    crate::rules::passes(field, rule, whole) && !crate::rules::passes(field, rule, new)
}

/// The text fixes of the field's role applied to `s`, in order: zero-width, width, trim (names
/// and ids; descriptions the trim only; other roles none). Each fix made is handed to `made` as
/// (its code, the text before it, the text after it); returns the text after the last, or `None`
/// when none was made. A fix that would leave nothing is not made. The charset of a name decides
/// which full-width forms are folded and which joiners removed (in ids: every form folded, every
/// zero-width character removed). `fold_anyway`: the width fold is made even where it leaves `s`
/// as it is (a `bucket:object` whose `：` separator it folds, see [`Fixer::text`]).
fn fixes(field: &Field, s: &str, fold_anyway: bool, mut made: impl FnMut(ChangeCode, &str, &str)) -> Option<String> {
    let fold = fold_charset(field);
    let chars = match field.role {
        Role::Name | Role::Id => true,
        Role::Description => false,
        Role::Other => return None,
    };
    // A name's full-width form is folded only where its charset refuses it and allows the fold
    // (the fold is what makes it pass: a Tencent name may say `（测试）`); an id's always.
    let fold_char = |c: char| match fold {
        Some(charset) => text::fold_if_refused(charset, c),
        None => text::fold_width(c),
    };
    let mut cur: Option<String> = None;
    // (The steps in a `match`, not a table of closures: no indirect calls, less code in the wasm.)
    for code in [ChangeCode::RemoveZeroWidth, ChangeCode::FoldWidth, ChangeCode::Trim] {
        let now = cur.as_deref().unwrap_or(s);
        let step = match code {
            // In a name, a joiner (U+200C, U+200D) between two characters is kept unless the
            // charset refuses it; every other zero-width character goes (`text::remove_zero_width`).
            ChangeCode::RemoveZeroWidth if chars => text::remove_zero_width(now, fold),
            ChangeCode::FoldWidth if chars => {
                now.chars().any(|c| fold_char(c) != c).then(|| now.chars().map(fold_char).collect())
            }
            ChangeCode::Trim => {
                // `text::trim` trims Unicode White_Space, the characters of `text::is_trim_space`
                // (`char::is_whitespace`), as `str::trim`; the same trim as `rules::suggest`'s.
                let t = crate::text::trim(now);
                (t.len() != now.len()).then(|| t.to_owned())
            }
            _ => continue,
        };
        let next = match step {
            // A fix that would leave nothing is not safe: the value stays as it is.
            Some(next) if next.is_empty() => continue,
            Some(next) => next,
            None if code == ChangeCode::FoldWidth && fold_anyway => now.to_owned(),
            None => continue,
        };
        made(code, now, &next);
        cur = Some(next);
    }
    cur
}

/// Where a value of the normalized request came from: the JSON pointer into the input of the
/// value at `path` (a pointer into `normalized`), given the `changes` that made it. Only lists move
/// values: `flattened_to_array` takes `/X/i` from the key `X.i`, and `remove_duplicate` shifts the
/// items after a removed one; every other value stays at its path. For many paths, build
/// [`Sources`] once.
pub fn source_path(changes: &[Change], path: &str) -> String {
    Sources::new(changes).source(path)
}

/// How normalization moved list items: per list, whether it was flattened and which items
/// (indexes before the removal) were removed. Each lookup is a binary search.
pub struct Sources {
    /// (`/X`, flattened, removed index minus the number removed before it: non-decreasing).
    lists: Vec<(String, bool, Vec<usize>)>,
}

impl Sources {
    /// The moves of `changes` (as [`normalize`] lists them), indexed for [`Sources::source`].
    pub fn new(changes: &[Change]) -> Sources {
        let mut lists: Vec<(String, bool, Vec<usize>)> = Vec::new();
        for c in changes {
            let (list, rest) = match c.path.get(1..).and_then(|r| r.find('/')) {
                Some(k) => (&c.path[..k + 1], &c.path[k + 2..]),
                None => (c.path.as_str(), ""),
            };
            let slot = match lists.iter().position(|(l, _, _)| l == list) {
                Some(k) => k,
                None => {
                    lists.push((list.to_owned(), false, Vec::new()));
                    lists.len() - 1
                }
            };
            match c.code {
                ChangeCode::FlattenedToArray => lists[slot].1 = true,
                ChangeCode::RemoveDuplicate => {
                    if let Some(r) = index(rest) {
                        lists[slot].2.push(r);
                    }
                }
                _ => {}
            }
        }
        // A list's removals are at indexes of the list as given (listed from the highest down):
        // in increasing order, each minus the removals before it.
        for (_, _, removed) in &mut lists {
            removed.sort_unstable();
            for (k, r) in removed.iter_mut().enumerate() {
                *r -= k;
            }
        }
        Sources { lists }
    }

    /// The pointer into the input of the value at `path` in the normalized request.
    pub fn source(&self, path: &str) -> String {
        let Some((name, rest)) = path.get(1..).and_then(|r| r.find('/')).map(|k| (&path[..k + 1], &path[k + 2..]))
        else {
            return path.to_owned();
        };
        let Some((_, flattened, removed)) = self.lists.iter().find(|(l, _, _)| l == name) else {
            return path.to_owned();
        };
        let (item, tail) = match rest.find('/') {
            Some(k) => (&rest[..k], &rest[k..]),
            None => (rest, ""),
        };
        let Some(j) = index(item) else {
            return path.to_owned();
        };
        // The j-th kept item: j plus the number of removed items before it.
        let i = j + removed.partition_point(|&r| r <= j);
        crate::text::cat(&[name, if *flattened { "." } else { "/" }, &crate::messages::num(i as i64), tail])
    }
}

/// Does this value hold a value JSON cannot carry (one that plain JSON writes as `null`)?
pub fn has_special(v: &Value<'_>) -> bool {
    match v {
        Value::Array(a) => a.iter().any(has_special),
        Value::Object(m) => m.iter().any(|(_, x)| has_special(x)),
        Value::Other(o) => match &**o {
            Other::LoneSurrogate { .. } => false,
            Other::BadKey { value, .. } => has_special(value),
            _ => true,
        },
        _ => false,
    }
}

/// Where a bridge must put the caller's own values back into `normalized` (written as plain
/// JSON, which has `null` for what JSON cannot carry): JSON pointers, each to the largest value
/// that holds such a value and that normalization did not change inside, so the caller's whole
/// value goes back at once (with [`source_path`] saying where it came from). One pointer per
/// such value, never one per value inside it: linear in the request, however many there are.
pub fn restore_points(normalized: &Value<'_>, changes: &[Change]) -> Vec<String> {
    // Looked into: the request, a top-level field with a change at or under it, and OpenStack's
    // `/body/createImage` (its name). Anything else normalization leaves as it is: a list's item
    // that is not a string, an unknown field, metadata. The top-level fields with changes,
    // sorted, answer in log time (a list of 100,000 trimmed ids makes 100,000 changes).
    let mut tops: Vec<&str> = changes.iter().map(|c| top(&c.path)).collect();
    tops.sort_unstable();
    tops.dedup();
    let has = |p: &str| tops.binary_search(&p).is_ok();
    let inside = |path: &str| path.is_empty() || has(path) || (path == "/body/createImage" && has("/body"));
    fn walk(v: &Value<'_>, path: &mut String, inside: &dyn Fn(&str) -> bool, out: &mut Vec<String>) {
        if !has_special(v) {
            return;
        }
        match v {
            Value::Array(a) if inside(path) => {
                for (i, x) in a.iter().enumerate() {
                    let len = path.len();
                    path.push('/');
                    path.push_str(&crate::messages::num(i as i64));
                    walk(x, path, inside, out);
                    path.truncate(len);
                }
            }
            Value::Object(m) if inside(path) => {
                for (k, x) in m {
                    let len = path.len();
                    path.push('/');
                    push_escaped(path, k);
                    walk(crate::json::unmarked(x), path, inside, out);
                    path.truncate(len);
                }
            }
            _ => out.push(path.clone()),
        }
    }
    let mut out = Vec::new();
    walk(normalized, &mut String::new(), &inside, &mut out);
    out
}

/// The top-level segment of a JSON pointer, with its slash (`/DataDiskIds` of `/DataDiskIds/3`).
fn top(path: &str) -> &str {
    match path.get(1..).and_then(|r| r.find('/')) {
        Some(i) => &path[..i + 1],
        None => path,
    }
}

fn get_mut<'v, 'a>(obj: &'v mut [(Cow<'a, str>, Value<'a>)], key: &str) -> Option<&'v mut Value<'a>> {
    obj.iter_mut().rev().find(|(k, _)| k == key).map(|(_, v)| v)
}

fn ptr(parent: &str, key: &str) -> String {
    let mut p = parent.to_owned();
    p.push('/');
    push_escaped(&mut p, key);
    p
}

struct Fixer<'c> {
    /// The changes, listed; `None` when only the fixed text is wanted ([`fixed`]).
    changes: Option<&'c mut Vec<Change>>,
    /// Changes made, listed or not (past [`MAX_CHANGES`] they are counted, not kept).
    needed: usize,
}

impl Fixer<'_> {
    fn change(&mut self, path: String, code: ChangeCode, from: Value<'static>, to: Value<'static>) {
        self.needed += 1;
        if let Some(list) = self.changes.as_mut().filter(|l| l.len() < MAX_CHANGES) {
            list.push(Change { path, code, from, to });
        }
    }

    /// The number of changes listed.
    fn listed(&self) -> usize {
        self.changes.as_ref().map_or(0, |l| l.len())
    }

    fn fields(&mut self, parent: &str, obj: &mut [(Cow<'static, str>, Value<'static>)], fields: &[Field]) {
        for f in fields {
            let Some(v) = get_mut(obj, f.name) else {
                continue;
            };
            let path = ptr(parent, f.name);
            match f.ty {
                Ty::Str(_) | Ty::Nested(_) => {
                    if let Value::String(s) = v {
                        if let Some(new) = self.text(&path, f, s, true) {
                            *v = Value::str(new);
                        }
                    }
                }
                Ty::Enum { canonical, .. } => self.enumeration(&path, v, canonical),
                Ty::Int { .. } => self.integer(&path, v),
                Ty::StrArray { .. } => {
                    if let Value::Array(items) = v {
                        for (i, item) in items.iter_mut().enumerate() {
                            if let Value::String(s) = item {
                                if let Some(new) = self.text(
                                    &crate::text::cat(&[&*path, "/", &crate::messages::num(i as i64)]),
                                    f,
                                    s,
                                    false,
                                ) {
                                    *item = Value::str(new);
                                }
                            }
                        }
                        self.dedupe(&path, items);
                    }
                }
                Ty::Bool => {}
            }
        }
    }

    /// The text fixes of the field's role ([`fixes`]) for the field's value (or an item of its
    /// list), each listed. Returns the new text if changed. Fixes that would make a value its rule
    /// accepts one it refuses ([`undoes`]) are not made.
    /// `object`: a `bucket:object` value (Huawei's `image_url`) gets the fixes of its bucket only.
    fn text(&mut self, path: &str, field: &Field, whole: &str, object: bool) -> Option<String> {
        if only_blank(whole) {
            return None;
        }
        let (mark, needed) = (self.listed(), self.needed);
        // A Huawei `image_url`: the object after the first `:` is an OBS object key, any text the
        // provider takes as written (`镜像／ｄｉｓｋ.qcow2`, a final space); only the bucket before
        // it is an id to fix. A full-width `：` (an IME's) that comes first is that separator, and
        // the width fold folds it with the bucket. `s` is what the fixes see, `tail` what follows.
        let (s, tail) = match &field.ty {
            Ty::Str(rule) | Ty::StrArray { item: rule, .. } if object && rule.format == Some(Format::BucketObject) => {
                whole
                    .char_indices()
                    .find(|&(_, c)| c == ':' || c == '：')
                    .map_or((whole, ""), |(i, _)| whole.split_at(i))
            }
            _ => (whole, ""),
        };
        let colon = tail.starts_with('：');
        let mut tail = Cow::Borrowed(tail);
        let full = |head: &str, tail: &str| crate::text::cat(&[head, tail]);
        let head = fixes(field, s, colon, |code, before, after| {
            let from = self.changes.is_some().then(|| full(before, &tail));
            if code == ChangeCode::FoldWidth && colon {
                tail = Cow::Owned([":", &tail['：'.len_utf8()..]].concat());
            }
            match from {
                Some(from) => self.change(path.to_owned(), code, Value::str(from), Value::str(full(after, &tail))),
                None => self.needed += 1,
            }
        })?;
        // No fix listed (past MAX_CHANGES none is, and `normalize` then makes no change at all).
        if self.changes.as_ref().is_some_and(|list| list.len() == mark) {
            return None;
        }
        let new = full(&head, &tail);
        if undoes(field, whole, &new) {
            if let Some(list) = &mut self.changes {
                list.truncate(mark);
            }
            self.needed = needed;
            return None;
        }
        Some(new)
    }

    fn enumeration(&mut self, path: &str, v: &mut Value<'static>, values: &[&str]) {
        let canonical = match v {
            Value::String(s) if values.contains(&s.as_ref()) => None,
            // Case-insensitive: also turns the older documented spelling (`TRUE`) into the current one.
            Value::String(s) => values.iter().find(|x| x.eq_ignore_ascii_case(s)).copied(),
            Value::Bool(b) => {
                let want = if *b { "true" } else { "false" };
                values.contains(&want).then_some(want)
            }
            _ => None,
        };
        if let Some(c) = canonical {
            let new = Value::str(c);
            self.change(path.to_owned(), ChangeCode::CanonicalEnum, v.clone(), new.clone());
            *v = new;
        }
    }

    fn integer(&mut self, path: &str, v: &mut Value<'static>) {
        let Value::String(s) = v else { return };
        let digits = s.strip_prefix("-").unwrap_or(s);
        let exact = crate::json::plain_integer(s) && digits.len() <= 15 && s.as_ref() != "-0";
        if exact {
            let new = Value::Number(Cow::Owned(String::from(s.as_ref())));
            self.change(path.to_owned(), ChangeCode::NumberFromString, v.clone(), new.clone());
            *v = new;
        }
    }

    /// Remove repeated strings from a list, keeping the first. The removals are listed from the
    /// highest index down, each at its index in the list as it is before any of them, so that the
    /// changes applied one after another in their order give the output (after the item fixes,
    /// listed before them at the same indexes).
    fn dedupe(&mut self, path: &str, items: &mut Vec<Value<'static>>) {
        let mut drop = vec![false; items.len()];
        // (Items that are not strings have no text to compare.)
        let key = |i: usize| items.get(i)?.as_str().map(Cow::Borrowed);
        crate::rules::each_repeat(items.len(), &key, &mut |i, _, _| drop[i] = true);
        if !drop.contains(&true) {
            return;
        }
        let mut keep = Vec::with_capacity(items.len());
        let mut removed = Vec::new();
        for (i, item) in items.drain(..).enumerate() {
            if drop[i] {
                removed.push((i, item));
            } else {
                keep.push(item);
            }
        }
        *items = keep;
        for (i, item) in removed.into_iter().rev() {
            self.change(
                crate::text::cat(&[path, "/", &crate::messages::num(i as i64)]),
                ChangeCode::RemoveDuplicate,
                item,
                Value::Null,
            );
        }
    }

    /// Tencent's flattened `DataDiskIds.N` keys to an array, when the indexes run 0..n-1 and the
    /// array form is not also given (otherwise the check reports it and nothing is guessed).
    fn flatten(&mut self, obj: &mut Vec<(Cow<'static, str>, Value<'static>)>) {
        for name in tencent::LIST_FIELDS {
            let items = tencent::list_items(obj, name);
            if items.is_empty()
                || obj.iter().any(|(k, _)| k == name)
                || items.iter().enumerate().any(|(pos, (i, _))| pos != *i)
            {
                continue;
            }
            let array: Vec<Value<'static>> = items.into_iter().map(|(_, v)| v.clone()).collect();
            let at =
                obj.iter().position(|(k, _)| tencent::flat_key(k).is_some_and(|(n, _)| n == name)).unwrap_or(obj.len());
            let from: Vec<(Cow<'static, str>, Value<'static>)> =
                obj.iter().filter(|(k, _)| tencent::flat_key(k).is_some_and(|(n, _)| n == name)).cloned().collect();
            obj.retain(|(k, _)| tencent::flat_key(k).is_none_or(|(n, _)| n != name));
            let at = at.min(obj.len());
            obj.insert(at, (Cow::Borrowed(name), Value::Array(array.clone())));
            self.change(
                crate::text::cat(&["/", name]),
                ChangeCode::FlattenedToArray,
                Value::Object(from),
                Value::Array(array),
            );
        }
    }
}

#[cfg(test)]
mod tests {
    /// `fixes` trims with `str::trim`: the characters it trims are those of `text::is_trim_space`.
    #[test]
    fn the_trim_trims_the_trim_spaces() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let s = [c].iter().collect::<String>();
            assert_eq!(s.trim().is_empty(), crate::text::is_trim_space(c), "{c:?}");
        }
    }
}
