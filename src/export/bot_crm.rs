//! The CRM half of a bot config: what the bot writes where, the enumeration keys and their
//! list items, the funnel stages each action moves a record to, each action's effect, and
//! the purposes of processing with the legal basis each rests on. Only the location
//! enumeration depends on the location, and holds that location's value alone.

use crate::bitrix24::desired::{ListItem, field_name, list_items, source_id};
use crate::model::bot::OrderedMap;
use crate::model::bot_v2::defaults::{default_actions, methods};
use crate::model::bot_v2::{
    Action, ActionEffect, Basis, CrmV2, EnumValue, Purpose, Stages, Tag, TagWhen,
};
use crate::model::business::{Business, Location};
use crate::model::enums::{CrmMode, FieldType, Slot, StageSemantics};
use crate::model::purposes::LegalBasis;

use super::bitrix24;

/// What the bot of `loc` writes to the CRM. The location enumeration lists that location's
/// value only: its bot writes no other, and a thousand locations' files stay small.
pub fn crm(b: &Business, loc: &Location) -> CrmV2 {
    let enums = b
        .crm
        .fields
        .iter()
        .filter(|f| *f.kind == FieldType::Enumeration)
        .map(|f| {
            let labels: Vec<&str> = f
                .values
                .iter()
                .flat_map(|v| v.iter())
                .map(|v| v.as_str())
                .collect();
            let mut items = list_items(field_name(&f.code), &labels);
            if *f.slot == Slot::Location {
                let own = |i: &ListItem| i.key == loc.id.as_str() || i.label == loc.city.as_str();
                if items.iter().any(own) {
                    items.retain(own);
                }
            }
            let values = items
                .into_iter()
                .map(|i| EnumValue {
                    key: i.key,
                    label: i.label,
                    xml_id: i.xml_id,
                })
                .collect();
            (f.slot.as_str().to_owned(), values)
        })
        .collect();
    // The tags of night and hand-off records by their usual names; every other tag is on
    // every record.
    let tags = b
        .crm
        .tags
        .iter()
        .flat_map(|ts| ts.iter())
        .map(|t| Tag {
            tag: t.value.clone(),
            when: match t.to_lowercase().as_str() {
                "ночь" | "night" => TagWhen::Night,
                "эскалация" | "escalation" | "handoff" => TagWhen::Handoff,
                _ => TagWhen::Always,
            },
        })
        .collect();
    CrmV2 {
        system: b.crm.system.as_str().to_owned(),
        mode: b.crm.mode.as_str().to_owned(),
        portal: b.crm.portal.value.clone(),
        writes: bitrix24::writes(b),
        required: b.crm.required.iter().map(|r| r.value.clone()).collect(),
        enums: OrderedMap(enums),
        // The bot's own channels only: a source nobody declared for the bot is not made.
        sources: OrderedMap(
            b.channels
                .iter()
                .filter(|c| c.bot())
                .map(|c| (c.id.as_str().to_owned(), source_id(c)))
                .collect(),
        ),
        stages: stages(b),
        tags,
        methods: methods(*b.crm.mode == CrmMode::Simple),
        mapping: bitrix24::FILE_NAME.to_owned(),
    }
}

/// The stage ids by what they mean: the first stage in progress is a new request, one named
/// for confirmation the confirmed booking and the stage before it the booked one; the first
/// success is the visit, a failure named for a no-show the no-show, the last failure a
/// cancellation.
pub fn stages(b: &Business) -> Stages {
    let meaning = |id: &str, s: Option<StageSemantics>| {
        s.unwrap_or(match id {
            "CONVERTED" | "WON" => StageSemantics::Success,
            "JUNK" | "LOSE" => StageSemantics::Failure,
            _ => StageSemantics::InProgress,
        })
    };
    let all: Vec<(&str, StageSemantics)> = b
        .crm
        .stages
        .iter()
        .map(|s| {
            let id = s.id.as_str();
            (id, meaning(id, s.semantics.as_ref().map(|x| x.value)))
        })
        .collect();
    let of = |m: StageSemantics| -> Vec<&str> {
        all.iter()
            .filter(|(_, s)| *s == m)
            .map(|(id, _)| *id)
            .collect()
    };
    let (progress, success, failure) = (
        of(StageSemantics::InProgress),
        of(StageSemantics::Success),
        of(StageSemantics::Failure),
    );
    let simple = *b.crm.mode == CrmMode::Simple;
    let new = progress.first().copied().unwrap_or("NEW");
    let confirmed_at = progress.iter().position(|id| id.contains("CONFIRM"));
    let confirmed =
        confirmed_at.map_or_else(|| progress.last().copied().unwrap_or(new), |i| progress[i]);
    let booked = progress
        .iter()
        .find(|id| id.contains("BOOK"))
        .copied()
        .or_else(|| confirmed_at.filter(|i| *i > 0).map(|i| progress[i - 1]))
        .unwrap_or(new);
    let visited = success
        .first()
        .copied()
        .unwrap_or(if simple { "WON" } else { "CONVERTED" });
    let cancelled = failure
        .iter()
        .find(|id| **id == "JUNK" || **id == "LOSE")
        .or(failure.last())
        .copied()
        .unwrap_or(if simple { "LOSE" } else { "JUNK" });
    let no_show = failure
        .iter()
        .find(|id| id.contains("NO_SHOW"))
        .copied()
        .unwrap_or(cancelled);
    Stages {
        new: new.into(),
        booked: booked.into(),
        confirmed: confirmed.into(),
        visited: visited.into(),
        no_show: no_show.into(),
        cancelled: cancelled.into(),
    }
}

/// Each action's CRM effect (docs/bot-runtime.md, "Actions and the CRM").
pub fn actions(b: &Business) -> OrderedMap<ActionEffect> {
    let s = stages(b);
    default_actions(
        &bitrix24::writes(b),
        &s.new,
        &s.booked,
        &s.confirmed,
        &s.cancelled,
    )
}

/// What rests on a contract the client asks for: the booking and what serves it.
const ON_CONTRACT: &[Action] = &[
    Action::SaveLead,
    Action::Book,
    Action::Reschedule,
    Action::Cancel,
    Action::ScheduleCallback,
    Action::ConfirmVisit,
];

/// The purposes as the PD policy lists them, with the slots and uses each covers.
///
/// Where a contract purpose is declared, it covers every slot the scripts ask and everything
/// the booking needs, reminders included; the consent purposes then cover the survey and
/// nothing the booking needs, so a refusal stops only the survey. Without a contract
/// purpose, every purpose is consent-based and covers `before`, as the first release meant.
pub fn purposes(b: &Business, before: &[String]) -> Vec<Purpose> {
    let on_contract = b.booking_on_contract();
    let asked = asked_slots(b);
    let ids = |xs: &[Action]| -> Vec<String> { xs.iter().map(|a| a.as_str().to_owned()).collect() };
    b.pd.purposes
        .iter()
        .map(|p| {
            let (basis, slots, uses) = match *p.basis {
                LegalBasis::Contract => (Basis::Contract, asked.clone(), {
                    let mut u = ids(ON_CONTRACT);
                    u.push("reminders".into());
                    u
                }),
                LegalBasis::LegalDuty => (Basis::LegalDuty, Vec::new(), Vec::new()),
                LegalBasis::Consent if on_contract => {
                    (Basis::Consent, Vec::new(), vec!["nps".to_owned()])
                }
                LegalBasis::Consent => (Basis::Consent, before.to_vec(), {
                    let mut u = ids(ON_CONTRACT);
                    u.extend(["reminders".to_owned(), "nps".to_owned()]);
                    u
                }),
            };
            Purpose {
                name: p.name.value.clone(),
                basis,
                slots,
                uses,
            }
        })
        .collect()
}

/// Every slot some branch asks, in the order `consent_slots` would list them.
fn asked_slots(b: &Business) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    let mut add = |s: &str| {
        if !out.iter().any(|x| x == s) {
            out.push(s.to_owned());
        }
    };
    for s in b
        .bot
        .qualification
        .iter()
        .filter(|s| crate::bottext::words::is_asked(s.value))
    {
        add(s.as_str());
    }
    for s in ["name", "phone", "preferred_time"] {
        add(s);
    }
    out
}
