//! Rendering: Tera templates → Markdown → document model → .docx, and the SLA sheet → .xlsx.

pub mod kind;
