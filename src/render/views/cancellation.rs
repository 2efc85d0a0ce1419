//! The view of the cancellation and rescheduling policy: the free-cancellation window, the
//! reschedule limit and fees, how each reminder falls against the window, and the services
//! that take a prepayment.

use serde::Serialize;

use super::Shared;
use super::common::{BotName, Common};
use super::helpers::{DurationWords, channel_names, count_words};
use crate::bottext::Replies;
use crate::model::business::{Business, Channel, Service};
use crate::model::duration::Duration;
use crate::words::{fmt_money, fmt_share};

/// What `cancellation-policy.md` is rendered from.
#[derive(Debug, Clone, Serialize)]
pub struct CancellationPolicy<'a> {
    #[serde(flatten)]
    pub common: &'a Common<'a>,
    pub bot: BotName<'a>,
    pub reminder_channels: Vec<String>,
    pub cancellation: CancellationView,
    pub escalation: UrgentCancel,
    pub services: Vec<ServiceView<'a>>,
    /// The services with a prepayment, as in `services`.
    pub prepaid_services: Vec<ServiceView<'a>>,
    /// Some service is a package of visits or a membership: the policy says how their
    /// unused part is refunded (and only then).
    pub has_packages: bool,
    pub has_memberships: bool,
    /// Each membership with its term: «Абонемент на месяц — 30 дней».
    pub membership_terms: Vec<String>,
    /// How long a membership may be frozen; `None` when there is no freeze.
    pub membership_freeze: Option<DurationWords>,
    /// The reminders as the bot sends them, with their buttons.
    pub reminder_replies: Vec<ReminderButtons>,
}

/// A reminder's offset and the buttons under it.
#[derive(Debug, Clone, Serialize)]
pub struct ReminderButtons {
    pub offset: DurationWords,
    pub buttons: Vec<String>,
    /// The reminder has a cancel button.
    pub can_cancel: bool,
}

/// The free-cancellation window alone: what the SOP and the SLA sheet quote.
#[derive(Debug, Clone, Serialize)]
pub struct FreeCancellation {
    pub free_until: DurationWords,
}

/// `[cancellation]`, with each reminder set against the free-cancellation window.
#[derive(Debug, Clone, Serialize)]
pub struct CancellationView {
    pub free_until: DurationWords,
    pub reschedule_max: u32,
    /// «2 раза».
    pub reschedule_max_words: String,
    /// After «не более»: «2 раз».
    pub reschedule_max_gen: String,
    pub late_fee_percent: u8,
    pub no_show_fee_percent: u8,
    pub reminders: Vec<ReminderWindow>,
}

/// One reminder and where it falls against the free-cancellation window.
#[derive(Debug, Clone, Serialize)]
pub struct ReminderWindow {
    pub offset: DurationWords,
    /// "before" the window closes, "at" its close, or "after" it.
    pub when: &'static str,
    /// How long before or after the close.
    pub margin: DurationWords,
    /// Sent inside `urgent_cancel_within`: a cancellation then goes to a person.
    pub urgent: bool,
}

/// The one escalation threshold the policy states.
#[derive(Debug, Clone, Serialize)]
pub struct UrgentCancel {
    pub urgent_cancel_within: DurationWords,
}

/// A service with its price and prepayment in words.
#[derive(Debug, Clone, Serialize)]
pub struct ServiceView<'a> {
    pub id: &'a str,
    pub name: &'a str,
    pub price_from: String,
    pub duration: DurationWords,
    pub prepayment_percent: u8,
    pub prepayment_share: String,
    pub prepayment_from: String,
    /// The names of the services offered on top of this one.
    pub upsell: Vec<String>,
    /// `visit`, `package`, `membership`.
    pub kind: &'static str,
    /// A membership's term in words: the unused part is counted in its days.
    pub term: Option<DurationWords>,
    /// What may be spent for one client before the visit.
    pub advance_costs: &'a str,
}

pub fn build<'s>(shared: &'s Shared<'_>) -> CancellationPolicy<'s> {
    let b = shared.business;
    let lang = b.lang();
    let services: Vec<ServiceView<'s>> =
        b.services.iter().map(|s| ServiceView::new(b, s)).collect();
    CancellationPolicy {
        common: &shared.common,
        bot: BotName::new(b),
        reminder_channels: channel_names(b, Channel::reminders),
        cancellation: CancellationView::new(b),
        escalation: UrgentCancel {
            urgent_cancel_within: DurationWords::new(*b.escalation.urgent_cancel_within, lang),
        },
        prepaid_services: services
            .iter()
            .filter(|s| s.prepayment_percent > 0)
            .cloned()
            .collect(),
        has_packages: services.iter().any(|s| s.kind == "package"),
        has_memberships: services.iter().any(|s| s.kind == "membership"),
        membership_terms: services
            .iter()
            .filter(|s| s.kind == "membership")
            .filter_map(|s| {
                let term = s.term.as_ref()?;
                Some(match lang {
                    crate::model::enums::Lang::Ru => format!("«{}» — {}", s.name, term.nominative),
                    crate::model::enums::Lang::En => format!("“{}”: {}", s.name, term.nominative),
                })
            })
            .collect(),
        membership_freeze: b
            .cancellation
            .membership_freeze
            .as_ref()
            .map(|f| DurationWords::new(**f, lang)),
        reminder_replies: reminder_buttons(b, shared.location),
        services,
    }
}

/// The reminders' buttons as the bot has them: the policy promises what the bot offers.
fn reminder_buttons(b: &Business, loc: &crate::model::business::Location) -> Vec<ReminderButtons> {
    let lang = b.lang();
    let cancel = match lang {
        crate::model::enums::Lang::Ru => "Отменить",
        crate::model::enums::Lang::En => "Cancel",
    };
    Replies::new(b, loc)
        .reminders
        .into_iter()
        .map(|r| ReminderButtons {
            offset: DurationWords::new(Duration::from_secs(r.offset_s), lang),
            can_cancel: r.buttons.iter().any(|x| x == cancel),
            buttons: r.buttons,
        })
        .collect()
}

impl FreeCancellation {
    pub fn new(b: &Business) -> Self {
        Self {
            free_until: DurationWords::new(*b.cancellation.free_until, b.lang()),
        }
    }
}

impl CancellationView {
    fn new(b: &Business) -> Self {
        let lang = b.lang();
        let d = |x| DurationWords::new(x, lang);
        let c = &b.cancellation;
        let free = c.free_until.secs();
        let urgent = b.escalation.urgent_cancel_within.secs();
        let reminders = b
            .sla
            .reminders
            .iter()
            .map(|r| {
                let r = r.secs();
                let (when, margin) = match r.cmp(&free) {
                    std::cmp::Ordering::Greater => ("before", r - free),
                    std::cmp::Ordering::Equal => ("at", 0),
                    std::cmp::Ordering::Less => ("after", free - r),
                };
                ReminderWindow {
                    offset: d(Duration::from_secs(r)),
                    when,
                    margin: d(Duration::from_secs(margin)),
                    urgent: r <= urgent,
                }
            })
            .collect();
        let times = u64::from(*c.reschedule_max);
        Self {
            free_until: d(*c.free_until),
            reschedule_max: *c.reschedule_max,
            reschedule_max_words: count_words(
                times,
                ("раз", "раза", "раз"),
                ("time", "times"),
                lang,
            ),
            reschedule_max_gen: count_words(times, ("раза", "раз", "раз"), ("time", "times"), lang),
            late_fee_percent: c.late_fee_percent.as_ref().map_or(0, |p| p.0),
            no_show_fee_percent: c.no_show_fee_percent.as_ref().map_or(0, |p| p.0),
            reminders,
        }
    }
}

impl<'a> ServiceView<'a> {
    fn new(b: &'a Business, s: &'a Service) -> Self {
        let lang = b.lang();
        let pct = s.prepayment_percent.as_ref().map_or(0, |p| p.0);
        let prepay = s.price_from.0 * u64::from(pct) / 100;
        let name_of = |id: &str| {
            b.services
                .iter()
                .find(|x| x.id.as_str() == id)
                .map_or_else(|| id.to_owned(), |x| x.name.value.clone())
        };
        Self {
            id: s.id.as_str(),
            name: s.name.as_str(),
            price_from: fmt_money(s.price_from.0, lang),
            duration: DurationWords::new(*s.duration, lang),
            prepayment_percent: pct,
            prepayment_share: fmt_share(f64::from(pct) / 100.0, lang),
            prepayment_from: fmt_money(prepay, lang),
            upsell: s
                .upsell
                .as_ref()
                .map(|u| u.iter().map(|id| name_of(id.as_str())).collect())
                .unwrap_or_default(),
            kind: s.kind().as_str(),
            term: s.term.as_ref().map(|t| DurationWords::new(**t, lang)),
            advance_costs: s.advance_costs.as_ref().map_or("", |a| a.as_str()),
        }
    }
}
