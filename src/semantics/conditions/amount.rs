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

/// The dearest order a client can make: each service with every upsell offered with it
/// accepted (when upsells are on). Returns the service's id and the amount; `None` for an
/// empty catalogue. An `amount_over` at or above it can never hand a dialogue over.
pub fn dearest_order<'a>(
    services: impl IntoIterator<Item = (&'a str, u64)>,
    offered_with: impl Fn(&str) -> Vec<u64>,
) -> Option<(&'a str, u64)> {
    services
        .into_iter()
        .map(|(id, price)| (id, order_amount(price, &offered_with(id))))
        // The first of equal amounts, so the note names the same service every run.
        .fold(None, |best: Option<(&str, u64)>, (id, a)| match best {
            Some((_, b)) if b >= a => best,
            _ => Some((id, a)),
        })
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

    #[test]
    fn the_dearest_order_counts_the_upsells_offered_with_each_service() {
        let services = [
            ("cut", 1500),
            ("colour", 7500),
            ("care", 1800),
            ("spa", 9000),
        ];
        let with = |id: &str| if id == "colour" { vec![1800] } else { vec![] };
        assert_eq!(dearest_order(services, with), Some(("colour", 9300)));
        assert_eq!(dearest_order(services, |_| vec![]), Some(("spa", 9000)));
        // Equal amounts: the first is named.
        assert_eq!(
            dearest_order([("a", 5), ("b", 5)], |_| vec![]),
            Some(("a", 5))
        );
        assert_eq!(dearest_order([], |_| vec![]), None);
    }
}
