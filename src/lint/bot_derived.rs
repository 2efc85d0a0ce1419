//! Comparing a bot config's derived keys with what `regl export` writes for its location
//! (SPEC §4.2): each differing value is reported where it is written — the leaf, not the
//! whole section — so `regl lint --fix` can replace exactly that value.

use std::ops::Range;

use super::bot::{BotDoc, fix_hint};
use super::json::{Json, Kind, Steps};
use super::want::Want;
use crate::diag::{Diagnostic, Severity};
use crate::i18n::{Text, t};

/// Whether the file's value means the same as the expected one.
pub fn same(j: &Json, v: &Want) -> bool {
    match (&j.kind, v) {
        (Kind::Null, Want::Null) => true,
        (Kind::Bool(a), Want::Bool(b)) => a == b,
        (Kind::Number(a), Want::Number(_)) => v.as_f64().is_some_and(|b| (a - b).abs() < 1e-9),
        (Kind::String(a), Want::String(b)) => a == b,
        (Kind::Array(a), Want::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Kind::Object(a), Want::Object(b)) => {
            a.len() == b.len()
                && b.iter()
                    .all(|(k, y)| a.iter().any(|m| m.key == k && same(&m.value, y)))
        }
        _ => false,
    }
}

/// A value as a hint shows it: compact JSON, long ones cut.
pub fn shown(v: &Want) -> String {
    let s = v.to_string();
    if s.chars().count() > 120 {
        let cut: String = s.chars().take(117).collect();
        format!("{cut}…")
    } else {
        s
    }
}

/// One value that differs: its dotted path, where it is written, and what it should be.
pub struct Difference {
    pub path: String,
    pub span: Range<usize>,
    /// `None`: the file has a key business.toml does not give.
    pub want: Option<Want>,
}

/// Every leaf where `have` differs from `want`, below `path`; keys named in `texts` are the
/// team's wording and are not compared.
pub fn differences(
    have: &Json,
    want: &Want,
    path: &str,
    texts: &[&str],
    out: &mut Vec<Difference>,
) {
    Walk {
        base: path,
        texts,
        out,
    }
    .diff(have, want, &mut Steps::default());
}

/// The comparison's state: the paths of the differences found start at `base`.
struct Walk<'o, 'b> {
    base: &'b str,
    texts: &'b [&'b str],
    out: &'o mut Vec<Difference>,
}

impl Walk<'_, '_> {
    fn diff<'v>(&mut self, have: &'v Json, want: &'v Want, steps: &mut Steps<'v>) {
        let texts = self.texts;
        match (&have.kind, want) {
            (Kind::Object(members), Want::Object(w)) => {
                for (k, wv) in w.iter() {
                    if texts.contains(&k) {
                        continue;
                    }
                    steps.push_key(k);
                    if let Some(m) = members.iter().find(|m| m.key == k) {
                        self.diff(&m.value, wv, steps);
                    } else {
                        let path = steps.dotted(self.base);
                        self.out.push(Difference {
                            path,
                            span: have.span.start..have.span.start + 1,
                            want: Some(wv.clone()),
                        });
                    }
                    steps.pop();
                }
                for m in members.iter().filter(|m| !w.contains_key(&m.key)) {
                    if texts.contains(&m.key.as_str()) || m.key == "x" {
                        continue;
                    }
                    steps.push_key(&m.key);
                    let path = steps.dotted(self.base);
                    steps.pop();
                    self.out.push(Difference {
                        path,
                        span: m.key_span.clone(),
                        want: None,
                    });
                }
            }
            (Kind::Array(items), Want::Array(w)) if items.len() == w.len() => {
                for (i, (h, wv)) in items.iter().zip(w).enumerate() {
                    steps.push_index(i);
                    self.diff(h, wv, steps);
                    steps.pop();
                }
            }
            _ => {
                let equal = if texts.is_empty() {
                    same(have, want)
                } else {
                    strip_same(have, want, texts)
                };
                if !equal {
                    let path = steps.dotted(self.base);
                    self.out.push(Difference {
                        path,
                        span: have.span.clone(),
                        want: Some(want.clone()),
                    });
                }
            }
        }
    }
}

/// [`same`], ignoring the text keys inside objects of a list whose length differs.
fn strip_same(have: &Json, want: &Want, texts: &[&str]) -> bool {
    match (&have.kind, want) {
        (Kind::Array(a), Want::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| strip_same(x, y, texts))
        }
        (Kind::Object(a), Want::Object(b)) => {
            b.iter().filter(|(k, _)| !texts.contains(k)).all(|(k, y)| {
                a.iter()
                    .any(|m| m.key == k && strip_same(&m.value, y, texts))
            })
        }
        _ => same(have, want),
    }
}

/// The findings of `code` for the derived key `path` (its parts), `what` naming it for
/// people; `texts` are the keys under it the team may word as it likes.
pub fn check_path(
    doc: &BotDoc<'_>,
    code: &'static str,
    path: &[&str],
    texts: &[&str],
    what: &Text,
    out: &mut Vec<Diagnostic>,
) {
    // A file that is its export, value for value, has nothing drifted under any path.
    if doc.is_export() {
        return;
    }
    let Some(want) = doc.expected_at(path) else {
        return;
    };
    let dotted = path.join(".");
    let mut diffs = Vec::new();
    match doc.find(path) {
        Ok(have) => differences(have, want, &dotted, texts, &mut diffs),
        Err(span) => diffs.push(Difference {
            path: dotted,
            span,
            want: Some(want.clone()),
        }),
    }
    let loc = doc.location.id.as_str();
    // A value that holds a secret is S501's: no message repeats it.
    let secret = |d: &Difference| {
        d.want
            .as_ref()
            .is_some_and(|w| !super::secrets::scan(&w.to_string()).is_empty())
    };
    for d in diffs
        .into_iter()
        .filter(|d| !doc.is_derived(&d.path) && !secret(d))
    {
        let p = d.path;
        let diag = match d.want {
            Some(w) => {
                let w = shown(&w);
                Diagnostic::finding(
                    code,
                    Severity::Error,
                    t!(
                        "{what} of the bot of `{loc}` drifted from business.toml: `{p}` should be {w}",
                        "{what} у бота филиала `{loc}` разошлись с business.toml: `{p}` должно быть {w}",
                        what = what.clone(),
                        loc = loc,
                        p = p,
                        w = w,
                    ),
                )
                .at(
                    doc.file,
                    d.span,
                    t!("not what business.toml gives", "не то, что в business.toml"),
                )
                .hint(t!(
                    "set `{p}` to {w} ({fix})",
                    "задайте `{p}` = {w} ({fix})",
                    p = p,
                    w = w,
                    fix = fix_hint(),
                ))
            }
            None => Diagnostic::finding(
                code,
                Severity::Error,
                t!(
                    "{what} of the bot of `{loc}` has `{p}`, which business.toml does not give",
                    "{what} у бота филиала `{loc}` содержат `{p}`, которого нет в business.toml",
                    what = what.clone(),
                    loc = loc,
                    p = p,
                ),
            )
            .at(doc.file, d.span, t!("not derived", "лишний ключ"))
            .hint(t!(
                "remove `{p}`; the team's own keys go under `x` ({fix})",
                "уберите `{p}`; собственные ключи команды кладите в `x` ({fix})",
                p = p,
                fix = fix_hint(),
            )),
        };
        out.push(diag);
    }
}
