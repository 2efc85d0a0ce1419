//! D404: changed documents carry a new version.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "D404",
    name: "version-not-bumped",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "the documents' content changed since the last render but `[document].version` was not bumped",
        ru: "содержание документов изменилось после последнего `regl render`, а `[document].version` не повышена",
    },
    explanation: StaticText {
        en: r#"**What it checks.** When the content of `business.toml` (everything but `[document]`)
differs from the last render, `[document].version` differs too.

**Why it matters.** Document control (ISO 9001 7.5): each released version is identified and
its changes recorded. Two different policies under one version number cannot be told
apart — and the consent's version is what proves which text a client agreed to.

**Example.** `[escalation].keywords` gained `аллергия`, `version` is still "1.0".

**How to fix.** Bump `[document].version`, add a `changes` entry saying what changed, then
run `regl render`."#,
        ru: r#"**Что проверяет.** Если содержание `business.toml` (всё, кроме `[document]`) отличается
от последнего формирования документов, то отличается и `[document].version`.

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
    if changed && rendered_version == version.as_str() {
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
