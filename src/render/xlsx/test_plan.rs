//! The pilot plan of one location (`test-plan-<loc>.xlsx`, SPEC §7): 100 test leads with
//! regl's columns (what to write, the expected reply and card, the linked scenario) and the
//! testers' (actual result, a status from a drop-down, tester, date, defect link), and a
//! summary sheet counting the statuses. A working copy: written again, it keeps what the
//! testers entered in their columns, rows matched by id.

use anyhow::Context;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Formula, Workbook};

use super::grid::Formats;
use super::test_plan_rows::PlanRow;
use super::working_copy::{self, Table};
use crate::model::enums::Lang;
use crate::working_copy::Kept;
use crate::working_copy::status::PilotStatus;

pub use crate::working_copy::pilot_plan::{LAYOUT, STATUS_COLUMN, sheet_name};

fn headers(lang: Lang) -> [&'static str; 18] {
    match lang {
        Lang::Ru => [
            "ID",
            "Канал",
            "Ветка",
            "Тип",
            "Приоритет",
            "Когда отправить (местное время)",
            "Предусловия",
            "Тестовый клиент",
            "Телефон",
            "Что написать",
            "Ожидаемый ответ бота",
            "Ожидаемая карточка Битрикс24",
            "Сценарий regl test",
            "Фактический результат",
            "Статус",
            "Тестировщик",
            "Дата",
            "Ссылка на дефект",
        ],
        Lang::En => [
            "ID",
            "Channel",
            "Branch",
            "Type",
            "Priority",
            "When to send (local time)",
            "Preconditions",
            "Test client",
            "Phone",
            "What to write",
            "Expected bot reply",
            "Expected Bitrix24 card",
            "regl test scenario",
            "Actual result",
            "Status",
            "Tester",
            "Date",
            "Defect link",
        ],
    }
}

/// What testers entered in an existing plan, by row id; empty when there is none.
pub fn kept(existing: Option<&[u8]>) -> Kept {
    LAYOUT.kept(existing, &[])
}

/// The plan's workbook.
pub fn write(
    rows: &[PlanRow],
    kept: &Kept,
    lang: Lang,
    title: &str,
    created: chrono::NaiveDate,
) -> anyhow::Result<Vec<u8>> {
    use chrono::Datelike;
    let fmts = Formats::new();
    let date = ExcelDateTime::from_ymd(
        u16::try_from(created.year()).unwrap_or(2026),
        u8::try_from(created.month()).unwrap_or(1),
        u8::try_from(created.day()).unwrap_or(1),
    )
    .context("effective_date is outside what a spreadsheet can hold")?;
    let mut wb = Workbook::new();
    wb.set_properties(
        &DocProperties::new()
            .set_title(title)
            .set_keywords("regl; test-plan")
            .set_creation_datetime(&date),
    );
    let heads = headers(lang);
    let status = PilotStatus::words(lang);
    let note = match lang {
        Lang::Ru => {
            "Колонки A–M заполняет regl; N–R — тестировщики. При повторном regl render заполненное тестировщиками сохраняется (строки сопоставляются по ID)."
        }
        Lang::En => {
            "regl fills columns A–M; testers fill N–R. A re-render by regl render keeps what testers entered (rows matched by ID)."
        }
    };
    let cells: Vec<Vec<String>> = rows
        .iter()
        .map(|r| r.cells().iter().map(|c| (*c).to_owned()).collect())
        .collect();
    let footer = created.format("%Y-%m-%d").to_string();
    let table = Table {
        layout: LAYOUT,
        sheet_name: sheet_name(lang),
        title,
        lines: &[note.to_owned()],
        headers: &heads,
        widths: &[
            14, 10, 10, 11, 9, 14, 28, 16, 18, 36, 40, 36, 24, 30, 14, 16, 12, 20,
        ],
        status: Some((STATUS_COLUMN, &status)),
        footer: &footer,
        min_lines: 1,
    };
    let last_row = working_copy::write(wb.add_worksheet(), &fmts, &table, &cells, kept)?;
    {
        let ws = wb.add_worksheet();
        ws.set_name(match lang {
            Lang::Ru => "Итоги",
            Lang::En => "Summary",
        })?;
        ws.write_with_format(0, 0, title, &fmts.title)?;
        let (h1, h2, total) = match lang {
            Lang::Ru => ("Статус", "Заявок", "Всего"),
            Lang::En => ("Status", "Leads", "Total"),
        };
        ws.write_with_format(2, 0, h1, &fmts.header)?;
        ws.write_with_format(2, 1, h2, &fmts.header)?;
        let sheet = sheet_name(lang);
        let (first, last) = (LAYOUT.first_data_row(), last_row + 1);
        for (i, s) in status.iter().enumerate() {
            let row = 3 + u32::try_from(i).unwrap_or(0);
            ws.write_with_format(row, 0, *s, &fmts.cell)?;
            let f = format!("=COUNTIF('{sheet}'!O{first}:O{last},A{})", row + 1);
            ws.write_formula_with_format(row, 1, Formula::new(f), &fmts.cell)?;
        }
        ws.write_with_format(7, 0, total, &fmts.label)?;
        ws.write_formula_with_format(7, 1, Formula::new("=SUM(B4:B7)"), &fmts.label)?;
        ws.set_column_width(0, 20)?;
        ws.set_column_width(1, 10)?;
    }
    wb.save_to_buffer().context("writing the pilot plan")
}
