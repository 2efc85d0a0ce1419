//! `word/styles.xml`: the paragraph and character styles the body refers to
//! (headings, title, list, quote, table text, header and footer, hyperlink,
//! code), built through docx-rs, and what its styles part then still lacks.

use docx_rs::{AlignmentType, LineSpacingType, Style, StyleType};

use super::dom::{El, Node};
use super::numbering::LIST_INDENT;
use super::{FOOTER_SIZE, HEADING_FONT, MONO_FONT, TABLE_SIZE, fonts, spacing};

pub(super) fn styles() -> Vec<Style> {
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

/// What docx-rs leaves out of `word/styles.xml`: the flag that makes Normal the
/// default paragraph style, and the spell-check language of every run.
pub(super) fn fix_styles(root: &mut El<'_>, lang: &'static str) {
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
