//! What reading the corrected documents as their users do (PDF pages of the three examples,
//! a school and an English business) still found, each held fixed across the whole corpus of
//! the legal review's tests: the word for what a business sells where its amount decides a
//! hand-off, one full stop after an abbreviation, a consent that agrees with the number of
//! its purposes, an unfilled address that reads as a blank, the local time named by its city.

use crate::legal::{all, has, lacks};

/// «Сумма заказа» in a clinic, a school or a fitness club: the trigger, the notice's reason
/// and the SOP's night-mode list name what that business sells.
#[test]
fn the_amount_trigger_names_what_the_business_sells() {
    for b in all() {
        let (gen_ru, nom_ru, en) = match b.segment.as_str() {
            "clinic" => ("плана лечения", "план лечения", "treatment plan"),
            "education" => ("договора", "договор", "contract"),
            "fitness" => ("покупки", "покупка", "purchase"),
            _ => ("заказа", "заказ", "order"),
        };
        for (loc, text) in b.docs("ai-escalation-rules") {
            let what = format!("{} escalation rules {loc}", b.name);
            if b.ru() {
                has(&text, &format!("сумма {gen_ru} больше"), &what);
                has(&text, &format!("{nom_ru} дороже"), &what);
                if b.segment != "salon" && b.segment != "other" {
                    lacks(&text, "сумма заказа", &what);
                    lacks(&text, "заказ дороже", &what);
                }
            } else {
                has(&text, &format!("the {en} amount exceeds"), &what);
                has(&text, &format!("a {en} over"), &what);
            }
        }
        for (loc, text) in b.docs("lead-handling") {
            let what = format!("{} SOP {loc}", b.name);
            if b.ru() {
                has(&text, &format!("{nom_ru} дороже"), &what);
            } else {
                has(&text, &format!("a {en} above"), &what);
            }
        }
    }
}

/// «…направил в Роскомнадзор 16 ноября 2026 г..»: a sentence that ends with an abbreviation
/// ends with its own full stop, in every document.
#[test]
fn no_sentence_ends_with_two_full_stops() {
    for b in all() {
        let mut texts = vec![
            ("pd-policy", b.operator_doc("pd-policy.docx")),
            ("pd-consent", b.operator_doc("pd-consent.docx")),
        ];
        for stem in [
            "lead-handling",
            "ai-escalation-rules",
            "cancellation-policy",
        ] {
            texts.extend(b.docs(stem).into_iter().map(|(_, t)| (stem, t)));
        }
        for (stem, text) in texts {
            lacks(&text, "..", &format!("{} {stem}", b.name));
        }
    }
}

/// «Согласие действует до достижения этих целей» under a single purpose: the consent agrees
/// with the number of the purposes it lists.
#[test]
fn the_consent_agrees_with_the_number_of_its_purposes() {
    for b in all() {
        let text = b.operator_doc("pd-consent.docx");
        let what = format!("{} consent", b.name);
        let (marker, one, several) = if b.ru() {
            (
                "Для цели «",
                "до достижения этой цели",
                "до достижения этих целей",
            )
        } else {
            (
                "For the purpose “",
                "until that purpose is achieved",
                "until those purposes are achieved",
            )
        };
        match text.matches(marker).count() {
            0 => {}
            1 => {
                has(&text, one, &what);
                lacks(&text, several, &what);
            }
            _ => has(&text, several, &what),
        }
    }
}

/// A fresh business's address is a blank the owner fills in: rendered before that, the
/// documents read «по адресу: [укажите адрес: улица, дом]», not an instruction inside the
/// sentence («at give the address: street»).
#[test]
fn an_unfilled_address_reads_as_a_blank() {
    for b in all().iter().filter(|b| b.name.starts_with("preset:")) {
        for (loc, text) in b.docs("lead-handling") {
            let what = format!("{} SOP {loc}", b.name);
            if b.ru() {
                has(&text, "[укажите адрес: улица, дом]", &what);
                lacks(&text, "адресу: укажите", &what);
            } else {
                has(&text, "[give the address: street, building]", &what);
                lacks(&text, "at give the address", &what);
            }
        }
        let policy = b.operator_doc("pd-policy.docx");
        let blank = if b.ru() {
            "[укажите адрес организации]"
        } else {
            "[give the address of the company]"
        };
        has(&policy, blank, &format!("{} policy", b.name));
    }
}

/// The English cancellation policy named the time zone's id («Europe/Moscow») where every
/// other document names the city: the local time is the location's city and its offset.
#[test]
fn the_local_time_is_named_by_the_city() {
    for b in all() {
        for (loc, text) in b.docs("cancellation-policy") {
            let what = format!("{} cancellation policy {loc}", b.name);
            if b.ru() {
                has(&text, "по местному времени: ", &what);
            } else {
                has(&text, "local time: Kazan, UTC+3", &what);
            }
            lacks(&text, "Europe/", &what);
            lacks(&text, "Asia/", &what);
        }
    }
}
