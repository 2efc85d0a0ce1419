//! The families of generated scenarios, one function each (SPEC §7).

// Each family is a short recipe over a handful of moments and texts (`g`, `t`, `v`, `e`,
// `p`, `s`): one-letter names read better here than long ones.
#![allow(clippy::many_single_char_names, clippy::similar_names)]

use chrono::{Days, Duration, NaiveDateTime};

use super::{Ground, TEST_PHONE, TEST_PHONE_E164, play, user};
use crate::model::bot_v2::Choice;
use crate::model::enums::Slot;
use crate::scenario::persona::ConsentAnswer;
use crate::scenario::{Act, Expect, GivenSpec, StepSpec};
use crate::semantics::conditions::night::{Presence, presence};
use crate::semantics::conditions::reminders::{Reminder, plan};
use crate::semantics::conditions::send_window::SendWindow;
use crate::semantics::order::Outcome;
use crate::semantics::{Message, Phrase};

pub(super) fn all(g: &mut Ground<'_>) {
    happy(g);
    consent(g);
    cancel_windows(g);
    reminders(g);
    nps(g);
    amount(g);
    turns(g);
    hours(g);
    invalid(g);
    keywords(g);
    super::duty::duty(g);
    must_not_match(g);
    triggers(g);
}

fn expect() -> Expect {
    Expect::default()
}

fn uses_consent(g: &Ground<'_>) -> bool {
    g.b.consent_purposes().next().is_some()
}

/// A booked visit the next open day, two hours after the opening.
fn visit_at(g: &Ground<'_>) -> NaiveDateTime {
    g.next_day_opening(2, 120)
}

fn first_service(g: &Ground<'_>) -> String {
    g.b.services
        .first()
        .map(|s| s.id.as_str().to_owned())
        .unwrap_or_default()
}

fn known_client(g: &Ground<'_>, visit: Option<NaiveDateTime>) -> GivenSpec {
    GivenSpec {
        consent: Some(true),
        name: Some(g.persona().name),
        phone: Some(TEST_PHONE.into()),
        visit: visit.map(|v| (first_service(g), v)),
        moves: 0,
    }
}

fn is_open(g: &Ground<'_>, at: NaiveDateTime) -> bool {
    let night_mode = g.loc.night_mode.as_ref().is_none_or(|n| n.value);
    let tz: chrono_tz::Tz = g.loc.timezone.tz().unwrap_or(chrono_tz::UTC);
    let Some(local) = at.and_local_timezone(tz).earliest() else {
        return false;
    };
    presence(local, &g.hours, night_mode) != Presence::Closed
}

fn happy(g: &mut Ground<'_>) {
    if let Some(t) = g.trigger("booking") {
        let mut e = expect();
        e.action = Some("book".into());
        e.crm = vec![("PHONE".into(), TEST_PHONE_E164.into())];
        if uses_consent(g) {
            e.asked = Some("consent".into());
        }
        let s = g.scenario(g.base, vec![user(&t, expect()), play(g.persona(), e)]);
        g.push("happy", s);
    }
    if let Some(t) = g.trigger("price") {
        let mut e = expect();
        e.branch = Some("price".into());
        e.handoff = Some(false);
        let s = g.scenario(g.base, vec![user(&t, e)]);
        g.push("happy", s);
        // The price list's offer taken: its «agreed» button leads on to the booking branch,
        // and the visit is booked as if the client had asked for it.
        if g.trigger("booking").is_some() {
            let mut p = g.persona();
            p.choice = Some(Choice::Agreed);
            let mut e = expect();
            e.action = Some("book".into());
            e.crm = vec![("PHONE".into(), TEST_PHONE_E164.into())];
            let mut s = g.scenario(g.base, vec![user(&t, expect()), play(p, e)]);
            s.given.consent = Some(true);
            s.covers = vec!["price".into(), "booking".into()];
            g.push("happy", s);
        }
    }
    if let Some(t) = g.trigger("promo") {
        let mut p = g.persona();
        p.choice = Some(Choice::Agreed);
        let mut e = expect();
        e.action = Some("save_lead".into());
        let s = g.scenario(g.base, vec![user(&t, expect()), play(p, e)]);
        g.push("happy", s);
    }
    if let Some(t) = g.trigger("callback") {
        let mut e = expect();
        e.action = Some("schedule_callback".into());
        let s = g.scenario(g.base, vec![user(&t, expect()), play(g.persona(), e)]);
        g.push("happy", s);
    }
    if let Some(t) = g.trigger("cancel") {
        let v = visit_at(g) + Duration::days(3);
        let mut p = g.persona();
        p.choice = Some(Choice::Cancel);
        let mut e = expect();
        e.action = Some("cancel".into());
        e.when = Some("cancel".into());
        let mut s = g.scenario(g.base, vec![user(&t, expect()), play(p, e)]);
        s.given = known_client(g, Some(v));
        g.push("happy", s);
    }
}

fn consent(g: &mut Ground<'_>) {
    let Some(t) = g.trigger("booking") else {
        return;
    };
    if !uses_consent(g) {
        return;
    }
    for answer in [
        ConsentAnswer::Agree,
        ConsentAnswer::TypesYes,
        ConsentAnswer::Refuse,
    ] {
        let mut p = g.persona();
        p.consent = answer;
        let mut e = expect();
        e.asked = Some("consent".into());
        if answer == ConsentAnswer::Refuse {
            e.say_contains = vec![g.replies.consent.declined.clone()];
            // A refusal plans no reminder: they rest on consent (docs/bot-runtime.md).
            e.reminders = Some(Vec::new());
        } else {
            e.action = Some("book".into());
        }
        let s = g.scenario(g.base, vec![user(&t, expect()), play(p, e)]);
        g.push("consent", s);
    }
}

fn cancel_windows(g: &mut Ground<'_>) {
    let Some(t) = g.trigger("cancel") else { return };
    let urgent = g.b.escalation.urgent_cancel_within.value.secs();
    let free = g.b.cancellation.free_until.value.secs();
    let v = visit_at(g) + Duration::days(7);
    let when = |left: u64| {
        if left < urgent {
            "urgent_cancel"
        } else if left < free {
            "late_cancel"
        } else {
            "cancel"
        }
    };
    let mut edges = vec![urgent.saturating_sub(1), urgent, urgent + 1];
    if free > urgent {
        edges.extend([free - 1, free, free + 1]);
    }
    for left in edges {
        let now = v - Duration::seconds(i64::try_from(left).unwrap_or(0));
        if !is_open(g, now) {
            continue;
        }
        let mut p = g.persona();
        p.choice = Some(Choice::Cancel);
        let w = when(left);
        let mut e = expect();
        e.when = Some(w.into());
        if w == "urgent_cancel" {
            e.reason = Some("urgent_cancel".into());
        } else {
            e.action = Some("cancel".into());
            e.handoff = Some(false);
        }
        let mut s = g.scenario(now, vec![user(&t, expect()), play(p, e)]);
        s.given = known_client(g, Some(v));
        s.covers = vec!["cancel".into(), w.into()];
        g.push("cancel-window", s);
    }
    // A move inside the urgent window goes to a person, like a cancellation there; one
    // second outside it is an ordinary move.
    for left in [urgent.saturating_sub(1), urgent] {
        let now = v - Duration::seconds(i64::try_from(left).unwrap_or(0));
        if left == 0 || !is_open(g, now) {
            continue;
        }
        let mut p = g.persona();
        p.choice = Some(Choice::Reschedule);
        p.time = g.typed(v + Duration::days(1));
        let mut e = expect();
        if left < urgent {
            e.when = Some("urgent_reschedule".into());
            e.reason = Some("urgent_cancel".into());
        } else {
            e.when = Some("reschedule".into());
            e.asked = Some("preferred_time".into());
        }
        let mut s = g.scenario(now, vec![user(&t, expect()), play(p, e)]);
        s.given = known_client(g, Some(v));
        g.push("cancel-window", s);
    }
    // A visit already moved `reschedule_max` times: the next move is a person's to make.
    let limit = g.b.cancellation.reschedule_max.value;
    let now = v - Duration::days(2);
    if is_open(g, now) {
        let mut p = g.persona();
        p.choice = Some(Choice::Reschedule);
        p.time = g.typed(v + Duration::days(1));
        let mut e = expect();
        e.when = Some("reschedule_limit".into());
        e.reason = Some("reschedule_limit".into());
        let mut s = g.scenario(now, vec![user(&t, expect()), play(p, e)]);
        s.given = known_client(g, Some(v));
        s.given.moves = limit;
        g.push("cancel-window", s);
    }
    // A move well outside the windows asks for the new time and moves the booking.
    let now = v - Duration::days(2);
    if is_open(g, now) {
        let mut p = g.persona();
        p.choice = Some(Choice::Reschedule);
        p.time = g.typed(v + Duration::days(1));
        let mut e = expect();
        e.when = Some("reschedule".into());
        e.asked = Some("preferred_time".into());
        let mut s = g.scenario(now, vec![user(&t, expect()), play(p, e)]);
        s.given = known_client(g, Some(v));
        g.push("cancel-window", s);
    }
}

/// The reminders a visit at `v` booked at `now` gets, by business.toml.
fn due(g: &Ground<'_>, v: NaiveDateTime, now: NaiveDateTime) -> Vec<String> {
    let tz: chrono_tz::Tz = g.loc.timezone.tz().unwrap_or(chrono_tz::UTC);
    let at = |x: NaiveDateTime| x.and_local_timezone(tz).earliest();
    let window = SendWindow::parse(&g.b.sla.send_between()).ok();
    let (Some(v), Some(now), Some(window)) = (at(v), at(now), window) else {
        return Vec::new();
    };
    let mut offsets: Vec<u64> = g.b.sla.reminders.value.iter().map(|d| d.secs()).collect();
    offsets.sort_unstable_by(|a, b| b.cmp(a));
    offsets
        .into_iter()
        .filter_map(|o| match plan(v, o, now, window) {
            Reminder::Due(at) => Some(at.format("%Y-%m-%dT%H:%M:%S").to_string()),
            _ => None,
        })
        .collect()
}

fn reminders(g: &mut Ground<'_>) {
    let Some(t) = g.trigger("booking") else {
        return;
    };
    let dur =
        g.b.services
            .first()
            .map_or(3600, |s| s.duration.value.secs());
    let day = g.next_day_opening(3, 0);
    let weekday = chrono::Datelike::weekday(&day).num_days_from_monday() as usize;
    let Some(&(open, _)) = g.hours.day(weekday).first() else {
        return;
    };
    let Some(&(_, close)) = g.hours.day(weekday).last() else {
        return;
    };
    let dur_min = u16::try_from(dur / 60).unwrap_or(60);
    let early = day.date().and_time(super::time_of(open));
    let late = day
        .date()
        .and_time(super::time_of(close.saturating_sub(dur_min).max(open)));
    let soon = day.date().and_time(super::time_of(
        (open + 180).min(close.saturating_sub(dur_min)),
    ));
    let soon_booked = soon - Duration::minutes(90);
    for (v, now) in [(early, g.base), (late, g.base), (soon, soon_booked)] {
        // A visit that would meet a break is the `breaks` family's, not a reminder's.
        if !is_open(g, now) || v <= now || g.hours.fits(v, u32::from(dur_min)).is_err() {
            continue;
        }
        let want = due(g, v, now);
        let mut p = g.persona();
        p.time = g.typed(v);
        let mut e = expect();
        e.action = Some("book".into());
        e.reminders = Some(want.clone());
        let mut sent = expect();
        sent.sent = Some(want);
        let wait = u64::try_from((v - now).num_seconds()).unwrap_or(0);
        let mut s = g.scenario(
            now,
            vec![
                user(&t, expect()),
                play(p, e),
                StepSpec::new(Act::Advance(wait), sent),
            ],
        );
        s.given = GivenSpec {
            consent: Some(true),
            ..GivenSpec::default()
        };
        g.push("reminders", s);
    }
}

fn nps(g: &mut Ground<'_>) {
    let max = g.b.sla.nps_detractor_max();
    let v = visit_at(g);
    let after = g.b.sla.nps_survey_after.value.secs();
    let wait = u64::try_from((v - g.base).num_seconds()).unwrap_or(0) + after + 3 * 86_400;
    // Scores off the 0–10 scale are C113's, never a scenario.
    for score in [max, max + 1].into_iter().filter(|s| *s <= 10) {
        let mut e = expect();
        if score <= max {
            e.reason = Some("nps_detractor".into());
        } else {
            e.handoff = Some(false);
        }
        let mut s = g.scenario(
            g.base,
            vec![
                StepSpec::new(Act::Advance(wait), expect()),
                user(&score.to_string(), e),
            ],
        );
        s.given = known_client(g, Some(v));
        s.covers = vec!["nps".into()];
        g.push("nps", s);
    }
}

fn amount(g: &mut Ground<'_>) {
    let Some(t) = g.trigger("booking") else {
        return;
    };
    let over = g.b.escalation.amount_over.value.0;
    let upsell_on = g.b.bot.upsell.as_ref().is_some_and(|u| u.value);
    let price = |id: &str| {
        g.b.services
            .iter()
            .find(|s| s.id.as_str() == id)
            .map_or(0, |s| s.price_from.value.0)
    };
    let mut cases: Vec<(String, bool, u64)> = Vec::new();
    for s in &g.b.services {
        let base = s.price_from.value.0;
        cases.push((s.id.as_str().to_owned(), false, base));
        if upsell_on && let Some(ups) = &s.upsell {
            let total = base + ups.value.iter().map(|u| price(u.as_str())).sum::<u64>();
            if !ups.value.is_empty() {
                cases.push((s.id.as_str().to_owned(), true, total));
            }
        }
    }
    let above = cases
        .iter()
        .filter(|c| c.2 > over)
        .min_by_key(|c| c.2)
        .cloned();
    let below = cases
        .iter()
        .filter(|c| c.2 <= over)
        .max_by_key(|c| c.2)
        .cloned();
    let minutes = |id: &str, upsell: bool| -> u32 {
        let of = |id: &str| {
            g.b.services
                .iter()
                .find(|s| s.id.as_str() == id)
                .map_or(0, |s| {
                    u32::try_from(s.duration.value.secs() / 60).unwrap_or(0)
                })
        };
        let ups = g.b.services.iter().find(|s| s.id.as_str() == id);
        let extra: u32 = ups
            .and_then(|s| s.upsell.as_ref())
            .filter(|_| upsell)
            .map_or(0, |u| u.value.iter().map(|x| of(x.as_str())).sum());
        of(id) + extra
    };
    for (id, upsell, total) in [below, above].into_iter().flatten() {
        let mut p = g.persona();
        // A long visit starts in the first range that holds it whole: a break would cut it.
        p.time = g.typed(g.fitting(minutes(&id, upsell)));
        p.service = id;
        p.upsell = upsell;
        let mut e = expect();
        e.action = Some("book".into());
        if total > over {
            e.reason = Some("amount_over".into());
        } else {
            e.handoff = Some(false);
        }
        let mut s = g.scenario(g.base, vec![user(&t, expect()), play(p, e)]);
        s.given.consent = Some(true);
        g.push("amount", s);
    }
}

fn turns(g: &mut Ground<'_>) {
    let Some(t) = g.trigger("booking") else {
        return;
    };
    let max = g.b.escalation.max_bot_turns.value as usize;
    if max < 2 {
        return;
    }
    let mut steps = vec![user(&t, expect())];
    for i in 1..=max {
        let mut e = expect();
        if i == max {
            e.reason = Some("max_bot_turns".into());
        } else if i == max - 1 {
            e.handoff = Some(false);
        }
        steps.push(user("???", e));
    }
    let s = g.scenario(g.base, steps);
    g.push("turns", s);
}

fn hours(g: &mut Ground<'_>) {
    let hello = if g.ru() {
        "здравствуйте"
    } else {
        "hello"
    };
    let night_mode = g.loc.night_mode.as_ref().is_none_or(|n| n.value);
    let day = g.base.date();
    let weekday = chrono::Datelike::weekday(&day).num_days_from_monday() as usize;
    let ranges = g.hours.day(weekday).to_vec();
    let (Some(&(open, _)), Some(&(_, close))) = (ranges.first(), ranges.last()) else {
        return;
    };
    let at = |m: u16| day.and_time(super::time_of(m));
    let cases = [
        (at(open), false),
        (at(close.saturating_sub(1)), false),
        (at(open.saturating_sub(1)), true),
        (at(close.min(1439)), close < 1440),
    ];
    for (now, night) in cases {
        let mut e = expect();
        match (night, night_mode) {
            (false, _) => e.say = Some(g.replies.greeting.say.clone()),
            (true, true) => e.say = Some(g.replies.after_hours.clone()),
            (true, false) => e.no_reply = Some(true),
        }
        let s = g.scenario(now, vec![user(hello, e)]);
        g.push("hours", s);
    }
}

fn invalid(g: &mut Ground<'_>) {
    let Some(t) = g.trigger("booking") else {
        return;
    };
    let closed = g.base.date() + Days::new(1);
    let bad_time = format!("{} 03:00", closed.format("%d.%m"));
    let garbage_service = if g.ru() {
        "ремонт холодильника"
    } else {
        "fridge repair"
    };
    for (slot, bad) in [
        (Slot::Phone, "12345".to_owned()),
        (Slot::Service, garbage_service.to_owned()),
        (Slot::PreferredTime, bad_time),
    ] {
        let mut p = g.persona();
        match slot {
            Slot::Phone => p.phone = bad,
            Slot::Service => p.service = bad,
            _ => p.time = bad,
        }
        let mut e = expect();
        e.not = Some(Box::new(Expect {
            action: Some("book".into()),
            ..Expect::default()
        }));
        let mut s = g.scenario(g.base, vec![user(&t, expect()), play(p, e)]);
        s.given.consent = Some(true);
        g.push("invalid", s);
    }
}

/// A phrase's inflected form that the reference matcher still reads as it.
fn inflected(g: &Ground<'_>, phrase: &str) -> Option<String> {
    let endings: &[&str] = if g.ru() {
        &["у", "ой", "и", "ы", "ю", "е", "ом"]
    } else {
        &["s", "ed", "ing"]
    };
    variant(g, phrase, |w| {
        let chars: Vec<char> = w.chars().collect();
        if chars.len() < 5 {
            return Vec::new();
        }
        let stem: String = chars[..chars.len() - 1].iter().collect();
        endings.iter().map(|e| format!("{stem}{e}")).collect()
    })
}

/// A phrase with one letter wrong that the reference matcher still reads as it.
fn misspelt(g: &Ground<'_>, phrase: &str) -> Option<String> {
    variant(g, phrase, |w| {
        let chars: Vec<char> = w.chars().collect();
        if chars.len() < 6 {
            return Vec::new();
        }
        let i = chars.len() / 2;
        let swap = if g.ru() {
            ['о', 'а', 'и']
        } else {
            ['o', 'a', 'i']
        };
        swap.iter()
            .filter(|c| **c != chars[i])
            .map(|c| {
                let mut v = chars.clone();
                v[i] = *c;
                v.into_iter().collect()
            })
            .collect()
    })
}

fn variant(g: &Ground<'_>, phrase: &str, forms: impl Fn(&str) -> Vec<String>) -> Option<String> {
    let p = Phrase::new(phrase, g.stemmer);
    let words: Vec<&str> = phrase.split_whitespace().collect();
    let longest = words
        .iter()
        .enumerate()
        .max_by_key(|(_, w)| w.chars().count())?
        .0;
    for f in forms(words[longest].trim_matches(|c: char| !c.is_alphanumeric())) {
        let mut w = words.clone();
        w[longest] = &f;
        let text = w.join(" ");
        if text != phrase
            && p.find_in(&Message::new(&text, g.stemmer))
                .is_some_and(|m| m.confidence() >= g.min_confidence)
        {
            return Some(text);
        }
    }
    None
}

fn expect_first(g: &Ground<'_>, text: &str) -> Option<Expect> {
    let o = g.reference(text);
    let mut e = expect();
    match &o {
        Outcome::Escalate { .. } => e.reason = Some("keyword".into()),
        Outcome::Trigger { .. } => {
            e.branch = g.branch_of(&o);
            e.not = Some(Box::new(Expect {
                reason: Some("low_confidence".into()),
                ..Expect::default()
            }));
        }
        _ => return None,
    }
    Some(e)
}

fn triggers(g: &mut Ground<'_>) {
    let all: Vec<(String, String)> = g
        .triggers
        .iter()
        .flat_map(|(b, ts)| ts.iter().map(move |t| (b.clone(), t.clone())))
        .collect();
    for (_, t) in all {
        let forms = [Some(t.clone()), inflected(g, &t), misspelt(g, &t)];
        for f in forms.into_iter().flatten() {
            if let Some(e) = expect_first(g, &f) {
                let s = g.scenario(g.base, vec![user(&f, e)]);
                g.push("trigger", s);
            }
        }
    }
}

fn keywords(g: &mut Ground<'_>) {
    let branches: Vec<String> = g.triggers.iter().map(|(b, _)| b.clone()).collect();
    for k in g.keywords.clone() {
        let form = inflected(g, &k).unwrap_or_else(|| k.clone());
        let mut e = expect();
        e.reason = Some("keyword".into());
        let s = g.scenario(g.base, vec![user(&form, e.clone())]);
        g.push("keyword", s);
        for b in &branches {
            let Some(t) = g.trigger(b) else { continue };
            let mut s = g.scenario(g.base, vec![user(&t, expect()), user(&form, e.clone())]);
            if b == "cancel" {
                s.given = known_client(g, Some(visit_at(g) + Duration::days(3)));
            }
            g.push("keyword", s);
        }
    }
}

fn must_not_match(g: &mut Ground<'_>) {
    let mut probes: Vec<String> = g
        .keywords
        .iter()
        .filter(|k| !k.contains(' ') && k.chars().count() >= 4)
        .map(|k| {
            if g.ru() {
                format!("это не{k}")
            } else {
                format!("not un{k}")
            }
        })
        .collect();
    probes.push(if g.ru() {
        "а вы работаете в воскресенье".into()
    } else {
        "do you open on sundays".into()
    });
    for p in probes {
        if !matches!(g.reference(&p), Outcome::LowConfidence { .. }) {
            continue;
        }
        let mut e = expect();
        e.reason = Some("low_confidence".into());
        let mut s = g.scenario(
            g.base,
            vec![
                user(
                    if g.ru() {
                        "добрый день"
                    } else {
                        "good day"
                    },
                    expect(),
                ),
                user(&p, e),
            ],
        );
        s.covers = vec!["no-match".into()];
        g.push("no-match", s);
    }
}
