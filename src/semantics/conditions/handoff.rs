//! Which text the client gets at a hand-off (docs/bot-runtime.md, "Hand-off"): one each time.
//! A step whose action is `handoff` says its own text; the fallback says `fallback.say`; a
//! detractor gets `nps.detractor`; `amount_over` adds nothing to the booking step's text; the
//! rest say `escalation.say.day` or `.night`.

use super::HandoffReason;

/// The text said when handing over.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum HandoffText {
    /// The `say` of the step whose action is `handoff`.
    Step,
    /// `fallback.say`.
    Fallback,
    /// `nps.detractor`.
    NpsDetractor,
    /// Nothing more: the step just said covers it.
    Nothing,
    /// `escalation.say.day`.
    Day,
    /// `escalation.say.night`.
    Night,
}

pub fn text(reason: HandoffReason, by_step: bool, night: bool) -> HandoffText {
    match reason {
        _ if by_step => HandoffText::Step,
        HandoffReason::LowConfidence => HandoffText::Fallback,
        HandoffReason::NpsDetractor => HandoffText::NpsDetractor,
        HandoffReason::AmountOver => HandoffText::Nothing,
        _ if night => HandoffText::Night,
        _ => HandoffText::Day,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_text_per_hand_off() {
        assert_eq!(
            text(HandoffReason::UrgentCancel, true, false),
            HandoffText::Step
        );
        assert_eq!(
            text(HandoffReason::LowConfidence, false, true),
            HandoffText::Fallback
        );
        assert_eq!(
            text(HandoffReason::NpsDetractor, false, false),
            HandoffText::NpsDetractor
        );
        assert_eq!(
            text(HandoffReason::AmountOver, false, false),
            HandoffText::Nothing
        );
        assert_eq!(text(HandoffReason::Keyword, false, false), HandoffText::Day);
        assert_eq!(
            text(HandoffReason::Keyword, false, true),
            HandoffText::Night
        );
        assert_eq!(
            text(HandoffReason::MaxBotTurns, false, true),
            HandoffText::Night
        );
    }
}
