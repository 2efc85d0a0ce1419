//! The document model between Markdown and the .docx writer: small enough that
//! every block kind has a deliberate rendering, and free of any writer's types.

use chrono::NaiveDate;

/// The language a document is written in; selects labels and spell-check language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Ru,
    En,
}

impl Lang {
    /// BCP 47 tag as Word expects it in `w:lang` and `dc:language`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Ru => "ru-RU",
            Lang::En => "en-US",
        }
    }
}

/// One row of the revision history ("Лист регистрации изменений").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Revision {
    pub version: String,
    /// Already formatted for the document's language.
    pub date: String,
    pub summary: String,
    pub approved_by: String,
}

/// Document control data printed on the title block, header, footer and in the
/// core properties.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DocMeta {
    pub title: String,
    pub subject: String,
    pub business: String,
    /// The city of the location the document is for.
    pub location: String,
    pub version: String,
    /// Already formatted for the document's language.
    pub effective_date: String,
    pub next_review: String,
    pub owner: String,
    pub approver: String,
    pub lang: Lang,
    pub revisions: Vec<Revision>,
    pub keywords: String,
    /// Written as midnight UTC into the core properties, never the wall clock,
    /// so identical inputs give identical files.
    pub created: NaiveDate,
    /// The document covers several locations (`location` lists them): the title block
    /// says so.
    pub several_locations: bool,
    /// A form people fill in and sign: no document-control table, no revision history.
    pub form: bool,
    /// A translation of a Russian original, which prevails: the title block says so.
    pub translation: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Inline {
    Text(String),
    Strong(Vec<Inline>),
    Emph(Vec<Inline>),
    Link { url: String, children: Vec<Inline> },
    Code(String),
    LineBreak,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    Heading {
        level: u8,
        inlines: Vec<Inline>,
    },
    Paragraph(Vec<Inline>),
    List {
        ordered: bool,
        start: u32,
        /// Each item is a sequence of blocks, so lists nest.
        items: Vec<Vec<Block>>,
    },
    Table {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
    PageBreak,
    Quote(Vec<Block>),
    /// A table filled in by hand: a label column and a wide empty column, rows tall enough
    /// to write in (`<!-- form -->` before a Markdown table).
    Form {
        header: Vec<Vec<Inline>>,
        rows: Vec<Vec<Vec<Inline>>>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub meta: DocMeta,
    pub blocks: Vec<Block>,
}

/// Plain text of inlines, as a reader would see it (links give their label).
pub fn plain_text(inlines: &[Inline]) -> String {
    let mut out = String::new();
    push_plain(inlines, &mut out);
    out
}

fn push_plain(inlines: &[Inline], out: &mut String) {
    for inline in inlines {
        match inline {
            Inline::Text(t) | Inline::Code(t) => out.push_str(t),
            Inline::Strong(c) | Inline::Emph(c) | Inline::Link { children: c, .. } => {
                push_plain(c, out);
            }
            Inline::LineBreak => out.push('\n'),
        }
    }
}
