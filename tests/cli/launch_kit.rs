//! The launch kit's documents that are not working copies: the operator's register of
//! processing (`pd-register.xlsx`), each location's retention regulation with its blank
//! destruction act, and the AI training procedure. For every example and every preset in
//! both languages they exist, join the manifest, carry the config's own figures, pass the
//! schema check and render again byte for byte; bad values of their keys are load errors.

use std::fs;
use std::io::Read;
use std::path::Path;
use std::process::Command;

use crate::common::{regl, repo};
use crate::legal::{Rendered, all, by_lang, has};

/// Every text of a workbook: its shared strings, and the sheets' XML (for validations).
fn xlsx_part(path: &Path, name: &str) -> String {
    let file = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let mut s = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{} has no {name}", path.display()))
        .read_to_string(&mut s)
        .unwrap();
    s.replace("&amp;", "&")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
}

fn config(b: &Rendered) -> toml::Table {
    toml::from_str(&fs::read_to_string(b.dir.join("business.toml")).unwrap()).unwrap()
}

fn retention(b: &Rendered, loc: &str) -> String {
    b.text(&format!("{loc}/pd-retention-{loc}.docx"))
}

fn training(b: &Rendered, loc: &str) -> String {
    b.text(&format!("{loc}/ai-training-procedure-{loc}.docx"))
}

#[test]
fn every_business_has_the_register_and_each_location_its_two_documents() {
    for b in all() {
        assert!(b.has("pd-register.xlsx"), "{}: no pd-register.xlsx", b.name);
        let manifest = fs::read_to_string(b.out.join("regl-manifest.json")).unwrap();
        has(&manifest, "\"path\": \"pd-register.xlsx\"", &b.name);
        for loc in &b.locations {
            for file in [
                format!("{loc}/pd-retention-{loc}.docx"),
                format!("{loc}/ai-training-procedure-{loc}.docx"),
            ] {
                assert!(b.has(&file), "{}: no {file}", b.name);
                has(&manifest, &format!("\"path\": \"{file}\""), &b.name);
            }
        }
    }
}

#[test]
fn the_register_carries_the_purposes_the_processors_and_the_notice() {
    for b in all() {
        let path = b.out.join("pd-register.xlsx");
        let strings = xlsx_part(&path, "xl/sharedStrings.xml").replace('\u{a0}', " ");
        let toml = config(b);
        let business = toml["business"].as_table().unwrap();
        has(&strings, business["inn"].as_str().unwrap(), &b.name);
        has(&strings, business["legal_name"].as_str().unwrap(), &b.name);
        let pd = toml["pd"].as_table().unwrap();
        for p in pd["processors"].as_array().unwrap() {
            has(&strings, p["name"].as_str().unwrap(), &b.name);
            if let Some(inn) = p.get("inn").and_then(|i| i.as_str()) {
                has(&strings, inn, &format!("{}: the processors sheet", b.name));
            }
        }
        for p in pd["purposes"].as_array().unwrap() {
            let name = p
                .as_str()
                .or_else(|| p.get("name").and_then(|n| n.as_str()))
                .unwrap();
            has(
                &strings,
                name,
                &format!("{}: the notice's purposes", b.name),
            );
        }
        // The register number when the operator has one, else the to-do to file first.
        match pd
            .get("notice")
            .and_then(|n| n.get("register_number"))
            .and_then(|r| r.as_str())
        {
            Some(number) => has(&strings, number, &b.name),
            None => has(
                &strings,
                by_lang(
                    b,
                    "подайте уведомление, затем укажите номер",
                    "file the notice, then give the number",
                ),
                &b.name,
            ),
        }
        has(
            &strings,
            by_lang(b, "ч. 7 ст. 22", "art. 22 part 7"),
            &format!("{}: what a new city changes", b.name),
        );
        // The processors review: a drop-down on the ч. 3 ст. 6 items of instructed processors.
        let review = xlsx_part(&path, "xl/worksheets/sheet3.xml");
        has(&review, "<dataValidation ", &b.name);
        has(
            &review,
            by_lang(b, "есть,частично,нет", "yes,partly,no"),
            &b.name,
        );
    }
}

#[test]
fn the_register_reads_back_with_openpyxl() {
    let script = r#"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert len(wb.sheetnames) == 3, wb.sheetnames
review = wb.worksheets[2]
assert review.data_validations.dataValidation, "no drop-down"
register = wb.worksheets[0]
rows = [r for r in register.iter_rows(min_row=6, values_only=True) if r[0]]
print(len(rows))
"#;
    let has_openpyxl = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !has_openpyxl {
        eprintln!("notice: python3 lacks openpyxl; read-back skipped");
        return;
    }
    for b in all() {
        let out = Command::new("python3")
            .args(["-c", script])
            .arg(b.out.join("pd-register.xlsx"))
            .output()
            .unwrap();
        assert!(
            out.status.success(),
            "{}: {}",
            b.name,
            String::from_utf8_lossy(&out.stderr)
        );
        let rows: usize = String::from_utf8_lossy(&out.stdout).trim().parse().unwrap();
        let purposes = config(b)["pd"]["purposes"].as_array().unwrap().len();
        assert_eq!(rows, purposes, "{}: one register row per purpose", b.name);
    }
}

#[test]
fn the_retention_regulation_states_the_terms_the_backups_and_a_blank_act() {
    for b in all() {
        let toml = config(b);
        let backup = toml["pd"].get("backup");
        for loc in &b.locations {
            let text = retention(b, loc);
            let what = format!("{}: pd-retention-{loc}", b.name);
            has(
                &text,
                by_lang(b, "3 года с даты уничтожения", "3 years from destruction"),
                &what,
            );
            has(
                &text,
                by_lang(b, "1 год с даты записи", "1 year from the entry"),
                &what,
            );
            has(
                &text,
                by_lang(b, "30 дней с даты создания", "30 days from when it is made"),
                &what,
            );
            has(
                &text,
                by_lang(b, "Бланк акта об уничтожении", "Blank act of destruction"),
                &what,
            );
            has(
                &text,
                by_lang(b, "Причина уничтожения", "Reason for destruction"),
                &what,
            );
            if let Some(place) = backup
                .and_then(|x| x.get("stored_in"))
                .and_then(|s| s.as_str())
            {
                has(&text, place, &what);
            }
        }
    }
    // The examples' own chat terms.
    for (name, chat) in [
        (
            "example:salon-ufa-omsk",
            "90 дней с даты последнего сообщения",
        ),
        ("example:clinic-omsk", "30 дней с даты последнего сообщения"),
    ] {
        let b = all().iter().find(|b| b.name == name).unwrap();
        has(&retention(b, &b.locations[0]), chat, name);
    }
}

#[test]
fn the_training_procedure_follows_the_bot_config_and_the_policy() {
    for b in all() {
        let toml = config(b);
        let bot_name = toml["bot"]["name"].as_str().unwrap();
        let sample = toml["bot"]
            .get("training")
            .and_then(|t| t.get("sample_size"))
            .and_then(toml::Value::as_integer)
            .unwrap_or(50);
        let confidence = toml["escalation"]["min_confidence"].as_float().unwrap();
        let confidence = if b.ru() {
            confidence.to_string().replace('.', ",")
        } else {
            confidence.to_string()
        };
        for loc in &b.locations {
            let text = training(b, loc);
            let what = format!("{}: ai-training-procedure-{loc}", b.name);
            has(&text, bot_name, &what);
            has(&text, &confidence, &what);
            has(
                &text,
                &format!("{sample} {}", by_lang(b, "диалог", "dialogue")),
                &what,
            );
            has(&text, by_lang(b, "95 %", "95%"), &what);
            has(
                &text,
                by_lang(b, "п. 9 ч. 1 ст. 6", "art. 6 part 1 item 9"),
                &what,
            );
            has(&text, by_lang(b, "<ТЕЛЕФОН>", "<PHONE>"), &what);
            if b.special {
                has(
                    &text,
                    by_lang(
                        b,
                        "исключается полностью и не обезличивается",
                        "left out entirely and is not de-identified",
                    ),
                    &what,
                );
            }
        }
    }
}

#[test]
fn the_new_documents_pass_the_schema_check() {
    let tool = std::env::var_os("REGL_VALIDATE_DOCX").map_or_else(
        || repo().join("../shared/tools/validate-docx"),
        std::path::PathBuf::from,
    );
    let lxml = Command::new("python3")
        .args(["-c", "import lxml"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !tool.exists() || !lxml {
        eprintln!("notice: validate-docx or lxml missing; schema check skipped");
        return;
    }
    let mut files = Vec::new();
    for b in all() {
        for loc in &b.locations {
            files.push(b.out.join(format!("{loc}/pd-retention-{loc}.docx")));
            files.push(
                b.out
                    .join(format!("{loc}/ai-training-procedure-{loc}.docx")),
            );
        }
    }
    // The validator takes one document a run.
    for file in &files {
        let out = Command::new(&tool).arg(file).output().unwrap();
        assert!(
            out.status.success(),
            "{}: {}{}",
            file.display(),
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
    }
}

#[test]
fn the_new_documents_render_again_byte_for_byte() {
    for b in all() {
        let out = b.out.to_str().unwrap();
        regl(
            &b.dir,
            &["render", "-o", out, "--format", "docx,xlsx,md", "--check"],
        )
        .expect_code(0);
    }
}

#[test]
fn bad_backup_and_training_values_are_load_errors_with_their_place() {
    let text = fs::read_to_string(repo().join("examples/salon-ufa-omsk/business.toml")).unwrap();
    for (from, to, expect) in [
        ("sample_size = 50", "sample_size = 0", "sample_size"),
        ("keep = \"30d\"", "keep = \"forever\"", "forever"),
        (
            "restore_test_every = \"90d\"",
            "restore_test_evry = \"90d\"",
            "restore_test_every",
        ),
        ("min_correct_share = 0.95", "min_correct_share = 95", "0.95"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        assert!(text.contains(from), "the example lacks {from}");
        fs::write(dir.path().join("business.toml"), text.replacen(from, to, 1)).unwrap();
        let run = regl(dir.path(), &["render"]).expect_code(2);
        has(&run.stderr, expect, to);
        has(&run.stderr, "business.toml:", to);
        assert!(!dir.path().join("out").exists(), "{to}: wrote outputs");
    }
}

/// The wide working tables print readably: A4 landscape, as many pages across as keep the
/// text near its size (not the whole table squeezed onto one), the header row and the key
/// columns repeated on every page, pages across before down; each plan row as tall as its
/// text.
#[test]
fn the_pilot_plan_and_the_register_print_a_few_readable_pages_across() {
    let dir = tempfile::tempdir().unwrap();
    let from = repo().join("examples/salon-ufa-omsk/business.toml");
    fs::copy(&from, dir.path().join("business.toml")).unwrap();
    regl(dir.path(), &["render"]).expect_code(0);
    let out = dir.path().join("out");
    let plan = out.join("ufa/test-plan-ufa.xlsx");
    let sheet = xlsx_part(&plan, "xl/worksheets/sheet1.xml");
    for needle in [
        "orientation=\"landscape\"",
        "paperSize=\"9\"",
        "fitToWidth=\"2\"",
        "fitToHeight=\"0\"",
        "pageOrder=\"overThenDown\"",
        "customHeight=\"1\"",
    ] {
        assert!(
            sheet.contains(needle),
            "the pilot plan's sheet lacks {needle}"
        );
    }
    let book = xlsx_part(&plan, "xl/workbook.xml");
    assert!(
        book.contains("_xlnm.Print_Titles") && book.contains("План!$A:$A,План!$3:$3"),
        "the pilot plan repeats neither its ID column nor its header row: {book}"
    );
    let register = out.join("pd-register.xlsx");
    let book = xlsx_part(&register, "xl/workbook.xml");
    for sheet in 1..=3 {
        let xml = xlsx_part(&register, &format!("xl/worksheets/sheet{sheet}.xml"));
        assert!(xml.contains("orientation=\"landscape\""), "sheet {sheet}");
        assert!(xml.contains("fitToHeight=\"0\""), "sheet {sheet}");
        assert!(
            !xml.contains("fitToWidth=\"3\""),
            "sheet {sheet}: too many pages"
        );
    }
    // The purposes and processors sheets are two pages across, each with its key column.
    assert_eq!(book.matches("_xlnm.Print_Titles").count(), 3, "{book}");
    assert!(
        book.contains("!$A:$B,"),
        "the purposes' № and purpose repeat: {book}"
    );
}
