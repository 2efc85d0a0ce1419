//! D404: changed documents carry a new version.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::documents::Rendered;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "D404",
    name: "version-not-bumped",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "the documents' content changed since their version was first rendered but `[document].version` was not bumped (per document, until bumped)",
        ru: "содержание документов изменилось с первого формирования их версии, а `[document].version` не повышена (по каждому документу, пока версию не повысят)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** When the content of `business.toml` (everything but `[document]`)
differs from the last render, `[document].version` differs too. After a render, each
document whose text differs from what it said when the current version was first rendered
is reported on its own, and stays reported until the version is bumped (or the text is
back to the published one): rendering again does not make the reminder go away.

**Why it matters.** Document control (ISO 9001 7.5): each released version is identified and
its changes recorded. Two different policies under one version number cannot be told
apart — and the consent's version is what proves which text a client agreed to.

**Example.** `[escalation].keywords` gained `аллергия`, `version` is still "1.0".

**How to fix.** Bump `[document].version`, add a `changes` entry saying what changed, then
run `regl render`."#,
        ru: r#"**Что проверяет.** Если содержание `business.toml` (всё, кроме `[document]`) отличается
от последнего формирования документов, то отличается и `[document].version`. После
формирования каждый документ, текст которого отличается от того, что был при первом
формировании текущей версии, сообщается отдельно — пока версию не повысят (или текст не
вернётся к опубликованному): повторный `regl render` напоминание не снимает.

**Почему это важно.** Управление документами (ISO 9001, п. 7.5): каждая выпущенная версия
обозначена, её изменения записаны. Две разные политики под одним номером версии не
различить — а версия согласия доказывает, какой текст принял клиент.

**Пример.** В `[escalation].keywords` добавилось «аллергия», а `version` всё ещё "1.0".

**Как исправить.** Повысьте `[document].version`, добавьте в `changes` запись о том, что
изменилось, затем запустите `regl render`."#,
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
    if !(changed && rendered_version == version.as_str()) {
        documents_changed(cx, r, out);
        return;
    }
    {
        let version_now = &version.value;
        out.push(
            Diagnostic::finding(
                "D404",
                Severity::Warning,
                t!(
                    "the documents' content changed but the version is still {version_now}",
                    "содержание документов изменилось, а версия всё ещё {version_now}"
                ),
            )
            .at(
                cx.file,
                version.span.clone(),
                t!("bump this version", "повысьте эту версию"),
            )
            .hint(t!(
                "bump [document].version and add a `changes` entry, then run `regl render`",
                "повысьте [document].version и добавьте запись в `changes`, затем запустите `regl render`"
            )),
        );
    }
}

/// After a render: each document whose text changed since its current version was first
/// rendered, one finding per document, until the version is bumped.
fn documents_changed(cx: &Context<'_>, r: &Rendered, out: &mut Vec<Diagnostic>) {
    let version = &cx.business.document.version;
    for (document, p) in &r.manifest.published {
        if p.version != version.as_str() || p.changed.is_empty() {
            continue;
        }
        let (v, n) = (&p.version, p.changed.len());
        let first = p.changed.iter().next().map_or("", String::as_str);
        let file = first.strip_suffix(".md").unwrap_or(first);
        out.push(
            Diagnostic::finding(
                "D404",
                Severity::Warning,
                if n == 1 {
                    t!(
                        "`{document}` reads differently from version {v} as first rendered (`{file}.docx`), but the version is still {v}",
                        "текст `{document}` отличается от первой редакции версии {v} (`{file}.docx`), а версия всё ещё {v}"
                    )
                } else {
                    t!(
                        "`{document}` reads differently from version {v} as first rendered ({n} files, e.g. `{file}.docx`), but the version is still {v}",
                        "текст `{document}` отличается от первой редакции версии {v} (файлов: {n}, например `{file}.docx`), а версия всё ещё {v}"
                    )
                },
            )
            .at(
                cx.file,
                version.span.clone(),
                t!("bump this version", "повысьте эту версию"),
            )
            .hint(t!(
                "bump [document].version, add a `changes` entry saying what changed, then run `regl render`",
                "повысьте [document].version, добавьте в `changes` запись о том, что изменилось, и запустите `regl render`"
            )),
        );
    }
}
