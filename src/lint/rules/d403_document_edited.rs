//! D403: nobody edited a rendered document by hand.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};
use crate::manifest::{Verb, sha256_hex};

pub const RULE: Rule = Rule {
    code: "D403",
    name: "document-edited",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "a rendered document was edited by hand after render (the edit will be lost)",
        ru: "сформированный документ отредактирован вручную после `regl render` (правка будет потеряна)",
    },
    explanation: StaticText {
        en: r"**What it checks.** Each file the manifest lists still has the digest `regl render` (or
`regl export`) recorded. Working copies — the sheets people fill in — are not judged: what
people entered is their work, not an edit to undo.

**Why it matters.** The documents are generated: the next `regl render` writes over a hand
edit, silently undoing it. An edit to a policy is a change of regulations and belongs in
`business.toml` (or a template), where it is reviewed and versioned. The same holds for the
bot scripts and the Bitrix24 mapping `regl export` writes.

**Example.** Someone fixed a phone number in `out/ufa/pd-policy-ufa.docx` in Word.

**How to fix.** Make the change in `business.toml` or in a template under `templates/`, then
run `regl render` (`regl export` for an exported file).",
        ru: r"**Что проверяет.** Контрольная сумма каждого файла из манифеста та же, что записал
`regl render` (или `regl export`). Рабочие копии — таблицы, которые заполняют люди, — не
проверяются: внесённое людьми — их работа, а не правка, которую надо отменить.

**Почему это важно.** Документы генерируются: следующий `regl render` запишет поверх ручной
правки и молча её отменит. Правка политики — это изменение регламентов, и её место в
`business.toml` (или в шаблоне), где её проверяют и ведут версии. То же касается сценариев
бота и карты полей Битрикс24, которые пишет `regl export`.

**Пример.** Кто-то исправил номер телефона в `out/ufa/pd-policy-ufa.docx` в Word.

**Как исправить.** Внесите изменение в `business.toml` или в шаблон в `templates/`, затем
запустите `regl render` (для файла экспорта — `regl export`).",
    },
    scope: Scope::Documents,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(docs) = cx.documents else { return };
    let Some(r) = &docs.manifest else { return };
    for (i, e) in r.manifest.outputs.iter().enumerate() {
        // A working copy is filled in by people: its changed bytes are their work.
        if !e.kind.judged_for_edits() {
            continue;
        }
        let path = docs.out_dir.join(&e.path);
        if !crate::lint::documents::regular_file(&path) {
            continue;
        }
        let Ok(bytes) = std::fs::read(&path) else {
            continue;
        };
        if sha256_hex(&bytes) != e.output_sha256 {
            let path = &e.path;
            out.push(if e.verb == Verb::Render {
                Diagnostic::finding(
                    "D403",
                    Severity::Warning,
                    t!(
                        "`{path}` was changed after render: the next render will undo the edit",
                        "`{path}` изменён после `regl render`: следующий `regl render` отменит правку"
                    ),
                )
                .at(
                    r.file,
                    r.entry_span(i),
                    t!("differs from what was rendered", "отличается от сформированного"),
                )
                .hint(t!(
                    "make the change in business.toml or a template under templates/, then run `regl render`",
                    "внесите изменение в business.toml или в шаблон в templates/, затем запустите `regl render`"
                ))
            } else {
                let verb = e.verb.command();
                Diagnostic::finding(
                    "D403",
                    Severity::Warning,
                    t!(
                        "`{path}` was changed after `{verb}`: the next `{verb}` will undo the edit",
                        "`{path}` изменён после `{verb}`: следующий `{verb}` отменит правку"
                    ),
                )
                .at(
                    r.file,
                    r.entry_span(i),
                    t!(
                        "differs from what `{verb}` wrote",
                        "отличается от записанного `{verb}`"
                    ),
                )
                .hint(t!(
                    "make the change in business.toml, then run `{verb}`",
                    "внесите изменение в business.toml, затем запустите `{verb}`"
                ))
            });
        }
    }
}
