//! Rendering: Tera templates → Markdown → document model → .docx, and the SLA sheet → .xlsx.

pub mod context;
pub mod doc;
pub mod docx;
pub mod engine;
pub mod kind;
pub mod markdown;
pub mod meta;
pub mod pipeline;
pub mod typography;
pub mod xlsx;
