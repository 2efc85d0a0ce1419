//! What the working-copy rules (D405–D408) read: a location's working copy as the manifest
//! lists it, its rows read back by id, and where a finding about it points. A file is read
//! only when the manifest lists it and it exists, so a business that never rendered (or a
//! pre-commit hook on a config change) pays nothing for the sheets.

use std::ops::Range;

use chrono::NaiveDate;

use super::Context;
use crate::diag::FileId;
use crate::model::business::Location;
use crate::working_copy::{Kept, Layout};

/// One working copy read back.
pub struct Sheet {
    /// The file as the manifest names it: `ufa/launch-checklist-ufa.xlsx`.
    pub path: String,
    /// The manifest, and the span of the entry's path in it, for the finding's place.
    pub manifest: FileId,
    pub span: Range<usize>,
    pub rows: Kept,
}

/// `document` (`launch-checklist`, `test-plan`, `acknowledgement`) of `location`, read with
/// `layout`; `None` when it was never rendered, is gone, or is not a workbook.
pub fn read(cx: &Context<'_>, document: &str, location: &str, layout: Layout) -> Option<Sheet> {
    let docs = cx.documents?;
    let r = docs.manifest.as_ref()?;
    let (i, e) = r
        .manifest
        .outputs
        .iter()
        .enumerate()
        .find(|(_, e)| e.document == document && e.belongs_to(location))?;
    let file = docs.out_dir.join(&e.path);
    if !super::documents::regular_file(&file) {
        return None;
    }
    let bytes = std::fs::read(&file).ok()?;
    Some(Sheet {
        path: e.path.clone(),
        manifest: r.file,
        span: r.entry_span(i),
        rows: layout.rows(&bytes)?,
    })
}

/// The location's opening day when it has passed (is before today).
pub fn opened(cx: &Context<'_>, loc: &Location) -> Option<NaiveDate> {
    loc.launch_date
        .as_ref()
        .map(|d| d.value)
        .filter(|d| *d < cx.today)
}
