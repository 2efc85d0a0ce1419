//! Document model to .docx.
