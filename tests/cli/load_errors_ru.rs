//! Load errors in the user's language (SPEC §2): a Russian business (`lang = "ru"`) gets each
//! kind of load error in Russian at its `business.toml:LINE:COL`, an English one in English;
//! `REGL_LANG` overrides the business, and the locale decides when no business says. The bot
//! findings of a Russian business are Russian too.

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use crate::common::{Run, line_col_of, preset, regl_env, replace_once, repo};

/// What the user's own environment would otherwise decide: no `REGL_LANG`, and a locale
/// that names no language, so the business's `lang` is what chooses.
const NEUTRAL: &[(&str, &str)] = &[
    ("REGL_LANG", ""),
    ("LC_ALL", ""),
    ("LC_MESSAGES", ""),
    ("LANG", "C.UTF-8"),
];

/// Writes `bytes` as business.toml, runs `regl lint` with `env`, expects exit 2.
fn lint_fails(bytes: &[u8], env: &[(&str, &str)]) -> Run {
    let dir = tempfile::tempdir().unwrap();
    fs::write(dir.path().join("business.toml"), bytes).unwrap();
    let run = regl_env(dir.path(), &["lint"], env).expect_code(2);
    assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    run
}

/// Fails with the locale and `REGL_LANG` neutral: the business decides.
fn fails(text: &str) -> Run {
    lint_fails(text.as_bytes(), NEUTRAL)
}

/// Asserts the report has the error `message`, pointing at `line:col` of business.toml.
#[track_caller]
fn error_at(run: &Run, word: &str, message: &str, line: usize, col: usize) {
    let lines: Vec<&str> = run.stderr.lines().collect();
    let title = format!("{word}: {message}");
    let at = lines
        .iter()
        .position(|l| *l == title)
        .unwrap_or_else(|| panic!("no line `{title}` in:\n{}", run.stderr));
    let want = format!("--> business.toml:{line}:{col}");
    assert_eq!(
        lines.get(at + 1).map(|l| l.trim()),
        Some(want.as_str()),
        "{}",
        run.stderr
    );
}

/// Where `target` stands inside the first `context` of `text`: 1-based line and column.
#[track_caller]
fn pos_within(text: &str, context: &str, target: &str) -> (usize, usize) {
    let (line, col) = line_col_of(text, context);
    let before = &context[..context.find(target).expect("target inside context")];
    (line, col + before.chars().count())
}

/// Asserts a Russian error `message` at the place where `target` stands inside the first
/// `context` of `text`.
#[track_caller]
fn ru_error_within(run: &Run, text: &str, context: &str, target: &str, message: &str) {
    let (line, col) = pos_within(text, context, target);
    error_at(run, "ошибка", message, line, col);
}

#[track_caller]
fn ru_error(run: &Run, text: &str, needle: &str, message: &str) {
    ru_error_within(run, text, needle, needle, message);
}

#[track_caller]
fn has_hint(run: &Run, hint: &str) {
    let want = format!("подсказка: {hint}");
    assert!(
        run.stderr.lines().any(|l| l == want),
        "no `{want}` in:\n{}",
        run.stderr
    );
}

fn ru() -> String {
    preset("salon.ru.toml")
}

/// The Russian preset with the line that starts with `start` replaced by `with`.
fn with_line(start: &str, with: &str) -> String {
    let base = ru();
    let (line, _) = line_col_of(&base, &format!("\n{start}"));
    let old = base.lines().nth(line).unwrap();
    replace_once(&base, &format!("\n{old}\n"), &format!("\n{with}\n"))
}

#[test]
fn syntax_error() {
    let text = replace_once(&ru(), "\n[sla]", "\n[sla");
    let run = fails(&text);
    let (line, _) = line_col_of(&text, "\n[sla");
    error_at(
        &run,
        "ошибка",
        "синтаксис TOML: заголовок таблицы не закрыт: нет `]`",
        line + 1,
        5,
    );
    assert!(run.stderr.ends_with("1 ошибка\n"), "{}", run.stderr);
}

#[test]
fn syntax_errors_of_other_kinds() {
    // (the line written instead of `reschedule_max = 2`, where in it the error points, the
    // message); "" points past the end of the line.
    for (line_text, at, message) in [
        (
            "reschedule_max = \"2",
            "",
            "синтаксис TOML: строка в двойных кавычках не закрыта или содержит недопустимый символ (ожидается: `\"`)",
        ),
        (
            "reschedule_max 2",
            "2",
            "синтаксис TOML: после ключа нет `=` и значения",
        ),
        (
            "reschedule_max = 02",
            "02",
            "синтаксис TOML: число не может начинаться с нуля",
        ),
        (
            "reschedule_max = 2\nreschedule_max = 3",
            "reschedule_max = 3",
            "синтаксис TOML: ключ задан повторно",
        ),
    ] {
        let text = with_line("reschedule_max = ", line_text);
        let run = fails(&text);
        let last = line_text.lines().last().unwrap();
        let (line, col) = if at.is_empty() {
            let (line, col) = line_col_of(&text, last);
            (line, col + last.chars().count())
        } else {
            pos_within(&text, last, at)
        };
        error_at(&run, "ошибка", message, line, col);
    }
}

#[test]
fn wrong_type() {
    let text = replace_once(&ru(), "reschedule_max = 2", "reschedule_max = \"two\"");
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "\"two\"",
        "ожидается число переносов, а здесь строка",
    );
}

#[test]
fn unknown_key_with_did_you_mean() {
    let text = replace_once(&ru(), "\ntimezone = ", "\ntimezon = ");
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "timezon = ",
        "неизвестный ключ `timezon` в [[locations]]",
    );
    has_hint(&run, "возможно, имелось в виду `timezone`?");
    assert!(
        !run.stderr.contains("нет ключа `timezone`"),
        "{}",
        run.stderr
    );
}

#[test]
fn unknown_key_without_a_near_one() {
    let text = replace_once(&ru(), "\n[sla]\n", "\n[sla]\n\"срок\" = \"3s\"\n");
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "\"срок\" = ",
        "неизвестный ключ `срок` в [sla]",
    );
    assert!(
        run.stderr
            .contains("подсказка: допустимые ключи здесь: ai_first_response, "),
        "{}",
        run.stderr
    );
}

#[test]
fn missing_key() {
    let base = ru();
    let (line, _) = line_col_of(&base, "\nlegal_address");
    let line_text = base.lines().nth(line).unwrap();
    let text = replace_once(&base, &format!("{line_text}\n"), "");
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "[business]",
        "нет ключа `legal_address` в [business]",
    );
    has_hint(&run, "добавьте `legal_address = …` (строка)");
}

#[test]
fn unparsable_date() {
    let text = replace_once(
        &ru(),
        "effective_date = 2026-12-01",
        "effective_date = \"2026-12-01\"",
    );
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "\"2026-12-01\"",
        "ожидается дата, например 2026-12-01, а здесь строка",
    );
    has_hint(&run, "напишите её без кавычек: 2026-12-01");
}

#[test]
fn a_date_with_a_time() {
    let text = replace_once(
        &ru(),
        "effective_date = 2026-12-01",
        "effective_date = 2026-12-01T10:00:00",
    );
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "2026-12-01T10",
        "ожидается дата, например 2026-12-01 (только дата, без времени), а здесь `2026-12-01T10:00:00`",
    );
}

#[test]
fn a_date_not_in_the_calendar() {
    let text = replace_once(
        &ru(),
        "effective_date = 2026-12-01",
        "effective_date = 2026-13-01",
    );
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "2026-13-01",
        "синтаксис TOML: недопустимая дата (ожидается: месяц от 01 до 12)",
    );
}

#[test]
fn unparsable_duration() {
    let text = replace_once(
        &ru(),
        "lead_to_crm = \"30m\"",
        "lead_to_crm = \"30 попугаев\"",
    );
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "\"30 попугаев\"",
        "`30 попугаев` — не длительность: неизвестная единица `попугаев`, используйте s, m, h, d, w или y (пишите, например, \"3s\", \"3m\", \"1h30m\", \"24h\", \"90d\", \"3y\")",
    );
}

#[test]
fn unparsable_phone() {
    let text = with_line("phone = ", "phone = \"+1 212 555-01-23\"");
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "\"+1 212 555-01-23\"",
        "`+1 212 555-01-23` — не российский номер телефона: в нём 11 цифр; пишите +7 или 8 и 10 цифр (\"+7 917 000-00-00\") или только 10 цифр — они читаются как +7",
    );
}

#[test]
fn unparsable_working_hours() {
    let text = with_line(
        "hours = [",
        "hours = [\"mon-fri 09:00-21:00\", \"sat-sun 10-18\"]",
    );
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "\"sat-sun 10-18\"",
        "не удаётся прочитать часы работы `sat-sun 10-18`: `10` — не время суток: пишите ЧЧ:ММ, например 09:00",
    );
}

#[test]
fn a_misspelt_day() {
    let text = with_line("hours = [", "hours = [\"mon-fry 09:00-21:00\"]");
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "\"mon-fry 09:00-21:00\"",
        "не удаётся прочитать часы работы `mon-fry 09:00-21:00`: неизвестный день `fry`: возможно, имелось в виду `fri`?",
    );
}

#[test]
fn unparsable_id() {
    let text = replace_once(&ru(), "id = \"ufa\"", "id = \"../../etc\"");
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "\"../../etc\"",
        "`../../etc` — недопустимый идентификатор: используйте от 1 до 40 строчных латинских букв, цифр и `-` (не в начале и не в конце)",
    );
}

#[test]
fn a_path_that_would_escape_the_business_folder() {
    let text = replace_once(
        &ru(),
        "bot_config = \"bot/ufa.json\"",
        "bot_config = \"../../etc/passwd\"",
    );
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "\"../../etc/passwd\"",
        "`../../etc/passwd` должен быть путём внутри папки бизнеса, например \"bot/ufa.json\" (без `..` и без абсолютного пути)",
    );
}

#[test]
fn a_misspelt_value() {
    let text = replace_once(&ru(), "segment = \"salon\"", "segment = \"salom\"");
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "\"salom\"",
        "неизвестное значение \"salom\": возможно, имелось в виду \"salon\"? (допустимы: salon, clinic, fitness, education, other)",
    );
}

#[test]
fn a_share_written_as_a_percent() {
    let text = replace_once(&ru(), "bot_handled_share = 0.6", "bot_handled_share = 60");
    let run = fails(&text);
    ru_error_within(
        &run,
        &text,
        "bot_handled_share = 60",
        "60",
        "`60` — не доля от 0 до 1",
    );
    has_hint(&run, "доля — это дробь: для 60 % напишите 0.6");
}

#[test]
fn a_number_out_of_range() {
    let text = replace_once(&ru(), "reschedule_max = 2", "reschedule_max = 500");
    let run = fails(&text);
    ru_error_within(
        &run,
        &text,
        "reschedule_max = 500",
        "500",
        "`500` вне допустимого диапазона: ожидается число переносов от 0 до 100",
    );
}

#[test]
fn an_email_and_a_web_address() {
    let text = replace_once(
        &ru(),
        "email = \"pd@aurora.example\"",
        "email = \"dpo.lada.ru\"",
    );
    let text = replace_once(&text, "website = \"", "website = \"ftp://");
    let run = fails(&text);
    ru_error(
        &run,
        &text,
        "\"dpo.lada.ru\"",
        "`dpo.lada.ru` — не адрес электронной почты",
    );
    let (line, col) = line_col_of(&text, "\"ftp://");
    error_at(
        &run,
        "ошибка",
        "`ftp://https://aurora.example` — не веб-адрес: напишите его в виде https://…",
        line,
        col,
    );
}

#[test]
fn unsupported_schema_version() {
    let text = replace_once(&ru(), "schema_version = 1", "schema_version = 2");
    let run = fails(&text);
    ru_error_within(
        &run,
        &text,
        "schema_version = 2",
        "2",
        "schema_version 2 не поддерживается: эта версия regl читает schema_version = 1",
    );
}

#[test]
fn every_error_at_once_with_a_russian_count() {
    let text = replace_once(&ru(), "lead_to_crm = \"30m\"", "lead_to_crm = \"soon\"");
    let text = replace_once(&text, "segment = \"salon\"", "segment = \"spa\"");
    let text = replace_once(&text, "\ntimezone = ", "\ntime_zone = ");
    let run = fails(&text);
    assert!(run.stderr.ends_with("\n3 ошибки\n"), "{}", run.stderr);
}

#[test]
fn non_utf8_file() {
    let mut bytes = b"schema_version = 1\n\n[business]\nlang = \"ru\"\nname = \"".to_vec();
    bytes.extend_from_slice(&[0xD0, 0x9B, 0xFF, 0xFE]);
    bytes.extend_from_slice(b"\"\n");
    let run = lint_fails(&bytes, NEUTRAL);
    error_at(
        &run,
        "ошибка",
        "`business.toml` — не текст в кодировке UTF-8",
        5,
        10,
    );
    assert!(
        run.stderr.contains("этот байт — не UTF-8"),
        "{}",
        run.stderr
    );
    has_hint(
        &run,
        "сохраните файл в кодировке UTF-8 (в большинстве редакторов: «Сохранить в кодировке» → UTF-8)",
    );
}

#[test]
fn oversized_file() {
    let mut text = ru();
    text.push_str("# ");
    text.push_str(&"x".repeat(5 * 1024 * 1024));
    text.push('\n');
    let run = fails(&text);
    assert!(
        run.stderr
            .contains("business.toml` занимает 5,1 МБ: business.toml не может быть больше 4 МБ\n"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_missing_file_speaks_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    let run = regl_env(
        dir.path(),
        &["lint"],
        &[
            ("REGL_LANG", ""),
            ("LC_ALL", ""),
            ("LC_MESSAGES", ""),
            ("LANG", "ru_RU.UTF-8"),
        ],
    )
    .expect_code(2);
    assert!(
        run.stderr
            .starts_with("ошибка: файл `business.toml` не найден\n"),
        "{}",
        run.stderr
    );
    has_hint(
        &run,
        "создайте его командой `regl init --name NAME --city CITY` или укажите путь к нему через `-c`",
    );
}

#[test]
fn an_unreadable_file_speaks_the_locale() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("business.toml")).unwrap();
    let run = regl_env(
        dir.path(),
        &["lint"],
        &[("REGL_LANG", ""), ("LC_ALL", "ru_RU.UTF-8")],
    )
    .expect_code(2);
    assert!(
        run.stderr
            .starts_with("ошибка: не удаётся прочитать `business.toml`: это папка, а не файл ("),
        "{}",
        run.stderr
    );
}

#[test]
fn an_english_business_gets_english() {
    let text = replace_once(
        &preset("salon.en.toml"),
        "reschedule_max = 2",
        "reschedule_max = \"two\"",
    );
    let run = fails(&text);
    let (line, col) = line_col_of(&text, "\"two\"");
    error_at(
        &run,
        "error",
        "expected a number of reschedules, found a string",
        line,
        col,
    );
    assert!(run.stderr.ends_with("1 error\n"), "{}", run.stderr);
}

#[test]
fn regl_lang_overrides_a_russian_business() {
    let text = replace_once(&ru(), "reschedule_max = 2", "reschedule_max = \"two\"");
    let mut env = NEUTRAL.to_vec();
    env[0] = ("REGL_LANG", "en");
    let run = lint_fails(text.as_bytes(), &env);
    let (line, col) = line_col_of(&text, "\"two\"");
    error_at(
        &run,
        "error",
        "expected a number of reschedules, found a string",
        line,
        col,
    );
}

#[test]
fn the_locale_decides_when_the_business_does_not_say() {
    // No `lang` line: what the file says cannot be read, so the locale chooses.
    let base = preset("salon.en.toml");
    let (line, _) = line_col_of(&base, "\nlang = ");
    let lang_line = base.lines().nth(line).unwrap();
    let text = replace_once(&base, &format!("{lang_line}\n"), "");
    let text = replace_once(&text, "reschedule_max = 2", "reschedule_max = \"two\"");
    let (line, col) = line_col_of(&text, "\"two\"");
    for (locale, word, message) in [
        (
            "ru_RU.UTF-8",
            "ошибка",
            "ожидается число переносов, а здесь строка",
        ),
        (
            "en_GB.UTF-8",
            "error",
            "expected a number of reschedules, found a string",
        ),
    ] {
        let run = lint_fails(
            text.as_bytes(),
            &[
                ("REGL_LANG", ""),
                ("LC_ALL", ""),
                ("LC_MESSAGES", ""),
                ("LANG", locale),
            ],
        );
        error_at(&run, word, message, line, col);
    }
}

// ── Bot findings ─────────────────────────────────────────────────────────────────────

/// The Ufa–Omsk salon (a Russian business) with the bot configs `export` makes, then
/// `change` applied to Ufa's; `regl lint --format json` with no `REGL_LANG`.
fn lint_bot(change: impl FnOnce(&mut Value)) -> (String, Vec<Value>) {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("business.toml");
    fs::copy(repo().join("examples/salon-ufa-omsk/business.toml"), &toml).unwrap();
    write_bots(dir.path());
    let path = dir.path().join("bot/ufa.json");
    let mut v: Value = serde_json::from_str(&fs::read_to_string(&path).unwrap()).unwrap();
    change(&mut v);
    let text = serde_json::to_string_pretty(&v).unwrap();
    fs::write(&path, &text).unwrap();
    let mut env = NEUTRAL.to_vec();
    env.push(("REGL_TODAY", "2026-12-10"));
    let run = regl_env(dir.path(), &["lint", "--format", "json"], &env).expect_code(1);
    let found = serde_json::from_str(&run.stdout).expect("lint json");
    (text, found)
}

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

/// The one finding `code` in the bot config where `target` stands inside `context`.
#[track_caller]
fn bot_finding<'a>(
    found: &'a [Value],
    text: &str,
    code: &str,
    context: &str,
    target: &str,
) -> &'a Value {
    let (line, col) = pos_within(text, context, target);
    found
        .iter()
        .find(|d| {
            d["code"] == code
                && d["file"] == "bot/ufa.json"
                && d["line"] == json!(line)
                && d["column"] == json!(col)
        })
        .unwrap_or_else(|| panic!("no {code} at bot/ufa.json:{line}:{col} in {found:#?}"))
}

#[test]
fn bot_findings_of_a_russian_business_are_russian() {
    let (text, found) = lint_bot(|v| {
        v["limits"]["first_response_s"] = json!(30);
        v["cancellation"]["free_until_s"] = json!(86_400);
        v["night_mode"] = json!(false);
        v["escalation"]["keywords"]
            .as_array_mut()
            .unwrap()
            .push(json!("скидка"));
    });
    let b302 = bot_finding(&found, &text, "B302", "\"first_response_s\": 30", "30");
    assert_eq!(
        b302["message"],
        "бот филиала `ufa` может отвечать 30s, а SLA обещает 3s"
    );
    assert_eq!(
        b302["hint"],
        "задайте \"first_response_s\": 3 (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
    );
    assert_eq!(b302["related"][0]["label"], "SLA");

    let b309 = bot_finding(&found, &text, "B309", "\"free_until_s\": 86400", "86400");
    assert_eq!(
        b309["message"],
        "бот филиала `ufa` разрешает бесплатную отмену не позже чем за 24h до визита, а политика — за 12h"
    );
    assert_eq!(b309["related"][0]["label"], "срок по политике");

    let b310 = bot_finding(&found, &text, "B310", "\"night_mode\": false", "false");
    assert_eq!(
        b310["message"],
        "у бота филиала `ufa` ночной режим выключен, а у филиала — включён"
    );
    assert_eq!(
        b310["hint"],
        "задайте \"night_mode\": true (или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно)"
    );

    let b304 = bot_finding(&found, &text, "B304", "\"скидка\"", "\"скидка\"");
    assert_eq!(b304["severity"], "warning");
    assert_eq!(
        b304["message"],
        "бот филиала `ufa` передаёт диалог сотруднику по слову «скидка», которого нет в правилах эскалации"
    );
}

#[test]
fn a_missing_bot_key_and_broken_json_are_russian() {
    let (text, found) = lint_bot(|v| {
        v["limits"].as_object_mut().unwrap().remove("max_bot_turns");
        v["reminders"]["offsets_s"] = json!("24h");
    });
    let missing = found
        .iter()
        .find(|d| d["code"] == "B305" && d["message"].as_str().unwrap().contains("max_bot_turns"))
        .expect("B305 for the missing key");
    assert_eq!(
        missing["message"],
        "в конфигурации бота филиала `ufa` нет `limits.max_bot_turns`"
    );
    assert_eq!(
        missing["hint"],
        "добавьте `limits.max_bot_turns` (целое число), как описано в docs/bot-runtime.md, или запустите `regl lint --fix`; `regl export --bot-configs` перепишет файл, если правки команды сохранять не нужно"
    );
    let wrong = bot_finding(&found, &text, "B303", "\"offsets_s\": \"24h\"", "\"24h\"");
    assert_eq!(
        wrong["message"],
        "`reminders.offsets_s` в конфигурации бота филиала `ufa` — строка, а ожидается список целых чисел секунд"
    );

    // Not JSON at all: B301 with the parser's reason in Russian.
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        repo().join("examples/salon-ufa-omsk/business.toml"),
        dir.path().join("business.toml"),
    )
    .unwrap();
    write_bots(dir.path());
    fs::write(dir.path().join("bot/ufa.json"), "{\"regl_bot_schema\": 1,}").unwrap();
    let run = regl_env(dir.path(), &["lint"], NEUTRAL).expect_code(1);
    assert!(
        run.stdout.contains(
            "ошибка[B301]: конфигурация бота `bot/ufa.json` — некорректный JSON: висячие запятые в JSON недопустимы\n"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout.contains("подсказка: исправьте JSON (без комментариев и висячих запятых) или запишите файл заново командой `regl export --bot-configs`"),
        "{}",
        run.stdout
    );
}

// ── What the verbs say beyond diagnostics ────────────────────────────────────────────

fn run_neutral(dir: &Path, args: &[&str]) -> Run {
    regl_env(dir, args, NEUTRAL)
}

#[test]
fn init_speaks_the_language_of_the_business_it_creates() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_neutral(
        dir.path(),
        &["init", "--name", "Лада", "--city", "Нигдевск"],
    )
    .expect_code(2);
    assert_eq!(
        run.stderr,
        "ошибка: regl не знает часовой пояс города «Нигдевск»: укажите его через `--timezone`, например --timezone Europe/Moscow для московского времени (пояс IANA крупнейшего города региона)\n"
    );
    let run = run_neutral(
        dir.path(),
        &[
            "init",
            "--name",
            "Lada",
            "--city",
            "Нигдевск",
            "--lang",
            "en",
        ],
    )
    .expect_code(2);
    assert_eq!(
        run.stderr,
        "error: regl does not know the time zone of «Нигдевск»: pass it with `--timezone`, e.g. --timezone Europe/Moscow for Moscow time (the IANA zone of the region's largest city)\n"
    );
    let run = run_neutral(
        dir.path(),
        &[
            "init",
            "--name",
            "Лада",
            "--city",
            "Уфа",
            "--timezone",
            "Asia/Ufa",
        ],
    )
    .expect_code(2);
    assert_eq!(
        run.stderr,
        "ошибка: `Asia/Ufa` — не часовой пояс IANA; Уфа живёт по времени `Asia/Yekaterinburg`: укажите `--timezone Asia/Yekaterinburg`\n"
    );
}

#[test]
fn init_says_what_it_did_and_what_it_refuses_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    let run = run_neutral(dir.path(), &["init", "--name", "Лада", "--city", "Уфа"]).expect_code(0);
    assert_eq!(
        run.stdout,
        "создан ./business.toml — salon (ru), филиал `ufa` (Уфа, Asia/Yekaterinburg)\n\
         записана конфигурация бота ./bot/ufa.json\n\
         записана схема для редактора ./schema/business.schema.json (строка `#:schema` в business.toml)\n"
    );
    let run = run_neutral(dir.path(), &["init", "--city", "Казань"]).expect_code(0);
    assert_eq!(
        run.stdout,
        "в ./business.toml добавлен филиал `kazan` (Казань, Europe/Moscow)\n\
         записана конфигурация бота ./bot/kazan.json\n"
    );
    let run = run_neutral(dir.path(), &["init", "--city", "Казань"]).expect_code(2);
    assert_eq!(
        run.stderr,
        "ошибка: в ./business.toml уже есть филиал `kazan`; выберите другой идентификатор через `--location`\n"
    );
    fs::write(dir.path().join("bot/omsk.json"), "{}").unwrap();
    let run = run_neutral(dir.path(), &["init", "--city", "Омск"]).expect_code(2);
    assert_eq!(
        run.stderr,
        "ошибка: ./bot/omsk.json уже есть: сначала уберите его (или передайте `--force`, чтобы заменить весь бизнес)\n"
    );
    let run =
        run_neutral(dir.path(), &["init", "--name", "Другой", "--city", "Омск"]).expect_code(2);
    assert_eq!(
        run.stderr,
        "ошибка: ./business.toml уже есть, для «Лада»: запустите без `--name`, чтобы добавить в него филиал, или с `--force`, чтобы заменить его новым бизнесом\n"
    );
    let run = run_neutral(
        dir.path(),
        &["init", "--city", "Омск", "--location", "Омск"],
    )
    .expect_code(2);
    assert!(
        run.stderr.starts_with(
            "ошибка: идентификатор филиала (`--location`): `Омск` — недопустимый идентификатор: используйте от 1 до 40"
        ),
        "{}",
        run.stderr
    );
}

#[test]
fn a_file_that_cannot_be_written_is_said_in_russian() {
    let dir = tempfile::tempdir().unwrap();
    run_neutral(dir.path(), &["init", "--name", "Лада", "--city", "Казань"]).expect_code(0);
    fs::create_dir_all(dir.path().join("out/kazan/bot-scripts-kazan.json")).unwrap();
    let run = run_neutral(dir.path(), &["export"]).expect_code(2);
    assert_eq!(
        run.stderr,
        "ошибка: не удаётся записать `out/kazan/bot-scripts-kazan.json`: это папка\n"
    );
}
