//! `docProps/core.xml`: title, subject, author, keywords, description, version,
//! language and dates, written from the document's metadata. Written here, not
//! through docx-rs, so that it carries the document's own metadata and date, and
//! the same document always gives the same bytes.

use std::fmt::Write as _;

use crate::render::doc::DocMeta;

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

pub(super) fn core_properties(meta: &DocMeta) -> Vec<u8> {
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
