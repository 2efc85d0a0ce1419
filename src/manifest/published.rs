//! Per document, what its text was when its current `[document].version` was first
//! rendered, and which of its files read differently since: the record that keeps the
//! version-bump reminder (D404) standing after a render, until the version is bumped.
//!
//! A render that changes what a document says without a new version publishes two texts
//! under one number. Before this record, D404 compared `business.toml` with the last render
//! only, so the reminder went away with the render that made the second text.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

/// One document (`cancellation-policy`, `pd-policy`, …) at one version.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Published {
    /// The `[document].version` its first texts were rendered at.
    pub version: String,
    /// Per file of the document (the path of its Markdown, `ufa/lead-handling-ufa.md`), the
    /// digest of its text as first rendered at `version`.
    pub first: BTreeMap<String, String>,
    /// The files whose text, as last rendered at `version`, differs from the first.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub changed: BTreeSet<String>,
}

impl Published {
    /// Records that `path` of this document was rendered at `version` with text digest
    /// `sha256`. Another version starts the record afresh: that version's first texts are
    /// the new ones.
    pub fn record(&mut self, version: &str, path: &str, sha256: &str) {
        if self.version != version {
            *self = Published {
                version: version.to_owned(),
                ..Published::default()
            };
        }
        match self.first.get(path) {
            None => {
                self.first.insert(path.to_owned(), sha256.to_owned());
            }
            Some(first) if first != sha256 => {
                self.changed.insert(path.to_owned());
            }
            Some(_) => {
                self.changed.remove(path);
            }
        }
    }

    /// Forgets the files `keep` refuses (of locations no longer in `business.toml`).
    pub fn retain(&mut self, keep: impl Fn(&str) -> bool) {
        self.first.retain(|p, _| keep(p));
        self.changed.retain(|p| keep(p));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_stays_recorded_until_the_version_moves_or_the_text_returns() {
        let mut p = Published::default();
        p.record("1.0", "ufa/a.md", "x");
        assert!(p.changed.is_empty());
        p.record("1.0", "ufa/a.md", "y");
        p.record("1.0", "ufa/a.md", "y");
        assert_eq!(
            p.changed.len(),
            1,
            "a second render of the new text keeps it"
        );
        p.record("1.0", "ufa/a.md", "x");
        assert!(p.changed.is_empty(), "back to the published text");
        p.record("1.0", "ufa/a.md", "y");
        p.record("1.1", "ufa/a.md", "y");
        assert!(p.changed.is_empty());
        assert_eq!(p.first["ufa/a.md"], "y");
        p.retain(|path| !path.starts_with("ufa/"));
        assert!(p.first.is_empty());
    }
}
