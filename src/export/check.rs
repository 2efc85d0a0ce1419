//! What must hold before anything is exported: a bot script or a Bitrix24 payload made from
//! a config that breaks the portal's limits would fail at the portal, or leak a secret.
//!
//! These carry the codes of the lint rules they share (C104, C105, C108, C111, S501), so a
//! user sees the same finding from `export` and `lint`; once lint's own checks are merged,
//! `export` can run those error-level findings instead of this list.

use crate::diag::{Diagnostic, FileId, Severity};
use crate::model::business::Business;
use crate::model::enums::{Branch, FieldType};

use super::bitrix24::{STANDARD_FIELDS, source_id};
use super::bot::policy_urls;

/// The full code of a user field: `UF_CRM_` + `[A-Z0-9_]`, 20 characters in all.
pub fn valid_field_code(code: &str) -> bool {
    code.len() <= 20
        && code.strip_prefix("UF_CRM_").is_some_and(|rest| {
            !rest.is_empty()
                && rest
                    .bytes()
                    .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'_')
        })
}

/// A stage or source id: up to 21 characters `[A-Za-z0-9_-]`.
pub fn valid_status_id(id: &str) -> bool {
    !id.is_empty()
        && id.len() <= 21
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
}

/// Every reason the business cannot be exported, each pointing at its value.
pub fn check(b: &Business, file: FileId) -> Vec<Diagnostic> {
    let mut out = Vec::new();
    let err = |code, msg: String| Diagnostic::finding(code, Severity::Error, msg);

    let mut codes: Vec<&str> = Vec::new();
    for f in &b.crm.fields {
        let code = f.code.as_str();
        if !valid_field_code(code) {
            out.push(
                err(
                    "C111",
                    format!("`{code}` is not a Bitrix24 user field code"),
                )
                .at(file, f.code.span.clone(), "here")
                .hint("write `UF_CRM_` + capitals, digits and `_`, 20 characters in all"),
            );
        }
        if codes.contains(&code) {
            out.push(
                err("C104", format!("CRM field `{code}` is defined twice")).at(
                    file,
                    f.code.span.clone(),
                    "again here",
                ),
            );
        }
        codes.push(code);
        let empty = f.values.as_ref().is_none_or(|v| v.is_empty());
        if f.kind.value == FieldType::Enumeration && empty {
            out.push(
                err("C111", format!("enumeration `{code}` has no values"))
                    .at(file, f.span.clone(), "this field")
                    .hint("list its items: `values = [\"…\", \"…\"]`"),
            );
        }
    }
    for r in b.crm.required.iter() {
        let code = r.as_str();
        if !STANDARD_FIELDS.contains(&code) && !codes.contains(&code) {
            out.push(
                err(
                    "C111",
                    format!("required CRM field `{code}` is not defined"),
                )
                .at(file, r.span.clone(), "here")
                .hint("add it to `[crm].fields`, or use a standard lead field"),
            );
        }
    }

    let mut stages: Vec<&str> = Vec::new();
    for s in &b.crm.stages {
        let id = s.id.as_str();
        if !valid_status_id(id) {
            out.push(
                err("C111", format!("`{id}` is not a Bitrix24 stage id"))
                    .at(file, s.id.span.clone(), "here")
                    .hint("use up to 21 Latin letters, digits, `_` and `-`"),
            );
        }
        if stages.contains(&id) {
            out.push(err("C104", format!("stage `{id}` is defined twice")).at(
                file,
                s.id.span.clone(),
                "again here",
            ));
        }
        stages.push(id);
    }
    for s in b.crm.sources.iter().flatten() {
        if !valid_status_id(&s.id) {
            out.push(
                err(
                    "C111",
                    format!("`{}` is not a Bitrix24 source id", s.id.as_str()),
                )
                .at(file, s.id.span.clone(), "here")
                .hint("use up to 21 Latin letters, digits, `_` and `-`"),
            );
        }
    }
    for c in &b.channels {
        if let Some(sid) = &c.source_id
            && !valid_status_id(sid)
        {
            out.push(
                err(
                    "C111",
                    format!("`{}` is not a Bitrix24 source id", source_id(c)),
                )
                .at(file, sid.span.clone(), "here")
                .hint("use up to 21 Latin letters, digits, `_` and `-`"),
            );
        }
    }

    for want in Branch::ALL {
        if !b.bot.branches.iter().any(|br| br.value == *want) {
            out.push(
                err("C108", format!("the bot lacks the `{want}` branch"))
                    .at(file, b.bot.branches.span.clone(), "all five are required")
                    .hint(
                        "branches = [\"booking\", \"cancel\", \"price\", \"promo\", \"callback\"]",
                    ),
            );
        }
    }
    for s in &b.services {
        for id in s.upsell.iter().flat_map(|u| u.iter()) {
            if !b.services.iter().any(|x| x.id.as_str() == id.as_str()) {
                out.push(
                    err(
                        "C105",
                        format!("upsell service `{id}` is not defined", id = id.as_str()),
                    )
                    .at(file, id.span.clone(), "no `[[services]]` has this id"),
                );
            }
        }
    }

    // The portal is written into the mapping; a webhook URL there would carry its secret out.
    let portal = b.crm.portal.as_str();
    if portal.contains('/') || portal.contains(':') || portal.contains('@') {
        out.push(
            err("S501", "`[crm].portal` must be the portal's domain only".to_owned())
                .at(file, b.crm.portal.span.clone(), "not a bare domain")
                .hint("write e.g. `portal = \"lada.bitrix24.ru\"`; the webhook URL belongs in the bot's environment (BITRIX24_WEBHOOK_URL), never in a file"),
        );
    }

    let (policy, consent) = policy_urls(b);
    if policy.is_none() || consent.is_none() {
        out.push(
            Diagnostic::error(
                "the bot's consent request must link the published policy and consent document",
            )
            .at(file, b.pd.consent.span.clone(), "consent is asked here")
            .hint("set `[pd].policy_url` and `[pd].consent_url`, or `[business].website`"),
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_codes_follow_bitrix24() {
        assert!(valid_field_code("UF_CRM_REGL_CHANNEL"));
        assert!(valid_field_code("UF_CRM_ABCDEFGHIJKLM"));
        assert!(!valid_field_code("UF_CRM_ABCDEFGHIJKLMN"), "21 characters");
        assert!(!valid_field_code("UF_CRM_"));
        assert!(!valid_field_code("UF_CRM_regl"));
        assert!(!valid_field_code("REGL_CHANNEL"));
    }

    #[test]
    fn status_ids_follow_bitrix24() {
        assert!(valid_status_id("UC_NO_SHOW"));
        assert!(valid_status_id("a-b_C9"));
        assert!(!valid_status_id(""));
        assert!(!valid_status_id("ЗАПИСАН"));
        assert!(!valid_status_id("ABCDEFGHIJKLMNOPQRSTUV"));
    }
}
