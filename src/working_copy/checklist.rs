//! The launch checklist's steps (`launch-checklist-<loc>.xlsx`, SPEC §9): for each, its
//! stable id, what verifies it (lint codes, a command, a person), who owns it (a role, never
//! a name), how many days before the opening it is due, and whether the launch waits on it.
//! `render` words the steps from `business.toml`; lint reads the status people gave each
//! id and judges it by the same codes (D405, D406).

use super::Layout;
use crate::model::enums::Lang;

/// The checklist's table: title, the location line, a note, then the header.
pub const LAYOUT: Layout = Layout {
    sheet: 0,
    header_row: 3,
    regl_columns: 7,
    people_columns: 3,
};

/// People's column holding the status (0-based among people's columns).
pub const STATUS_COLUMN: u16 = 0;

/// The sheet's name, as findings point at its cells.
pub fn sheet_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Чек-лист",
        Lang::En => "Checklist",
    }
}

/// Who owns a step: a role in the business, never a person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Owner {
    /// Whoever runs the opening of the city.
    LaunchOwner,
    HeadOfLocation,
    PdOfficer,
    CrmAdmin,
    /// Whoever keeps the AI assistant's config and texts.
    BotOwner,
    WebsiteOwner,
}

impl Owner {
    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Owner::LaunchOwner, Lang::Ru) => "руководитель запуска",
            (Owner::HeadOfLocation, Lang::Ru) => "руководитель филиала",
            (Owner::PdOfficer, Lang::Ru) => "ответственный за обработку ПДн",
            (Owner::CrmAdmin, Lang::Ru) => "администратор Битрикс24",
            (Owner::BotOwner, Lang::Ru) => "ответственный за ИИ-ассистента",
            (Owner::WebsiteOwner, Lang::Ru) => "ответственный за сайт",
            (Owner::LaunchOwner, Lang::En) => "launch owner",
            (Owner::HeadOfLocation, Lang::En) => "head of location",
            (Owner::PdOfficer, Lang::En) => "PD officer",
            (Owner::CrmAdmin, Lang::En) => "Bitrix24 administrator",
            (Owner::BotOwner, Lang::En) => "AI assistant owner",
            (Owner::WebsiteOwner, Lang::En) => "website owner",
        }
    }
}

/// One step of the checklist.
#[derive(Clone, Copy, Debug)]
pub struct Step {
    /// `L01`…: stable, so people's status stays with its step across renders.
    pub id: &'static str,
    /// The lint codes whose findings mean the step is not done; `B3xx` stands for every
    /// code starting `B3`.
    pub codes: &'static [&'static str],
    /// A command whose result verifies the step, besides the codes.
    pub command: Option<&'static str>,
    pub owner: Owner,
    /// Due this many days before the opening.
    pub days_before: u32,
    /// The launch waits on it (go/no-go).
    pub blocker: bool,
}

const fn step(
    id: &'static str,
    codes: &'static [&'static str],
    command: Option<&'static str>,
    owner: Owner,
    days_before: u32,
    blocker: bool,
) -> Step {
    Step {
        id,
        codes,
        command,
        owner,
        days_before,
        blocker,
    }
}

/// Every step, in the order a launch goes through them. Append new ones with new ids; an
/// id is never reused for another step (people's status is kept by id).
pub const STEPS: [Step; 21] = [
    step(
        "L01",
        &["D401", "D403", "D404"],
        Some("regl render --check"),
        Owner::LaunchOwner,
        14,
        true,
    ),
    step(
        "L02",
        &["C1xx", "P2xx", "S501"],
        None,
        Owner::LaunchOwner,
        14,
        true,
    ),
    step("L03", &["P207"], None, Owner::WebsiteOwner, 10, true),
    step("L04", &["T122", "T123"], None, Owner::PdOfficer, 10, true),
    step(
        "L05",
        &["T121", "P202", "P206"],
        None,
        Owner::PdOfficer,
        10,
        true,
    ),
    step("L06", &["P201", "P204"], None, Owner::PdOfficer, 10, true),
    step("L07", &[], None, Owner::PdOfficer, 7, false),
    step("L10", &["B307"], None, Owner::BotOwner, 7, true),
    step(
        "L11",
        &["S501"],
        Some("regl push --check"),
        Owner::CrmAdmin,
        7,
        true,
    ),
    step(
        "L12",
        &["C111"],
        Some("regl push --check --only fields,stages,sources"),
        Owner::CrmAdmin,
        7,
        true,
    ),
    step(
        "L13",
        &[],
        Some("regl push --check --only openlines"),
        Owner::CrmAdmin,
        7,
        true,
    ),
    step(
        "L15",
        &["B3xx"],
        Some("regl test"),
        Owner::BotOwner,
        5,
        true,
    ),
    step("L17", &["C109"], None, Owner::HeadOfLocation, 7, true),
    step("L18", &[], None, Owner::HeadOfLocation, 3, true),
    step(
        "L19",
        &["C107", "B303", "B310"],
        None,
        Owner::BotOwner,
        3,
        false,
    ),
    step(
        "L20",
        &["D407"],
        Some("regl push --test-leads; regl push --remove-test-leads"),
        Owner::LaunchOwner,
        3,
        true,
    ),
    step("L21", &[], None, Owner::BotOwner, 2, true),
    step("L22", &[], None, Owner::HeadOfLocation, 2, false),
    step("L23", &["D408"], None, Owner::HeadOfLocation, 1, true),
    step("L24", &[], None, Owner::LaunchOwner, 1, false),
    step("L25", &["C112"], None, Owner::LaunchOwner, 0, true),
];

/// Whether a finding's code is one of `patterns` (`B3xx` matches `B301`…`B319`).
pub fn matches(patterns: &[&str], code: &str) -> bool {
    patterns.iter().any(|p| match p.strip_suffix("xx") {
        Some(prefix) => code.starts_with(prefix),
        None => *p == code,
    })
}

/// The step with this id.
pub fn step_of(id: &str) -> Option<&'static Step> {
    STEPS.iter().find(|s| s.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_are_unique_and_patterns_match_their_family() {
        let mut ids: Vec<&str> = STEPS.iter().map(|s| s.id).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), STEPS.len());
        assert!(matches(&["B3xx"], "B310"));
        assert!(!matches(&["B3xx"], "C101"));
        assert!(matches(&["C111"], "C111"));
        assert!(!matches(&["C111"], "C1110"));
    }
}
