//! Tables in `word/document.xml`: their fixed properties and grid, rows that never
//! split across pages, a header row that repeats on each page, and the data
//! tables of the model with columns sized to their content ([`super::columns`]).

use std::fmt::Write as _;

use super::TEXT_WIDTH;
use super::body::Body;
use super::columns::{column_widths, widest_word};
use super::paragraph::{PPr, Spacing, close_paragraph};
use super::run::Fmt;
use crate::render::doc::{Inline, plain_text};

const HEADER_FILL: &str = "D9D9D9";
/// The least height of a row written in by hand: 1.2 cm, in twips.
pub(super) const FORM_ROW_HEIGHT: u32 = 680;
pub(super) const LABEL_FILL: &str = "F2F2F2";

const TABLE_PROPERTIES: &str = concat!(
    "<w:tblPr><w:tblW w:w=\"9355\" w:type=\"dxa\"/><w:jc w:val=\"left\"/><w:tblBorders>",
    "<w:top w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>",
    "<w:left w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>",
    "<w:bottom w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>",
    "<w:right w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>",
    "<w:insideH w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>",
    "<w:insideV w:val=\"single\" w:sz=\"4\" w:space=\"0\" w:color=\"808080\"/>",
    "</w:tblBorders><w:tblLayout w:type=\"fixed\"/></w:tblPr>",
);

impl Body {
    /// Opens a table with columns `widths`, after what must come between it and the
    /// block before.
    pub(super) fn open_table(&mut self, widths: &[u32]) {
        // The paragraph that leads into a table («…ч. 3.1 ст. 21):») stays on its page.
        if !self.pending_break && !self.after_table {
            self.restyle_last(|p| p.keep_next = true);
        }
        if std::mem::take(&mut self.pending_break) {
            self.filler(PPr::default(), "<w:r><w:br w:type=\"page\"/></w:r>");
        } else if self.after_table {
            // Adjacent tables would merge into one in Word and LibreOffice.
            self.filler(
                PPr {
                    spacing: Some(Spacing::BeforeAfter(0, 0)),
                    ..PPr::default()
                },
                "",
            );
        }
        self.xml.push_str("<w:tbl>");
        self.xml.push_str(TABLE_PROPERTIES);
        self.xml.push_str("<w:tblGrid>");
        for w in widths {
            let _ = write!(self.xml, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.xml.push_str("</w:tblGrid>");
    }

    pub(super) fn close_table(&mut self) {
        self.xml.push_str("</w:tbl>");
        self.last = None;
        self.after_table = true;
    }

    /// A row that is never split across pages; a header row (`header`) repeats at the
    /// top of every page the table runs onto.
    pub(super) fn row<'i>(
        &mut self,
        header: bool,
        cells: impl Iterator<Item = (u32, Option<&'static str>, bool, &'i [Inline])>,
    ) {
        self.xml.push_str(if header {
            "<w:tr><w:trPr><w:cantSplit/><w:tblHeader/></w:trPr>"
        } else {
            "<w:tr><w:trPr><w:cantSplit/></w:trPr>"
        });
        for (width, fill, bold, inlines) in cells {
            let _ = write!(
                self.xml,
                "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/>"
            );
            if let Some(fill) = fill {
                let _ = write!(
                    self.xml,
                    "<w:shd w:val=\"clear\" w:color=\"auto\" w:fill=\"{fill}\"/>"
                );
            }
            self.xml.push_str("</w:tcPr>");
            let start = self.xml.len();
            self.xml.push_str("<w:p>");
            PPr::style("TableText").write(&mut self.xml);
            self.inlines(
                inlines,
                Fmt {
                    bold,
                    ..Fmt::default()
                },
            );
            close_paragraph(&mut self.xml, start);
            self.xml.push_str("</w:tc>");
        }
        self.xml.push_str("</w:tr>");
    }

    /// A form filled in by hand with a pen: the label column takes two fifths of the width
    /// and the columns written in share the rest, and every row is at least
    /// [`FORM_ROW_HEIGHT`] high, so a patient has room to write.
    pub(super) fn form_table(&mut self, header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) {
        let columns = rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(header.len()))
            .max()
            .unwrap_or(0)
            .max(1);
        let label = if columns == 1 {
            TEXT_WIDTH
        } else {
            TEXT_WIDTH * 2 / 5
        };
        let mut widths = vec![label];
        if columns > 1 {
            let each = (TEXT_WIDTH - label) / u32::try_from(columns - 1).unwrap_or(1);
            widths.extend(std::iter::repeat_n(each, columns - 1));
            let sum: u32 = widths.iter().sum();
            if let Some(last) = widths.last_mut() {
                *last += TEXT_WIDTH - sum;
            }
        }
        self.open_table(&widths);
        if !header.is_empty() {
            self.row(
                true,
                (0..columns).map(|i| (widths[i], Some(HEADER_FILL), true, cell_at(header, i))),
            );
        }
        for row in rows {
            let start = self.xml.len();
            self.row(
                false,
                (0..columns).map(|i| {
                    let fill = (i == 0).then_some(LABEL_FILL);
                    (widths[i], fill, false, cell_at(row, i))
                }),
            );
            // The row's height, in the row properties `row` just wrote.
            let props = "<w:tr><w:trPr><w:cantSplit/>";
            if self.xml[start..].starts_with(props) {
                self.xml.insert_str(
                    start + props.len(),
                    &format!("<w:trHeight w:val=\"{FORM_ROW_HEIGHT}\" w:hRule=\"atLeast\"/>"),
                );
            }
        }
        self.close_table();
    }

    /// A table with a bold, shaded header row that repeats on every page.
    pub(super) fn data_table(&mut self, header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) {
        let columns = rows
            .iter()
            .map(Vec::len)
            .chain(std::iter::once(header.len()))
            .max()
            .unwrap_or(0)
            .max(1);
        let lengths: Vec<Vec<usize>> = std::iter::once(header)
            .chain(rows.iter().map(Vec::as_slice))
            .map(|row| {
                (0..columns)
                    .map(|i| plain_text(cell_at(row, i)).chars().count())
                    .collect()
            })
            .collect();
        // The widest unbreakable word of each column, as it will be set (the header bold).
        let word_widths: Vec<u32> = (0..columns)
            .map(|i| {
                let header_word = widest_word(&plain_text(cell_at(header, i)), true);
                rows.iter()
                    .map(|row| widest_word(&plain_text(cell_at(row, i)), false))
                    .fold(header_word, u32::max)
            })
            .collect();
        let widths = column_widths(&lengths, &word_widths, TEXT_WIDTH);

        self.open_table(&widths);
        if !header.is_empty() {
            self.row(
                true,
                (0..columns).map(|i| (widths[i], Some(HEADER_FILL), true, cell_at(header, i))),
            );
        }
        for row in rows {
            // A row read across a page break loses its meaning: keep each row whole.
            self.row(
                false,
                (0..columns).map(|i| (widths[i], None, false, cell_at(row, i))),
            );
        }
        self.close_table();
    }
}

/// The inlines of cell `i` of `row`; none past its end.
fn cell_at(row: &[Vec<Inline>], i: usize) -> &[Inline] {
    row.get(i).map_or(&[][..], Vec::as_slice)
}
