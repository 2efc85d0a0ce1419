//! `OUT/regl-manifest.json`: what each file in the output folder was made from. `render` and
//! `export` write it, each keeping the other's entries; lint reads it (D401 stale or missing,
//! D403 edited by hand, D404 version not bumped).
//!
//! Version 2 records, besides each file's digests, the verb that wrote it and its kind; per
//! location, the digests of the inputs its documents were made from (the business-level part
//! and the location's own), so a render of one location cannot hide that another's documents
//! are stale; per document and version, a digest of each section; and the files regl must
//! never prune. Version 1 manifests are still read ([`v1`]). The file is deterministic: maps
//! are sorted, entries sorted by path, and nothing records a time.

mod digest;
pub mod entry;
pub mod never_pruned;
pub mod published;
pub mod sections;
pub mod v1;

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;

use serde::{Deserialize, Serialize};

pub use digest::{
    Canonical, ConfigDigests, InputsDigest, canonical_config, content_digest, digests,
    inputs_digest, sha256_hex,
};
pub use entry::{Entry, Kind, Verb};
pub use never_pruned::NEVER_PRUNED;
pub use published::Published;
pub use sections::{SectionDigests, Sections, changed_between, digest_sections};

pub const FILE_NAME: &str = "regl-manifest.json";
pub const MANIFEST_VERSION: u32 = 2;

/// What every file in the output folder was made from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub regl_manifest: u32,
    /// `regl X.Y.Z` that wrote it.
    pub generator: String,
    /// `[document].version` at the last render; absent until something is rendered.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub document_version: Option<String>,
    /// Digest of the config without `[document]` at the last render: what the documents say.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub content_sha256: Option<String>,
    /// Per location: what its documents were made from when it was last rendered.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub inputs: BTreeMap<String, LocationInputs>,
    /// Per business-level digest a location's documents were made from
    /// ([`LocationInputs::business_sha256`]), the digest of each top-level table of it
    /// ([`ConfigDigests::tables`]): lint names the tables changed since.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub business_tables: BTreeMap<String, BTreeMap<String, String>>,
    /// Every file written, sorted by path.
    pub outputs: Vec<Entry>,
    /// Per document and version, a digest of each section.
    #[serde(default, skip_serializing_if = "Sections::is_empty")]
    pub sections: Sections,
    /// The paths regl never deletes ([`NEVER_PRUNED`], `<loc>` standing for a location id).
    #[serde(default)]
    pub never_pruned: Vec<String>,
    /// Per document, its texts as first rendered at its current version (D404).
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub published: BTreeMap<String, Published>,
}

/// The inputs of one location's documents, as of its last render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct LocationInputs {
    /// What every location's documents share ([`ConfigDigests::business_sha256`]).
    pub business_sha256: String,
    /// The location's own `[[locations]]` entry.
    pub location_sha256: String,
    /// The version its documents carry.
    pub document_version: String,
}

/// Why a file is not a manifest this regl reads. Lint words it for the user (D401).
#[derive(Debug)]
pub enum ReadError {
    Io(std::io::Error),
    /// Not JSON, or not the shape of any manifest version.
    NotAManifest(serde_json::Error),
    /// A version this regl does not know (written by a later regl).
    Version(u32),
}

impl std::fmt::Display for ReadError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ReadError::Io(e) => write!(f, "{e}"),
            ReadError::NotAManifest(e) => write!(f, "not a regl manifest: {e}"),
            ReadError::Version(v) => write!(
                f,
                "manifest version {v}: this regl reads versions {} and {MANIFEST_VERSION}",
                v1::VERSION
            ),
        }
    }
}

impl std::error::Error for ReadError {}

/// Just the version, read before the rest so each version is read by its own shape.
#[derive(Deserialize)]
struct Probe {
    regl_manifest: u32,
}

impl Manifest {
    /// `previous` (or an empty manifest) about to be written by this regl: its version,
    /// generator and never-pruned list are this regl's.
    pub fn continuing(previous: Option<Self>) -> Self {
        let mut m = previous.unwrap_or_else(|| Self {
            regl_manifest: MANIFEST_VERSION,
            generator: String::new(),
            document_version: None,
            content_sha256: None,
            inputs: BTreeMap::new(),
            business_tables: BTreeMap::new(),
            outputs: Vec::new(),
            sections: Sections::default(),
            never_pruned: Vec::new(),
            published: BTreeMap::new(),
        });
        m.regl_manifest = MANIFEST_VERSION;
        m.generator = format!("regl {}", env!("CARGO_PKG_VERSION"));
        m.never_pruned = never_pruned::list();
        m
    }

    pub fn read(path: &Path) -> Result<Self, ReadError> {
        let text = std::fs::read_to_string(path).map_err(ReadError::Io)?;
        Self::from_json(&text)
    }

    /// A manifest of any version this regl reads, in the current form.
    pub fn from_json(text: &str) -> Result<Self, ReadError> {
        let probe: Probe = serde_json::from_str(text).map_err(ReadError::NotAManifest)?;
        match probe.regl_manifest {
            v1::VERSION => {
                let old: v1::Manifest =
                    serde_json::from_str(text).map_err(ReadError::NotAManifest)?;
                Ok(old.upgrade())
            }
            MANIFEST_VERSION => serde_json::from_str(text).map_err(ReadError::NotAManifest),
            other => Err(ReadError::Version(other)),
        }
    }

    /// Pretty JSON with a trailing newline: stable bytes for identical manifests.
    pub fn to_json(&self) -> String {
        let mut s = serde_json::to_string_pretty(self).expect("a manifest serialises");
        s.push('\n');
        s
    }

    pub fn entry(&self, path: &str) -> Option<&Entry> {
        self.outputs.iter().find(|e| e.path == path)
    }

    /// Whether anything was ever rendered into this folder (`export` alone records no
    /// documents).
    pub fn rendered(&self) -> bool {
        self.content_sha256.is_some()
    }

    /// Makes `entries` the record of what `verb` wrote this run. Each replaces the entry of
    /// its path; an earlier entry of `verb` for a file this run did not write stays while
    /// `keep` says so (the file still exists, its location is still in `business.toml`);
    /// other verbs' entries stay as they are.
    pub fn record_outputs(
        &mut self,
        verb: Verb,
        entries: Vec<Entry>,
        keep: impl Fn(&Entry) -> bool,
    ) {
        let made: BTreeSet<&str> = entries.iter().map(|e| e.path.as_str()).collect();
        self.outputs
            .retain(|e| !made.contains(e.path.as_str()) && (e.verb != verb || keep(e)));
        self.outputs.extend(entries);
        self.outputs.sort_by(|a, b| a.path.cmp(&b.path));
    }

    /// The headings of `document` whose text changed between versions `from` and `to`
    /// ([`Sections::changed`]).
    pub fn sections_changed(&self, document: &str, from: &str, to: &str) -> Option<Vec<String>> {
        self.sections.changed(document, from, to)
    }

    /// The files `verb` wrote for locations `listed` refuses (removed from `business.toml`,
    /// or renamed), which regl may delete: never one [`Manifest::is_never_pruned`] keeps,
    /// never a file the manifest does not list.
    pub fn prunable(&self, verb: Verb, listed: impl Fn(&str) -> bool) -> Vec<String> {
        self.outputs
            .iter()
            .filter(|e| e.verb == verb)
            .filter(|e| e.location.as_deref().is_some_and(|l| !listed(l)))
            .filter(|e| !self.is_never_pruned(&e.path))
            .map(|e| e.path.clone())
            .collect()
    }

    /// Whether the file at `path` (relative to the output folder) must never be pruned.
    pub fn is_never_pruned(&self, path: &str) -> bool {
        never_pruned::never_pruned(&self.never_pruned, path, self.entry(path))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// What `regl render` wrote for `examples/salon-ufa-omsk` before version 2.
    const VERSION_1: &str = include_str!("../../tests/fixtures/regl-manifest-v1.json");

    fn entry(path: &str, verb: Verb, location: Option<&str>) -> Entry {
        Entry {
            path: path.into(),
            verb,
            kind: Kind::Document,
            location: location.map(str::to_owned),
            document: "d".into(),
            templates: Vec::new(),
            inputs_sha256: "i".into(),
            output_sha256: "o".into(),
        }
    }

    #[test]
    fn a_version_1_manifest_reads_as_rendered_documents_of_its_locations() {
        let m = Manifest::from_json(VERSION_1).unwrap();
        assert_eq!(m.regl_manifest, MANIFEST_VERSION);
        assert_eq!(m.document_version.as_deref(), Some("1.0"));
        assert!(m.rendered());
        assert!(m.inputs.is_empty(), "version 1 knew no per-location inputs");
        assert_eq!(m.outputs.len(), 12);
        assert!(m.outputs.iter().all(|e| e.verb == Verb::Render));
        assert!(m.outputs.iter().all(|e| e.kind == Kind::Document));
        let policy = m.entry("omsk/pd-policy-omsk.docx").unwrap();
        assert!(policy.belongs_to("omsk"));
        assert_eq!(policy.templates, ["ru/pd-policy.md"]);
        assert_eq!(m.never_pruned, never_pruned::list());
        // Its own shape reads back byte for byte.
        let old: v1::Manifest = serde_json::from_str(VERSION_1).unwrap();
        assert_eq!(old.to_json(), VERSION_1);
    }

    #[test]
    fn other_versions_and_other_files_are_refused() {
        let e = Manifest::from_json("{\"regl_manifest\": 3}").unwrap_err();
        assert!(matches!(e, ReadError::Version(3)), "{e}");
        assert!(Manifest::from_json("{\"outputs\": []}").is_err());
        assert!(Manifest::from_json("[]").is_err());
    }

    #[test]
    fn the_written_form_reads_back_to_the_same_bytes() {
        let mut m = Manifest::continuing(Some(Manifest::from_json(VERSION_1).unwrap()));
        m.inputs.insert(
            "ufa".into(),
            LocationInputs {
                business_sha256: "b".into(),
                location_sha256: "l".into(),
                document_version: "1.0".into(),
            },
        );
        m.sections.record(
            "pd-policy",
            "1.0",
            "ufa",
            digest_sections("# A\nx\n# B\ny\n"),
        );
        let json = m.to_json();
        let back = Manifest::from_json(&json).unwrap();
        assert_eq!(back, m);
        assert_eq!(back.to_json(), json);
        assert!(json.find("\"inputs\"") < json.find("\"outputs\""));
    }

    #[test]
    fn each_verb_replaces_only_its_own_entries() {
        let mut m = Manifest::continuing(None);
        assert!(!m.rendered());
        m.record_outputs(
            Verb::Render,
            vec![
                entry("ufa/a.docx", Verb::Render, Some("ufa")),
                entry("omsk/a.docx", Verb::Render, Some("omsk")),
            ],
            |_| true,
        );
        m.record_outputs(
            Verb::Export,
            vec![entry("map.json", Verb::Export, None)],
            |_| true,
        );
        // Render again for Ufa only; Omsk's file is gone from disk.
        m.record_outputs(
            Verb::Render,
            vec![entry("ufa/a.docx", Verb::Render, Some("ufa"))],
            |e| e.path != "omsk/a.docx",
        );
        let paths: Vec<&str> = m.outputs.iter().map(|e| e.path.as_str()).collect();
        assert_eq!(paths, ["map.json", "ufa/a.docx"]);
        // Export's entries are not render's to drop, whatever `keep` says.
        m.record_outputs(Verb::Render, Vec::new(), |_| false);
        assert_eq!(m.outputs.len(), 1);
        assert_eq!(m.outputs[0].verb, Verb::Export);
    }

    #[test]
    fn the_never_pruned_list_is_in_every_manifest_and_answers_for_paths() {
        let m = Manifest::continuing(None);
        assert_eq!(m.never_pruned.len(), NEVER_PRUNED.len());
        assert!(m.to_json().contains("\"bitrix24-portal.json\""));
        assert!(m.is_never_pruned("bitrix24-portal.json"));
        assert!(m.is_never_pruned("ufa/test-plan-ufa.xlsx"));
        assert!(!m.is_never_pruned("ufa/pd-policy-ufa.docx"));
        assert!(!m.is_never_pruned("bitrix24-mapping.json"));
    }
}
