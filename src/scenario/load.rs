//! Reading `[[scenario]]` files (SPEC §7) with every problem collected and pointed at by
//! `file:line:col`, unknown keys with a did-you-mean — the same reader `business.toml` uses.

use std::path::{Path, PathBuf};

use chrono::NaiveDateTime;
use toml::de::{DeTable, DeValue};

use super::expect::Expect;
use super::{Act, GivenSpec, Scenario, StepSpec};
use crate::diag::{Diagnostic, Sources};
use crate::i18n::{Text, t};
use crate::model::Duration;
use crate::model::read::{Cx, FromToml, Table, Val, read_number};

/// The scenario files under `path`: the file itself, or every `*.toml` in the folder and
/// below, in path order.
pub fn files(path: &Path) -> std::io::Result<Vec<PathBuf>> {
    if path.is_file() {
        return Ok(vec![path.to_path_buf()]);
    }
    let mut out = Vec::new();
    let mut dirs = vec![path.to_path_buf()];
    while let Some(d) = dirs.pop() {
        for e in std::fs::read_dir(&d)? {
            let p = e?.path();
            if p.is_dir() {
                dirs.push(p);
            } else if p.extension().is_some_and(|x| x == "toml") {
                out.push(p);
            }
        }
    }
    out.sort();
    Ok(out)
}

/// Every scenario in the files, or every problem found in them.
pub fn load(paths: &[PathBuf], sources: &mut Sources) -> Result<Vec<Scenario>, Vec<Diagnostic>> {
    let mut all = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let text = match std::fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                let shown = path.display();
                let why = crate::model::load::io_reason(&e);
                errors.push(Diagnostic::error(t!(
                    "cannot read `{shown}`: {why}",
                    "не удаётся прочитать `{shown}`: {why}",
                    shown = shown,
                    why = why,
                )));
                continue;
            }
        };
        let file = sources.add(path, text);
        let text = sources.get(file).text.clone();
        let (root, syntax) = DeTable::parse_recoverable(&text);
        if !syntax.is_empty() {
            for e in syntax {
                let span = e.span().unwrap_or(0..0);
                errors.push(
                    Diagnostic::error(crate::model::toml_syntax::message(e.message())).at(
                        file,
                        span,
                        Text::default(),
                    ),
                );
            }
            continue;
        }
        let root = toml::Spanned::new(root.span(), DeValue::Table(root.into_inner()));
        let mut cx = Cx::new(file);
        let line_of = |offset: usize| text[..offset.min(text.len())].matches('\n').count() + 1;
        if let Some(mut top) = Table::open(&root, &mut cx, "the scenario file") {
            let list = top.with("scenario", true, |v, cx| {
                let Some(items) = v.get_ref().as_array() else {
                    cx.wrong_type(v, &Text::new("[[scenario]] tables", "таблицы [[scenario]]"));
                    return None;
                };
                Some(
                    items
                        .iter()
                        .filter_map(|item| scenario(item, cx, path, &line_of))
                        .collect::<Vec<_>>(),
                )
            });
            top.finish();
            if let Some(list) = list {
                all.extend(list.value);
            }
        }
        errors.extend(cx.errors);
    }
    let mut seen: Vec<&str> = Vec::new();
    for s in &all {
        if seen.contains(&s.id.as_str()) {
            let id = &s.id;
            errors.push(Diagnostic::error(t!(
                "two scenarios have the id `{id}`",
                "у двух сценариев один id `{id}`"
            )));
        }
        seen.push(&s.id);
    }
    if errors.is_empty() {
        Ok(all)
    } else {
        Err(errors)
    }
}

fn scenario(
    v: &Val<'_>,
    cx: &mut Cx,
    path: &Path,
    line_of: &dyn Fn(usize) -> usize,
) -> Option<Scenario> {
    let line = line_of(v.span().start);
    let mut t = Table::open(v, cx, "[[scenario]]")?;
    let id: Option<crate::model::read::Sp<String>> = t.req("id");
    let location: Option<String> = t.opt("location");
    let channel: Option<String> = t.opt("channel");
    let now = t.with("now", false, datetime).map(|s| s.value);
    let covers: Option<Vec<String>> = t.opt("covers");
    let given = t.with("given", false, given).map(|s| s.value);
    let steps = t.with("step", true, |v, cx| {
        let Some(items) = v.get_ref().as_array() else {
            cx.wrong_type(
                v,
                &Text::new("[[scenario.step]] tables", "таблицы [[scenario.step]]"),
            );
            return None;
        };
        Some(
            items
                .iter()
                .filter_map(|i| step(i, cx, line_of))
                .collect::<Vec<_>>(),
        )
    });
    t.finish();
    let id = id?;
    if id.value.is_empty()
        || !id
            .value
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
    {
        let s = &id.value;
        cx.error(
            id.span.clone(),
            t!(
                "`{s}` is not a scenario id: use a-z, 0-9 and `-`",
                "`{s}` — не id сценария: допустимы a-z, 0-9 и `-`"
            ),
            None,
        );
    }
    Some(Scenario {
        id: id.value,
        location,
        channel,
        now,
        covers: covers.unwrap_or_default(),
        given: given.unwrap_or_default(),
        steps: steps?.value,
        origin: Some((path.to_path_buf(), line)),
        family: "file".into(),
    })
}

fn given(v: &Val<'_>, cx: &mut Cx) -> Option<GivenSpec> {
    let mut t = Table::open(v, cx, "[scenario.given]")?;
    let consent: Option<bool> = t.opt("consent");
    let client = t.with("client", false, |v, cx| {
        let mut c = Table::open(v, cx, "given.client")?;
        let name: Option<String> = c.opt("name");
        let phone: Option<String> = c.opt("phone");
        c.finish();
        Some((name, phone))
    });
    let visit = t.with("visit", false, |v, cx| {
        let mut c = Table::open(v, cx, "given.visit")?;
        let service: Option<String> = c.req("service");
        let at = c.with("at", true, datetime);
        let moves: Option<u32> = c.opt("moves");
        c.finish();
        Some((service?, at?.value, moves.unwrap_or(0)))
    });
    t.finish();
    let (name, phone) = client.map(|c| c.value).unwrap_or_default();
    let visit = visit.map(|v| v.value);
    Some(GivenSpec {
        consent,
        name,
        phone,
        moves: visit.as_ref().map_or(0, |v| v.2),
        visit: visit.map(|(service, at, _)| (service, at)),
    })
}

fn step(v: &Val<'_>, cx: &mut Cx, line_of: &dyn Fn(usize) -> usize) -> Option<StepSpec> {
    let line = line_of(v.span().start);
    let span = v.span();
    let mut t = Table::open(v, cx, "[[scenario.step]]")?;
    let user: Option<String> = t.opt("user");
    let button = t.with("button", false, |v, cx| match v.get_ref() {
        DeValue::String(s) => Some(s.to_string()),
        DeValue::Integer(i) => Some(i.as_str().to_owned()),
        _ => {
            cx.wrong_type(
                v,
                &Text::new("a button's text or number", "текст или номер кнопки"),
            );
            None
        }
    });
    let advance: Option<Duration> = t.opt("advance");
    let confidence = t.with("confidence", false, |v, cx| {
        read_number(v, cx, &Text::new("a score from 0 to 1", "оценка от 0 до 1"))
    });
    let expect = t.with("expect", false, expect).map(|e| e.value);
    t.finish();
    let act = match (user, button, advance) {
        (Some(u), None, None) => Act::User(u),
        (None, Some(b), None) => Act::Button(b.value),
        (None, None, Some(d)) => Act::Advance(d.secs()),
        _ => {
            cx.error(
                span.start..span.start,
                t!(
                    "a step has exactly one of `user`, `button`, `advance`",
                    "у шага ровно один из ключей `user`, `button`, `advance`"
                ),
                Some(t!(
                    "e.g. `user = \"хочу записаться\"`, `button = 2` or `advance = \"1h\"`",
                    "например, `user = \"хочу записаться\"`, `button = 2` или `advance = \"1h\"`"
                )),
            );
            return None;
        }
    };
    Some(StepSpec {
        act,
        confidence: confidence.map(|c| c.value),
        expect: expect.unwrap_or_default(),
        line,
    })
}

fn expect(v: &Val<'_>, cx: &mut Cx) -> Option<Expect> {
    expect_named(v, cx, "expect")
}

fn expect_named(v: &Val<'_>, cx: &mut Cx, name: &str) -> Option<Expect> {
    let mut t = Table::open(v, cx, name)?;
    let mut e = Expect {
        branch: t.opt("branch"),
        step: t.opt::<u32>("step").map(|s| s as usize),
        when: t.opt("when"),
        action: t.opt("action"),
        ask: t.opt("ask"),
        say: t.opt("say"),
        ..Expect::default()
    };
    e.say_contains = t
        .with("say_contains", false, |v, cx| match v.get_ref() {
            DeValue::String(s) => Some(vec![s.to_string()]),
            _ => Vec::<String>::from_toml(v, cx),
        })
        .map(|s| s.value)
        .unwrap_or_default();
    e.say_matches = t
        .with("say_matches", false, |v, cx| {
            let s = String::from_toml(v, cx)?;
            if let Err(err) = regex::Regex::new(&s) {
                cx.error(
                    v.span(),
                    t!(
                        "not a regular expression: {err}",
                        "не регулярное выражение: {err}"
                    ),
                    None,
                );
                return None;
            }
            Some(s)
        })
        .map(|s| s.value);
    e.buttons = t.opt("buttons");
    e.options = t.opt("options");
    e.slot = t
        .with("slot", false, pairs)
        .map(|s| s.value)
        .unwrap_or_default();
    e.handoff = t.opt("handoff");
    e.reason = t.opt("reason");
    e.notify = t.opt("notify");
    e.duty = t.opt("duty");
    e.tag = t.opt("tag");
    e.crm = t
        .with("crm", false, pairs)
        .map(|s| s.value)
        .unwrap_or_default();
    e.reminders = t.with("reminders", false, datetimes).map(|s| s.value);
    e.sent = t.with("sent", false, datetimes).map(|s| s.value);
    e.no_reply = t.opt("no_reply");
    e.not = t
        .with("not", false, |v, cx| expect_named(v, cx, "expect.not"))
        .map(|s| Box::new(s.value));
    t.finish();
    Some(e)
}

/// A table of names to plain values, as strings.
fn pairs(v: &Val<'_>, cx: &mut Cx) -> Option<Vec<(String, String)>> {
    let Some(table) = v.get_ref().as_table() else {
        cx.wrong_type(v, &Text::new("a table", "таблица"));
        return None;
    };
    let mut out = Vec::new();
    for (k, val) in table {
        let s = match val.get_ref() {
            DeValue::String(s) => s.to_string(),
            DeValue::Integer(i) => i.as_str().to_owned(),
            DeValue::Float(f) => f.as_str().to_owned(),
            DeValue::Boolean(b) => b.to_string(),
            DeValue::Datetime(d) => d.to_string(),
            _ => {
                cx.wrong_type(val, &Text::new("a string or a number", "строка или число"));
                continue;
            }
        };
        out.push((k.get_ref().to_string(), s));
    }
    Some(out)
}

fn datetimes(v: &Val<'_>, cx: &mut Cx) -> Option<Vec<String>> {
    let Some(items) = v.get_ref().as_array() else {
        cx.wrong_type(
            v,
            &Text::new(
                "a list of local date-times",
                "список локальных дат и времени",
            ),
        );
        return None;
    };
    let list: Vec<_> = items.iter().filter_map(|i| datetime(i, cx)).collect();
    (list.len() == items.len()).then(|| {
        list.iter()
            .map(|d| d.format("%Y-%m-%dT%H:%M:%S").to_string())
            .collect()
    })
}

/// A local date-time: `2026-12-05T20:50:00` (TOML) or the same as a string.
pub fn datetime(v: &Val<'_>, cx: &mut Cx) -> Option<NaiveDateTime> {
    let s = match v.get_ref() {
        DeValue::Datetime(d) => d.to_string(),
        DeValue::String(s) => s.to_string(),
        _ => {
            cx.wrong_type(v, &datetime_expected());
            return None;
        }
    };
    let parsed = [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(&s, f).ok());
    if parsed.is_none() {
        cx.error(
            v.span(),
            t!(
                "`{s}` is not {expected}",
                "`{s}` — не {expected}",
                s = s,
                expected = datetime_expected(),
            ),
            None,
        );
    }
    parsed
}

fn datetime_expected() -> Text {
    Text::new(
        "a local date-time such as 2026-12-05T20:50:00",
        "локальные дата и время, например 2026-12-05T20:50:00",
    )
}
