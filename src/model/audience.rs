//! The words a business's texts use for whom it serves and for what they buy, by segment
//! and language: a clinic serves «пациенты» and draws up «план лечения», a salon serves
//! «клиенты» who place a «заказ». Below the documents and the bot's texts, so a
//! notification the bot sends and the document that quotes it use the same word.

use serde::Serialize;

use super::business::Business;
use super::enums::{Lang, Segment};

/// The word for the people a business serves, in the cases its documents use.
#[derive(Debug, Clone, Serialize)]
pub struct ClientWords {
    /// «клиент», "client".
    pub nom: &'static str,
    /// «клиента».
    #[serde(rename = "gen")]
    pub genitive: &'static str,
    /// «клиенту».
    pub dat: &'static str,
    /// «клиентом».
    pub ins: &'static str,
    /// «клиенте», after «о».
    pub prep: &'static str,
    /// «клиенты», "clients".
    pub pl: &'static str,
    /// «клиентов».
    pub pl_gen: &'static str,
    /// «клиентам».
    pub pl_dat: &'static str,
    /// «Клиент», "Client": at the start of a sentence or a table cell.
    pub cap: &'static str,
}

impl ClientWords {
    pub fn new(b: &Business) -> Self {
        let clinic = *b.business.segment == Segment::Clinic;
        match (b.lang(), clinic) {
            (Lang::Ru, true) => Self {
                nom: "пациент",
                genitive: "пациента",
                dat: "пациенту",
                ins: "пациентом",
                prep: "пациенте",
                pl: "пациенты",
                pl_gen: "пациентов",
                pl_dat: "пациентам",
                cap: "Пациент",
            },
            (Lang::Ru, false) => Self {
                nom: "клиент",
                genitive: "клиента",
                dat: "клиенту",
                ins: "клиентом",
                prep: "клиенте",
                pl: "клиенты",
                pl_gen: "клиентов",
                pl_dat: "клиентам",
                cap: "Клиент",
            },
            (Lang::En, true) => Self {
                nom: "patient",
                genitive: "patient",
                dat: "patient",
                ins: "patient",
                prep: "patient",
                pl: "patients",
                pl_gen: "patients",
                pl_dat: "patients",
                cap: "Patient",
            },
            (Lang::En, false) => Self {
                nom: "client",
                genitive: "client",
                dat: "client",
                ins: "client",
                prep: "client",
                pl: "clients",
                pl_gen: "clients",
                pl_dat: "clients",
                cap: "Client",
            },
        }
    }
}

/// What an order is called where its amount decides a hand-off: «план лечения» in a
/// clinic, «договор» in a school, «покупка» in a fitness club, «заказ» elsewhere.
#[derive(Debug, Clone, Serialize)]
pub struct OrderWords {
    /// «заказ», «план лечения», "order", "treatment plan".
    pub nom: &'static str,
    /// «заказа», «плана лечения».
    #[serde(rename = "gen")]
    pub genitive: &'static str,
}

impl OrderWords {
    pub fn new(b: &Business) -> Self {
        let (nom, genitive) = match (b.lang(), *b.business.segment) {
            (Lang::Ru, Segment::Clinic) => ("план лечения", "плана лечения"),
            (Lang::Ru, Segment::Education) => ("договор", "договора"),
            (Lang::Ru, Segment::Fitness) => ("покупка", "покупки"),
            (Lang::Ru, Segment::Salon | Segment::Other) => ("заказ", "заказа"),
            (Lang::En, Segment::Clinic) => ("treatment plan", "treatment plan"),
            (Lang::En, Segment::Education) => ("contract", "contract"),
            (Lang::En, Segment::Fitness) => ("purchase", "purchase"),
            (Lang::En, Segment::Salon | Segment::Other) => ("order", "order"),
        };
        Self { nom, genitive }
    }
}

/// What a booked visit is called in a segment's documents: a salon's client comes for a
/// «визит», a clinic's patient for a «приём», a fitness club's member for a «тренировка»,
/// a school's student for an «занятие». The cases are the ones the templates use; the
/// word's gender differs, so each case is its own field rather than an ending.
#[derive(Debug, Clone, Serialize)]
pub struct VisitWords {
    /// «визит», «тренировка», "visit", "class".
    pub nom: &'static str,
    /// «визит», «тренировку»: after «отменяет», «переносит».
    pub acc: &'static str,
    /// «визита», «тренировки»: after «до», «после».
    #[serde(rename = "gen")]
    pub genitive: &'static str,
    /// «визите», «тренировке»: after «о».
    pub prep: &'static str,
    /// «визиты», «тренировки».
    pub pl: &'static str,
}

impl VisitWords {
    pub fn new(b: &Business) -> Self {
        let (nom, acc, genitive, prep, pl) = match (b.lang(), *b.business.segment) {
            (Lang::Ru, Segment::Clinic) => ("приём", "приём", "приёма", "приёме", "приёмы"),
            (Lang::Ru, Segment::Education) => {
                ("занятие", "занятие", "занятия", "занятии", "занятия")
            }
            (Lang::Ru, Segment::Fitness) => (
                "тренировка",
                "тренировку",
                "тренировки",
                "тренировке",
                "тренировки",
            ),
            (Lang::Ru, Segment::Salon | Segment::Other) => {
                ("визит", "визит", "визита", "визите", "визиты")
            }
            (Lang::En, Segment::Clinic) => (
                "appointment",
                "appointment",
                "appointment",
                "appointment",
                "appointments",
            ),
            (Lang::En, Segment::Education) => ("class", "class", "class", "class", "classes"),
            (Lang::En, Segment::Fitness) => {
                ("session", "session", "session", "session", "sessions")
            }
            (Lang::En, Segment::Salon | Segment::Other) => {
                ("visit", "visit", "visit", "visit", "visits")
            }
        };
        Self {
            nom,
            acc,
            genitive,
            prep,
            pl,
        }
    }
}
