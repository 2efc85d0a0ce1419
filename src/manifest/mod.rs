//! `OUT/regl-manifest.json`: what `render` wrote and from which inputs. Render writes it;
//! lint reads it (D401 stale or missing, D403 edited by hand, D404 version not bumped).
//!
//! Input digests are taken over the *meaning* of `business.toml` (its parsed value, with
//! keys sorted), not its bytes, so fixing a comment does not make every document stale.

use std::collections::BTreeMap;
use std::path::Path;

use anyhow::{Context, Result};
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};

pub const FILE_NAME: &str = "regl-manifest.json";
pub const MANIFEST_VERSION: u32 = 1;

/// The manifest of one render.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Manifest {
    pub regl_manifest: u32,
    /// `regl X.Y.Z` that wrote it.
    pub generator: String,
    /// `[document].version` at render time.
    pub document_version: String,
    /// Digest of the config without `[document]`: what the documents say.
    pub content_sha256: String,
    /// Every file written, sorted by path.
    pub outputs: Vec<Entry>,
}

/// One written file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    /// Relative to the output folder, with `/` separators: `omsk/pd-policy-omsk.docx`.
    pub path: String,
    pub location: String,
    /// The document's kind: `lead-handling`, `sla-response-times`, `pd-policy`, …
    pub document: String,
    /// The templates it was made from, by name (`ru/pd-policy.md`, or a user override).
    pub templates: Vec<String>,
    /// Digest of everything the file was made from.
    pub inputs_sha256: String,
    /// Digest of the bytes written.
    pub output_sha256: String,
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        use std::fmt::Write;
        let _ = write!(s, "{b:02x}");
    }
    s
}

/// What the documents say, as a digest: the config's meaning without `[document]`. Render
/// records it and lint compares it (D404: content changed but the version did not).
pub fn content_digest(text: &str) -> Result<String> {
    Ok(sha256_hex(canonical_config(text, true)?.as_bytes()))
}

/// The parsed value of a `business.toml` as canonical JSON (keys sorted, no formatting).
/// With `without_document`, the `[document]` table is left out.
pub fn canonical_config(text: &str, without_document: bool) -> Result<String> {
    let mut value: toml::Table = toml::from_str(text).context("business.toml does not parse")?;
    if without_document {
        value.remove("document");
    }
    let json = serde_json::to_value(&value).context("business.toml as JSON")?;
    Ok(sort_keys(json).to_string())
}

fn sort_keys(v: serde_json::Value) -> serde_json::Value {
    use serde_json::Value;
    match v {
        Value::Object(map) => {
            let sorted: BTreeMap<String, Value> =
                map.into_iter().map(|(k, v)| (k, sort_keys(v))).collect();
            Value::Object(sorted.into_iter().collect())
        }
        Value::Array(items) => Value::Array(items.into_iter().map(sort_keys).collect()),
        other => other,
    }
}

/// Digest of the inputs of one output: the regl version, the config's meaning, the location
/// and the text of each template used, in order.
pub fn inputs_digest(canonical_config: &str, location: &str, templates: &[(&str, &str)]) -> String {
    InputsDigest::new(canonical_config).of(location, templates)
}

/// [`inputs_digest`] for many outputs of one config: the config is hashed once and the
/// hasher's state reused, so a business with many locations is not hashed once per output
/// (its config grows with the locations, which made rendering quadratic).
#[derive(Clone)]
pub struct InputsDigest {
    prefix: Sha256,
}

fn digest_part(h: &mut Sha256, bytes: &[u8]) {
    h.update((bytes.len() as u64).to_le_bytes());
    h.update(bytes);
}

impl InputsDigest {
    pub fn new(canonical_config: &str) -> Self {
        let mut prefix = Sha256::new();
        digest_part(&mut prefix, env!("CARGO_PKG_VERSION").as_bytes());
        digest_part(&mut prefix, canonical_config.as_bytes());
        Self { prefix }
    }

    /// The digest of one output: this config, `location` and the templates, in order.
    pub fn of(&self, location: &str, templates: &[(&str, &str)]) -> String {
        let mut h = self.prefix.clone();
        digest_part(&mut h, location.as_bytes());
        for (name, text) in templates {
            digest_part(&mut h, name.as_bytes());
            digest_part(&mut h, text.as_bytes());
        }
        sha256_hex(&h.finalize())
    }
}

impl Manifest {
    pub fn read(path: &Path) -> Result<Self> {
        let text = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read `{}`", path.display()))?;
        let m: Self = serde_json::from_str(&text)
            .with_context(|| format!("`{}` is not a regl manifest", path.display()))?;
        anyhow::ensure!(
            m.regl_manifest == MANIFEST_VERSION,
            "`{}` has manifest version {}, this regl reads {MANIFEST_VERSION}",
            path.display(),
            m.regl_manifest
        );
        Ok(m)
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
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn comments_and_layout_do_not_change_the_digest() {
        let a = "a = 1\n[t]\nx = \"y\" # note\n";
        let b = "# header\n[t]\nx   =   \"y\"\n\na = 1\n";
        assert_eq!(
            canonical_config(a, false).unwrap(),
            canonical_config("a = 1\n[t]\nx = \"y\"\n", false).unwrap()
        );
        // Key order does not matter either (a top-level key after a table is another table's
        // key in TOML, so compare with `a` moved before the table).
        let b = b.replace(
            "# header\n[t]\nx   =   \"y\"\n\na = 1\n",
            "a = 1 # moved\n[t]\nx   =   \"y\"\n",
        );
        assert_eq!(
            canonical_config(a, false).unwrap(),
            canonical_config(&b, false).unwrap()
        );
    }

    #[test]
    fn the_document_table_is_left_out_on_request() {
        let a = "[document]\nversion = \"1.0\"\n[x]\ny = 1\n";
        let b = "[document]\nversion = \"1.1\"\n[x]\ny = 1\n";
        assert_ne!(
            canonical_config(a, false).unwrap(),
            canonical_config(b, false).unwrap()
        );
        assert_eq!(
            canonical_config(a, true).unwrap(),
            canonical_config(b, true).unwrap()
        );
    }

    #[test]
    fn digests_depend_on_every_input() {
        let base = inputs_digest("{}", "ufa", &[("ru/a.md", "x")]);
        assert_eq!(base.len(), 64);
        assert_ne!(base, inputs_digest("{}", "omsk", &[("ru/a.md", "x")]));
        assert_ne!(base, inputs_digest("{}", "ufa", &[("ru/a.md", "y")]));
        assert_ne!(base, inputs_digest("{\"a\":1}", "ufa", &[("ru/a.md", "x")]));
    }

    #[test]
    fn the_reusable_digest_is_the_same_digest() {
        let many = InputsDigest::new("{\"a\":1}");
        for loc in ["ufa", "omsk"] {
            assert_eq!(
                many.of(loc, &[("ru/a.md", "x"), ("builtin/ru/a.md", "y")]),
                inputs_digest(
                    "{\"a\":1}",
                    loc,
                    &[("ru/a.md", "x"), ("builtin/ru/a.md", "y")]
                )
            );
        }
    }
}
