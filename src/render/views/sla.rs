//! `[sla]` as the documents state it: the response times in words, the reminders, the NPS
//! survey and the KPI targets. The SOP prints all of it and the SLA sheet most of it, so it
//! is built once per location.

use serde::Serialize;

use super::helpers::DurationWords;
use crate::model::business::Business;
use crate::words::fmt_share;

/// The business-wide service levels (a channel's own are in its
/// [`super::channels::ChannelView`]).
#[derive(Debug, Clone, Serialize)]
pub struct SlaView {
    pub ai_first_response: DurationWords,
    pub human_first_response: DurationWords,
    pub lead_to_crm: DurationWords,
    pub booking_confirmation: DurationWords,
    pub escalation_response: DurationWords,
    /// Before the visit, in the config's order.
    pub reminders: Vec<DurationWords>,
    pub nps_survey_after: DurationWords,
    pub targets: TargetsView,
    /// The latest a booking is confirmed before the visit: an hour before the first
    /// reminder that comes inside the confirmation period, so a client never gets a
    /// «see you in 2 hours» for a booking nobody confirmed.
    pub confirm_before_visit: DurationWords,
    /// The send window of reminders and the survey, local time: "08:00", "22:00".
    pub send_from: String,
    pub send_until: String,
}

/// KPI targets as percentages in words: «60 %».
#[derive(Debug, Clone, Serialize)]
pub struct TargetsView {
    pub bot_handled_share: String,
    pub lead_to_booking: String,
    pub confirmed_bookings: String,
    pub no_show_max: String,
}

impl SlaView {
    pub fn new(b: &Business) -> Self {
        let lang = b.lang();
        let d = |x| DurationWords::new(x, lang);
        let sla = &b.sla;
        let t = &sla.targets;
        let confirm = sla.booking_confirmation.secs();
        let late = sla
            .reminders
            .iter()
            .map(|r| r.secs())
            .filter(|r| *r < confirm)
            .max()
            .unwrap_or(2 * 3_600);
        let (from, until) = sla.send_window();
        Self {
            send_from: crate::model::hours::WorkingHours::fmt_time(from),
            send_until: crate::model::hours::WorkingHours::fmt_time(until),
            confirm_before_visit: d(crate::model::Duration::from_secs(late + 3_600)),
            ai_first_response: d(*sla.ai_first_response),
            human_first_response: d(*sla.human_first_response),
            lead_to_crm: d(*sla.lead_to_crm),
            booking_confirmation: d(*sla.booking_confirmation),
            escalation_response: d(*sla.escalation_response),
            reminders: sla.reminders.iter().map(|r| d(**r)).collect(),
            nps_survey_after: d(*sla.nps_survey_after),
            targets: TargetsView {
                bot_handled_share: fmt_share(t.bot_handled_share.0, lang),
                lead_to_booking: fmt_share(t.lead_to_booking.0, lang),
                confirmed_bookings: fmt_share(t.confirmed_bookings.0, lang),
                no_show_max: fmt_share(t.no_show_max.0, lang),
            },
        }
    }
}
