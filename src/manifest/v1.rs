//! The manifest of version 1, as regl wrote it before each output knew its verb and kind:
//! read so that a committed manifest keeps working, and rewritten as the current version by
//! the next render.

use serde::{Deserialize, Serialize};

use super::entry::{self, Kind, Verb};
use super::sections::Sections;

pub const VERSION: u32 = 1;

/// The manifest of one render, version 1.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub regl_manifest: u32,
    pub generator: String,
    pub document_version: String,
    pub content_sha256: String,
    pub outputs: Vec<Entry>,
}

/// One written file, version 1: every file was a rendered document of a location.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub path: String,
    pub location: String,
    pub document: String,
    pub templates: Vec<String>,
    pub inputs_sha256: String,
    pub output_sha256: String,
}

impl Manifest {
    /// Pretty JSON with a trailing newline, as version 1 was written.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a manifest serialises");
        s.push('\n');
        s
    }

    /// The same record in the current form. Version 1 knew no per-location inputs: with none,
    /// lint judges staleness on the whole config, as version 1 did.
    pub fn upgrade(self) -> super::Manifest {
        super::Manifest {
            regl_manifest: super::MANIFEST_VERSION,
            generator: self.generator,
            document_version: Some(self.document_version),
            content_sha256: Some(self.content_sha256),
            inputs: std::collections::BTreeMap::new(),
            business_tables: std::collections::BTreeMap::new(),
            outputs: self.outputs.into_iter().map(Entry::upgrade).collect(),
            sections: Sections::default(),
            never_pruned: super::never_pruned::list(),
            published: std::collections::BTreeMap::new(),
        }
    }
}

impl Entry {
    fn upgrade(self) -> entry::Entry {
        // Render wrote the documents and, with `--format md`, the Markdown beside them.
        let markdown = std::path::Path::new(&self.path)
            .extension()
            .is_some_and(|x| x == "md");
        let kind = if markdown {
            Kind::Markdown
        } else {
            Kind::Document
        };
        entry::Entry {
            path: self.path,
            verb: Verb::Render,
            kind,
            location: Some(self.location),
            document: self.document,
            templates: self.templates,
            inputs_sha256: self.inputs_sha256,
            output_sha256: self.output_sha256,
        }
    }
}
