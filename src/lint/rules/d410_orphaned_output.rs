//! D410: bot configs and output folders left behind by a location removed or renamed.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "D410",
    name: "orphaned-output",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "a bot config or an output folder belongs to a location `business.toml` no longer has",
        ru: "конфигурация бота или папка с документами относится к филиалу, которого больше нет в `business.toml`",
    },
    explanation: StaticText {
        en: r"**What it checks.** Every `.json` file in the folders where the locations' `bot_config`
files live is some location's `bot_config`, and every folder of the output folder holding
files named as regl names them (`…-<id>.docx`, `bot-scripts-<id>.json`) is a location of
`business.toml`.

**Why it matters.** A location removed or renamed leaves its bot config behind, and a bot
runtime that still loads it answers clients with the old address, hours and prices, which
no document covers any more. Old documents in the output folder are published by mistake.
`regl render` and `regl export` delete only the files their manifest lists; anything else
is for you to delete.

**Example.** `omsk` was renamed `omsk-center`: `bot/omsk.json` and `out/omsk/` stay.

**How to fix.** For a removed location, delete the file or folder. For a renamed one, write
the new location's bot config (`regl export --bot-configs`, or copy
`out/<id>/bot-scripts-<id>.json` to its `bot_config`), then delete the old one.",
        ru: r"**Что проверяет.** Каждый файл `.json` в папках, где лежат `bot_config` филиалов, —
это `bot_config` какого-то филиала, а каждая папка в папке с документами, где есть файлы с
именами, какие даёт regl (`…-<id>.docx`, `bot-scripts-<id>.json`), — филиал из
`business.toml`.

**Почему это важно.** Удалённый или переименованный филиал оставляет свою конфигурацию
бота, и среда выполнения бота, которая её ещё загружает, называет клиентам старые адрес,
часы и цены, которых больше нет ни в одном документе. Старые документы в папке вывода
публикуют по ошибке. `regl render` и `regl export` удаляют только файлы из своего
манифеста; остальное удаляете вы.

**Пример.** `omsk` переименовали в `omsk-center`: `bot/omsk.json` и `out/omsk/` остались.

**Как исправить.** Для удалённого филиала удалите файл или папку. Для переименованного
запишите конфигурацию бота нового филиала (`regl export --bot-configs` или скопируйте
`out/<id>/bot-scripts-<id>.json` в его `bot_config`), затем удалите старую.",
    },
    scope: Scope::Documents,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let Some(docs) = cx.documents else { return };
    for o in &docs.orphans {
        let (shown, id, files) = (&o.shown, &o.location, o.files);
        let finding = if let Some(file) = o.file {
            Diagnostic::finding(
                "D410",
                Severity::Warning,
                t!(
                    "bot config `{shown}` is the `bot_config` of no location in business.toml",
                    "конфигурация бота `{shown}` не указана в `bot_config` ни одного филиала в business.toml"
                ),
            )
            .at(
                file,
                0..0,
                t!("left behind", "осталась от прежнего филиала"),
            )
            .hint(t!(
                "delete it if location `{id}` was removed; if it was renamed, run `regl export --bot-configs` for the new id and then delete this file",
                "удалите её, если филиал `{id}` удалён; если переименован — запустите `regl export --bot-configs` для нового id и удалите этот файл"
            ))
        } else {
            let at = cx
                .business
                .locations
                .first()
                .map_or(0..0, |l| l.id.span.clone());
            Diagnostic::finding(
                "D410",
                Severity::Warning,
                t!(
                    "`{shown}` holds {files} files of location `{id}`, which business.toml does not have",
                    "в `{shown}` файлов филиала `{id}`, которого нет в business.toml: {files}"
                ),
            )
            .at(
                cx.file,
                at,
                t!(
                    "no location `{id}` among these",
                    "среди филиалов нет `{id}`"
                ),
            )
            .hint(t!(
                "delete `{shown}`: regl removes only the files its manifest lists",
                "удалите `{shown}`: regl удаляет только файлы, перечисленные в его манифесте"
            ))
        };
        out.push(finding);
    }
}
