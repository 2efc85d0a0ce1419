//! One location's outputs, made in memory: for each Word document the template engine's
//! Markdown → the document model with its document control → .docx; the workbooks (the SLA
//! sheet of each location, the PD register of the operator) straight from their views → .xlsx.
//!
//! Everything for a location is built on the calling thread before it returns, because
//! docx-rs numbers paragraphs with a thread-local counter that `build()` resets: one
//! document at a time per thread keeps the bytes independent of scheduling.

use std::fmt;

use super::doc::Document;
use super::docx::write_docx;
use super::engine::{Engine, TemplateError};
use super::kind::DocKind;
use super::markdown;
use super::meta::{doc_meta, operator_meta};
use super::views::{self, Shared};
use super::xlsx::{write_pd_register, write_sla_sheet};
use crate::model::business::{Business, Location};
use crate::model::enums::Lang;
use crate::model::read::Sp;

/// Which files a render writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Formats {
    pub docx: bool,
    pub xlsx: bool,
    /// The Markdown each Word document was made from, for readable diffs in review.
    pub md: bool,
}

impl Default for Formats {
    fn default() -> Self {
        Self {
            docx: true,
            xlsx: true,
            md: false,
        }
    }
}

/// What kind of file an output is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FileFormat {
    Docx,
    Xlsx,
    Markdown,
}

/// One file of a location, ready to write.
#[derive(Debug, Clone)]
pub struct Output {
    pub kind: DocKind,
    pub format: FileFormat,
    /// `pd-policy-omsk.docx`, `pd-policy-omsk.md`.
    pub file_name: String,
    pub bytes: Vec<u8>,
}

/// Why a location could not be rendered.
#[derive(Debug)]
pub enum RenderError {
    /// A template failed: the user's to fix, shown as `template:line: message`.
    Template(TemplateError),
    /// A writer failed on what the model gave it.
    Write { file: String, source: anyhow::Error },
}

impl fmt::Display for RenderError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // `path:line:col: message`, as an editor jumps to it.
            RenderError::Template(e) => write!(f, "{e}"),
            RenderError::Write { file, source } => write!(f, "cannot write `{file}`: {source:#}"),
        }
    }
}

impl std::error::Error for RenderError {}

/// The Markdown of a Word document of `loc`, from its template.
pub fn markdown_of(
    engine: &Engine,
    ctx: &tera::Context,
    b: &Business,
    kind: DocKind,
) -> Result<String, RenderError> {
    engine
        .render(kind, b.lang(), ctx)
        .map_err(RenderError::Template)
}

/// A Word document from its Markdown, with the document control of `loc`.
pub fn docx_of(
    markdown_text: &str,
    b: &Business,
    loc: &Location,
    kind: DocKind,
) -> anyhow::Result<Vec<u8>> {
    docx_with(markdown_text, b, loc, kind, false)
}

/// [`docx_of`], marked as a translation when `translation`.
fn docx_with(
    markdown_text: &str,
    b: &Business,
    loc: &Location,
    kind: DocKind,
    translation: bool,
) -> anyhow::Result<Vec<u8>> {
    let mut meta = if kind.per_operator() {
        operator_meta(b, kind)
    } else {
        doc_meta(b, loc, kind)
    };
    meta.translation = translation;
    let doc = Document {
        meta,
        blocks: markdown::parse(markdown_text),
    };
    write_docx(&doc)
}

/// The documents of the operator as a whole (SPEC §1 "per operator"), in `formats`: one per
/// business, naming every location, written at the output folder's root.
pub fn render_operator(
    engine: &Engine,
    b: &Business,
    formats: Formats,
) -> Result<Vec<Output>, RenderError> {
    let Some(first) = b.locations.first() else {
        return Ok(Vec::new());
    };
    let shared = Shared::new(b, first);
    let russian = russian_original(b);
    let russian_shared = russian.as_ref().map(|r| Shared::new(r, &r.locations[0]));
    let mut out = Vec::new();
    for kind in DocKind::ALL {
        if !kind.per_operator() || !kind.applies_to(b) {
            continue;
        }
        if !kind.is_docx() {
            if formats.xlsx {
                let file = kind.file_name("");
                let view = views::pd_register::build(&shared);
                let bytes = write_pd_register(&view).map_err(|source| RenderError::Write {
                    file: file.clone(),
                    source,
                })?;
                out.push(Output {
                    kind,
                    format: FileFormat::Xlsx,
                    file_name: file,
                    bytes,
                });
            }
            continue;
        }
        consumer_document(
            engine,
            &shared,
            russian_shared.as_ref(),
            kind,
            formats,
            "",
            &mut out,
        )?;
    }
    Ok(out)
}

/// The same business in Russian, when it writes in English: its consumer documents are
/// written from it (the consumer protection law, ст. 8), and the English ones are their
/// translation.
fn russian_original(b: &Business) -> Option<Business> {
    if b.lang() != Lang::En {
        return None;
    }
    let mut ru = b.clone();
    let span = ru.business.name.span.start..ru.business.name.span.start;
    ru.business.lang = Some(Sp::new(Lang::Ru, span));
    Some(ru)
}

/// A document of `kind`: where the business writes in English and the document is for
/// consumers, the Russian original under the usual name and the English translation as
/// `<name>.en.docx`; otherwise the one document.
fn consumer_document(
    engine: &Engine,
    shared: &Shared<'_>,
    russian: Option<&Shared<'_>>,
    kind: DocKind,
    formats: Formats,
    id: &str,
    out: &mut Vec<Output>,
) -> Result<(), RenderError> {
    match russian.filter(|_| kind.for_consumers()) {
        Some(ru) => {
            word_document(engine, ru, kind, formats, id, false, out)?;
            word_document(engine, shared, kind, formats, id, true, out)
        }
        None => word_document(engine, shared, kind, formats, id, false, out),
    }
}

/// Renders the Word document `kind` of `shared`'s location (or of the operator) into `out`:
/// the .docx and, when asked, its Markdown.
fn word_document(
    engine: &Engine,
    shared: &Shared<'_>,
    kind: DocKind,
    formats: Formats,
    id: &str,
    translation: bool,
    out: &mut Vec<Output>,
) -> Result<(), RenderError> {
    if !formats.docx && !formats.md {
        return Ok(());
    }
    let b = shared.business;
    let md = markdown_of(engine, &views::context(kind, shared), b, kind)?;
    let base = kind.file_name(id);
    let base = base.trim_end_matches(".docx");
    let stem = if translation {
        format!("{base}.en")
    } else {
        base.to_owned()
    };
    if formats.docx {
        let file = format!("{stem}.docx");
        let bytes = docx_with(&md, b, shared.location, kind, translation).map_err(|source| {
            RenderError::Write {
                file: file.clone(),
                source,
            }
        })?;
        out.push(Output {
            kind,
            format: FileFormat::Docx,
            file_name: file,
            bytes,
        });
    }
    if formats.md {
        out.push(Output {
            kind,
            format: FileFormat::Markdown,
            file_name: format!("{stem}.md"),
            bytes: md.into_bytes(),
        });
    }
    Ok(())
}

/// Every output of `loc` in `formats`, in the order of [`DocKind::ALL`].
pub fn render_location(
    engine: &Engine,
    b: &Business,
    loc: &Location,
    formats: Formats,
) -> Result<Vec<Output>, RenderError> {
    let id = loc.id.as_str();
    // What the documents share is built once for all six.
    let shared = Shared::new(b, loc);
    let russian = russian_original(b);
    let russian_loc = russian
        .as_ref()
        .and_then(|r| r.locations.iter().find(|l| l.id.as_str() == id));
    let russian_shared = russian
        .as_ref()
        .zip(russian_loc)
        .map(|(r, l)| Shared::new(r, l));
    let mut out = Vec::with_capacity(DocKind::ALL.len() * 2);
    for kind in DocKind::ALL {
        if !kind.is_docx() {
            if formats.xlsx && !kind.per_operator() {
                let file = kind.file_name(id);
                let view = views::sla_sheet::build(&shared);
                let bytes = write_sla_sheet(&view).map_err(|source| RenderError::Write {
                    file: file.clone(),
                    source,
                })?;
                out.push(Output {
                    kind,
                    format: FileFormat::Xlsx,
                    file_name: file,
                    bytes,
                });
            }
            continue;
        }
        if kind.per_operator() || !kind.applies_to(b) {
            continue;
        }
        consumer_document(
            engine,
            &shared,
            russian_shared.as_ref(),
            kind,
            formats,
            id,
            &mut out,
        )?;
    }
    Ok(out)
}
