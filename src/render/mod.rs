//! Rendering: Tera templates → Markdown → document model → .docx, and the SLA sheet → .xlsx.

pub mod doc;
pub mod docx;
pub mod kind;
pub mod markdown;
