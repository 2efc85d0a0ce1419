//! D406: the location's launch date has passed and steps of its launch checklist are still
//! open.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::working_copies;
use crate::lint::{Context, Rule, Scope};
use crate::working_copy::checklist::{LAYOUT, STATUS_COLUMN, STEPS, sheet_name};
use crate::working_copy::status::StepStatus;

pub const RULE: Rule = Rule {
    code: "D406",
    name: "checklist-open-after-launch",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the launch date has passed and steps of the launch checklist are still open",
        ru: "дата открытия прошла, а шаги чек-листа запуска ещё не закрыты",
    },
    explanation: StaticText {
        en: r#"**What it checks.** For each location whose `launch_date` is before today (the system
date, or `REGL_TODAY`), every step of `launch-checklist-<loc>.xlsx` has the status "done" or
"n/a".

**Why it matters.** The location is answering real clients. A step still open is a duty not
done in production: a Roskomnadzor notice not amended, test leads left in the CRM, nobody
watching the bot's errors, staff who never signed for the rules.

**Example.** `launch_date = 2027-01-15`, today is 2027-01-20, and step L21 ("error
monitoring is live") is still "in progress".

**How to fix.** Finish the steps and mark them in the sheet (a step that does not apply is
"n/a", with a comment why); if the opening moved, move `launch_date`."#,
        ru: r"**Что проверяет.** Для каждого филиала, у которого `launch_date` раньше сегодняшнего дня
(системная дата или `REGL_TODAY`), у всех шагов `launch-checklist-<loc>.xlsx` статус
«выполнено» или «н/п».

**Почему это важно.** Филиал уже отвечает настоящим клиентам. Незакрытый шаг — невыполненная
обязанность в работе: не изменено уведомление Роскомнадзора, в CRM остались тестовые заявки,
никто не следит за ошибками бота, сотрудники не расписались в правилах.

**Пример.** `launch_date = 2027-01-15`, сегодня 2027-01-20, а у шага L21 («мониторинг ошибок
включён») всё ещё статус «в работе».

**Как исправить.** Завершите шаги и отметьте их в таблице (неприменимый шаг — «н/п» с
комментарием почему); если открытие перенесли, перенесите `launch_date`.",
    },
    scope: Scope::Documents,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let lang = cx.business.lang();
    for loc in &cx.business.locations {
        let (Some(opened), Some(date)) =
            (working_copies::opened(cx, loc), loc.launch_date.as_ref())
        else {
            continue;
        };
        let id = loc.id.as_str();
        let Some(sheet) = working_copies::read(cx, "launch-checklist", id, LAYOUT) else {
            continue;
        };
        let open: Vec<(&str, u32)> = STEPS
            .iter()
            .filter_map(|s| {
                let row = sheet.rows.get(s.id)?;
                let status = row
                    .people
                    .get(usize::from(STATUS_COLUMN))
                    .map_or("", String::as_str);
                (!StepStatus::read(status).closed()).then_some((s.id, row.row))
            })
            .collect();
        let Some(&(_, first)) = open.first() else {
            continue;
        };
        let (path, n) = (&sheet.path, open.len());
        let cell = format!("{}!{}", sheet_name(lang), LAYOUT.cell(STATUS_COLUMN, first));
        let ids = open.iter().map(|(s, _)| *s).collect::<Vec<_>>().join(", ");
        out.push(
            Diagnostic::finding(
                "D406",
                Severity::Error,
                t!(
                    "location `{id}` opened on {opened}, but {n} steps of `{path}` are still open ({ids}; first at {cell})",
                    "филиал `{id}` открылся {opened}, но шагов `{path}` не закрыто: {n} ({ids}; первый — {cell})"
                ),
            )
            .at(cx.file, date.span.clone(), t!("the opening day", "день открытия"))
            .also(sheet.manifest, sheet.span.clone(), t!("the launch checklist", "чек-лист запуска"))
            .hint(t!(
                "finish the steps and mark them «done» (or «n/a» with a comment); if the opening moved, move `launch_date`",
                "завершите шаги и отметьте «выполнено» (или «н/п» с комментарием); если открытие перенесли, перенесите `launch_date`"
            )),
        );
    }
}
