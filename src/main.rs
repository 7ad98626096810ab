//! The `createimage` command line: check, normalize, build the HTTP request, describe the rules,
//! export the JSON Schema. Exit codes: 0 valid, 1 not valid, 2 usage error, unreadable input or
//! output that could not be written.
//!
//! Output goes through one buffered writer whose errors are handled, never `println!` (which
//! panics, and with `panic = "abort"` aborts, when standard output is a closed pipe or a full
//! disk): a closed pipe (`| head -c1`) ends the program quietly with its verdict's exit code;
//! any other write error is exit 2 with a message on standard error, if that can be written.
//! Input is read up to [`MAX_TEXT_BYTES`]: more (`/dev/zero`) is refused, not read without end.
//! A key holding an unpaired surrogate is written as its `\udXXX` escape (see `json::Marks`).

use createimage::__private::{escape_hidden, parse_marked, unmarked, visible, Marks, MAX_TEXT_BYTES};
use createimage::{Lang, Options, Other, Provider, Report, Severity, Value};
use std::io::{ErrorKind, Read, Write};
use std::process::ExitCode;

const USAGE: &str =
    "usage: createimage <check|normalize|http|describe|schema> --provider <zenlayer|tencent|openstack|nova|huawei>
                   [--lang TAG] [--labels FILE] [--empty-as-absent] [--format text|json]
                   [--context FILE] [FILE|-]

  check      check a request (JSON from FILE or standard input) and print the report
  normalize  apply the safe fixes, print the changes, the normalized request and its report
  http       print the HTTP request to send (method, path, headers, body), or the report;
             its warnings on standard error (with --format json: as \"warnings\" beside it)
  describe   print the field descriptors a form needs (JSON)
  schema     print a JSON Schema (draft 2020-12) of the request

  --lang TAG         message language, a BCP 47 tag: zh, zh-CN, zh-Hans-CN, zh-TW... Chinese, any other English
  --labels FILE      the console's labels for messages: a JSON object {\"/JSON/pointer\": \"label\"} (* = any segment)
  --empty-as-absent  read \"\", [] and null in optional fields as absent (what an empty form control gives)
  --format text|json text (default) or the report/result as JSON
  --context FILE     the console's pre-flight context (JSON): instance state, quotas, names in use...

  -h, --help         print this help (also: createimage help)

exit status: 0 valid, 1 not valid, 2 usage error or input that is not JSON";

struct Args {
    command: String,
    provider: Provider,
    lang: Lang,
    json: bool,
    context: Option<String>,
    labels: Option<String>,
    empty_as_absent: bool,
    input: Option<String>,
}

/// The arguments, or `None` when help is asked for (`help`, `--help` or `-h` as the command, or
/// `--help`/`-h` where an option may stand).
fn parse_args(args: &[String]) -> Result<Option<Args>, String> {
    let mut it = args.iter();
    let command = it.next().ok_or("missing command")?.clone();
    if matches!(command.as_str(), "help" | "--help" | "-h") {
        return Ok(None);
    }
    if !matches!(command.as_str(), "check" | "normalize" | "http" | "describe" | "schema") {
        return Err(format!("unknown command \"{command}\""));
    }
    let (mut provider, mut lang, mut json, mut context, mut input) = (None, Lang::En, false, None, None);
    let (mut labels, mut empty_as_absent) = (None, false);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--provider" | "-p" => {
                let v = value("--provider")?;
                provider = Some(Provider::parse(&v).ok_or(format!("unknown provider \"{v}\""))?);
            }
            // Any BCP 47 tag (`zh-Hans-CN`, `en-US`, `$LANG`'s `zh_CN`): Chinese for zh-*, else English.
            "--lang" => lang = Lang::from_bcp47(&value("--lang")?),
            "--labels" => labels = Some(value("--labels")?),
            "--empty-as-absent" => empty_as_absent = true,
            "--format" => {
                json = match value("--format")?.as_str() {
                    "json" => true,
                    "text" => false,
                    v => return Err(format!("unknown format \"{v}\" (text or json)")),
                }
            }
            "--context" => context = Some(value("--context")?),
            "-h" | "--help" => return Ok(None),
            // (`-pnova`, `-x`: an option it does not know, not a file; `-` is standard input, and a
            // file whose name starts with `-` is given as `./-name`.)
            s if s.starts_with('-') && s != "-" => {
                return Err(format!("unknown option \"{}\"", visible(s)));
            }
            s => {
                if input.replace(s.to_owned()).is_some() {
                    return Err("more than one input file".into());
                }
            }
        }
    }
    let provider = provider.ok_or("--provider is required")?;
    if matches!(command.as_str(), "describe" | "schema") && input.is_some() {
        return Err(format!("{command} reads no input file"));
    }
    Ok(Some(Args { command, provider, lang, json, context, labels, empty_as_absent, input }))
}

/// Read at most `MAX_TEXT_BYTES` of JSON text (one byte more tells that there is more).
fn read(path: Option<&str>) -> Result<String, String> {
    let mut bytes = Vec::new();
    let (what, r) = match path {
        None | Some("-") => (
            "standard input".to_owned(),
            std::io::stdin().lock().take(MAX_TEXT_BYTES as u64 + 1).read_to_end(&mut bytes),
        ),
        Some(p) => (
            p.to_owned(),
            std::fs::File::open(p).and_then(|f| f.take(MAX_TEXT_BYTES as u64 + 1).read_to_end(&mut bytes)),
        ),
    };
    r.map_err(|e| format!("cannot read {what}: {e}"))?;
    if bytes.len() > MAX_TEXT_BYTES {
        return Err(format!(
            "cannot read {what}: it has more than {MAX_TEXT_BYTES} bytes (16 MiB), the most that is read"
        ));
    }
    String::from_utf8(bytes).map_err(|e| format!("cannot read {what}: not UTF-8 ({e})"))
}

/// The last line of a text report, in the messages' language: `tencent: not valid (1 error, 2
/// warnings)`, `tencent：无效（1 个错误，2 个警告）`.
fn summary_line(r: &Report, lang: Lang) -> String {
    let errors = r.issues.iter().filter(|i| i.severity == Severity::Error).count();
    let warnings = r.issues.len() - errors;
    let id = r.provider.id();
    match lang {
        Lang::Zh => {
            let verdict = if r.ok { "有效" } else { "无效" };
            format!("{id}：{verdict}（{errors} 个错误，{warnings} 个警告）\n")
        }
        _ => {
            let verdict = if r.ok { "valid" } else { "not valid" };
            let s = |k: usize| if k == 1 { "" } else { "s" };
            format!("{id}: {verdict} ({errors} error{}, {warnings} warning{})\n", s(errors), s(warnings))
        }
    }
}

fn text_report(r: &Report, lang: Lang) -> String {
    let mut out = text_issues(&r.issues, lang);
    out.push_str(&summary_line(r, lang));
    out
}

/// Each issue on its line (`severity: path: code [providerCode]: message`), its suggestion below.
fn text_issues(issues: &[createimage::Issue], lang: Lang) -> String {
    let mut out = String::new();
    for i in issues {
        let path = if i.path.is_empty() { "(request)" } else { &i.path };
        let pc = i.provider_code.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default();
        let (path, message) = (visible(path), visible(&i.message));
        out.push_str(&format!("{}: {path}: {}{pc}: {message}\n", i.severity.as_str(), i.code().as_str()));
        if let Some(s) = &i.suggestion {
            out.push_str(if lang == Lang::Zh { "    建议：" } else { "    suggestion: " });
            out.push_str(&visible(s));
            out.push('\n');
        }
    }
    out
}

/// Pretty JSON text for a terminal: the characters [`visible`] escapes but its own line breaks, as
/// JSON escapes (`\u202e`), so that it stays the same JSON (they can only stand inside its
/// strings, where every C0 control character is escaped already).
fn json_visible(s: &str) -> std::borrow::Cow<'_, str> {
    escape_hidden(s, true, |c| format!("\\u{:04x}", c as u32))
}

/// The console's labels: a JSON object of strings (JSON pointer -> label), parsed with `marks` (a
/// key holding an unpaired surrogate then names exactly that key); and whether a key holds one.
fn labels_from(text: &str, marks: Option<&Marks>) -> Result<(Vec<(String, String)>, bool), String> {
    let (v, bad) = parse_marked(text, false, marks).map_err(|e| format!("the labels are not JSON: {e}"))?;
    let Some(entries) = v.as_object() else {
        return Err("the labels must be a JSON object {\"/pointer\": \"label\"}".into());
    };
    let mut labels = Vec::with_capacity(entries.len());
    for (k, l) in entries {
        match unmarked(l) {
            Value::String(l) => labels.push((k.to_string(), l.to_string())),
            // A string holding an unpaired surrogate cannot be shown: ignored, as the package does.
            Value::Other(o) if matches!(**o, Other::LoneSurrogate { .. }) => {}
            _ => return Err(format!("the label of \"{k}\" is not a string")),
        }
    }
    Ok((labels, bad))
}

/// What a run prints: standard output, standard error (warnings), and the verdict's exit code.
struct Printed {
    out: String,
    err: String,
    code: u8,
}

/// The request, the context, the labels, and the placeholders of keys holding unpaired surrogates.
type Parsed<'t> = (Value<'t>, Option<Value<'t>>, Vec<(String, String)>, Option<Marks>);

/// Parse the request, the context and the labels; where a key holds an unpaired surrogate, parse
/// them again with placeholders (avoiding every character of the three) so that its path is
/// written exactly ([`Marks`]).
fn parse_all<'t>(input: &'t str, ctx: Option<&'t str>, labels: Option<&str>) -> Result<Parsed<'t>, (u8, String)> {
    type Once<'t> = (Value<'t>, Option<Value<'t>>, Vec<(String, String)>, bool);
    let parse = |marks: Option<&Marks>| -> Result<Once<'t>, (u8, String)> {
        let (request, a) = parse_marked(input, false, marks).map_err(|e| (2, format!("the input is not JSON: {e}")))?;
        let (context, b) = match ctx {
            Some(t) => {
                let (v, b) = parse_marked(t, false, marks).map_err(|e| (2, format!("the context is not JSON: {e}")))?;
                (Some(v), b)
            }
            None => (None, false),
        };
        let (labels, c) = match labels {
            Some(t) => labels_from(t, marks).map_err(|e| (2, e))?,
            None => (Vec::new(), false),
        };
        Ok((request, context, labels, a || b || c))
    };
    let (request, context, l, bad_keys) = parse(None)?;
    if !bad_keys {
        return Ok((request, context, l, None));
    }
    match Marks::avoiding(&[input, ctx.unwrap_or(""), labels.unwrap_or("")]) {
        Some(m) => {
            let (request, context, l, _) = parse(Some(&m))?;
            Ok((request, context, l, Some(m)))
        }
        None => Ok((request, context, l, None)),
    }
}

fn run(args: &[String]) -> Result<Printed, (u8, String)> {
    let Some(a) = parse_args(args).map_err(|e| (2, e))? else {
        return Ok(Printed { out: [USAGE, "\n"].concat(), err: String::new(), code: 0 });
    };
    let mut out = String::new();
    let mut err = String::new();
    match a.command.as_str() {
        "describe" | "schema" => {
            let v = if a.command == "describe" {
                createimage::describe(a.provider)
            } else {
                createimage::json_schema(a.provider)
            };
            out.push_str(&v.to_json_pretty());
            out.push('\n');
            return Ok(Printed { out, err, code: 0 });
        }
        _ => {}
    }
    let input = read(a.input.as_deref()).map_err(|e| (2, e))?;
    let ctx_text = match &a.context {
        Some(p) => Some(read(Some(p)).map_err(|e| (2, e))?),
        None => None,
    };
    let labels_text = match &a.labels {
        Some(p) => Some(read(Some(p)).map_err(|e| (2, e))?),
        None => None,
    };
    let (request, context, labels, marks) = parse_all(&input, ctx_text.as_deref(), labels_text.as_deref())?;
    let options =
        Options::lang(a.lang).with_context(context).with_labels(labels).with_empty_as_absent(a.empty_as_absent);
    let line = |out: &mut String, s: &str| {
        out.push_str(s);
        out.push('\n');
    };
    let ok = match a.command.as_str() {
        "check" => {
            let r = createimage::check(a.provider, &request, &options);
            if a.json {
                line(&mut out, &r.to_value().to_json_pretty());
            } else {
                out.push_str(&text_report(&r, a.lang));
            }
            r.ok
        }
        "normalize" => {
            let n = createimage::normalize(a.provider, &request, &options);
            if a.json {
                line(&mut out, &n.to_value().to_json_pretty());
            } else {
                // The word in the report's language, as "建议：" for suggestions; the path and the
                // change's code stay the stable ids.
                let changed = if a.lang == Lang::Zh { "已修改：" } else { "changed: " };
                for c in &n.changes {
                    let (from, to) = (c.from.to_json(), c.to.to_json());
                    let text = format!("{changed}{}: {}: {from} -> {to}", c.path, c.code.as_str());
                    line(&mut out, &visible(&text));
                }
                line(&mut out, &json_visible(&n.normalized.to_json_pretty()));
                out.push_str(&text_report(&n.report, a.lang));
            }
            n.report.ok
        }
        _ => match createimage::to_http(a.provider, &request, &options) {
            Ok(h) => {
                if a.json {
                    // The request, and its warnings beside it (the report of a valid request).
                    let mut v = h.to_value();
                    if let (false, Value::Object(m)) = (h.warnings.is_empty(), &mut v) {
                        let warnings = h.warnings.iter().map(createimage::Issue::to_value).collect();
                        m.push((std::borrow::Cow::Borrowed("warnings"), Value::Array(warnings)));
                    }
                    line(&mut out, &v.to_json_pretty());
                } else {
                    line(&mut out, &format!("{} {}", h.method, h.path));
                    if let Some(host) = h.host {
                        line(&mut out, &format!("Host: {host}"));
                    }
                    for (k, v) in &h.headers {
                        line(&mut out, &format!("{k}: {v}"));
                    }
                    out.push('\n');
                    line(&mut out, &json_visible(&h.body.to_json_pretty()));
                }
                if !a.json {
                    err.push_str(&text_issues(&h.warnings, a.lang));
                }
                true
            }
            Err(r) => {
                if a.json {
                    line(&mut out, &r.to_value().to_json_pretty());
                } else {
                    out.push_str(&text_report(&r, a.lang));
                }
                false
            }
        },
    };
    if let Some(m) = &marks {
        out = m.restore(out);
        err = m.restore(err);
    }
    Ok(Printed { out, err, code: if ok { 0 } else { 1 } })
}

/// Write to standard error; a closed or broken standard error is not worth failing for.
fn to_stderr(s: &str) {
    let mut e = std::io::stderr().lock();
    let _ = e.write_all(s.as_bytes()).and_then(|_| e.flush());
}

/// The arguments as text; an argument that is not UTF-8 (`std::env::args` would panic on it) is a
/// usage error that names it.
fn args() -> Result<Vec<String>, (u8, String)> {
    std::env::args_os()
        .skip(1)
        .map(|a| {
            a.into_string().map_err(|a| {
                let lossy = a.to_string_lossy().into_owned();
                let hint = "for a file whose name is not UTF-8, give the request on standard input (< FILE)";
                (2, format!("the argument {lossy:?} is not UTF-8 text: {hint}"))
            })
        })
        .collect()
}

fn main() -> ExitCode {
    match args().and_then(|args| run(&args)) {
        Ok(p) => {
            let mut o = std::io::stdout().lock();
            match o.write_all(p.out.as_bytes()).and_then(|_| o.flush()) {
                Ok(()) => {}
                // The reader went away (`| head -c1`): nothing more to say, to anyone.
                Err(e) if e.kind() == ErrorKind::BrokenPipe => return ExitCode::from(p.code),
                Err(e) => {
                    to_stderr(&format!("createimage: cannot write the output: {e}\n"));
                    return ExitCode::from(2);
                }
            }
            to_stderr(&p.err);
            ExitCode::from(p.code)
        }
        Err((code, msg)) => {
            let mut e = String::new();
            if !msg.is_empty() {
                // Escaped: a message may quote a file's text (a key of the labels file).
                e.push_str("createimage: ");
                e.push_str(&visible(&msg));
                e.push('\n');
            }
            // Usage errors get the usage; unreadable input only its message.
            if code == 2 && !msg.starts_with("the ") && !msg.starts_with("cannot ") {
                e.push_str(USAGE);
                e.push('\n');
            }
            to_stderr(&e);
            ExitCode::from(code)
        }
    }
}
