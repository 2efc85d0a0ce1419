//! Laying cells out: the workbook's cell formats, a grid that sizes its columns from what
//! is written, row heights for wrapped text, and the few cell kinds the sheets share.

use rust_xlsxwriter::{Format, FormatAlign, FormatBorder, Worksheet};

use crate::render::views::ChannelView;

/// The cell formats of the workbook.
pub struct Formats {
    pub title: Format,
    pub subtitle: Format,
    pub header: Format,
    pub cell: Format,
    pub wrap: Format,
    pub label: Format,
    pub section: Format,
    pub note: Format,
}

impl Formats {
    pub fn new() -> Self {
        let base = Format::new()
            .set_font_name("Arial")
            .set_font_size(10)
            .set_align(FormatAlign::Top);
        let cell = base
            .clone()
            .set_border(FormatBorder::Thin)
            .set_border_color("BFBFBF");
        Self {
            title: base.clone().set_bold().set_font_size(14),
            subtitle: base.clone().set_font_color("595959"),
            header: cell
                .clone()
                .set_bold()
                .set_background_color("D9D9D9")
                .set_text_wrap(),
            wrap: cell.clone().set_text_wrap(),
            label: cell.clone().set_bold().set_background_color("F2F2F2"),
            cell,
            section: base.clone().set_bold().set_font_size(11),
            note: base.set_text_wrap().set_font_color("595959"),
        }
    }
}

/// A table laid out row by row: tracks column widths from what is written.
pub struct Grid<'a> {
    pub ws: &'a mut Worksheet,
    pub widths: Vec<usize>,
}

impl<'a> Grid<'a> {
    pub fn new(ws: &'a mut Worksheet, columns: usize) -> Self {
        Self {
            ws,
            widths: vec![0; columns],
        }
    }

    /// A cell that counts towards its column's width.
    pub fn put(&mut self, row: u32, col: u16, text: &str, format: &Format) -> anyhow::Result<()> {
        let longest = text
            .lines()
            .map(|line| line.chars().count())
            .max()
            .unwrap_or(0);
        let w = &mut self.widths[usize::from(col)];
        *w = (*w).max(longest);
        self.ws.write_string_with_format(row, col, text, format)?;
        Ok(())
    }

    /// Makes column `col` wide enough for `text` written elsewhere (labels below a table).
    pub fn fit(&mut self, col: u16, text: &str) {
        let w = &mut self.widths[usize::from(col)];
        *w = (*w).max(text.chars().count());
    }

    /// Gives `row` the height its wrapped `cells` need, as (column, text): `LibreOffice`
    /// does not grow rows with wrapped text on opening a file, and a fixed height reads
    /// the same everywhere.
    pub fn fit_row(&mut self, row: u32, cells: &[(u16, &str)]) -> anyhow::Result<()> {
        let lines = cells
            .iter()
            .map(|(col, text)| lines_in(text, self.widths[usize::from(*col)]))
            .max()
            .unwrap_or(1);
        if lines > 1 {
            self.ws.set_row_height(row, row_height(lines))?;
        }
        Ok(())
    }

    /// Sets each column to fit its longest line, within reason: wide text wraps instead.
    pub fn size_columns(&mut self, min: usize, max: usize) -> anyhow::Result<()> {
        for col in 0..self.widths.len() {
            let w = self.widths[col];
            let chars = w.clamp(min, max) + 2;
            self.widths[col] = chars;
            let col = u16::try_from(col).unwrap_or(u16::MAX);
            self.ws
                .set_column_width(col, f64::from(u16::try_from(chars).unwrap_or(60)))?;
        }
        Ok(())
    }

    /// Sets column `col` to `chars` wide, whatever its content.
    pub fn set_width(&mut self, col: u16, chars: u16) -> anyhow::Result<()> {
        self.widths[usize::from(col)] = usize::from(chars);
        self.ws.set_column_width(col, f64::from(chars))?;
        Ok(())
    }
}

/// Approximate printed lines of `text` in a merged block `chars` wide: merged cells do not
/// grow with their text in Excel, so their row height is set from this.
pub fn lines_in(text: &str, chars: usize) -> u32 {
    let lines: usize = text
        .lines()
        .map(|line| line.chars().count().div_ceil(chars.max(1)).max(1))
        .sum();
    u32::try_from(lines.max(1)).unwrap_or(1)
}

/// Row height in points for `lines` lines of 10-point Arial.
pub fn row_height(lines: u32) -> f64 {
    13.0 * f64::from(lines) + 2.0
}

/// Excel refuses header and footer texts over 255 UTF-16 units; `&` starts a code there.
pub fn header_text(s: &str, max_chars: usize) -> String {
    let mut out: String = s.chars().take(max_chars).collect();
    if s.chars().count() > max_chars {
        out.push('…');
    }
    out.replace('&', "&&")
}

/// "≥ 60 %" as a number, so a manager can compare it with a report's figure.
pub fn write_share(
    ws: &mut Worksheet,
    row: u32,
    col: u16,
    share: f64,
    sign: &str,
    cell: &Format,
    space_before_percent: bool,
) -> anyhow::Result<()> {
    let percent = share * 100.0;
    // A target such as 0.285 keeps its tenth of a percent.
    let digits = if (percent - percent.round()).abs() < 1e-9 {
        "0%"
    } else {
        "0.0%"
    };
    let format = cell.clone().set_num_format(format!("\"{sign} \"{digits}"));
    // Russian typography puts a non-breaking space before the percent sign; the sign itself
    // stays outside the quotes so the cell keeps scaling the share to a percentage.
    let format = if space_before_percent {
        cell.clone().set_num_format(format!(
            "\"{sign} \"{}\"\u{a0}\"%",
            digits.trim_end_matches('%')
        ))
    } else {
        format
    };
    ws.write_number_with_format(row, col, share, &format)?;
    Ok(())
}

/// A channel as the documents name it, capitalised for a table cell; Meta's messengers carry
/// the footnote mark that explains their status in Russia.
pub fn cell_name(channel: &ChannelView<'_>) -> String {
    let mut chars = channel.name.chars();
    let mut out: String = chars
        .next()
        .map(|c| c.to_uppercase().collect())
        .unwrap_or_default();
    out.push_str(chars.as_str());
    if channel.meta {
        out.push('*');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn header_texts_escape_ampersands_and_stay_short() {
        assert_eq!(header_text("A & B", 60), "A && B");
        assert_eq!(header_text(&"я".repeat(300), 100).chars().count(), 101);
    }
}
