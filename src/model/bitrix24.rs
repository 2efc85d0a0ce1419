//! Bitrix24 facts that lint and export share (DOMAIN.md, "Bitrix24 REST"): standard fields,
//! default sources, and the limits the portal enforces on codes and ids.

use super::business::Channel;
use super::enums::ChannelKind;

/// Standard lead fields: written without being declared in `[crm].fields`.
pub const STANDARD_LEAD_FIELDS: &[&str] = &[
    "TITLE",
    "NAME",
    "SECOND_NAME",
    "LAST_NAME",
    "PHONE",
    "EMAIL",
    "IM",
    "WEB",
    "SOURCE_ID",
    "SOURCE_DESCRIPTION",
    "STATUS_ID",
    "UTM_SOURCE",
    "UTM_MEDIUM",
    "UTM_CAMPAIGN",
    "UTM_CONTENT",
    "UTM_TERM",
    "ASSIGNED_BY_ID",
    "COMMENTS",
    "OPPORTUNITY",
    "CURRENCY_ID",
    "ORIGINATOR_ID",
    "ORIGIN_ID",
];

/// The `SOURCE_ID` of leads from a channel: its `source_id`, or the natural one (`WEB`,
/// `CALL`, `EMAIL` for the channels with a standard source, else the channel id in capitals,
/// which `[crm].sources` must then declare: C105).
pub fn channel_source(c: &Channel) -> String {
    if let Some(s) = &c.source_id {
        return s.value.clone();
    }
    match c.id.value {
        ChannelKind::Website => "WEB".into(),
        ChannelKind::Phone => "CALL".into(),
        ChannelKind::Email => "EMAIL".into(),
        other => other.as_str().to_uppercase(),
    }
}

/// The default `SOURCE_ID` values of a portal.
pub const STANDARD_SOURCES: &[&str] = &[
    "CALL",
    "EMAIL",
    "WEB",
    "ADVERTISING",
    "PARTNER",
    "RECOMMENDATION",
    "TRADE_SHOW",
    "WEBFORM",
    "CALLBACK",
    "RC_GENERATOR",
    "STORE",
    "OTHER",
];

use crate::i18n::{Text, t};
use crate::words::plural_ru;

pub const USER_FIELD_PREFIX: &str = "UF_CRM_";
pub const USER_FIELD_MAX: usize = 20;
pub const STAGE_ID_MAX: usize = 21;

pub fn is_standard_field(code: &str) -> bool {
    STANDARD_LEAD_FIELDS.contains(&code)
}

/// «21 символ», «25 символов».
fn chars_ru(n: usize) -> String {
    format!(
        "{n} {}",
        plural_ru(n as u64, "символ", "символа", "символов")
    )
}

/// Why a user-field code is refused by `crm.lead.userfield.add`, if it is: a clause that
/// reads after "Bitrix24 will refuse user field" and after a colon alike.
pub fn user_field_problem(code: &str) -> Option<Text> {
    let Some(rest) = code.strip_prefix(USER_FIELD_PREFIX) else {
        return Some(t!(
            "`{code}` does not start with `{USER_FIELD_PREFIX}`",
            "`{code}` не начинается с `{USER_FIELD_PREFIX}`"
        ));
    };
    if rest.is_empty()
        || !rest
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    {
        return Some(t!(
            "`{code}`: after `{USER_FIELD_PREFIX}` only Latin capitals, digits and `_` are allowed",
            "`{code}`: после `{USER_FIELD_PREFIX}` допустимы только заглавные латинские буквы, цифры и `_`"
        ));
    }
    let n = code.chars().count();
    (n > USER_FIELD_MAX).then(|| {
        let (max, prefix) = (USER_FIELD_MAX, USER_FIELD_PREFIX);
        Text::new(
            format!("`{code}` is {n} characters: Bitrix24 allows {max} including `{prefix}`"),
            format!(
                "`{code}` — {}, а Битрикс24 допускает не больше {max} вместе с `{prefix}`",
                chars_ru(n)
            ),
        )
    })
}

/// Why a stage id is refused by `crm.status.add`, if it is.
pub fn stage_id_problem(id: &str) -> Option<Text> {
    let n = id.chars().count();
    if n > STAGE_ID_MAX {
        return Some(Text::new(
            format!("stage id `{id}` is {n} characters: Bitrix24 allows {STAGE_ID_MAX}"),
            format!(
                "id стадии `{id}` — {}, а Битрикс24 допускает не больше {STAGE_ID_MAX}",
                chars_ru(n)
            ),
        ));
    }
    (!id.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
    .then(|| {
        t!(
            "stage id `{id}` may hold only Latin letters, digits, `_` and `-`",
            "id стадии `{id}` может содержать только латинские буквы, цифры, `_` и `-`"
        )
    })
}
