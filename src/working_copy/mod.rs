//! Working copies (SPEC §7): the sheets people fill in — the pilot plan, the launch
//! checklist, the staff acknowledgement. Each has one table whose first columns regl writes
//! (an id first) and whose last columns are people's. What sits here is what `render` and
//! `lint` both need, below both: where the table is ([`Layout`]), reading what people
//! entered back by row id ([`Layout::kept`]), the checklist's steps ([`checklist`]) and the
//! words of the status drop-downs ([`status`]).
//!
//! `render` writes a working copy when absent and, when present, rewrites regl's columns
//! and keeps people's, rows matched by id; lint reads the status columns (D405–D408).

pub mod acknowledgement;
pub mod checklist;
pub mod pilot_plan;
pub mod read;
pub mod status;

use std::collections::BTreeMap;

/// Where a working copy's table is and which of its columns are whose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Layout {
    /// The sheet people fill in, 0-based in the workbook's order.
    pub sheet: usize,
    /// The table's header row, 0-based; data rows follow it.
    pub header_row: u32,
    /// regl's columns, from the first (the row id).
    pub regl_columns: u16,
    /// People's columns, after regl's.
    pub people_columns: u16,
}

/// A row people entered something in, as it was read back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct KeptRow {
    /// regl's columns as the file holds them (to keep a row regl no longer makes, such as
    /// a signature under an earlier version).
    pub regl: Vec<String>,
    /// People's columns, `people_columns` of them.
    pub people: Vec<String>,
    /// The row's number in the sheet (1-based, as a spreadsheet shows it).
    pub row: u32,
}

/// What people entered, by row id.
pub type Kept = BTreeMap<String, KeptRow>;

impl Layout {
    /// The first data row, 1-based as a spreadsheet numbers it.
    pub fn first_data_row(self) -> u32 {
        self.header_row + 2
    }

    /// Every data row of an existing workbook by id, with its columns; `None` when the bytes
    /// are not a workbook with this sheet.
    pub fn rows(self, existing: &[u8]) -> Option<Kept> {
        let cells = read::sheet(existing, self.sheet)?;
        let mut out = Kept::new();
        for (row, cols) in cells {
            if row < self.first_data_row() {
                continue;
            }
            let Some(id) = cols.get(&0) else { continue };
            let column = |c: u32| cols.get(&c).cloned().unwrap_or_default();
            let regl = (0..u32::from(self.regl_columns)).map(column).collect();
            let people = (0..u32::from(self.people_columns))
                .map(|i| column(u32::from(self.regl_columns) + i))
                .collect();
            out.insert(id.clone(), KeptRow { regl, people, row });
        }
        Some(out)
    }

    /// The rows of an existing workbook where people entered something, by id; empty when
    /// there is no workbook. `blank` gives, per people's column, the value regl itself
    /// writes there (a status drop-down's first choice), which is not an entry.
    pub fn kept(self, existing: Option<&[u8]>, blank: &[&str]) -> Kept {
        let Some(mut rows) = existing.and_then(|b| self.rows(b)) else {
            return Kept::new();
        };
        rows.retain(|_, r| {
            r.people
                .iter()
                .enumerate()
                .any(|(i, v)| !v.is_empty() && blank.get(i).is_none_or(|b| b != v))
        });
        rows
    }

    /// What regl wrote in a workbook: the rows above the table whole, and regl's columns
    /// of its rows, in order.
    pub fn regl_cells(self, bytes: &[u8]) -> Option<Vec<Vec<String>>> {
        let cells = read::sheet(bytes, self.sheet)?;
        Some(
            cells
                .iter()
                .map(|(row, cols)| {
                    if *row < self.first_data_row() {
                        return cols.values().cloned().collect();
                    }
                    (0..u32::from(self.regl_columns))
                        .map(|c| cols.get(&c).cloned().unwrap_or_default())
                        .collect()
                })
                .collect(),
        )
    }

    /// Whether `old` (as people saved it) already says what regl would write in `new`: the
    /// same regl cells on the working sheet, and the same text on each of `other_sheets`
    /// (sheets regl alone writes). Then the file is current and left as people saved it.
    pub fn same_regl(self, old: &[u8], new: &[u8], other_sheets: &[usize]) -> bool {
        let working =
            self.regl_cells(old).is_some() && self.regl_cells(old) == self.regl_cells(new);
        working
            && other_sheets.iter().all(|&i| {
                read::sheet(old, i).is_some() && read::sheet(old, i) == read::sheet(new, i)
            })
    }

    /// The cell of people's column `people_column` in sheet row `row`: `H12`.
    pub fn cell(self, people_column: u16, row: u32) -> String {
        let col = u32::from(self.regl_columns + people_column);
        format!("{}{row}", read::column_letters(col))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_are_named_as_a_spreadsheet_names_them() {
        let l = Layout {
            sheet: 0,
            header_row: 2,
            regl_columns: 7,
            people_columns: 3,
        };
        assert_eq!(l.first_data_row(), 4);
        assert_eq!(l.cell(0, 4), "H4");
        assert_eq!(l.cell(2, 30), "J30");
    }
}
