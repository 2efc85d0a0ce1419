//! D401: every rendered document is there and made from the current inputs.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::documents::{Documents, Rendered};
use crate::lint::{Context, Rule, Scope};
use crate::manifest::Verb;

pub const RULE: Rule = Rule {
    code: "D401",
    name: "document-stale",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a document listed in the manifest is missing or stale (its inputs changed since render, judged per location); silent where nothing was ever rendered (no manifest)",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** With an `OUT/regl-manifest.json` (written by `regl render` and
`regl export`): every file it lists exists, every location of `business.toml` has been
rendered, and each location's documents were made from the current `business.toml` and
`[document].version`. Each location is judged against its own inputs — what every
location's documents share and its own `[[locations]]` entry — so `regl render --location
ufa` cannot hide that Omsk's documents are stale. A change every location shares is one
finding; a change one location's documents miss is a finding for that location. Without a
manifest nothing was rendered and the rule is silent; a manifest `regl export` alone wrote
lists no documents to judge.

**Why it matters.** The documents in git are what the staff read and what a regulator is
shown. If `business.toml` now says 12 hours of free cancellation and the published policy
still says 24, the business is bound by a document it no longer means.

**Example.** `[cancellation].free_until` changed from "24h" to "12h" after the last
`regl render`; or Omsk's address changed and only `regl render --location ufa` ran since.

**How to fix.** Run `regl render` (or `regl render --location ID` for the location named)
and commit the documents with the config change; for a missing exported file, `regl
export`."#,
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
            let message = if e.verb == Verb::Render {
                format!("rendered document `{}` is missing", e.path)
            } else {
                format!("`{}` written by `{}` is missing", e.path, e.verb.command())
            };
            out.push(
                Diagnostic::finding("D401", Severity::Error, message)
                    .at(r.file, r.entry_span(i), "listed here, not on disk")
                    .hint(format!("run `{}` to write it again", e.verb.command())),
            );
        }
    }
    // `export` alone renders no documents: there are none to judge.
    if !m.rendered() {
        return;
    }
    for loc in &cx.business.locations {
        let id = loc.id.as_str();
        if !m
            .outputs
            .iter()
            .any(|e| e.verb == Verb::Render && e.belongs_to(id))
        {
            out.push(
                Diagnostic::finding(
                    "D401",
                    Severity::Error,
                    format!("location `{id}` has no rendered documents"),
                )
                .at(cx.file, loc.id.span.clone(), "never rendered")
                .hint(format!("run `regl render --location {id}`")),
            );
        }
    }
    if m.inputs.is_empty() {
        whole_config(cx, docs, r, out);
    } else {
        per_location(cx, docs, r, out);
    }
}

/// A version 1 manifest records one digest for the whole config: any change makes every
/// document stale.
fn whole_config(cx: &Context<'_>, docs: &Documents, r: &Rendered, out: &mut Vec<Diagnostic>) {
    let m = &r.manifest;
    let version = &cx.business.document.version;
    if docs
        .content_sha256
        .as_deref()
        .is_some_and(|c| Some(c) != m.content_sha256.as_deref())
    {
        out.push(config_changed(r));
    } else if let Some(rendered) = m
        .document_version
        .as_deref()
        .filter(|v| *v != version.as_str())
    {
        out.push(version_differs(cx, r, rendered));
    }
}

/// The documents are stale everywhere: one finding, not one per location.
fn config_changed(r: &Rendered) -> Diagnostic {
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
    .hint("run `regl render` and commit the documents together with the config")
}

fn version_differs(cx: &Context<'_>, r: &Rendered, rendered: &str) -> Diagnostic {
    let version = &cx.business.document.version;
    Diagnostic::finding(
        "D401",
        Severity::Error,
        format!(
            "the documents carry version {rendered}, business.toml says {}",
            version.value
        ),
    )
    .at(cx.file, version.span.clone(), "not rendered yet")
    .also(
        r.file,
        r.span_of("document_version"),
        "the rendered version",
    )
    .hint("run `regl render`")
}

/// Why a location's documents are stale.
enum Stale<'m> {
    /// The location is no longer in `business.toml`.
    Removed,
    /// Its inputs changed; `own` when its own `[[locations]]` entry did.
    Content { own: bool },
    /// Same inputs, another `[document].version`: the one its documents carry.
    Version(&'m str),
}

/// A version 2 manifest records each location's inputs: every location listed is judged
/// against its own current digests, whatever the last render covered.
fn per_location(cx: &Context<'_>, docs: &Documents, r: &Rendered, out: &mut Vec<Diagnostic>) {
    let Some(now) = &docs.inputs else { return };
    let m = &r.manifest;
    let version = &cx.business.document.version;
    let stale: Vec<(&str, Stale<'_>)> = m
        .inputs
        .iter()
        .filter_map(|(loc, rec)| {
            let why = match now.locations.get(loc) {
                None => Stale::Removed,
                Some(own) if *own != rec.location_sha256 => Stale::Content { own: true },
                Some(_) if rec.business_sha256 != now.business_sha256 => {
                    Stale::Content { own: false }
                }
                Some(_) if rec.document_version != version.as_str() => {
                    Stale::Version(&rec.document_version)
                }
                Some(_) => return None,
            };
            Some((loc.as_str(), why))
        })
        .collect();
    if stale.len() == m.inputs.len() {
        if stale
            .iter()
            .all(|(_, why)| !matches!(why, Stale::Version(_)))
        {
            out.push(config_changed(r));
            return;
        }
        if let [(_, Stale::Version(first)), rest @ ..] = &stale[..]
            && rest
                .iter()
                .all(|(_, why)| matches!(why, Stale::Version(v) if v == first))
        {
            out.push(version_differs(cx, r, first));
            return;
        }
    }
    for (loc, why) in stale {
        let at = r.inputs_span(loc);
        let listed = cx.business.location(loc);
        let finding = match why {
            Stale::Removed => Diagnostic::finding(
                "D401",
                Severity::Error,
                format!("location `{loc}` is no longer in business.toml: its documents are stale"),
            )
            .at(r.file, at, "rendered for a location since removed")
            .hint("run `regl render` to take it out of the manifest"),
            Stale::Content { own } => {
                let d = Diagnostic::finding(
                    "D401",
                    Severity::Error,
                    format!(
                        "the documents of location `{loc}` are stale: business.toml changed since they were rendered"
                    ),
                )
                .at(r.file, at, "rendered from an earlier business.toml");
                match listed {
                    Some(l) if own => d.also(cx.file, l.id.span.clone(), "its entry changed since the render"),
                    _ => d,
                }
                .hint(format!("run `regl render --location {loc}`"))
            }
            Stale::Version(rendered) => Diagnostic::finding(
                "D401",
                Severity::Error,
                format!(
                    "the documents of location `{loc}` carry version {rendered}, business.toml says {}",
                    version.value
                ),
            )
            .at(r.file, at, "rendered at another version")
            .also(cx.file, version.span.clone(), "not rendered yet")
            .hint(format!("run `regl render --location {loc}`")),
        };
        out.push(finding);
    }
}
