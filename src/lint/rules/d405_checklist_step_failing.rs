//! D405: a launch checklist step marked done while the lint codes that verify it fire now —
//! the verifiable rows' live state (SPEC §9).
//!
//! It judges the other rules' findings, so it runs after them: [`after`] is called by lint
//! with every finding not waived; its `check` does nothing.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::working_copies;
use crate::lint::{Context, Rule, Scope};
use crate::model::business::Location;
use crate::working_copy::checklist::{LAYOUT, STATUS_COLUMN, matches, sheet_name, step_of};
use crate::working_copy::status::StepStatus;

pub const RULE: Rule = Rule {
    code: "D405",
    name: "checklist-step-failing",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a launch checklist step is marked done, but a lint code that verifies it fires now",
        ru: "шаг чек-листа запуска отмечен выполненным, но код lint, который его проверяет, сейчас срабатывает",
    },
    explanation: StaticText {
        en: r#"**What it checks.** In each location's `launch-checklist-<loc>.xlsx`, every step whose
status is "done" and whose "how it is verified" column names lint codes (`regl lint: B3xx`):
none of those codes fires now for that location. `B3xx` stands for every code starting `B3`.

**Why it matters.** The checklist is the go/no-go sheet. A step ticked weeks ago can stop
being true: someone edits the bot config, the SLA changes, a processor is added. A tick that
lint contradicts sends a city live on a promise nobody keeps.

**Example.** Step L15 ("the bot config is in step with business.toml") is "done", and B303
now reports the bot's reminders differ from `[sla].reminders`.

**How to fix.** Fix what the code reports (or set the step back to "in progress" until it is
fixed); the finding names the sheet's cell."#,
        ru: r"**Что проверяет.** В `launch-checklist-<loc>.xlsx` каждого филиала у каждого шага со
статусом «выполнено», в колонке «Как проверяется» которого названы коды lint
(`regl lint: B3xx`), ни один из этих кодов сейчас не срабатывает для этого филиала. `B3xx`
означает все коды, начинающиеся на `B3`.

**Почему это важно.** Чек-лист — лист решения о запуске. Шаг, отмеченный несколько недель
назад, может перестать быть правдой: кто-то поправил настройки бота, изменился SLA,
добавился обработчик. Отметка, которой противоречит lint, выпускает город в работу на
обещании, которое никто не выполняет.

**Пример.** Шаг L15 («настройки бота совпадают с business.toml») «выполнено», а B303 теперь
сообщает, что напоминания бота расходятся с `[sla].reminders`.

**Как исправить.** Исправьте то, о чём сообщает код (или верните шагу статус «в работе», пока
не исправлено); находка называет ячейку таблицы.",
    },
    scope: Scope::Documents,
    check,
};

fn check(_: &Context<'_>, _: &mut Vec<Diagnostic>) {}

/// Whether `d` is about `loc`: a finding in `business.toml` inside another location's
/// table, or in another location's bot config, is not.
fn about(cx: &Context<'_>, d: &Diagnostic, loc: &Location) -> bool {
    let Some(at) = d.primary() else { return true };
    if at.file == cx.file {
        let pos = at.span.start;
        // Findings outside the locations' tables (services, bot, pd …) concern every
        // location; inside, a location's table runs from its id to the next one's.
        if !within_locations(cx, pos) {
            return true;
        }
        let owner = cx
            .business
            .locations
            .iter()
            .rfind(|l| l.id.span.start <= pos);
        return owner.is_none_or(|l| l.id.as_str() == loc.id.as_str());
    }
    let owner = cx.bots.iter().find_map(|b| match &b.state {
        crate::lint::BotState::Parsed { file, .. } | crate::lint::BotState::Syntax { file, .. }
            if *file == at.file =>
        {
            Some(b.owner)
        }
        _ => None,
    });
    match owner {
        Some(Some(i)) => cx
            .business
            .locations
            .get(i)
            .is_none_or(|l| l.id.as_str() == loc.id.as_str()),
        _ => true,
    }
}

/// Whether a byte of `business.toml` lies in the run of `[[locations]]` tables: from the
/// first location's id to the last location's `bot_config` (every location gives one).
fn within_locations(cx: &Context<'_>, at: usize) -> bool {
    let locs = &cx.business.locations;
    match (locs.first(), locs.last()) {
        (Some(first), Some(last)) => {
            let end = last
                .launch_date
                .as_ref()
                .map_or(last.bot_config.span.end, |d| {
                    d.span.end.max(last.bot_config.span.end)
                });
            first.id.span.start <= at && at <= end
        }
        _ => false,
    }
}

/// D405 over the findings of every other rule (waivers applied).
pub fn after(cx: &Context<'_>, firing: &[Diagnostic], out: &mut Vec<Diagnostic>) {
    let lang = cx.business.lang();
    for loc in &cx.business.locations {
        let id = loc.id.as_str();
        let Some(sheet) = working_copies::read(cx, "launch-checklist", id, LAYOUT) else {
            continue;
        };
        for (step_id, row) in &sheet.rows {
            let Some(step) = step_of(step_id) else {
                continue;
            };
            let status = row
                .people
                .get(usize::from(STATUS_COLUMN))
                .map_or("", String::as_str);
            if StepStatus::read(status) != StepStatus::Done || step.codes.is_empty() {
                continue;
            }
            let mut codes: Vec<&str> = firing
                .iter()
                .filter(|d| {
                    d.code
                        .is_some_and(|c| c != "D405" && matches(step.codes, c))
                })
                .filter(|d| about(cx, d, loc))
                .filter_map(|d| d.code)
                .collect();
            codes.sort_unstable();
            codes.dedup();
            if codes.is_empty() {
                continue;
            }
            let (path, cell) = (
                &sheet.path,
                format!(
                    "{}!{}",
                    sheet_name(lang),
                    LAYOUT.cell(STATUS_COLUMN, row.row)
                ),
            );
            let codes = codes.join(", ");
            out.push(
                Diagnostic::finding(
                    "D405",
                    Severity::Error,
                    t!(
                        "`{path}` {cell}: step {step_id} is marked done, but {codes} fires now",
                        "`{path}` {cell}: шаг {step_id} отмечен выполненным, но сейчас срабатывает {codes}"
                    ),
                )
                .at(
                    sheet.manifest,
                    sheet.span.clone(),
                    t!("the launch checklist", "чек-лист запуска"),
                )
                .hint(t!(
                    "fix what {codes} reports, or set the step back to «in progress» until it is fixed",
                    "исправьте то, о чём сообщает {codes}, или верните шагу статус «в работе», пока не исправлено"
                )),
            );
        }
    }
}
