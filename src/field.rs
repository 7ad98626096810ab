//! `check_field`: one field checked exactly as `check` checks it, for keystroke validation.
//! Cross-field rules (conflicts, one-of, dependencies, duplicates across a list) need the whole
//! request and are left to `check`; a count over several fields is said where one field alone
//! passes it (a Tencent tag set binding more than 50 tags to the image, at the set). Paths: a top-level field (for OpenStack also
//! `/body/createImage/name`, `/body/createImage/metadata` and one `/body/createImage/metadata/<key>`),
//! a list item (`/DataDiskIds/0`, Tencent's `/DataDiskIds.0`, Huawei's `/tags/0`) or a tag's part
//! (`/image_tags/0/key`, `/TagSpecification/0/Tags/1/Value`).

use crate::json::is_index; // an array index as a JSON pointer writes it: digits without leading zeros
use crate::json::{JsKind, Other, Value};
use crate::providers::openstack::{self, Profile};
use crate::providers::{huawei, tencent, zenlayer};
use crate::report::{split_pointer, Kind, Path, Severity};
use crate::rules::{Checker, Field, Ty, MAX_FIELD_SEGMENTS};
use crate::{finish, Options, Provider, Report};

/// Check the value of the field at `path` (a JSON pointer such as `/ImageName` or
/// `/body/createImage/metadata`). A path the provider does not define is an `unknown_field` there;
/// a `path` that does not name a field (`ImageName` without its `/`; `""`, the JSON pointer of the
/// whole request, which [`check`](crate::check) takes) is one `unknown_field` error at `""` whose
/// `field` is the text given (nothing is checked).
/// `options`: its language, labels and `empty_as_absent` as [`check`](crate::check) reads them
/// (the context is not read: it is about the whole request).
pub fn check_field(provider: Provider, path: &str, value: &Value<'_>, options: &Options<'_>) -> Report {
    let mut c = Checker::with_options(provider, options);
    if !crate::providers::built(provider) {
        crate::providers::not_built(&mut c);
        return finish(c);
    }
    // A path that is not a JSON pointer (`ImageName` without its `/`, `""`, a provider id given
    // where the path goes) names no field: one `unknown_field` error at `""` that quotes it, since
    // nothing was checked; a report's paths are always JSON pointers into the request.
    if !path.starts_with('/') {
        c.push_at(String::new(), Kind::UnknownField { field: path.to_owned() }, Severity::Error, None);
        return finish(c);
    }
    let mut segs = split_pointer(path);
    // Tencent's flattened `DataDiskIds.3` is the item `/DataDiskIds/3`, as `check` reports it.
    if provider == Provider::Tencent && segs.len() == 1 {
        if let Some((name, n)) = tencent::flat_key(&segs[0]) {
            // A numbered key is a member, not a list's item: cleared to `undefined`, it is absent
            // (and optional), as `check` gets no member for it.
            if is_undefined(crate::json::unmarked(value)) {
                return finish(c);
            }
            segs = vec![name.to_owned(), crate::messages::num(n as i64)];
        }
    }
    // At the pointer of its segments, `~` escapes written as `check` writes them (`/a~2` is the
    // key `a~2`, at `/a~02`). No field is deeper than 5 segments (Tencent's
    // `/TagSpecification/0/Tags/1/Value`): a longer path names none.
    let pointer = crate::report::join_pointer(&segs);
    let p = Path::Pointer(&pointer);
    let known = segs.len() <= MAX_FIELD_SEGMENTS && dispatch(&mut c, &segs, &p, value);
    // An unknown field cleared to `undefined` (from JS) is no field: `check` gets no member for it.
    if !known && !is_undefined(crate::json::unmarked(value)) {
        // As `check` treats unknown keys: errors for Tencent, inside Nova's body and beside
        // `createImage` in OpenStack's, else warnings.
        let (sev, pc) = match provider {
            Provider::Tencent => (Severity::Error, Some(tencent::UNKNOWN)),
            Provider::Nova if segs.len() > 1 => (Severity::Error, Some(crate::providers::codes::OS_400)),
            Provider::OpenStack if segs.len() > 1 && segs[0] == "body" && segs[1] != "createImage" => {
                (Severity::Error, Some(crate::providers::codes::OS_400))
            }
            _ => (Severity::Warning, None),
        };
        let field = segs.last().cloned().unwrap_or_default();
        c.push_at(pointer.clone(), Kind::UnknownField { field }, sev, pc);
        c.scan_hidden(&p, value);
    }
    finish(c)
}

/// Run the rule of the field at `segs`; false when the provider has no such field.
fn dispatch(c: &mut Checker, segs: &[String], p: &Path<'_>, v: &Value<'_>) -> bool {
    let provider = c.provider;
    if !crate::providers::built(provider) {
        return false; // (check_field answered already; this lets the linker drop the other providers)
    }
    let names: Vec<&str> = segs.iter().map(String::as_str).collect();
    match (provider, names.as_slice()) {
        (Provider::Zenlayer, [name]) => simple(c, Field::find(zenlayer::FIELDS, name), p, v, &mut |_, _, _, _| {}),
        (Provider::Tencent, [name]) => {
            simple(c, Field::find(tencent::FIELDS, name), p, v, &mut tencent::check_tag_spec)
        }
        (Provider::Tencent, [list, i]) if tencent::LIST_FIELDS.contains(list) && is_index(i) => {
            let f = Field::find(tencent::FIELDS, list).expect("list field in table");
            if let Ty::StrArray { item, .. } = f.ty {
                c.check_str(p, f, &item, v);
            }
            true
        }
        // A tag set, its `Tags`, one tag: checked as `check` checks them there.
        (Provider::Tencent, ["TagSpecification", i]) if is_index(i) => {
            tencent::check_tag_spec_field(c, p, &crate::text::cat(&["/TagSpecification/", i]), v);
            true
        }
        (Provider::Tencent, ["TagSpecification", i, name]) if is_index(i) => {
            simple(c, Field::find(tencent::TAG_SPEC_FIELDS, name), p, v, &mut tencent::check_tags)
        }
        (Provider::Tencent, ["TagSpecification", i, "Tags", j]) if is_index(i) && is_index(j) => {
            tencent::check_one_tag(c, p, &tencent::TAG_SPEC_FIELDS[1], v);
            true
        }
        (Provider::Tencent, ["TagSpecification", i, "Tags", j, name]) if is_index(i) && is_index(j) => {
            simple(c, Field::find(tencent::TAG_FIELDS, name), p, v, &mut |_, _, _, _| {})
        }
        (Provider::Huawei, [name]) => simple(c, Field::find(huawei::FIELDS, name), p, v, &mut huawei::check_nested),
        (Provider::Huawei, ["tags", i]) if is_index(i) => {
            huawei::check_tag_string(c, p, Field::find(huawei::FIELDS, "tags").expect("tags in table"), v);
            true
        }
        (Provider::Huawei, ["image_tags", i]) if is_index(i) => {
            huawei::check_image_tag(c, p, Field::find(huawei::FIELDS, "image_tags").expect("image_tags in table"), v);
            true
        }
        (Provider::Huawei, ["image_tags", i, name]) if is_index(i) => {
            simple(c, Field::find(huawei::IMAGE_TAG_FIELDS, name), p, v, &mut |_, _, _, _| {})
        }
        (Provider::OpenStack | Provider::Nova, rest) => {
            let profile = Profile::of(c.provider);
            match rest {
                ["body", "createImage", "metadata", key] => {
                    // A form's cleared entry (`undefined` from JS) is no entry: nothing to check,
                    // as `validate` sends no member for it (whatever its key: one holding an
                    // unpaired surrogate comes wrapped with it).
                    if !is_undefined(crate::json::unmarked(v)) {
                        openstack::check_meta_entry(c, p, key, v);
                    }
                    true
                }
                // Every `Nested` field by one function.
                _ => simple(c, openstack::field_at(profile, rest), p, v, &mut openstack::check_nested),
            }
        }
        _ => false,
    }
}

/// Is `v` JS's `undefined` (a form's cleared field, as the bridge sends it)?
fn is_undefined(v: &Value<'_>) -> bool {
    matches!(v, Value::Other(o) if matches!(**o, Other::Js { kind: JsKind::Undefined, .. }))
}

/// Is the value of field `f` an absent one (then reported as `check` reports an absent field)? A
/// form's empty field (`undefined` from JS) is: required, or nothing to say; with
/// `empty_as_absent`, so are `""`, `[]` and `null` in an optional field, and `null` in a required
/// one (as `check` reads them). Every field of the tables, the wrappers (`/body`,
/// `/body/createImage`) included.
fn absent(c: &mut Checker, p: &Path<'_>, f: &Field, v: &Value<'_>) -> bool {
    if is_undefined(v) || (c.empty_as_absent && crate::rules::blank_is_absent(f, v)) {
        f.absent(c, p);
        return true;
    }
    false
}

/// The value `v` of field `f` at `p` checked as `check` checks it (absent, or by its type); false
/// when there is no such field.
fn simple(
    c: &mut Checker,
    f: Option<&'static Field>,
    p: &Path<'_>,
    v: &Value<'_>,
    nested: &mut dyn FnMut(&mut Checker, &Path<'_>, &Field, &Value<'_>),
) -> bool {
    let Some(f) = f else {
        return false;
    };
    if absent(c, p, f, v) {
        return true;
    }
    c.check_given(p, f, v, nested);
    true
}
