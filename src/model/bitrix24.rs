//! Bitrix24 facts that lint and export share (DOMAIN.md, "Bitrix24 REST"): standard fields,
//! default sources, and the limits the portal enforces on codes and ids.

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

pub const USER_FIELD_PREFIX: &str = "UF_CRM_";
pub const USER_FIELD_MAX: usize = 20;
pub const STAGE_ID_MAX: usize = 21;

pub fn is_standard_field(code: &str) -> bool {
    STANDARD_LEAD_FIELDS.contains(&code)
}

/// Why a user-field code is refused by `crm.lead.userfield.add`, if it is.
pub fn user_field_problem(code: &str) -> Option<String> {
    let Some(rest) = code.strip_prefix(USER_FIELD_PREFIX) else {
        return Some(format!(
            "`{code}` does not start with `{USER_FIELD_PREFIX}`"
        ));
    };
    if rest.is_empty()
        || !rest
            .chars()
            .all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '_')
    {
        return Some(format!(
            "`{code}`: after `{USER_FIELD_PREFIX}` only Latin capitals, digits and `_` are allowed"
        ));
    }
    let n = code.chars().count();
    (n > USER_FIELD_MAX).then(|| {
        format!("`{code}` is {n} characters: Bitrix24 allows {USER_FIELD_MAX} including `{USER_FIELD_PREFIX}`")
    })
}

/// Why a stage id is refused by `crm.status.add`, if it is.
pub fn stage_id_problem(id: &str) -> Option<String> {
    let n = id.chars().count();
    if n > STAGE_ID_MAX {
        return Some(format!(
            "stage id `{id}` is {n} characters: Bitrix24 allows {STAGE_ID_MAX}"
        ));
    }
    (!id.chars()
        .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-'))
    .then(|| format!("stage id `{id}` may hold only Latin letters, digits, `_` and `-`"))
}
