//! The document model to a .docx package, through docx-rs.
//!
//! docx-rs builds the parts; its output is then corrected where it breaks the
//! ECMA-376 schema or leaves gaps (default style, repeating table headers,
//! spell-check language, core properties, unstable hyperlink ids), and packed
//! again with Deflate so files stay small and byte-identical across runs.

use std::fmt::Write as _;

use anyhow::Context;
use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, FieldCharType, Footer, Header, InstrNUMPAGES,
    InstrPAGE, InstrText, Level, LevelJc, LevelOverride, LevelText, LineSpacing, LineSpacingType,
    NumberFormat, Numbering, PageMargin, Paragraph, Run, RunFonts, SpecialIndentType, Start, Style,
    StyleType,
};

use super::doc::{Block, DocMeta, Document, Inline, Lang, plain_text};

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

/// docx-rs always writes numbering 1 itself.
const FIRST_NUMBERING_ID: usize = 2;
/// Indentation per list level and the hanging indent of the number or bullet.
const LIST_INDENT: i32 = 567;
const LIST_HANGING: i32 = 357;

const HEADER_FILL: &str = "D9D9D9";
const LABEL_FILL: &str = "F2F2F2";

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
    let frame = fix::frame(key, |(_, header, lists, numbered)| {
        let mut docx = package(header, labels, lists);
        // docx-rs relates numbering.xml to the document only when a paragraph is numbered.
        docx.document_rels.has_numberings = *numbered;
        docx.build()
    })?;
    let package = fix::Package::new(&frame, &doc.meta, body.xml.as_bytes(), &body.links)?;
    package.pack().context("packing the .docx archive")
}

struct Labels {
    version: &'static str,
    effective_date: &'static str,
    next_review: &'static str,
    owner: &'static str,
    approver: &'static str,
    location: &'static str,
    revisions: &'static str,
    date: &'static str,
    summary: &'static str,
    header_version: &'static str,
    page: &'static str,
    of: &'static str,
}

const RU: Labels = Labels {
    version: "Версия",
    effective_date: "Дата вступления в силу",
    next_review: "Дата следующего пересмотра",
    owner: "Владелец документа",
    approver: "Утвердил",
    location: "Город",
    revisions: "Лист регистрации изменений",
    date: "Дата",
    summary: "Описание изменений",
    header_version: "версия",
    page: "Страница",
    of: "из",
};

const EN: Labels = Labels {
    version: "Version",
    effective_date: "Effective date",
    next_review: "Next review",
    owner: "Owner",
    approver: "Approved by",
    location: "Location",
    revisions: "Revision history",
    date: "Date",
    summary: "Summary",
    header_version: "version",
    page: "Page",
    of: "of",
};

fn labels(lang: Lang) -> &'static Labels {
    match lang {
        Lang::Ru => &RU,
        Lang::En => &EN,
    }
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

/// Formatting inherited by nested inlines.
#[derive(Clone, Copy, Default)]
struct Fmt {
    bold: bool,
    italic: bool,
    link: bool,
}

/// `w:spacing` of a body paragraph.
#[derive(Clone, Copy)]
enum Spacing {
    /// Only `w:before`: the style keeps its own spacing after.
    Before(u32),
    BeforeAfter(u32, u32),
}

/// The paragraph properties regl gives body paragraphs, written in the schema's order
/// (ECMA-376 `CT_PPr`: pStyle, pageBreakBefore, numPr, spacing, ind).
#[derive(Clone, Copy, Default)]
struct PPr {
    style: Option<&'static str>,
    page_break: bool,
    /// (numbering id, level).
    numbering: Option<(usize, usize)>,
    spacing: Option<Spacing>,
    /// Left indent in twips.
    indent: Option<i32>,
}

impl PPr {
    fn style(style: &'static str) -> Self {
        Self {
            style: Some(style),
            ..Self::default()
        }
    }

    fn write(&self, out: &mut String) {
        if self.style.is_none()
            && !self.page_break
            && self.numbering.is_none()
            && self.spacing.is_none()
            && self.indent.is_none()
        {
            return;
        }
        out.push_str("<w:pPr>");
        if let Some(style) = self.style {
            let _ = write!(out, "<w:pStyle w:val=\"{style}\"/>");
        }
        if self.page_break {
            out.push_str("<w:pageBreakBefore/>");
        }
        if let Some((id, level)) = self.numbering {
            let _ = write!(
                out,
                "<w:numPr><w:ilvl w:val=\"{level}\"/><w:numId w:val=\"{id}\"/></w:numPr>"
            );
        }
        match self.spacing {
            Some(Spacing::Before(before)) => {
                let _ = write!(out, "<w:spacing w:before=\"{before}\"/>");
            }
            Some(Spacing::BeforeAfter(before, after)) => {
                let _ = write!(
                    out,
                    "<w:spacing w:before=\"{before}\" w:after=\"{after}\"/>"
                );
            }
            None => {}
        }
        if let Some(left) = self.indent {
            let _ = write!(out, "<w:ind w:left=\"{left}\" w:right=\"0\"/>");
        }
        out.push_str("</w:pPr>");
    }
}

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

/// The section properties (A4, the margins above, header and footer) and the end of
/// `word/document.xml`, in the schema's order.
const DOCUMENT_END: &str = concat!(
    "<w:sectPr><w:headerReference w:type=\"default\" r:id=\"rIdHeader1\"/>",
    "<w:footerReference w:type=\"default\" r:id=\"rIdFooter1\"/>",
    "<w:pgSz w:w=\"11906\" w:h=\"16838\"/>",
    "<w:pgMar w:top=\"1134\" w:right=\"850\" w:bottom=\"1134\" w:left=\"1701\" ",
    "w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/>",
    "<w:cols w:space=\"425\" w:num=\"1\"/></w:sectPr></w:body></w:document>",
);

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

/// Writes `word/document.xml` directly, in schema order, for the blocks of the model.
/// (docx-rs would build the same elements as owned structs, move them a few times and
/// write them out of order, only for the XML to be parsed and reordered again.)
struct Body {
    labels: &'static Labels,
    xml: String,
    /// The last paragraph of the body (its start, where its content starts, and its
    /// properties): the end of a list changes its spacing. `None` when a table was last.
    last: Option<(usize, usize, PPr)>,
    /// Whether the body so far ends with a table.
    after_table: bool,
    /// Each list's (ordered, start, depth): its numbering is `FIRST_NUMBERING_ID` + its index.
    lists: Vec<(bool, usize, usize)>,
    /// Whether a paragraph is numbered.
    numbered: bool,
    /// A page break waiting for the next paragraph, so it needs no empty paragraph.
    pending_break: bool,
    /// Targets of the external hyperlinks, escaped, in order: the n-th is `rIdHyperlink{n}`.
    links: Vec<String>,
}

impl Body {
    fn new(lang: Lang, capacity: usize) -> Self {
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

    fn build(mut self, doc: &Document) -> Self {
        let meta = &doc.meta;
        self.title_block(meta);
        for block in &doc.blocks {
            self.block(block, 0);
        }
        self.revision_history(meta);
        self.xml.push_str(DOCUMENT_END);
        self
    }

    /// A body paragraph. Headings bring their own space above; other paragraphs
    /// (`gap_after_table`) would touch a table just before them.
    fn paragraph(&mut self, mut ppr: PPr, inlines: &[Inline], fmt: Fmt, gap_after_table: bool) {
        if gap_after_table && self.after_table {
            ppr.spacing = Some(Spacing::Before(120));
        }
        if std::mem::take(&mut self.pending_break) {
            ppr.page_break = true;
        }
        self.numbered |= ppr.numbering.is_some();
        let start = self.xml.len();
        self.xml.push_str("<w:p>");
        ppr.write(&mut self.xml);
        let content = self.xml.len();
        self.inlines(inlines, fmt);
        close_paragraph(&mut self.xml, start);
        self.last = Some((start, content, ppr));
        self.after_table = false;
    }

    /// Gives the last paragraph new properties, keeping its content.
    fn restyle_last(&mut self, change: impl FnOnce(&mut PPr)) {
        let Some((start, content, mut ppr)) = self.last.take() else {
            return;
        };
        let inner = if self.xml.ends_with("</w:p>") && self.xml.len() >= content + 6 {
            self.xml[content..self.xml.len() - 6].to_owned()
        } else {
            String::new()
        };
        self.xml.truncate(start);
        change(&mut ppr);
        self.xml.push_str("<w:p>");
        ppr.write(&mut self.xml);
        let content = self.xml.len();
        self.xml.push_str(&inner);
        close_paragraph(&mut self.xml, start);
        self.last = Some((start, content, ppr));
    }

    /// An empty paragraph written between blocks.
    fn filler(&mut self, ppr: PPr, runs: &str) {
        let start = self.xml.len();
        self.xml.push_str("<w:p>");
        ppr.write(&mut self.xml);
        let content = self.xml.len();
        self.xml.push_str(runs);
        close_paragraph(&mut self.xml, start);
        self.last = Some((start, content, ppr));
        self.after_table = false;
    }

    /// Opens a table with columns `widths`, after what must come between it and the
    /// block before.
    fn open_table(&mut self, widths: &[u32]) {
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

    fn close_table(&mut self) {
        self.xml.push_str("</w:tbl>");
        self.last = None;
        self.after_table = true;
    }

    /// A row that is never split across pages; a header row (`header`) repeats at the
    /// top of every page the table runs onto.
    fn row<'i>(
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

    fn title_block(&mut self, meta: &DocMeta) {
        let l = self.labels;
        let text = |s: &str| [Inline::Text(s.to_owned())];
        self.paragraph(
            PPr::style("Title"),
            &text(&meta.title),
            Fmt::default(),
            false,
        );
        self.paragraph(
            PPr::style("Subtitle"),
            &text(&meta.business),
            Fmt::default(),
            false,
        );
        self.paragraph(
            PPr::style("Subtitle"),
            &text(&format!("{}: {}", l.location, meta.location)),
            Fmt::default(),
            false,
        );
        let rows = [
            (l.version, &meta.version),
            (l.effective_date, &meta.effective_date),
            (l.next_review, &meta.next_review),
            (l.owner, &meta.owner),
            (l.approver, &meta.approver),
        ];
        let widths = [TEXT_WIDTH * 2 / 5, TEXT_WIDTH - TEXT_WIDTH * 2 / 5];
        self.open_table(&widths);
        for (label, value) in rows {
            let label = text(label);
            let value = text(value);
            self.row(
                false,
                [
                    (widths[0], Some(LABEL_FILL), true, &label[..]),
                    (widths[1], None, false, &value[..]),
                ]
                .into_iter(),
            );
        }
        self.close_table();
    }

    fn revision_history(&mut self, meta: &DocMeta) {
        let l = self.labels;
        self.paragraph(
            PPr::style("Heading1"),
            &[Inline::Text(l.revisions.to_owned())],
            Fmt::default(),
            false,
        );
        let text = |s: &str| vec![Inline::Text(s.to_owned())];
        let header = vec![
            text(l.version),
            text(l.date),
            text(l.summary),
            text(l.approver),
        ];
        let rows: Vec<Vec<Vec<Inline>>> = meta
            .revisions
            .iter()
            .map(|r| {
                vec![
                    text(&r.version),
                    text(&r.date),
                    text(&r.summary),
                    text(&r.approved_by),
                ]
            })
            .collect();
        self.data_table(&header, &rows);
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

    /// A table with a bold, shaded header row that repeats on every page.
    fn data_table(&mut self, header: &[Vec<Inline>], rows: &[Vec<Vec<Inline>>]) {
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

    fn inlines(&mut self, inlines: &[Inline], fmt: Fmt) {
        for inline in inlines {
            match inline {
                Inline::Strong(children) => self.inlines(children, Fmt { bold: true, ..fmt }),
                Inline::Emph(children) => self.inlines(
                    children,
                    Fmt {
                        italic: true,
                        ..fmt
                    },
                ),
                Inline::Link { url, children } if is_external(url) => {
                    self.links.push(escape_attr(url));
                    let start = self.xml.len();
                    let _ = write!(
                        self.xml,
                        "<w:hyperlink r:id=\"rIdHyperlink{}\" w:history=\"1\">",
                        self.links.len()
                    );
                    let content = self.xml.len();
                    runs(&mut self.xml, children, Fmt { link: true, ..fmt });
                    if self.xml.len() == content {
                        self.xml.truncate(content - 1);
                        self.xml.push_str("/>");
                        debug_assert!(self.xml.len() > start);
                    } else {
                        self.xml.push_str("</w:hyperlink>");
                    }
                }
                other => runs(&mut self.xml, std::slice::from_ref(other), fmt),
            }
        }
    }
}

/// The inlines of cell `i` of `row`; none past its end.
fn cell_at(row: &[Vec<Inline>], i: usize) -> &[Inline] {
    row.get(i).map_or(&[][..], Vec::as_slice)
}

/// Ends the paragraph opened at `start`; one with nothing in it is written empty.
fn close_paragraph(xml: &mut String, start: usize) {
    if xml.len() == start + "<w:p>".len() {
        xml.truncate(start);
        xml.push_str("<w:p/>");
    } else {
        xml.push_str("</w:p>");
    }
}

/// Only links a reader can follow outside the document become hyperlinks;
/// relative or anchor targets would be dead links in a .docx.
fn is_external(url: &str) -> bool {
    ["http://", "https://", "mailto:", "tel:"]
        .iter()
        .any(|scheme| {
            url.get(..scheme.len())
                .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
        })
}

fn runs(out: &mut String, inlines: &[Inline], fmt: Fmt) {
    for inline in inlines {
        match inline {
            Inline::Text(text) => text_runs(out, text, fmt, None),
            Inline::Code(text) => text_runs(out, text, fmt, Some("VerbatimChar")),
            Inline::Strong(children) => runs(out, children, Fmt { bold: true, ..fmt }),
            Inline::Emph(children) => runs(
                out,
                children,
                Fmt {
                    italic: true,
                    ..fmt
                },
            ),
            Inline::Link { children, .. } => runs(out, children, fmt),
            Inline::LineBreak => out.push_str(LINE_BREAK),
        }
    }
}

const LINE_BREAK: &str = "<w:r><w:br w:type=\"textWrapping\"/></w:r>";

/// Runs of `text`, a line break between its lines.
fn text_runs(out: &mut String, text: &str, fmt: Fmt, style: Option<&str>) {
    let style = style.or(fmt.link.then_some("Hyperlink"));
    for (i, line) in text.split('\n').enumerate() {
        if i > 0 {
            out.push_str(LINE_BREAK);
        }
        if line.is_empty() {
            continue;
        }
        out.push_str("<w:r>");
        if style.is_some() || fmt.bold || fmt.italic {
            out.push_str("<w:rPr>");
            if let Some(style) = style {
                let _ = write!(out, "<w:rStyle w:val=\"{style}\"/>");
            }
            if fmt.bold {
                out.push_str("<w:b/><w:bCs/>");
            }
            if fmt.italic {
                out.push_str("<w:i/><w:iCs/>");
            }
            out.push_str("</w:rPr>");
        }
        out.push_str("<w:t xml:space=\"preserve\">");
        escape_text(out, line);
        out.push_str("</w:t></w:r>");
    }
}

/// Text content, escaped. Control characters are not allowed in XML 1.0 (one stray
/// byte in a config value would make the whole package unreadable); tabs stay.
fn escape_text(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(at) = rest
        .find(|c: char| matches!(c, '&' | '<' | '>' | '"' | '\'') || (c != '\t' && c.is_control()))
    {
        out.push_str(&rest[..at]);
        let c = rest[at..].chars().next().unwrap_or('\0');
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            _ => {}
        }
        rest = &rest[at + c.len_utf8()..];
    }
    out.push_str(rest);
}

/// An attribute value escaped as docx-rs escapes a hyperlink's target.
fn escape_attr(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for ch in s.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            '\n' => out.push_str("&#xA;"),
            '\r' => {}
            c => out.push(c),
        }
    }
    out
}

/// Control characters are not allowed in XML 1.0.
fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|c| *c == '\t' || !c.is_control())
        .collect()
}

/// The package parts other than the body, through docx-rs: page setup, header (its
/// text), footer, styles and the numberings of the body's `lists`.
fn package(header: &str, labels: &Labels, lists: &[(bool, usize, usize)]) -> Docx {
    let mut docx = Docx::new()
        .page_size(PAGE_WIDTH, PAGE_HEIGHT)
        .page_margin(
            PageMargin::new()
                .top(to_i32(MARGIN_TOP))
                .bottom(to_i32(MARGIN_BOTTOM))
                .left(to_i32(MARGIN_LEFT))
                .right(to_i32(MARGIN_RIGHT))
                .header(567)
                .footer(567)
                .gutter(0),
        )
        .default_fonts(fonts(BODY_FONT))
        .default_size(BODY_SIZE)
        .default_line_spacing(spacing(0, 120).line(264).line_rule(LineSpacingType::Auto))
        .header(
            Header::new().add_paragraph(
                Paragraph::new()
                    .style("Header")
                    .add_run(Run::new().size(FOOTER_SIZE).add_text(header)),
            ),
        )
        .footer(footer(labels));
    for style in styles() {
        docx = docx.add_style(style);
    }
    for (i, &(ordered, start, depth)) in lists.iter().enumerate() {
        let (abstract_num, num) = numbering(FIRST_NUMBERING_ID + i, ordered, start, depth);
        docx = docx.add_abstract_numbering(abstract_num).add_numbering(num);
    }
    docx
}

/// The page header's text: the document's title and version.
fn header_text(meta: &DocMeta, labels: &Labels) -> String {
    xml_text(&format!(
        "{} · {} {}",
        meta.title, labels.header_version, meta.version
    ))
}

fn footer(labels: &Labels) -> Footer {
    // Each field piece is its own run carrying the footer's size, or
    // LibreOffice shows the numbers at the default size.
    let run = || Run::new().size(FOOTER_SIZE);
    let field = |p: Paragraph, instr: InstrText| {
        p.add_run(run().add_field_char(FieldCharType::Begin, false))
            .add_run(run().add_instr_text(instr))
            .add_run(run().add_field_char(FieldCharType::Separate, false))
            .add_run(run().add_text("1"))
            .add_run(run().add_field_char(FieldCharType::End, false))
    };
    let mut p = Paragraph::new()
        .style("Footer")
        .add_run(run().add_text(format!("{} ", labels.page)));
    p = field(p, InstrText::PAGE(InstrPAGE::new()));
    p = p.add_run(run().add_text(format!(" {} ", labels.of)));
    p = field(p, InstrText::NUMPAGES(InstrNUMPAGES::new()));
    Footer::new().add_paragraph(p)
}

fn to_i32(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

fn list_indent(depth: usize) -> i32 {
    LIST_INDENT * (i32::try_from(depth).unwrap_or(8) + 1)
}

/// One abstract numbering per list, so every list counts on its own in Word
/// and `LibreOffice` alike; the start override makes the restart explicit.
fn numbering(
    id: usize,
    ordered: bool,
    start: usize,
    depth: usize,
) -> (AbstractNumbering, Numbering) {
    const BULLETS: [&str; 3] = ["•", "◦", "▪"];
    let mut abstract_num = AbstractNumbering::new(id);
    // Levels above the list's own are never referenced.
    for level in 0..=depth {
        let (format, text) = if ordered {
            ("decimal", format!("%{}.", level + 1))
        } else {
            ("bullet", BULLETS[level % BULLETS.len()].to_owned())
        };
        let level_start = if level == depth { start } else { 1 };
        abstract_num = abstract_num.add_level(
            Level::new(
                level,
                Start::new(level_start),
                NumberFormat::new(format),
                LevelText::new(text),
                LevelJc::new("left"),
            )
            .indent(
                Some(list_indent(level)),
                Some(SpecialIndentType::Hanging(LIST_HANGING)),
                None,
                None,
            ),
        );
    }
    let mut num = Numbering::new(id, id);
    if ordered {
        num = num.add_override(LevelOverride::new(depth).start(start));
    }
    (abstract_num, num)
}

/// Approximate width of one character of table text (11 pt serif, Cyrillic), for how
/// much a column wants; plus the cell's left and right margins. In twips.
const CHAR_WIDTH: u32 = 105;
const CELL_PADDING: u32 = 2 * 115;
const MIN_COLUMN: u32 = 850;
/// Cells longer than this wrap anyway; more length should not take more width.
const MAX_WEIGHT_CHARS: usize = 60;

/// Advance width of `c` in thousandths of an em, after Times New Roman (and the
/// metric-compatible Liberation Serif that `LibreOffice` uses): capitals and a few Cyrillic
/// letters are far wider than the average, which is what breaks a code such as
/// `UF_CRM_REGL_CHANNEL` when every character is counted alike.
fn char_em(c: char) -> u32 {
    match c {
        'i' | 'j' | 'l' | 't' | '\'' | '.' | ',' | ':' | ';' | '!' | '|' | '/' => 278,
        'f' | 'r' | 'I' | '-' | '(' | ')' | '[' | ']' => 333,
        's' | 'J' => 389,
        'a' | 'c' | 'e' | 'z' => 444,
        'm' => 778,
        'w' => 722,
        'a'..='z' | '0'..='9' | '_' | '«' | '»' | '"' | '#' | '$' | '*' | '+' | '=' => 500,
        'F' | 'P' | 'S' => 556,
        'E' | 'L' | 'T' | 'Z' => 611,
        'B' | 'C' | 'R' => 667,
        'M' => 889,
        'W' => 944,
        'A'..='Z' => 722,
        'Ж' | 'Ш' | 'Щ' | 'Ю' | 'Ы' | 'М' | 'Ф' | '№' | '—' | '%' | '@' => 950,
        'ж' | 'ш' | 'щ' | 'ы' | 'ю' | 'ф' | 'м' | '\u{410}'..='\u{42F}' | 'Ё' => 700,
        '\u{430}'..='\u{44F}' | 'ё' => 490,
        _ => 600,
    }
}

/// Width of the widest unbreakable word of `text` set in table text, in twips. Words
/// break at spaces and after hyphens, never at the non-breaking spaces the typograph
/// put in.
fn widest_word(text: &str, bold: bool) -> u32 {
    /// 11 pt (`TABLE_SIZE`) in twips; bold type runs about 8 % wider, and a little slack
    /// covers the difference between the fonts a reader may substitute.
    const EM: u32 = 220;
    text.split([' ', '\t', '\n'])
        .flat_map(|w| w.split_inclusive('-'))
        .map(|w| {
            let ems: u32 = w.chars().map(char_em).sum();
            let pct = if bold { 112 } else { 104 };
            ems * EM / 1000 * pct / 100
        })
        .max()
        .unwrap_or(0)
}

/// Column widths proportional to content, adding up to `total` exactly. Every column
/// gets the width of its widest word (`word_widths`, twips) when they all fit, and the
/// rest of the width goes by the length of its longest cell. When they do not all fit,
/// the widest words get their width first, as long as the other columns keep a usable
/// minimum; the columns left over share what remains in proportion to their words.
fn column_widths(lengths: &[Vec<usize>], word_widths: &[u32], total: u32) -> Vec<u32> {
    let columns = word_widths.len();
    if columns == 0 {
        return Vec::new();
    }
    let chars = |n: usize| u32::try_from(n.min(MAX_WEIGHT_CHARS)).unwrap_or(0);
    let need: Vec<u32> = word_widths
        .iter()
        .map(|w| (w + CELL_PADDING).max(MIN_COLUMN))
        .collect();
    let desired: Vec<u32> = (0..columns)
        .map(|i| {
            let longest = lengths.iter().map(|row| row[i]).max().unwrap_or(0);
            chars(longest) * CHAR_WIDTH + CELL_PADDING
        })
        .collect();
    let need_sum: u32 = need.iter().sum();
    let mut widths: Vec<u32> = if need_sum <= total {
        // Spread what is left over the minimums by how much more each column wants.
        let extra: Vec<u32> = desired
            .iter()
            .zip(&need)
            .map(|(d, m)| d.saturating_sub(*m) + 1)
            .collect();
        let spread = scale(&extra, total - need_sum);
        need.iter().zip(spread).map(|(m, s)| m + s).collect()
    } else {
        let mut order: Vec<usize> = (0..columns).collect();
        order.sort_by_key(|&i| (std::cmp::Reverse(need[i]), i));
        let mut widths = vec![0; columns];
        let mut left = total;
        for (k, &i) in order.iter().enumerate() {
            let others = u32::try_from(columns - k - 1).unwrap_or(u32::MAX);
            if need[i].saturating_add(MIN_COLUMN.saturating_mul(others)) <= left {
                widths[i] = need[i];
                left -= need[i];
            }
        }
        let rest: Vec<usize> = (0..columns).filter(|&i| widths[i] == 0).collect();
        let weights: Vec<u32> = rest.iter().map(|&i| need[i]).collect();
        for (i, w) in rest.iter().zip(scale(&weights, left)) {
            widths[*i] = w;
        }
        widths
    };
    let sum: u32 = widths.iter().sum();
    if let Some(last) = widths.last_mut() {
        *last = (*last + total).saturating_sub(sum);
    }
    widths
}

fn scale(weights: &[u32], total: u32) -> Vec<u32> {
    let sum: u64 = weights.iter().map(|w| u64::from(*w)).sum::<u64>().max(1);
    weights
        .iter()
        .map(|w| u32::try_from(u64::from(*w) * u64::from(total) / sum).unwrap_or(0))
        .collect()
}

fn styles() -> Vec<Style> {
    let mut out = Vec::new();
    let heading_sizes = [32, 28, 26, 24, 24, 24];
    for (i, size) in heading_sizes.iter().enumerate() {
        let n = i + 1;
        let mut s = Style::new(format!("Heading{n}"), StyleType::Paragraph)
            .name(format!("heading {n}"))
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .ui_priority(9)
            .fonts(fonts(HEADING_FONT))
            .bold()
            .size(*size)
            .line_spacing(spacing(if n == 1 { 360 } else { 240 }, 120))
            .outline_lvl(i);
        if n >= 4 {
            s = s.italic();
        }
        s.paragraph_property = s.paragraph_property.keep_next(true).keep_lines(true);
        out.push(s);
    }
    let mut title = Style::new("Title", StyleType::Paragraph)
        .name("Title")
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .fonts(fonts(HEADING_FONT))
        .bold()
        .size(36)
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 240));
    title.paragraph_property = title.paragraph_property.keep_next(true);
    out.push(title);
    let mut subtitle = Style::new("Subtitle", StyleType::Paragraph)
        .name("Subtitle")
        .based_on("Normal")
        .next("Normal")
        .q_format(true)
        .fonts(fonts(HEADING_FONT))
        .size(26)
        .align(AlignmentType::Center)
        .line_spacing(spacing(0, 120));
    subtitle.paragraph_property = subtitle.paragraph_property.keep_next(true);
    out.push(subtitle);
    out.push(
        Style::new("ListParagraph", StyleType::Paragraph)
            .name("List Paragraph")
            .based_on("Normal")
            .q_format(true)
            .line_spacing(spacing(0, 60)),
    );
    out.push(
        Style::new("Quote", StyleType::Paragraph)
            .name("Quote")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .italic()
            .indent(Some(LIST_INDENT), None, Some(LIST_INDENT), None),
    );
    out.push(
        Style::new("TableText", StyleType::Paragraph)
            .name("Table Text")
            .based_on("Normal")
            .size(TABLE_SIZE)
            .line_spacing(spacing(40, 40).line(240).line_rule(LineSpacingType::Auto)),
    );
    for (id, name) in [("Header", "header"), ("Footer", "footer")] {
        out.push(
            Style::new(id, StyleType::Paragraph)
                .name(name)
                .based_on("Normal")
                .size(FOOTER_SIZE)
                .color("595959")
                .align(AlignmentType::Center)
                .line_spacing(spacing(0, 0)),
        );
    }
    out.push(
        Style::new("Hyperlink", StyleType::Character)
            .name("Hyperlink")
            .color("0563C1")
            .underline("single"),
    );
    out.push(
        Style::new("VerbatimChar", StyleType::Character)
            .name("Verbatim Char")
            .fonts(fonts(MONO_FONT))
            .size(TABLE_SIZE),
    );
    out
}

/// Post-processing of docx-rs's parts and the deterministic package writer.
mod fix {
    use std::borrow::Cow;
    use std::cell::RefCell;
    use std::collections::HashMap;
    use std::fmt::Write as _;
    use std::rc::Rc;

    use anyhow::{Context, bail};
    use docx_rs::XMLDocx;
    use quick_xml::Reader;
    use quick_xml::events::Event;

    use super::super::doc::{DocMeta, Lang};

    pub(super) struct Package {
        parts: Vec<Rc<Packed>>,
    }

    /// A minimal DOM over one part. Names, attributes and text borrow from the
    /// part's bytes, so the round trip allocates little.
    enum Node<'a> {
        El(El<'a>),
        /// Text, references, CDATA: kept exactly as written (still escaped).
        Raw(Cow<'a, str>),
    }

    struct El<'a> {
        name: Cow<'a, str>,
        attrs: Vec<(Cow<'a, str>, Cow<'a, str>)>,
        children: Vec<Node<'a>>,
    }

    impl<'a> El<'a> {
        fn new(name: impl Into<Cow<'a, str>>) -> Self {
            Self {
                name: name.into(),
                attrs: Vec::new(),
                children: Vec::new(),
            }
        }

        fn attr(&self, name: &str) -> Option<&str> {
            self.attrs
                .iter()
                .find(|(k, _)| k == name)
                .map(|(_, v)| v.as_ref())
        }

        fn set_attr(&mut self, name: &'a str, value: &'a str) {
            if let Some(slot) = self.attrs.iter_mut().find(|(k, _)| k == name) {
                slot.1 = Cow::Borrowed(value);
            } else {
                self.attrs.push((Cow::Borrowed(name), Cow::Borrowed(value)));
            }
        }

        fn child_mut(&mut self, name: &str) -> Option<&mut El<'a>> {
            self.children.iter_mut().find_map(|c| match c {
                Node::El(e) if e.name == name => Some(e),
                _ => None,
            })
        }

        fn has_child(&self, name: &str) -> bool {
            self.children
                .iter()
                .any(|c| matches!(c, Node::El(e) if e.name == name))
        }

        fn elements_mut(&mut self) -> impl Iterator<Item = &mut El<'a>> {
            self.children.iter_mut().filter_map(|c| match c {
                Node::El(e) => Some(e),
                Node::Raw(_) => None,
            })
        }
    }

    fn parse(xml: &[u8]) -> anyhow::Result<El<'_>> {
        let text = std::str::from_utf8(xml).context("part is not UTF-8")?;
        let mut reader = Reader::from_str(text);
        reader.config_mut().trim_text(false);
        let mut stack: Vec<El<'_>> = vec![El::new("")];
        loop {
            let event = reader.read_event().context("parsing a docx-rs part")?;
            match event {
                Event::Start(e) => stack.push(start(text, &e)?),
                Event::Empty(e) => {
                    let el = start(text, &e)?;
                    push(&mut stack, Node::El(el));
                }
                Event::End(_) => {
                    let el = stack.pop().context("unbalanced part")?;
                    push(&mut stack, Node::El(el));
                }
                Event::Text(t) => push(&mut stack, Node::Raw(within(text, &t)?)),
                Event::GeneralRef(r) => {
                    let name = within(text, &r)?;
                    push(&mut stack, Node::Raw(Cow::Owned(format!("&{name};"))));
                }
                Event::CData(t) => {
                    let body = within(text, &t)?;
                    push(
                        &mut stack,
                        Node::Raw(Cow::Owned(format!("<![CDATA[{body}]]>"))),
                    );
                }
                Event::Decl(_) | Event::PI(_) | Event::DocType(_) | Event::Comment(_) => {}
                Event::Eof => break,
            }
        }
        let mut root = stack.pop().context("empty part")?;
        if !stack.is_empty() {
            bail!("unbalanced part");
        }
        root.children.retain(|c| matches!(c, Node::El(_)));
        match root.children.pop() {
            Some(Node::El(el)) if root.children.is_empty() => Ok(el),
            _ => bail!("part has no single root element"),
        }
    }

    /// The same bytes as a slice of `text` when they lie inside it (quick-xml
    /// hands out borrowed slices), else an owned copy.
    fn within<'a>(text: &'a str, bytes: &[u8]) -> anyhow::Result<Cow<'a, str>> {
        let start = (bytes.as_ptr() as usize).wrapping_sub(text.as_ptr() as usize);
        if let Some(end) = start.checked_add(bytes.len())
            && let Some(slice) = text.get(start..end)
            && slice.as_bytes() == bytes
        {
            return Ok(Cow::Borrowed(slice));
        }
        Ok(Cow::Owned(std::str::from_utf8(bytes)?.to_owned()))
    }

    fn start<'a>(text: &'a str, e: &quick_xml::events::BytesStart<'_>) -> anyhow::Result<El<'a>> {
        let mut el = El::new(within(text, e.name().as_ref())?);
        for attr in e.attributes() {
            let attr = attr?;
            el.attrs
                .push((within(text, attr.key.as_ref())?, within(text, &attr.value)?));
        }
        Ok(el)
    }

    fn push<'a>(stack: &mut [El<'a>], node: Node<'a>) {
        if let Some(parent) = stack.last_mut() {
            parent.children.push(node);
        }
    }

    fn serialize(root: &El) -> Vec<u8> {
        let mut out = String::with_capacity(64 * 1024);
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        write_el(root, &mut out);
        out.into_bytes()
    }

    fn write_el(el: &El, out: &mut String) {
        out.push('<');
        out.push_str(&el.name);
        for (k, v) in &el.attrs {
            let _ = write!(out, " {k}=\"{v}\"");
        }
        if el.children.is_empty() {
            out.push_str("/>");
            return;
        }
        out.push('>');
        for child in &el.children {
            match child {
                Node::El(e) => write_el(e, out),
                Node::Raw(s) => out.push_str(s),
            }
        }
        out.push_str("</");
        out.push_str(&el.name);
        out.push('>');
    }

    /// Child orders from the ECMA-376 transitional schema (wml.xsd). Children
    /// not listed keep their relative order after the listed ones.
    const RPR: &[&str] = &[
        "rStyle",
        "rFonts",
        "b",
        "bCs",
        "i",
        "iCs",
        "caps",
        "smallCaps",
        "strike",
        "dstrike",
        "outline",
        "shadow",
        "emboss",
        "imprint",
        "noProof",
        "snapToGrid",
        "vanish",
        "webHidden",
        "color",
        "spacing",
        "w",
        "kern",
        "position",
        "sz",
        "szCs",
        "highlight",
        "u",
        "effect",
        "bdr",
        "shd",
        "fitText",
        "vertAlign",
        "rtl",
        "cs",
        "em",
        "lang",
        "eastAsianLayout",
        "specVanish",
        "oMath",
        "rPrChange",
    ];
    const PPR: &[&str] = &[
        "pStyle",
        "keepNext",
        "keepLines",
        "pageBreakBefore",
        "framePr",
        "widowControl",
        "numPr",
        "suppressLineNumbers",
        "pBdr",
        "shd",
        "tabs",
        "suppressAutoHyphens",
        "kinsoku",
        "wordWrap",
        "overflowPunct",
        "topLinePunct",
        "autoSpaceDE",
        "autoSpaceDN",
        "bidi",
        "adjustRightInd",
        "snapToGrid",
        "spacing",
        "ind",
        "contextualSpacing",
        "mirrorIndents",
        "suppressOverlap",
        "jc",
        "textDirection",
        "textAlignment",
        "textboxTightWrap",
        "outlineLvl",
        "divId",
        "cnfStyle",
        "rPr",
        "sectPr",
        "pPrChange",
    ];
    const STYLE: &[&str] = &[
        "name",
        "aliases",
        "basedOn",
        "next",
        "link",
        "autoRedefine",
        "hidden",
        "uiPriority",
        "semiHidden",
        "unhideWhenUsed",
        "qFormat",
        "locked",
        "personal",
        "personalCompose",
        "personalReply",
        "rsid",
        "pPr",
        "rPr",
        "tblPr",
        "trPr",
        "tcPr",
        "tblStylePr",
    ];
    const SECT_PR: &[&str] = &[
        "headerReference",
        "footerReference",
        "footnotePr",
        "endnotePr",
        "type",
        "pgSz",
        "pgMar",
        "paperSrc",
        "pgBorders",
        "lnNumType",
        "pgNumType",
        "cols",
        "formProt",
        "vAlign",
        "noEndnote",
        "titlePg",
        "textDirection",
        "bidi",
        "rtlGutter",
        "docGrid",
        "printerSettings",
        "sectPrChange",
    ];
    const SETTINGS: &[&str] = &[
        "writeProtection",
        "view",
        "zoom",
        "removePersonalInformation",
        "removeDateAndTime",
        "doNotDisplayPageBoundaries",
        "displayBackgroundShape",
        "printPostScriptOverText",
        "printFractionalCharacterWidth",
        "printFormsData",
        "embedTrueTypeFonts",
        "embedSystemFonts",
        "saveSubsetFonts",
        "saveFormsData",
        "mirrorMargins",
        "alignBordersAndEdges",
        "bordersDoNotSurroundHeader",
        "bordersDoNotSurroundFooter",
        "gutterAtTop",
        "hideSpellingErrors",
        "hideGrammaticalErrors",
        "activeWritingStyle",
        "proofState",
        "formsDesign",
        "attachedTemplate",
        "linkStyles",
        "stylePaneFormatFilter",
        "stylePaneSortMethod",
        "documentType",
        "mailMerge",
        "revisionView",
        "trackRevisions",
        "doNotTrackMoves",
        "doNotTrackFormatting",
        "documentProtection",
        "autoFormatOverride",
        "styleLockTheme",
        "styleLockQFSet",
        "defaultTabStop",
        "autoHyphenation",
        "consecutiveHyphenLimit",
        "hyphenationZone",
        "doNotHyphenateCaps",
        "showEnvelope",
        "summaryLength",
        "clickAndTypeStyle",
        "defaultTableStyle",
        "evenAndOddHeaders",
        "bookFoldRevPrinting",
        "bookFoldPrinting",
        "bookFoldPrintingSheets",
        "drawingGridHorizontalSpacing",
        "drawingGridVerticalSpacing",
        "displayHorizontalDrawingGridEvery",
        "displayVerticalDrawingGridEvery",
        "doNotUseMarginsForDrawingGridOrigin",
        "drawingGridHorizontalOrigin",
        "drawingGridVerticalOrigin",
        "doNotShadeFormData",
        "noPunctuationKerning",
        "characterSpacingControl",
        "printTwoOnOne",
        "strictFirstAndLastChars",
        "noLineBreaksAfter",
        "noLineBreaksBefore",
        "savePreviewPicture",
        "doNotValidateAgainstSchema",
        "saveInvalidXml",
        "ignoreMixedContent",
        "alwaysShowPlaceholderText",
        "doNotDemarcateInvalidXml",
        "saveXmlDataOnly",
        "useXSLTWhenSaving",
        "saveThroughXslt",
        "showXMLTags",
        "alwaysMergeEmptyNamespace",
        "updateFields",
        "hdrShapeDefaults",
        "footnotePr",
        "endnotePr",
        "compat",
        "docVars",
        "rsids",
        "mathPr",
        "attachedSchema",
        "themeFontLang",
        "clrSchemeMapping",
        "doNotIncludeSubdocsInStats",
        "doNotAutoCompressPictures",
        "forceUpgrade",
        "captions",
        "readModeInkLockDown",
        "smartTagType",
        "schemaLibrary",
        "shapeDefaults",
        "doNotEmbedSmartTags",
        "decimalSymbol",
        "listSeparator",
    ];
    const TBL_PR: &[&str] = &[
        "tblStyle",
        "tblpPr",
        "tblOverlap",
        "bidiVisual",
        "tblStyleRowBandSize",
        "tblStyleColBandSize",
        "tblW",
        "jc",
        "tblCellSpacing",
        "tblInd",
        "tblBorders",
        "shd",
        "tblLayout",
        "tblCellMar",
        "tblLook",
        "tblCaption",
        "tblDescription",
        "tblPrChange",
    ];
    const TR_PR: &[&str] = &[
        "cnfStyle",
        "divId",
        "gridBefore",
        "gridAfter",
        "wBefore",
        "wAfter",
        "cantSplit",
        "trHeight",
        "tblHeader",
        "tblCellSpacing",
        "jc",
        "hidden",
        "ins",
        "del",
        "trPrChange",
    ];
    const TC_PR: &[&str] = &[
        "cnfStyle",
        "tcW",
        "gridSpan",
        "hMerge",
        "vMerge",
        "tcBorders",
        "shd",
        "noWrap",
        "tcMar",
        "textDirection",
        "tcFitText",
        "vAlign",
        "hideMark",
        "headers",
        "cellIns",
        "cellDel",
        "cellMerge",
        "tcPrChange",
    ];
    const LVL: &[&str] = &[
        "start",
        "numFmt",
        "lvlRestart",
        "pStyle",
        "isLgl",
        "suff",
        "lvlText",
        "lvlPicBulletId",
        "legacy",
        "lvlJc",
        "pPr",
        "rPr",
    ];
    const BORDERS: &[&str] = &[
        "top", "start", "left", "bottom", "end", "right", "insideH", "insideV", "tl2br", "tr2bl",
    ];
    const TBL: &[&str] = &["tblPr", "tblGrid"];
    const TR: &[&str] = &["tblPrEx", "trPr"];
    const TC: &[&str] = &["tcPr"];
    const P: &[&str] = &["pPr"];
    const R: &[&str] = &["rPr"];
    const NUM_PR: &[&str] = &["ilvl", "numId"];
    const NUM: &[&str] = &["abstractNumId", "lvlOverride"];
    const LVL_OVERRIDE: &[&str] = &["startOverride", "lvl"];
    const ABSTRACT_NUM: &[&str] = &[
        "nsid",
        "multiLevelType",
        "tmpl",
        "name",
        "styleLink",
        "numStyleLink",
        "lvl",
    ];
    const NUMBERING: &[&str] = &["numPicBullet", "abstractNum", "num", "numIdMacAtCleanup"];
    const STYLES: &[&str] = &["docDefaults", "latentStyles"];
    const DOC_DEFAULTS: &[&str] = &["rPrDefault", "pPrDefault"];

    fn order_of(name: &str) -> Option<&'static [&'static str]> {
        Some(match name {
            "w:rPr" => RPR,
            "w:pPr" => PPR,
            "w:style" => STYLE,
            "w:sectPr" => SECT_PR,
            "w:settings" => SETTINGS,
            "w:tblPr" => TBL_PR,
            "w:trPr" => TR_PR,
            "w:tcPr" => TC_PR,
            "w:lvl" => LVL,
            "w:tblBorders" | "w:tcBorders" => BORDERS,
            "w:tbl" => TBL,
            "w:tr" => TR,
            "w:tc" => TC,
            "w:p" => P,
            "w:r" => R,
            "w:numPr" => NUM_PR,
            "w:num" => NUM,
            "w:lvlOverride" => LVL_OVERRIDE,
            "w:abstractNum" => ABSTRACT_NUM,
            "w:numbering" => NUMBERING,
            "w:styles" => STYLES,
            "w:docDefaults" => DOC_DEFAULTS,
            _ => return None,
        })
    }

    fn rank(order: &[&str], node: &Node) -> usize {
        match node {
            Node::El(e) => {
                let local = e.name.rsplit(':').next().unwrap_or(&e.name);
                order
                    .iter()
                    .position(|o| *o == local)
                    .unwrap_or(order.len())
            }
            Node::Raw(_) => order.len(),
        }
    }

    /// Brings one element and its subtree into schema shape.
    fn normalize(el: &mut El, parent: &str) {
        // paraId/textId are optional Word 2010 extensions and docx-rs's values depend
        // on thread state; dropping them keeps output stable and smaller.
        el.attrs
            .retain(|(k, _)| k != "w14:paraId" && k != "w14:textId");
        if el.name == "w:gridCol" {
            el.attrs.retain(|(k, _)| k != "w:type");
        }
        let name = el.name.clone();
        for child in el.elements_mut() {
            normalize(child, &name);
        }
        // Outside a paragraph, pPr is CT_PPrGeneral: no rPr allowed. Its run
        // properties belong to the parent's own rPr.
        if el.name == "w:pPr" && parent != "w:p" {
            el.children
                .retain(|c| !matches!(c, Node::El(e) if e.name == "w:rPr"));
        }
        // Empty property containers add bytes and nothing else.
        el.children.retain(|c| {
            !matches!(c, Node::El(e)
                if (e.name == "w:rPr" || e.name == "w:pPr") && e.children.is_empty() && e.attrs.is_empty())
        });
        if let Some(order) = order_of(&el.name) {
            el.children.sort_by_key(|c| rank(order, c));
        }
    }

    fn fix_styles(root: &mut El<'_>, lang: &'static str) {
        for style in root.elements_mut() {
            if style.name == "w:style" && style.attr("w:styleId") == Some("Normal") {
                // python-docx and Word take the default paragraph style from this flag.
                style.set_attr("w:default", "1");
            }
        }
        if let Some(defaults) = root.child_mut("w:docDefaults") {
            if !defaults.has_child("w:rPrDefault") {
                defaults.children.push(Node::El(El::new("w:rPrDefault")));
            }
            if let Some(rpr_default) = defaults.child_mut("w:rPrDefault") {
                if !rpr_default.has_child("w:rPr") {
                    rpr_default.children.push(Node::El(El::new("w:rPr")));
                }
                if let Some(rpr) = rpr_default.child_mut("w:rPr") {
                    // Spell-check language for every run.
                    let mut lang_el = El::new("w:lang");
                    lang_el.set_attr("w:val", lang);
                    lang_el.set_attr("w:eastAsia", lang);
                    lang_el.set_attr("w:bidi", "ar-SA");
                    rpr.children.push(Node::El(lang_el));
                }
            }
        }
    }

    fn escape(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for ch in s.chars() {
            match ch {
                '&' => out.push_str("&amp;"),
                '<' => out.push_str("&lt;"),
                '>' => out.push_str("&gt;"),
                '"' => out.push_str("&quot;"),
                c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
                c => out.push(c),
            }
        }
        out
    }

    fn core_properties(meta: &DocMeta) -> Vec<u8> {
        let created = meta.created.format("%Y-%m-%dT00:00:00Z").to_string();
        let lang = meta.lang.tag();
        let mut out = String::new();
        out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n");
        out.push_str(
            "<cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
             xmlns:dc=\"http://purl.org/dc/elements/1.1/\" xmlns:dcterms=\"http://purl.org/dc/terms/\" \
             xmlns:dcmitype=\"http://purl.org/dc/dcmitype/\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">",
        );
        let _ = write!(
            out,
            "<dc:title>{}</dc:title><dc:subject>{}</dc:subject><dc:creator>{}</dc:creator>\
             <cp:keywords>{}</cp:keywords><dc:description>{}</dc:description>\
             <cp:lastModifiedBy>{}</cp:lastModifiedBy><cp:revision>1</cp:revision>\
             <cp:version>{}</cp:version><dc:language>{lang}</dc:language>\
             <dcterms:created xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:created>\
             <dcterms:modified xsi:type=\"dcterms:W3CDTF\">{created}</dcterms:modified>",
            escape(&meta.title),
            escape(&meta.subject),
            escape(&meta.owner),
            escape(&meta.keywords),
            escape(&format!("{} · {}", meta.business, meta.location)),
            escape(&meta.owner),
            escape(&meta.version),
        );
        out.push_str("</cp:coreProperties>");
        out.into_bytes()
    }

    const HYPERLINK_TYPE: &str =
        "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";

    /// Parts docx-rs always writes that a regulation never uses (comments,
    /// footnotes, custom properties): dropping them, with their relationships
    /// and content types, leaves nothing a reader has to skip.
    const UNUSED_PARTS: &[&str] = &[
        "word/comments.xml",
        "word/commentsExtended.xml",
        "word/footnotes.xml",
        "docProps/custom.xml",
    ];

    fn drop_unused(root: &mut El, attr: &str, unused: impl Fn(&str) -> bool) {
        root.children.retain(|c| match c {
            Node::El(e) => !e.attr(attr).is_some_and(&unused),
            Node::Raw(_) => true,
        });
    }

    /// One part of the package, fixed and compressed, ready to be stored in the archive.
    pub(super) struct Packed {
        name: Cow<'static, str>,
        crc: u32,
        size: u32,
        deflated: Vec<u8>,
    }

    impl Packed {
        fn new(name: Cow<'static, str>, bytes: &[u8], cached: bool) -> anyhow::Result<Self> {
            let mut crc = flate2::Crc::new();
            crc.update(bytes);
            Ok(Self {
                name,
                crc: crc.sum(),
                size: u32::try_from(bytes.len()).context("a part larger than 4 GiB")?,
                deflated: deflate(if cached { &BEST } else { &FAST }, bytes)?,
            })
        }
    }

    thread_local! {
        /// Compressors, one per thread and level, reset between parts: creating one
        /// allocates and clears its window and hash tables, which cost more than
        /// compressing a small part. Parts made for one document use a fast level (a
        /// fraction of the time of level 6 for about 10 % larger files); parts that are cached
        /// are compressed once, so they get the smallest output.
        static FAST: RefCell<flate2::Compress> =
            RefCell::new(flate2::Compress::new(flate2::Compression::new(2), false));
        static BEST: RefCell<flate2::Compress> =
            RefCell::new(flate2::Compress::new(flate2::Compression::best(), false));

        /// Parts already fixed and compressed on this thread, by part name and docx-rs's
        /// bytes. Most parts (styles, settings, fonts, footer, and the header and numbering
        /// of a document kind) come out the same for every location; the fix-up is a pure
        /// function of those bytes, so reusing its result changes nothing in the output.
        static PART_CACHE: RefCell<PartCache> =
            RefCell::new(HashMap::new());
    }

    /// (cache key, docx-rs's bytes) → the finished part.
    type PartCache = HashMap<(&'static str, Vec<u8>), Rc<Packed>>;

    /// Enough for every constant part of every document kind in both languages; past it
    /// the cache starts afresh, so memory stays bounded whatever the documents.
    const PART_CACHE_LIMIT: usize = 256;

    /// Raw Deflate (no zlib header), as a zip entry stores it.
    fn deflate(
        compressor: &'static std::thread::LocalKey<RefCell<flate2::Compress>>,
        bytes: &[u8],
    ) -> anyhow::Result<Vec<u8>> {
        compressor.with_borrow_mut(|c| {
            c.reset();
            let mut out = Vec::with_capacity(bytes.len() / 4 + 64);
            loop {
                let consumed = usize::try_from(c.total_in()).unwrap_or(usize::MAX);
                let status = c
                    .compress_vec(
                        &bytes[consumed.min(bytes.len())..],
                        &mut out,
                        flate2::FlushCompress::Finish,
                    )
                    .context("compressing a part")?;
                if status == flate2::Status::StreamEnd {
                    return Ok(out);
                }
                out.reserve(out.capacity().max(64));
            }
        })
    }

    /// The part `name` from docx-rs's `raw` bytes through `fix`, taken from this thread's
    /// cache when the same bytes have been seen before. `key` tells apart parts whose fix
    /// depends on more than the bytes (the styles' language).
    fn cached(
        name: &'static str,
        key: &'static str,
        raw: &[u8],
        fix: impl FnOnce(&[u8]) -> anyhow::Result<Vec<u8>>,
    ) -> anyhow::Result<Rc<Packed>> {
        cached_at(name, key, raw, true, fix)
    }

    /// [`cached`], compressed at the best level (`best`) or the fast one.
    fn cached_at(
        name: &'static str,
        key: &'static str,
        raw: &[u8],
        best: bool,
        fix: impl FnOnce(&[u8]) -> anyhow::Result<Vec<u8>>,
    ) -> anyhow::Result<Rc<Packed>> {
        let lookup = (key, raw.to_vec());
        if let Some(hit) = PART_CACHE.with_borrow(|c| c.get(&lookup).cloned()) {
            return Ok(hit);
        }
        let packed = Rc::new(Packed::new(Cow::Borrowed(name), &fix(raw)?, best)?);
        PART_CACHE.with_borrow_mut(|c| {
            if c.len() >= PART_CACHE_LIMIT {
                c.clear();
            }
            c.insert(lookup, Rc::clone(&packed));
        });
        Ok(packed)
    }

    fn fresh(name: impl Into<Cow<'static, str>>, bytes: &[u8]) -> anyhow::Result<Rc<Packed>> {
        Ok(Rc::new(Packed::new(name.into(), bytes, false)?))
    }

    /// A part through the generic schema fix-up.
    pub(super) fn normalized(raw: &[u8]) -> anyhow::Result<Vec<u8>> {
        let mut root = parse(raw)?;
        normalize(&mut root, "");
        Ok(serialize(&root))
    }

    /// The parts of a package that come from docx-rs, fixed and compressed: everything
    /// but the document's body, its core properties and its relationships (of which the
    /// part common to every document is kept as text, `rels`, without its closing tag).
    pub(super) struct Frame {
        head: Vec<Rc<Packed>>,
        rels: String,
        tail: Vec<Rc<Packed>>,
    }

    /// What the frame is made from: the language (styles, footer), the header's text,
    /// each list's (ordered, start, depth), and whether a paragraph is numbered.
    pub(super) type FrameKey = (Lang, String, Vec<(bool, usize, usize)>, bool);

    thread_local! {
        /// Frames made on this thread. docx-rs builds every part anew for each document,
        /// though for a document kind they come out the same for every location; the frame
        /// is a pure function of its key, so reusing it changes nothing in the output.
        static FRAME_CACHE: RefCell<HashMap<FrameKey, Rc<Frame>>> = RefCell::new(HashMap::new());
    }

    /// The frame for `key`, from this thread's cache or from `build` (docx-rs's parts).
    pub(super) fn frame(
        key: FrameKey,
        build: impl FnOnce(&FrameKey) -> XMLDocx,
    ) -> anyhow::Result<Rc<Frame>> {
        if let Some(hit) = FRAME_CACHE.with_borrow(|c| c.get(&key).cloned()) {
            return Ok(hit);
        }
        let frame = Rc::new(Frame::from_docx_rs(&build(&key), key.0)?);
        FRAME_CACHE.with_borrow_mut(|c| {
            if c.len() >= PART_CACHE_LIMIT {
                c.clear();
            }
            c.insert(key, Rc::clone(&frame));
        });
        Ok(frame)
    }

    impl Frame {
        fn from_docx_rs(xml: &XMLDocx, lang: Lang) -> anyhow::Result<Self> {
            let mut rels = parse(&xml.document_rels)?;
            drop_unused(&mut rels, "Target", |t| {
                UNUSED_PARTS.contains(&format!("word/{t}").as_str())
            });
            let rels = String::from_utf8(serialize(&rels))?;
            let rels = rels
                .strip_suffix("</Relationships>")
                .context("docx-rs wrote no relationships")?
                .to_owned();
            let styles_key = match lang {
                Lang::Ru => "word/styles.xml ru",
                Lang::En => "word/styles.xml en",
            };
            let lang = lang.tag();
            let head = vec![
                cached(
                    "[Content_Types].xml",
                    "[Content_Types].xml",
                    &xml.content_type,
                    |raw| {
                        let mut root = parse(raw)?;
                        drop_unused(&mut root, "PartName", |t| {
                            UNUSED_PARTS.contains(&t.trim_start_matches('/'))
                        });
                        Ok(serialize(&root))
                    },
                )?,
                cached("_rels/.rels", "_rels/.rels", &xml.rels, |raw| {
                    let mut root = parse(raw)?;
                    drop_unused(&mut root, "Target", |t| UNUSED_PARTS.contains(&t));
                    Ok(serialize(&root))
                })?,
                cached(
                    "docProps/app.xml",
                    "docProps/app.xml",
                    &xml.doc_props.app,
                    |raw| Ok(raw.to_vec()),
                )?,
            ];
            let mut tail = vec![
                cached("word/styles.xml", styles_key, &xml.styles, |raw| {
                    let mut styles = parse(raw)?;
                    normalize(&mut styles, "");
                    fix_styles(&mut styles, lang);
                    normalize(&mut styles, "");
                    Ok(serialize(&styles))
                })?,
                cached(
                    "word/numbering.xml",
                    "word/numbering.xml",
                    &xml.numberings,
                    normalized,
                )?,
                cached(
                    "word/settings.xml",
                    "word/settings.xml",
                    &xml.settings,
                    normalized,
                )?,
                cached(
                    "word/fontTable.xml",
                    "word/fontTable.xml",
                    &xml.font_table,
                    normalized,
                )?,
            ];
            for (i, header) in xml.headers.iter().enumerate() {
                tail.push(match i {
                    0 => cached("word/header1.xml", "word/header1.xml", header, normalized)?,
                    _ => fresh(format!("word/header{}.xml", i + 1), &normalized(header)?)?,
                });
            }
            for (i, footer) in xml.footers.iter().enumerate() {
                tail.push(match i {
                    0 => cached("word/footer1.xml", "word/footer1.xml", footer, normalized)?,
                    _ => fresh(format!("word/footer{}.xml", i + 1), &normalized(footer)?)?,
                });
            }
            for (prefix, all_rels, count) in [
                ("header", &xml.header_rels, xml.headers.len()),
                ("footer", &xml.footer_rels, xml.footers.len()),
            ] {
                for (i, r) in all_rels.iter().enumerate().take(count) {
                    let root = parse(r)?;
                    // docx-rs writes empty relationship parts; an absent part says the same.
                    if root.children.iter().any(|c| matches!(c, Node::El(_))) {
                        tail.push(fresh(
                            format!("word/_rels/{prefix}{}.xml.rels", i + 1),
                            &serialize(&root),
                        )?);
                    }
                }
            }
            Ok(Self { head, rels, tail })
        }
    }

    impl Package {
        /// The package: the frame's parts around this document's properties, its body
        /// (`document`, already in schema order) and its relationships, with the external
        /// hyperlinks (`links`, escaped targets in order: the n-th is `rIdHyperlink{n}`, as
        /// the document refers to it).
        pub(super) fn new(
            frame: &Frame,
            meta: &DocMeta,
            document: &[u8],
            links: &[String],
        ) -> anyhow::Result<Self> {
            let mut rels = String::with_capacity(frame.rels.len() + 200 * links.len() + 20);
            rels.push_str(&frame.rels);
            for (i, target) in links.iter().enumerate() {
                let _ = write!(
                    rels,
                    "<Relationship Id=\"rIdHyperlink{}\" Type=\"{HYPERLINK_TYPE}\" \
                     Target=\"{target}\" TargetMode=\"External\"/>",
                    i + 1
                );
            }
            rels.push_str("</Relationships>");
            let mut parts = Vec::with_capacity(frame.head.len() + 3 + frame.tail.len());
            parts.extend(frame.head.iter().cloned());
            parts.push(fresh("docProps/core.xml", &core_properties(meta))?);
            parts.push(fresh("word/document.xml", document)?);
            // The same hyperlinks come back for every location of a document kind. (The
            // fast level, as for every part that depends on the document.)
            parts.push(cached_at(
                "word/_rels/document.xml.rels",
                "word/_rels/document.xml.rels",
                rels.as_bytes(),
                false,
                |raw| Ok(raw.to_vec()),
            )?);
            parts.extend(frame.tail.iter().cloned());
            Ok(Self { parts })
        }

        /// A zip archive of the parts in their fixed order, every entry Deflated and dated
        /// 1980-01-01 00:00 (the zip epoch): same parts, same bytes. Written here rather
        /// than through the zip crate so that compressed parts can be reused as they are.
        pub(super) fn pack(self) -> anyhow::Result<Vec<u8>> {
            const VERSION: u16 = 20;
            /// Unix, so that readers take the permissions below.
            const MADE_BY: u16 = (3 << 8) | VERSION;
            const DEFLATED: u16 = 8;
            /// 1980-01-01 in MS-DOS date format; the time is 00:00:00.
            const DOS_DATE: u16 = (1 << 5) | 1;
            /// A regular file, rw-r--r--.
            const EXTERNAL_ATTRS: u32 = 0o100_644 << 16;

            fn u16le(out: &mut Vec<u8>, v: u16) {
                out.extend_from_slice(&v.to_le_bytes());
            }
            fn u32le(out: &mut Vec<u8>, v: u32) {
                out.extend_from_slice(&v.to_le_bytes());
            }

            let size: usize = self
                .parts
                .iter()
                .map(|p| 2 * p.name.len() + p.deflated.len() + 80)
                .sum();
            let mut out = Vec::with_capacity(size + 22);
            let mut offsets = Vec::with_capacity(self.parts.len());
            for p in &self.parts {
                offsets.push(u32::try_from(out.len()).context("archive larger than 4 GiB")?);
                let name_len = u16::try_from(p.name.len()).context("part name too long")?;
                let deflated_len =
                    u32::try_from(p.deflated.len()).context("part larger than 4 GiB")?;
                u32le(&mut out, 0x0403_4b50);
                u16le(&mut out, VERSION);
                u16le(&mut out, 0);
                u16le(&mut out, DEFLATED);
                u16le(&mut out, 0);
                u16le(&mut out, DOS_DATE);
                u32le(&mut out, p.crc);
                u32le(&mut out, deflated_len);
                u32le(&mut out, p.size);
                u16le(&mut out, name_len);
                u16le(&mut out, 0);
                out.extend_from_slice(p.name.as_bytes());
                out.extend_from_slice(&p.deflated);
            }
            let directory_start = out.len();
            for (p, offset) in self.parts.iter().zip(offsets) {
                u32le(&mut out, 0x0201_4b50);
                u16le(&mut out, MADE_BY);
                u16le(&mut out, VERSION);
                u16le(&mut out, 0);
                u16le(&mut out, DEFLATED);
                u16le(&mut out, 0);
                u16le(&mut out, DOS_DATE);
                u32le(&mut out, p.crc);
                u32le(&mut out, u32::try_from(p.deflated.len())?);
                u32le(&mut out, p.size);
                u16le(&mut out, u16::try_from(p.name.len())?);
                u16le(&mut out, 0); // extra field
                u16le(&mut out, 0); // comment
                u16le(&mut out, 0); // disk
                u16le(&mut out, 0); // internal attributes
                u32le(&mut out, EXTERNAL_ATTRS);
                u32le(&mut out, offset);
                out.extend_from_slice(p.name.as_bytes());
            }
            let entries = u16::try_from(self.parts.len()).context("too many parts")?;
            let directory_len = u32::try_from(out.len() - directory_start)?;
            let directory_start = u32::try_from(directory_start)?;
            u32le(&mut out, 0x0605_4b50);
            u16le(&mut out, 0);
            u16le(&mut out, 0);
            u16le(&mut out, entries);
            u16le(&mut out, entries);
            u32le(&mut out, directory_len);
            u32le(&mut out, directory_start);
            u16le(&mut out, 0);
            Ok(out)
        }
    }
}

#[cfg(test)]
mod tests {
    use std::io::Read as _;

    use super::*;

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
        }
    }

    fn document_xml(blocks: Vec<Block>) -> String {
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

    #[test]
    fn the_document_frame_is_what_docx_rs_writes_after_the_fix_up() {
        // docx-rs's document.xml for the same page setup, header and footer, with an
        // empty body, through the schema fix-up.
        let raw = package("", &EN, &[]).build().document;
        let fixed = String::from_utf8(fix::normalized(&raw).unwrap()).unwrap();
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

    #[test]
    fn text_and_link_targets_are_escaped_and_control_characters_dropped() {
        let xml = document_xml(vec![Block::Paragraph(vec![
            Inline::Text("a & b <c> \"d\" 'e'\u{7}\tf".into()),
            Inline::Link {
                url: "https://x.example/?a=1&b=2".into(),
                children: vec![Inline::Text("link".into())],
            },
        ])]);
        assert!(
            xml.contains("a &amp; b &lt;c&gt; &quot;d&quot; &apos;e&apos;\tf</w:t>"),
            "{xml}"
        );
        assert!(
            xml.contains("<w:hyperlink r:id=\"rIdHyperlink1\" w:history=\"1\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t xml:space=\"preserve\">link</w:t></w:r></w:hyperlink>"),
            "{xml}"
        );
    }

    #[test]
    fn column_widths_sum_to_text_width_and_respect_minimums() {
        let lengths = vec![vec![3, 120, 10], vec![2, 300, 12]];
        let words = vec![400, 2000, 1350];
        let w = column_widths(&lengths, &words, TEXT_WIDTH);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);
        assert!(w.iter().all(|c| *c >= MIN_COLUMN), "{w:?}");
        assert!(w[1] > w[2] && w[2] > w[0], "{w:?}");
        assert!(w[1] >= 2000 + CELL_PADDING, "{w:?}");

        let many = vec![vec![40; 12]];
        let w = column_widths(&many, &[4000; 12], TEXT_WIDTH);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);

        let short = vec![vec![1, 2]];
        let w = column_widths(&short, &[100, 200], TEXT_WIDTH);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);
    }

    #[test]
    fn widest_words_get_their_width_first_when_not_all_fit() {
        // Four columns whose words want 4,000 + 3,000 + 2,500 + 2,000 twips of 9,355.
        let lengths = vec![vec![30, 30, 30, 30]];
        let words = [4000, 3000, 2500, 2000];
        let w = column_widths(&lengths, &words, TEXT_WIDTH);
        assert_eq!(w.iter().sum::<u32>(), TEXT_WIDTH);
        assert_eq!(w[0], 4000 + CELL_PADDING, "{w:?}");
        assert_eq!(w[1], 3000 + CELL_PADDING, "{w:?}");
        assert!(w[2] >= MIN_COLUMN && w[3] >= MIN_COLUMN, "{w:?}");
        assert!(w[2] > w[3], "{w:?}");
    }

    #[test]
    fn capitals_and_codes_are_measured_wider_than_text() {
        let code = widest_word("UF_CRM_REGL_CHANNEL", false);
        let text = widest_word("согласование", false);
        // 19 characters, as many Latin capitals: about 2,700 twips in Times at 11 pt.
        assert!(code >= 2_700, "{code}");
        assert!(code > text);
        // Non-breaking spaces hold words together; hyphens let them break.
        assert!(widest_word("24\u{a0}часа", false) > widest_word("24 часа", false));
        assert!(widest_word("ИИ-ассистент", false) < widest_word("ИИассистент", false));
        assert!(widest_word("Код", true) > widest_word("Код", false));
    }
}
