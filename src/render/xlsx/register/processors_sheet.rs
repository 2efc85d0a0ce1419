//! The processors sheet: every company that receives client data, whether it works under
//! the operator's instruction, and for those that do, a drop-down per item of ч. 3 ст. 6 to
//! mark against the vendor's contract or offer, with the document's edition beside them.

use rust_xlsxwriter::{DataValidation, Worksheet};

use super::{Words, table, title};
use crate::render::views::pd_register::{PdRegister, instruction_items};
use crate::render::xlsx::grid::Formats;

/// The company's columns, then the eight items, the document and what to do.
const WIDTHS: [u16; 18] = [
    16, 22, 13, 24, 14, 34, 12, 24, 12, 12, 12, 12, 14, 14, 12, 14, 26, 22,
];

pub fn write(
    ws: &mut Worksheet,
    view: &PdRegister<'_>,
    words: &Words,
    fmts: &Formats,
) -> anyhow::Result<()> {
    ws.set_name(words.sheet_processors)?;
    let row = title(
        ws,
        view,
        words.processors_title,
        words.processors_note,
        words,
        fmts,
    )?;
    let items = instruction_items(view.common.lang);
    let mut header: Vec<&str> = words.processors_head.to_vec();
    header.extend(items);
    header.push(words.offer);
    header.push(words.comment);
    let grey = fmts.wrap.clone().set_font_color("808080");
    let rows: Vec<Vec<(String, &rust_xlsxwriter::Format)>> = view
        .processors
        .iter()
        .map(|p| {
            let mut cells: Vec<(String, &rust_xlsxwriter::Format)> = [
                &p.name,
                &p.legal_name,
                &p.inn,
                &p.address,
                &p.role,
                &p.data,
                &p.country,
                &p.basis,
            ]
            .into_iter()
            .map(|t| (t.clone(), &fmts.wrap))
            .collect();
            for _ in 0..items.len() {
                if p.instructed {
                    cells.push((String::new(), &fmts.wrap));
                } else {
                    cells.push((words.not_needed.to_owned(), &grey));
                }
            }
            cells.push((String::new(), &fmts.wrap));
            cells.push((String::new(), &fmts.wrap));
            cells
        })
        .collect();
    let end = table(ws, row, &WIDTHS, 1, &header, &rows, fmts)?;
    ws.set_freeze_panes(row + 1, 1)?;
    let marks = DataValidation::new().allow_list_strings(&words.marks)?;
    let first_item = u16::try_from(words.processors_head.len()).unwrap_or(8);
    let last_item = first_item + u16::try_from(items.len()).unwrap_or(8) - 1;
    for (r, p) in (row + 1..end).zip(&view.processors) {
        if p.instructed {
            ws.add_data_validation(r, first_item, r, last_item, &marks)?;
        }
    }
    Ok(())
}
