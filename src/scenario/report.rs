//! `regl test`'s reports (SPEC §7): human (each failure with the scenario's `file:line`, the
//! step, expected and got, the transcript up to it and what the client saw; the coverage
//! table; `N passed, N failed` last), json, `JUnit` XML and GitHub annotations. Text only:
//! the verb prints it.

use std::fmt::Write as _;

use quick_junit::{NonSuccessKind, Report, TestCase, TestCaseStatus, TestSuite};

use super::Scenario;
use super::coverage::{self, Line};
use super::run::Outcome;
use crate::i18n::{Lang, t};
use crate::interp::{Input, Turn};

/// One location's run: its bot file, the scenarios with their outcomes, the coverage.
pub struct LocationRun<'a> {
    pub location: String,
    pub bot_file: String,
    pub results: Vec<(&'a Scenario, Outcome)>,
    pub coverage: Vec<Line>,
}

fn counts(runs: &[LocationRun<'_>]) -> (usize, usize) {
    let all = runs.iter().flat_map(|r| r.results.iter());
    let passed = all.clone().filter(|(_, o)| o.passed()).count();
    (passed, all.count() - passed)
}

fn origin(s: &Scenario) -> Option<String> {
    s.origin
        .as_ref()
        .map(|(p, l)| format!("{}:{l}", p.display()))
}

/// The transcript as the client and the bot wrote it, one line each.
pub fn transcript(turns: &[&Turn], lang: Lang) -> String {
    let client = t!("client", "клиент");
    let bot = t!("bot", "бот");
    let mut out = String::new();
    for turn in turns {
        let at = turn.at.replace('T', " ");
        match &turn.input {
            Some(Input::User { text, .. }) => {
                let _ = writeln!(out, "  [{at}] {}: {text}", client.get(lang));
            }
            Some(Input::Button(b)) => {
                let _ = writeln!(out, "  [{at}] {}: [{b}]", client.get(lang));
            }
            Some(Input::Advance(s)) => {
                let d = crate::model::Duration::from_secs(*s);
                let _ = writeln!(out, "  [{at}] … +{d}");
            }
            None => {}
        }
        for s in &turn.sent {
            let _ = writeln!(
                out,
                "    {} ({}): {}",
                bot.get(lang),
                s.at.format("%H:%M"),
                s.say
            );
        }
        for s in &turn.says {
            let _ = writeln!(out, "    {}: {s}", bot.get(lang));
        }
        if !turn.buttons.is_empty() || !turn.option_titles.is_empty() {
            let items: Vec<String> = turn
                .buttons
                .iter()
                .chain(turn.option_titles.iter())
                .enumerate()
                .map(|(i, b)| format!("[{}] {b}", i + 1))
                .collect();
            let _ = writeln!(out, "      {}", items.join("  "));
        }
        if let Some(r) = &turn.handoff {
            let line = t!(
                "→ a person takes over ({r})",
                "→ диалог передан сотруднику ({r})"
            );
            let _ = writeln!(out, "    {}", line.get(lang));
        }
    }
    out
}

pub fn human(runs: &[LocationRun<'_>], lang: Lang) -> String {
    let mut out = String::new();
    for run in runs {
        for (s, o) in run.results.iter().filter(|(_, o)| !o.passed()) {
            let id = &s.id;
            let loc = &run.location;
            let _ = write!(out, "✗ {id} ({loc})");
            if let Some(at) = origin(s) {
                let _ = write!(out, " {at}");
            }
            out.push('\n');
            for f in &o.failures {
                let (step, act) = (f.step, &f.act);
                let head = if f.line > 0 {
                    let line = f.line;
                    t!(
                        "  step {step} (line {line}): {act}",
                        "  шаг {step} (строка {line}): {act}"
                    )
                } else {
                    t!("  step {step}: {act}", "  шаг {step}: {act}")
                };
                let _ = writeln!(out, "{}", head.get(lang));
                for m in &f.mismatches {
                    let (k, e, g) = (&m.key, &m.expected, &m.got);
                    let line = t!(
                        "    {k}: expected {e}, got {g}",
                        "    {k}: ожидалось {e}, получено {g}"
                    );
                    let _ = writeln!(out, "{}", line.get(lang));
                }
                let saw = if f.client_saw.is_empty() {
                    t!("(nothing)", "(ничего)").get(lang).to_owned()
                } else {
                    f.client_saw.replace('\n', " / ")
                };
                let line = t!("    the client saw: {saw}", "    клиент увидел: {saw}");
                let _ = writeln!(out, "{}", line.get(lang));
                let upto: Vec<&Turn> = o
                    .transcript
                    .iter()
                    .filter(|(st, _)| *st <= f.step)
                    .map(|(_, t)| t)
                    .collect();
                let _ = writeln!(out, "  {}", t!("transcript:", "переписка:").get(lang));
                out.push_str(&transcript(&upto, lang));
            }
            for b in &o.breaches {
                let b = b.get(lang);
                let line = t!(
                    "  broken in every scenario's checks: {b}",
                    "  нарушена общая проверка: {b}"
                );
                let _ = writeln!(out, "{}", line.get(lang));
            }
            if o.failures.is_empty() {
                let all: Vec<&Turn> = o.transcript.iter().map(|(_, t)| t).collect();
                let _ = writeln!(out, "  {}", t!("transcript:", "переписка:").get(lang));
                out.push_str(&transcript(&all, lang));
            }
        }
    }
    for run in runs {
        let (loc, file) = (&run.location, &run.bot_file);
        let n = run.results.len();
        let head = t!(
            "coverage of {loc} ({file}, {n} scenarios):",
            "покрытие {loc} ({file}, сценариев: {n}):"
        );
        let _ = writeln!(out, "{}", head.get(lang));
        for l in &run.coverage {
            let (what, c, total, p) = (label(l.what, lang), l.covered, l.total, l.percent());
            let _ = write!(out, "  {what:<22} {c:>3}/{total:<3} {p:>5.1}%");
            if !l.missing.is_empty() {
                let missing = l.missing.join(", ");
                let _ = write!(
                    out,
                    "  {}",
                    t!("missing: {missing}", "не проверено: {missing}").get(lang)
                );
            }
            for u in &l.unreachable {
                let _ = write!(out, "  {}", unreachable(u, lang));
            }
            out.push('\n');
        }
    }
    let (p, f) = counts(runs);
    let _ = writeln!(
        out,
        "{}",
        t!("{p} passed, {f} failed", "пройдено: {p}, не пройдено: {f}").get(lang)
    );
    out
}

/// Why an item cannot be covered, in the report's language.
fn unreachable(u: &coverage::Unreachable, lang: Lang) -> String {
    let item = &u.item;
    match &u.why {
        coverage::Why::NoOrderAbove {
            name,
            amount,
            threshold,
            ..
        } => {
            let (amount, threshold) = (
                crate::words::fmt_money(*amount, lang),
                crate::words::fmt_money(*threshold, lang),
            );
            t!(
                "cannot arise: {item} (the dearest order — «{name}» with its upsells at {amount} — is not above {threshold})",
                "недостижимо: {item} (самый дорогой заказ — «{name}» с допуслугами за {amount} — не выше порога {threshold})"
            )
            .get(lang)
            .to_string()
        }
    }
}

fn label(what: &str, lang: Lang) -> String {
    let ru = match what {
        "branches" => "ветки",
        "steps" => "шаги",
        "when" => "условия when",
        "escalation reasons" => "причины передачи",
        "reminder offsets" => "напоминания",
        "CRM writes" => "поля CRM",
        other => other,
    };
    match lang {
        Lang::En => what.to_owned(),
        Lang::Ru => ru.to_owned(),
    }
}

pub fn json(runs: &[LocationRun<'_>]) -> String {
    let (passed, failed) = counts(runs);
    let locations: Vec<serde_json::Value> = runs
        .iter()
        .map(|r| {
            serde_json::json!({
                "location": r.location,
                "bot_file": r.bot_file,
                "coverage": r.coverage,
                "coverage_percent": (coverage::overall(&r.coverage) * 10.0).round() / 10.0,
            })
        })
        .collect();
    let scenarios: Vec<serde_json::Value> = runs
        .iter()
        .flat_map(|r| r.results.iter().map(move |(s, o)| (r, s, o)))
        .map(|(r, s, o)| {
            serde_json::json!({
                "id": s.id,
                "location": r.location,
                "family": s.family,
                "bot_file": r.bot_file,
                "file": s.origin.as_ref().map(|(p, _)| p.display().to_string()),
                "line": s.origin.as_ref().map(|(_, l)| *l),
                "passed": o.passed(),
                "failures": o.failures.iter().map(|f| serde_json::json!({
                    "step": f.step,
                    "line": f.line,
                    "act": f.act,
                    "mismatches": f.mismatches.iter().map(|m| serde_json::json!({
                        "key": m.key, "expected": m.expected, "got": m.got,
                    })).collect::<Vec<_>>(),
                    "client_saw": f.client_saw,
                })).collect::<Vec<_>>(),
                "breaches": o.breaches.iter().map(crate::i18n::Text::en).collect::<Vec<_>>(),
            })
        })
        .collect();
    let doc = serde_json::json!({
        "passed": passed,
        "failed": failed,
        "locations": locations,
        "scenarios": scenarios,
    });
    let mut s = serde_json::to_string_pretty(&doc).unwrap_or_default();
    s.push('\n');
    s
}

fn failure_text(o: &Outcome) -> (String, String) {
    let mut message = String::new();
    let mut body = String::new();
    for f in &o.failures {
        for m in &f.mismatches {
            if message.is_empty() {
                message = format!(
                    "step {}: {} expected {}, got {}; the client saw: {}",
                    f.step,
                    m.key,
                    m.expected,
                    m.got,
                    f.client_saw.replace('\n', " / ")
                );
            }
            let _ = writeln!(
                body,
                "step {} ({}): {}: expected {}, got {}",
                f.step, f.act, m.key, m.expected, m.got
            );
        }
    }
    for b in &o.breaches {
        let b = b.en();
        if message.is_empty() {
            b.clone_into(&mut message);
        }
        let _ = writeln!(body, "{b}");
    }
    (message, body)
}

pub fn junit(runs: &[LocationRun<'_>]) -> String {
    let mut report = Report::new("regl test");
    for r in runs {
        let mut suite = TestSuite::new(r.location.clone());
        for (s, o) in &r.results {
            let status = if o.passed() {
                TestCaseStatus::success()
            } else {
                let (message, body) = failure_text(o);
                let mut st = TestCaseStatus::non_success(NonSuccessKind::Failure);
                st.set_message(message);
                st.set_description(body);
                st
            };
            let mut case = TestCase::new(s.id.clone(), status);
            case.set_classname(format!("{}.{}", r.location, s.family));
            suite.add_test_case(case);
        }
        report.add_test_suite(suite);
    }
    report.to_string().unwrap_or_default()
}

pub fn github(runs: &[LocationRun<'_>]) -> String {
    let esc = |s: &str| {
        s.replace('%', "%25")
            .replace('\r', "%0D")
            .replace('\n', "%0A")
    };
    let mut out = String::new();
    for r in runs {
        for (s, o) in r.results.iter().filter(|(_, o)| !o.passed()) {
            let (message, _) = failure_text(o);
            let place = s.origin.as_ref().map_or_else(
                || format!("file={}", r.bot_file),
                |(p, l)| {
                    let line = o
                        .failures
                        .first()
                        .map_or(*l, |f| if f.line > 0 { f.line } else { *l });
                    format!("file={},line={line}", p.display())
                },
            );
            let _ = writeln!(
                out,
                "::error {place},title=regl test {}::{}",
                s.id,
                esc(&message)
            );
        }
    }
    let (p, f) = counts(runs);
    let _ = writeln!(out, "{p} passed, {f} failed");
    out
}
