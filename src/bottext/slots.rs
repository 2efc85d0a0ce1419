//! Which slots the bot asks a client for, and so which the consent request names.

use super::words::is_asked;
use crate::model::business::Business;
use crate::model::enums::Branch;

/// The slots the bot's scripts ask for, in the order a client first meets them: the
/// qualification questions, then each branch's own questions in `[bot].branches` order.
/// The consent request lists exactly these, and comes before any of them is asked.
/// Where the booking rests on the contract, none: nothing the bot asks needs consent.
pub fn consent_slots(b: &Business) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if b.booking_on_contract() {
        return out;
    }
    let mut add = |slot: &str| {
        if !out.iter().any(|x| x == slot) {
            out.push(slot.to_owned());
        }
    };
    for s in b.bot.qualification.iter().filter(|s| is_asked(s.value)) {
        add(s.as_str());
    }
    for branch in b.bot.branches.iter() {
        let asks: &[&str] = match branch.value {
            // Booking asks the qualification questions, listed above.
            Branch::Booking | Branch::Price => &[],
            Branch::Cancel if *b.cancellation.reschedule_max > 0 => &["phone", "preferred_time"],
            Branch::Cancel => &["phone"],
            Branch::Promo => &["name", "phone"],
            Branch::Callback => &["name", "phone", "preferred_time"],
        };
        for slot in asks {
            add(slot);
        }
    }
    out
}
