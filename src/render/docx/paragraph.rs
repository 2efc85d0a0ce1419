//! Paragraphs of `word/document.xml`: their properties in the schema's order, and
//! how a paragraph is opened, closed, restyled after the fact or written empty.
//! Kept apart from the blocks ([`super::body`]) because tables and lists write
//! paragraphs too, and the property order is the schema's, not the model's.

use std::fmt::Write as _;

use super::body::Body;
use super::run::Fmt;
use crate::render::doc::Inline;

/// `w:spacing` of a body paragraph.
#[derive(Clone, Copy)]
pub(super) enum Spacing {
    /// Only `w:before`: the style keeps its own spacing after.
    Before(u32),
    BeforeAfter(u32, u32),
}

/// The paragraph properties regl gives body paragraphs, written in the schema's order
/// (ECMA-376 `CT_PPr`: pStyle, keepNext, pageBreakBefore, numPr, spacing, ind).
#[derive(Clone, Copy, Default)]
pub(super) struct PPr {
    pub(super) style: Option<&'static str>,
    /// Kept on the page of what follows: a table's lead-in.
    pub(super) keep_next: bool,
    pub(super) page_break: bool,
    /// (numbering id, level).
    pub(super) numbering: Option<(usize, usize)>,
    pub(super) spacing: Option<Spacing>,
    /// Left indent in twips.
    pub(super) indent: Option<i32>,
}

impl PPr {
    pub(super) fn style(style: &'static str) -> Self {
        Self {
            style: Some(style),
            ..Self::default()
        }
    }

    pub(super) fn write(&self, out: &mut String) {
        if self.style.is_none()
            && !self.keep_next
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
        if self.keep_next {
            out.push_str("<w:keepNext/>");
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

impl Body {
    /// A body paragraph. Headings bring their own space above; other paragraphs
    /// (`gap_after_table`) would touch a table just before them.
    pub(super) fn paragraph(
        &mut self,
        mut ppr: PPr,
        inlines: &[Inline],
        fmt: Fmt,
        gap_after_table: bool,
    ) {
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
    pub(super) fn restyle_last(&mut self, change: impl FnOnce(&mut PPr)) {
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
    pub(super) fn filler(&mut self, ppr: PPr, runs: &str) {
        let start = self.xml.len();
        self.xml.push_str("<w:p>");
        ppr.write(&mut self.xml);
        let content = self.xml.len();
        self.xml.push_str(runs);
        close_paragraph(&mut self.xml, start);
        self.last = Some((start, content, ppr));
        self.after_table = false;
    }
}

/// Ends the paragraph opened at `start`; one with nothing in it is written empty.
pub(super) fn close_paragraph(xml: &mut String, start: usize) {
    if xml.len() == start + "<w:p>".len() {
        xml.truncate(start);
        xml.push_str("<w:p/>");
    } else {
        xml.push_str("</w:p>");
    }
}
