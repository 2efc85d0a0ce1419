//! Per document and version, a digest of each section of the document's Markdown: what lets
//! a later check say *which* sections changed between two versions (a per-document version
//! bump, the staff acknowledgement's "what changed since version X").
//!
//! Every version rendered stays recorded: bumping `[document].version` adds a version, it
//! does not replace the one before. A location's sections are recorded per location (its
//! address is in the text), but most sections read the same in every location, so the file
//! stores a section's digest once when all locations agree and per location only where they
//! differ: a thousand locations cost a few lines per section that names the city, not a
//! thousand copies of every section.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use super::digest::sha256_hex;

/// Heading → digest of the text under it, for one document of one location.
pub type SectionDigests = BTreeMap<String, String>;

/// The digests of each section of `markdown`, by heading text.
///
/// Every ATX heading (`#` to `######`, outside fenced code) starts a section that runs to the
/// next heading of any level, so a sub-section is a section of its own. The heading's text,
/// trimmed and without its `#` marks, is the key; a heading that occurs again gets ` (2)`,
/// ` (3)`, …; text before the first heading is recorded under the empty heading. Each digest
/// covers the section's text without the blank lines around it.
pub fn digest_sections(markdown: &str) -> SectionDigests {
    let mut out = SectionDigests::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    let mut heading = String::new();
    let mut body = String::new();
    let mut fence: Option<&str> = None;
    let mut flush = |heading: &str, body: &str, out: &mut SectionDigests| {
        if heading.is_empty() && body.trim().is_empty() {
            return;
        }
        let n = seen.entry(heading.to_owned()).or_insert(0);
        *n += 1;
        let key = if *n == 1 {
            heading.to_owned()
        } else {
            format!("{heading} ({n})")
        };
        out.insert(key, sha256_hex(body.trim().as_bytes()));
    };
    for line in markdown.split_inclusive('\n') {
        let trimmed = line.trim_start_matches(' ');
        let indent = line.len() - trimmed.len();
        if indent < 4 {
            if let Some(open) = fence {
                if trimmed.trim_end().starts_with(open)
                    && trimmed
                        .trim_end()
                        .chars()
                        .all(|c| c == open.as_bytes()[0] as char)
                {
                    fence = None;
                }
            } else if trimmed.starts_with("```") {
                fence = Some("```");
            } else if trimmed.starts_with("~~~") {
                fence = Some("~~~");
            } else if let Some(text) = atx_heading(trimmed) {
                flush(&heading, &body, &mut out);
                heading = text;
                body.clear();
                continue;
            }
        }
        body.push_str(line);
    }
    flush(&heading, &body, &mut out);
    out
}

/// The text of an ATX heading line, or `None` when the line is not one.
fn atx_heading(line: &str) -> Option<String> {
    let line = line.trim_end();
    let level = line.bytes().take_while(|&b| b == b'#').count();
    if level == 0 || level > 6 {
        return None;
    }
    let rest = &line[level..];
    if !rest.is_empty() && !rest.starts_with([' ', '\t']) {
        return None;
    }
    let mut text = rest.trim();
    // A closing sequence of `#` is not part of the text when a space precedes it.
    let without = text.trim_end_matches('#');
    if without.is_empty() || without.ends_with([' ', '\t']) {
        text = without.trim_end();
    }
    Some(text.to_owned())
}

/// Every document's section digests, per version and location.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(from = "Stored", into = "Stored")]
pub struct Sections {
    /// document → version → location → sections.
    docs: BTreeMap<String, BTreeMap<String, BTreeMap<String, SectionDigests>>>,
}

impl Sections {
    pub fn is_empty(&self) -> bool {
        self.docs.is_empty()
    }

    /// Records what `document` of `location` says at `version`, replacing what an earlier
    /// render of the same version recorded for that location; other versions stay.
    pub fn record(
        &mut self,
        document: &str,
        version: &str,
        location: &str,
        sections: SectionDigests,
    ) {
        self.docs
            .entry(document.to_owned())
            .or_default()
            .entry(version.to_owned())
            .or_default()
            .insert(location.to_owned(), sections);
    }

    /// Forgets the locations `keep` refuses (locations no longer in `business.toml`), in
    /// every version.
    pub fn retain_locations(&mut self, keep: impl Fn(&str) -> bool) {
        for versions in self.docs.values_mut() {
            for locations in versions.values_mut() {
                locations.retain(|loc, _| keep(loc));
            }
            versions.retain(|_, locations| !locations.is_empty());
        }
        self.docs.retain(|_, versions| !versions.is_empty());
    }

    /// The versions recorded for `document`, in the manifest's (sorted) order.
    pub fn versions(&self, document: &str) -> Vec<&str> {
        self.docs
            .get(document)
            .map(|v| v.keys().map(String::as_str).collect())
            .unwrap_or_default()
    }

    /// What `document` of `location` said at `version`.
    pub fn of(&self, document: &str, version: &str, location: &str) -> Option<&SectionDigests> {
        self.docs.get(document)?.get(version)?.get(location)
    }

    /// The headings of `document` whose text differs between `from` and `to` in any location
    /// recorded at both versions (a section added or removed counts as changed), numbered
    /// headings in their number's order. `None` when either version is not recorded or no
    /// location was rendered at both.
    pub fn changed(&self, document: &str, from: &str, to: &str) -> Option<Vec<String>> {
        let versions = self.docs.get(document)?;
        let (a, b) = (versions.get(from)?, versions.get(to)?);
        let mut changed = BTreeSet::new();
        let mut common = false;
        for (loc, before) in a {
            if let Some(after) = b.get(loc) {
                common = true;
                changed.extend(differing(before, after));
            }
        }
        common.then(|| in_document_order(changed))
    }

    /// [`Sections::changed`] for one location.
    pub fn changed_at(
        &self,
        document: &str,
        location: &str,
        from: &str,
        to: &str,
    ) -> Option<Vec<String>> {
        let before = self.of(document, from, location)?;
        let after = self.of(document, to, location)?;
        Some(in_document_order(differing(before, after).collect()))
    }
}

/// The headings whose text differs between two renders of one document (added and removed
/// sections count), numbered headings in their number's order.
pub fn changed_between(before: &SectionDigests, after: &SectionDigests) -> Vec<String> {
    in_document_order(differing(before, after).collect())
}

fn differing<'a>(
    before: &'a SectionDigests,
    after: &'a SectionDigests,
) -> impl Iterator<Item = &'a String> {
    before
        .keys()
        .chain(after.keys().filter(|h| !before.contains_key(*h)))
        .filter(|h| before.get(*h) != after.get(*h))
}

/// Headings sorted by their leading number (`2.1.` after `2.` and before `10.`), then by
/// text: the order a reader finds them in regl's numbered documents.
fn in_document_order(headings: BTreeSet<&String>) -> Vec<String> {
    let mut out: Vec<String> = headings.into_iter().cloned().collect();
    out.sort_by(|a, b| number_of(a).cmp(&number_of(b)).then_with(|| a.cmp(b)));
    out
}

fn number_of(heading: &str) -> Vec<u64> {
    let prefix: &str = heading
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .next()
        .unwrap_or("");
    prefix.split('.').map_while(|n| n.parse().ok()).collect()
}

/// One version of one document as the file stores it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
struct StoredVersion {
    /// The locations rendered at this version, sorted.
    locations: BTreeSet<String>,
    sections: BTreeMap<String, StoredDigest>,
}

/// A section's digest: one for every location of the version, or one per location where
/// they differ (or where only some locations have the section).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(untagged)]
enum StoredDigest {
    Shared(String),
    PerLocation(BTreeMap<String, String>),
}

type Stored = BTreeMap<String, BTreeMap<String, StoredVersion>>;

impl From<Sections> for Stored {
    fn from(s: Sections) -> Self {
        s.docs
            .into_iter()
            .map(|(doc, versions)| {
                let versions = versions
                    .into_iter()
                    .map(|(version, locations)| (version, store(locations)))
                    .collect();
                (doc, versions)
            })
            .collect()
    }
}

fn store(locations: BTreeMap<String, SectionDigests>) -> StoredVersion {
    let mut per_heading: BTreeMap<String, BTreeMap<String, String>> = BTreeMap::new();
    for (loc, sections) in &locations {
        for (heading, digest) in sections {
            per_heading
                .entry(heading.clone())
                .or_default()
                .insert(loc.clone(), digest.clone());
        }
    }
    let sections = per_heading
        .into_iter()
        .map(|(heading, by_loc)| {
            let mut digests = by_loc.values();
            let first = digests.next().cloned().unwrap_or_default();
            let shared = by_loc.len() == locations.len() && digests.all(|d| *d == first);
            let stored = if shared {
                StoredDigest::Shared(first)
            } else {
                StoredDigest::PerLocation(by_loc)
            };
            (heading, stored)
        })
        .collect();
    StoredVersion {
        locations: locations.into_keys().collect(),
        sections,
    }
}

impl From<Stored> for Sections {
    fn from(stored: Stored) -> Self {
        let docs = stored
            .into_iter()
            .map(|(doc, versions)| {
                let versions = versions
                    .into_iter()
                    .map(|(version, v)| (version, unstore(v)))
                    .collect();
                (doc, versions)
            })
            .collect();
        Self { docs }
    }
}

fn unstore(v: StoredVersion) -> BTreeMap<String, SectionDigests> {
    let mut locations: BTreeMap<String, SectionDigests> = v
        .locations
        .iter()
        .map(|loc| (loc.clone(), SectionDigests::new()))
        .collect();
    for (heading, digest) in v.sections {
        match digest {
            StoredDigest::Shared(d) => {
                for sections in locations.values_mut() {
                    sections.insert(heading.clone(), d.clone());
                }
            }
            StoredDigest::PerLocation(by_loc) => {
                for (loc, d) in by_loc {
                    locations.entry(loc).or_default().insert(heading.clone(), d);
                }
            }
        }
    }
    locations
}

#[cfg(test)]
mod tests {
    use super::*;

    const POLICY: &str = "## 1. Общие положения\n\nОператор в г. Уфа.\n\n\
        ## 2. Термины\n\nПДн — персональные данные.\n\n\
        ### 2.1. Ещё\n\n```\n# not a heading\n```\n\n\
        ## 10. Заключительные положения ##\n\nКонец.\n";

    fn headings(s: &SectionDigests) -> Vec<&str> {
        s.keys().map(String::as_str).collect()
    }

    #[test]
    fn a_document_splits_at_every_heading_outside_code() {
        let s = digest_sections(POLICY);
        assert_eq!(
            headings(&s),
            [
                "1. Общие положения",
                "10. Заключительные положения",
                "2. Термины",
                "2.1. Ещё"
            ]
        );
        // The fenced `#` line belongs to section 2.1: changing it changes only that digest.
        let t = digest_sections(&POLICY.replace("not a heading", "still not"));
        assert_eq!(differing(&s, &t).collect::<Vec<_>>(), ["2.1. Ещё"]);
    }

    #[test]
    fn preamble_repeats_and_surrounding_blank_lines() {
        let s = digest_sections("Вступление.\n# A\nx\n# A\ny\n#not-a-heading\n");
        assert_eq!(headings(&s), ["", "A", "A (2)"]);
        assert_eq!(
            digest_sections("# A\n\n\nx\n\n")["A"],
            digest_sections("# A\nx")["A"]
        );
        assert!(digest_sections("\n\n").is_empty());
    }

    fn two_versions() -> Sections {
        let mut s = Sections::default();
        for (loc, city) in [("ufa", "Уфа"), ("omsk", "Омск")] {
            let v1 = POLICY.replace("Уфа", city);
            s.record("pd-policy", "1.0", loc, digest_sections(&v1));
            let v2 = v1.replace("ПДн —", "Персональные данные (ПДн) —");
            s.record("pd-policy", "1.1", loc, digest_sections(&v2));
        }
        s
    }

    #[test]
    fn sections_changed_between_versions() {
        let s = two_versions();
        assert_eq!(s.versions("pd-policy"), ["1.0", "1.1"]);
        assert_eq!(
            s.changed("pd-policy", "1.0", "1.1").unwrap(),
            ["2. Термины"]
        );
        assert_eq!(
            s.changed_at("pd-policy", "omsk", "1.1", "1.0").unwrap(),
            ["2. Термины"]
        );
        assert_eq!(
            s.changed("pd-policy", "1.0", "1.0").unwrap(),
            Vec::<String>::new()
        );
        assert_eq!(s.changed("pd-policy", "1.0", "2.0"), None);
        assert_eq!(s.changed("pd-consent", "1.0", "1.1"), None);
    }

    #[test]
    fn added_removed_and_per_location_changes_count_in_number_order() {
        let mut s = two_versions();
        let ufa = POLICY.replace("Уфа", "Уфа, ул. Новая").replace(
            "## 10. Заключительные положения ##\n\nКонец.\n",
            "## 3. Новое\n\nТекст.\n",
        );
        s.record("pd-policy", "2.0", "ufa", digest_sections(&ufa));
        assert_eq!(
            s.changed("pd-policy", "1.0", "2.0").unwrap(),
            [
                "1. Общие положения",
                "3. Новое",
                "10. Заключительные положения"
            ]
        );
        // Omsk was not rendered at 2.0: nothing to compare there.
        assert_eq!(s.changed_at("pd-policy", "omsk", "1.0", "2.0"), None);
    }

    #[test]
    fn the_stored_form_shares_what_every_location_agrees_on_and_reads_back_the_same() {
        let s = two_versions();
        let json = serde_json::to_value(&s).unwrap();
        let v = &json["pd-policy"]["1.0"];
        assert_eq!(v["locations"], serde_json::json!(["omsk", "ufa"]));
        assert!(v["sections"]["2. Термины"].is_string(), "{v}");
        let general = &v["sections"]["1. Общие положения"];
        assert_eq!(
            general.as_object().unwrap().keys().collect::<Vec<_>>(),
            ["omsk", "ufa"]
        );
        let back: Sections = serde_json::from_value(json.clone()).unwrap();
        assert_eq!(back, s);
        assert_eq!(serde_json::to_value(&back).unwrap(), json);
    }

    #[test]
    fn a_section_only_some_locations_have_is_stored_per_location() {
        let mut s = Sections::default();
        s.record("d", "1", "a", digest_sections("# X\nx\n# Y\ny\n"));
        s.record("d", "1", "b", digest_sections("# X\nx\n"));
        let json = serde_json::to_value(&s).unwrap();
        assert!(json["d"]["1"]["sections"]["X"].is_string());
        assert!(json["d"]["1"]["sections"]["Y"].is_object());
        let back: Sections = serde_json::from_value(json).unwrap();
        assert_eq!(back, s);
    }

    #[test]
    fn forgotten_locations_leave_no_empty_versions() {
        let mut s = two_versions();
        s.record("pd-consent", "1.0", "omsk", digest_sections("# A\n"));
        s.retain_locations(|loc| loc == "ufa");
        assert_eq!(s.versions("pd-policy"), ["1.0", "1.1"]);
        assert!(s.versions("pd-consent").is_empty());
        assert!(s.of("pd-policy", "1.0", "omsk").is_none());
    }
}
