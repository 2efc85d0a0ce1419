//! D407: a row of the pilot plan (`test-plan-<loc>.xlsx`) is marked failed — a defect found
//! by the pilot and not yet fixed (SPEC §7). A warning before the opening; an error once the
//! location is open.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::working_copies;
use crate::lint::{Context, Rule, Scope};
use crate::working_copy::pilot_plan::{LAYOUT, STATUS_COLUMN, sheet_name};
use crate::working_copy::status::PilotStatus;

pub const RULE: Rule = Rule {
    code: "D407",
    name: "pilot-row-failed",
    severities: &[Severity::Error, Severity::Warning],
    summary: StaticText {
        en: "a row of the pilot plan is marked failed (a warning before the opening, an error after it)",
        ru: "строка плана пилота отмечена «не пройдено» (до открытия — предупреждение, после — ошибка)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The status column of each location's `test-plan-<loc>.xlsx`: no
row says "failed". Before the location's `launch_date` (or while it has none) a failed row
is a warning; once the date has passed, an error.

**Why it matters.** A failed pilot row is a defect the testers found with the real channels
and Bitrix24: a card without a required field, an escalation that never reached the duty, a
reminder at night. Opening the city with it means clients meet the defect.

**Example.** Row P-017 (a cancellation 20 minutes before the visit) is "failed": the
hand-off never created a task.

**How to fix.** Fix the cause, play the row again and mark it "passed" (or "blocked" with a
defect link, if it waits on someone else)."#,
        ru: r"**Что проверяет.** Колонку статуса `test-plan-<loc>.xlsx` каждого филиала: ни одна
строка не отмечена «не пройдено». До `launch_date` филиала (или пока даты нет) такая строка —
предупреждение, после этой даты — ошибка.

**Почему это важно.** Непройденная строка пилота — дефект, который тестировщики нашли на
настоящих каналах и в Битрикс24: карточка без обязательного поля, эскалация, не дошедшая до
дежурного, напоминание ночью. Открыть город с ним — значит показать дефект клиентам.

**Пример.** Строка P-017 (отмена за 20 минут до визита) «не пройдено»: передача сотруднику не
создала задачу.

**Как исправить.** Устраните причину, повторите строку и отметьте «пройдено» (или
«заблокировано» со ссылкой на дефект, если она ждёт других).",
    },
    scope: Scope::Documents,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let lang = cx.business.lang();
    for loc in &cx.business.locations {
        let id = loc.id.as_str();
        let Some(sheet) = working_copies::read(cx, "test-plan", id, LAYOUT) else {
            continue;
        };
        let mut failed: Vec<(&str, u32)> = sheet
            .rows
            .iter()
            .filter(|(_, r)| {
                let s = r
                    .people
                    .get(usize::from(STATUS_COLUMN))
                    .map_or("", String::as_str);
                PilotStatus::read(s) == PilotStatus::Failed
            })
            .map(|(k, r)| (k.as_str(), r.row))
            .collect();
        failed.sort_by_key(|(_, row)| *row);
        let Some(&(_, first)) = failed.first() else {
            continue;
        };
        let (path, n) = (&sheet.path, failed.len());
        let cell = format!("{}!{}", sheet_name(lang), LAYOUT.cell(STATUS_COLUMN, first));
        let ids = failed
            .iter()
            .map(|(s, _)| *s)
            .collect::<Vec<_>>()
            .join(", ");
        let opened = working_copies::opened(cx, loc);
        let mut d = match opened {
            Some(on) => Diagnostic::finding(
                "D407",
                Severity::Error,
                t!(
                    "`{path}` {cell}: {n} pilot rows failed ({ids}), and location `{id}` opened on {on}",
                    "`{path}` {cell}: строк пилота не пройдено: {n} ({ids}), а филиал `{id}` открылся {on}"
                ),
            ),
            None => Diagnostic::finding(
                "D407",
                Severity::Warning,
                t!(
                    "`{path}` {cell}: {n} pilot rows failed ({ids}): fix them before location `{id}` opens",
                    "`{path}` {cell}: строк пилота не пройдено: {n} ({ids}) — исправьте до открытия филиала `{id}`"
                ),
            ),
        }
        .at(sheet.manifest, sheet.span.clone(), t!("the pilot plan", "план пилота"));
        if let (Some(_), Some(date)) = (opened, loc.launch_date.as_ref()) {
            d = d.also(
                cx.file,
                date.span.clone(),
                t!("the opening day", "день открытия"),
            );
        }
        out.push(d.hint(t!(
            "fix the cause, play the rows again and mark them «passed» (or «blocked» with a defect link)",
            "устраните причину, повторите строки и отметьте «пройдено» (или «заблокировано» со ссылкой на дефект)"
        )));
    }
}
