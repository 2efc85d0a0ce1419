//! The register sheet: one row per purpose of processing.

use rust_xlsxwriter::Worksheet;

use super::{Words, table, title};
use crate::render::views::pd_register::PdRegister;
use crate::render::xlsx::grid::Formats;

const WIDTHS: [u16; 12] = [5, 24, 30, 20, 22, 30, 26, 20, 22, 28, 30, 26];

pub fn write(
    ws: &mut Worksheet,
    view: &PdRegister<'_>,
    words: &Words,
    fmts: &Formats,
) -> anyhow::Result<()> {
    ws.set_name(words.sheet_register)?;
    let row = title(
        ws,
        view,
        words.register_title,
        words.register_note,
        words,
        fmts,
    )?;
    let rows: Vec<Vec<(String, &rust_xlsxwriter::Format)>> = view
        .purposes
        .iter()
        .enumerate()
        .map(|(i, p)| {
            [
                (i + 1).to_string(),
                p.purpose.clone(),
                p.data.clone(),
                p.special.clone(),
                p.subjects.clone(),
                p.basis.clone(),
                p.actions.clone(),
                p.means.clone(),
                p.retention.clone(),
                p.destruction.clone(),
                p.processors.clone(),
                p.storage.clone(),
            ]
            .into_iter()
            .map(|t| (t, &fmts.wrap))
            .collect()
        })
        .collect();
    let end = table(ws, row, &WIDTHS, 2, &words.register_head, &rows, fmts)?;
    ws.set_freeze_panes(row + 1, 2)?;
    ws.autofilter(row, 0, end - 1, 11)?;
    Ok(())
}
