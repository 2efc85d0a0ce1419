//! The view of the SLA workbook: the channel table with its service levels, the KPI targets
//! as numbers with what measuring them in the CRM needs (the location field, the funnel),
//! the week's opening hours, the person on duty and how they are alerted.
//!
//! The workbook is written from this view alone, as a template would be, so its figures
//! and the Word documents' come from the same computation.

use serde::Serialize;

use super::Shared;
use super::cancellation::FreeCancellation;
use super::channels::ChannelView;
use super::common::Common;
use super::sla::SlaView;
use crate::model::business::{Business, Location};
use crate::model::enums::{Lang, Notify, Slot, StageSemantics};
use crate::model::hours::{DAYS, WorkingHours};
use crate::render::kind::DocKind;

/// What `sla-response-times-<loc>.xlsx` is written from.
#[derive(Debug, Clone, Serialize)]
pub struct SlaSheet<'a> {
    #[serde(flatten)]
    pub common: &'a Common<'a>,
    pub title: &'static str,
    pub channels: &'a [ChannelView<'a>],
    pub sla: &'a SlaView,
    pub cancellation: FreeCancellation,
    /// The channels that are Meta's, by name, for the footnote Russian law asks for.
    pub meta_channels: Vec<String>,
    pub kpi: Kpi<'a>,
    /// Monday to Sunday: each day's opening ranges, earliest first; none when closed.
    pub week: Vec<Vec<Opening>>,
    /// «Asia/Yekaterinburg (UTC+5)».
    pub timezone_shown: String,
    /// The duty roster, in the order written.
    pub duty: Vec<DutyContacts<'a>>,
    /// How the person on duty is alerted, as a table cell names it.
    pub alerts: Vec<&'static str>,
}

/// The KPI targets, as shares a report's figure is compared with, and what filtering the
/// CRM's reports by location and stage needs.
#[derive(Debug, Clone, Serialize)]
pub struct Kpi<'a> {
    pub bot_handled_share: f64,
    pub lead_to_booking: f64,
    pub confirmed_bookings: f64,
    pub no_show_max: f64,
    /// The label of the CRM field holding the location, if there is one.
    pub location_field: Option<&'a str>,
    /// Stage names in the config's order.
    pub funnel: Vec<&'a str>,
    /// The stages the config marks as failures.
    pub failure_stages: Vec<&'a str>,
    /// The stage a booking reaches («Записан»): the no-show rate counts from it.
    pub booked_stage: &'a str,
    /// The failure stage of a missed visit («Неявка»).
    pub no_show_stage: &'a str,
    /// The button a client confirms with in the first reminder («Подтверждаю»).
    pub confirm_button: String,
}

/// One opening range of a day: "09:00", "21:00".
#[derive(Debug, Clone, Serialize)]
pub struct Opening {
    pub opens: String,
    pub closes: String,
}

/// The person on duty, with only the contacts given.
#[derive(Debug, Clone, Serialize)]
pub struct DutyContacts<'a> {
    pub name: &'a str,
    pub phone: Option<String>,
    pub telegram: Option<&'a str>,
    pub email: Option<&'a str>,
    /// The shift in the sheet's words; `None` when always on duty.
    pub when: Option<String>,
}

pub fn build<'s>(shared: &'s Shared<'_>) -> SlaSheet<'s> {
    let (b, loc) = (shared.business, shared.location);
    let lang = b.lang();
    let channels = shared.channels();
    let tz = loc.timezone.0.as_str();
    SlaSheet {
        common: &shared.common,
        title: DocKind::SlaSheet.title(lang),
        channels,
        sla: shared.sla(),
        cancellation: FreeCancellation::new(b),
        meta_channels: channels
            .iter()
            .filter(|c| c.meta)
            .map(|c| c.name.clone())
            .collect(),
        kpi: Kpi::new(b),
        week: week(loc),
        timezone_shown: match zone_offset(tz) {
            Some(off) => format!("{tz} ({off})"),
            None => tz.to_owned(),
        },
        duty: loc
            .duty_roster()
            .into_iter()
            .map(|d| {
                let shown = super::common::DutyView::new(d, lang);
                DutyContacts {
                    name: d.name.as_str(),
                    phone: d.phone.as_ref().map(|p| p.pretty()),
                    telegram: d.telegram.as_ref().map(|t| t.as_str()),
                    email: d.email.as_ref().map(|e| e.0.as_str()),
                    when: (!shown.when.is_empty()).then_some(shown.when),
                }
            })
            .collect(),
        alerts: b
            .escalation
            .notify
            .iter()
            .map(|n| alert_name(**n, lang))
            .collect(),
    }
}

impl<'a> Kpi<'a> {
    fn new(b: &'a Business) -> Self {
        let t = &b.sla.targets;
        let crm = &b.crm;
        Self {
            bot_handled_share: t.bot_handled_share.0,
            lead_to_booking: t.lead_to_booking.0,
            confirmed_bookings: t.confirmed_bookings.0,
            no_show_max: t.no_show_max.0,
            location_field: crm
                .fields
                .iter()
                .find(|f| *f.slot == Slot::Location)
                .map(|f| f.label.as_str()),
            funnel: crm
                .stages
                .iter()
                .filter(|s| !is_failure(s))
                .map(|s| s.name.as_str())
                .collect(),
            booked_stage: booked_stage(b),
            no_show_stage: crm
                .stages
                .iter()
                .filter(|s| is_failure(s))
                .find(|s| {
                    let id = s.id.to_ascii_uppercase();
                    id.contains("NO_SHOW") || id.contains("NOSHOW")
                })
                .or_else(|| crm.stages.iter().find(|s| is_failure(s)))
                .map_or("", |s| s.name.as_str()),
            confirm_button: crate::bottext::Replies::new(b, &b.locations[0])
                .reminders
                .first()
                .and_then(|r| r.buttons.first().cloned())
                .unwrap_or_default(),
            failure_stages: crm
                .stages
                .iter()
                .filter(|s| {
                    s.semantics
                        .as_ref()
                        .is_some_and(|m| **m == StageSemantics::Failure)
                })
                .map(|s| s.name.as_str())
                .collect(),
        }
    }
}

fn is_failure(s: &crate::model::business::Stage) -> bool {
    s.semantics
        .as_ref()
        .is_some_and(|m| **m == StageSemantics::Failure)
}

/// The stage a booking reaches: the one whose code says so (`UC_BOOKED`), else the third
/// stage in progress (after «new» and «in work»).
fn booked_stage(b: &Business) -> &str {
    let stages = &b.crm.stages;
    stages
        .iter()
        .find(|s| s.id.to_ascii_uppercase().contains("BOOK"))
        .or_else(|| stages.iter().filter(|s| !is_failure(s)).nth(2))
        .or_else(|| stages.first())
        .map_or("", |s| s.name.as_str())
}

/// Each weekday's opening ranges, sorted by when they start.
fn week(loc: &Location) -> Vec<Vec<Opening>> {
    (0..DAYS.len())
        .map(|day| {
            let mut ranges: Vec<(u16, u16)> = loc
                .hours
                .iter()
                .filter(|h| h.covers(day))
                .flat_map(|h| h.ranges.iter().copied())
                .collect();
            ranges.sort_unstable();
            ranges
                .into_iter()
                .map(|(a, b)| Opening {
                    opens: WorkingHours::fmt_time(a),
                    closes: WorkingHours::fmt_time(b),
                })
                .collect()
        })
        .collect()
}

/// An alert as a table cell names it: shorter than running text does.
fn alert_name(n: Notify, lang: Lang) -> &'static str {
    match (n, lang) {
        (Notify::BitrixTask, Lang::Ru) => "задача в Битрикс24",
        (Notify::BitrixTask, Lang::En) => "Bitrix24 task",
        (Notify::Telegram, _) => "Telegram",
        (Notify::Sms, _) => "SMS",
        (Notify::Email, _) => "e-mail",
    }
}

/// "UTC+5" for Asia/Yekaterinburg, at the zone's offset today's rules give (Russia keeps no
/// daylight saving); `None` for a zone chrono-tz does not know.
fn zone_offset(tz: &str) -> Option<String> {
    use chrono::{Offset, TimeZone};
    let zone: chrono_tz::Tz = tz.parse().ok()?;
    // A fixed instant, not the clock: the same file on every run.
    let at = chrono::NaiveDate::from_ymd_opt(2026, 1, 1)?.and_hms_opt(12, 0, 0)?;
    let secs = zone.offset_from_utc_datetime(&at).fix().local_minus_utc();
    let (sign, secs) = if secs < 0 {
        ('−', -secs)
    } else {
        ('+', secs)
    };
    let (h, m) = (secs / 3600, secs % 3600 / 60);
    Some(if m == 0 {
        format!("UTC{sign}{h}")
    } else {
        format!("UTC{sign}{h}:{m:02}")
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_are_read_from_the_zone_not_the_clock() {
        assert_eq!(zone_offset("Asia/Yekaterinburg").as_deref(), Some("UTC+5"));
        assert_eq!(zone_offset("Asia/Kolkata").as_deref(), Some("UTC+5:30"));
        assert_eq!(zone_offset("America/New_York").as_deref(), Some("UTC−5"));
        assert_eq!(zone_offset("Mars/Olympus"), None);
    }
}
