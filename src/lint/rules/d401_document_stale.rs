//! D401: every rendered document is there and made from the current inputs.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "D401",
    name: "document-stale",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a document listed in the manifest is missing or stale (its inputs changed since render); silent where nothing was ever rendered (no manifest)",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** With an `OUT/regl-manifest.json` (written by `regl render`): every file it
lists exists, every location of `business.toml` has been rendered, and neither the
content of `business.toml` nor `[document].version` changed since the render. Without a
manifest nothing was rendered and the rule is silent.

**Why it matters.** The documents in git are what the staff read and what a regulator is
shown. If `business.toml` now says 12 hours of free cancellation and the published policy
still says 24, the business is bound by a document it no longer means.

**Example.** `[cancellation].free_until` changed from "24h" to "12h" after the last
`regl render`.

**How to fix.** Run `regl render` and commit the documents with the config change."#,
        ru: "",
    },
    scope: Scope::Documents,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(docs) = cx.documents else { return };
    if let Some((path, why)) = &docs.unreadable {
        out.push(
            Diagnostic::finding(
                "D401",
                Severity::Error,
                format!("`{}` cannot be read: {why}", path.display()),
            )
            .hint("run `regl render` to write it again"),
        );
        return;
    }
    let Some(r) = &docs.manifest else { return };
    let m = &r.manifest;
    for (i, e) in m.outputs.iter().enumerate() {
        if !docs.out_dir.join(&e.path).exists() {
            out.push(
                Diagnostic::finding(
                    "D401",
                    Severity::Error,
                    format!("rendered document `{}` is missing", e.path),
                )
                .at(r.file, r.entry_span(i), "listed here, not on disk")
                .hint("run `regl render` to write it again"),
            );
        }
    }
    for loc in &cx.business.locations {
        if !m.outputs.iter().any(|e| e.location == loc.id.as_str()) {
            out.push(
                Diagnostic::finding(
                    "D401",
                    Severity::Error,
                    format!("location `{}` has no rendered documents", loc.id.as_str()),
                )
                .at(cx.file, loc.id.span.clone(), "never rendered")
                .hint(format!("run `regl render --location {}`", loc.id.as_str())),
            );
        }
    }
    let version = &cx.business.document.version;
    if docs
        .content_sha256
        .as_deref()
        .is_some_and(|c| c != m.content_sha256)
    {
        out.push(
            Diagnostic::finding(
                "D401",
                Severity::Error,
                "business.toml changed since the documents were rendered: they are stale",
            )
            .at(
                r.file,
                r.span_of("content_sha256"),
                "rendered from another business.toml",
            )
            .hint("run `regl render` and commit the documents together with the config"),
        );
    } else if m.document_version != version.as_str() {
        out.push(
            Diagnostic::finding(
                "D401",
                Severity::Error,
                format!(
                    "the documents carry version {}, business.toml says {}",
                    m.document_version, version.value
                ),
            )
            .at(cx.file, version.span.clone(), "not rendered yet")
            .also(
                r.file,
                r.span_of("document_version"),
                "the rendered version",
            )
            .hint("run `regl render`"),
        );
    }
}
