//! The order amount (docs/bot-runtime.md, "Order amount"): the sum of `price_from` of the
//! chosen service and of every upsell the client accepted. Strictly above `amount_over`,
//! the booking is still recorded, and a person confirms it (reason `amount_over`). It is a
//! lower bound — prices are "from" — and the threshold is meant that way.

/// The order amount in rubles.
pub fn order_amount(service_price_from: u64, accepted_upsells: &[u64]) -> u64 {
    accepted_upsells
        .iter()
        .fold(service_price_from, |sum, p| sum.saturating_add(*p))
}

/// Whether a person confirms the booking.
pub fn hands_over(amount: u64, amount_over: u64) -> bool {
    amount > amount_over
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_service_and_the_accepted_upsells() {
        assert_eq!(order_amount(1800, &[]), 1800);
        assert_eq!(order_amount(18_000, &[1500, 500]), 20_000);
    }

    #[test]
    fn at_the_threshold_the_bot_books_one_rouble_above_a_person_confirms() {
        assert!(!hands_over(order_amount(18_000, &[2000]), 20_000));
        assert!(hands_over(order_amount(18_000, &[2001]), 20_000));
    }
}
