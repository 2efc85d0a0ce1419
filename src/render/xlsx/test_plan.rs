//! The pilot plan of one location (`test-plan-<loc>.xlsx`, SPEC §7): 100 test leads with
//! regl's columns (what to write, the expected reply and card, the linked scenario) and the
//! testers' (actual result, a status from a drop-down, tester, date, defect link), and a
//! summary sheet counting the statuses. A working copy: written again, it keeps what the
//! testers entered in their columns, rows matched by id.

use std::collections::BTreeMap;

use anyhow::Context;
use rust_xlsxwriter::{DataValidation, DocProperties, ExcelDateTime, Formula, Workbook};

use super::grid::{Formats, lines_in, row_height};
use super::test_plan_read::first_sheet;
use super::test_plan_rows::PlanRow;
use crate::model::enums::Lang;

/// The testers' columns, after regl's 13.
pub const TESTER_COLUMNS: usize = 5;
const REGL_COLUMNS: u16 = 13;
/// The table's header row (0-based): after the title and a note.
const HEADER_ROW: u32 = 2;

/// What testers entered, by row id.
pub type Kept = BTreeMap<String, [String; TESTER_COLUMNS]>;

fn statuses(lang: Lang) -> [&'static str; 4] {
    match lang {
        Lang::Ru => ["не проверено", "пройдено", "не пройдено", "заблокировано"],
        Lang::En => ["not run", "passed", "failed", "blocked"],
    }
}

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
    let Some(cells) = existing.and_then(first_sheet) else {
        return Kept::new();
    };
    let mut out = Kept::new();
    for (row, cols) in cells {
        if row <= HEADER_ROW + 1 {
            continue;
        }
        let Some(id) = cols.get(&0) else { continue };
        let mut k: [String; TESTER_COLUMNS] = Default::default();
        for (i, slot) in k.iter_mut().enumerate() {
            let col = u32::from(REGL_COLUMNS) + u32::try_from(i).unwrap_or(0);
            if let Some(v) = cols.get(&col) {
                v.clone_into(slot);
            }
        }
        if k.iter().any(|v| !v.is_empty()) {
            out.insert(id.clone(), k);
        }
    }
    out
}

/// Regl's columns of an existing plan, row by row, to tell whether a re-render changes them.
pub fn regl_columns(existing: &[u8]) -> Option<Vec<Vec<String>>> {
    let cells = first_sheet(existing)?;
    Some(
        cells
            .iter()
            .filter(|(row, _)| **row > HEADER_ROW + 1)
            .map(|(_, cols)| {
                (0..u32::from(REGL_COLUMNS))
                    .map(|c| cols.get(&c).cloned().unwrap_or_default())
                    .collect()
            })
            .collect(),
    )
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
    let status = statuses(lang);
    let last_row = HEADER_ROW + u32::try_from(rows.len()).unwrap_or(0);
    {
        let ws = wb.add_worksheet();
        ws.set_name(match lang {
            Lang::Ru => "План",
            Lang::En => "Plan",
        })?;
        ws.write_with_format(0, 0, title, &fmts.title)?;
        let note = match lang {
            Lang::Ru => {
                "Колонки A–M заполняет regl; N–R — тестировщики. При повторном regl render заполненное тестировщиками сохраняется (строки сопоставляются по ID)."
            }
            Lang::En => {
                "regl fills columns A–M; testers fill N–R. A re-render by regl render keeps what testers entered (rows matched by ID)."
            }
        };
        // Across the columns regl fills, so the note wraps over the table's width and not
        // down a narrow first column onto the header row.
        ws.merge_range(1, 0, 1, REGL_COLUMNS - 1, note, &fmts.note)?;
        ws.set_row_height(1, row_height(2))?;
        for (c, h) in heads.iter().enumerate() {
            let col = u16::try_from(c).unwrap_or(0);
            ws.write_with_format(HEADER_ROW, col, *h, &fmts.header)?;
        }
        let widths: [u16; 18] = [
            14, 10, 10, 11, 9, 14, 28, 16, 18, 36, 40, 36, 24, 30, 14, 16, 12, 20,
        ];
        for (c, w) in widths.iter().enumerate() {
            ws.set_column_width(u16::try_from(c).unwrap_or(0), f64::from(*w))?;
        }
        for (i, r) in rows.iter().enumerate() {
            let row = HEADER_ROW + 1 + u32::try_from(i).unwrap_or(0);
            for (c, v) in r.cells().iter().enumerate() {
                ws.write_with_format(row, u16::try_from(c).unwrap_or(0), *v, &fmts.wrap)?;
            }
            let mine = kept.get(&r.id);
            for t in 0..TESTER_COLUMNS {
                let col = REGL_COLUMNS + u16::try_from(t).unwrap_or(0);
                let v = mine.map_or("", |k| k[t].as_str());
                let v = if t == 1 && v.is_empty() { status[0] } else { v };
                ws.write_with_format(row, col, v, &fmts.wrap)?;
            }
        }
        let dv = DataValidation::new().allow_list_strings(&status)?;
        ws.add_data_validation(
            HEADER_ROW + 1,
            REGL_COLUMNS + 1,
            last_row,
            REGL_COLUMNS + 1,
            &dv,
        )?;
        ws.set_freeze_panes(HEADER_ROW + 1, 1)?;
        ws.autofilter(HEADER_ROW, 0, last_row, REGL_COLUMNS + 4)?;
        let header_lines = heads
            .iter()
            .zip(widths)
            .map(|(h, w)| lines_in(h, usize::from(w).saturating_sub(2)))
            .max()
            .unwrap_or(1);
        ws.set_row_height(HEADER_ROW, row_height(header_lines))?;
        // Each row as tall as its longest wrapped cell, so a printed row shows its whole
        // text instead of one clipped line over the next row's.
        for (i, r) in rows.iter().enumerate() {
            let row = HEADER_ROW + 1 + u32::try_from(i).unwrap_or(0);
            let mine = kept.get(&r.id);
            let tester = (0..TESTER_COLUMNS).map(|t| mine.map_or("", |k| k[t].as_str()));
            let lines = r
                .cells()
                .iter()
                .copied()
                .chain(tester)
                .zip(widths)
                .map(|(v, w)| lines_in(v, usize::from(w).saturating_sub(2)))
                .max()
                .unwrap_or(1);
            ws.set_row_height(row, row_height(lines))?;
        }
        // Two A4 pages across, the ID on each and the header row on every page; the testers'
        // columns land on the second page of each band, to fill in by hand.
        super::print::wide_table(ws, &widths, HEADER_ROW, 1)?;
        ws.set_footer("&R&P / &N");
    }
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
        let sheet = match lang {
            Lang::Ru => "План",
            Lang::En => "Plan",
        };
        let (first, last) = (HEADER_ROW + 2, last_row + 1);
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
