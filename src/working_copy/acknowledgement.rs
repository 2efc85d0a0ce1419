//! The staff acknowledgement's signature sheet (`acknowledgement-<loc>.xlsx`, SPEC §9): where
//! its table is, which of its columns say the version and the role, and which a person
//! fills in. `render` writes blank lines per role for the current version (never a name);
//! lint reads back whether each role signed for the current version after the opening
//! (D408).

use super::Layout;
use crate::model::enums::Lang;

/// The third sheet, after "what changed" and "who reads what": staff sign after seeing
/// what changed.
pub const LAYOUT: Layout = Layout {
    sheet: 2,
    header_row: 3,
    regl_columns: 4,
    people_columns: 5,
};

/// regl's column holding the version a line is for.
pub const VERSION_COLUMN: usize = 1;
/// regl's column holding the role.
pub const ROLE_COLUMN: usize = 2;
/// People's columns: full name, position, date, signature, how it was acknowledged.
pub const NAME: usize = 0;
pub const DATE: usize = 2;

/// The signature sheet's name, as findings point at its cells.
pub fn sheet_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "Подписи",
        Lang::En => "Signatures",
    }
}

/// Who must read the documents: roles at a location, never people.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Role {
    /// Works with leads and chats in Bitrix24.
    Administrator,
    OnDuty,
    HeadOfLocation,
    PdOfficer,
    /// Reviews the AI assistant's dialogues and keeps its texts.
    BotOwner,
}

impl Role {
    pub const ALL: [Role; 5] = [
        Role::Administrator,
        Role::OnDuty,
        Role::HeadOfLocation,
        Role::PdOfficer,
        Role::BotOwner,
    ];

    /// The role's code in a line's id: `1.1-ADM-03`.
    pub fn code(self) -> &'static str {
        match self {
            Role::Administrator => "ADM",
            Role::OnDuty => "DUTY",
            Role::HeadOfLocation => "HEAD",
            Role::PdOfficer => "PD",
            Role::BotOwner => "AI",
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Role::Administrator, Lang::Ru) => "администратор (заявки и чаты)",
            (Role::OnDuty, Lang::Ru) => "дежурный",
            (Role::HeadOfLocation, Lang::Ru) => "руководитель филиала",
            (Role::PdOfficer, Lang::Ru) => "ответственный за обработку ПДн",
            (Role::BotOwner, Lang::Ru) => "ответственный за ИИ-ассистента",
            (Role::Administrator, Lang::En) => "administrator (leads and chats)",
            (Role::OnDuty, Lang::En) => "person on duty",
            (Role::HeadOfLocation, Lang::En) => "head of location",
            (Role::PdOfficer, Lang::En) => "PD officer",
            (Role::BotOwner, Lang::En) => "AI assistant owner",
        }
    }

    /// Blank lines to sign: as many as such a location usually has people in the role.
    pub fn lines(self) -> usize {
        match self {
            Role::Administrator => 8,
            Role::OnDuty => 4,
            Role::HeadOfLocation | Role::BotOwner => 2,
            Role::PdOfficer => 1,
        }
    }

    /// The role a line's id names (`1.1-ADM-03` → administrator).
    pub fn of_id(id: &str) -> Option<Role> {
        let code = id.rsplit('-').nth(1)?;
        Role::ALL.into_iter().find(|r| r.code() == code)
    }
}

/// A line's id: version, role, number.
pub fn line_id(version: &str, role: Role, n: usize) -> String {
    format!("{version}-{}-{n:02}", role.code())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_line_id_names_its_role_whatever_the_version_says() {
        assert_eq!(line_id("1.1", Role::OnDuty, 3), "1.1-DUTY-03");
        assert_eq!(Role::of_id("2.0-rc-1-PD-01"), Some(Role::PdOfficer));
        assert_eq!(Role::of_id("nonsense"), None);
    }
}
