//! The conditions of SPEC §4.1 that are arithmetic on time, money and turns, each in its
//! own file (docs/bot-runtime.md names the file for every rule).

pub mod amount;
pub mod cancel;
pub mod handoff;
pub mod night;
pub mod nps;
pub mod reminders;
pub mod send_window;
pub mod turns;

/// Why a dialogue goes to a person: the `reason` of a hand-off, the key of
/// `escalation.reasons`, the `{reason}` of a notification.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum HandoffReason {
    /// An escalation keyword, in any state.
    Keyword,
    /// Nothing matched well enough, or the fallback.
    LowConfidence,
    /// The `max_bot_turns`-th reply in a row without progress.
    MaxBotTurns,
    /// The order amount is above `amount_over`.
    AmountOver,
    /// A cancellation or reschedule inside the urgent window.
    UrgentCancel,
    /// A reschedule asked for when the booking was moved `reschedule_max` times already.
    RescheduleLimit,
    /// An NPS score at or below `detractor_max`.
    NpsDetractor,
}

impl HandoffReason {
    pub const ALL: [HandoffReason; 7] = [
        HandoffReason::Keyword,
        HandoffReason::LowConfidence,
        HandoffReason::MaxBotTurns,
        HandoffReason::AmountOver,
        HandoffReason::UrgentCancel,
        HandoffReason::RescheduleLimit,
        HandoffReason::NpsDetractor,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            HandoffReason::Keyword => "keyword",
            HandoffReason::LowConfidence => "low_confidence",
            HandoffReason::MaxBotTurns => "max_bot_turns",
            HandoffReason::AmountOver => "amount_over",
            HandoffReason::UrgentCancel => "urgent_cancel",
            HandoffReason::RescheduleLimit => "reschedule_limit",
            HandoffReason::NpsDetractor => "nps_detractor",
        }
    }
}
