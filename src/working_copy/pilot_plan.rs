//! Where the pilot plan's table is (`test-plan-<loc>.xlsx`, SPEC §7): `render` writes it,
//! lint reads the testers' status column back (a failed row is D407).

use super::Layout;
use crate::model::enums::Lang;

/// The plan's table: the title, a note, then the header; regl's 13 columns, the testers' 5.
pub const LAYOUT: Layout = Layout {
    sheet: 0,
    header_row: 2,
    regl_columns: 13,
    people_columns: 5,
};

/// The testers' column holding the status (0-based among theirs).
pub const STATUS_COLUMN: u16 = 1;

/// The plan sheet's name, as findings point at its cells.
pub fn sheet_name(lang: Lang) -> &'static str {
    match lang {
        Lang::Ru => "План",
        Lang::En => "Plan",
    }
}
