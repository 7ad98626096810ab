//! Field names in messages: the console's label of the field at a JSON pointer, in the message
//! language, with its position where it helps (`Tag key of tag 2`, `第 2 个标签的标签键`), never the
//! API path.
//!
//! The labels are the field tables' (`Field::label`, the same that `describe` gives a form),
//! without a trailing parenthetical note (`Image file (bucket:object)` is `Image file` in a
//! message: the note is for the form). List items are named by the item words below with their
//! 1-based position. A console may give its own labels per JSON pointer ([`crate::Options`]'s
//! `labels`): see [`name`] for how they are matched.

use crate::json::array_index as index; // an array index as a JSON pointer writes it (at most 9 digits)
use crate::messages::push_num;
use crate::providers::{huawei, openstack, tencent, zenlayer};
use crate::report::{join_pointer, split_pointer};
use crate::rules::Field;
use crate::{Lang, Provider};
use std::borrow::Cow;

/// Words in both languages: (English, Chinese).
type Words = (&'static str, &'static str);

/// The whole request.
const REQUEST: Words = ("the request", "请求");
/// A field the tables do not know (an unknown key, or inside one): its keys, quoted.
const OTHER: Words = ("Field", "字段");
/// The items of the lists.
const DATA_DISK: Words = ("Data disk ID", "数据盘 ID");
const SNAPSHOT: Words = ("Snapshot ID", "快照 ID");
const TAG_SET: Words = ("Tag set", "标签组");
const TAG: Words = ("Tag", "标签");
const IMAGE_TAG: Words = ("Image tag", "镜像标签");
/// The key of a metadata item, as a position in Chinese (`键“k”的元数据值`; English `of key "k"`).
const KEY_ZH: &str = "键";

/// Map entries (metadata) are OpenStack's and Nova's only: in a build with neither, the arms below
/// that name them are guarded by this constant, so they are left out (-~100 B in such a wasm).
const MAPS: bool = crate::providers::built(Provider::OpenStack) || crate::providers::built(Provider::Nova);

/// What one step of a name is.
enum What<'p> {
    /// A field: its label.
    Field,
    /// The item at this index (0-based) of a list.
    Item(usize),
    /// The key of a map entry (an OpenStack metadata key): label and key.
    MapKey(&'p str),
    /// The value of a map entry: label and key.
    MapValue(&'p str),
}

/// One step of a name, outermost first: where a console label would be looked up (the first `n`
/// segments of the pointer, then `extra`: a part's `key` or `value`), the built-in words, and
/// what the step is.
struct Step<'p> {
    n: usize,
    extra: Option<&'static str>,
    words: &'static Words,
    what: What<'p>,
}

/// A field's name as messages write it.
#[derive(Debug, PartialEq)]
pub(crate) struct Name {
    pub text: String,
    /// English: the name takes a plural verb (`Snapshot IDs are`).
    pub plural: bool,
    /// Words rather than a label (`the request`): capitalized at the start of a sentence.
    pub prose: bool,
}

fn field_step<'p>(n: usize, f: &'static Field) -> Step<'p> {
    Step { n, extra: None, words: &f.label, what: What::Field }
}

fn item<'p>(n: usize, words: &'static Words, i: usize) -> Step<'p> {
    Step { n, extra: None, words, what: What::Item(i) }
}

/// The steps of the field at `p` (unescaped segments), or `None` where the tables define no field.
fn steps<'p>(provider: Provider, p: &'p [String], part: Option<&str>, labels: &Labels<'_>) -> Option<Vec<Step<'p>>> {
    // A provider this build does not hold has no tables here (and its arms below are dead code, so
    // a one-provider build drops the other providers' field tables and labels).
    if !crate::providers::built(provider) {
        return None;
    }
    let s: Vec<&str> = p.iter().map(String::as_str).collect();
    let top = |fields: &'static [Field]| Some(vec![field_step(1, Field::find(fields, s[0])?)]);
    let mut out = Vec::new();
    match (provider, &s[..]) {
        (Provider::Zenlayer, [_]) => return top(zenlayer::FIELDS),
        (Provider::Tencent, [k]) => match tencent::flat_key(k) {
            Some((list, i)) => out.push(item(1, if list == "DataDiskIds" { &DATA_DISK } else { &SNAPSHOT }, i)),
            None => return top(tencent::FIELDS),
        },
        (Provider::Tencent, [list, i]) if tencent::LIST_FIELDS.contains(list) => {
            out.push(item(2, if *list == "DataDiskIds" { &DATA_DISK } else { &SNAPSHOT }, index(i)?))
        }
        (Provider::Tencent, ["TagSpecification", i, rest @ ..]) => {
            let i = index(i)?;
            // The tag set's position only where there is more than the first, or where the console
            // labels the first exactly.
            if i > 0 || rest.is_empty() || labels.find(p, 2, None, false).is_some_and(|(_, w)| w == 0) {
                out.push(item(2, &TAG_SET, i));
            }
            match rest {
                [] => {}
                [f] => out.push(field_step(3, Field::find(tencent::TAG_SPEC_FIELDS, f)?)),
                ["Tags", j, rest @ ..] => {
                    out.push(item(4, &TAG, index(j)?));
                    match rest {
                        [] => {}
                        [f] => out.push(field_step(5, Field::find(tencent::TAG_FIELDS, f)?)),
                        _ => return None,
                    }
                }
                _ => return None,
            }
        }
        (Provider::Huawei, [_]) => return top(huawei::FIELDS),
        (Provider::Huawei, [list @ ("tags" | "image_tags"), i, rest @ ..]) => {
            let tags = *list == "tags";
            out.push(item(2, if tags { &TAG } else { &IMAGE_TAG }, index(i)?));
            // A part of a `key.value` string is named as the tag's key or value (the fields of an
            // image tag), labelled at `/tags/i/key` or `/tags/i/value`; an image tag's field is
            // one more segment.
            let found = match rest {
                [] => part
                    .filter(|_| tags)
                    .and_then(|p| Field::find(huawei::IMAGE_TAG_FIELDS, p))
                    .map(|f| (f, Some(f.name))),
                [f] if !tags => Some((Field::find(huawei::IMAGE_TAG_FIELDS, f)?, None)),
                _ => return None,
            };
            if let Some((f, extra)) = found {
                out.push(Step { n: 2 + rest.len(), extra, words: &f.label, what: What::Field });
            }
        }
        (Provider::OpenStack | Provider::Nova, rest) => {
            let profile = openstack::Profile::of(provider);
            // One step: a metadata entry, or a field of the tables (no list around either).
            let step = match rest {
                ["body", "createImage", "metadata", k] => {
                    let (key, value) = profile.meta();
                    let (words, what) = if part == Some("value") {
                        (&value.label, What::MapValue(k))
                    } else {
                        (&key.label, What::MapKey(k))
                    };
                    Step { n: 4, extra: None, words, what }
                }
                _ => field_step(rest.len(), openstack::field_at(profile, rest)?),
            };
            return Some(vec![step]);
        }
        _ => return None,
    }
    Some(out)
}

/// The longest console label a message shows, in chars: a longer one is cut there (on a grapheme
/// cluster boundary) and ends with `…`. Each issue's message copies the labels it names, so an
/// unbounded label would make the report's memory the label's size times the issues (a 1 MiB
/// label and 5,000 issues took the wasm module out of memory).
pub(crate) const MAX_LABEL_CHARS: usize = 100;

/// Wildcard patterns (`*`, `*key`) match pointers of at most this many segments (a part's `key` or
/// `value` included): every field of the tables is within 5, plus its part. A deeper pointer (inside
/// an unknown field) takes only a label given for it exactly. Lookups stay bounded whatever the
/// labels: at most 2^6 probes of a sorted index per name.
pub(crate) const MAX_WILD_SEGMENTS: usize = 6;

/// The console's labels ([`crate::Options::labels`]), indexed once per call: each usable pattern
/// (`""` or a JSON pointer, with a label that is not empty) as its canonical pointer with its
/// position, sorted (a pattern given twice: its first label is found first). A name's lookup probes the pointer with each choice of wildcard segments (at
/// most 2^6): time per lookup independent of the number of labels (but its logarithm), where
/// matching every pattern against every issue took 20 s for 10,000 labels and 10,000 issues.
#[derive(Default)]
pub(crate) struct Labels<'o> {
    labels: &'o [(String, String)],
    /// (canonical pattern, index in `labels`), sorted (the type of Tencent's snapshot table: one
    /// sort in the wasm).
    entries: Vec<(Cow<'o, str>, usize)>,
    /// The labels longer than [`MAX_LABEL_CHARS`], cut once here: (index in `labels`, the cut
    /// label), in index order. Cutting at each lookup made a report's time its issues times the
    /// label's length (1,000 issues and a 4 MB label: 7.7 s).
    cut: Vec<(usize, String)>,
}

impl<'o> Labels<'o> {
    /// No console labels.
    #[cfg(test)]
    pub const NONE: Labels<'static> = Labels { labels: &[], entries: Vec::new(), cut: Vec::new() };

    /// The index of `labels`: time linear in their size (each long label is cut here, once).
    pub fn new(labels: &'o [(String, String)]) -> Labels<'o> {
        let mut entries = Vec::new();
        let mut cut = Vec::new();
        for (k, (pattern, label)) in labels.iter().enumerate() {
            if !label.is_empty() && (pattern.is_empty() || pattern.starts_with('/')) {
                // Its canonical pointer: `~` escapes written one way.
                let canonical = join_pointer(&split_pointer(pattern));
                entries.push((
                    if canonical == *pattern { Cow::Borrowed(pattern.as_str()) } else { Cow::Owned(canonical) },
                    k,
                ));
                // (Bytes bound chars from above: only a long text needs counting.)
                if label.len() > MAX_LABEL_CHARS && crate::text::count_chars(label) > MAX_LABEL_CHARS {
                    let mut short = crate::text::cut_graphemes(label, MAX_LABEL_CHARS - 1);
                    short.push('…');
                    cut.push((k, short));
                }
            }
        }
        entries.sort_unstable();
        Labels { labels, entries, cut }
    }

    /// The label of `i`, cut at [`MAX_LABEL_CHARS`].
    fn label(&self, i: usize) -> &str {
        match self.cut.binary_search_by_key(&i, |(k, _)| *k) {
            Ok(at) => &self.cut[at].1,
            Err(_) => &self.labels[i].1,
        }
    }

    /// The console's label for the pointer made of the first `n` segments of `p` and `extra`, and
    /// the number of wildcards its key matched through (0: it names this pointer exactly). A key
    /// segment `*` matches any one segment; `*key` matches the key of a map entry (a metadata key,
    /// as `describe` writes it: `/body/createImage/metadata/*key`), where a plain `*` names the
    /// entry's value, and only it
    /// (the entry's own pointer names its value). Of the keys that match, the one with the fewest
    /// wildcards wins; between two with as many, the one naming the first segment where they
    /// differ exactly (`/a/0/b/*` before `/a/*/b/0`, in whatever order they were given); a key
    /// given twice: its first label. Wildcards match within [`MAX_WILD_SEGMENTS`] segments. A
    /// segment that is itself `*` or `*key` is matched by its position's wildcard only (a pattern
    /// cannot name it literally: a metadata key `*` is not the value's `/metadata/*`).
    fn find(&self, p: &[String], n: usize, extra: Option<&str>, map_key: bool) -> Option<(&str, usize)> {
        if self.entries.is_empty() {
            return None;
        }
        let len = n + usize::from(extra.is_some());
        let seg = |k: usize| if k < n { p[k].as_str() } else { extra.unwrap_or("") };
        let wild = |k: usize| if map_key && k + 1 == len { "*key" } else { "*" };
        // Every choice of wildcard segments (bit `len - 1 - k` of `mask`: segment k is one), at
        // most 2^6, in increasing order: the first key found with the fewest wildcards is the one
        // whose first wildcard comes latest (a segment that is itself a wildcard token is matched
        // by its position's wildcard only, and counts as one; a map key by `*key` only).
        let masks: u32 = if len <= MAX_WILD_SEGMENTS { 1 << len } else { 1 };
        let mut best: Option<(usize, usize)> = None;
        let mut probe = String::new();
        for mask in 0..masks {
            probe.clear();
            let mut wilds = 0;
            for k in 0..len {
                let (s, w) = (seg(k), wild(k));
                probe.push('/');
                // (`masks` is 1 where `len` is above MAX_WILD_SEGMENTS: then no bit is read.)
                if s == w || s == "*" || s == "*key" || w == "*key" || (masks > 1 && (mask >> (len - 1 - k)) & 1 == 1) {
                    wilds += 1;
                    probe.push_str(w);
                } else {
                    crate::report::push_escaped(&mut probe, s);
                }
            }
            // The first entry of this key: its first label.
            let at = self.entries.partition_point(|(key, _)| key.as_ref() < probe.as_str());
            if let Some((_, i)) = self.entries.get(at).filter(|(key, _)| key.as_ref() == probe) {
                if best.is_none_or(|(w, _)| wilds < w) {
                    best = Some((wilds, *i));
                }
            }
        }
        best.map(|(wilds, i)| (self.label(i), wilds))
    }
}

/// A label of the tables without its trailing parenthetical note (`Minimum disk (GB)`,
/// `最小磁盘（GB）`): the note is for the form.
pub(crate) fn bare(label: &'static str) -> &'static str {
    // Byte by byte (no substring search code in the WebAssembly build): ` (` or `（` (EF BC 88)
    // opening the last group, when the label ends with `)` or `）` (EF BC 89).
    let b = label.as_bytes();
    let (open, close): (&[u8], &[u8]) =
        if b.ends_with(b")") { (b" (", b")") } else { ("（".as_bytes(), "）".as_bytes()) };
    if !b.ends_with(close) {
        return label;
    }
    let cut = (0..b.len().saturating_sub(open.len())).rev().find(|&i| b[i..].starts_with(open));
    cut.and_then(|i| label.get(..i)).unwrap_or(label)
}

/// Does an English label take a plural verb? It ends in `s` after an ASCII letter other than `s`,
/// `u`, `i` or `a` (`IDs`, `Tags`, `keys`; not `Status`, `Address`, `Analysis`, `Alias`).
fn plural(label: &str) -> bool {
    let mut c = label.chars().rev();
    c.next() == Some('s')
        && c.next()
            .is_some_and(|p| p.is_ascii_alphabetic() && !matches!(p, 's' | 'u' | 'i' | 'a' | 'S' | 'U' | 'I' | 'A'))
}

/// Is `c` of a CJK script (Han, kana, Hangul, ...; not CJK punctuation)?
pub(crate) fn is_cjk(c: char) -> bool {
    matches!(c, '\u{2E80}'..='\u{2FFF}' | '\u{3040}'..='\u{9FFF}' | '\u{AC00}'..='\u{D7AF}' | '\u{F900}'..='\u{FAFF}')
        || ('\u{20000}'..='\u{3FFFF}').contains(&c)
}

/// Append `s`, with a space where a CJK character meets a Latin letter, digit or other visible
/// ASCII (`第 2 个`, `实例 ID 不能为空`): the spacing of the Chinese messages.
pub(crate) fn push_spaced(out: &mut String, s: &str) {
    if let (Some(a), Some(b)) = (out.chars().next_back(), s.chars().next()) {
        if (is_cjk(a) && b.is_ascii_graphic()) || (a.is_ascii_graphic() && is_cjk(b)) {
            out.push(' ');
        }
    }
    out.push_str(s);
}

/// The first letter in lower case, for a built-in English item word inside a name (`of tag 2`).
/// ASCII only (no Unicode case tables in the WebAssembly build): the words are the tables'.
/// In place: no copy of the word.
fn lower_first(s: &mut str) {
    if let Some(f) = s.get_mut(..1) {
        f.make_ascii_lowercase();
    }
}

/// A value quoted in the message language.
pub(crate) fn quote(s: &str, lang: Lang) -> String {
    match lang {
        Lang::En => crate::text::cat(&["\"", s, "\""]),
        Lang::Zh => crate::text::cat(&["“", s, "”"]),
    }
}

/// The name of the field at the JSON pointer `path` (`part`: the `key` or `value` of a compound
/// value) in `lang`, for a message.
///
/// A console label (`labels`: JSON pointer -> label) replaces the built-in one: at the pointer
/// itself, or for a part at `<pointer>/key` / `<pointer>/value` (Huawei's `key.value` tags, as
/// `describe` writes them: `/tags/*/key`). A label whose key names the pointer exactly is the whole
/// name; one matched through `*` replaces the label and keeps the position (`第 2 个` + label).
/// The list items around a field are looked up the same way, for their words (`of tag 2`).
pub(crate) fn name(provider: Provider, path: &str, part: Option<&str>, lang: Lang, labels: &Labels<'_>) -> Name {
    name_of(provider, &split_pointer(path), part, lang, labels, false)
}

/// [`name`] of the pointer made of the unescaped segments `p`; `inside`: the name of the field that
/// holds another, inside a sentence (`Field "Foo" of tag 1 in tag set 2`: the tables' words in lower
/// case, a console's label as given, and `in` before its first position).
fn name_of(
    provider: Provider,
    p: &[String],
    part: Option<&str>,
    lang: Lang,
    labels: &Labels<'_>,
    inside: bool,
) -> Name {
    let en = lang == Lang::En;
    let pick = |w: Words| if en { w.0 } else { w.1 };
    let found = if p.is_empty() { None } else { steps(provider, p, part, labels) };
    let Some(steps) = found else {
        if let Some((label, _)) = labels.find(p, p.len(), None, false) {
            return Name { plural: en && plural(label), text: label.to_owned(), prose: false };
        }
        if p.is_empty() {
            return Name { text: pick(REQUEST).to_owned(), plural: false, prose: true };
        }
        // Not a field of the tables: the keys the request gave, as written, inside the field
        // that holds them (`Field "Foo" of tag 1`, `第 1 个标签的字段“Foo”`).
        // (Only the prefixes a field's path can be: linear in a path of any length.)
        let longest = p.len().min(crate::rules::MAX_FIELD_SEGMENTS + 1);
        let known = (1..longest).rev().find(|&k| steps(provider, &p[..k], None, labels).is_some()).unwrap_or(0);
        let keys = quote(&dotted(&p[known..]), lang);
        let holder = (known > 0).then(|| name_of(provider, &p[..known], None, lang, labels, true).text);
        let mut text = String::new();
        if en {
            text.push_str(OTHER.0);
            text.push(' ');
            text.push_str(&keys);
            if let Some(holder) = holder {
                text.push_str(" of ");
                text.push_str(&holder);
            }
        } else {
            if let Some(holder) = holder {
                push_spaced(&mut text, &holder);
                push_spaced(&mut text, "的");
            }
            text.push_str(OTHER.1);
            text.push_str(&keys);
        }
        return Name { text, plural: false, prose: false };
    };
    // Each step's words: the console's label where it gives one.
    let (last, outer) = steps.split_last().expect("a name has a step");
    // A map entry's value: at `<entry>/value` or at the entry (`describe`'s `/metadata/*`), the
    // one with fewer wildcards (between as many, `<entry>/value`).
    let leaf = match last.what {
        What::MapValue(_) if MAPS => {
            match (labels.find(p, last.n, Some("value"), false), labels.find(p, last.n, None, false)) {
                (Some(v), Some(e)) => Some(if e.1 < v.1 { e } else { v }),
                (v, e) => v.or(e),
            }
        }
        _ => labels.find(p, last.n, last.extra, MAPS && matches!(last.what, What::MapKey(_))),
    };
    let (leaf_word, words) = match leaf {
        // A label for this pointer exactly: the whole name.
        Some((label, 0)) => return Name { plural: en && plural(label), text: label.to_owned(), prose: false },
        Some((label, _)) => (label, false),
        None => (bare(pick(*last.words)), true),
    };
    // A list item's label around the leaf, and whether it names that item exactly (then it stands
    // for the item, without the item's position: `of First tag`, `First tag 的`).
    let own = |s: &Step| labels.find(p, s.n, s.extra, false).map(|(l, w)| (l, w == 0));
    let position = |text: &mut String, i: usize| push_num(text, i as i64 + 1);
    // A map entry's key, as the leaf shows it (only a leaf is a map entry).
    let key = match last.what {
        What::MapKey(k) | What::MapValue(k) if MAPS => quote(&clip(k), lang),
        _ => String::new(),
    };
    let mut text = String::new();
    let plural_leaf = matches!(last.what, What::Field) && plural(leaf_word);
    if en {
        // The leaf, then its positions inside out: `Tag key of tag 2 in tag set 2`.
        for (n, s) in steps.iter().rev().enumerate() {
            if n == 0 {
                text.push_str(leaf_word);
                // Inside a sentence: `of tag 1` (but `of ID 1` stays).
                if inside && words && leaf_word.as_bytes().get(1).is_some_and(u8::is_ascii_lowercase) {
                    lower_first(&mut text);
                }
                // A map entry's key: `Metadata key "k"`, `Metadata value of key "k"`.
                match s.what {
                    What::MapKey(_) if MAPS => text.push(' '),
                    What::MapValue(_) if MAPS => text.push_str(" of key "),
                    _ => {}
                }
                text.push_str(&key);
            } else {
                text.push_str(if n == 1 && !inside { " of " } else { " in " });
                match own(s) {
                    Some((l, exact)) => {
                        text.push_str(l);
                        if exact {
                            continue;
                        }
                    }
                    None => {
                        let at = text.len();
                        text.push_str(bare(s.words.0));
                        lower_first(&mut text[at..]);
                    }
                }
            }
            if let What::Item(i) = s.what {
                text.push(' ');
                position(&mut text, i);
            }
        }
    } else {
        // Positions outside in, then the leaf: `第 2 个标签组的第 2 个标签的标签键`.
        for (n, s) in steps.iter().enumerate() {
            let leaf = n == outer.len();
            let (word, exact) = if leaf { (leaf_word, false) } else { own(s).unwrap_or((bare(s.words.1), false)) };
            match s.what {
                What::Item(_) if exact => push_spaced(&mut text, word),
                What::Item(i) => {
                    push_spaced(&mut text, "第 ");
                    position(&mut text, i);
                    text.push_str(" 个");
                    push_spaced(&mut text, word);
                }
                What::MapValue(_) if MAPS => {
                    // `键“k”的元数据值`
                    text.push_str(KEY_ZH);
                    text.push_str(&key);
                    push_spaced(&mut text, "的");
                    push_spaced(&mut text, word);
                }
                // (`元数据键“k”`)
                _ => {
                    push_spaced(&mut text, word);
                    text.push_str(&key);
                }
            }
            if !leaf {
                push_spaced(&mut text, "的");
            }
        }
    }
    Name { text, plural: en && plural_leaf, prose: false }
}

/// A value shown in a message: at most 40 chars, then `…`.
pub(crate) fn clip(s: &str) -> String {
    match crate::text::char_at(s, 40) {
        Some(i) => crate::text::cat(&[&s[..i], "…"]),
        None => s.to_owned(),
    }
}

/// Segments as `a.b[0]`, for keys the tables do not know.
fn dotted(segs: &[String]) -> String {
    let mut out = String::new();
    for s in segs {
        if index(s).is_some() && !out.is_empty() {
            out.push('[');
            out.push_str(s);
            out.push(']');
        } else {
            if !out.is_empty() {
                out.push('.');
            }
            out.push_str(s);
        }
    }
    clip(&out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn n(p: Provider, path: &str, part: Option<&str>, lang: Lang) -> String {
        name(p, path, part, lang, &Labels::NONE).text
    }

    #[test]
    fn built_in_names() {
        use Lang::{En, Zh};
        use Provider::*;
        let cases: &[(Provider, &str, Option<&str>, &str, &str)] = &[
            (Tencent, "/ImageName", None, "Image name", "镜像名称"),
            (Tencent, "/InstanceId", None, "Instance ID", "实例 ID"),
            (Tencent, "/SnapshotIds", None, "Snapshot IDs", "快照 ID"),
            (Tencent, "/DataDiskIds/1", None, "Data disk ID 2", "第 2 个数据盘 ID"),
            (Tencent, "/DataDiskIds.3", None, "Data disk ID 4", "第 4 个数据盘 ID"),
            (Tencent, "/TagSpecification/0/Tags/1/Key", None, "Tag key of tag 2", "第 2 个标签的标签键"),
            (Tencent, "/TagSpecification/0/Tags/1", None, "Tag 2", "第 2 个标签"),
            (Tencent, "/TagSpecification/0", None, "Tag set 1", "第 1 个标签组"),
            (Tencent, "/TagSpecification/0/ResourceType", None, "Resource type", "资源类型"),
            (
                Tencent,
                "/TagSpecification/1/Tags/0/Value",
                None,
                "Tag value of tag 1 in tag set 2",
                "第 2 个标签组的第 1 个标签的标签值",
            ),
            (Tencent, "/TagSpecification/1/Tags", None, "Tags of tag set 2", "第 2 个标签组的标签"),
            (Huawei, "/image_url", None, "Image file", "镜像文件"),
            (Huawei, "/min_disk", None, "Minimum disk", "最小磁盘"),
            (Huawei, "/tags/0", Some("key"), "Tag key of tag 1", "第 1 个标签的标签键"),
            (Huawei, "/tags/0", Some("value"), "Tag value of tag 1", "第 1 个标签的标签值"),
            (Huawei, "/tags/2", None, "Tag 3", "第 3 个标签"),
            (Huawei, "/image_tags/0/key", None, "Tag key of image tag 1", "第 1 个镜像标签的标签键"),
            (Zenlayer, "/imageName", None, "Image name", "镜像名称"),
            (Nova, "/server_id", None, "Server ID", "云服务器 ID"),
            (Nova, "/token", None, "Auth token", "认证令牌"),
            (Nova, "/body/createImage/name", None, "Image name", "镜像名称"),
            (OpenStack, "/body/createImage/metadata/a~1b", None, "Metadata key \"a/b\"", "元数据键“a/b”"),
            (
                OpenStack,
                "/body/createImage/metadata/k",
                Some("value"),
                "Metadata value of key \"k\"",
                "键“k”的元数据值",
            ),
            (Tencent, "", None, "the request", "请求"),
            (Tencent, "/Foo/0/bar", None, "Field \"Foo[0].bar\"", "字段“Foo[0].bar”"),
            (Tencent, "/TagSpecification/0/Tags/0/Foo", None, "Field \"Foo\" of tag 1", "第 1 个标签的字段“Foo”"),
            (OpenStack, "/body/createImage/x/y", None, "Field \"x.y\" of createImage", "createImage 的字段“x.y”"),
            (OpenStack, "/body/x", None, "Field \"x\" of request body", "请求体的字段“x”"),
        ];
        for (p, path, part, en, zh) in cases {
            assert_eq!(n(*p, path, *part, En), *en, "{p:?} {path} {part:?}");
            assert_eq!(n(*p, path, *part, Zh), *zh, "{p:?} {path} {part:?}");
        }
        assert!(name(Tencent, "/SnapshotIds", None, En, &Labels::NONE).plural);
        assert!(!name(Tencent, "/SnapshotIds/0", None, En, &Labels::NONE).plural);
        assert!(!name(Tencent, "/ImageName", None, En, &Labels::NONE).plural);
        assert!(name(Tencent, "", None, En, &Labels::NONE).prose);
    }

    #[test]
    fn console_labels() {
        let labels: Vec<(String, String)> = [
            ("/TagSpecification/*/Tags/*/Key", "Key"),
            ("/TagSpecification/*/Tags/*", "行"),
            ("/ImageName", "名称"),
            ("/SnapshotIds/0", "主快照"),
            ("/SnapshotIds/*", "快照"),
            ("/tags/*/value", "值"),
            ("/body/createImage/metadata/*key", "属性名"),
            ("/body/createImage/metadata/*", "属性值"),
            ("/DataDiskIds", ""),
        ]
        .into_iter()
        .map(|(a, b)| (a.to_owned(), b.to_owned()))
        .collect();
        let labels = Labels::new(&labels);
        let l = |p, path, part, lang| name(p, path, part, lang, &labels).text;
        use Lang::{En, Zh};
        use Provider::*;
        assert_eq!(l(Tencent, "/ImageName", None, Zh), "名称");
        assert_eq!(l(Tencent, "/TagSpecification/0/Tags/1/Key", None, Zh), "第 2 个行的 Key");
        assert_eq!(l(Tencent, "/TagSpecification/0/Tags/1/Key", None, En), "Key of 行 2");
        assert_eq!(l(Tencent, "/SnapshotIds/0", None, Zh), "主快照");
        assert_eq!(l(Tencent, "/SnapshotIds/1", None, Zh), "第 2 个快照");
        assert_eq!(l(Tencent, "/DataDiskIds", None, Zh), "数据盘 ID", "an empty label is ignored");
        assert_eq!(l(Huawei, "/tags/1", Some("value"), Zh), "第 2 个标签的值");
        assert_eq!(l(Huawei, "/tags/1", Some("key"), Zh), "第 2 个标签的标签键");
        assert_eq!(l(OpenStack, "/body/createImage/metadata/k", None, Zh), "属性名“k”");
        assert_eq!(l(OpenStack, "/body/createImage/metadata/k", Some("value"), Zh), "键“k”的属性值");
        assert_eq!(l(Tencent, "/Foo", None, Zh), "字段“Foo”");
    }

    /// The matching rule as written (every pattern against the pointer), for the index to agree with.
    fn reference<'c>(
        labels: &'c [(String, String)],
        p: &[String],
        n: usize,
        extra: Option<&str>,
        map_key: bool,
    ) -> Option<(&'c str, bool)> {
        let len = n + usize::from(extra.is_some());
        let mut best: Option<(&str, usize, Vec<bool>)> = None;
        for (pattern, label) in labels {
            if label.is_empty() || !(pattern.is_empty() || pattern.starts_with('/')) {
                continue;
            }
            let pat = split_pointer(pattern);
            if pat.len() != len {
                continue;
            }
            let mut wild = 0;
            let matches = pat.iter().enumerate().all(|(k, a)| {
                let b = if k < n { p[k].as_str() } else { extra.unwrap_or("") };
                let w = if map_key && k + 1 == len { "*key" } else { "*" };
                if a == w {
                    wild += 1;
                }
                // A segment that is a wildcard token is named by the wildcard only, a map key by
                // `*key` only.
                a == w || (a == b && b != "*" && b != "*key" && w != "*key")
            });
            // Fewest wildcards, then the first segment where two differ named exactly, then the
            // first given.
            let places: Vec<bool> =
                pat.iter().enumerate().map(|(k, a)| a == if map_key && k + 1 == len { "*key" } else { "*" }).collect();
            if matches && best.as_ref().is_none_or(|(_, w, at)| (wild, &places) < (*w, at)) {
                best = Some((label, wild, places));
            }
        }
        best.map(|(l, w, _)| (l, w == 0))
    }

    #[test]
    fn the_index_matches_as_the_rule_says() {
        let patterns = [
            "",
            "/*",
            "/*/*",
            "/a/*",
            "/*/b",
            "/a/b",
            "/a/b",
            "/a/b/c",
            "/*/*/*key",
            "/*/*/*",
            "/*key",
            "/a~1b",
            "/a~0b",
            "/~2",
            "/*/x",
            "*",
            "a",
            "/a/*/*",
            "/*/*/c",
            "/a/*key",
            "/*/value",
            "/a/b/value",
            "/*/*/*/*",
            "/x/*/y/*/z/*",
            "/*/*/*/*/*/*",
            "/*/*/*/*/*/*/*",
        ];
        let mut labels: Vec<(String, String)> = patterns
            .iter()
            .enumerate()
            .map(|(i, p)| (p.to_string(), if i == 6 { String::new() } else { format!("L{i}") }))
            .collect();
        let segs = ["a", "b", "c", "x", "y", "z", "*", "*key", "a/b", "a~b", "~2", "value"];
        let mut checked = 0;
        let mut answers = Vec::new();
        // The patterns in both orders: the same answers (the rule does not depend on the order).
        for reversed in [false, true] {
            if reversed {
                labels.reverse();
            }
            let index = Labels::new(&labels);
            let mut k = 0;
            for len in 0..=7usize {
                // A deterministic spread of pointers of this length.
                for seed in 0..200usize {
                    let p: Vec<String> =
                        (0..len).map(|k| segs[(seed * 7 + k * 5 + seed / (k + 1)) % segs.len()].to_owned()).collect();
                    for extra in [None, Some("value"), Some("key")] {
                        for map_key in [false, true] {
                            let want = reference(&labels, &p, p.len(), extra, map_key);
                            let got = index.find(&p, p.len(), extra, map_key).map(|(l, w)| (l, w == 0));
                            let owned = got.map(|(l, exact)| (l.to_owned(), exact));
                            if reversed {
                                assert_eq!(
                                    owned, answers[k],
                                    "{p:?} {extra:?} {map_key}: another answer in reverse order"
                                );
                            } else {
                                answers.push(owned);
                            }
                            k += 1;
                            let total = len + usize::from(extra.is_some());
                            if total <= MAX_WILD_SEGMENTS {
                                assert_eq!(got, want, "{p:?} {extra:?} {map_key}");
                            } else {
                                // Deeper: only a label given for the pointer exactly.
                                assert_eq!(got, want.filter(|(_, exact)| *exact), "{p:?} {extra:?} {map_key}");
                            }
                            checked += 1;
                        }
                    }
                }
            }
        }
        assert!(checked > 18_000);
        labels.reverse();
        let index = Labels::new(&labels);
        let deep: Vec<String> = ["x", "1", "y", "2", "z", "3", "w"].iter().map(|s| s.to_string()).collect();
        assert_eq!(index.find(&deep, 6, None, false).map(|l| l.0), Some("L23"));
        assert_eq!(index.find(&deep, 7, None, false), None, "no wildcard past 6 segments");
    }

    #[test]
    fn long_console_labels_are_cut() {
        let long = "标签".repeat(80) + "e\u{301}";
        let labels = vec![("/ImageName".to_owned(), long.clone()), ("/InstanceId".to_owned(), "👨‍👩‍👧".repeat(40))];
        let labels = Labels::new(&labels);
        let n = name(Provider::Tencent, "/ImageName", None, Lang::Zh, &labels).text;
        assert_eq!(crate::text::count_chars(&n), MAX_LABEL_CHARS);
        assert!(n.ends_with('…') && long.starts_with(n.trim_end_matches('…')), "{n}");
        // Cut on a grapheme cluster boundary: a family emoji is never split.
        let n = name(Provider::Tencent, "/InstanceId", None, Lang::En, &labels).text;
        assert!(n.trim_end_matches('…').len() % "👨‍👩‍👧".len() == 0, "{n}");
        assert!(crate::text::count_chars(&n) <= MAX_LABEL_CHARS);
    }

    #[test]
    fn regression_a_key_that_is_a_wildcard_token_is_named_by_the_wildcard() {
        // A metadata key `*` was named with the value's label (`/metadata/*` read as its exact key).
        let labels = vec![
            ("/body/createImage/metadata/*key".to_owned(), "Property name".to_owned()),
            ("/body/createImage/metadata/*".to_owned(), "Property value".to_owned()),
        ];
        let labels = Labels::new(&labels);
        let key = |k: &str| name(Provider::Nova, &format!("/body/createImage/metadata/{k}"), None, Lang::En, &labels);
        assert_eq!(key("*").text, "Property name \"*\"");
        assert_eq!(key("*key").text, "Property name \"*key\"");
        assert_eq!(key("k").text, "Property name \"k\"");
        // Each long label is cut once, when the index is made.
        let long = vec![("/ImageName".to_owned(), "x".repeat(1_000_000)), ("/InstanceId".to_owned(), "y".repeat(100))];
        let index = Labels::new(&long);
        assert_eq!(index.cut.len(), 1);
        assert_eq!(index.label(0).chars().count(), MAX_LABEL_CHARS);
        assert!(std::ptr::eq(index.label(1), long[1].1.as_str()), "a short label is not copied");
    }

    #[test]
    fn bare_labels_and_plurals() {
        assert_eq!(bare("Image file (bucket:object)"), "Image file");
        assert_eq!(bare("镜像文件（桶名:对象名）"), "镜像文件");
        assert_eq!(bare("Tags"), "Tags");
        for p in ["Snapshot IDs", "Tags", "Data disk IDs", "keys"] {
            assert!(plural(p), "{p}");
        }
        for s in ["Status", "Address", "Analysis", "Alias", "Image name", "Metadata", "s", "ID", ""] {
            assert!(!plural(s), "{s}");
        }
    }
}
