//! What `regl lint --fix` changed, in each format: a line per mended value for people, an
//! object per fix for machines, a notice per fix on a pull request's diff.

use std::fmt::Write;

use serde_json::{Value, json};

use crate::i18n::{Lang, t};
use crate::lint::fix::Fixed;

/// Longest value shown on a human line; the JSON output carries it whole.
const SHOWN_CHARS: usize = 80;

/// A value on one line; a long one keeps its beginning and its end, where a list's added
/// or dropped items usually are.
fn shown(v: &Value) -> String {
    let s = serde_json::to_string(v).expect("a value serialises");
    let n = s.chars().count();
    if n <= SHOWN_CHARS {
        return s;
    }
    let half = (SHOWN_CHARS - 1) / 2;
    let head: String = s.chars().take(half).collect();
    let tail: String = s.chars().skip(n - half).collect();
    format!("{head}…{tail}")
}

fn change(f: &Fixed, lang: Lang) -> String {
    let before = f
        .before
        .as_ref()
        .map_or_else(|| t!("(missing)", "(нет)").get(lang).to_owned(), shown);
    format!("{}: {before} → {}", f.path, shown(&f.after))
}

/// `fixed: bot/omsk.json:343:18 reminders.offsets_s: [86400,3600] → [86400,7200,3600]`, a
/// line per fix, then how many, for the human report.
pub fn human(fixed: &[Fixed], lang: Lang) -> String {
    let mut out = String::new();
    for f in fixed {
        let place = format!("{}:{}:{}", f.file.display(), f.line, f.column);
        let line = t!(
            "fixed: {place} {change}",
            "исправлено: {place} {change}",
            place = place,
            change = change(f, lang),
        );
        let _ = writeln!(out, "{}", line.get(lang));
    }
    let n = fixed.len();
    let files = {
        let mut v: Vec<_> = fixed.iter().map(|f| &f.file).collect();
        v.dedup();
        v.len()
    };
    if n > 0 {
        let values = if n == 1 { "value" } else { "values" };
        let configs = if files == 1 { "config" } else { "configs" };
        let line = t!(
            "{n} {values} mended in {files} bot {configs}; business.toml is unchanged",
            "исправлено значений: {n}, конфигураций бота: {files}; business.toml не изменён"
        );
        let _ = writeln!(out, "{}", line.get(lang));
    }
    out
}

/// After the fixes, how many findings in the bot configs are left to a person.
pub fn left(n: usize, lang: Lang) -> String {
    if n == 0 {
        return String::new();
    }
    let findings = if n == 1 { "finding" } else { "findings" };
    let line = t!(
        "{n} {findings} below in bot configs could not be mended safely by --fix: each hint says what to do, or `regl export --bot-configs` rewrites a file whole",
        "замечаний ниже в конфигурациях бота, которые --fix не может безопасно исправить: {n}; что делать, сказано в подсказке к каждому, или перепишите файл целиком командой `regl export --bot-configs`"
    );
    format!("{}\n", line.get(lang))
}

/// Each fix as data: the file, where the value now stands, its JSON path, the value before
/// (`null` when it was missing) and after.
pub fn json(fixed: &[Fixed]) -> Value {
    Value::Array(
        fixed
            .iter()
            .map(|f| {
                json!({
                    "file": f.file.to_string_lossy(),
                    "line": f.line,
                    "column": f.column,
                    "path": f.path,
                    "before": f.before,
                    "after": f.after,
                })
            })
            .collect(),
    )
}

/// A `::notice` workflow command per fix.
pub fn github(fixed: &[Fixed], lang: Lang) -> String {
    let mut out = String::new();
    for f in fixed {
        let file = f
            .file
            .to_string_lossy()
            .replace(':', "%3A")
            .replace(',', "%2C");
        let what = t!(
            "fixed {change}",
            "исправлено: {change}",
            change = change(f, lang),
        );
        let message = what.get(lang).replace('%', "%25").replace('\n', "%0A");
        let _ = writeln!(
            out,
            "::notice file={file},line={},col={}::{message}",
            f.line, f.column
        );
    }
    out
}
