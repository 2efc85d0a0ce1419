//! The scenarios generated from `business.toml` (SPEC §7): what the documents promise, as
//! conversations, with stable ids `<loc>-<family>-<n>`. Expectations come from the business
//! and the reference semantics — never from the bot config under test — so a config that
//! drifted from `business.toml` or broke a rule fails them.

mod breaks;
mod duty;
mod families;

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};

use super::persona::{ConsentAnswer, Persona};
use super::{Act, Expect, GivenSpec, Scenario, StepSpec};
use crate::bottext::{Replies, Texts};
use crate::model::Business;
use crate::model::business::Location;
use crate::model::enums::Lang;
use crate::semantics::order::{BranchTriggers, Outcome, Rules, Waiting};
use crate::semantics::{Message, OpeningHours, Phrase, Stemmer};

/// At most this many per location (SPEC §7).
pub const MAX_PER_LOCATION: usize = 300;

/// The test client's phone inside the virtual run: never dialled, never sent to.
pub const TEST_PHONE: &str = "+7 913 000-00-01";
pub const TEST_PHONE_E164: &str = "+79130000001";

/// What the generator knows of one location.
pub(crate) struct Ground<'a> {
    pub b: &'a Business,
    pub loc: &'a Location,
    pub lang: Lang,
    pub stemmer: Stemmer,
    pub hours: OpeningHours,
    pub replies: Replies,
    /// Branch id → its triggers, as business.toml's texts give them.
    pub triggers: Vec<(String, Vec<String>)>,
    pub keywords: Vec<String>,
    /// `keywords` and `triggers` made ready for the reference matcher once, not per probe.
    reference_keywords: Vec<Phrase>,
    reference_triggers: Vec<BranchTriggers>,
    pub min_confidence: f64,
    /// The first moment of the test week: an hour after the first opening on or after
    /// 2027-03-01 (a Monday).
    pub base: NaiveDateTime,
    out: Vec<Scenario>,
    /// How many scenarios each family has so far, for the next id's number.
    counts: Vec<(String, usize)>,
}

/// Every generated scenario of `loc`.
pub fn generate(b: &Business, loc: &Location) -> Vec<Scenario> {
    let lang = b.lang();
    let hours = OpeningHours::from_working_hours(
        &loc.hours
            .value
            .iter()
            .map(|h| h.value.clone())
            .collect::<Vec<_>>(),
    );
    let (policy, consent) = b.published_urls();
    let texts = Texts::new(
        b,
        loc,
        policy.unwrap_or_default(),
        consent.unwrap_or_default(),
    );
    let triggers = b
        .bot
        .branches
        .value
        .iter()
        .map(|br| (br.as_str().to_owned(), texts.triggers(br.as_str())))
        .collect::<Vec<(String, Vec<String>)>>();
    let stemmer = Stemmer::new(lang);
    let keywords: Vec<String> = b
        .escalation
        .keywords
        .value
        .iter()
        .map(|k| k.value.clone())
        .collect();
    let phrases = |l: &[String]| l.iter().map(|p| Phrase::new(p, stemmer)).collect();
    let reference_keywords = phrases(&keywords);
    let reference_triggers = triggers
        .iter()
        .map(|(branch, t)| BranchTriggers {
            branch: branch.clone(),
            phrases: phrases(t),
        })
        .collect();
    let base = first_opening(
        &hours,
        NaiveDate::from_ymd_opt(2027, 3, 1).unwrap_or_default(),
        60,
    );
    let mut g = Ground {
        b,
        loc,
        lang,
        stemmer,
        hours,
        replies: Replies::from_texts(&texts),
        triggers,
        keywords,
        reference_keywords,
        reference_triggers,
        min_confidence: b.escalation.min_confidence.value.0,
        base,
        out: Vec::new(),
        counts: Vec::new(),
    };
    families::all(&mut g);
    breaks::family(&mut g);
    let mut out = g.out;
    out.truncate(MAX_PER_LOCATION);
    out
}

/// The first opening on or after `from` (within two weeks), plus `after_min` minutes when
/// the range is long enough.
pub(crate) fn first_opening(
    hours: &OpeningHours,
    from: NaiveDate,
    after_min: u16,
) -> NaiveDateTime {
    for d in 0..14 {
        let date = from + Days::new(d);
        let day = date.weekday().num_days_from_monday() as usize;
        if let Some(&(a, b)) = hours.day(day).first() {
            let m = if a + after_min < b { a + after_min } else { a };
            return date.and_time(time_of(m));
        }
    }
    from.and_time(time_of(600))
}

pub(crate) fn time_of(minute: u16) -> NaiveTime {
    NaiveTime::from_hms_opt(u32::from(minute / 60), u32::from(minute % 60), 0).unwrap_or_default()
}

impl Ground<'_> {
    pub fn push(&mut self, family: &str, mut s: Scenario) {
        let n = if let Some((_, n)) = self.counts.iter_mut().find(|(f, _)| f == family) {
            *n += 1;
            *n
        } else {
            self.counts.push((family.to_owned(), 1));
            1
        };
        s.id = format!("{}-{family}-{n}", self.loc.id.as_str());
        family.clone_into(&mut s.family);
        s.location = Some(self.loc.id.as_str().to_owned());
        if s.covers.is_empty() {
            s.covers.push(family.to_owned());
        }
        self.out.push(s);
    }

    #[allow(clippy::unused_self)] // kept with the others it is built beside
    pub fn scenario(&self, now: NaiveDateTime, steps: Vec<StepSpec>) -> Scenario {
        Scenario {
            id: String::new(),
            location: None,
            channel: None,
            now: Some(now),
            covers: Vec::new(),
            given: GivenSpec::default(),
            steps,
            origin: None,
            family: String::new(),
        }
    }

    pub fn ru(&self) -> bool {
        self.lang == Lang::Ru
    }

    /// The client who books: a name, the test phone, the first service, a time that fits.
    pub fn persona(&self) -> Persona {
        Persona {
            name: if self.ru() { "Анна" } else { "Anna" }.into(),
            phone: TEST_PHONE.into(),
            service: "1".into(),
            time: self.typed(self.next_day_opening(1, 0)),
            consent: ConsentAnswer::Agree,
            upsell: false,
            choice: None,
            max_answers: 12,
        }
    }

    /// The opening of the `n`-th open day after the base day, plus `after_min`.
    pub fn next_day_opening(&self, n: u64, after_min: u16) -> NaiveDateTime {
        let mut date = self.base.date();
        let mut found = 0;
        for _ in 0..21 {
            date = date + Days::new(1);
            let day = date.weekday().num_days_from_monday() as usize;
            if let Some(&(a, _)) = self.hours.day(day).first() {
                found += 1;
                if found == n {
                    return date.and_time(time_of(a + after_min));
                }
            }
        }
        self.base + chrono::Duration::days(1)
    }

    /// The opening of the first range of the next open day that holds a visit of `minutes`
    /// whole (after a break when the morning is too short), else that day's opening.
    pub fn fitting(&self, minutes: u32) -> NaiveDateTime {
        let first = self.next_day_opening(1, 0);
        let day = first.date().weekday().num_days_from_monday() as usize;
        self.hours
            .day(day)
            .iter()
            .find(|&&(a, b)| u32::from(b.saturating_sub(a)) >= minutes)
            .map_or(first, |&(a, _)| first.date().and_time(time_of(a)))
    }

    /// A moment as a client types it: «05.03 10:00».
    #[allow(clippy::unused_self)] // one day the client's own date format
    pub fn typed(&self, at: NaiveDateTime) -> String {
        at.format("%d.%m %H:%M").to_string()
    }

    /// What the reference rules do with a first message (nothing waiting).
    pub fn reference(&self, text: &str) -> Outcome {
        let rules = Rules {
            keywords: &self.reference_keywords,
            triggers: &self.reference_triggers,
            min_confidence: self.min_confidence,
        };
        crate::semantics::order::evaluate(
            &Message::new(text, self.stemmer),
            &Waiting::default(),
            &rules,
            None,
        )
    }

    pub fn branch_of(&self, o: &Outcome) -> Option<String> {
        match o {
            Outcome::Trigger { branch, .. } => self.triggers.get(*branch).map(|(b, _)| b.clone()),
            _ => None,
        }
    }

    pub fn trigger(&self, branch: &str) -> Option<String> {
        self.triggers
            .iter()
            .find(|(b, _)| b == branch)
            .and_then(|(_, t)| t.first().cloned())
    }
}

pub(crate) fn user(text: &str, expect: Expect) -> StepSpec {
    StepSpec::new(Act::User(text.to_owned()), expect)
}

pub(crate) fn play(p: Persona, expect: Expect) -> StepSpec {
    StepSpec::new(Act::Play(p), expect)
}
