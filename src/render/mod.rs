//! Rendering: each document's view → Tera templates → Markdown → document model → .docx, and
//! the workbooks' views (the SLA sheet, the PD register) → .xlsx.

pub mod doc;
pub mod docx;
pub mod engine;
pub mod kind;
pub mod markdown;
pub mod meta;
pub mod pipeline;
pub mod typography;
pub mod views;
pub mod xlsx;
