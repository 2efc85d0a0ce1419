//! The duty family: with a roster of shifts, a hand-off in each shift alerts that shift's
//! contact (the first listed whose `when` covers the moment, docs/bot-runtime.md "Who is
//! called"). One scenario per line with a shift; a single `duty` adds none.

use chrono::{Datelike, Days, Duration};

use super::{Ground, user};
use crate::model::duty::{Minutes, WEEK_MINUTES};
use crate::scenario::Expect;

pub(super) fn duty(g: &mut Ground<'_>) {
    let roster = g.loc.duty_roster();
    if roster.len() < 2 {
        return;
    }
    let Some(keyword) = g.keywords.first().cloned() else {
        return;
    };
    // As the other families read it: left out, the bot answers at night.
    let night_mode = g.loc.night_mode.as_ref().is_none_or(|n| n.value);
    let monday = g.base.date() - Days::new(u64::from(g.base.weekday().num_days_from_monday()));
    let shifts: Vec<Option<Minutes>> = roster
        .iter()
        .map(|d| d.when.as_ref().map(|s| s.minutes()))
        .collect();
    let start = monday.and_hms_opt(0, 0, 0).unwrap_or_default();
    let at = |m: usize| start + Duration::minutes(i64::try_from(m).unwrap_or(0));
    for (i, d) in roster.iter().enumerate() {
        let Some(own) = &shifts[i] else { continue };
        // The first minute of the week this line is the one alerted: on its shift, and no
        // earlier line's shift covers it; at night only where the bot answers then.
        let moment = (0..WEEK_MINUTES).find(|&m| {
            own.contains(m)
                && !shifts[..i].iter().flatten().any(|s| s.contains(m))
                && (night_mode || !g.hours.is_night(at(m)))
        });
        let Some(m) = moment else { continue };
        let now = at(m);
        let e = Expect {
            reason: Some("keyword".into()),
            duty: Some(d.name.value.clone()),
            ..Expect::default()
        };
        let s = g.scenario(now, vec![user(&keyword, e)]);
        g.push("duty", s);
    }
}
