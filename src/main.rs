//! The `createimage` command line: check, normalize, build the HTTP request, describe the rules,
//! export the JSON Schema. Exit codes: 0 valid, 1 not valid, 2 usage error or unreadable input.

use createimage::{Lang, Options, Provider, Report, Severity, Value};
use std::io::Read;
use std::process::ExitCode;

const USAGE: &str =
    "usage: createimage <check|normalize|http|describe|schema> --provider <zenlayer|tencent|openstack|nova|huawei>
                   [--lang en|zh] [--format text|json] [--context FILE] [FILE|-]

  check      check a request (JSON from FILE or standard input) and print the report
  normalize  apply the safe fixes, print the changes, the normalized request and its report
  http       print the HTTP request to send (method, path, headers, body), or the report
  describe   print the field descriptors a form needs (JSON)
  schema     print a JSON Schema (draft 2020-12) of the request

exit status: 0 valid, 1 not valid, 2 usage error or input that is not JSON";

struct Args {
    command: String,
    provider: Provider,
    lang: Lang,
    json: bool,
    context: Option<String>,
    input: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    let command = it.next().ok_or("missing command")?.clone();
    if !matches!(command.as_str(), "check" | "normalize" | "http" | "describe" | "schema") {
        return Err(format!("unknown command \"{command}\""));
    }
    let (mut provider, mut lang, mut json, mut context, mut input) = (None, Lang::En, false, None, None);
    while let Some(a) = it.next() {
        let mut value = |name: &str| it.next().cloned().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--provider" | "-p" => {
                let v = value("--provider")?;
                provider = Some(Provider::parse(&v).ok_or(format!("unknown provider \"{v}\""))?);
            }
            "--lang" => {
                let v = value("--lang")?;
                lang = Lang::parse(&v).ok_or(format!("unknown language \"{v}\" (en or zh)"))?;
            }
            "--format" => {
                json = match value("--format")?.as_str() {
                    "json" => true,
                    "text" => false,
                    v => return Err(format!("unknown format \"{v}\" (text or json)")),
                }
            }
            "--context" => context = Some(value("--context")?),
            "-h" | "--help" => return Err(String::new()),
            s if s.starts_with("--") => return Err(format!("unknown option \"{s}\"")),
            s => {
                if input.replace(s.to_owned()).is_some() {
                    return Err("more than one input file".into());
                }
            }
        }
    }
    let provider = provider.ok_or("--provider is required")?;
    Ok(Args { command, provider, lang, json, context, input })
}

fn read(path: Option<&str>) -> Result<String, String> {
    match path {
        None | Some("-") => {
            let mut s = String::new();
            std::io::stdin().read_to_string(&mut s).map_err(|e| format!("cannot read standard input: {e}"))?;
            Ok(s)
        }
        Some(p) => std::fs::read_to_string(p).map_err(|e| format!("cannot read {p}: {e}")),
    }
}

fn text_report(r: &Report) -> String {
    let mut out = String::new();
    let errors = r.issues.iter().filter(|i| i.severity == Severity::Error).count();
    let warnings = r.issues.len() - errors;
    for i in &r.issues {
        let path = if i.path.is_empty() { "(request)" } else { &i.path };
        let pc = i.provider_code.as_deref().map(|c| format!(" [{c}]")).unwrap_or_default();
        out.push_str(&format!("{}: {path}: {}{pc}: {}\n", i.severity.as_str(), i.code().as_str(), i.message));
        if let Some(s) = &i.suggestion {
            out.push_str(&format!("    suggestion: {s}\n"));
        }
    }
    let verdict = if r.ok { "valid" } else { "not valid" };
    out.push_str(&format!("{}: {verdict} ({errors} errors, {warnings} warnings)\n", r.provider.id()));
    out
}

fn run(args: &[String]) -> Result<ExitCode, (u8, String)> {
    let a = parse_args(args).map_err(|e| (2, e))?;
    match a.command.as_str() {
        "describe" => {
            println!("{}", createimage::describe(a.provider).to_json_pretty());
            return Ok(ExitCode::SUCCESS);
        }
        "schema" => {
            println!("{}", createimage::json_schema(a.provider).to_json_pretty());
            return Ok(ExitCode::SUCCESS);
        }
        _ => {}
    }
    let input = read(a.input.as_deref()).map_err(|e| (2, e))?;
    let request = Value::parse(&input).map_err(|e| (2, format!("the input is not JSON: {e}")))?;
    let ctx_text = match &a.context {
        Some(p) => Some(read(Some(p)).map_err(|e| (2, e))?),
        None => None,
    };
    let context = match &ctx_text {
        Some(t) => Some(Value::parse(t).map_err(|e| (2, format!("the context is not JSON: {e}")))?),
        None => None,
    };
    let options = Options::lang(a.lang).with_context(context);
    let ok = match a.command.as_str() {
        "check" => {
            let r = createimage::check(a.provider, &request, &options);
            if a.json {
                println!("{}", r.to_value().to_json_pretty());
            } else {
                print!("{}", text_report(&r));
            }
            r.ok
        }
        "normalize" => {
            let n = createimage::normalize(a.provider, &request, &options);
            if a.json {
                println!("{}", n.to_value().to_json_pretty());
            } else {
                for c in &n.changes {
                    println!("changed: {}: {}: {} -> {}", c.path, c.code.as_str(), c.from.to_json(), c.to.to_json());
                }
                println!("{}", n.normalized.to_json_pretty());
                print!("{}", text_report(&n.report));
            }
            n.report.ok
        }
        _ => match createimage::to_http(a.provider, &request, &options) {
            Ok(h) => {
                if a.json {
                    println!("{}", h.to_value().to_json_pretty());
                } else {
                    println!("{} {}", h.method, h.path);
                    if let Some(host) = h.host {
                        println!("Host: {host}");
                    }
                    for (k, v) in &h.headers {
                        println!("{k}: {v}");
                    }
                    println!();
                    println!("{}", h.body.to_json_pretty());
                }
                for w in &h.warnings {
                    eprintln!("warning: {}: {}: {}", w.path, w.code().as_str(), w.message);
                }
                true
            }
            Err(r) => {
                if a.json {
                    println!("{}", r.to_value().to_json_pretty());
                } else {
                    print!("{}", text_report(&r));
                }
                false
            }
        },
    };
    Ok(if ok { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(code) => code,
        Err((code, msg)) => {
            if !msg.is_empty() {
                eprintln!("createimage: {msg}");
            }
            // Usage errors get the usage; unreadable input only its message.
            if code == 2 && !msg.starts_with("the ") && !msg.starts_with("cannot ") {
                eprintln!("{USAGE}");
            }
            ExitCode::from(code)
        }
    }
}
