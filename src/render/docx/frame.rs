//! The parts of the package that docx-rs writes (content types, relationships,
//! app properties, styles, numbering, settings, font table, header and footer):
//! what docx-rs is given to build them, and the frame they make once fixed and
//! compressed, dropping the parts a regulation never uses. A frame is cached per
//! thread by what it is made from, as every location of a document kind shares it.

use std::cell::RefCell;
use std::collections::HashMap;
use std::rc::Rc;

use anyhow::Context;
use docx_rs::{Docx, LineSpacingType, PageMargin, XMLDocx};

use super::dom::{El, Node, parse, serialize};
use super::labels::Labels;
use super::numbering::{FIRST_NUMBERING_ID, numbering};
use super::packed::{PART_CACHE_LIMIT, Packed, cached, fresh};
use super::schema::{normalize, normalized};
use super::styles::{fix_styles, styles};
use super::{
    BODY_FONT, BODY_SIZE, MARGIN_BOTTOM, MARGIN_LEFT, MARGIN_RIGHT, MARGIN_TOP, PAGE_HEIGHT,
    PAGE_WIDTH, control, fonts, spacing,
};
use crate::render::doc::Lang;

/// The package parts other than the body, through docx-rs: page setup, header (its
/// text), footer, styles and the numberings of the body's `lists`.
pub(super) fn package(header: &str, labels: &Labels, lists: &[(bool, usize, usize)]) -> Docx {
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
        .header(control::header(header))
        .footer(control::footer(labels));
    for style in styles() {
        docx = docx.add_style(style);
    }
    for (i, &(ordered, start, depth)) in lists.iter().enumerate() {
        let (abstract_num, num) = numbering(FIRST_NUMBERING_ID + i, ordered, start, depth);
        docx = docx.add_abstract_numbering(abstract_num).add_numbering(num);
    }
    docx
}

fn to_i32(v: u32) -> i32 {
    i32::try_from(v).unwrap_or(i32::MAX)
}

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

/// The parts of a package that come from docx-rs, fixed and compressed: everything
/// but the document's body, its core properties and its relationships (of which the
/// part common to every document is kept as text, `rels`, without its closing tag).
pub(super) struct Frame {
    pub(super) head: Vec<Rc<Packed>>,
    pub(super) rels: String,
    pub(super) tail: Vec<Rc<Packed>>,
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
