//! The launch kit's working copies besides the pilot plan: each location's launch checklist
//! and staff acknowledgement. For every example and preset in both languages they exist,
//! join the manifest and read back (openpyxl) with the config's figures; a re-render keeps
//! what people entered; lint reads their status columns (D405–D409) and the launch date
//! (T141).

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;

use crate::common::{line_col_of, regl, regl_env, replace_once, repo};
use crate::legal::{all, by_lang};

fn copy_dir(from: &Path, to: &Path) {
    fs::create_dir_all(to).unwrap();
    for e in fs::read_dir(from).unwrap() {
        let p = e.unwrap().path();
        let target = to.join(p.file_name().unwrap());
        if p.is_dir() {
            if p.file_name().is_some_and(|n| n == "out") {
                continue;
            }
            copy_dir(&p, &target);
        } else {
            fs::copy(&p, &target).unwrap();
        }
    }
}

fn salon() -> (tempfile::TempDir, PathBuf) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("salon");
    copy_dir(&repo().join("examples/salon-ufa-omsk"), &dir);
    (tmp, dir)
}

fn openpyxl() -> bool {
    let ok = Command::new("python3")
        .args(["-c", "import openpyxl"])
        .output()
        .is_ok_and(|o| o.status.success());
    if !ok {
        eprintln!("notice: python3 lacks openpyxl; read-back skipped");
    }
    ok
}

/// Runs a Python script with `args`; its stdout, trimmed.
#[track_caller]
fn python(script: &str, args: &[&str]) -> String {
    let out = Command::new("python3")
        .args(["-c", script])
        .args(args)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).trim().to_owned()
}

fn config(dir: &Path) -> toml::Table {
    toml::from_str(&fs::read_to_string(dir.join("business.toml")).unwrap()).unwrap()
}

#[test]
fn every_location_has_its_checklist_and_acknowledgement_in_the_manifest() {
    for b in all() {
        let manifest = fs::read_to_string(b.out.join("regl-manifest.json")).unwrap();
        for loc in &b.locations {
            for file in [
                format!("{loc}/launch-checklist-{loc}.xlsx"),
                format!("{loc}/acknowledgement-{loc}.xlsx"),
            ] {
                assert!(b.has(&file), "{}: no {file}", b.name);
                assert!(
                    manifest.contains(&format!("\"path\": \"{file}\"")),
                    "{}: {file} not in the manifest",
                    b.name
                );
            }
        }
    }
}

const READ_CHECKLIST: &str = r"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
ws = wb.worksheets[0]
assert len(wb.sheetnames) == 1, wb.sheetnames
rows = [r for r in ws.iter_rows(min_row=5, values_only=True) if r[0]]
ids = [r[0] for r in rows]
assert len(ids) == len(set(ids)) == 21, ids
v = ws.data_validations.dataValidation[0]
assert str(v.sqref) == 'H5:H25', v.sqref
assert ws.print_title_rows == '$4:$4', ws.print_title_rows
assert ws.page_setup.orientation == 'landscape'
assert ws.page_setup.fitToHeight == 0 and ws.sheet_properties.pageSetUpPr.fitToPage
verify = {r[0]: r[4] for r in rows}
assert 'regl lint: B3xx' in verify['L15'] and 'regl test' in verify['L15'], verify['L15']
assert 'regl push --check' in verify['L12'], verify['L12']
print('\n'.join('|'.join('' if c is None else str(c) for c in r) for r in rows))
";

#[test]
fn the_checklist_reads_back_with_the_locations_figures_roles_and_due_dates() {
    if !openpyxl() {
        return;
    }
    for b in all() {
        let toml = config(&b.dir);
        for (i, loc) in b.locations.iter().enumerate() {
            let path = b.out.join(format!("{loc}/launch-checklist-{loc}.xlsx"));
            let text = python(READ_CHECKLIST, &[path.to_str().unwrap()]).replace('\u{a0}', " ");
            let l = &toml["locations"].as_array().unwrap()[i];
            for key in ["escalation_tag", "bot_config", "timezone"] {
                let v = l[key].as_str().unwrap();
                assert!(
                    text.contains(v),
                    "{}: {loc}'s checklist lacks {key} «{v}»",
                    b.name
                );
            }
            let portal = toml["crm"]["portal"].as_str().unwrap();
            assert!(text.contains(portal), "{}: no portal", b.name);
            // Owners are roles; the duty's and the PD officer's names never appear.
            // `duty` is one table or a roster of them.
            let duty: Vec<&toml::Value> = match &l["duty"] {
                toml::Value::Array(roster) => roster.iter().collect(),
                one => vec![one],
            };
            for d in duty {
                let name = d["name"].as_str().unwrap();
                assert!(
                    !text.contains(name),
                    "{}: the duty's name «{name}» in the checklist",
                    b.name
                );
            }
            if let Some(n) = toml["business"]["pd_officer"].get("name") {
                assert!(!text.contains(n.as_str().unwrap()), "{}: a name", b.name);
            }
            let last = text.lines().last().unwrap();
            assert!(last.starts_with("L25|"), "{last}");
            let due = last.split('|').nth(6).unwrap();
            match l.get("launch_date") {
                Some(d) => {
                    let d = d.as_datetime().unwrap().date.unwrap();
                    let shown = by_lang(
                        b,
                        &format!("{:02}.{:02}.{}", d.day, d.month, d.year),
                        &format!("{}-{:02}-{:02}", d.year, d.month, d.day),
                    )
                    .to_owned();
                    assert_eq!(due, shown, "{}: L25 is due on the opening day", b.name);
                }
                None => assert_eq!(
                    due,
                    by_lang(b, "в день открытия", "on the opening day"),
                    "{}",
                    b.name
                ),
            }
            let status = by_lang(b, "не начато", "not started");
            assert!(
                text.lines().all(|r| r.split('|').nth(7) == Some(status)),
                "{}: a fresh checklist is all «{status}»",
                b.name
            );
        }
    }
}

const READ_ACK: &str = r"
import sys, openpyxl
wb = openpyxl.load_workbook(sys.argv[1])
assert len(wb.sheetnames) == 3, wb.sheetnames
changes, readers, sign = wb.worksheets
lines = [r for r in sign.iter_rows(min_row=5, values_only=True) if r[0]]
assert len(lines) == 17, len(lines)
assert all(r[4] is None and r[6] is None for r in lines), 'regl wrote a name or a date'
assert sign.print_title_rows == '$4:$4', sign.print_title_rows
docs = [r[0] for r in readers.iter_rows(min_row=5, values_only=True) if r[0]]
first = [r for r in changes.iter_rows(min_row=5, values_only=True) if r[0]][0]
print(lines[0][1])
print(first[0])
print(first[3])
print(len(docs))
print('\n'.join(str(c) for r in sign.iter_rows(values_only=True) for c in r if c))
";

#[test]
fn the_acknowledgement_reads_back_with_the_version_what_changed_and_blank_lines() {
    if !openpyxl() {
        return;
    }
    for b in all() {
        let toml = config(&b.dir);
        let version = toml["document"]["version"].as_str().unwrap();
        let changes = toml["document"]["changes"].as_array().unwrap();
        let last = changes.last().unwrap()["summary"].as_str().unwrap();
        for loc in &b.locations {
            let path = b.out.join(format!("{loc}/acknowledgement-{loc}.xlsx"));
            let out = python(READ_ACK, &[path.to_str().unwrap()]);
            let mut lines = out.lines();
            assert_eq!(lines.next(), Some(version), "{}", b.name);
            assert_eq!(
                lines.next(),
                Some(changes.last().unwrap()["version"].as_str().unwrap())
            );
            assert_eq!(
                lines.next(),
                Some(last),
                "{}: the newest change first",
                b.name
            );
            let docs: usize = lines.next().unwrap().parse().unwrap();
            assert!(docs >= 9, "{}: {docs} documents to read", b.name);
            let rest: String = lines.collect::<Vec<_>>().join("\n");
            if let Some(n) = toml["business"]["pd_officer"].get("name") {
                assert!(!rest.contains(n.as_str().unwrap()), "{}: a name", b.name);
            }
        }
    }
}

/// Writes cells with openpyxl: `sheet index, cell, value` triples.
fn fill(path: &Path, cells: &[(usize, &str, &str)]) {
    let mut script =
        String::from("import sys, openpyxl\nwb = openpyxl.load_workbook(sys.argv[1])\n");
    for (sheet, cell, value) in cells {
        let _ = writeln!(script, "wb.worksheets[{sheet}]['{cell}'] = {value:?}");
    }
    script.push_str("wb.save(sys.argv[1])\n");
    python(&script, &[path.to_str().unwrap()]);
}

fn cells(path: &Path, sheet: usize, refs: &[&str]) -> String {
    let list = refs
        .iter()
        .map(|r| format!("{r:?}"))
        .collect::<Vec<_>>()
        .join(", ");
    let script = format!(
        "import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).worksheets[{sheet}]\nprint(' | '.join(str(ws[c].value) for c in [{list}]))\n"
    );
    python(&script, &[path.to_str().unwrap()])
}

#[test]
fn a_re_render_keeps_the_status_and_the_signatures_people_entered() {
    if !openpyxl() {
        return;
    }
    let (_tmp, dir) = salon();
    regl(&dir, &["render"]).expect_code(0);
    let checklist = dir.join("out/ufa/launch-checklist-ufa.xlsx");
    let ack = dir.join("out/ufa/acknowledgement-ufa.xlsx");
    fill(
        &checklist,
        &[
            (0, "H5", "выполнено"),
            (0, "J5", "render --check & <чисто>"),
        ],
    );
    fill(
        &ack,
        &[
            (2, "E5", "Сотрудник А."),
            (2, "F5", "администратор"),
            (2, "G5", "2027-01-10"),
        ],
    );
    // Nothing of regl's changed: the files stay as people saved them.
    let saved = fs::read(&checklist).unwrap();
    regl(&dir, &["render"]).expect_code(0);
    assert_eq!(
        fs::read(&checklist).unwrap(),
        saved,
        "a current working copy is left alone"
    );
    // A new version with a change in the documents: regl's columns move, people's stay.
    let toml = dir.join("business.toml");
    let text = fs::read_to_string(&toml).unwrap();
    let text = replace_once(&text, "version = \"1.0\"\n", "version = \"1.1\"\n");
    let text = replace_once(
        &text,
        "summary = \"Первая редакция: филиалы в Уфе и Омске\", approved_by = \"Петрова И. И., генеральный директор\" },\n",
        "summary = \"Первая редакция: филиалы в Уфе и Омске\", approved_by = \"Петрова И. И., генеральный директор\" },\n  { version = \"1.1\", date = 2026-12-20, summary = \"Бесплатная отмена за 6 часов\" },\n",
    );
    let text = replace_once(&text, "free_until = \"12h\"", "free_until = \"6h\"");
    // The operator's policy changes too: its changed sections are listed like a location's.
    let text = replace_once(&text, "pd@lada-salon.example", "privacy@lada-salon.example");
    fs::write(&toml, text).unwrap();
    regl(&dir, &["render"]).expect_code(0);
    assert_eq!(
        cells(&checklist, 0, &["A5", "H5", "J5", "H6"]),
        "L01 | выполнено | render --check & <чисто> | не начато"
    );
    // The 1.0 line signed stays, after the new version's blank lines.
    let signed = cells(&ack, 2, &["A5", "E5", "A22", "B22", "E22", "G22"]);
    assert_eq!(
        signed,
        "1.1-ADM-01 | None | 1.0-ADM-01 | 1.0 | Сотрудник А. | 2027-01-10"
    );
    let changed = python(
        "import sys, openpyxl\nws = openpyxl.load_workbook(sys.argv[1]).worksheets[0]\nprint('\\n'.join('|'.join(str(c) for c in r) for r in ws.iter_rows(min_row=5, values_only=True) if r[0] == '1.1'))\n",
        &[ack.to_str().unwrap()],
    );
    assert!(
        changed.contains("Правила отмены и переноса записи"),
        "{changed}"
    );
    assert!(
        !changed.contains("неизвестны"),
        "the 1.0 sections are in the manifest: {changed}"
    );
    let policy = changed
        .lines()
        .find(|l| l.contains("Политика"))
        .unwrap_or_else(|| panic!("the policy's changed sections are listed: {changed}"));
    assert!(
        !policy.ends_with("целиком") && policy.split('|').nth(5).is_some_and(|s| !s.is_empty()),
        "{policy}"
    );
}

#[test]
fn the_working_copies_render_byte_for_byte_from_business_toml_alone() {
    let (_a, one) = salon();
    let (_b, two) = salon();
    regl(&one, &["render"]).expect_code(0);
    regl(&two, &["render"]).expect_code(0);
    for loc in ["ufa", "omsk"] {
        for f in [
            format!("out/{loc}/launch-checklist-{loc}.xlsx"),
            format!("out/{loc}/acknowledgement-{loc}.xlsx"),
        ] {
            assert_eq!(
                fs::read(one.join(&f)).unwrap(),
                fs::read(two.join(&f)).unwrap(),
                "{f}"
            );
        }
    }
}

fn lint_json(dir: &Path, today: &str) -> Vec<serde_json::Value> {
    let run = regl_env(dir, &["lint", "--format", "json"], &[("REGL_TODAY", today)]);
    serde_json::from_str::<serde_json::Value>(&run.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
        .as_array()
        .cloned()
        .unwrap_or_default()
}

fn with_code<'a>(found: &'a [serde_json::Value], code: &str) -> Vec<&'a serde_json::Value> {
    found.iter().filter(|f| f["code"] == code).collect()
}

#[test]
fn d405_a_step_marked_done_whose_codes_fire() {
    if !openpyxl() {
        return;
    }
    let (_tmp, dir) = salon();
    regl(&dir, &["render"]).expect_code(0);
    // L04 is verified by T122 (the register number).
    fill(
        &dir.join("out/ufa/launch-checklist-ufa.xlsx"),
        &[(0, "H8", "выполнено")],
    );
    assert!(with_code(&lint_json(&dir, "2026-12-10"), "D405").is_empty());
    let toml = dir.join("business.toml");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        replace_once(&text, "register_number = \"02-26-004812\"\n", ""),
    )
    .unwrap();
    let found = lint_json(&dir, "2026-12-10");
    let d405 = with_code(&found, "D405");
    assert_eq!(d405.len(), 1, "{found:?}");
    let m = d405[0]["message"].as_str().unwrap();
    assert!(
        m.contains("ufa/launch-checklist-ufa.xlsx")
            && m.contains("Чек-лист!H8")
            && m.contains("L04")
            && m.contains("T122"),
        "{m}"
    );
    assert_eq!(d405[0]["severity"], "error");
}

#[test]
fn d406_and_d408_an_opened_location_with_open_steps_and_no_signatures() {
    let (_tmp, dir) = salon();
    regl(&dir, &["render"]).expect_code(0);
    let text = fs::read_to_string(dir.join("business.toml")).unwrap();
    let (line, col) = line_col_of(&text, "2027-01-15");
    assert!(
        with_code(&lint_json(&dir, "2027-01-15"), "D406").is_empty(),
        "not before the day after"
    );
    let found = lint_json(&dir, "2027-01-16");
    for code in ["D406", "D408"] {
        let f = with_code(&found, code);
        assert_eq!(f.len(), 1, "{code}: only Ufa has opened: {found:?}");
        assert_eq!(
            (f[0]["line"].as_u64(), f[0]["column"].as_u64()),
            (Some(line as u64), Some(col as u64)),
            "{code}"
        );
        assert_eq!(f[0]["severity"], "error");
    }
    let d406 = with_code(&found, "D406")[0]["message"].as_str().unwrap();
    assert!(
        d406.contains("21 steps") && d406.contains("Чек-лист!H5"),
        "{d406}"
    );
    let d408 = with_code(&found, "D408")[0]["message"].as_str().unwrap();
    assert!(
        d408.contains("version 1.0") && d408.contains("Подписи!E5"),
        "{d408}"
    );
    // The same in Russian.
    let run = regl_env(
        &dir,
        &["lint"],
        &[("REGL_TODAY", "2027-01-16"), ("REGL_LANG", "ru")],
    );
    assert!(
        run.stdout
            .contains("филиал `ufa` открылся 2027-01-15, но шагов"),
        "{}",
        run.stdout
    );
    if !openpyxl() {
        return;
    }
    // Every step closed and one line per role signed: both are quiet.
    let steps: Vec<String> = (5..=25).map(|r| format!("H{r}")).collect();
    let done: Vec<(usize, &str, &str)> =
        steps.iter().map(|c| (0, c.as_str(), "выполнено")).collect();
    fill(&dir.join("out/ufa/launch-checklist-ufa.xlsx"), &done);
    // The first line of each role: administrators, duty, head, PD officer, AI owner.
    let refs: Vec<String> = ["5", "13", "17", "19", "20"]
        .iter()
        .flat_map(|r| [format!("E{r}"), format!("G{r}")])
        .collect();
    let signed: Vec<(usize, &str, &str)> = refs.iter().map(|c| (2, c.as_str(), "X")).collect();
    fill(&dir.join("out/ufa/acknowledgement-ufa.xlsx"), &signed);
    let found = lint_json(&dir, "2027-01-16");
    assert!(with_code(&found, "D406").is_empty(), "{found:?}");
    assert!(with_code(&found, "D408").is_empty(), "{found:?}");
}

#[test]
fn d407_a_failed_pilot_row_is_a_warning_before_the_opening_and_an_error_after() {
    if !openpyxl() {
        return;
    }
    let (_tmp, dir) = salon();
    regl(&dir, &["render"]).expect_code(0);
    fill(
        &dir.join("out/omsk/test-plan-omsk.xlsx"),
        &[(0, "O9", "не пройдено")],
    );
    let before = lint_json(&dir, "2026-12-10");
    let f = with_code(&before, "D407");
    assert_eq!(f.len(), 1, "{before:?}");
    assert_eq!(f[0]["severity"], "warning");
    let m = f[0]["message"].as_str().unwrap();
    assert!(
        m.contains("omsk/test-plan-omsk.xlsx") && m.contains("План!O9"),
        "{m}"
    );
    let after = lint_json(&dir, "2027-02-02");
    assert_eq!(with_code(&after, "D407")[0]["severity"], "error");
}

#[test]
fn d409_and_t141_the_launch_date_in_business_toml() {
    let (_tmp, dir) = salon();
    let toml = dir.join("business.toml");
    let text = fs::read_to_string(&toml).unwrap();
    let early = replace_once(
        &text,
        "launch_date = 2027-02-01",
        "launch_date = 2026-11-20",
    );
    fs::write(&toml, &early).unwrap();
    let found = lint_json(&dir, "2026-11-01");
    let f = with_code(&found, "D409");
    assert_eq!(f.len(), 1, "{found:?}");
    let (line, col) = line_col_of(&early, "2026-11-20");
    assert_eq!(
        (f[0]["line"].as_u64(), f[0]["column"].as_u64()),
        (Some(line as u64), Some(col as u64))
    );
    assert_eq!(f[0]["severity"], "warning");
    let none = replace_once(&text, "launch_date = 2027-02-01\n", "");
    fs::write(&toml, &none).unwrap();
    let found = lint_json(&dir, "2026-12-10");
    let f = with_code(&found, "T141");
    assert_eq!(f.len(), 1, "{found:?}");
    let (line, _) = line_col_of(&none, "id = \"omsk\"");
    assert_eq!(f[0]["line"].as_u64(), Some(line as u64));
    // The checklist then counts days before the opening.
    regl(&dir, &["render"]).expect_code(0);
    if openpyxl() {
        let path = dir.join("out/omsk/launch-checklist-omsk.xlsx");
        assert_eq!(
            cells(&path, 0, &["G5", "G25"]),
            "за 14\u{a0}дн. до открытия | в день открытия"
        );
    }
}

#[test]
fn a_bad_launch_date_is_a_load_error_with_its_place() {
    let (_tmp, dir) = salon();
    let toml = dir.join("business.toml");
    let text = fs::read_to_string(&toml).unwrap();
    let bad = replace_once(
        &text,
        "launch_date = 2027-02-01",
        "launch_date = \"в феврале\"",
    );
    fs::write(&toml, &bad).unwrap();
    let run = regl(&dir, &["lint"]).expect_code(2);
    let (line, col) = line_col_of(&bad, "\"в феврале\"");
    assert!(
        run.stderr.contains(&format!("business.toml:{line}:{col}")),
        "{}",
        run.stderr
    );
}
