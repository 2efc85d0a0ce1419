//! Writing a working copy's table (SPEC §7), the same way for the pilot plan, the launch
//! checklist and the staff acknowledgement: a title and a few lines above the header,
//! regl's columns written fresh, people's columns taken from what they entered (rows
//! matched by id), a status drop-down, and a print setup that reads on paper (landscape A4,
//! one page wide, the header repeated on every page, page numbers in the footer).

use rust_xlsxwriter::{DataValidation, Worksheet};

use super::grid::{Formats, header_text, lines_in, row_height};
use crate::model::enums::Lang;
use crate::working_copy::{Kept, Layout};

/// One working copy's table.
pub struct Table<'a> {
    pub layout: Layout,
    pub sheet_name: &'a str,
    pub title: &'a str,
    /// Lines between the title and the header: `layout.header_row - 1` of them.
    pub lines: &'a [String],
    /// regl's headers, then people's.
    pub headers: &'a [&'a str],
    /// Column widths in characters, one per header.
    pub widths: &'a [u16],
    /// People's column with a drop-down, and its choices; the first is written where
    /// nobody chose yet.
    pub status: Option<(u16, &'a [&'a str])>,
    /// The footer's left text (version, date).
    pub footer: &'a str,
    /// Each row at least this many lines high (room for a signature on paper).
    pub min_lines: u32,
}

/// Writes the table: `rows` are regl's columns, the id first; people's come from `kept` by
/// that id. Returns the last row written (0-based).
/// The page footer of a sheet people sign against: the documents' version and the day it
/// takes effect, so a printed page shows which version it belongs to.
pub fn version_footer(lang: Lang, version: &str, effective: chrono::NaiveDate) -> String {
    let word = match lang {
        Lang::Ru => "Версия",
        Lang::En => "Version",
    };
    format!("{word} {version} · {}", effective.format("%Y-%m-%d"))
}

pub fn write(
    ws: &mut Worksheet,
    fmts: &Formats,
    t: &Table<'_>,
    rows: &[Vec<String>],
    kept: &Kept,
) -> anyhow::Result<u32> {
    let l = t.layout;
    ws.set_name(t.sheet_name)?;
    ws.write_with_format(0, 0, t.title, &fmts.title)?;
    let total: usize = t.widths.iter().map(|w| usize::from(*w)).sum();
    let last_column = u16::try_from(t.widths.len().saturating_sub(1))?;
    for (i, line) in t.lines.iter().enumerate() {
        note(ws, fmts, 1 + u32::try_from(i)?, line, last_column, total)?;
    }
    for (c, h) in t.headers.iter().enumerate() {
        ws.write_with_format(l.header_row, u16::try_from(c)?, *h, &fmts.header)?;
    }
    for (c, w) in t.widths.iter().enumerate() {
        ws.set_column_width(u16::try_from(c)?, f64::from(*w))?;
    }
    let mut row = l.header_row;
    for regl in rows {
        row += 1;
        let mine = kept.get(regl.first().map_or("", String::as_str));
        let mut cells: Vec<String> = regl.clone();
        cells.resize(usize::from(l.regl_columns), String::new());
        for p in 0..l.people_columns {
            let v = mine.map_or("", |k| {
                k.people.get(usize::from(p)).map_or("", String::as_str)
            });
            let v = match t.status {
                Some((at, words)) if at == p && v.is_empty() => {
                    words.first().copied().unwrap_or("")
                }
                _ => v,
            };
            cells.push(v.to_owned());
        }
        // Unformatted here, the whole body formatted at once below: rust_xlsxwriter hashes
        // and compares the whole format for every cell written with one, which was a
        // seventh of a render's time.
        for (c, v) in cells.iter().enumerate() {
            ws.write(row, u16::try_from(c)?, v.as_str())?;
        }
        let lines = cells
            .iter()
            .zip(t.widths)
            .map(|(v, w)| lines_in(v, usize::from(*w)))
            .max()
            .unwrap_or(1)
            .max(t.min_lines);
        if lines > 1 {
            ws.set_row_height(row, row_height(lines))?;
        }
    }
    let columns = l.regl_columns + l.people_columns;
    if row > l.header_row {
        // Every body cell, blank ones too, with the wrapped and bordered format.
        ws.set_range_format(l.header_row + 1, 0, row, columns - 1, &fmts.wrap)?;
    }
    let last = row.max(l.header_row + 1);
    if let Some((at, words)) = t.status {
        let dv = DataValidation::new().allow_list_strings(words)?;
        let col = l.regl_columns + at;
        ws.add_data_validation(l.header_row + 1, col, last, col, &dv)?;
    }
    ws.set_freeze_panes(l.header_row + 1, 1)?;
    ws.autofilter(l.header_row, 0, row, columns - 1)?;
    let header_lines = t
        .headers
        .iter()
        .zip(t.widths)
        .map(|(h, w)| lines_in(h, usize::from(*w).saturating_sub(2)))
        .max()
        .unwrap_or(1);
    ws.set_row_height(l.header_row, row_height(header_lines))?;
    // As many A4 pages across as keep the text readable, the id column on each.
    super::print::wide_table(ws, t.widths, l.header_row, 1)?;
    ws.set_header(format!("&L&\"Arial\"&9{}", header_text(t.title, 100)))
        .set_footer(format!(
            "&L&\"Arial\"&9{}&R&\"Arial\"&9&P / &N",
            header_text(t.footer, 100)
        ));
    Ok(row)
}

/// A line of text above a table, across its `0..=last_column` columns (`chars` wide in all),
/// as high as its wrapped text: in the first column alone it would wrap into a sliver.
pub fn note(
    ws: &mut Worksheet,
    fmts: &Formats,
    row: u32,
    text: &str,
    last_column: u16,
    chars: usize,
) -> anyhow::Result<()> {
    if last_column == 0 {
        ws.write_with_format(row, 0, text, &fmts.note)?;
    } else {
        ws.merge_range(row, 0, row, last_column, text, &fmts.note)?;
    }
    let lines = lines_in(text, chars.saturating_sub(4));
    if lines > 1 {
        ws.set_row_height(row, row_height(lines))?;
    }
    Ok(())
}
