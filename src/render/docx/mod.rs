//! The document model to a .docx package, through docx-rs.
//!
//! docx-rs builds the parts; its output is then corrected where it breaks the
//! ECMA-376 schema or leaves gaps (default style, repeating table headers,
//! spell-check language, core properties, unstable hyperlink ids), and packed
//! again with Deflate so files stay small and byte-identical across runs.
//!
//! This module owns the entry point and what every part shares: the page
//! geometry, the fonts and sizes. `word/document.xml` is written by hand, in
//! schema order ([`body`], [`paragraph`], [`run`], [`table`], [`columns`],
//! [`control`], in the words of [`labels`]); the other parts come from docx-rs ([`frame`], [`styles`],
//! [`numbering`]) and go through the fix-up ([`dom`], [`schema`]) before the
//! package is zipped ([`packed`], [`package`], [`core_properties`]).

mod body;
mod columns;
mod control;
mod core_properties;
mod dom;
mod frame;
mod labels;
mod numbering;
mod package;
mod packed;
mod paragraph;
mod run;
mod schema;
mod styles;
mod table;

use anyhow::Context;
use docx_rs::{LineSpacing, RunFonts};

use self::body::Body;
use self::control::header_text;
use self::package::Package;
use super::doc::Document;

/// A4 in twentieths of a point.
const PAGE_WIDTH: u32 = 11_906;
const PAGE_HEIGHT: u32 = 16_838;
/// Margins after Russian office practice (GOST R 7.0.97): 3 cm left for binding,
/// 1.5 cm right, 2 cm top and bottom.
const MARGIN_LEFT: u32 = 1_701;
const MARGIN_RIGHT: u32 = 850;
const MARGIN_TOP: u32 = 1_134;
const MARGIN_BOTTOM: u32 = 1_134;
const TEXT_WIDTH: u32 = PAGE_WIDTH - MARGIN_LEFT - MARGIN_RIGHT;

// Word's metric-compatible fonts; LibreOffice substitutes Liberation Serif/Sans/Mono,
// and all of them cover Cyrillic.
const BODY_FONT: &str = "Times New Roman";
const HEADING_FONT: &str = "Arial";
const MONO_FONT: &str = "Courier New";

/// Font sizes in half-points.
const BODY_SIZE: usize = 24;
const TABLE_SIZE: usize = 22;
const FOOTER_SIZE: usize = 18;

/// Writes a complete .docx package.
///
/// The output depends on `doc` only: building and packing happen here, on this
/// thread, one document at a time, because docx-rs numbers paragraphs with a
/// thread-local counter.
pub fn write_docx(doc: &Document) -> anyhow::Result<Vec<u8>> {
    let body = Body::new(doc.meta.lang, 64 * 1024).build(doc);
    let labels = body.labels;
    let key = (
        doc.meta.lang,
        header_text(&doc.meta, labels),
        body.lists,
        body.numbered,
    );
    let frame = frame::frame(key, |(_, header, lists, numbered)| {
        let mut docx = frame::package(header, labels, lists);
        // docx-rs relates numbering.xml to the document only when a paragraph is numbered.
        docx.document_rels.has_numberings = *numbered;
        docx.build()
    })?;
    let package = Package::new(&frame, &doc.meta, body.xml.as_bytes(), &body.links)?;
    package.pack().context("packing the .docx archive")
}

fn fonts(name: &str) -> RunFonts {
    RunFonts::new()
        .ascii(name)
        .hi_ansi(name)
        .cs(name)
        .east_asia(name)
}

fn spacing(before: u32, after: u32) -> LineSpacing {
    LineSpacing::new().before(before).after(after)
}

/// What the unit tests of the submodules share: a document written through
/// [`write_docx`] and read back from the archive.
#[cfg(test)]
mod testing {
    use std::io::Read as _;

    use super::super::doc::{Block, DocMeta, Document, Lang};
    use super::write_docx;

    fn meta() -> DocMeta {
        DocMeta {
            title: "Title".into(),
            subject: String::new(),
            business: "Business".into(),
            location: "City".into(),
            version: "1.0".into(),
            effective_date: "2026-01-01".into(),
            next_review: "2027-01-01".into(),
            owner: "Owner".into(),
            approver: "Approver".into(),
            lang: Lang::En,
            revisions: Vec::new(),
            keywords: String::new(),
            created: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            several_locations: false,
            form: false,
            translation: false,
        }
    }

    pub(super) fn document_xml(blocks: Vec<Block>) -> String {
        let bytes = write_docx(&Document {
            meta: meta(),
            blocks,
        })
        .unwrap();
        let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
        let mut xml = String::new();
        zip.by_name("word/document.xml")
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
        xml
    }
}
