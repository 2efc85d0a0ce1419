//! The notice sheet: each item of ч. 3 ст. 22 with the text to file and where it comes
//! from, the to-dos marked, and below it what a new city changes.

use rust_xlsxwriter::Worksheet;

use super::{Words, table, title};
use crate::render::views::pd_register::PdRegister;
use crate::render::xlsx::grid::{Formats, lines_in, row_height};

const WIDTHS: [u16; 5] = [12, 34, 70, 30, 16];

pub fn write(
    ws: &mut Worksheet,
    view: &PdRegister<'_>,
    words: &Words,
    fmts: &Formats,
) -> anyhow::Result<()> {
    ws.set_name(words.sheet_notice)?;
    let row = title(ws, view, words.notice_title, words.notice_note, words, fmts)?;
    let todo = fmts.wrap.clone().set_background_color("FFF2CC");
    let rows: Vec<Vec<(String, &rust_xlsxwriter::Format)>> = view
        .notice
        .iter()
        .map(|n| {
            let state = if n.todo {
                words.to_do
            } else {
                words.from_config
            };
            let value_format = if n.todo { &todo } else { &fmts.wrap };
            vec![
                (n.item.to_owned(), &fmts.wrap),
                (n.asks.clone(), &fmts.wrap),
                (n.value.clone(), value_format),
                (n.source.to_owned(), &fmts.wrap),
                (state.to_owned(), value_format),
            ]
        })
        .collect();
    let end = table(ws, row, &WIDTHS, 1, &words.notice_head, &rows, fmts)?;
    ws.set_freeze_panes(row + 1, 0)?;

    // What a new city changes: the item in the second column, what to do across the next
    // two, numbered like the rows above.
    let start = end + 1;
    ws.write_string_with_format(start, 0, words.new_city_title, &fmts.section)?;
    let head = start + 1;
    ws.write_string_with_format(head, 0, "№", &fmts.header)?;
    ws.write_string_with_format(head, 1, words.new_city_head[0], &fmts.header)?;
    ws.merge_range(head, 2, head, 3, words.new_city_head[1], &fmts.header)?;
    for (i, (r, (what, action))) in (head + 1..).zip(&view.new_city).enumerate() {
        ws.write_string_with_format(r, 0, (i + 1).to_string(), &fmts.wrap)?;
        ws.write_string_with_format(r, 1, what, &fmts.wrap)?;
        ws.merge_range(r, 2, r, 3, action, &fmts.wrap)?;
        let lines = lines_in(action, 96).max(lines_in(what, 32));
        ws.set_row_height(r, row_height(lines))?;
    }
    Ok(())
}
