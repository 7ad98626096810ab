//! The rule vocabulary (a field table per provider) and the one generic loop that checks it.

use crate::json::{number_as_i64, number_is_integer, JsKind, Other, Value};
use crate::messages;
use crate::providers::codes::ProviderCode;
use crate::providers::TYPES;
use crate::report::{Code, Issue, Kind, Path, Severity};
use crate::text::{self, Charset, Edge, Unit};
use crate::{Lang, Provider};
use std::borrow::Cow;

/// A structural format a string must have.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    /// A UUID's 32 hexadecimal digits (either case), with or without its `8-4-4-4-12` dashes
    /// (a Keystone project id is the form without).
    Hex32OrUuid,
    /// `8-4-4-4-12` hexadecimal digits.
    Uuid,
    /// `"0"`, a UUID, or `""` (Huawei enterprise project: `0` and blank both name the default one).
    ZeroOrUuid,
    /// `bucket:object`, the bucket an OBS bucket name (Huawei image_url).
    BucketObject,
}

impl Format {
    pub fn name(self) -> &'static str {
        match self {
            Format::Hex32OrUuid => "hex32 or uuid",
            Format::Uuid => "uuid",
            Format::ZeroOrUuid => "0 or uuid",
            Format::BucketObject => "bucket:object",
        }
    }
}

/// An official source that gives a stricter reading of a rule than the one the core errors on
/// (a region's page, an older page, an SDK). Its findings are warnings that name it.
/// `id` and `url` are for `describe` only: a build without the `describe` feature (the wasm) leaves
/// them out.
#[derive(Debug)]
pub struct Source {
    /// Stable id, e.g. `huawei-ims-tag-format-ascii`.
    #[cfg(feature = "describe")]
    pub id: &'static str,
    /// How messages name it: (English, Chinese).
    pub name: (&'static str, &'static str),
    /// Where to read it.
    #[cfg(feature = "describe")]
    pub url: &'static str,
    /// Why its finding is only a warning, (English, Chinese), where it is not that another official
    /// source accepts the value (Zenlayer's default quota: the account's may have been raised).
    pub why: Option<(&'static str, &'static str)>,
}

impl Source {
    #[cfg_attr(not(feature = "describe"), allow(unused_variables))]
    pub const fn new(id: &'static str, name: (&'static str, &'static str), url: &'static str) -> Source {
        Source {
            #[cfg(feature = "describe")]
            id,
            name,
            #[cfg(feature = "describe")]
            url,
            why: None,
        }
    }

    /// The same source, whose findings are warnings for the reason `why` (English, Chinese).
    pub const fn because(self, why: (&'static str, &'static str)) -> Source {
        Source { why: Some(why), ..self }
    }
}

/// A stricter reading of a string rule by one official source: its own length limits (in its
/// own unit), charset and edge rule. Where a value breaks it but not the field's rule, the report
/// gets a `warning` of the same code, whose message names the source. docs/rules.md ("Where
/// sources disagree") lists every reading.
#[derive(Clone, Copy, Debug)]
pub struct Reading {
    pub min: usize,
    pub max: Option<usize>,
    pub unit: Unit,
    pub charset: Charset,
    pub edge: Edge,
    /// Whether the source's pattern lets one final line feed through ([`FinalLf`]).
    pub final_lf: FinalLf,
    /// A structural format the source gives (`bad_format`).
    pub format: Option<Format>,
    pub source: &'static Source,
}

/// Python's `$` (upstream Nova checks names and metadata keys with `re.search("^…$", s)`): it
/// also matches just before a final `\n`, so a value ending in one line feed passes the pattern
/// as the text without it (when that text is not empty: `"\n"` alone fails Nova's pattern).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FinalLf {
    /// The charset and edges apply to the whole text.
    No,
    /// The charset and edges (the pattern) let one final `\n` through; the length counts it
    /// (Nova's name: `maxLength` is a separate JSON Schema keyword).
    Pattern,
    /// The pattern holds the length too (Nova's metadata keys, `^[a-zA-Z0-9-_:. ]{1,255}$`):
    /// neither counts one final `\n`.
    PatternAndLength,
}

impl FinalLf {
    /// `s` without the one final `\n` that the pattern lets through (`s` when nothing is left).
    #[inline]
    pub fn body(self, s: &str) -> &str {
        let b = s.as_bytes();
        if self != FinalLf::No && b.len() > 1 && b[b.len() - 1] == b'\n' {
            &s[..s.len() - 1]
        } else {
            s
        }
    }
}

impl Reading {
    /// A reading that adds nothing yet: set what the source says with the builders.
    pub const fn of(source: &'static Source) -> Reading {
        Reading {
            min: 0,
            max: None,
            unit: Unit::Chars,
            charset: Charset::Any,
            edge: Edge::Free,
            final_lf: FinalLf::No,
            format: None,
            source,
        }
    }
    pub const fn min(self, min: usize) -> Reading {
        Reading { min, ..self }
    }
    pub const fn max(self, max: usize) -> Reading {
        Reading { max: Some(max), ..self }
    }
    pub const fn bytes(self) -> Reading {
        Reading { unit: Unit::Bytes, ..self }
    }
    pub const fn charset(self, charset: Charset) -> Reading {
        Reading { charset, ..self }
    }
    pub const fn edge(self, edge: Edge) -> Reading {
        Reading { edge, ..self }
    }
    pub const fn final_lf(self, final_lf: FinalLf) -> Reading {
        Reading { final_lf, ..self }
    }
    pub const fn format(self, f: Format) -> Reading {
        Reading { format: Some(f), ..self }
    }

    /// The reading as a string rule with its limits (checked by the same routine as the field's).
    pub(crate) const fn rule(&self) -> Str {
        Str {
            min: self.min,
            max: self.max,
            unit: self.unit,
            or_bytes: None,
            charset: self.charset,
            edge: self.edge,
            format: self.format,
            final_lf: self.final_lf,
            readings: &[],
        }
    }
}

/// A string rule: length (with its unit), charset, edges, format; and the stricter readings of
/// other official sources, which only warn.
#[derive(Clone, Copy, Debug)]
pub struct Str {
    pub min: usize,
    pub max: Option<usize>,
    pub unit: Unit,
    /// A value over `max` is still accepted when it is at most this many bytes of UTF-8: another
    /// source's limit, in bytes, that takes it (Zenlayer's description: 255 characters on the page,
    /// 256 bytes in its Terraform provider, so 256 ASCII characters pass and 256 Han do not).
    pub or_bytes: Option<usize>,
    pub charset: Charset,
    /// What may not stand at either end (`bad_format`).
    pub edge: Edge,
    pub format: Option<Format>,
    /// Whether the pattern lets one final line feed through ([`FinalLf`]).
    pub final_lf: FinalLf,
    /// Stricter readings (warnings), each naming its source.
    pub readings: &'static [Reading],
}

impl Str {
    pub const ANY: Str = Str {
        min: 0,
        max: None,
        unit: Unit::Chars,
        or_bytes: None,
        charset: Charset::Any,
        edge: Edge::Free,
        format: None,
        final_lf: FinalLf::No,
        readings: &[],
    };
    pub const NON_EMPTY: Str = Str { min: 1, ..Str::ANY };
    pub const fn chars(min: usize, max: usize) -> Str {
        Str { min, max: Some(max), ..Str::ANY }
    }
    pub const fn charset(self, charset: Charset) -> Str {
        Str { charset, ..self }
    }
    pub const fn edge(self, edge: Edge) -> Str {
        Str { edge, ..self }
    }
    pub const fn format(self, f: Format) -> Str {
        Str { format: Some(f), ..self }
    }
    pub const fn readings(self, readings: &'static [Reading]) -> Str {
        Str { readings, ..self }
    }
    pub const fn final_lf(self, final_lf: FinalLf) -> Str {
        Str { final_lf, ..self }
    }
}

/// The type of a field and the rule for its value.
#[derive(Clone, Copy, Debug)]
pub enum Ty {
    Str(Str),
    /// A JSON number with no fractional part, within the range.
    Int {
        min: i64,
        max: i64,
    },
    Bool,
    /// A string from a fixed list `values`; `canonical` are the documented spellings among them
    /// (normalization writes those). `narrower`: a stricter reading's list (another value of
    /// `values` is a warning naming its source).
    Enum {
        values: &'static [&'static str],
        canonical: &'static [&'static str],
        narrower: Option<(&'static [&'static str], &'static Source)>,
    },
    /// An array of strings, each following the rule; `unique` items, `non_empty` array.
    StrArray {
        item: Str,
        unique: bool,
        non_empty: bool,
    },
    /// A value with its own structure, checked by the provider module (its shape in words, for `describe`).
    Nested(#[cfg_attr(not(feature = "describe"), allow(dead_code))] &'static str),
}

/// What a field holds, for normalization's safe fixes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// A display name: trimmed, full-width folded, zero-width removed (a joiner between two
    /// characters only where the charset refuses it); over-long gets a suggestion.
    Name,
    /// An identifier: trimmed, full-width folded, zero-width removed.
    Id,
    /// Free text: trimmed.
    Description,
    /// Anything else: no text fixes.
    Other,
}

/// More segments than any field's path has (5: Tencent's `/TagSpecification/0/Tags/1/Value`): a
/// longer path names no field, so what walks a path's prefixes looking for one stops here (paths
/// from `check_field` and labels have any length).
pub(crate) const MAX_FIELD_SEGMENTS: usize = 8;

/// Whether a field of a request must be given.
#[derive(Clone, Copy, Debug)]
pub enum Presence {
    /// The endpoint refuses the request without it: left out, a `required` error.
    Required,
    /// May be left out.
    Optional,
    /// The endpoint takes the request without it, but a stricter official source asks for it: left
    /// out, a `required` warning naming that source (Huawei's image tag `key`: "Mandatory: No" on
    /// the CreateImage page, a key of 1-128 characters on the tag format page).
    Wanted(&'static Source),
}

/// One field of a provider's request.
#[derive(Clone, Copy, Debug)]
pub struct Field {
    pub name: &'static str,
    /// Label (English, Chinese) for forms.
    #[cfg_attr(not(feature = "describe"), allow(dead_code))]
    pub label: (&'static str, &'static str),
    pub presence: Presence,
    pub ty: Ty,
    pub role: Role,
    /// The provider's own error code per issue code; `None` as the code applies to all.
    pub codes: &'static [(Option<Code>, ProviderCode)],
}

impl Field {
    /// The field of `fields` named `name`.
    pub(crate) fn find(fields: &'static [Field], name: &str) -> Option<&'static Field> {
        fields.iter().find(|f| f.name == name)
    }

    /// Must the field be given (else a `required` error)?
    pub fn required(&self) -> bool {
        matches!(self.presence, Presence::Required)
    }

    /// The field at `path` is absent (left out, or a blank form value with `empty_as_absent`):
    /// a `required` error, a `required` warning naming the source that wants it, or nothing.
    pub fn absent(&self, c: &mut Checker<'_>, path: &Path<'_>) {
        let source = match self.presence {
            Presence::Required => None,
            Presence::Wanted(source) => Some(source),
            Presence::Optional => return,
        };
        c.finding(path, Kind::Required, self, source);
    }

    pub fn provider_code(&self, code: Code) -> Option<ProviderCode> {
        self.codes
            .iter()
            .find(|(c, _)| *c == Some(code))
            .or_else(|| self.codes.iter().find(|(c, _)| c.is_none()))
            .map(|(_, pc)| *pc)
    }
}

/// A report lists at most this many issues; past them one `too_many` issue at `""` says how many
/// were found (an error if any of those not listed is one). Each issue costs a few hundred bytes
/// (path, params, message): without a cap, a list of 16 million `1`s would make 16 million
/// issues, gigabytes, from 32 MiB of text.
pub const MAX_ISSUES: usize = 10_000;

/// Collects issues while a provider's rules run.
pub struct Checker<'o> {
    pub provider: Provider,
    pub lang: Lang,
    pub issues: Vec<Issue>,
    /// The console's labels (`Options::labels`), for the messages.
    pub labels: &'o [(String, String)],
    /// Their index, made when the first message is (a valid request never needs it).
    label_index: std::cell::OnceCell<crate::labels::Labels<'o>>,
    /// `Options::empty_as_absent`.
    pub empty_as_absent: bool,
    /// Issues found past [`MAX_ISSUES`], not kept; whether one of them is an error.
    dropped: usize,
    dropped_error: bool,
    /// Where an issue past the cap is built, for callers that adjust the issue they pushed.
    spare: Option<Issue>,
    /// The part of a compound value the issues being recorded concern ([`Checker::in_part`]).
    part: Option<&'static str>,
}

impl Checker<'static> {
    /// A checker with messages in `lang` and no other option.
    pub fn new(provider: Provider, lang: Lang) -> Checker<'static> {
        Checker::make(provider, lang, &[], false)
    }
}

impl<'o> Checker<'o> {
    /// A checker for these options (their context is the caller's to run).
    pub fn with_options(provider: Provider, options: &'o crate::Options<'_>) -> Checker<'o> {
        Checker::make(provider, options.lang, &options.labels, options.empty_as_absent)
    }

    fn make(provider: Provider, lang: Lang, labels: &'o [(String, String)], empty_as_absent: bool) -> Checker<'o> {
        Checker {
            provider,
            lang,
            issues: Vec::new(),
            labels,
            label_index: std::cell::OnceCell::new(),
            empty_as_absent,
            dropped: 0,
            dropped_error: false,
            spare: None,
            part: None,
        }
    }

    /// The console's labels, indexed for the messages (once per checker).
    pub fn label_index(&self) -> &crate::labels::Labels<'o> {
        self.label_index.get_or_init(|| crate::labels::Labels::new(self.labels))
    }

    /// Is `v` what an empty form control gives (`""`, `[]`, `null`) and are such values read as
    /// absent (`Options::empty_as_absent`)?
    pub fn blank(&self, v: &Value<'_>) -> bool {
        self.empty_as_absent && is_blank(v)
    }

    /// A checker that goes on from the issues of a finished report (what `into_issues` gave): its
    /// `too_many` summary, when there is one, becomes the count of issues not kept again, so that
    /// what is added stays within [`MAX_ISSUES`] and is counted there.
    pub fn resume(provider: Provider, options: &'o crate::Options<'_>, mut issues: Vec<Issue>) -> Checker<'o> {
        let mut c = Checker::with_options(provider, options);
        if issues.len() > MAX_ISSUES {
            if let Some(summary) = issues.pop() {
                if let Kind::TooMany { actual, .. } = summary.kind {
                    c.dropped = (actual as usize).saturating_sub(MAX_ISSUES);
                }
                c.dropped_error = summary.severity == Severity::Error;
            }
        }
        c.issues = issues;
        c
    }

    /// The issues, with the `too_many` issue at the end when some were not kept.
    pub fn into_issues(mut self) -> Vec<Issue> {
        if self.dropped > 0 {
            let found = (self.issues.len() + self.dropped) as u64;
            let severity = if self.dropped_error { Severity::Error } else { Severity::Warning };
            let kind = Kind::TooMany { max: MAX_ISSUES as u64, actual: found };
            let (n, max) = (messages::num(found as i64), messages::num(MAX_ISSUES as i64));
            let message = match self.lang {
                Lang::En => crate::text::cat(&["The request has ", &n, " issues; the first ", &max, " are listed."]),
                Lang::Zh => crate::text::cat(&["请求共有 ", &n, " 个问题，仅列出前 ", &max, " 个。"]),
            };
            let mut issue = Issue::blank(String::new(), kind, severity, None);
            issue.set_message(message);
            self.issues.push(issue);
        }
        self.issues
    }

    /// Record an issue. The message is made here, from the kind and params.
    pub fn push(
        &mut self,
        path: &Path<'_>,
        kind: Kind,
        severity: Severity,
        provider_code: Option<ProviderCode>,
    ) -> &mut Issue {
        self.push_at(path.pointer(), kind, severity, provider_code)
    }

    /// Record an issue at a path already written as a JSON pointer. A provider code can only be a
    /// [`ProviderCode`] (see `providers::codes`): nothing else reaches a report.
    pub fn push_at(
        &mut self,
        path: String,
        kind: Kind,
        severity: Severity,
        provider_code: Option<ProviderCode>,
    ) -> &mut Issue {
        let provider_code = provider_code.map(|c| Cow::Borrowed(c.as_str()));
        let mut issue = Issue::blank(path, kind, severity, provider_code);
        issue.part = self.part;
        if self.issues.len() >= MAX_ISSUES {
            self.dropped += 1;
            self.dropped_error |= severity == Severity::Error;
            return self.spare.insert(issue);
        }
        self.describe(&mut issue);
        self.issues.push(issue);
        self.issues.last_mut().expect("just pushed")
    }

    /// Make an issue's message and short message from its kind, path and part.
    fn describe(&self, i: &mut Issue) {
        let (m, s) = messages::texts(self.lang, self.provider, &i.path, &i.kind, i.part, self.label_index());
        i.message = m;
        i.short_message = s;
    }

    /// Record an issue that concerns several fields (`paths`: their pointers, in table order).
    pub fn cross(
        &mut self,
        path: &Path<'_>,
        kind: Kind,
        provider_code: Option<ProviderCode>,
        paths: &[&str],
    ) -> &mut Issue {
        self.cross_of(path, kind, Severity::Error, provider_code, paths)
    }

    /// A cross-field finding of a stricter reading: a warning at `path` concerning `paths`, with the
    /// provider code `provider_code` its source documents for it (or none); its message names
    /// `source`.
    pub fn cross_warning(
        &mut self,
        path: &Path<'_>,
        kind: Kind,
        provider_code: Option<ProviderCode>,
        paths: &[&str],
        source: &'static Source,
    ) {
        let lang = self.lang;
        let issue = self.cross_of(path, kind, Severity::Warning, provider_code, paths);
        name_source(issue, lang, source);
    }

    fn cross_of(
        &mut self,
        path: &Path<'_>,
        kind: Kind,
        severity: Severity,
        provider_code: Option<ProviderCode>,
        paths: &[&str],
    ) -> &mut Issue {
        let issue = self.push(path, kind, severity, provider_code);
        issue.paths = paths.iter().map(|p| (*p).to_owned()).collect();
        issue
    }

    /// Record an error with the field's provider code for its code.
    pub fn error(&mut self, path: &Path<'_>, kind: Kind, field: &Field) -> &mut Issue {
        let pc = field.provider_code(kind.code());
        self.push(path, kind, Severity::Error, pc)
    }

    /// Run `f` with the issues it records concerning `part` (`key` or `value`) of a compound value:
    /// their messages are made with it (and keep what is added to them after, such as the source
    /// a warning names).
    pub fn in_part(&mut self, part: &'static str, f: impl FnOnce(&mut Self)) {
        let outer = self.part.replace(part);
        f(self);
        self.part = outer;
    }

    pub fn ok(&self) -> bool {
        !self.dropped_error && !self.issues.iter().any(|i| i.severity == Severity::Error)
    }

    /// Check the object `obj` at `path` against its table `fields` ([`check_fields`](Self::check_fields)),
    /// then its other keys ([`unknown_keys`](Self::unknown_keys)).
    pub fn check_object<'v, 'a>(
        &mut self,
        path: &Path<'_>,
        obj: &'v [(Cow<'a, str>, Value<'a>)],
        fields: &'static [Field],
        (severity, provider_code): (Severity, Option<ProviderCode>),
        nested: &mut dyn FnMut(&mut Checker<'o>, &Path<'_>, &Field, &'v Value<'a>),
    ) {
        self.check_fields(path, obj, fields, nested);
        self.unknown_keys(path, obj, fields, severity, provider_code);
    }

    /// The value `v` of field `f` (or an item of its list) at `path`, an object:
    /// [`check_object`](Self::check_object); false (a `wrong_type` issue for `f`) when it is not one.
    #[inline(never)]
    pub fn check_object_value<'v, 'a>(
        &mut self,
        path: &Path<'_>,
        f: &Field,
        v: &'v Value<'a>,
        fields: &'static [Field],
        unknown: (Severity, Option<ProviderCode>),
        nested: &mut dyn FnMut(&mut Checker<'o>, &Path<'_>, &Field, &'v Value<'a>),
    ) -> bool {
        let Some(obj) = v.as_object() else {
            self.wrong_type(path, v, "object", f);
            return false;
        };
        self.check_object(path, obj, fields, unknown, nested);
        true
    }

    /// A list of tags `v` (field `f`) at `path`: each item a tag object (`fields`, the key first;
    /// other keys `unknown`), then each repeated key at the later tag's key. `skip_empty`: empty
    /// keys are not compared (reported as empty already). Tencent's `Tags`, Huawei's `image_tags`.
    pub fn check_tag_list(
        &mut self,
        path: &Path<'_>,
        f: &Field,
        v: &Value<'_>,
        fields: &'static [Field],
        unknown: (Severity, Option<ProviderCode>),
        skip_empty: bool,
    ) {
        let Some(items) = v.as_array() else {
            self.wrong_type(path, v, "array", f);
            return;
        };
        let key = &fields[0];
        for (i, item) in items.iter().enumerate() {
            self.check_object_value(&path.index(i), f, item, fields, unknown, &mut |_, _, _, _| {});
        }
        // (An item that is not an object has no key: `get` reads objects only.)
        let key_of = |i: usize| {
            let k = items.get(i)?.get(key.name)?.as_str();
            k.filter(|k| !(skip_empty && k.is_empty())).map(Cow::Borrowed)
        };
        each_repeat(items.len(), &key_of, &mut |i, k, first| {
            let first = path.index(first).key(key.name).pointer();
            self.error(&path.index(i).key(key.name), Kind::Duplicate { value: k.to_owned(), first }, key);
        });
    }

    /// Check the fields of `obj` against `fields`: required ones present, each value by its type.
    /// `Nested` fields are handed to `nested`. One copy for every object kind (a dyn `nested`,
    /// never inlined): the wasm stays small.
    #[inline(never)]
    pub fn check_fields<'v, 'a>(
        &mut self,
        path: &Path<'_>,
        obj: &'v [(Cow<'a, str>, Value<'a>)],
        fields: &'static [Field],
        nested: &mut dyn FnMut(&mut Checker<'o>, &Path<'_>, &Field, &'v Value<'a>),
    ) {
        for field in fields {
            let v = obj.iter().rev().find(|(k, _)| k == field.name).map(|(_, v)| v);
            // An empty form control: absent in an optional field; `null` absent in a required one.
            let v = v.filter(|v| !(self.empty_as_absent && blank_is_absent(field, v)));
            let fp = path.key(field.name);
            match v {
                None => field.absent(self, &fp),
                Some(v) => self.check_given(&fp, field, v, nested),
            }
        }
    }

    /// The value `v` given for `field` at `path`: checked by the field's type
    /// ([`check_value`](Self::check_value)), a `Nested` one handed to `nested`. (What `check_field`
    /// runs on one field, too.)
    pub fn check_given<'v, 'a>(
        &mut self,
        path: &Path<'_>,
        field: &Field,
        v: &'v Value<'a>,
        nested: &mut dyn FnMut(&mut Checker<'o>, &Path<'_>, &Field, &'v Value<'a>),
    ) {
        match field.ty {
            Ty::Nested(_) => nested(self, path, field, v),
            _ => self.check_value(path, field, v),
        }
    }

    /// Report the keys of `obj` that are not in `fields`: `unknown_field` issues of `severity`.
    #[inline(never)]
    pub fn unknown_keys(
        &mut self,
        path: &Path<'_>,
        obj: &[(Cow<'_, str>, Value<'_>)],
        fields: &[Field],
        severity: Severity,
        provider_code: Option<ProviderCode>,
    ) {
        for (k, v) in obj {
            if fields.iter().any(|f| f.name == k) {
                continue;
            }
            let kp = path.key(k);
            self.push(&kp, Kind::UnknownField { field: String::from(k.as_ref()) }, severity, provider_code);
            self.scan_hidden(&kp, v);
        }
    }

    /// Values the rules do not look into can still hide nesting past the limit or unreadable
    /// properties: report the first of each (one is enough to say the value was not fully read,
    /// and a huge value must not make a huge report), so nothing is passed over in silence.
    pub fn scan_hidden(&mut self, path: &Path<'_>, v: &Value<'_>) {
        let mut seen = (false, false);
        self.scan(path, v, &mut seen);
    }

    fn scan(&mut self, path: &Path<'_>, v: &Value<'_>, seen: &mut (bool, bool)) {
        if seen.0 && seen.1 {
            return;
        }
        match v {
            Value::Array(a) => {
                for (i, x) in a.iter().enumerate() {
                    self.scan(&path.index(i), x, seen);
                }
            }
            Value::Object(m) => {
                for (k, x) in m {
                    self.scan(&path.key(k), x, seen);
                }
            }
            Value::Other(o) => {
                let first = match &**o {
                    Other::BadKey { value, .. } => return self.scan(path, value, seen),
                    Other::TooDeep => &mut seen.0,
                    Other::Js { kind: JsKind::Unreadable, .. } => &mut seen.1,
                    _ => return,
                };
                // (Its issue is what `type_kind` says of such a value: `too_deep` or `unreadable`.)
                if !*first {
                    *first = true;
                    self.push(path, type_kind(v, ""), Severity::Error, None);
                }
            }
            _ => {}
        }
    }

    /// Report a value of the wrong type, or the special reasons a value could not be taken.
    pub fn wrong_type(&mut self, path: &Path<'_>, v: &Value<'_>, expected: &'static str, field: &Field) {
        self.error(path, type_kind(v, expected), field);
    }

    /// Check one value against its field's type (not `Nested`).
    pub fn check_value(&mut self, path: &Path<'_>, field: &Field, v: &Value<'_>) {
        match field.ty {
            Ty::Str(rule) => {
                self.check_str(path, field, &rule, v);
            }
            // The types no built provider's field has are left out (`providers::TYPES`, from
            // their tables; the last arm).
            Ty::Int { min, max } if TYPES.int => match v {
                Value::Number(n) if number_is_integer(n) => {
                    let ok = number_as_i64(n).map(|x| (min..=max).contains(&x)).unwrap_or(false);
                    if !ok {
                        self.error(path, Kind::OutOfRange { min, max, actual: String::from(n.as_ref()) }, field);
                    }
                }
                _ => self.wrong_type(path, v, "integer", field),
            },
            Ty::Bool if TYPES.bool => {
                if !matches!(v, Value::Bool(_)) {
                    self.wrong_type(path, v, "boolean", field);
                }
            }
            Ty::Enum { values, narrower, .. } if TYPES.enumeration => match v {
                Value::String(s) => {
                    // Outside the list (an error), or outside a stricter reading's (a warning).
                    let refused = if !values.contains(&s.as_ref()) {
                        Some((values, None))
                    } else {
                        narrower.filter(|(n, _)| !n.contains(&s.as_ref())).map(|(n, source)| (n, Some(source)))
                    };
                    if let Some((allowed, source)) = refused {
                        let kind = Kind::NotAllowed { allowed, actual: String::from(s.as_ref()) };
                        match source {
                            // (No provider code: the field's code is documented for a value outside
                            // its whole list, and no source gives one for the stricter list.)
                            Some(source) => self.source_warning(path, kind, None, source),
                            None => {
                                self.error(path, kind, field);
                            }
                        }
                    }
                }
                _ => self.wrong_type(path, v, "string", field),
            },
            Ty::StrArray { item, unique, non_empty } if TYPES.str_array => match v {
                Value::Array(items) => {
                    if non_empty && items.is_empty() {
                        self.error(path, Kind::Empty, field);
                    }
                    self.check_str_items(path, field, &item, unique, &mut items.iter().enumerate());
                }
                _ => self.wrong_type(path, v, "array", field),
            },
            Ty::Int { .. } | Ty::Bool | Ty::Enum { .. } | Ty::StrArray { .. } | Ty::Nested(_) => {}
        }
    }

    /// Check the items of a string array given as (index, value) pairs (the array form, or
    /// Tencent's flattened `Name.N` keys), with duplicates reported at the later index. (A `dyn`
    /// iterator: one copy for both forms in the wasm.)
    pub fn check_str_items<'v, 'a: 'v>(
        &mut self,
        path: &Path<'_>,
        field: &Field,
        item: &Str,
        unique: bool,
        items: &mut dyn Iterator<Item = (usize, &'v Value<'a>)>,
    ) {
        let mut strings: Vec<(usize, &str)> = Vec::with_capacity(items.size_hint().0);
        for (i, x) in items {
            if let Some(s) = self.check_str(&path.index(i), field, item, x) {
                strings.push((i, s));
            }
        }
        if unique {
            // Compared as `normalize` leaves them (it removes the repeats it makes: `"disk-1\u{200b}"`
            // after `"disk-1"` is one; the provider receives the normalized ids). (The unique lists
            // are Tencent's: a build without it leaves the text fixes out of its first module.)
            let tencent = crate::providers::built(Provider::Tencent);
            let key_of = |k: usize| {
                let s = strings.get(k)?.1;
                Some(if tencent { crate::normalize::fixed(field, s) } else { Cow::Borrowed(s) })
            };
            each_repeat(strings.len(), &key_of, &mut |k, s, first| {
                let first = path.index(strings[first].0).pointer();
                self.error(&path.index(strings[k].0), Kind::Duplicate { value: s.to_owned(), first }, field);
            });
        }
    }

    /// Check a string value; returns it when it is a string (valid or not; one holding an
    /// unpaired surrogate is checked, on its [`lossy_text`], and not returned).
    pub fn check_str<'v>(&mut self, path: &Path<'_>, field: &Field, rule: &Str, v: &'v Value<'_>) -> Option<&'v str> {
        let s: &str = match v {
            Value::String(s) => s,
            _ => {
                match lossy_text(v) {
                    Some((text, _, lone)) => self.check_text_with(path, field, rule, &text, Some(lone)),
                    None => self.wrong_type(path, v, "string", field),
                }
                return None;
            }
        };
        self.check_text(path, field, rule, s);
        Some(s)
    }

    /// The string rules proper: empty, length, charset, edges, format; then the stricter
    /// readings of other sources, as warnings.
    pub fn check_text(&mut self, path: &Path<'_>, field: &Field, rule: &Str, s: &str) {
        self.check_text_with(path, field, rule, s, None);
    }

    /// [`Checker::check_text`]; `lone`: the first unpaired surrogate of the value `s` stands for
    /// (U+FFFD in its place in `s`), as (code point, index in chars): it is a `bad_char` whatever
    /// the charset, unless an earlier character is.
    pub(crate) fn check_text_with(
        &mut self,
        path: &Path<'_>,
        field: &Field,
        rule: &Str,
        s: &str,
        lone: Option<(u32, usize)>,
    ) {
        let start = self.issues.len();
        self.string_rule(path, field, rule, s, lone, None);
        // The stricter readings, in order: each finding the field's own rule and the readings
        // before it have not already reported (one issue per code and field) is a warning whose
        // message names the source. (A bit per code, read once before the reading adds anything:
        // there are fewer than 32.)
        const _: () = assert!(Code::ALL.len() <= 32);
        for r in rule.readings {
            let seen = self.issues[start..].iter().fold(0u32, |m, i| m | 1 << i.code() as u32);
            self.string_rule(path, field, &r.rule(), s, None, Some((r.source, seen)));
        }
    }

    /// One string rule on `s`, in a fixed order: empty or too short, too long, the first refused
    /// character, the edges, the format. The field's own rule (`reading` `None`) reports errors,
    /// with a suggestion for a name; a stricter reading (`Some((source, seen))`) reports warnings
    /// naming its source, and none of the codes in `seen` (a bit per code: already reported for
    /// the field). One routine for both, so a reading is checked as the same limits in a field's
    /// rule would be.
    fn string_rule(
        &mut self,
        path: &Path<'_>,
        field: &Field,
        rule: &Str,
        s: &str,
        lone: Option<(u32, usize)>,
        reading: Option<(&'static Source, u32)>,
    ) {
        let (source, seen) = match reading {
            Some((source, seen)) => (Some(source), seen),
            None => (None, 0),
        };
        let seen = |code: Code| seen & 1 << code as u32 != 0;
        if s.is_empty() {
            if rule.min >= 1 && !seen(Code::Empty) {
                self.finding(path, Kind::Empty, field, source);
            }
            return;
        }
        // What the pattern (charset, edges) reads, and what the length counts. (Each feature of a
        // string rule is read only where a built provider's table has it, `providers::TYPES`: a
        // build leaves out the code of the others.)
        let (body, counted) = match TYPES.final_lf {
            true => {
                let body = rule.final_lf.body(s);
                (body, if rule.final_lf == FinalLf::PatternAndLength { body } else { s })
            }
            false => (s, s),
        };
        let unit = if TYPES.bytes { rule.unit } else { Unit::Chars };
        let n = unit.count_if_outside(counted, rule.min, rule.max);
        if let Some(n) =
            n.filter(|&n| TYPES.min_above_one && n < rule.min && !seen(Code::TooShort) && !seen(Code::Empty))
        {
            self.finding(path, Kind::TooShort { min: rule.min, actual: n, unit }, field, source);
        }
        let first = self.issues.len();
        if let (Some(max), Some(n)) = (rule.max, n) {
            let or_bytes = if TYPES.bytes { rule.or_bytes } else { None };
            if n > max && !seen(Code::TooLong) && or_bytes.is_none_or(|b| counted.len() > b) {
                // An ASCII text may have `or_bytes` characters: its limit is that (Zenlayer's
                // description: 257 ASCII characters, "at most 256"); any other text's is `max`
                // (257 or 256 Han characters, "at most 255").
                let max = or_bytes.filter(|_| counted.len() == n).unwrap_or(max);
                self.finding(path, Kind::TooLong { max, actual: n, unit }, field, source);
            }
        }
        // The first refused character; with an unpaired surrogate, the surrogate unless a refused
        // character comes before it.
        if !seen(Code::BadChar) {
            let bad = rule.charset.first_bad(body);
            let bad = match lone {
                Some((code_point, at)) if bad.is_none_or(|(index, _)| index >= at) => {
                    Some(Kind::BadChar { ch: None, code_point, index: at })
                }
                _ => bad.map(|(index, c)| Kind::BadChar { ch: Some(c), code_point: c as u32, index }),
            };
            if let Some(kind) = bad {
                self.finding(path, kind, field, source);
            }
        }
        // A name that is too long or has characters not allowed gets one suggestion that passes both
        // rules: what normalization would fold is folded, what is not allowed dropped, the rest cut at
        // the limit on a grapheme-cluster boundary. (An unpaired surrogate is refused: its U+FFFD is
        // dropped too, wherever the charset would allow U+FFFD.) Not for a reading's warnings.
        if reading.is_none() && field.role == Role::Name && self.issues.len() > first {
            if let Some(fixed) = suggest(s, rule, lone.is_some()) {
                for issue in &mut self.issues[first..] {
                    issue.suggestion = Some(fixed.clone());
                }
            }
        }
        if !seen(Code::BadFormat) {
            if TYPES.has_edge(rule.edge) && rule.edge.broken(body) {
                self.finding(path, Kind::BadFormat { format: rule.edge.format() }, field, source);
            }
            // Only the formats the built providers' tables have (`providers::TYPES`): a build
            // leaves the others' checks out (zenlayer's first module ~300 B gzip less).
            if let Some(bad) = rule.format.filter(|f| TYPES.has_format(*f)).and_then(|f| format_error(f, s)) {
                self.finding(path, Kind::BadFormat { format: bad }, field, source);
            }
        }
    }

    /// A warning from a stricter reading outside the string rules (e.g. a type): its message names
    /// the source.
    pub fn reading_warning(&mut self, path: &Path<'_>, kind: Kind, field: &Field, source: &'static Source) {
        self.finding(path, kind, field, Some(source));
    }

    /// An issue of `field` with its provider code: an error where its own rule finds it (`source`
    /// `None`), a warning naming `source` where a stricter reading does.
    pub fn finding(&mut self, path: &Path<'_>, kind: Kind, field: &Field, source: Option<&'static Source>) {
        let pc = field.provider_code(kind.code());
        match source {
            None => {
                self.push(path, kind, Severity::Error, pc);
            }
            Some(source) => self.source_warning(path, kind, pc, source),
        }
    }

    /// A warning from a stricter reading, with the provider code `pc` that its source documents
    /// for it (or none); its message names the source.
    pub fn source_warning(&mut self, path: &Path<'_>, kind: Kind, pc: Option<ProviderCode>, source: &'static Source) {
        let lang = self.lang;
        let issue = self.push(path, kind, Severity::Warning, pc);
        name_source(issue, lang, source);
    }
}

/// Add to a warning's messages which source reads the rule this strictly.
fn name_source(issue: &mut Issue, lang: Lang, source: &Source) {
    let (message, short) = (&mut issue.message, &mut issue.short_message);
    match lang {
        Lang::En => {
            message.push_str(" This follows ");
            message.push_str(source.name.0);
            message.push_str("; ");
            message.push_str(source.why.map_or("another official source accepts it", |w| w.0));
            message.push_str(", so it is a warning.");
            short.push_str(", per ");
            short.push_str(source.name.0);
        }
        Lang::Zh => {
            // (A space where the source's name starts with Latin letters: `依据 Zenlayer`.)
            message.push_str("（依据");
            crate::labels::push_spaced(message, source.name.1);
            message.push('；');
            message.push_str(source.why.map_or("另有官方资料允许", |w| w.1));
            message.push_str("，因此仅为警告。）");
            short.push_str("（依据");
            crate::labels::push_spaced(short, source.name.1);
            short.push('）');
        }
    }
}

/// Does `v`, given for field `f`, read as absent with `empty_as_absent`: `""`, `[]` or `null` in an
/// optional field, `null` in a required one?
pub fn blank_is_absent(f: &Field, v: &Value<'_>) -> bool {
    is_blank(v) && (!f.required() || matches!(v, Value::Null))
}

/// What an empty form control gives: `""`, `[]` or `null`.
pub fn is_blank(v: &Value<'_>) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.is_empty(),
        Value::Array(a) => a.is_empty(),
        _ => false,
    }
}

/// A value for `s` that passes the length and charset of `rule`, where one can be made without
/// guessing: folded, filtered, trimmed and cut on a grapheme boundary; `None` when nothing is left.
/// Zero-width characters go as `normalize` removes them (a joiner between two characters stays
/// where the charset allows it), also after the cut (which may end a name on a joiner).
/// `lone`: `s` is the text of a string holding unpaired surrogates, each U+FFFD in `s` (refused,
/// so dropped, even where the charset allows U+FFFD).
fn suggest(s: &str, rule: &Str, lone: bool) -> Option<String> {
    let kept: String = s
        .chars()
        .filter(|&c| !(lone && c == '\u{FFFD}'))
        .map(|c| if rule.charset == Charset::Any { c } else { text::fold_if_refused(rule.charset, c) })
        .filter(|&c| rule.charset.allows(c))
        .collect();
    let kept = text::remove_zero_width(&kept, Some(rule.charset)).unwrap_or(kept);
    let kept = text::trim(&kept);
    let cut = match rule.max {
        Some(max) if rule.unit == Unit::Chars && text::count_chars(kept) > max => text::cut_graphemes(kept, max),
        _ => kept.to_owned(),
    };
    let cut = text::remove_zero_width(&cut, Some(rule.charset)).unwrap_or(cut);
    (!cut.is_empty()).then_some(cut)
}

/// The repeats in a list of `n` items, reported in list order: `report(k, text, first)` for each
/// later occurrence of a text (its position, the text, the position of the first). `key(k)` is the
/// text of the item at position `k`, or `None` for an item with nothing to compare; it is called
/// again for each repeat and must answer the same.
///
/// Sorting, not pairwise comparing: linear-logarithmic in the length of the list. The texts are
/// sorted once with their positions (the `(Cow<str>, usize)` sort of the JSON reader and the
/// labels: one sort in the wasm for all three), each run of equal texts gives its items the
/// position of its first, and the items are then read in order: no list of the repeats is built
/// and sorted back into list order (a second sort in the wasm). Memory: a pair and a position per
/// item (and the copies of the texts `key` makes).
pub fn each_repeat<'s>(
    n: usize,
    key: &dyn Fn(usize) -> Option<Cow<'s, str>>,
    report: &mut dyn FnMut(usize, &str, usize),
) {
    // (At most one pair per item: allocated once.)
    let mut sorted: Vec<(Cow<'s, str>, usize)> = Vec::with_capacity(n);
    for k in 0..n {
        if let Some(text) = key(k) {
            sorted.push((text, k));
        }
    }
    // (Unstable: the positions are distinct, so the order is total.)
    sorted.sort_unstable();
    // The position of the first item with item k's text (k itself for a first occurrence).
    let mut first: Vec<usize> = (0..n).collect();
    for w in sorted.windows(2) {
        if w[0].0 == w[1].0 {
            first[w[1].1] = first[w[0].1];
        }
    }
    drop(sorted);
    for (k, &f) in first.iter().enumerate() {
        if f != k {
            if let Some(text) = key(k) {
                report(k, &text, f);
            }
        }
    }
}

/// The issue for a value that is not of the `expected` type: `wrong_type`, or why it could not be
/// taken at all (nesting past the limit, a property that could not be read).
pub fn type_kind(v: &Value<'_>, expected: &'static str) -> Kind {
    if let Value::Other(o) = v {
        match &**o {
            Other::TooDeep => return Kind::TooDeep { max: crate::json::MAX_DEPTH },
            Other::Js { kind: JsKind::Unreadable, detail } => return Kind::Unreadable { detail: detail.clone() },
            _ => {}
        }
    }
    Kind::WrongType { expected, actual: v.type_name() }
}

/// Does `s` pass the errors of `rule` for `field` (the string rules of [`Checker::check_text`]:
/// empty, length, charset, edges, format; warnings do not count)? Normalization does not make a
/// fix that turns a passing value into a failing one. (The checker's provider only words messages,
/// which are not read here.)
pub(crate) fn passes(field: &Field, rule: &Str, s: &str) -> bool {
    let mut c = Checker::new(Provider::Zenlayer, Lang::En);
    c.check_text(&Path::Root, field, rule, s);
    c.issues.iter().all(|i| i.severity != Severity::Error)
}

/// A string holding an unpaired surrogate ([`Other::LoneSurrogate`]) as the rules read it: its
/// text with U+FFFD in place of each surrogate (one character, as a surrogate is one UTF-16
/// unit), the literal as written, and the first surrogate as (code point, index in chars). `None`
/// for any other value.
pub(crate) fn lossy_text<'v>(v: &'v Value<'_>) -> Option<(String, &'v str, (u32, usize))> {
    let Value::Other(o) = v else { return None };
    let Other::LoneSurrogate { raw, code_point, index } = &**o else { return None };
    Some((crate::json::lossy_string(raw), raw, (*code_point, *index)))
}

/// Check a structural format; `Some(format name)` when the value does not have it.
pub fn format_error(f: Format, s: &str) -> Option<&'static str> {
    let ok = match f {
        Format::Hex32OrUuid => text::is_hex(s, 32) || text::is_uuid(s),
        Format::Uuid => text::is_uuid(s),
        Format::ZeroOrUuid => s.is_empty() || s == "0" || text::is_uuid(s),
        Format::BucketObject => {
            return match crate::text::split_byte(s, b':') {
                Some((b, o)) if !b.is_empty() && !o.is_empty() => {
                    if is_bucket_name(b) {
                        None
                    } else {
                        Some("bucket name")
                    }
                }
                _ => Some("bucket:object"),
            };
        }
    };
    if ok {
        None
    } else {
        Some(f.name())
    }
}

/// An OBS bucket name: 3 to 63 characters of lowercase letters, digits, `-` and `.`, starting and
/// ending with a letter or digit.
pub fn is_bucket_name(b: &str) -> bool {
    let bytes = b.as_bytes();
    let edge = |c: u8| c.is_ascii_lowercase() || c.is_ascii_digit();
    (3..=63).contains(&bytes.len())
        && b.chars().all(|c| Charset::Bucket.allows(c))
        && edge(bytes[0])
        && edge(bytes[bytes.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::providers::{huawei, openstack, tencent, zenlayer};

    /// Every source a warning can name, in both messages of both languages: Chinese typography
    /// (a space where Han meets Latin letters or digits: `依据 Zenlayer`, never `依据Zenlayer`).
    #[test]
    fn sources_are_named_with_chinese_spacing() {
        let sources = [
            &tencent::TAG_LIMITS,
            &tencent::CKAFKA_TAGS,
            &openstack::UPSTREAM_V2,
            &openstack::SEED_BLANK_KEY,
            &openstack::SEED_UUID,
            &openstack::NOVA_API_REF,
            &zenlayer::TERRAFORM,
            &zenlayer::PAGE,
            &huawei::IMAGE_ATTRIBUTES,
            &huawei::TAG_FORMAT_ASCII,
            &huawei::TAG_FORMAT,
            &huawei::TAG_APIS,
        ];
        for source in sources {
            for lang in Lang::ALL {
                let mut c = Checker::new(Provider::Zenlayer, lang);
                c.reading_warning(&Path::Root.key("imageName"), Kind::Empty, &zenlayer::FIELDS[1], source);
                let i = &c.issues[0];
                for m in [&i.message, &i.short_message] {
                    let chars: Vec<char> = m.chars().collect();
                    for w in chars.windows(2) {
                        let (a, b) = (w[0], w[1]);
                        let cjk = crate::labels::is_cjk;
                        assert!(!(cjk(a) && b.is_ascii_alphanumeric()), "no space in {a}{b}: {m}");
                        assert!(!(a.is_ascii_alphanumeric() && cjk(b)), "no space in {a}{b}: {m}");
                    }
                }
            }
        }
    }
}
