//! The operator's register workbook (`OUT/pd-register.xlsx`): the register per purpose, the
//! draft of the Roskomnadzor notice with what a new city changes, and the processors to
//! review against ч. 3 ст. 6 152-FZ, with a drop-down per item for the person who reads the
//! vendor's offer.
//!
//! Each sheet is a table of wrapped text in fixed columns, sized for A4 landscape, with the
//! title and the operator above it and the document control in the page header and footer.

mod notice_sheet;
mod processors_sheet;
mod purposes_sheet;
mod words;

use anyhow::Context;
use rust_xlsxwriter::{DocProperties, ExcelDateTime, Format, Workbook, Worksheet};

use super::grid::{Formats, header_text, lines_in, row_height};
use crate::render::kind::DocKind;
use crate::render::views::pd_register::PdRegister;

pub use words::Words;

/// Writes the register workbook.
pub fn write_pd_register(view: &PdRegister<'_>) -> anyhow::Result<Vec<u8>> {
    let common = view.common;
    let (business, control) = (&common.business, &common.document);
    let words = words::words(common.lang);
    let fmts = Formats::new();
    let created = control.effective_on;
    let date = {
        use chrono::Datelike;
        let year = u16::try_from(created.year()).context("effective_date before year 0")?;
        let month = u8::try_from(created.month()).unwrap_or(1);
        let day = u8::try_from(created.day()).unwrap_or(1);
        ExcelDateTime::from_ymd(year, month, day)
            .context("effective_date is outside what a spreadsheet can hold")?
    };
    let props = DocProperties::new()
        .set_title(view.title)
        .set_subject(format!("{}: {}", view.title, business.name))
        .set_author(control.owner)
        .set_manager(control.approved_by)
        .set_company(business.legal_name)
        .set_keywords(format!("regl; {}", DocKind::PdRegister.stem()))
        .set_comment(format!("{} {}", words.version, control.version))
        .set_creation_datetime(&date);
    let mut wb = Workbook::new();
    wb.set_properties(&props);
    let header = format!(
        "&L&\"Arial\"&9{}&R&\"Arial\"&9{}",
        header_text(view.title, 60),
        header_text(business.legal_name, 100)
    );
    let footer = format!(
        "&L&\"Arial\"&9{}&R&\"Arial\"&9{} &P {} &N",
        header_text(
            &format!(
                "{} {} · {}",
                words.version, control.version, control.effective_date
            ),
            100
        ),
        words.page,
        words.of
    );
    purposes_sheet::write(wb.add_worksheet(), view, &words, &fmts)?;
    notice_sheet::write(wb.add_worksheet(), view, &words, &fmts)?;
    processors_sheet::write(wb.add_worksheet(), view, &words, &fmts)?;
    for ws in wb.worksheets_mut() {
        // Paper, orientation and fit are each table's (`table`): they depend on its width.
        ws.set_header(&header).set_footer(&footer);
    }
    wb.save_to_buffer().context("writing the PD register")
}

/// The sheet's title, the operator and version, and a note; the table starts below them.
fn title(
    ws: &mut Worksheet,
    view: &PdRegister<'_>,
    heading: &str,
    note: &str,
    words: &Words,
    fmts: &Formats,
) -> anyhow::Result<u32> {
    let b = &view.common.business;
    let d = &view.common.document;
    ws.write_string_with_format(0, 0, heading, &fmts.title)?;
    let sub = format!(
        "{} · {} {}, {}",
        b.legal_name, words.version, d.version, d.effective_date
    );
    ws.write_string_with_format(1, 0, &sub, &fmts.subtitle)?;
    ws.write_string_with_format(2, 0, note, &fmts.subtitle)?;
    Ok(4)
}

/// A table of wrapped cells in columns of `widths` characters: the header at `row`, then
/// the rows, each as tall as its longest cell, printed with its first `key_columns` on every
/// page across. Returns the row after the table.
fn table(
    ws: &mut Worksheet,
    row: u32,
    widths: &[u16],
    key_columns: u16,
    header: &[&str],
    rows: &[Vec<(String, &Format)>],
    fmts: &Formats,
) -> anyhow::Result<u32> {
    for (col, w) in (0u16..).zip(widths) {
        ws.set_column_width(col, f64::from(*w))?;
    }
    let fit = |cells: &mut dyn Iterator<Item = &str>| {
        cells
            .zip(widths)
            .map(|(text, w)| lines_in(text, usize::from(*w).saturating_sub(2)))
            .max()
            .unwrap_or(1)
    };
    for (col, h) in (0u16..).zip(header) {
        ws.write_string_with_format(row, col, *h, &fmts.header)?;
    }
    let lines = fit(&mut header.iter().copied());
    ws.set_row_height(row, row_height(lines))?;
    let mut r = row;
    for cells in rows {
        r += 1;
        for (col, (text, format)) in (0u16..).zip(cells) {
            ws.write_string_with_format(r, col, text, format)?;
        }
        let lines = fit(&mut cells.iter().map(|(t, _)| t.as_str()));
        ws.set_row_height(r, row_height(lines))?;
    }
    super::print::wide_table(ws, widths, row, key_columns)?;
    Ok(r + 1)
}
