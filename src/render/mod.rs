//! Rendering: Markdown to a small document model, and that model to .docx.

pub mod doc;
pub mod docx;
pub mod markdown;
