//! D401: every rendered document is there and made from the current inputs.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::documents::{Documents, Rendered};
use crate::lint::{Context, Rule, Scope};
use crate::manifest::{Kind, Verb};

pub const RULE: Rule = Rule {
    code: "D401",
    name: "document-stale",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a document listed in the manifest is missing or stale (its inputs changed since render, judged per location); silent where nothing was ever rendered (no manifest)",
        ru: "документа из манифеста нет на диске или он устарел (его исходные данные изменились после `regl render`, по каждому филиалу отдельно); молчит, если документы ещё не формировались (манифеста нет)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** With an `OUT/regl-manifest.json` (written by `regl render` and
`regl export`): every file it lists exists, every location of `business.toml` has been
rendered, and each location's documents were made from the current `business.toml` and
`[document].version`. Each location is judged against its own inputs — what every
location's documents share and its own `[[locations]]` entry — so `regl render --location
ufa` cannot hide that Omsk's documents are stale. A change every location shares is one
finding; a change one location's documents miss is a finding for that location. The
finding points at what changed in `business.toml`: each top-level table (the manifest
records a digest of each) and each location's own entry. Without a
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
        ru: r#"**Что проверяет.** Если есть `OUT/regl-manifest.json` (его пишут `regl render` и
`regl export`): каждый указанный в нём файл существует, для каждого филиала из
`business.toml` документы сформированы, и документы каждого филиала сделаны из текущих
`business.toml` и `[document].version`. Каждый филиал сверяется со своими исходными
данными — общими для всех филиалов и своей записью `[[locations]]`, — поэтому
`regl render --location ufa` не скроет, что документы Омска устарели. Изменение, общее для
всех филиалов, — одна находка; изменение, не попавшее в документы одного филиала, —
находка для этого филиала. Находка указывает, что именно изменилось в `business.toml`:
каждую таблицу верхнего уровня (манифест хранит отпечаток каждой) и запись каждого
филиала. Без манифеста документы не формировались, и правило молчит; в
манифесте, который записал только `regl export`, документов для проверки нет.

**Почему это важно.** Документы в git — это то, что читают сотрудники и что видит
проверяющий. Если в `business.toml` теперь бесплатная отмена за 12 часов, а в
опубликованных правилах всё ещё 24, бизнес связан документом, которого уже не имеет в виду.

**Пример.** `[cancellation].free_until` изменили с "24h" на "12h" после последнего
`regl render`; или изменился адрес в Омске, а с тех пор запускали только
`regl render --location ufa`.

**Как исправить.** Запустите `regl render` (или `regl render --location ID` для названного
филиала) и закоммитьте документы вместе с изменением конфигурации; для отсутствующего
файла экспорта — `regl export`."#,
    },
    scope: Scope::Documents,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(docs) = cx.documents else { return };
    if let Some((path, why)) = &docs.unreadable {
        let path = path.display();
        out.push(
            Diagnostic::finding(
                "D401",
                Severity::Error,
                t!(
                    "`{path}` cannot be read: {why}",
                    "`{path}` не удаётся прочитать: {why}",
                    path = path,
                    why = *why,
                ),
            )
            .hint(t!(
                "run `regl render` to write it again",
                "запустите `regl render`, чтобы записать его заново"
            )),
        );
        return;
    }
    let Some(r) = &docs.manifest else { return };
    let m = &r.manifest;
    for (i, e) in m.outputs.iter().enumerate() {
        if !docs.out_dir.join(&e.path).exists() {
            let (path, command) = (&e.path, e.verb.command());
            let message = if e.verb == Verb::Render {
                t!(
                    "rendered document `{path}` is missing",
                    "сформированного документа `{path}` нет на диске"
                )
            } else {
                t!(
                    "`{path}` written by `{command}` is missing",
                    "файла `{path}`, записанного `{command}`, нет на диске"
                )
            };
            out.push(
                Diagnostic::finding("D401", Severity::Error, message)
                    .at(
                        r.file,
                        r.entry_span(i),
                        t!(
                            "listed here, not on disk",
                            "указан здесь, но на диске его нет"
                        ),
                    )
                    .hint(t!(
                        "run `{command}` to write it again",
                        "запустите `{command}`, чтобы записать его заново"
                    )),
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
                    t!(
                        "location `{id}` has no rendered documents",
                        "для филиала `{id}` документы не сформированы"
                    ),
                )
                .at(
                    cx.file,
                    loc.id.span.clone(),
                    t!("never rendered", "документы не формировались"),
                )
                .hint(render_location(id)),
            );
            continue;
        }
        // `render --format xlsx` (or `md`) wrote some of the documents: the others were
        // never made, and nothing else would say so. (A version 1 manifest is judged as
        // that regl judged it.)
        if m.inputs.is_empty() {
            continue;
        }
        for (ext, what) in [
            (
                ".docx",
                Text::new("Word documents (.docx)", "документы Word (.docx)"),
            ),
            (
                ".xlsx",
                Text::new("workbooks (.xlsx)", "книги Excel (.xlsx)"),
            ),
        ] {
            let has = m.outputs.iter().any(|e| {
                e.verb == Verb::Render
                    && e.kind == Kind::Document
                    && e.belongs_to(id)
                    && e.path.ends_with(ext)
            });
            if !has {
                out.push(
                    Diagnostic::finding(
                        "D401",
                        Severity::Error,
                        t!(
                            "location `{id}` has no rendered {what}",
                            "для филиала `{id}` не сформированы {what}",
                            id = id,
                            what = what,
                        ),
                    )
                    .at(
                        cx.file,
                        loc.id.span.clone(),
                        t!("only partly rendered", "документы сформированы не все"),
                    )
                    .hint(t!(
                        "run `regl render` (its default `--format docx,xlsx` writes both)",
                        "запустите `regl render` (по умолчанию `--format docx,xlsx` пишет и то и другое)"
                    )),
                );
            }
        }
    }
    if m.inputs.is_empty() {
        whole_config(cx, docs, r, out);
    } else {
        per_location(cx, docs, r, out);
    }
}

fn render_location(id: &str) -> crate::i18n::Text {
    t!(
        "run `regl render --location {id}`",
        "запустите `regl render --location {id}`"
    )
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
        out.push(config_changed(cx, r, &Changed::default()));
    } else if let Some(rendered) = m
        .document_version
        .as_deref()
        .filter(|v| *v != version.as_str())
    {
        out.push(version_differs(cx, r, rendered));
    }
}

/// What changed in `business.toml` since the documents were rendered, as far as the
/// manifest can tell: the top-level tables (a version 2 manifest records a digest of each)
/// and the locations whose own entry changed.
#[derive(Default)]
struct Changed<'a> {
    /// Top-level keys whose digest differs, or that were added or removed.
    tables: Vec<String>,
    /// Locations whose `[[locations]]` entry changed.
    locations: Vec<&'a str>,
}

impl<'a> Changed<'a> {
    /// The tables changed between the business-level state `recorded` (a digest the
    /// manifest has the tables of) and now; none when the manifest does not have them.
    fn since(docs: &Documents, r: &Rendered, recorded: Option<&str>) -> Vec<String> {
        let (Some(now), Some(then)) = (
            &docs.inputs,
            recorded.and_then(|sha| r.manifest.business_tables.get(sha)),
        ) else {
            return Vec::new();
        };
        let keys: std::collections::BTreeSet<&String> =
            now.tables.keys().chain(then.keys()).collect();
        keys.into_iter()
            .filter(|k| now.tables.get(*k) != then.get(*k))
            .cloned()
            .collect()
    }

    fn with_locations(tables: Vec<String>, locations: Vec<&'a str>) -> Self {
        Self { tables, locations }
    }
}

/// Where each top-level key of `business.toml` is written: its name in `[sla]`,
/// `[[services]]` (the first) or `key = …`.
fn top_level_spans(text: &str) -> std::collections::BTreeMap<String, std::ops::Range<usize>> {
    let (root, _) = toml::de::DeTable::parse_recoverable(text);
    root.get_ref()
        .keys()
        .map(|k| (k.get_ref().to_string(), k.span()))
        .collect()
}

/// A top-level key as it is written: `[sla]`, `[[services]]` or `schema_version`.
fn header(
    text: &str,
    spans: &std::collections::BTreeMap<String, std::ops::Range<usize>>,
    k: &str,
) -> String {
    match spans.get(k) {
        Some(span) if text[..span.start].ends_with("[[") => format!("`[[{k}]]`"),
        Some(span) if text[..span.start].ends_with('[') => format!("`[{k}]`"),
        _ => format!("`{k}`"),
    }
}

/// Where `business.toml`'s top-level keys are, found on first use and kept for the other
/// findings of the run (each stale location's would otherwise parse the file again).
type SpansOnce = std::cell::OnceCell<std::collections::BTreeMap<String, std::ops::Range<usize>>>;

/// `d` with a label at each table of `business.toml` changed since `recorded`.
fn with_changed_tables(
    cx: &Context<'_>,
    docs: &Documents,
    r: &Rendered,
    recorded: &str,
    spans: &SpansOnce,
    d: Diagnostic,
) -> Diagnostic {
    let tables = Changed::since(docs, r, Some(recorded));
    if tables.is_empty() {
        return d;
    }
    let spans = spans.get_or_init(|| top_level_spans(cx.text()));
    tables.iter().fold(d, |d, k| match spans.get(k) {
        Some(span) => d.also(
            cx.file,
            span.clone(),
            table_changed(&header(cx.text(), spans, k)),
        ),
        None => d,
    })
}

/// The documents are stale everywhere: one finding, not one per location. It points at
/// what changed in `business.toml` when the manifest can tell, and else at the digest the
/// documents were made from.
fn config_changed(cx: &Context<'_>, r: &Rendered, changed: &Changed<'_>) -> Diagnostic {
    let spans = top_level_spans(cx.text());
    let header = |k: &str| header(cx.text(), &spans, k);
    let mut places: Vec<(std::ops::Range<usize>, Text)> = changed
        .tables
        .iter()
        .filter_map(|k| {
            spans
                .get(k)
                .map(|span| (span.clone(), table_changed(&header(k))))
        })
        .collect();
    places.extend(changed.locations.iter().filter_map(|id| {
        cx.business.location(id).map(|l| {
            (
                l.id.span.clone(),
                t!(
                    "this location's entry changed since the render",
                    "запись филиала изменилась после формирования"
                ),
            )
        })
    }));
    places.sort_by_key(|(span, _)| span.start);
    let mut names: Vec<Text> = changed
        .tables
        .iter()
        .map(|k| Text::same(header(k)))
        .collect();
    names.extend(
        changed
            .locations
            .iter()
            .map(|id| t!("location `{id}`", "филиал `{id}`")),
    );
    let message = if names.is_empty() {
        t!(
            "business.toml changed since the documents were rendered: they are stale",
            "business.toml изменился после формирования документов: они устарели"
        )
    } else {
        let list = Text::new(
            names.iter().map(Text::en).collect::<Vec<_>>().join(", "),
            names.iter().map(Text::ru).collect::<Vec<_>>().join(", "),
        );
        t!(
            "business.toml changed since the documents were rendered ({list}): they are stale",
            "business.toml изменился после формирования документов ({list}): они устарели",
            list = list
        )
    };
    let d = Diagnostic::finding("D401", Severity::Error, message);
    let mut places = places.into_iter();
    let d = match places.next() {
        Some((span, label)) => places.fold(d.at(cx.file, span, label), |d, (span, label)| {
            d.also(cx.file, span, label)
        }),
        None => d.at(
            r.file,
            r.span_of("content_sha256"),
            t!(
                "rendered from another business.toml",
                "сформированы из другого business.toml"
            ),
        ),
    };
    d.hint(t!(
        "run `regl render` and commit the documents together with the config",
        "запустите `regl render` и закоммитьте документы вместе с конфигурацией"
    ))
}

fn table_changed(name: &str) -> Text {
    t!(
        "{name} changed since the documents were rendered",
        "{name} изменился после формирования документов"
    )
}

fn version_differs(cx: &Context<'_>, r: &Rendered, rendered: &str) -> Diagnostic {
    let version = &cx.business.document.version.value;
    Diagnostic::finding(
        "D401",
        Severity::Error,
        t!(
            "the documents carry version {rendered}, business.toml says {version}",
            "у документов версия {rendered}, а в business.toml — {version}"
        ),
    )
    .at(
        cx.file,
        cx.business.document.version.span.clone(),
        not_rendered_yet(),
    )
    .also(
        r.file,
        r.span_of("document_version"),
        t!("the rendered version", "версия сформированных документов"),
    )
    .hint(t!("run `regl render`", "запустите `regl render`"))
}

fn not_rendered_yet() -> crate::i18n::Text {
    t!("not rendered yet", "ещё не сформирована")
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
            // The business-level state the documents rest on, where it is not today's.
            let recorded = stale
                .iter()
                .filter_map(|(loc, _)| m.inputs.get(*loc))
                .map(|rec| rec.business_sha256.as_str())
                .find(|sha| *sha != now.business_sha256);
            let own: Vec<&str> = stale
                .iter()
                .filter(|(_, why)| matches!(why, Stale::Content { own: true }))
                .map(|(loc, _)| *loc)
                .collect();
            let changed = Changed::with_locations(Changed::since(docs, r, recorded), own);
            out.push(config_changed(cx, r, &changed));
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
    let spans = SpansOnce::new();
    for (loc, why) in stale {
        let at = r.inputs_span(loc);
        let finding = match why {
            Stale::Removed => Diagnostic::finding(
                "D401",
                Severity::Error,
                t!(
                    "location `{loc}` is no longer in business.toml: its documents are stale",
                    "филиала `{loc}` больше нет в business.toml: его документы устарели"
                ),
            )
            .at(
                r.file,
                at,
                t!(
                    "rendered for a location since removed",
                    "сформированы для филиала, которого больше нет"
                ),
            )
            .hint(t!(
                "run `regl render` to take it out of the manifest",
                "запустите `regl render`, чтобы убрать его из манифеста"
            )),
            Stale::Content { own } => {
                let d = Diagnostic::finding(
                    "D401",
                    Severity::Error,
                    t!(
                        "the documents of location `{loc}` are stale: business.toml changed since they were rendered",
                        "документы филиала `{loc}` устарели: business.toml изменился после их формирования"
                    ),
                )
                .at(
                    r.file,
                    at,
                    t!(
                        "rendered from an earlier business.toml",
                        "сформированы из прежнего business.toml"
                    ),
                );
                let d = match cx.business.location(loc) {
                    Some(l) if own => d.also(
                        cx.file,
                        l.id.span.clone(),
                        t!(
                            "its entry changed since the render",
                            "запись филиала изменилась после формирования"
                        ),
                    ),
                    _ => d,
                };
                match m.inputs.get(loc) {
                    Some(rec) => with_changed_tables(cx, docs, r, &rec.business_sha256, &spans, d),
                    None => d,
                }
                .hint(render_location(loc))
            }
            Stale::Version(rendered) => {
                let now = &version.value;
                Diagnostic::finding(
                    "D401",
                    Severity::Error,
                    t!(
                        "the documents of location `{loc}` carry version {rendered}, business.toml says {now}",
                        "у документов филиала `{loc}` версия {rendered}, а в business.toml — {now}"
                    ),
                )
                .at(
                    r.file,
                    at,
                    t!(
                        "rendered at another version",
                        "сформированы в другой версии"
                    ),
                )
                .also(cx.file, version.span.clone(), not_rendered_yet())
                .hint(render_location(loc))
            }
        };
        out.push(finding);
    }
}
