//! Document control: the title block with its table of version, dates, owner and
//! approver at the top of `word/document.xml`, the revision history at its end,
//! and the page header (title and version) and footer ("Page N of M", as PAGE
//! and NUMPAGES fields) that carry it onto every page. Together because they
//! are one record of the document, read from its metadata, not from its text.

use docx_rs::{FieldCharType, Footer, Header, InstrNUMPAGES, InstrPAGE, InstrText, Paragraph, Run};

use super::body::Body;
use super::labels::Labels;
use super::paragraph::PPr;
use super::run::Fmt;
use super::table::LABEL_FILL;
use super::{FOOTER_SIZE, TEXT_WIDTH};
use crate::render::doc::{DocMeta, Inline};

impl Body {
    /// The title, the business and its location, then the document-control table.
    pub(super) fn title_block(&mut self, meta: &DocMeta) {
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
        if meta.translation {
            // Said in both languages: the reader of the copy may read only one of them.
            self.paragraph(
                PPr::style("Subtitle"),
                &text("Translation. Where it differs from the Russian original, the Russian text prevails. / Перевод; при расхождении действует текст на русском языке."),
                Fmt::default(),
                false,
            );
        }
        let label = if meta.several_locations {
            l.locations
        } else {
            l.location
        };
        self.paragraph(
            PPr::style("Subtitle"),
            &text(&format!("{label}: {}", meta.location)),
            Fmt::default(),
            false,
        );
        // A form is signed as it stands; its version and dates are in the page header.
        if meta.form {
            return;
        }
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

    /// The revision history: a heading and a table of the revisions.
    pub(super) fn revision_history(&mut self, meta: &DocMeta) {
        let l = self.labels;
        // At the level of the document's own sections (`##`), not above them.
        self.paragraph(
            PPr::style("Heading2"),
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
}

/// Control characters are not allowed in XML 1.0.
fn xml_text(s: &str) -> String {
    s.chars()
        .filter(|c| *c == '\t' || !c.is_control())
        .collect()
}

/// The page header: its text in the header style, at the footer's size.
pub(super) fn header(text: &str) -> Header {
    Header::new().add_paragraph(
        Paragraph::new()
            .style("Header")
            .add_run(Run::new().size(FOOTER_SIZE).add_text(text)),
    )
}

/// The page header's text: the document's title and version.
pub(super) fn header_text(meta: &DocMeta, labels: &Labels) -> String {
    xml_text(&format!(
        "{} · {} {}",
        meta.title, labels.header_version, meta.version
    ))
}

/// The page footer: "Page N of M", the numbers as fields the reader fills in.
pub(super) fn footer(labels: &Labels) -> Footer {
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
