//! The digests the manifest records: of a file's bytes, of one output's inputs, and of the
//! config's meaning — whole, and split into what every location's documents share and what
//! each location has of its own.
//!
//! Config digests are taken over the *meaning* of `business.toml` (its parsed value, with
//! keys sorted), not its bytes, so fixing a comment does not make every document stale.

use std::collections::BTreeMap;

use anyhow::{Context, Result};
use sha2::{Digest, Sha256};

/// The `[[locations]]` array of `business.toml`, as written there.
const LOCATIONS: &str = "locations";

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
    let mut value = parse(text)?;
    if without_document {
        value.remove("document");
    }
    canonical(&value)
}

fn parse(text: &str) -> Result<toml::Table> {
    toml::from_str(text).context("business.toml does not parse")
}

fn canonical(value: &impl serde::Serialize) -> Result<String> {
    let json = serde_json::to_value(value).context("business.toml as JSON")?;
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

/// What a location's documents are made from, split in two: the business-level part every
/// location shares, and each location's own `[[locations]]` entry. A change to one
/// location's entry makes only that location's documents stale; a change anywhere else
/// makes all of them stale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigDigests {
    /// Everything but `[[locations]]` and `[document].version` (the version is recorded,
    /// and judged, on its own: D401 says which version the documents carry).
    pub business_sha256: String,
    /// Each location's own entry, by id.
    pub locations: BTreeMap<String, String>,
    /// The business-level part per top-level key (`sla`, `cancellation`, …): what lets
    /// lint say *which* table changed since a render, not only that something did.
    pub tables: BTreeMap<String, String>,
}

impl ConfigDigests {
    pub fn of(text: &str) -> Result<Self> {
        Ok(digests(text)?.1)
    }
}

/// [`content_digest`] and [`ConfigDigests::of`] of `text` from one parse.
pub fn digests(text: &str) -> Result<(String, ConfigDigests)> {
    Canonical::of(text)?.digests()
}

/// A `business.toml` parsed once into its canonical JSON (keys sorted), which every
/// digest is taken from: the canonical JSON of a part of the config is that part of the
/// config's canonical JSON, so each part is serialised from the one conversion (a
/// `business.toml` of a thousand locations is a megabyte: parsing it once per digest was
/// most of what lint and render spent on them).
pub struct Canonical {
    top: serde_json::Map<String, serde_json::Value>,
}

impl Canonical {
    pub fn of(text: &str) -> Result<Self> {
        let json = serde_json::to_value(parse(text)?).context("business.toml as JSON")?;
        match sort_keys(json) {
            serde_json::Value::Object(top) => Ok(Self { top }),
            _ => anyhow::bail!("business.toml is not a table"),
        }
    }

    /// The whole config as compact JSON: [`canonical_config`] without leaving anything out.
    pub fn text(&self) -> Result<String> {
        serde_json::to_string(&self.top).context("business.toml as JSON")
    }

    /// [`content_digest`] and [`ConfigDigests::of`].
    pub fn digests(&self) -> Result<(String, ConfigDigests)> {
        use serde_json::Value;
        use std::borrow::Cow;
        let top = &self.top;
        let content: BTreeMap<&str, &Value> = top
            .iter()
            .filter(|(k, _)| *k != "document")
            .map(|(k, v)| (k.as_str(), v))
            .collect();
        let content_sha256 = digest(&content)?;
        let mut locations = BTreeMap::new();
        if let Some(Value::Array(entries)) = top.get(LOCATIONS) {
            for entry in entries {
                let Some(id) = entry.get("id").and_then(Value::as_str) else {
                    continue;
                };
                // A duplicate id is C104's to report; the first entry is the one rendered.
                if !locations.contains_key(id) {
                    locations.insert(id.to_owned(), digest(entry)?);
                }
            }
        }
        let business: BTreeMap<&str, Cow<'_, Value>> = top
            .iter()
            .filter(|(k, _)| *k != LOCATIONS)
            .map(|(k, v)| match (k.as_str(), v) {
                ("document", Value::Object(document)) => {
                    let mut document = document.clone();
                    document.remove("version");
                    (k.as_str(), Cow::Owned(Value::Object(document)))
                }
                _ => (k.as_str(), Cow::Borrowed(v)),
            })
            .collect();
        let mut tables = BTreeMap::new();
        for (key, v) in &business {
            tables.insert((*key).to_owned(), digest(v)?);
        }
        Ok((
            content_sha256,
            ConfigDigests {
                business_sha256: digest(&business)?,
                locations,
                tables,
            },
        ))
    }
}

/// The digest of a part of the config that is already canonical (keys sorted), as compact
/// JSON.
fn digest(part: &impl serde::Serialize) -> Result<String> {
    Ok(sha256_hex(
        serde_json::to_string(part)
            .context("business.toml as JSON")?
            .as_bytes(),
    ))
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

#[cfg(test)]
mod tests {
    use super::*;

    /// Every digest [`digests`] takes from one conversion is the digest of its part parsed
    /// and converted on its own, as manifests written before recorded them: a render by an
    /// earlier regl is not reported stale for the way the digest is computed.
    #[test]
    fn one_conversion_gives_the_digests_each_part_gives_alone() {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut files: Vec<_> = std::fs::read_dir(root.join("presets"))
            .unwrap()
            .map(|e| e.unwrap().path())
            .collect();
        for example in std::fs::read_dir(root.join("examples")).unwrap() {
            files.push(example.unwrap().path().join("business.toml"));
        }
        for file in files {
            let text = std::fs::read_to_string(&file).unwrap();
            let (content, d) = digests(&text).unwrap();
            assert_eq!(
                Canonical::of(&text).unwrap().text().unwrap(),
                canonical_config(&text, false).unwrap()
            );
            assert_eq!(
                content,
                content_digest(&text).unwrap(),
                "{}",
                file.display()
            );
            let mut value = parse(&text).unwrap();
            let entries = value.remove(LOCATIONS).unwrap();
            let entries = entries.as_array().unwrap();
            assert_eq!(d.locations.len(), entries.len());
            for entry in entries {
                let id = entry["id"].as_str().unwrap();
                let alone = sha256_hex(canonical(entry).unwrap().as_bytes());
                assert_eq!(d.locations[id], alone, "{}", file.display());
            }
            if let Some(toml::Value::Table(document)) = value.get_mut("document") {
                document.remove("version");
            }
            for (key, v) in &value {
                let alone = sha256_hex(canonical(v).unwrap().as_bytes());
                assert_eq!(d.tables[key], alone, "{key} of {}", file.display());
            }
            let alone = sha256_hex(canonical(&value).unwrap().as_bytes());
            assert_eq!(d.business_sha256, alone, "{}", file.display());
        }
    }

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

    const TWO: &str = "[document]\nversion = \"1.0\"\nowner = \"A\"\n[sla]\nx = 1\n\
        [[locations]]\nid = \"ufa\"\ncity = \"Уфа\"\n[[locations]]\nid = \"omsk\"\ncity = \"Омск\"\n";

    #[test]
    fn a_change_to_one_location_moves_only_its_digest() {
        let before = ConfigDigests::of(TWO).unwrap();
        assert_eq!(before.locations.keys().collect::<Vec<_>>(), ["omsk", "ufa"]);
        let after = ConfigDigests::of(&TWO.replace("Омск", "Омск-2")).unwrap();
        assert_eq!(after.business_sha256, before.business_sha256);
        assert_eq!(after.locations["ufa"], before.locations["ufa"]);
        assert_ne!(after.locations["omsk"], before.locations["omsk"]);
    }

    #[test]
    fn a_business_level_change_moves_the_shared_digest_and_no_location_digest() {
        let before = ConfigDigests::of(TWO).unwrap();
        for changed in [
            TWO.replace("x = 1", "x = 2"),
            TWO.replace("owner = \"A\"", "owner = \"B\""),
        ] {
            let after = ConfigDigests::of(&changed).unwrap();
            assert_ne!(after.business_sha256, before.business_sha256, "{changed}");
            assert_eq!(after.locations, before.locations);
        }
        // The version is judged on its own, not as a change of content.
        let bumped = ConfigDigests::of(&TWO.replace("1.0", "1.1")).unwrap();
        assert_eq!(bumped, before);
        // Nor does the order of the locations matter to either.
        let swapped = "[document]\nversion = \"1.0\"\nowner = \"A\"\n[sla]\nx = 1\n\
            [[locations]]\nid = \"omsk\"\ncity = \"Омск\"\n[[locations]]\nid = \"ufa\"\ncity = \"Уфа\"\n";
        assert_eq!(ConfigDigests::of(swapped).unwrap(), before);
    }
}
