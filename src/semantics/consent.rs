//! Consent by purpose (docs/bot-runtime.md, "Consent"): which slots wait for consent, what a
//! refusal stops, and whether consent given earlier still holds. Takes a small view of the
//! purposes, not the config's JSON.

/// One purpose of processing as the rules need it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PurposeView<'a> {
    /// Its legal basis is the client's consent (not a contract or a duty of law).
    pub by_consent: bool,
    pub slots: &'a [String],
    /// Action ids, "reminders", "nps".
    pub uses: &'a [String],
}

/// The slots asked and written only after consent: those no purpose of another basis covers.
pub fn before(purposes: &[PurposeView<'_>]) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for p in purposes.iter().filter(|p| p.by_consent) {
        for s in p.slots {
            let other_basis = purposes
                .iter()
                .any(|q| !q.by_consent && q.slots.contains(s));
            if !other_basis && !out.contains(s) {
                out.push(s.clone());
            }
        }
    }
    out
}

/// Whether `what` (an action id, "reminders", "nps") may happen for a client who refused
/// consent: some purpose of another basis lists it. What no purpose lists needs no consent
/// (a hand-off, an upsell offer).
pub fn allowed_after_refusal(what: &str, purposes: &[PurposeView<'_>]) -> bool {
    let listed = purposes.iter().any(|p| p.uses.iter().any(|u| u == what));
    !listed
        || purposes
            .iter()
            .any(|p| !p.by_consent && p.uses.iter().any(|u| u == what))
}

/// The slots `what` may write for a client who refused: those a purpose of another basis
/// that lists `what` covers.
pub fn writable_after_refusal<'a>(
    what: &str,
    slots: impl IntoIterator<Item = &'a str>,
    purposes: &[PurposeView<'_>],
) -> Vec<&'a str> {
    slots
        .into_iter()
        .filter(|s| {
            purposes.iter().any(|p| {
                !p.by_consent && p.uses.iter().any(|u| u == what) && p.slots.iter().any(|x| x == s)
            }) || !purposes.iter().any(|p| p.slots.iter().any(|x| x == s))
        })
        .collect()
}

/// Whether consent given earlier (in this dialogue or an earlier one, found by chat id or
/// phone) still holds: not withdrawn, and given to the current text's version.
pub fn still_holds(given_version: &str, current_version: &str, withdrawn: bool) -> bool {
    !withdrawn && given_version == current_version
}

#[cfg(test)]
mod tests {
    use super::*;

    fn strings(l: &[&str]) -> Vec<String> {
        l.iter().map(|s| (*s).to_owned()).collect()
    }

    struct Fixture {
        booking: (Vec<String>, Vec<String>),
        reminders: (Vec<String>, Vec<String>),
        promo: (Vec<String>, Vec<String>),
    }

    fn fixture() -> Fixture {
        Fixture {
            booking: (
                strings(&["name", "phone", "service", "preferred_time"]),
                strings(&["book", "reschedule", "cancel"]),
            ),
            reminders: (strings(&["phone"]), strings(&["reminders", "nps"])),
            promo: (
                strings(&["name", "phone", "comment"]),
                strings(&["save_lead"]),
            ),
        }
    }

    fn views(f: &Fixture) -> Vec<PurposeView<'_>> {
        vec![
            PurposeView {
                by_consent: false,
                slots: &f.booking.0,
                uses: &f.booking.1,
            },
            PurposeView {
                by_consent: true,
                slots: &f.reminders.0,
                uses: &f.reminders.1,
            },
            PurposeView {
                by_consent: true,
                slots: &f.promo.0,
                uses: &f.promo.1,
            },
        ]
    }

    #[test]
    fn only_slots_no_other_basis_covers_wait_for_consent() {
        let f = fixture();
        assert_eq!(before(&views(&f)), ["comment"]);
    }

    #[test]
    fn a_refusal_stops_what_only_consent_covers() {
        let f = fixture();
        let v = views(&f);
        assert!(allowed_after_refusal("book", &v));
        assert!(!allowed_after_refusal("reminders", &v));
        assert!(!allowed_after_refusal("nps", &v));
        assert!(!allowed_after_refusal("save_lead", &v));
        assert!(allowed_after_refusal("handoff", &v));
    }

    #[test]
    fn a_booking_after_a_refusal_writes_the_contract_s_slots_only() {
        let f = fixture();
        let v = views(&f);
        assert_eq!(
            writable_after_refusal("book", ["name", "phone", "comment", "channel"], &v),
            ["name", "phone", "channel"]
        );
    }

    #[test]
    fn all_by_consent_as_in_version_1_stops_everything() {
        let slots = strings(&["name", "phone"]);
        let uses = strings(&["book", "save_lead", "reminders"]);
        let v = [PurposeView {
            by_consent: true,
            slots: &slots,
            uses: &uses,
        }];
        assert_eq!(before(&v), ["name", "phone"]);
        assert!(!allowed_after_refusal("book", &v));
    }

    #[test]
    fn consent_holds_until_withdrawn_or_a_new_version() {
        assert!(still_holds("1.0", "1.0", false));
        assert!(!still_holds("1.0", "1.1", false));
        assert!(!still_holds("1.0", "1.0", true));
    }
}
