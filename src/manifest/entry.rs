//! One file in the output folder as the manifest records it: which verb wrote it, what kind
//! of file it is, and the digests of what it was made from and of what was written.

use serde::{Deserialize, Serialize};

/// The verb that wrote a file; each verb rewrites only its own entries.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verb {
    Render,
    Export,
    /// `regl push` (SPEC §8): what the portal assigned, written after an apply.
    Push,
}

impl Verb {
    /// The command that writes such a file again: `regl render`.
    pub fn command(self) -> &'static str {
        match self {
            Verb::Render => "regl render",
            Verb::Export => "regl export",
            Verb::Push => "regl push",
        }
    }
}

/// What a file is for, which decides how lint judges it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// A regulation: the .docx documents and the .xlsx SLA workbook.
    Document,
    /// A file people fill in (SPEC §7 "Working copies": the pilot plan, the launch checklist,
    /// the staff acknowledgement). Render keeps what people entered, so a digest that moved
    /// is their work, not a hand edit to undo.
    WorkingCopy,
    /// A location's bot scripts (`bot-scripts-<loc>.json`).
    BotScripts,
    /// What the Bitrix24 portal is set up from or was given: `bitrix24-mapping.json`, later
    /// `bitrix24-portal.json`.
    PortalFile,
    /// The Markdown a Word document was made from (`--format md`).
    Markdown,
}

impl Kind {
    /// Whether a file whose bytes differ from what was written counts as edited by hand
    /// (D403). A working copy is filled in by people: a changed digest is expected.
    pub fn judged_for_edits(self) -> bool {
        self != Kind::WorkingCopy
    }
}

/// One written file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Relative to the output folder, with `/` separators: `omsk/pd-policy-omsk.docx`.
    pub path: String,
    pub verb: Verb,
    pub kind: Kind,
    /// The location the file belongs to; none for a file of the whole business
    /// (`bitrix24-mapping.json`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    /// What the file is: `lead-handling`, `sla-response-times`, `pd-policy`, `bot-scripts`,
    /// `bitrix24-mapping`, …
    pub document: String,
    /// The templates it was made from, by name (`ru/pd-policy.md`, or a user override).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub templates: Vec<String>,
    /// Digest of everything the file was made from.
    pub inputs_sha256: String,
    /// Digest of the bytes written.
    pub output_sha256: String,
}

impl Entry {
    pub fn belongs_to(&self, location: &str) -> bool {
        self.location.as_deref() == Some(location)
    }
}
