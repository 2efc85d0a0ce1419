//! SPEC §6 load errors: each gives exit 2 and points at the exact `business.toml:LINE:COL`,
//! and a broken file is never touched. `init --city` loads the file before it adds a location,
//! so it is the verb these tests drive.

use std::fs;

use crate::common::{Run, line_col_of, preset, regl, replace_once};

/// Writes `text` as business.toml, runs a verb that loads it, expects exit 2 and an untouched file.
fn load_fails(text: &str) -> Run {
    load_fails_bytes(text.as_bytes())
}

fn load_fails_bytes(bytes: &[u8]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("business.toml");
    fs::write(&path, bytes).unwrap();
    let run = regl(dir.path(), &["init", "--city", "Казань"]).expect_code(2);
    assert_eq!(
        fs::read(&path).unwrap(),
        bytes,
        "a file that does not load is never changed"
    );
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// Asserts the output points at the place where `needle` stands in `text`.
#[track_caller]
fn points_at(run: &Run, text: &str, needle: &str) {
    points_within(run, text, needle, needle);
}

/// Asserts the output points at `target`, found inside the first `context` in `text`.
#[track_caller]
fn points_within(run: &Run, text: &str, context: &str, target: &str) {
    let (line, col) = line_col_of(text, context);
    let col = col
        + context[..context.find(target).expect("target inside context")]
            .chars()
            .count();
    let want = format!("business.toml:{line}:{col}");
    assert!(
        run.stderr.contains(&want),
        "expected {want} in:\n{}",
        run.stderr
    );
}

fn base() -> String {
    preset("salon.ru.toml")
}

#[test]
fn toml_syntax_error() {
    let text = replace_once(&base(), "\n[sla]", "\n[sla");
    let run = load_fails(&text);
    assert!(run.stderr.contains("TOML syntax"), "{}", run.stderr);
    let (line, _) = line_col_of(&text, "\n[sla");
    assert!(
        run.stderr.contains(&format!("business.toml:{}:", line + 1)),
        "{}",
        run.stderr
    );
}

#[test]
fn wrong_type() {
    let text = replace_once(&base(), "reschedule_max = 2", "reschedule_max = \"two\"");
    let run = load_fails(&text);
    assert!(
        run.stderr
            .contains("expected a number of reschedules, found a string"),
        "{}",
        run.stderr
    );
    points_at(&run, &text, "\"two\"");
}

#[test]
fn unknown_key_with_did_you_mean() {
    let text = replace_once(&base(), "\ntimezone = ", "\ntimezon = ");
    let run = load_fails(&text);
    assert!(
        run.stderr
            .contains("unknown key `timezon` in [[locations]]"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("did you mean `timezone`?"),
        "{}",
        run.stderr
    );
    assert!(
        !run.stderr.contains("missing key `timezone`"),
        "one mistake, one error:\n{}",
        run.stderr
    );
    points_at(&run, &text, "timezon = ");
}

#[test]
fn missing_required_key() {
    let base = base();
    let (line, _) = line_col_of(&base, "\nlegal_address");
    let line_text = base.lines().nth(line).unwrap();
    let text = replace_once(&base, &format!("{line_text}\n"), "");
    let run = load_fails(&text);
    assert!(
        run.stderr
            .contains("missing key `legal_address` in [business]"),
        "{}",
        run.stderr
    );
    points_at(&run, &text, "[business]");
}

#[test]
fn unparsable_date() {
    let text = replace_once(
        &base(),
        "effective_date = 2026-12-01",
        "effective_date = \"1 декабря\"",
    );
    let run = load_fails(&text);
    assert!(
        run.stderr
            .contains("expected a date such as 2026-12-01, found a string"),
        "{}",
        run.stderr
    );
    points_at(&run, &text, "\"1 декабря\"");
}

#[test]
fn a_date_with_a_time_is_not_a_date() {
    let text = replace_once(
        &base(),
        "effective_date = 2026-12-01",
        "effective_date = 2026-12-01T10:00:00",
    );
    let run = load_fails(&text);
    assert!(run.stderr.contains("without a time"), "{}", run.stderr);
    points_at(&run, &text, "2026-12-01T10");
}

#[test]
fn unparsable_duration() {
    let text = replace_once(
        &base(),
        "lead_to_crm = \"30m\"",
        "lead_to_crm = \"30 попугаев\"",
    );
    let run = load_fails(&text);
    assert!(
        run.stderr.contains("`30 попугаев` is not a duration"),
        "{}",
        run.stderr
    );
    points_at(&run, &text, "\"30 попугаев\"");
}

#[test]
fn unparsable_phone() {
    let base = base();
    let (line, _) = line_col_of(&base, "\nphone = ");
    let line_text = base.lines().nth(line).unwrap().to_owned();
    let text = replace_once(&base, &line_text, "phone = \"+1 212 555-01-23\"");
    let run = load_fails(&text);
    assert!(
        run.stderr.contains("is not a Russian phone number"),
        "{}",
        run.stderr
    );
    points_at(&run, &text, "\"+1 212 555-01-23\"");
}

#[test]
fn unparsable_working_hours() {
    let base = base();
    let (line, _) = line_col_of(&base, "\nhours = [");
    let line_text = base.lines().nth(line).unwrap().to_owned();
    let text = replace_once(
        &base,
        &line_text,
        "hours = [\"mon-fri 09:00-21:00\", \"sat-sun 10-18\"]",
    );
    let run = load_fails(&text);
    assert!(
        run.stderr
            .contains("cannot read working hours `sat-sun 10-18`"),
        "{}",
        run.stderr
    );
    points_at(&run, &text, "\"sat-sun 10-18\"");
}

#[test]
fn unparsable_id() {
    let text = replace_once(&base(), "id = \"ufa\"", "id = \"Уфа\"");
    let run = load_fails(&text);
    assert!(
        run.stderr.contains("`Уфа` is not a valid id"),
        "{}",
        run.stderr
    );
    points_at(&run, &text, "\"Уфа\"");
}

#[test]
fn a_location_id_that_would_escape_the_output_folder() {
    let text = replace_once(&base(), "id = \"ufa\"", "id = \"../../etc\"");
    let run = load_fails(&text);
    assert!(
        run.stderr.contains("`../../etc` is not a valid id"),
        "{}",
        run.stderr
    );
    points_at(&run, &text, "\"../../etc\"");
}

#[test]
fn a_bot_config_path_that_would_escape_the_business_folder() {
    let text = replace_once(
        &base(),
        "bot_config = \"bot/ufa.json\"",
        "bot_config = \"../../etc/passwd\"",
    );
    let run = load_fails(&text);
    assert!(
        run.stderr
            .contains("must be a path inside the business folder"),
        "{}",
        run.stderr
    );
    points_at(&run, &text, "\"../../etc/passwd\"");
}

#[test]
fn misspelt_value_gets_a_did_you_mean() {
    let text = replace_once(&base(), "segment = \"salon\"", "segment = \"salom\"");
    let run = load_fails(&text);
    assert!(
        run.stderr.contains("did you mean \"salon\"?"),
        "{}",
        run.stderr
    );
    points_at(&run, &text, "\"salom\"");
}

#[test]
fn a_share_written_as_a_percent() {
    let text = replace_once(&base(), "bot_handled_share = 0.6", "bot_handled_share = 60");
    let run = load_fails(&text);
    assert!(
        run.stderr.contains("`60` is not a share from 0 to 1"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("write 0.6"), "{}", run.stderr);
    points_within(&run, &text, "bot_handled_share = 60", "60");
}

#[test]
fn unsupported_schema_version() {
    let text = replace_once(&base(), "schema_version = 1", "schema_version = 2");
    let run = load_fails(&text);
    assert!(
        run.stderr.contains("schema_version 2 is not supported"),
        "{}",
        run.stderr
    );
    points_within(&run, &text, "schema_version = 2", "2");
}

#[test]
fn every_load_error_is_reported_at_once() {
    let text = replace_once(&base(), "lead_to_crm = \"30m\"", "lead_to_crm = \"soon\"");
    let text = replace_once(&text, "segment = \"salon\"", "segment = \"spa\"");
    let text = replace_once(&text, "\ntimezone = ", "\ntime_zone = ");
    let run = load_fails(&text);
    points_at(&run, &text, "\"soon\"");
    points_at(&run, &text, "\"spa\"");
    points_at(&run, &text, "time_zone = ");
    assert!(run.stderr.contains("3 errors"), "{}", run.stderr);
}

#[test]
fn non_utf8_file() {
    let mut bytes = b"schema_version = 1\n\n[business]\nname = \"".to_vec();
    bytes.extend_from_slice(&[0xD0, 0x9B, 0xFF, 0xFE]);
    bytes.extend_from_slice(b"\"\n");
    let run = load_fails_bytes(&bytes);
    assert!(run.stderr.contains("is not UTF-8 text"), "{}", run.stderr);
    assert!(run.stderr.contains("business.toml:4:10"), "{}", run.stderr);
}

#[test]
fn oversized_file() {
    let mut text = base();
    text.push_str("# ");
    text.push_str(&"x".repeat(5 * 1024 * 1024));
    text.push('\n');
    let run = load_fails(&text);
    // The file's own size in megabytes, not the count of bytes read before refusing it.
    assert!(
        run.stderr
            .contains("business.toml` is 5.1 MB: a business.toml is at most 4 MB"),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("bytes"), "{}", run.stderr);
}

#[test]
fn a_missing_file_on_a_terminal_has_no_stray_gutter_line() {
    let dir = tempfile::tempdir().unwrap();
    let run = regl(dir.path(), &["lint"]).expect_code(2);
    assert_eq!(
        run.stderr,
        "error: `business.toml` does not exist\nhelp: create one with `regl init --name NAME --city CITY`, or point at it with `-c`\n\n1 error\n"
    );
}

#[test]
fn a_folder_given_to_c_stands_for_its_business_toml() {
    let dir = tempfile::tempdir().unwrap();
    let salon = dir.path().join("salon");
    std::fs::create_dir(&salon).unwrap();
    let run = regl(dir.path(), &["lint", "-c", "salon"]).expect_code(2);
    assert!(
        run.stderr
            .starts_with("error: cannot read `salon`: Is a directory")
            && run.stderr.contains(
                "help: it has no business.toml in it: run `regl init --name NAME --city CITY` there"
            ),
        "{}",
        run.stderr
    );
    std::fs::write(salon.join("business.toml"), preset("salon.ru.toml")).unwrap();
    for args in [
        &["render", "-c", "salon"][..],
        &["export", "--bot-configs", "-c", "salon"],
        &["test", "-c", "salon"],
        &["lint", "-c", "salon"],
    ] {
        let run = regl(dir.path(), args);
        assert!(run.code != 2, "{args:?}: {}", run.stderr);
    }
    // The outputs go next to the business file, as with `-c salon/business.toml`.
    assert!(salon.join("out/regl-manifest.json").is_file());
    assert!(salon.join("bot/ufa.json").is_file());
}

#[test]
fn an_empty_file_or_another_projects_toml_is_one_error_that_names_regl_init() {
    for (text, says) in [
        ("", "business.toml holds no settings"),
        ("# only a comment\n\n", "business.toml holds no settings"),
        (
            "[tool.poetry]\nname = \"x\"\n",
            "this is not a business.toml: it has none of [business], [[locations]], [[services]], [bot]",
        ),
    ] {
        let run = load_fails(text);
        assert!(run.stderr.contains(says), "{}", run.stderr);
        assert!(
            run.stderr.contains("regl init --name NAME --city CITY"),
            "{}",
            run.stderr
        );
        assert!(run.stderr.contains("business.toml:1:1"), "{}", run.stderr);
        assert!(run.stderr.ends_with("\n1 error\n"), "{}", run.stderr);
    }
}

#[test]
fn a_missing_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut sources = regl::diag::Sources::default();
    let diags = regl::model::load(&dir.path().join("business.toml"), &mut sources)
        .expect_err("a missing file does not load");
    assert!(
        diags[0].message.en().contains("does not exist"),
        "{diags:?}"
    );
    assert!(
        diags[0]
            .hint
            .as_ref()
            .map_or("", |h| h.en())
            .contains("regl init")
    );
}

#[test]
fn a_usage_error_exits_2() {
    let dir = tempfile::tempdir().unwrap();
    let run = regl(dir.path(), &["schema", "nonsense"]).expect_code(2);
    assert!(run.stderr.contains("invalid value"), "{}", run.stderr);
}

#[test]
fn a_cyrillic_service_id_is_answered_with_its_latin_spelling() {
    let text = replace_once(&base(), "id = \"styling\"", "id = \"брови\"");
    let run = load_fails(&text);
    assert!(
        run.stderr.contains(
            "`брови` is not a valid id: use 1–40 lowercase Latin letters, digits and `-` (not at the ends), e.g. \"brovi\""
        ),
        "{}",
        run.stderr
    );
    assert!(!run.stderr.contains("omsk"), "{}", run.stderr);
    points_at(&run, &text, "\"брови\"");
}

#[test]
fn phone_messages_count_the_digits_and_refuse_extensions() {
    let base = base();
    let (line, _) = line_col_of(&base, "\nphone = ");
    let line_text = base.lines().nth(line).unwrap().to_owned();
    let text = replace_once(&base, &line_text, "phone = \"+7 917 246 18 3\"");
    let run = load_fails(&text);
    assert!(
        run.stderr.contains("`+7 917 246 18 3` is not a Russian phone number: it has 10 digits; write +7 or 8 and 10 digits (\"+7 917 000-00-00\"), or the 10 digits alone, read as +7"),
        "{}",
        run.stderr
    );
    points_at(&run, &text, "\"+7 917 246 18 3\"");
    let text = replace_once(&base, &line_text, "phone = \"+7 347 200-00-00 доб. 12\"");
    let run = load_fails(&text);
    assert!(
        run.stderr.contains("`+7 347 200-00-00 доб. 12` is not a phone number: extensions are not supported; put the extension in a comment after the value (`\"+7 347 200-00-00\"  # …`) and give the number alone"),
        "{}",
        run.stderr
    );
    // Ten digits alone are the number after +7, as the message says.
    let dir = tempfile::tempdir().unwrap();
    let text = replace_once(&base, &line_text, "phone = \"917 246 18 30\"");
    fs::write(dir.path().join("business.toml"), &text).unwrap();
    let run = regl(dir.path(), &["export", "--bot-configs"]).expect_code(0);
    assert!(!run.stderr.contains("phone"), "{}", run.stderr);
    let bot = fs::read_to_string(dir.path().join("bot/ufa.json")).unwrap();
    assert!(bot.contains("+79172461830"), "{bot}");
}

/// A long `[[locations]]` list is read on all cores: its errors are those one thread
/// reports, in the same order, each at its own line — a misspelt key withdrawn as "missing"
/// in its own location, not in another's.
#[test]
fn errors_in_many_locations_come_out_as_one_thread_gives_them() {
    let text = base();
    let start = text.find("[[locations]]").unwrap();
    let end = text.find("# ── Услуги").unwrap();
    let block = &text[start..end];
    let mut many = text[..start].to_owned();
    for i in 0..90 {
        let mut b = block
            .replace("id = \"ufa\"", &format!("id = \"loc{i}\""))
            .replace("bot/ufa.json", &format!("bot/loc{i}.json"));
        match i {
            3 => b = replace_once(&b, "\ntimezone = ", "\ntime_zone = "),
            41 => b = replace_once(&b, "phone = \"+7 917 246-18-30\"", "phone = \"+7 917 246\""),
            77 => b = replace_once(&b, "\ncity = ", "\ncitty = "),
            _ => {}
        }
        many.push_str(&b);
    }
    many.push_str(&text[end..]);
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("business.toml"), &many).unwrap();
    let run = |threads: &str| {
        crate::common::regl_env(dir.path(), &["lint"], &[("REGL_THREADS", threads)]).expect_code(2)
    };
    let (one, all) = (run("1"), run("2"));
    assert_eq!((&one.stdout, &one.stderr), (&all.stdout, &all.stderr));
    // Each error where it stands, in file order.
    let at = |needle: &str, nth: usize| {
        let from = many.match_indices(needle).nth(nth).unwrap().0;
        let line = many[..from].matches('\n').count() + 1;
        let shown = format!("business.toml:{line}:");
        one.stderr
            .find(&shown)
            .unwrap_or_else(|| panic!("{shown} in {}", one.stderr))
    };
    let (tz, phone, city) = (
        at("time_zone = ", 0),
        at("\"+7 917 246\"", 0),
        at("citty = ", 0),
    );
    assert!(tz < phone && phone < city, "{}", one.stderr);
    assert!(one.stderr.contains("3 errors"), "{}", one.stderr);
}
