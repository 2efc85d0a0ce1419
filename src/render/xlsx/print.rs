//! How a wide table prints: A4 landscape, the header row on every page, and as many pages
//! across as keep the text near its size — never one page for a table three pages wide,
//! which prints at a third of its size and cannot be read.
//!
//! When a table takes more than one page across, its key columns (the row's id, the
//! purpose, the processor) repeat at the left of each page, and pages go across before
//! down, so the halves of a row band come out one after the other.

use rust_xlsxwriter::Worksheet;

/// Characters of column width an A4 landscape page holds at three-quarters of the size,
/// still read without effort (about 150 at full size between narrow margins).
const CHARS_ACROSS_A4: u32 = 200;

/// Sets up `ws`, a table of `widths` (characters) with its header at `header_row`, whose
/// first `key_columns` identify a row.
pub fn wide_table(
    ws: &mut Worksheet,
    widths: &[u16],
    header_row: u32,
    key_columns: u16,
) -> anyhow::Result<()> {
    let total: u32 = widths.iter().map(|w| u32::from(*w)).sum();
    let keys: u32 = widths
        .iter()
        .take(usize::from(key_columns))
        .map(|w| u32::from(*w))
        .sum();
    let mut across = total.div_ceil(CHARS_ACROSS_A4).max(1);
    if across > 1 {
        // Each page after the first repeats the key columns.
        across = (total + keys * (across - 1)).div_ceil(CHARS_ACROSS_A4);
    }
    let across = u16::try_from(across).unwrap_or(1);
    ws.set_paper_size(9) // A4
        .set_landscape()
        .set_margins(0.4, 0.4, 0.6, 0.6, 0.3, 0.3)
        .set_print_fit_to_pages(across, 0);
    ws.set_repeat_rows(header_row, header_row)?;
    if across > 1 && key_columns > 0 {
        ws.set_repeat_columns(0, key_columns - 1)?;
        ws.set_page_order(false);
    }
    Ok(())
}
