//! `OUT/regl-manifest.json`, version 2: per-location inputs that a partial render cannot
//! hide, the verb and kind of every file (render's and export's in one manifest), section
//! digests kept across versions, deterministic bytes, and version 1 manifests still read.

use std::fs;
use std::path::Path;

use serde_json::Value;

use crate::common::{Run, line_col_of, regl_env, replace_once, repo};

fn run(dir: &Path, args: &[&str]) -> Run {
    regl_env(dir, args, &[("REGL_TODAY", "2026-12-10")])
}

/// A copy of the salon in Ufa and Omsk, with the bot configs its `business.toml` implies.
fn salon() -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let src = repo().join("examples/salon-ufa-omsk/business.toml");
    fs::copy(src, dir.path().join("business.toml")).unwrap();
    write_bots(dir.path());
    dir
}

/// Rewrites the bot configs from `business.toml`, so only the D rules can speak.
fn write_bots(dir: &Path) {
    let mut sources = regl::diag::Sources::default();
    let loaded = regl::model::load(&dir.join("business.toml"), &mut sources).expect("loads");
    for l in &loaded.business.locations {
        let path = dir.join(l.bot_config.as_str());
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        let config = regl::export::bot_config(&loaded.business, l);
        fs::write(path, regl::export::to_json(&config)).unwrap();
    }
}

/// Applies `edit` to `business.toml` and keeps the bot configs in step.
fn edit(dir: &Path, edit: impl Fn(&str) -> String) {
    let toml = dir.join("business.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(&toml, edit(&text)).unwrap();
    write_bots(dir);
}

/// (code, file name, line, column, message) of every D finding.
fn d_findings(dir: &Path) -> Vec<(String, String, u64, u64, String)> {
    let r = run(dir, &["lint", "--format", "json"]);
    let found: Vec<Value> =
        serde_json::from_str(&r.stdout).unwrap_or_else(|e| panic!("{e}: {}", r.stdout));
    found
        .iter()
        .filter(|d| d["code"].as_str().unwrap().starts_with('D'))
        .map(|d| {
            (
                d["code"].as_str().unwrap().to_owned(),
                d["file"].as_str().unwrap_or("").to_owned(),
                d["line"].as_u64().unwrap_or(0),
                d["column"].as_u64().unwrap_or(0),
                d["message"].as_str().unwrap_or("").to_owned(),
            )
        })
        .collect()
}

/// [`d_findings`] without D404: what the staleness record says, not the version reminder
/// that stands after a render as long as the text changed at one version.
fn stale_findings(dir: &Path) -> Vec<(String, String, u64, u64, String)> {
    d_findings(dir)
        .into_iter()
        .filter(|f| f.0 != "D404")
        .collect()
}

fn manifest_text(dir: &Path) -> String {
    fs::read_to_string(dir.join("out/regl-manifest.json")).unwrap()
}

fn manifest(dir: &Path) -> Value {
    serde_json::from_str(&manifest_text(dir)).unwrap()
}

const OMSK_ADDRESS: &str = "address = \"пр. Карла Маркса, д. 24\"";

#[test]
fn rendering_one_location_does_not_hide_that_another_is_stale() {
    let dir = salon();
    run(dir.path(), &["render"]).expect_code(0);
    assert_eq!(d_findings(dir.path()), vec![], "a fresh render lints clean");

    // Only Omsk's documents say its address.
    edit(dir.path(), |t| {
        replace_once(t, OMSK_ADDRESS, "address = \"пр. Карла Маркса, д. 26\"")
    });
    run(dir.path(), &["render", "--location", "ufa"]).expect_code(0);
    let text = manifest_text(dir.path());
    let (line, col) = line_col_of(&text, "\"omsk\": {");
    let found = stale_findings(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    let (code, file, l, c, message) = &found[0];
    assert_eq!(
        (code.as_str(), file.as_str(), *l, *c),
        ("D401", "out/regl-manifest.json", line as u64, col as u64),
        "{message}"
    );
    assert!(message.contains("`omsk`"), "{message}");

    // In the business's language, when the user has not chosen one.
    let ru = regl_env(
        dir.path(),
        &["lint", "--format", "json"],
        &[("REGL_TODAY", "2026-12-10"), ("REGL_LANG", "")],
    );
    assert!(
        ru.stdout.contains("документы филиала `omsk` устарели"),
        "{}",
        ru.stdout
    );

    let rendered = regl_env(
        dir.path(),
        &["render", "--location", "omsk"],
        &[("REGL_LANG", "ru")],
    )
    .expect_code(0);
    assert!(
        rendered
            .stdout
            .starts_with("сформировано файлов: 12, филиалов: 1"),
        "{}",
        rendered.stdout
    );
    assert_eq!(stale_findings(dir.path()), vec![]);
}

#[test]
fn a_business_level_change_is_one_finding_until_every_location_is_rendered_again() {
    let dir = salon();
    run(dir.path(), &["render"]).expect_code(0);
    edit(dir.path(), |t| {
        replace_once(t, "reschedule_max = 2", "reschedule_max = 3")
    });
    // The one finding points at the table that changed, in business.toml.
    let text = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    let (line, _) = line_col_of(&text, "[cancellation]");
    let found = d_findings(dir.path());
    let d401: Vec<_> = found.iter().filter(|f| f.0 == "D401").collect();
    assert_eq!(d401.len(), 1, "{found:?}");
    assert_eq!(
        (d401[0].1.as_str(), d401[0].2, d401[0].3),
        ("business.toml", line as u64, 2),
        "{found:?}"
    );
    assert!(d401[0].4.contains("(`[cancellation]`)"), "{found:?}");
    assert!(found.iter().any(|f| f.0 == "D404"), "{found:?}");

    // Ufa rendered again: Omsk's documents still say 2 reschedules.
    run(dir.path(), &["render", "--location", "ufa"]).expect_code(0);
    let found = stale_findings(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].4.contains("`omsk`"), "{found:?}");
}

#[test]
fn a_render_of_some_formats_keeps_the_location_stale() {
    let dir = salon();
    run(dir.path(), &["render"]).expect_code(0);
    edit(dir.path(), |t| {
        replace_once(t, OMSK_ADDRESS, "address = \"пр. Карла Маркса, д. 26\"")
    });
    // The workbook is made again, Omsk's Word documents are not.
    run(dir.path(), &["render", "--format", "xlsx"]).expect_code(0);
    let found = stale_findings(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].4.contains("`omsk`"), "{found:?}");
    run(dir.path(), &["render"]).expect_code(0);
    assert_eq!(stale_findings(dir.path()), vec![]);
    // Omsk's documents now say another address under the same version: the reminder to
    // bump it stays after the render.
    assert!(d_findings(dir.path()).iter().all(|f| f.0 == "D404"));
    assert!(!d_findings(dir.path()).is_empty());
}

#[test]
fn every_file_says_which_verb_wrote_it_and_what_kind_it_is() {
    let dir = salon();
    run(dir.path(), &["render", "--format", "docx,xlsx,md"]).expect_code(0);
    run(dir.path(), &["export"]).expect_code(0);
    let m = manifest(dir.path());
    assert_eq!(m["regl_manifest"], 2);
    let kinds: Vec<(String, String, String)> = m["outputs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|o| {
            (
                o["path"].as_str().unwrap().to_owned(),
                o["verb"].as_str().unwrap().to_owned(),
                o["kind"].as_str().unwrap().to_owned(),
            )
        })
        .collect();
    let of = |path: &str| {
        kinds
            .iter()
            .find(|k| k.0 == path)
            .map(|k| (k.1.as_str(), k.2.as_str()))
    };
    assert_eq!(
        of("omsk/lead-handling-omsk.docx"),
        Some(("render", "document"))
    );
    // The operator's policy belongs to no location.
    assert_eq!(of("pd-policy.docx"), Some(("render", "document")));
    assert_eq!(
        of("omsk/sla-response-times-omsk.xlsx"),
        Some(("render", "document"))
    );
    assert_eq!(
        of("omsk/lead-handling-omsk.md"),
        Some(("render", "markdown"))
    );
    assert_eq!(
        of("omsk/bot-scripts-omsk.json"),
        Some(("export", "bot_scripts"))
    );
    assert_eq!(of("bitrix24-mapping.json"), Some(("export", "portal_file")));
    assert_eq!(
        of("omsk/test-plan-omsk.xlsx"),
        Some(("render", "working_copy"))
    );
    // Per location: five documents as .docx and .md, the workbook, the three working copies
    // (the pilot plan, the launch checklist, the staff acknowledgement) and the bot scripts;
    // the operator's policy and consent as .docx and .md, and its register; the Bitrix24
    // mapping.
    assert_eq!(kinds.len(), 2 * 15 + 5 + 1, "{kinds:?}");
    let mapping = &m["outputs"][0];
    assert_eq!(mapping["path"], "bitrix24-mapping.json");
    assert!(mapping.get("location").is_none(), "{mapping}");
    assert!(
        m["never_pruned"]
            .as_array()
            .unwrap()
            .contains(&"bitrix24-portal.json".into())
    );

    // Each verb keeps the other's entries.
    run(dir.path(), &["render"]).expect_code(0);
    assert_eq!(
        manifest(dir.path())["outputs"].as_array().unwrap().len(),
        36
    );
    run(dir.path(), &["export", "--location", "omsk"]).expect_code(0);
    assert_eq!(manifest(dir.path())["outputs"], m["outputs"]);
    run(dir.path(), &["export", "--check"]).expect_code(0);
    run(
        dir.path(),
        &["render", "--check", "--format", "docx,xlsx,md"],
    )
    .expect_code(0);
}

#[test]
fn exported_files_are_judged_for_edits_and_absence_with_export_as_the_fix() {
    let dir = salon();
    // Export alone renders nothing: no document is missing or stale.
    run(dir.path(), &["export"]).expect_code(0);
    assert_eq!(manifest(dir.path())["outputs"].as_array().unwrap().len(), 3);
    assert_eq!(d_findings(dir.path()), vec![]);

    run(dir.path(), &["render"]).expect_code(0);
    fs::write(dir.path().join("out/bitrix24-mapping.json"), "{}\n").unwrap();
    fs::remove_file(dir.path().join("out/ufa/bot-scripts-ufa.json")).unwrap();
    let text = manifest_text(dir.path());
    let mut found = d_findings(dir.path());
    found.sort();
    assert_eq!(found.len(), 2, "{found:?}");
    let (mapping_line, _) = line_col_of(&text, "\"bitrix24-mapping.json\"");
    let (bot_line, _) = line_col_of(&text, "\"ufa/bot-scripts-ufa.json\"");
    assert_eq!((found[0].0.as_str(), found[0].2), ("D401", bot_line as u64));
    assert!(found[0].4.contains("regl export"), "{found:?}");
    assert_eq!(
        (found[1].0.as_str(), found[1].2),
        ("D403", mapping_line as u64)
    );
    assert!(found[1].4.contains("regl export"), "{found:?}");
    run(dir.path(), &["export"]).expect_code(0);
    assert_eq!(d_findings(dir.path()), vec![]);
}

#[test]
fn identical_inputs_give_a_byte_identical_manifest_whichever_verb_ran_first() {
    let manifests: Vec<String> = [["render", "export"], ["export", "render"]]
        .iter()
        .map(|verbs| {
            let dir = salon();
            for verb in verbs {
                run(dir.path(), &[verb]).expect_code(0);
            }
            let first = manifest_text(dir.path());
            for verb in verbs {
                run(dir.path(), &[verb]).expect_code(0);
            }
            assert_eq!(manifest_text(dir.path()), first, "a second run rewrites it");
            first
        })
        .collect();
    assert_eq!(manifests[0], manifests[1]);
    assert!(!manifests[0].contains("2026-"), "no dates, no time stamps");
}

#[test]
fn the_section_digests_of_an_earlier_version_stay_when_the_version_is_bumped() {
    let dir = salon();
    run(dir.path(), &["render"]).expect_code(0);
    edit(dir.path(), |t| {
        let t = replace_once(t, "reschedule_max = 2", "reschedule_max = 3");
        let t = replace_once(&t, "version = \"1.0\"", "version = \"1.1\"");
        replace_once(
            &t,
            "генеральный директор\" },\n]",
            "генеральный директор\" },\n  { version = \"1.1\", date = 2026-12-01, summary = \"Три переноса\" },\n]",
        )
    });
    run(dir.path(), &["render"]).expect_code(0);
    let m = regl::manifest::Manifest::read(&dir.path().join("out/regl-manifest.json")).unwrap();
    assert_eq!(m.sections.versions("cancellation-policy"), ["1.0", "1.1"]);
    let changed = m
        .sections_changed("cancellation-policy", "1.0", "1.1")
        .unwrap();
    assert!(changed.iter().any(|h| h.contains("Перенос")), "{changed:?}");
    assert!(
        changed.len() < 3,
        "only the sections that say it: {changed:?}"
    );
    assert!(
        m.sections_changed("cancellation-policy", "1.0", "2.0")
            .is_none()
    );
    assert_eq!(
        m.sections.of("pd-policy", "1.0", "omsk"),
        m.sections.of("pd-policy", "1.1", "omsk"),
        "the policy does not mention reschedules"
    );
}

/// The version 1 manifest `regl render` wrote for `examples/salon-ufa-omsk` before version 2,
/// with the digests that depend on the example and the renderer set to today's values, so
/// the example can change without touching the fixture's shape.
fn version_1_manifest(dir: &Path) -> String {
    let text = fs::read_to_string(repo().join("tests/fixtures/regl-manifest-v1.json")).unwrap();
    let mut old: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(old["regl_manifest"], 1);
    let config = fs::read_to_string(dir.join("business.toml")).unwrap();
    old["content_sha256"] = Value::from(regl::manifest::content_digest(&config).unwrap());
    // The first release wrote a policy and a consent per location; they are the operator's
    // now, at the output folder's root, and those entries have no file to stand for.
    let outputs = old["outputs"].as_array_mut().unwrap();
    outputs.retain(|o| dir.join("out").join(o["path"].as_str().unwrap()).is_file());
    for o in outputs.iter_mut() {
        let bytes = fs::read(dir.join("out").join(o["path"].as_str().unwrap())).unwrap();
        o["output_sha256"] = Value::from(regl::manifest::sha256_hex(&bytes));
    }
    let mut text = serde_json::to_string_pretty(&old).unwrap();
    text.push('\n');
    text
}

#[test]
fn a_version_1_manifest_is_judged_as_before_and_rewritten_by_the_next_render() {
    let dir = salon();
    run(dir.path(), &["render"]).expect_code(0);
    let v1 = version_1_manifest(dir.path());
    let path = dir.path().join("out/regl-manifest.json");
    fs::write(&path, &v1).unwrap();
    assert_eq!(
        d_findings(dir.path()),
        vec![],
        "current documents lint clean"
    );

    // A hand edit: D403 at the file's entry.
    let policy = dir.path().join("out/ufa/cancellation-policy-ufa.docx");
    let original = fs::read(&policy).unwrap();
    fs::write(&policy, b"edited").unwrap();
    let (line, col) = line_col_of(&v1, "\"ufa/cancellation-policy-ufa.docx\"");
    let found = d_findings(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert_eq!(
        (found[0].0.as_str(), found[0].2, found[0].3),
        ("D403", line as u64, col as u64)
    );
    fs::write(&policy, original).unwrap();

    // A change of content: stale everywhere (one finding at the whole-config digest) and
    // the version not bumped.
    edit(dir.path(), |t| {
        replace_once(t, "reschedule_max = 2", "reschedule_max = 3")
    });
    let (line, col) = line_col_of(&v1, "\"content_sha256\"");
    let found = d_findings(dir.path());
    let codes: Vec<&str> = found.iter().map(|f| f.0.as_str()).collect();
    assert_eq!(codes, ["D404", "D401"], "{found:?}");
    assert_eq!((found[1].2, found[1].3), (line as u64, col as u64 + 18));

    // A render of one location rewrites it as version 2. Omsk, made from the config before
    // the change, is still stale.
    run(dir.path(), &["render", "--location", "ufa"]).expect_code(0);
    assert_eq!(manifest(dir.path())["regl_manifest"], 2);
    let found = d_findings(dir.path());
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0].4.contains("`omsk`"), "{found:?}");
    run(dir.path(), &["render"]).expect_code(0);
    assert_eq!(d_findings(dir.path()), vec![]);
}

#[test]
fn a_version_1_manifest_of_current_documents_stays_clean_through_a_partial_render() {
    let dir = salon();
    run(dir.path(), &["render"]).expect_code(0);
    let v1 = version_1_manifest(dir.path());
    fs::write(dir.path().join("out/regl-manifest.json"), &v1).unwrap();
    run(dir.path(), &["render", "--location", "ufa"]).expect_code(0);
    let m = manifest(dir.path());
    assert_eq!(m["regl_manifest"], 2);
    for key in ["business_sha256", "document_version"] {
        assert_eq!(m["inputs"]["omsk"][key], m["inputs"]["ufa"][key], "{key}");
    }
    assert_eq!(d_findings(dir.path()), vec![]);
}
