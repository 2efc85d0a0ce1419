//! Runs of `word/document.xml`: text with its run properties in the schema's order
//! (`CT_RPr`: rStyle, b, bCs, i, iCs), line breaks, external hyperlinks, and the
//! escaping of text and link targets. Separate from paragraphs because the same
//! inlines are written into body paragraphs, list items and table cells alike.

use std::fmt::Write as _;

use super::body::Body;
use crate::render::doc::Inline;

/// Formatting inherited by nested inlines.
#[derive(Clone, Copy, Default)]
pub(super) struct Fmt {
    pub(super) bold: bool,
    pub(super) italic: bool,
    pub(super) link: bool,
}

impl Body {
    pub(super) fn inlines(&mut self, inlines: &[Inline], fmt: Fmt) {
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

#[cfg(test)]
mod tests {
    use crate::render::doc::{Block, Inline};
    use crate::render::docx::testing::document_xml;

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
}
