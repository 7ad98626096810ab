//! Safe fixes: what a console can change without changing meaning, each change listed.
//!
//! Names and ids: zero-width characters removed, full-width ASCII forms folded (in names only
//! where the provider refuses the full-width form and takes its fold), whitespace trimmed.
//! Descriptions: trimmed. Enumerations: the documented spelling. Integers given as numeric
//! strings: numbers. Tencent's flattened `Name.N` lists: arrays, repeated ids removed.
//! Never: truncation, guessing between conflicting fields, or a fix whose result is empty.

use crate::json::Value;
use crate::providers::{huawei, openstack, tencent, zenlayer};
use crate::report::push_escaped;
use crate::rules::{Field, Role, Ty};
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
    /// Zero-width characters removed.
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
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Change {
    /// JSON pointer of the value changed (in the request as given).
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
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Normalized {
    /// The report of the normalized request.
    pub report: Report,
    /// The request with the safe fixes applied (key order and untouched literals as given).
    pub normalized: Value<'static>,
    /// Every change made, in order.
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
/// says whether it is valid; a request that is not an object is returned unchanged.
pub fn normalize(provider: Provider, request: &Value<'_>, options: &Options<'_>) -> Normalized {
    let mut out = request.clone().into_owned();
    let mut changes = Vec::new();
    // A provider this build does not hold gets no fixes (its report says why).
    if let (Value::Object(obj), true) = (&mut out, crate::providers::built(provider)) {
        let mut n = Fixer { changes: &mut changes };
        match provider {
            Provider::Zenlayer => n.fields("", obj, zenlayer::FIELDS),
            Provider::Tencent => {
                n.flatten(obj);
                n.fields("", obj, tencent::FIELDS);
            }
            Provider::OpenStack | Provider::Nova => {
                n.fields("", obj, openstack::FIELDS);
                let profile =
                    if provider == Provider::Nova { openstack::Profile::Nova } else { openstack::Profile::Seed };
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
    }
    let report = crate::check(provider, &out, options);
    Normalized { report, normalized: out, changes }
}

/// The charset a name's full-width forms are folded for: the field's own (see [`Fixer::text`]);
/// `None` for other roles, whose forms fold whenever they have a fold.
fn fold_charset(f: &Field) -> Option<Charset> {
    match (f.role, f.ty) {
        (Role::Name, Ty::Str(rule)) => Some(rule.charset),
        (Role::Name, _) => Some(Charset::Any),
        _ => None,
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
    changes: &'c mut Vec<Change>,
}

impl Fixer<'_> {
    fn change(&mut self, path: String, code: ChangeCode, from: Value<'static>, to: Value<'static>) {
        self.changes.push(Change { path, code, from, to });
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
                        if let Some(new) = self.text(&path, f.role, fold_charset(f), s) {
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
                                    &[&*path, "/", &crate::messages::num(i as i64)].concat(),
                                    f.role,
                                    fold_charset(f),
                                    s,
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

    /// The text fixes of a role, in order: zero-width, width, trim. Returns the new text if changed.
    /// `fold`: the charset a name's full-width forms are folded for (`None` folds every one, as in
    /// ids).
    fn text(&mut self, path: &str, role: Role, fold: Option<Charset>, s: &str) -> Option<String> {
        let (zw, fold_on) = match role {
            Role::Name | Role::Id => (true, true),
            Role::Description => (false, false),
            Role::Other => return None,
        };
        let mut cur: Cow<str> = Cow::Borrowed(s);
        // A name's full-width form is folded only where its charset refuses it and allows the
        // fold (the fold is what makes it pass: a Tencent name may say `（测试）`); an id's always.
        let fold_char = |c: char| match fold {
            Some(charset) => text::fold_if_refused(charset, c),
            None => text::fold_width(c),
        };
        let fold_step = |s: &str| s.chars().any(|c| fold_char(c) != c).then(|| s.chars().map(fold_char).collect());
        type Step<'f> = (ChangeCode, &'f dyn Fn(&str) -> Option<String>);
        let zero_width = |s: &str| {
            s.chars().any(text::is_zero_width).then(|| s.chars().filter(|&c| !text::is_zero_width(c)).collect())
        };
        let trim = |s: &str| {
            let t = s.trim_matches(text::is_trim_space);
            (t.len() != s.len()).then(|| t.to_owned())
        };
        let steps: [(bool, Step); 3] = [
            (zw, (ChangeCode::RemoveZeroWidth, &zero_width)),
            (fold_on, (ChangeCode::FoldWidth, &fold_step)),
            (true, (ChangeCode::Trim, &trim)),
        ];
        for (on, (code, step)) in steps {
            if !on {
                continue;
            }
            if let Some(next) = step(&cur) {
                // A fix that would leave nothing is not safe: the value stays as it is.
                if next.is_empty() {
                    continue;
                }
                self.change(path.to_owned(), code, Value::str(cur.as_ref()), Value::str(next.as_str()));
                cur = Cow::Owned(next);
            }
        }
        match cur {
            Cow::Owned(s) => Some(s),
            Cow::Borrowed(_) => None,
        }
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
        let digits = s.strip_prefix('-').unwrap_or(s);
        let exact = !digits.is_empty()
            && digits.len() <= 15
            && digits.bytes().all(|b| b.is_ascii_digit())
            && (digits == "0" || !digits.starts_with('0'))
            && s.as_ref() != "-0";
        if exact {
            let new = Value::Number(Cow::Owned(String::from(s.as_ref())));
            self.change(path.to_owned(), ChangeCode::NumberFromString, v.clone(), new.clone());
            *v = new;
        }
    }

    /// Remove repeated strings from a list, keeping the first.
    fn dedupe(&mut self, path: &str, items: &mut Vec<Value<'static>>) {
        let strings: Vec<(usize, &str)> =
            items.iter().enumerate().filter_map(|(i, v)| v.as_str().map(|s| (i, s))).collect();
        let mut drop = vec![false; items.len()];
        for (i, _, _) in crate::rules::repeats(&strings) {
            drop[i] = true;
        }
        if !drop.contains(&true) {
            return;
        }
        let mut keep = Vec::with_capacity(items.len());
        for (i, item) in items.drain(..).enumerate() {
            if drop[i] {
                self.change(
                    [path, "/", &crate::messages::num(i as i64)].concat(),
                    ChangeCode::RemoveDuplicate,
                    item,
                    Value::Null,
                );
            } else {
                keep.push(item);
            }
        }
        *items = keep;
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
            self.change(["/", name].concat(), ChangeCode::FlattenedToArray, Value::Object(from), Value::Array(array));
        }
    }
}
