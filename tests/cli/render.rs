//! `regl render`: the files a user gets, read back and checked for the config's figures;
//! determinism, `--check`, template overrides and errors, and failed runs that leave the
//! previous outputs alone.

use std::collections::BTreeMap;
use std::fs;
use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{regl, replace_once, repo};

/// Copies an example's `business.toml` into a fresh temporary folder.
fn example(name: &str) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        repo().join("examples").join(name).join("business.toml"),
        dir.path().join("business.toml"),
    )
    .unwrap();
    dir
}

/// The text of one part of an Office package, tags stripped, a paragraph or cell per line,
/// non-breaking spaces as plain spaces (the typograph puts them between numbers and units).
fn package_text(path: &Path, parts: &[&str]) -> String {
    let file = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut out = String::new();
    for part in parts {
        let Ok(mut entry) = zip.by_name(part) else {
            continue;
        };
        let mut xml = String::new();
        entry.read_to_string(&mut xml).unwrap();
        let xml = xml
            .replace("</w:p>", "\n")
            .replace("</si>", "\n")
            .replace("</c>", "\n");
        let mut in_tag = false;
        for ch in xml.chars() {
            match ch {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out.push('\n');
    }
    out.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace('\u{a0}', " ")
}

pub fn docx_text(path: &Path) -> String {
    package_text(
        path,
        &["word/document.xml", "word/header1.xml", "word/footer1.xml"],
    )
}

pub fn xlsx_text(path: &Path) -> String {
    package_text(
        path,
        &[
            "xl/sharedStrings.xml",
            "xl/worksheets/sheet1.xml",
            "xl/worksheets/sheet2.xml",
            "xl/worksheets/sheet3.xml",
        ],
    )
}

fn part(path: &Path, name: &str) -> String {
    let mut zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    let mut s = String::new();
    zip.by_name(name).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[track_caller]
fn assert_has(text: &str, needle: &str, what: &str) {
    assert!(
        text.contains(needle),
        "{what} does not say «{needle}»:\n{text}"
    );
}

/// Every file under `dir` with its bytes, by relative path.
fn tree(dir: &Path) -> BTreeMap<PathBuf, Vec<u8>> {
    fn walk(root: &Path, dir: &Path, out: &mut BTreeMap<PathBuf, Vec<u8>>) {
        for entry in fs::read_dir(dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                walk(root, &path, out);
            } else {
                out.insert(
                    path.strip_prefix(root).unwrap().to_owned(),
                    fs::read(&path).unwrap(),
                );
            }
        }
    }
    let mut out = BTreeMap::new();
    if dir.exists() {
        walk(dir, dir, &mut out);
    }
    out
}

const KINDS: [&str; 9] = [
    "lead-handling-{}.docx",
    "sla-response-times-{}.xlsx",
    "test-plan-{}.xlsx",
    "launch-checklist-{}.xlsx",
    "acknowledgement-{}.xlsx",
    "ai-escalation-rules-{}.docx",
    "cancellation-policy-{}.docx",
    "pd-retention-{}.docx",
    "ai-training-procedure-{}.docx",
];

/// One operator has one policy, one consent (ст. 18.1) and one register of processing,
/// written beside the locations.
const OPERATOR: [&str; 3] = ["pd-policy.docx", "pd-consent.docx", "pd-register.xlsx"];

#[test]
fn writes_nine_files_per_location_the_operators_three_and_a_manifest() {
    let dir = example("salon-ufa-omsk");
    let run = regl(dir.path(), &["render"]).expect_code(0);
    assert!(run.stderr.is_empty(), "quiet when piped: {}", run.stderr);
    let files = tree(&dir.path().join("out"));
    let mut expected: Vec<PathBuf> = vec![PathBuf::from("regl-manifest.json")];
    expected.extend(OPERATOR.iter().map(PathBuf::from));
    for loc in ["ufa", "omsk"] {
        for k in KINDS {
            expected.push(Path::new(loc).join(k.replace("{}", loc)));
        }
    }
    expected.sort();
    assert_eq!(files.keys().cloned().collect::<Vec<_>>(), expected);

    let manifest: serde_json::Value =
        serde_json::from_slice(&files[Path::new("regl-manifest.json")]).unwrap();
    assert_eq!(manifest["document_version"], "1.0");
    let outputs = manifest["outputs"].as_array().unwrap();
    assert_eq!(outputs.len(), 21);
    for o in outputs {
        let path = o["path"].as_str().unwrap();
        let bytes = &files[Path::new(path)];
        assert_eq!(
            o["output_sha256"].as_str().unwrap(),
            regl::manifest::sha256_hex(bytes),
            "{path}"
        );
        assert_eq!(o["inputs_sha256"].as_str().unwrap().len(), 64);
    }
    let policy = outputs
        .iter()
        .find(|o| o["path"] == "pd-policy.docx")
        .unwrap();
    assert_eq!(policy["templates"][0], "ru/pd-policy.md");
    assert!(policy.get("location").is_none(), "the operator's: {policy}");
    assert_eq!(policy["document"], "pd-policy");
}

#[test]
fn the_documents_say_what_the_config_says() {
    let dir = example("salon-ufa-omsk");
    regl(dir.path(), &["render"]).expect_code(0);
    let out = dir.path().join("out/ufa");

    let escalation = docx_text(&out.join("ai-escalation-rules-ufa.docx"));
    for keyword in ["жалоба", "претензия", "возврат", "аллергия", "срочно"]
    {
        assert_has(&escalation, keyword, "the escalation rules");
    }
    assert_has(
        &escalation,
        "+7 917 452-30-19",
        "the escalation rules (duty phone)",
    );
    assert_has(&escalation, "эскалация-УФА", "the escalation rules (tag)");

    let policy = docx_text(&dir.path().join("out/pd-policy.docx"));
    assert_has(&policy, "0278097147", "the PD policy (INN)");
    assert_has(&policy, "3 года", "the PD policy (card retention)");
    assert_has(&policy, "90 дней", "the PD policy (chat retention)");

    let sop = docx_text(&out.join("lead-handling-ufa.docx"));
    for reminder in ["24 час", "2 час", "1 час"] {
        assert_has(&sop, reminder, "the lead-handling SOP (reminders)");
    }

    let cancellation = docx_text(&out.join("cancellation-policy-ufa.docx"));
    assert_has(
        &cancellation,
        "фактически понесённые расходы",
        "the cancellation policy",
    );

    // Document control on every document, the footer's page number included.
    for name in [
        "../pd-policy.docx",
        "../pd-consent.docx",
        "cancellation-policy-ufa.docx",
    ] {
        let text = docx_text(&out.join(name));
        assert_has(&text, "1 декабря 2026 г.", name);
        assert_has(&text, "1 марта 2027 г.", name); // effective date + 90 days
        assert_has(&text, "Петрова И. И., генеральный директор", name);
        assert_has(&text, "Уфа", name);
    }
}

#[test]
fn the_sla_sheet_has_the_channels_kpis_and_hours() {
    let dir = example("salon-ufa-omsk");
    regl(dir.path(), &["render", "--format", "xlsx"]).expect_code(0);
    let sheet = dir.path().join("out/ufa/sla-response-times-ufa.xlsx");
    assert!(
        !dir.path().join("out/ufa/lead-handling-ufa.docx").exists()
            && !dir.path().join("out/pd-policy.docx").exists(),
        "--format xlsx writes the sheet only"
    );
    let text = xlsx_text(&sheet);
    for needle in [
        "WhatsApp",
        "Telegram",
        "Первый ответ ИИ",
        "≤ 3 секунды",
        "≤ 15 минут",
        "24 часа, 2 часа, 1 час до визита",
        // The phone channel overrides the human first response.
        "≤ 10 минут",
        "Доля неявок",
        "Конверсия «лид → запись»",
        "Понедельник",
        "09:00",
        "Asia/Yekaterinburg (UTC+5)",
        "@lada_ufa_duty",
        "Управление документом",
        "1 марта 2027 г.",
        // Both of Meta's messengers are marked, and the footnote names them.
        "WhatsApp*",
        "Instagram*",
        "Meta Platforms Inc., которой принадлежат WhatsApp и Instagram, признана в России экстремистской организацией",
    ] {
        assert_has(&text, needle, "the SLA sheet");
    }
    let workbook = part(&sheet, "xl/workbook.xml");
    for name in ["Сроки", "Показатели", "Часы работы"] {
        assert_has(&workbook, &format!("name=\"{name}\""), "the workbook");
    }
    let sla = part(&sheet, "xl/worksheets/sheet1.xml");
    assert_has(&sla, "state=\"frozen\"", "the SLA sheet (frozen header)");
    assert_has(&sla, "<autoFilter", "the SLA sheet (autofilter)");
    assert_has(
        &sla,
        "fitToPage=\"1\"",
        "the SLA sheet (fit to a page wide)",
    );
    assert_has(
        &sla,
        "fitToHeight=\"0\"",
        "the SLA sheet (as many pages tall as needed)",
    );
    let core = part(&sheet, "docProps/core.xml");
    assert_has(&core, "2026-12-01T00:00:00Z", "the properties (created)");
    assert_has(&core, "Сроки ответа (SLA)", "the properties (title)");
    let app = part(&sheet, "docProps/app.xml");
    assert_has(&app, "ООО «Лада»", "the properties (company)");
}

#[test]
fn a_clinic_asks_written_consent_for_health_data() {
    let dir = example("clinic-omsk");
    regl(dir.path(), &["render", "--format", "docx"]).expect_code(0);
    let consent = docx_text(&dir.path().join("out/pd-consent.docx"));
    assert_has(&consent, "здоровь", "the clinic's consent");
    assert_has(&consent, "письменн", "the clinic's consent");
    let form = docx_text(&dir.path().join("out/pd-consent-written.docx"));
    assert_has(&form, "Подпись", "the clinic's written consent");
}

#[test]
fn rendering_again_gives_the_same_bytes_in_any_order() {
    let dir = example("salon-ufa-omsk");
    regl(
        dir.path(),
        &["render", "-o", "a", "--format", "docx,xlsx,md"],
    )
    .expect_code(0);
    regl(
        dir.path(),
        &["render", "-o", "b", "--format", "docx,xlsx,md"],
    )
    .expect_code(0);
    // One location at a time: nothing depends on which thread rendered what.
    regl(
        dir.path(),
        &[
            "render",
            "-o",
            "c",
            "--location",
            "omsk",
            "--format",
            "docx,xlsx,md",
        ],
    )
    .expect_code(0);
    regl(
        dir.path(),
        &[
            "render",
            "-o",
            "c",
            "--location",
            "ufa",
            "--format",
            "docx,xlsx,md",
        ],
    )
    .expect_code(0);
    let (a, b, c) = (
        tree(&dir.path().join("a")),
        tree(&dir.path().join("b")),
        tree(&dir.path().join("c")),
    );
    // Per location: five documents as .docx and .md, the workbook and the three working
    // copies; the operator's policy and consent as .docx and .md, and its register; the
    // manifest.
    assert_eq!(
        a.len(),
        2 * 14 + 5 + 1,
        "docx, xlsx and md for two locations"
    );
    assert!(a == b, "a second render differs");
    assert!(a == c, "rendering location by location differs");
    let md = String::from_utf8(a[Path::new("pd-policy.md")].clone()).unwrap();
    assert!(md.contains("0278097147"), "the Markdown is the document's");
}

#[test]
fn check_reports_drift_and_writes_nothing() {
    let dir = example("salon-ufa-omsk");
    let run = regl(dir.path(), &["render", "--check"]).expect_code(1);
    assert!(run.stdout.contains("missing:"), "{}", run.stdout);
    assert!(!dir.path().join("out").exists(), "--check wrote files");

    regl(dir.path(), &["render"]).expect_code(0);
    regl(dir.path(), &["render", "--check"]).expect_code(0);

    let toml = dir.path().join("business.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        replace_once(&text, "reschedule_max = 2", "reschedule_max = 3"),
    )
    .unwrap();
    let before = tree(&dir.path().join("out"));
    let run = regl(dir.path(), &["render", "--check"]).expect_code(1);
    assert!(
        run.stdout
            .contains("changed: out/ufa/cancellation-policy-ufa.docx"),
        "{}",
        run.stdout
    );
    assert!(run.stdout.contains("regl-manifest.json"), "{}", run.stdout);
    assert!(
        before == tree(&dir.path().join("out")),
        "--check wrote files"
    );
}

#[test]
fn a_user_template_extends_the_built_in_and_wins() {
    let dir = example("salon-ufa-omsk");
    let templates = dir.path().join("templates/ru");
    fs::create_dir_all(&templates).unwrap();
    fs::write(
        templates.join("cancellation-policy.md"),
        "{% extends \"builtin/ru/cancellation-policy.md\" %}\n\
         {% block general %}\n# Общие положения\n\nОсобое правило филиала {{ location.city }}.\n{% endblock general %}\n",
    )
    .unwrap();
    regl(dir.path(), &["render", "--location", "omsk"]).expect_code(0);
    let text = docx_text(&dir.path().join("out/omsk/cancellation-policy-omsk.docx"));
    assert_has(
        &text,
        "Особое правило филиала Омск.",
        "the overridden policy",
    );
    assert_has(
        &text,
        "фактически понесённые расходы",
        "the rest of the built-in policy",
    );
    assert!(!dir.path().join("out/ufa").exists(), "only --location omsk");
    let manifest = fs::read_to_string(dir.path().join("out/regl-manifest.json")).unwrap();
    assert!(
        manifest.contains("builtin/ru/cancellation-policy.md"),
        "the manifest names both templates"
    );
}

#[test]
fn a_template_error_names_the_file_and_line_and_changes_nothing() {
    let dir = example("salon-ufa-omsk");
    regl(dir.path(), &["render"]).expect_code(0);
    let before = tree(&dir.path().join("out"));

    // Fails for the second location only: the first has rendered by then.
    let templates = dir.path().join("templates/ru");
    fs::create_dir_all(&templates).unwrap();
    fs::write(
        templates.join("cancellation-policy.md"),
        "# Правила\n\nТекст.\n{% if location.id == \"omsk\" %}{{ location.no_such_key }}{% endif %}\n",
    )
    .unwrap();
    let toml = dir.path().join("business.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        replace_once(&text, "version = \"1.0\"", "version = \"1.1\""),
    )
    .unwrap();

    let run = regl(dir.path(), &["render"]).expect_code(2);
    assert!(
        run.stderr.contains("cancellation-policy.md:4"),
        "the error points at line 4: {}",
        run.stderr
    );
    assert!(
        before == tree(&dir.path().join("out")),
        "a failed render changed or left files"
    );
}

#[test]
fn an_unknown_location_is_a_usage_error() {
    let dir = example("salon-ufa-omsk");
    let run = regl(dir.path(), &["render", "--location", "omks"]).expect_code(2);
    assert!(run.stderr.contains("`omks`"), "{}", run.stderr);
    assert!(run.stderr.contains("did you mean `omsk`"), "{}", run.stderr);
    assert!(!dir.path().join("out").exists());
}

#[test]
fn a_config_that_does_not_load_renders_nothing() {
    let dir = example("salon-ufa-omsk");
    let toml = dir.path().join("business.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(&toml, replace_once(&text, "timezone = ", "timezon = ")).unwrap();
    let run = regl(dir.path(), &["render"]).expect_code(2);
    assert!(run.stderr.contains("timezon"), "{}", run.stderr);
    assert!(!dir.path().join("out").exists());
}

/// `../shared/tools/validate-docx` beside the repository, when python3 has lxml.
fn validator() -> Option<PathBuf> {
    let tool = std::env::var_os("REGL_VALIDATE_DOCX").map_or_else(
        || repo().join("../shared/tools/validate-docx"),
        PathBuf::from,
    );
    if !tool.exists() {
        eprintln!("notice: {} not found; schema check skipped", tool.display());
        return None;
    }
    let lxml = Command::new("python3")
        .args(["-c", "import lxml"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !lxml {
        eprintln!("notice: python3 lacks lxml; schema check skipped");
        return None;
    }
    Some(tool)
}

#[test]
fn every_document_of_every_example_and_language_passes_the_schema() {
    let Some(tool) = validator() else { return };
    let work = tempfile::tempdir().unwrap();
    let mut businesses = Vec::new();
    for entry in fs::read_dir(repo().join("examples")).unwrap() {
        let config = entry.unwrap().path().join("business.toml");
        if config.exists() {
            businesses.push(config);
        }
    }
    for (segment, lang) in [("clinic", "en"), ("salon", "en"), ("fitness", "ru")] {
        let dir = work.path().join(format!("{segment}-{lang}"));
        regl(
            work.path(),
            &[
                "init",
                dir.to_str().unwrap(),
                "--name",
                "Preset",
                "--city",
                "Омск",
                "--segment",
                segment,
                "--lang",
                lang,
            ],
        )
        .expect_code(0);
        businesses.push(dir.join("business.toml"));
    }
    let mut docs = Vec::new();
    for (i, config) in businesses.iter().enumerate() {
        let out = work.path().join(format!("out{i}"));
        regl(
            work.path(),
            &[
                "render",
                "-c",
                config.to_str().unwrap(),
                "-o",
                out.to_str().unwrap(),
            ],
        )
        .expect_code(0);
        docs.extend(
            tree(&out)
                .into_keys()
                .filter(|p| p.extension().is_some_and(|e| e == "docx"))
                .map(|p| out.join(p)),
        );
    }
    assert!(docs.len() >= 4 * 5, "{} documents", docs.len());
    // The validator takes one file a call; two at a time keeps a 2-core machine busy.
    let failures: Vec<String> = std::thread::scope(|scope| {
        let halves: Vec<_> = docs
            .chunks(docs.len().div_ceil(2))
            .map(|chunk| {
                let tool = &tool;
                scope.spawn(move || {
                    let mut failed = Vec::new();
                    for doc in chunk {
                        let out = Command::new(tool).arg(doc).output().unwrap();
                        if !out.status.success() {
                            failed.push(format!(
                                "{}:\n{}{}",
                                doc.display(),
                                String::from_utf8_lossy(&out.stdout),
                                String::from_utf8_lossy(&out.stderr)
                            ));
                        }
                    }
                    failed
                })
            })
            .collect();
        halves.into_iter().flat_map(|h| h.join().unwrap()).collect()
    });
    assert!(
        failures.is_empty(),
        "schema violations:\n{}",
        failures.join("\n")
    );
}
