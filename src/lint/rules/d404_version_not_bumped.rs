//! D404: changed documents carry a new version.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "D404",
    name: "version-not-bumped",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "the documents' content changed since the last render but `[document].version` was not bumped",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** When the content of `business.toml` (everything but `[document]`)
differs from the last render, `[document].version` differs too.

**Why it matters.** Document control (ISO 9001 7.5): each released version is identified and
its changes recorded. Two different policies under one version number cannot be told
apart — and the consent's version is what proves which text a client agreed to.

**Example.** `[escalation].keywords` gained «аллергия», `version` is still "1.0".

**How to fix.** Bump `[document].version`, add a `changes` entry saying what changed, then
run `regl render`."#,
        ru: "",
    },
    scope: Scope::Documents,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(docs) = cx.documents else { return };
    let Some(r) = &docs.manifest else { return };
    let version = &cx.business.document.version;
    let (Some(rendered), Some(rendered_version)) = (
        r.manifest.content_sha256.as_deref(),
        r.manifest.document_version.as_deref(),
    ) else {
        // Nothing rendered yet (`export` alone): no documents whose version to judge.
        return;
    };
    let changed = docs
        .content_sha256
        .as_deref()
        .is_some_and(|c| c != rendered);
    if changed && rendered_version == version.as_str() {
        out.push(
            Diagnostic::finding(
                "D404",
                Severity::Warning,
                format!(
                    "the documents' content changed but the version is still {}",
                    version.value
                ),
            )
            .at(cx.file, version.span.clone(), "bump this version")
            .hint("bump [document].version and add a `changes` entry, then run `regl render`"),
        );
    }
}
