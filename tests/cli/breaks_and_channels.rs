//! Hours with a lunch break (SPEC §3: several ranges a day, closed for booking but not
//! night) and the MAX messenger and a named `other` channel, each walked through the
//! binary: the documents read back, the bot config, lint, `regl test`.

use std::fs;
use std::io::Read;
use std::path::Path;

use serde_json::Value;

use crate::common::{Run, regl, regl_env, replace_once, repo};

/// A date inside the examples' review period.
const TODAY: &str = "2026-12-10";

const UFA_HOURS: &str = "hours = [\"mon-fri 09:00-21:00\", \"sat-sun 10:00-18:00\"]";
const UFA_BREAK: &str = "hours = [\"mon-fri 09:00-13:00,14:00-21:00\", \"sat-sun 10:00-18:00\"]";

/// The salon example in a temporary folder with `changes` made to its business.toml.
fn salon_with(changes: &[(&str, &str)]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let mut text =
        fs::read_to_string(repo().join("examples/salon-ufa-omsk/business.toml")).unwrap();
    for (from, to) in changes {
        text = replace_once(&text, from, to);
    }
    fs::write(dir.path().join("business.toml"), text).unwrap();
    dir
}

/// Render, export with the bot configs, as a new business does.
fn build(dir: &Path) {
    regl(dir, &["render"]).expect_code(0);
    regl(dir, &["export", "--bot-configs"]).expect_code(0);
}

fn lint_json(dir: &Path, extra: &[&str]) -> (Run, Vec<Value>) {
    let mut args = vec!["lint", "--format", "json"];
    args.extend_from_slice(extra);
    let run = regl_env(dir, &args, &[("REGL_TODAY", TODAY)]);
    let found = serde_json::from_str::<Vec<Value>>(&run.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}):\n{}\n{}", run.stdout, run.stderr));
    (run, found)
}

fn codes(found: &[Value]) -> Vec<&str> {
    found.iter().filter_map(|d| d["code"].as_str()).collect()
}

/// The text of an Office package's parts, tags stripped, a paragraph or cell per line; the
/// typograph's no-break spaces and word joiners read as what they join.
fn package_text(path: &Path) -> String {
    let file = fs::File::open(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let mut zip = zip::ZipArchive::new(file).unwrap();
    let names: Vec<String> = zip
        .file_names()
        .filter(|n| {
            (n.starts_with("word/") || n.starts_with("xl/"))
                && std::path::Path::new(n)
                    .extension()
                    .is_some_and(|x| x.eq_ignore_ascii_case("xml"))
        })
        .map(str::to_owned)
        .collect();
    let mut out = String::new();
    for name in names {
        let mut xml = String::new();
        zip.by_name(&name)
            .unwrap()
            .read_to_string(&mut xml)
            .unwrap();
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
    }
    out.replace("&amp;", "&")
        .replace("&quot;", "\"")
        .replace(['\u{a0}', '\u{202f}'], " ")
        .replace('\u{2060}', "")
}

#[track_caller]
fn assert_says(path: &Path, needle: &str) {
    let text = package_text(path);
    assert!(
        text.contains(needle),
        "{} does not say «{needle}»:\n{text}",
        path.display()
    );
}

/// Every file under `dir` by its path relative to it.
fn tree(dir: &Path) -> std::collections::BTreeMap<std::path::PathBuf, Vec<u8>> {
    let mut out = std::collections::BTreeMap::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        for e in fs::read_dir(&d).unwrap().flatten() {
            let p = e.path();
            if p.is_dir() {
                stack.push(p);
            } else {
                out.insert(
                    p.strip_prefix(dir).unwrap().to_path_buf(),
                    fs::read(&p).unwrap(),
                );
            }
        }
    }
    out
}

#[test]
fn a_lunch_break_is_named_in_every_document_that_gives_the_hours() {
    let dir = salon_with(&[(UFA_HOURS, UFA_BREAK)]);
    let d = dir.path();
    build(d);
    let ufa = d.join("out/ufa");
    let hours = "пн–пт 09:00–13:00, 14:00–21:00 (перерыв 13:00–14:00); сб, вс 10:00–18:00";
    for doc in [
        "lead-handling-ufa.docx",
        "cancellation-policy-ufa.docx",
        "ai-escalation-rules-ufa.docx",
    ] {
        assert_says(&ufa.join(doc), hours);
    }
    // The workbook's hours sheet: a row of its own for the break on each weekday.
    let sheet = package_text(&ufa.join("sla-response-times-ufa.xlsx"));
    assert_eq!(sheet.matches("перерыв 13:00–14:00").count(), 1, "{sheet}");
    // The SOP's Open Lines section says what a line cannot do with the break.
    assert_says(
        &ufa.join("lead-handling-ufa.docx"),
        "перерыв в графике работы: в рабочем окне линии перерывов нет",
    );
    // The location without a break gives its hours without one.
    let omsk = package_text(&d.join("out/omsk/lead-handling-omsk.docx"));
    assert!(!omsk.contains("(перерыв 1"), "{omsk}");

    // In English too.
    let dir = salon_with(&[(UFA_HOURS, UFA_BREAK), ("lang = \"ru\"", "lang = \"en\"")]);
    regl(dir.path(), &["render"]).expect_code(0);
    assert_says(
        &dir.path().join("out/ufa/lead-handling-ufa.docx"),
        "Mon–Fri 09:00–13:00, 14:00–21:00 (break 13:00–14:00)",
    );
    let sheet = package_text(&dir.path().join("out/ufa/sla-response-times-ufa.xlsx"));
    assert!(sheet.contains("break 13:00–14:00"), "{sheet}");
}

#[test]
fn a_lunch_break_is_exported_lints_clean_and_passes_its_scenarios() {
    let dir = salon_with(&[(UFA_HOURS, UFA_BREAK)]);
    let d = dir.path();
    build(d);
    let bot: Value =
        serde_json::from_str(&fs::read_to_string(d.join("bot/ufa.json")).unwrap()).unwrap();
    assert_eq!(
        bot["hours"]["mon"],
        serde_json::json!(["09:00-13:00", "14:00-21:00"])
    );
    assert_eq!(bot["hours"]["sat"], serde_json::json!(["10:00-18:00"]));
    let (run, found) = lint_json(d, &["--deny-warnings"]);
    assert_eq!(found, Vec::<Value>::new());
    run.expect_code(0);

    // The generated break family is there and passes, with every other scenario.
    let listed = regl(d, &["test", "--list", "--location", "ufa"]).expect_code(0);
    let breaks = listed.stdout.matches("ufa-breaks-").count();
    assert!(breaks >= 4, "{}", listed.stdout);
    let omsk = regl(d, &["test", "--list", "--location", "omsk"]).expect_code(0);
    assert!(!omsk.stdout.contains("-breaks-"), "{}", omsk.stdout);
    let run = regl(d, &["test"]).expect_code(0);
    assert!(run.stdout.contains(" 0 failed"), "{}", run.stdout);

    // The bot that forgot the break is B310, pointing at Monday.
    let path = d.join("bot/ufa.json");
    let text = fs::read_to_string(&path).unwrap();
    let text = text.replacen(
        "\"09:00-13:00\",\n      \"14:00-21:00\"",
        "\"09:00-21:00\"",
        1,
    );
    assert!(text.contains("\"mon\": [\n      \"09:00-21:00\""), "{text}");
    fs::write(&path, text).unwrap();
    let (_, found) = lint_json(d, &[]);
    assert_eq!(codes(&found), ["B310"], "{found:?}");
    assert!(
        found[0]["message"]
            .as_str()
            .unwrap()
            .contains("\"09:00-13:00\", \"14:00-21:00\""),
        "{found:?}"
    );
}

#[test]
fn a_booking_in_the_break_is_closed_but_the_break_is_not_night() {
    let dir = salon_with(&[(UFA_HOURS, UFA_BREAK)]);
    let d = dir.path();
    build(d);
    // 2027-03-01 is a Monday: in the break the day's greeting, not the after-hours one.
    let scenarios = d.join("scenarios");
    fs::create_dir_all(&scenarios).unwrap();
    fs::write(
        scenarios.join("lunch.toml"),
        r#"[[scenario]]
id = "lunch-greeting"
location = "ufa"
now = 2027-03-01T13:30:00
[[scenario.step]]
user = "здравствуйте"
expect = { say_contains = "Чем могу помочь?", not = { say_contains = "филиал закрыт" } }

[[scenario]]
id = "lunch-booking"
location = "ufa"
now = 2027-03-01T10:00:00
[scenario.given]
consent = true
client = { name = "Анна", phone = "+7 913 000-00-01" }
[[scenario.step]]
user = "хочу записаться"
expect = { ask = "service" }
[[scenario.step]]
user = "1"
expect = { buttons = ["Добавить", "Нет, спасибо"] }
[[scenario.step]]
button = "Нет, спасибо"
expect = { ask = "preferred_time" }
[[scenario.step]]
user = "02.03 13:15"
expect = { say_contains = "С 13:00 до 14:00 у нас перерыв. Ближайшее время для записи — 14:00.", not = { action = "book" } }
[[scenario.step]]
user = "02.03 14:00"
expect = { action = "book" }
"#,
    )
    .unwrap();
    let run = regl(d, &["test", "--location", "ufa", "--only", "lunch-*"]);
    assert!(
        run.stdout.contains("2 passed, 0 failed"),
        "{}\n{}",
        run.stdout,
        run.stderr
    );
    run.expect_code(0);
}

#[test]
fn each_spelling_of_a_break_reads_as_the_canonical_form() {
    let dir = salon_with(&[(UFA_HOURS, UFA_BREAK)]);
    let d = dir.path();
    build(d);
    let canonical = tree(&d.join("out"));
    let bot = fs::read(d.join("out/ufa/bot-scripts-ufa.json")).unwrap();
    for spoken in [
        "пн–пт 9:00–13:00, 14:00–21:00",
        "mon-fri 09:00-13:00, 14:00-21:00",
        "Пн-Пт 9:00 — 13:00,14:00 — 21:00",
        "mon-fri 14:00-21:00,09:00-13:00",
    ] {
        let dir = salon_with(&[(
            UFA_HOURS,
            &format!("hours = [\"{spoken}\", \"sat-sun 10:00-18:00\"]"),
        )]);
        let s = dir.path();
        build(s);
        let got = tree(&s.join("out"));
        for (path, bytes) in &canonical {
            if path.extension().is_some_and(|x| x == "docx" || x == "xlsx") {
                assert!(
                    got.get(path) == Some(bytes),
                    "{spoken}: {} differs",
                    path.display()
                );
            }
        }
        assert_eq!(
            fs::read(s.join("out/ufa/bot-scripts-ufa.json")).unwrap(),
            bot,
            "{spoken}"
        );
    }
}

#[test]
fn overlapping_ranges_are_still_c103_and_disjoint_ones_are_not() {
    for (hours, fires) in [
        (
            "hours = [\"mon-fri 09:00-14:00,13:00-21:00\", \"sat-sun 10:00-18:00\"]",
            true,
        ),
        (
            "hours = [\"mon-fri 09:00-13:00,14:00-21:00\", \"fri-sun 12:00-18:00\"]",
            true,
        ),
        (
            "hours = [\"mon-fri 09:00-13:00,21:00-14:00\", \"sat-sun 10:00-18:00\"]",
            true,
        ),
        (
            "hours = [\"mon-fri 09:00-13:00\", \"mon-fri 14:00-21:00\", \"sat-sun 10:00-18:00\"]",
            false,
        ),
        (UFA_BREAK, false),
    ] {
        let dir = salon_with(&[(UFA_HOURS, hours)]);
        let (_, found) = lint_json(dir.path(), &[]);
        assert_eq!(codes(&found).contains(&"C103"), fires, "{hours}: {found:?}");
    }
    // The finding points at the line with the overlap.
    let dir = salon_with(&[(
        UFA_HOURS,
        "hours = [\"mon-fri 09:00-14:00,13:00-21:00\", \"sat-sun 10:00-18:00\"]",
    )]);
    let run = regl(dir.path(), &["lint"]);
    assert!(
        run.stdout
            .contains("`mon-fri 09:00-14:00,13:00-21:00` (location `ufa`): 09:00-14:00 and 13:00-21:00 overlap"),
        "{}",
        run.stdout
    );
}

/// The salon with MAX and an `other` channel («Авито») declared, each in the CRM list, MAX
/// with its own source and both among the processors as independent operators in Russia.
fn salon_with_max_and_avito(extra: &[(&str, &str)]) -> tempfile::TempDir {
    let mut changes = vec![
        (
            "[[channels]]\nid = \"website\"",
            "[[channels]]\nid = \"max\"\nbot = true\nreminders = true\nsource_id = \"MAX\"\n\n\
             [[channels]]\nid = \"other\"\nname = \"Авито\"\nbot = true\nreminders = false\n\n\
             [[channels]]\nid = \"website\"",
        ),
        (
            "values = [\"WhatsApp\", \"Telegram\", \"Instagram\", \"Сайт\", \"Телефон\"]",
            "values = [\"WhatsApp\", \"Telegram\", \"Instagram\", \"MAX\", \"Авито\", \"Сайт\", \"Телефон\"]",
        ),
        (
            "sources = [\n",
            "sources = [\n  { id = \"MAX\", name = \"MAX\" },\n",
        ),
        (
            "country = \"US\", basis = \"independent\" },\n]",
            "country = \"US\", basis = \"independent\" },\n  \
             { name = \"MAX\", role = \"messenger\", purpose = \"переписка с клиентами\", country = \"RU\", basis = \"independent\" },\n  \
             { name = \"Авито\", role = \"other\", purpose = \"переписка по объявлениям\", country = \"RU\", basis = \"independent\" },\n]",
        ),
    ];
    changes.extend_from_slice(extra);
    salon_with(&changes)
}

#[test]
fn max_and_an_other_channel_lint_clean_render_export_and_pass_their_scenarios() {
    let dir = salon_with_max_and_avito(&[]);
    let d = dir.path();
    build(d);
    let (run, found) = lint_json(d, &["--deny-warnings"]);
    assert_eq!(found, Vec::<Value>::new());
    run.expect_code(0);
    // The documents name both, the owner's channel by its name.
    assert_says(
        &d.join("out/pd-policy.docx"),
        "через каналы связи: WhatsApp, Telegram, Instagram, MAX, Авито, чат на сайте и телефон",
    );
    assert_says(
        &d.join("out/pd-consent.docx"),
        "Telegram, Instagram (Meta), MAX или Авито, мои сообщения обрабатывает компания",
    );
    assert_says(
        &d.join("out/ufa/lead-handling-ufa.docx"),
        "Напоминания отправляются в каналы: WhatsApp, Telegram и MAX.",
    );
    // Open Lines have no connector for either: the SOP says who answers there instead.
    assert_says(
        &d.join("out/ufa/lead-handling-ufa.docx"),
        "сообщения из «MAX» и «Авито»: для них в Битрикс24 нет документированного коннектора",
    );
    // The bot serves both; the CRM has a list item and a source for each.
    let bot: Value =
        serde_json::from_str(&fs::read_to_string(d.join("bot/ufa.json")).unwrap()).unwrap();
    assert_eq!(
        bot["channels"],
        serde_json::json!(["whatsapp", "telegram", "max", "other", "website"])
    );
    let mapping = fs::read_to_string(d.join("out/bitrix24-mapping.json")).unwrap();
    let mapping: Value = serde_json::from_str(&mapping).unwrap();
    let sources = mapping["sources"].as_array().unwrap();
    let source = |id: &str| sources.iter().find(|s| s["id"] == id).unwrap().clone();
    assert_eq!(source("MAX")["create"], true);
    assert_eq!(source("OTHER")["create"], false, "the portal's own «Other»");
    let run = regl(d, &["test"]).expect_code(0);
    assert!(run.stdout.contains(" 0 failed"), "{}", run.stdout);
}

#[test]
fn max_is_not_cross_border_and_needs_no_p202() {
    // Not even without a processor entry: MAX's operator is in Russia.
    let dir = salon_with_max_and_avito(&[(
        "  { name = \"MAX\", role = \"messenger\", purpose = \"переписка с клиентами\", country = \"RU\", basis = \"independent\" },\n",
        "",
    )]);
    let (_, found) = lint_json(dir.path(), &[]);
    assert!(!codes(&found).contains(&"P202"), "{found:?}");
    // Declared cross-border by mistake of fact, it is judged like any messenger.
    let dir = salon_with_max_and_avito(&[(
        "id = \"max\"\nbot = true",
        "id = \"max\"\ncross_border = true\nbot = true",
    )]);
    let (_, found) = lint_json(dir.path(), &[]);
    assert!(codes(&found).contains(&"P202"), "{found:?}");
}

#[test]
fn a_channel_missing_from_the_crm_list_is_c114_for_max_and_other_too() {
    let dir = salon_with_max_and_avito(&[(
        "\"Instagram\", \"MAX\", \"Авито\", \"Сайт\"",
        "\"Instagram\", \"Сайт\"",
    )]);
    let (_, found) = lint_json(dir.path(), &[]);
    let hints: Vec<&str> = found
        .iter()
        .filter(|d| d["code"] == "C114")
        .filter_map(|d| d["hint"].as_str())
        .collect();
    assert_eq!(hints.len(), 2, "{found:?}");
    assert!(hints[0].contains("\"MAX\""), "{hints:?}");
    assert!(hints[1].contains("\"Авито\""), "{hints:?}");
}

#[test]
fn other_needs_a_name_and_the_named_kinds_take_none() {
    let dir = salon_with_max_and_avito(&[("name = \"Авито\"\n", "")]);
    let run = regl(dir.path(), &["lint"]).expect_code(2);
    assert!(
        run.stderr.contains("channel `other` needs a `name`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("business.toml:"), "{}", run.stderr);
    let dir = salon_with_max_and_avito(&[("id = \"max\"\n", "id = \"max\"\nname = \"Макс\"\n")]);
    let run = regl(dir.path(), &["lint"]).expect_code(2);
    assert!(
        run.stderr.contains(
            "`name` is only for a channel with `id = \"other\"`: `max` has a name of its own"
        ),
        "{}",
        run.stderr
    );
    // A misspelt kind is answered with the nearest one.
    let dir = salon_with(&[("id = \"website\"", "id = \"maks\"")]);
    let run = regl(dir.path(), &["lint"]).expect_code(2);
    assert!(
        run.stderr.contains("did you mean \"max\"?"),
        "{}",
        run.stderr
    );
}
