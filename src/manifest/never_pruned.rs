//! The files regl never deletes, even when it prunes the outputs of a location removed from
//! `business.toml`: what people filled in and what the portal gave back cannot be made
//! again from `business.toml`. Nothing prunes yet; this is the list a pruner must honour.

use super::entry::{Entry, Kind};

/// Stands for a location id in [`NEVER_PRUNED`], once per path segment it appears in.
pub const LOCATION: &str = "<loc>";

/// Paths relative to the output folder, `<loc>` standing for any location id. Written into
/// every manifest, so a pruner reads the rule the writing regl knew.
pub const NEVER_PRUNED: &[&str] = &[
    // What `regl push` was given by the portal: field, list item, stage and line ids (§8).
    "bitrix24-portal.json",
    // The working copies people fill in (§7, §9).
    "<loc>/acknowledgement-<loc>.xlsx",
    "<loc>/launch-checklist-<loc>.xlsx",
    "<loc>/test-plan-<loc>.xlsx",
];

/// The list as a manifest stores it: sorted, owned.
pub fn list() -> Vec<String> {
    let mut v: Vec<String> = NEVER_PRUNED.iter().map(|&p| p.to_owned()).collect();
    v.sort();
    v
}

/// Whether `path` matches `pattern`, where `<loc>` is one location id — the same id
/// wherever it appears.
pub fn matches(pattern: &str, path: &str) -> bool {
    let Some((before, _)) = pattern.split_once(LOCATION) else {
        return pattern == path;
    };
    // An id may itself contain `-`, so each prefix of what follows the pattern's literal
    // start is tried as the id.
    let Some(rest) = path.strip_prefix(before) else {
        return false;
    };
    (1..=rest.len())
        .filter(|&n| rest.is_char_boundary(n))
        .map(|n| &rest[..n])
        .filter(|id| !id.contains('/'))
        .any(|id| pattern.replace(LOCATION, id) == path)
}

/// Whether the file at `path` (an entry of the manifest, or one found on disk) must never be
/// deleted: listed in `patterns`, or a working copy whatever its name.
pub fn never_pruned(patterns: &[String], path: &str, entry: Option<&Entry>) -> bool {
    entry.is_some_and(|e| e.kind == Kind::WorkingCopy) || patterns.iter().any(|p| matches(p, path))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::manifest::entry::Verb;

    #[test]
    fn patterns_name_one_location_throughout() {
        let p = "<loc>/test-plan-<loc>.xlsx";
        assert!(matches(p, "ufa/test-plan-ufa.xlsx"));
        assert!(matches(p, "nizhny-novgorod/test-plan-nizhny-novgorod.xlsx"));
        assert!(!matches(p, "ufa/test-plan-omsk.xlsx"));
        assert!(!matches(p, "ufa/pd-policy-ufa.docx"));
        assert!(!matches(p, "a/b/test-plan-a/b.xlsx"));
        assert!(matches("bitrix24-portal.json", "bitrix24-portal.json"));
        assert!(!matches("bitrix24-portal.json", "bitrix24-mapping.json"));
    }

    #[test]
    fn working_copies_and_the_portal_file_are_kept_documents_are_not() {
        let list = list();
        assert!(never_pruned(&list, "bitrix24-portal.json", None));
        assert!(never_pruned(&list, "omsk/launch-checklist-omsk.xlsx", None));
        assert!(!never_pruned(&list, "omsk/pd-policy-omsk.docx", None));
        let copy = Entry {
            path: "omsk/staff-sheet-omsk.xlsx".into(),
            verb: Verb::Render,
            kind: Kind::WorkingCopy,
            location: Some("omsk".into()),
            document: "staff-sheet".into(),
            templates: Vec::new(),
            inputs_sha256: String::new(),
            output_sha256: String::new(),
        };
        assert!(never_pruned(&list, &copy.path, Some(&copy)));
    }
}
