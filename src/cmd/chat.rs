//! `regl chat` (SPEC §7): the interpreter in the terminal — the client's side typed by a
//! person or piped in by a script, line by line; numbered buttons, the virtual clock shown,
//! and the commands `/time`, `/advance`, `/given`, `/state`, `/crm`, `/why`, `/save`, `/quit`.

// A few short lines per command, built where they are printed.
#![allow(
    clippy::format_push_string,
    clippy::format_collect,
    clippy::map_unwrap_or
)]

use std::io::{BufRead, Write};

use chrono::NaiveDateTime;

use super::test::{bot_of, locations, text_error};
use super::{Outcome, load_for_output};
use crate::cli::ChatArgs;
use crate::i18n::{self, t};
use crate::interp::{Dialogue, Given};
use crate::scenario::report::transcript;

fn parse_time(s: &str) -> Option<NaiveDateTime> {
    [
        "%Y-%m-%dT%H:%M:%S",
        "%Y-%m-%dT%H:%M",
        "%Y-%m-%d %H:%M:%S",
        "%Y-%m-%d %H:%M",
    ]
    .iter()
    .find_map(|f| NaiveDateTime::parse_from_str(s.trim(), f).ok())
}

pub fn run(args: &ChatArgs) -> Outcome {
    let (_sources, loaded) = load_for_output(&args.business.config)?;
    let b = &loaded.business;
    let lang = i18n::choose(Some(b.lang()));
    let ids: Vec<String> = args.location.iter().cloned().collect();
    let loc = *locations(b, &ids)?
        .first()
        .ok_or_else(|| text_error(t!("no location", "нет филиала")))?;
    let target = bot_of(loaded.dir(), loc, args.bot.as_deref())?;
    let bot = &target.bot;
    let start = match &args.now {
        Some(s) => parse_time(s).ok_or_else(|| {
            text_error(t!(
                "`{s}` is not a local date-time such as 2027-03-01T10:00",
                "`{s}` — не локальные дата и время вида 2027-03-01T10:00"
            ))
        })?,
        None => crate::scenario::generate::first_opening(
            &bot.hours,
            chrono::NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default(),
            60,
        ),
    };
    let channel = args
        .channel
        .clone()
        .or_else(|| bot.config.channels.first().cloned())
        .unwrap_or_default();
    let mut given = Given::default();
    let mut given_lines: Vec<String> = Vec::new();
    let mut d = Dialogue::new(
        bot,
        crate::scenario::run::local(bot, start),
        &channel,
        &given,
    );
    let mut start_at = start;
    let stdin = std::io::stdin();
    let mut out = std::io::stdout().lock();
    let say = |out: &mut std::io::StdoutLock<'_>, s: &str| -> std::io::Result<()> {
        out.write_all(s.as_bytes())?;
        out.flush()
    };
    let head = t!(
        "regl chat — {loc}, {file}. /quit to leave, /why after a reply.\n",
        "regl chat — {loc}, {file}. /quit — выход, /why — почему бот так ответил.\n",
        loc = target.location,
        file = target.bot_file.display(),
    );
    say(&mut out, head.get(lang))?;
    let mut shown = 0;
    for line in stdin.lock().lines() {
        let line = line?;
        let line = line.trim_end_matches('\r');
        let (cmd, rest) = line.split_once(' ').unwrap_or((line, ""));
        match cmd {
            "/quit" | "/exit" => break,
            "/time" => match parse_time(rest) {
                Some(at) => {
                    d.set_time(crate::scenario::run::local(bot, at));
                    if d.history().is_empty() {
                        start_at = at;
                    }
                }
                None => say(
                    &mut out,
                    t!(
                        "expected /time 2027-03-01T10:00\n",
                        "ожидается /time 2027-03-01T10:00\n"
                    )
                    .get(lang),
                )?,
            },
            "/advance" => {
                match <crate::model::Duration as crate::model::read::ParseStr>::parse_str(
                    rest.trim(),
                ) {
                    Ok(dur) => {
                        d.advance(dur.secs());
                    }
                    Err(_) => say(
                        &mut out,
                        t!("expected /advance 2h\n", "ожидается /advance 2h\n").get(lang),
                    )?,
                }
            }
            "/given" => {
                let (k, v) = rest.split_once('=').unwrap_or((rest, ""));
                let (k, v) = (k.trim(), v.trim().trim_matches('"'));
                match k {
                    "consent" => given.consent = Some(v == "true"),
                    "name" => given.name = Some(v.to_owned()),
                    "phone" => given.phone = Some(v.to_owned()),
                    "visit" => {
                        let (svc, at) = v.split_once(' ').unwrap_or((v, ""));
                        if let Some(at) = parse_time(at) {
                            given.visit =
                                Some((svc.to_owned(), crate::scenario::run::local(bot, at)));
                        }
                    }
                    _ => {
                        say(&mut out, t!("/given consent=true | name=Анна | phone=+79130000001 | visit=SERVICE 2027-03-02T12:00\n", "/given consent=true | name=Анна | phone=+79130000001 | visit=УСЛУГА 2027-03-02T12:00\n").get(lang))?;
                        continue;
                    }
                }
                given_lines = given_toml(&given);
                d = Dialogue::new(bot, d.now(), &channel, &given);
                start_at = d.now().naive_local();
                shown = 0;
            }
            "/state" => {
                let head = t!(
                    "branch: {b}  when: {w}  consent: {c}  hand-off: {h}\n",
                    "ветка: {b}  условие: {w}  согласие: {c}  передача: {h}\n",
                    b = d.branch_id().unwrap_or("—"),
                    w = d.condition().unwrap_or("—"),
                    c = d.consent().as_str(),
                    h = d.handed_over().map_or("—", |r| r.as_str()),
                );
                let mut s = head.get(lang).to_owned();
                for (k, v) in d.slot_values() {
                    s.push_str(&format!("  {k} = {v}\n"));
                }
                for (sch, fired) in d.scheduled() {
                    let what = match sch.kind {
                        crate::interp::ScheduledKind::Reminder(o) => {
                            let o = crate::model::Duration::from_secs(o);
                            t!("reminder {o}", "напоминание за {o}")
                        }
                        crate::interp::ScheduledKind::Nps => t!("NPS survey", "опрос NPS"),
                    };
                    let state = match (sch.skipped, fired) {
                        (Some(k), _) => k.text(),
                        (None, true) => t!("sent", "отправлено"),
                        (None, false) => t!("due", "запланировано"),
                    };
                    s.push_str(&format!(
                        "  {} {} {}\n",
                        what.get(lang),
                        sch.at.format("%Y-%m-%d %H:%M"),
                        state.get(lang)
                    ));
                }
                say(&mut out, &s)?;
            }
            "/crm" => {
                let s = match d.record() {
                    Some(r) => {
                        let mut s = format!("stage: {}  tags: {}\n", r.stage, r.tags.join(", "));
                        for (k, v) in &r.fields {
                            s.push_str(&format!("  {k} = {v}\n"));
                        }
                        s
                    }
                    None => t!("no record yet\n", "записи в CRM пока нет\n")
                        .get(lang)
                        .to_owned(),
                };
                say(&mut out, &s)?;
            }
            "/why" => {
                let s = d
                    .history()
                    .last()
                    .map(|t| {
                        t.why
                            .iter()
                            .map(|w| format!("  {}\n", w.get(lang)))
                            .collect::<String>()
                    })
                    .unwrap_or_default();
                say(&mut out, &s)?;
            }
            "/save" => {
                let path = std::path::Path::new(rest.trim());
                let id = path
                    .file_stem()
                    .map(|s| s.to_string_lossy().to_lowercase().replace(['_', ' '], "-"))
                    .unwrap_or_else(|| "chat".into());
                let text = crate::scenario::save::scenario_toml(
                    &id,
                    &start_at.format("%Y-%m-%dT%H:%M:%S").to_string(),
                    &given_lines,
                    &d,
                );
                std::fs::write(path, text)?;
                let shown_path = path.display();
                say(
                    &mut out,
                    t!("saved {shown_path}\n", "сохранено: {shown_path}\n").get(lang),
                )?;
            }
            _ if cmd.starts_with('/') => {
                say(
                    &mut out,
                    t!(
                        "commands: /time /advance /given /state /crm /why /save /quit\n",
                        "команды: /time /advance /given /state /crm /why /save /quit\n"
                    )
                    .get(lang),
                )?;
            }
            "" => {}
            _ => {
                // A bare number presses that button, as a messenger's button would.
                if line.trim().chars().all(|c| c.is_ascii_digit()) {
                    d.button(line.trim());
                } else {
                    d.user(line, None);
                }
            }
        }
        let turns: Vec<_> = d.history()[shown..].iter().collect();
        if !turns.is_empty() {
            say(&mut out, &transcript(&turns, lang))?;
            shown = d.history().len();
        }
    }
    Ok(())
}

fn given_toml(g: &Given) -> Vec<String> {
    let q = |s: &str| toml::Value::String(s.to_owned()).to_string();
    let mut out = vec!["[scenario.given]".to_owned()];
    if let Some(c) = g.consent {
        out.push(format!("consent = {c}"));
    }
    if g.name.is_some() || g.phone.is_some() {
        let mut parts = Vec::new();
        if let Some(n) = &g.name {
            parts.push(format!("name = {}", q(n)));
        }
        if let Some(p) = &g.phone {
            parts.push(format!("phone = {}", q(p)));
        }
        out.push(format!("client = {{ {} }}", parts.join(", ")));
    }
    if let Some((s, at)) = &g.visit {
        out.push(format!(
            "visit = {{ service = {}, at = {} }}",
            q(s),
            at.format("%Y-%m-%dT%H:%M:%S")
        ));
    }
    out
}
