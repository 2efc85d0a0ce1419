//! The `breaks` family (SPEC §3, §7): at the edges of a location's break — a day with two
//! ranges, `"mon-fri 09:00-13:00,14:00-21:00"` — the bot greets as in working hours (a
//! break is not night), takes no booking that starts in the break or runs into it, and
//! books from the minute the break ends. Generated only where a location has a break, so
//! a business without one keeps its scenarios as they were.

use chrono::{Days, NaiveDate, NaiveDateTime};

use super::{Ground, play, time_of, user};
use crate::scenario::{Expect, GivenSpec};
use crate::semantics::conditions::night::{Presence, presence};

/// The first day from the base day on whose hours have a break, with the break.
fn first_break(g: &Ground<'_>) -> Option<(NaiveDate, (u16, u16))> {
    (0..7).find_map(|n| {
        let date = g.base.date() + Days::new(n);
        let weekday = chrono::Datelike::weekday(&date).num_days_from_monday() as usize;
        g.hours
            .day(weekday)
            .windows(2)
            .map(|w| (w[0].1, w[1].0))
            .find(|(from, until)| from < until)
            .map(|b| (date, b))
    })
}

/// Whether the bot answers at `at`: open, a break, or night with night mode.
fn answers(g: &Ground<'_>, at: NaiveDateTime) -> bool {
    let night_mode = g.loc.night_mode.as_ref().is_none_or(|n| n.value);
    let tz: chrono_tz::Tz = g.loc.timezone.tz().unwrap_or(chrono_tz::UTC);
    at.and_local_timezone(tz)
        .earliest()
        .is_some_and(|local| presence(local, &g.hours, night_mode) != Presence::Closed)
}

pub(super) fn family(g: &mut Ground<'_>) {
    let Some((day, (from, until))) = first_break(g) else {
        return;
    };
    let at = |m: u16| day.and_time(time_of(m));
    let hello = if g.ru() {
        "здравствуйте"
    } else {
        "hello"
    };
    // In the break the greeting is the day's, never the after-hours one.
    for now in [at(from), at(until - 1)] {
        let e = Expect {
            say: Some(g.replies.greeting.say.clone()),
            ..Expect::default()
        };
        let s = g.scenario(now, vec![user(hello, e)]);
        g.push("breaks", s);
    }
    let Some(t) = g.trigger("booking") else {
        return;
    };
    let minutes = g.b.services.first().map_or(60, |s| {
        u16::try_from(s.duration.value.secs() / 60).unwrap_or(60)
    });
    let until_shown = crate::model::hours::WorkingHours::fmt_time(until);
    // (visit start, booked?): at the break's start, running into it by a minute, ending as
    // it starts, and at its end.
    let cases = [
        (Some(from), false),
        (from.checked_sub(minutes).map(|m| m + 1), false),
        (from.checked_sub(minutes), true),
        (Some(until), true),
    ];
    for (start, booked) in cases {
        let Some(start) = start else { continue };
        let visit = at(start);
        // A visit that cannot fit for a reason other than the break tells nothing here.
        if booked && g.hours.fits(visit, u32::from(minutes)).is_err() {
            continue;
        }
        if !booked && g.hours.break_at(visit, u32::from(minutes)).is_none() {
            continue;
        }
        // Booked from the opening of the day, or the evening before when the visit is
        // earlier than that.
        let Some(now) = [g.base, at(0) - chrono::Duration::hours(3)]
            .into_iter()
            .find(|&n| n < visit && answers(g, n))
        else {
            continue;
        };
        let mut client = g.persona();
        client.time = g.typed(visit);
        let mut e = Expect::default();
        if booked {
            e.action = Some("book".into());
        } else {
            e.say_contains = vec![until_shown.clone()];
            e.not = Some(Box::new(Expect {
                action: Some("book".into()),
                ..Expect::default()
            }));
        }
        let mut s = g.scenario(now, vec![user(&t, Expect::default()), play(client, e)]);
        s.given = GivenSpec {
            consent: Some(true),
            ..GivenSpec::default()
        };
        g.push("breaks", s);
    }
}
