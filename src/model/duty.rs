//! The duty roster of a location (SPEC §3): who takes escalations, when, and how they are
//! reached. `duty` is one table (one contact, always on duty) or a list of contacts, each
//! with an optional `when` shift written in the working-hours grammar, where a range that
//! ends before it starts runs past midnight (`"mon-fri 21:00-09:00"` covers Monday 21:00 to
//! Tuesday 09:00, …, Friday 21:00 to Saturday 09:00).

use std::ops::Range;

use schemars::JsonSchema;

use super::hours::{DAYS, WorkingHours};
use super::phone::Phone;
use super::read::{Cx, FromToml, ParseStr, Sp, Table, Val, read_uint};
use super::values::Email;
use crate::i18n::{Text, t};

/// Minutes in a week; minute 0 is Monday 00:00 local time.
pub const WEEK_MINUTES: usize = 7 * 1440;

/// Who takes escalations at this location: one contact or several, in the order written.
#[derive(Debug, Clone)]
pub struct DutyRoster {
    pub contacts: Vec<Sp<Duty>>,
    /// `duty` was written as a list.
    pub listed: bool,
    /// Where `duty` is written.
    pub span: Range<usize>,
}

impl DutyRoster {
    /// The first contact: the one a single `duty` table gives, or the roster's first line.
    pub fn first(&self) -> &Duty {
        &self.contacts[0]
    }

    /// Whether the roster names more than one person.
    pub fn several(&self) -> bool {
        self.contacts.len() > 1
    }
}

/// A person (or a role) on duty.
#[derive(Debug, Clone, JsonSchema)]
#[schemars(deny_unknown_fields)]
pub struct Duty {
    pub name: Sp<String>,
    pub phone: Option<Sp<Phone>>,
    /// The duty Telegram chat or account, e.g. `@lada_ufa_duty`.
    pub telegram: Option<Sp<String>>,
    pub email: Option<Sp<Email>>,
    /// The person's Bitrix24 user id: `RESPONSIBLE_ID` of the escalation tasks of their shift.
    pub bitrix_user_id: Option<Sp<u64>>,
    /// The shift, local time, in the working-hours grammar; a range that ends before it
    /// starts runs past midnight ("mon-fri 21:00-09:00"). Left out: always on duty.
    pub when: Option<Sp<Shift>>,
}

impl Duty {
    /// The minutes of the week this contact is on duty (all of them without `when`).
    pub fn on_duty(&self) -> Minutes {
        self.when
            .as_ref()
            .map_or_else(Minutes::all, |s| s.minutes())
    }
}

/// Minutes of the week (minute 0: Monday 00:00) as sorted `[start, end)` ranges that
/// neither overlap nor touch. A shift or a night is a handful of ranges; as 10,080 flags
/// per contact the duty checks were a tenth of a lint over a thousand locations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Minutes(Vec<(usize, usize)>);

impl Minutes {
    /// The whole week.
    pub fn all() -> Self {
        Self(vec![(0, WEEK_MINUTES)])
    }

    /// The minutes of `ranges`, each within the week, in any order, overlapping or not.
    pub fn from_ranges(mut ranges: Vec<(usize, usize)>) -> Self {
        ranges.retain(|(a, b)| a < b);
        ranges.sort_unstable();
        let mut out: Vec<(usize, usize)> = Vec::with_capacity(ranges.len());
        for (a, b) in ranges {
            match out.last_mut() {
                Some(last) if a <= last.1 => last.1 = last.1.max(b),
                _ => out.push((a, b)),
            }
        }
        Self(out)
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    pub fn contains(&self, minute: usize) -> bool {
        self.0.iter().any(|&(a, b)| a <= minute && minute < b)
    }

    /// These minutes but not `other`'s.
    #[must_use]
    pub fn minus(&self, other: &Minutes) -> Minutes {
        let mut out = Vec::new();
        for &(a, b) in &self.0 {
            let mut from = a;
            for &(c, d) in other.0.iter().filter(|(c, d)| *d > a && *c < b) {
                if c > from {
                    out.push((from, c));
                }
                from = from.max(d);
            }
            if from < b {
                out.push((from, b));
            }
        }
        Self(out)
    }

    /// The minutes both hold.
    #[must_use]
    pub fn and(&self, other: &Minutes) -> Minutes {
        let both = self
            .0
            .iter()
            .flat_map(|&(a, b)| {
                other
                    .0
                    .iter()
                    .map(move |&(c, d)| (a.max(c), b.min(d)))
                    .filter(|(from, to)| from < to)
            })
            .collect();
        Self::from_ranges(both)
    }

    /// Each weekday's ranges, Monday first, split at midnight: the shape of the bot
    /// config's `when`.
    pub fn per_day(&self) -> [Vec<(u16, u16)>; 7] {
        let mut days: [Vec<(u16, u16)>; 7] = Default::default();
        for &(a, b) in &self.0 {
            let mut from = a;
            while from < b {
                let day = from / 1440;
                let to = b.min((day + 1) * 1440);
                #[allow(clippy::cast_possible_truncation)]
                days[day].push(((from - day * 1440) as u16, (to - day * 1440) as u16));
                from = to;
            }
        }
        days
    }
}

/// A duty shift: one or more lines such as `"mon-fri 21:00-09:00"`, `"sat-sun 00:00-24:00"`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Shift {
    pub lines: Vec<WorkingHours>,
}

impl Shift {
    /// The lines as business.toml writes them, canonical: "mon-fri 21:00-09:00".
    pub fn text(&self) -> String {
        let lines: Vec<&str> = self.lines.iter().map(WorkingHours::as_str).collect();
        lines.join("; ")
    }

    /// The minutes of the week the shift covers, a range past midnight carried into the
    /// next day (Sunday night into Monday morning).
    pub fn minutes(&self) -> Minutes {
        let mut ranges = Vec::new();
        // Each range of each line: a shift may have several a day, as hours do.
        for h in &self.lines {
            for &(start, end) in &h.ranges {
                let len = if end > start {
                    usize::from(end - start)
                } else {
                    1440 - usize::from(start) + usize::from(end)
                };
                for day in (0..7).filter(|d| h.covers(*d)) {
                    let from = day * 1440 + usize::from(start);
                    let to = from + len;
                    if to <= WEEK_MINUTES {
                        ranges.push((from, to));
                    } else {
                        ranges.push((from, WEEK_MINUTES));
                        ranges.push((0, to - WEEK_MINUTES));
                    }
                }
            }
        }
        Minutes::from_ranges(ranges)
    }

    /// Each weekday's ranges, Monday first, split at midnight and merged: the shape of the
    /// bot config's `when`.
    pub fn per_day(&self) -> [Vec<(u16, u16)>; 7] {
        self.minutes().per_day()
    }
}

/// Minutes of the week as people read them: "mon-fri 00:00-09:00, sat 20:00-24:00", days
/// with the same ranges run together.
pub fn describe(minutes: &Minutes) -> String {
    let days = minutes.per_day();
    let mut parts = Vec::new();
    let mut d = 0;
    while d < 7 {
        if days[d].is_empty() {
            d += 1;
            continue;
        }
        let mut last = d;
        while last + 1 < 7 && days[last + 1] == days[d] {
            last += 1;
        }
        let ranges: Vec<String> = days[d]
            .iter()
            .map(|(a, b)| {
                format!(
                    "{}-{}",
                    WorkingHours::fmt_time(*a),
                    WorkingHours::fmt_time(*b)
                )
            })
            .collect();
        let name = if last == d {
            DAYS[d].to_owned()
        } else {
            format!("{}-{}", DAYS[d], DAYS[last])
        };
        parts.push(format!("{name} {}", ranges.join(",")));
        d = last + 1;
    }
    parts.join(", ")
}

fn shift_line(s: &str) -> Result<WorkingHours, Text> {
    let h = WorkingHours::parse_str(s)?;
    if h.ranges.iter().any(|(start, end)| start == end) {
        return Err(t!(
            "the shift `{s}` starts and ends at the same minute: write 00:00-24:00 for whole days",
            "смена `{s}` начинается и кончается в одну и ту же минуту: для целых суток пишите 00:00-24:00"
        ));
    }
    Ok(h)
}

impl FromToml for Shift {
    fn expected() -> Text {
        Text::new(
            "a shift such as \"mon-fri 21:00-09:00\" (or a list of them)",
            "смена, например \"mon-fri 21:00-09:00\" (или список смен)",
        )
    }

    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let one = |v: &Val<'_>, cx: &mut Cx| {
            let Some(s) = v.get_ref().as_str() else {
                cx.wrong_type(v, &Self::expected());
                return None;
            };
            shift_line(s).map_err(|e| cx.error(v.span(), e, None)).ok()
        };
        let lines = if let Some(items) = v.get_ref().as_array() {
            if items.is_empty() {
                cx.error(
                    v.span(),
                    Text::new(
                        "an empty shift covers no time: leave `when` out for a contact always on duty",
                        "пустая смена не покрывает ни минуты: для дежурного без смен уберите `when`",
                    ),
                    None,
                );
                return None;
            }
            let read: Vec<Option<WorkingHours>> = items.iter().map(|i| one(i, cx)).collect();
            read.into_iter().collect::<Option<Vec<_>>>()?
        } else {
            vec![one(v, cx)?]
        };
        Some(Self { lines })
    }
}

impl JsonSchema for Shift {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Shift".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let line = generator.subschema_for::<WorkingHours>();
        schemars::json_schema!({
            "description": "A duty shift in the working-hours grammar, e.g. \"mon-fri 21:00-09:00\" (a range that ends before it starts runs past midnight), or a list of them",
            "anyOf": [line, { "type": "array", "items": line, "minItems": 1 }],
        })
    }
}

impl FromToml for Duty {
    fn expected() -> Text {
        super::read::table_expected("duty")
    }

    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let mut tb = Table::open(v, cx, "duty")?;
        let name = tb.req("name");
        let phone = tb.opt("phone");
        let telegram = tb.opt("telegram");
        let email = tb.opt("email");
        let bitrix_user_id = tb.with("bitrix_user_id", false, |v, cx| {
            let what = Text::new("a Bitrix24 user id", "id пользователя Битрикс24");
            read_uint(v, cx, &what, u64::from(u32::MAX)).filter(|n| {
                if *n == 0 {
                    cx.error(
                        v.span(),
                        Text::new(
                            "Bitrix24 user ids start at 1",
                            "id пользователей Битрикс24 начинаются с 1",
                        ),
                        Some(Text::new(
                            "the id is the number in the user's profile address: /company/personal/user/<id>/",
                            "id — число в адресе профиля: /company/personal/user/<id>/",
                        )),
                    );
                }
                *n > 0
            })
        });
        let when = tb.opt("when");
        tb.finish();
        Some(Self {
            name: name?,
            phone,
            telegram,
            email,
            bitrix_user_id,
            when,
        })
    }
}

impl FromToml for DutyRoster {
    fn expected() -> Text {
        Text::new(
            "a duty contact (a table) or a roster (a list of them)",
            "контакт дежурного (таблица) или график дежурств (список таких таблиц)",
        )
    }

    fn from_toml(v: &Val<'_>, cx: &mut Cx) -> Option<Self> {
        let span = v.span();
        if let Some(items) = v.get_ref().as_array() {
            if items.is_empty() {
                cx.error(
                    span,
                    Text::new(
                        "the duty roster is empty: escalations would reach no one",
                        "график дежурств пуст: эскалации не дойдут ни до кого",
                    ),
                    Some(Text::new(
                        "list at least one contact: duty = [{ name = \"…\", phone = \"…\" }]",
                        "укажите хотя бы один контакт: duty = [{ name = \"…\", phone = \"…\" }]",
                    )),
                );
                return None;
            }
            let read: Vec<Option<Sp<Duty>>> =
                items.iter().map(|i| Sp::<Duty>::from_toml(i, cx)).collect();
            let contacts = read.into_iter().collect::<Option<Vec<_>>>()?;
            return Some(Self {
                contacts,
                listed: true,
                span,
            });
        }
        if v.get_ref().as_table().is_none() {
            cx.wrong_type(v, &Self::expected());
            return None;
        }
        Some(Self {
            contacts: vec![Sp::<Duty>::from_toml(v, cx)?],
            listed: false,
            span,
        })
    }
}

impl JsonSchema for DutyRoster {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "DutyRoster".into()
    }
    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        let one = generator.subschema_for::<Duty>();
        schemars::json_schema!({
            "description": "Who takes escalations: one contact, always on duty, or a roster of contacts each with its `when` shift",
            "anyOf": [one, { "type": "array", "items": one, "minItems": 1 }],
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shift(lines: &[&str]) -> Shift {
        Shift {
            lines: lines.iter().map(|l| shift_line(l).unwrap()).collect(),
        }
    }

    #[test]
    fn a_night_shift_runs_past_midnight_into_the_next_day() {
        let s = shift(&["mon-fri 21:00-09:00"]);
        let days = s.per_day();
        assert_eq!(days[0], vec![(1260, 1440)]);
        assert_eq!(days[1], vec![(0, 540), (1260, 1440)]);
        assert_eq!(days[5], vec![(0, 540)]);
        assert!(days[6].is_empty());
    }

    #[test]
    fn sunday_night_carries_into_monday_morning() {
        let days = shift(&["sun 22:00-06:00"]).per_day();
        assert_eq!(days[6], vec![(1320, 1440)]);
        assert_eq!(days[0], vec![(0, 360)]);
    }

    #[test]
    fn describes_minutes_with_days_run_together() {
        let s = shift(&["mon-fri 00:00-09:00", "sat 20:00-24:00"]);
        assert_eq!(
            describe(&s.minutes()),
            "mon-fri 00:00-09:00, sat 20:00-24:00"
        );
    }

    /// The ranges mean what 10,080 flags, one a minute, would: built from overlapping and
    /// touching ranges, taken away, crossed and split into days.
    #[test]
    fn ranges_of_minutes_mean_what_flags_would() {
        fn flags(m: &Minutes) -> Vec<bool> {
            (0..WEEK_MINUTES).map(|i| m.contains(i)).collect()
        }
        fn of(ranges: &[(usize, usize)]) -> Vec<bool> {
            let mut on = vec![false; WEEK_MINUTES];
            for &(a, b) in ranges {
                on[a..b].fill(true);
            }
            on
        }
        let mut rng = crate::mutate::Rng::new(0x2545_f491_4f6c_dd1d);
        let mut next = |n: usize| rng.below(n);
        for _ in 0..300 {
            let mut pick = |fewest: usize| {
                (0..fewest + next(4))
                    .map(|_| {
                        // Day boundaries and shared ends come up often, as in real shifts.
                        let a = next(8) * 1440 / 2 + next(3) * 60;
                        let a = a.min(WEEK_MINUTES - 1);
                        (a, (a + 1 + next(2000)).min(WEEK_MINUTES))
                    })
                    .collect::<Vec<_>>()
            };
            let (x, y) = (pick(1), pick(0));
            let (a, b) = (
                Minutes::from_ranges(x.clone()),
                Minutes::from_ranges(y.clone()),
            );
            let (fa, fb) = (of(&x), of(&y));
            assert_eq!(flags(&a), fa);
            // Sorted ranges that neither overlap nor touch: one way to write each set.
            assert!(a.0.windows(2).all(|w| w[0].1 < w[1].0), "{:?}", a.0);
            let minus: Vec<bool> = fa.iter().zip(&fb).map(|(p, q)| *p && !*q).collect();
            let and: Vec<bool> = fa.iter().zip(&fb).map(|(p, q)| *p && *q).collect();
            assert_eq!(flags(&a.minus(&b)), minus);
            assert_eq!(a.minus(&b), Minutes::from_ranges(a.minus(&b).0));
            assert_eq!(flags(&a.and(&b)), and);
            assert_eq!(a.minus(&b).is_empty(), !minus.contains(&true));
            for (d, ranges) in a.per_day().iter().enumerate() {
                let mut day = vec![false; 1440];
                let mut last_end = None;
                for &(s, e) in ranges {
                    assert!(s < e && last_end.is_none_or(|l| l < s), "{ranges:?}");
                    day[usize::from(s)..usize::from(e)].fill(true);
                    last_end = Some(e);
                }
                assert_eq!(day, fa[d * 1440..(d + 1) * 1440]);
            }
        }
        assert!(Minutes::all().minus(&Minutes::all()).is_empty());
    }

    #[test]
    fn an_empty_shift_is_refused() {
        assert!(shift_line("mon 21:00-21:00").is_err());
    }
}
