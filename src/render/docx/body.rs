//! `word/document.xml`: its opening and end (the namespaces, the section properties),
//! the blocks of the model in order, between the title block and the revision
//! history. The writer state lives here; paragraphs, runs, tables and the
//! document control add to it from their own files.

use super::labels::{Labels, labels};
use super::numbering::{FIRST_NUMBERING_ID, list_indent};
use super::paragraph::{PPr, Spacing};
use super::run::Fmt;
use crate::render::doc::{Block, Document, Lang};

const HEADING_STYLES: [&str; 6] = [
    "Heading1", "Heading2", "Heading3", "Heading4", "Heading5", "Heading6",
];

/// The opening of `word/document.xml` up to the body, as docx-rs writes it.
const DOCUMENT_START: &str = concat!(
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n",
    "<w:document xmlns:o=\"urn:schemas-microsoft-com:office:office\" ",
    "xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" ",
    "xmlns:v=\"urn:schemas-microsoft-com:vml\" ",
    "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" ",
    "xmlns:w10=\"urn:schemas-microsoft-com:office:word\" ",
    "xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" ",
    "xmlns:wps=\"http://schemas.microsoft.com/office/word/2010/wordprocessingShape\" ",
    "xmlns:wpg=\"http://schemas.microsoft.com/office/word/2010/wordprocessingGroup\" ",
    "xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\" ",
    "xmlns:wp14=\"http://schemas.microsoft.com/office/word/2010/wordprocessingDrawing\" ",
    "xmlns:w14=\"http://schemas.microsoft.com/office/word/2010/wordml\" ",
    "xmlns:w15=\"http://schemas.microsoft.com/office/word/2012/wordml\" ",
    "mc:Ignorable=\"w14 wp14\"><w:body>",
);

/// The section properties (A4, the page margins, header and footer) and the end of
/// `word/document.xml`, in the schema's order.
const DOCUMENT_END: &str = concat!(
    "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>",
    "<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>",
    "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>",
    "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" ",
    "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>",
    "<w:cols w:space=\"425\" w:num=\"1\"/></w:sectPr></w:body></w:document>",
);

/// Writes `word/document.xml` directly, in schema order, for the blocks of the model.
/// (docx-rs would build the same elements as owned structs, move them a few times and
/// write them out of order, only for the XML to be parsed and reordered again.)
pub(super) struct Body {
    pub(super) labels: &'static Labels,
    pub(super) xml: String,
    /// The last paragraph of the body (its start, where its content starts, and its
    /// properties): the end of a list changes its spacing. `None` when a table was last.
    pub(super) last: Option<(usize, usize, PPr)>,
    /// Whether the body so far ends with a table.
    pub(super) after_table: bool,
    /// Each list's (ordered, start, depth): its numbering is `FIRST_NUMBERING_ID` + its index.
    pub(super) lists: Vec<(bool, usize, usize)>,
    /// Whether a paragraph is numbered.
    pub(super) numbered: bool,
    /// A page break waiting for the next paragraph, so it needs no empty paragraph.
    pub(super) pending_break: bool,
    /// Targets of the external hyperlinks, escaped, in order: the n-th is `rIdHyperlink{n}`.
    pub(super) links: Vec<String>,
}

impl Body {
    pub(super) fn new(lang: Lang, capacity: usize) -> Self {
        let mut xml = String::with_capacity(capacity);
        xml.push_str(DOCUMENT_START);
        Self {
            labels: labels(lang),
            xml,
            last: None,
            after_table: false,
            lists: Vec::new(),
            numbered: false,
            pending_break: false,
            links: Vec::new(),
        }
    }

    pub(super) fn build(mut self, doc: &Document) -> Self {
        let meta = &doc.meta;
        self.title_block(meta);
        for block in &doc.blocks {
            self.block(block, 0);
        }
        // The signed form is the patient's page; its history is the organisation's.
        if !meta.form {
            self.revision_history(meta);
        }
        self.xml.push_str(DOCUMENT_END);
        self
    }

    fn block(&mut self, block: &Block, list_depth: usize) {
        match block {
            Block::Heading { level, inlines } => {
                let style = HEADING_STYLES[usize::from((*level).clamp(1, 6)) - 1];
                self.paragraph(PPr::style(style), inlines, Fmt::default(), false);
            }
            Block::Paragraph(inlines) => {
                let mut ppr = PPr::default();
                if list_depth > 0 {
                    // A list item's further paragraphs line up with its text.
                    ppr.style = Some("ListParagraph");
                    ppr.indent = Some(list_indent(list_depth - 1));
                }
                self.paragraph(ppr, inlines, Fmt::default(), true);
            }
            Block::List {
                ordered,
                start,
                items,
            } => self.list(*ordered, *start, items, list_depth),
            Block::Table { header, rows } => self.data_table(header, rows),
            Block::Form { header, rows } => self.form_table(header, rows),
            Block::PageBreak => self.pending_break = true,
            Block::Quote(blocks) => {
                for b in blocks {
                    match b {
                        Block::Paragraph(inlines) => {
                            self.paragraph(PPr::style("Quote"), inlines, Fmt::default(), true);
                        }
                        other => self.block(other, list_depth),
                    }
                }
            }
        }
    }

    fn list(&mut self, ordered: bool, start: u32, items: &[Vec<Block>], depth: usize) {
        let depth = depth.min(8);
        let id = FIRST_NUMBERING_ID + self.lists.len();
        let start = usize::try_from(start).unwrap_or(1);
        self.lists.push((ordered, start, depth));
        for item in items {
            let mut blocks = item.iter();
            let first = match item.first() {
                Some(Block::Paragraph(inlines)) => {
                    blocks.next();
                    inlines.as_slice()
                }
                // An item that opens with a list or a table still gets its number.
                _ => &[],
            };
            let ppr = PPr {
                style: Some("ListParagraph"),
                numbering: Some((id, depth)),
                ..PPr::default()
            };
            self.paragraph(ppr, first, Fmt::default(), true);
            for block in blocks {
                self.block(block, depth + 1);
            }
        }
        // List paragraphs sit close together; the list as a whole keeps the
        // ordinary paragraph gap to what follows (a table ending the list has its own).
        if depth == 0 {
            self.restyle_last(|p| p.spacing = Some(Spacing::BeforeAfter(0, 120)));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::doc::Inline;
    use crate::render::docx::frame::package;
    use crate::render::docx::labels::EN;
    use crate::render::docx::schema::normalized;
    use crate::render::docx::testing::document_xml;

    #[test]
    fn the_document_frame_is_what_docx_rs_writes_after_the_fix_up() {
        // docx-rs's document.xml for the same page setup, header and footer, with an
        // empty body, through the schema fix-up.
        let raw = package("", &EN, &[]).build().document;
        let fixed = String::from_utf8(normalized(&raw).unwrap()).unwrap();
        assert_eq!(fixed, format!("{DOCUMENT_START}{DOCUMENT_END}"));
    }

    #[test]
    fn a_list_ending_with_a_table_keeps_the_table() {
        let text = |s: &str| vec![Inline::Text(s.to_owned())];
        let xml = document_xml(vec![Block::List {
            ordered: false,
            start: 1,
            items: vec![vec![
                Block::Paragraph(text("item")),
                Block::Table {
                    header: vec![text("Kept")],
                    rows: vec![vec![text("cell")]],
                },
            ]],
        }]);
        assert!(xml.contains(">Kept<") && xml.contains(">cell<"), "{xml}");
    }
}
