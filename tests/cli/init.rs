//! `regl init`: presets, adding locations, never overwriting.

use std::fs;

use crate::common::{regl, repo};

const SEGMENTS: [&str; 5] = ["salon", "clinic", "fitness", "education", "other"];

#[test]
fn every_preset_in_both_languages_loads_without_a_problem() {
    for segment in SEGMENTS {
        for lang in ["ru", "en"] {
            let path = repo().join(format!("presets/{segment}.{lang}.toml"));
            let mut sources = regl::diag::Sources::default();
            let loaded = regl::model::load(&path, &mut sources).unwrap_or_else(|diags| {
                panic!(
                    "{}",
                    regl::report::human::render(&sources, &diags, false, regl::i18n::Lang::En)
                )
            });
            let b = &loaded.business;
            assert_eq!(b.business.segment.as_str(), segment);
            assert_eq!(b.lang().as_str(), lang);
            assert_eq!(b.bot.branches.len(), 5, "{segment}.{lang}: five branches");
            let reminders: Vec<u64> = b.sla.reminders.iter().map(|d| d.secs()).collect();
            assert_eq!(
                reminders,
                [86_400, 7_200, 3_600],
                "{segment}.{lang}: 24/2/1 h reminders"
            );
            assert_eq!(b.sla.ai_first_response.secs(), 3);
            assert_eq!(b.sla.human_first_response.secs(), 180);
            assert_eq!(b.sla.nps_survey_after.secs(), 3 * 86_400);
            assert!(
                b.business.inn.check().is_ok(),
                "{segment}.{lang}: INN checksum"
            );
            assert!(
                b.business.ogrn.check().is_ok(),
                "{segment}.{lang}: OGRN checksum"
            );
            if segment == "clinic" {
                assert!(
                    !b.pd.special_categories().is_empty(),
                    "a clinic processes health data"
                );
                assert!(b.pd.written_consent(), "health data needs written consent");
            }
        }
    }
}

#[test]
fn init_writes_a_business_that_loads_for_every_segment_and_language() {
    for segment in SEGMENTS {
        for lang in ["ru", "en"] {
            let dir = tempfile::tempdir().unwrap();
            let run = regl(
                dir.path(),
                &[
                    "init",
                    "--name",
                    "Студия «Лада»",
                    "--city",
                    "Омск",
                    "--segment",
                    segment,
                    "--lang",
                    lang,
                ],
            )
            .expect_code(0);
            assert!(run.stdout.contains("omsk"), "{}", run.stdout);
            let text = fs::read_to_string(dir.path().join("business.toml")).unwrap();
            assert!(text.contains("name = \"Студия «Лада»\""));
            assert!(text.contains("timezone = \"Asia/Omsk\""));
            assert!(text.contains("id = \"omsk\""));
            let tag = if lang == "ru" {
                "эскалация-ОМСК"
            } else {
                "escalation-OMSK"
            };
            assert!(text.contains(tag), "{segment}.{lang}: tag {tag}");
            // A second location loads too.
            regl(dir.path(), &["init", "--city", "Новосибирск"]).expect_code(0);
        }
    }
}

#[test]
fn adding_locations_keeps_every_byte_of_the_owners_file() {
    let dir = tempfile::tempdir().unwrap();
    regl(dir.path(), &["init", "--name", "Лада", "--city", "Уфа"]).expect_code(0);
    let path = dir.path().join("business.toml");
    // The owner's own comment, in the middle of the file, and odd spacing.
    let original = fs::read_to_string(&path).unwrap().replacen(
        "\n[sla]\n",
        "\n# Сроки согласованы с управляющей 12.11\n[sla]   \n",
        1,
    );
    assert!(original.contains("12.11"));
    fs::write(&path, &original).unwrap();

    regl(dir.path(), &["init", "--city", "Омск"]).expect_code(0);
    regl(dir.path(), &["init", "--city", "Новосибирск"]).expect_code(0);
    let updated = fs::read_to_string(&path).unwrap();

    // The original is the updated text with one inserted block taken out.
    let prefix = original
        .bytes()
        .zip(updated.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let inserted = updated.len() - original.len();
    assert_eq!(
        &updated[prefix + inserted..],
        &original[prefix..],
        "text after the new entries changed"
    );
    let block = &updated[prefix..prefix + inserted];
    assert!(
        block.contains("id = \"omsk\"") && block.contains("id = \"novosibirsk\""),
        "{block}"
    );
    assert!(block.contains("timezone = \"Asia/Novosibirsk\""));
    assert!(block.contains("эскалация-НСК"));
    assert!(block.contains("bot_config = \"bot/omsk.json\""));
    assert!(updated.contains("# Сроки согласованы с управляющей 12.11\n[sla]   \n"));
    // The new entries come right after the existing location, before the services.
    let services = updated.find("[[services]]").unwrap();
    assert!(updated.find("id = \"novosibirsk\"").unwrap() < services);
}

#[test]
fn a_duplicate_location_is_refused_and_the_file_left_alone() {
    let dir = tempfile::tempdir().unwrap();
    regl(dir.path(), &["init", "--name", "Лада", "--city", "Омск"]).expect_code(0);
    let before = fs::read(dir.path().join("business.toml")).unwrap();
    let run = regl(dir.path(), &["init", "--city", "Omsk"]).expect_code(2);
    assert!(
        run.stderr.contains("already has a location `omsk`"),
        "{}",
        run.stderr
    );
    assert_eq!(fs::read(dir.path().join("business.toml")).unwrap(), before);
}

#[test]
fn init_refuses_to_overwrite_another_business_without_force() {
    let dir = tempfile::tempdir().unwrap();
    regl(dir.path(), &["init", "--name", "Лада", "--city", "Уфа"]).expect_code(0);
    let path = dir.path().join("business.toml");
    let before = fs::read(&path).unwrap();
    let run = regl(dir.path(), &["init", "--name", "Аврора", "--city", "Омск"]).expect_code(2);
    assert!(run.stderr.contains("--force"), "{}", run.stderr);
    assert_eq!(fs::read(&path).unwrap(), before, "the file must not change");

    regl(
        dir.path(),
        &["init", "--name", "Аврора", "--city", "Омск", "--force"],
    )
    .expect_code(0);
    let after = fs::read_to_string(&path).unwrap();
    assert!(after.contains("name = \"Аврора\"") && !after.contains("\"Лада\""));
}

#[test]
fn an_unknown_city_needs_a_time_zone() {
    let dir = tempfile::tempdir().unwrap();
    let run = regl(
        dir.path(),
        &["init", "--name", "Лада", "--city", "Урюпинск"],
    )
    .expect_code(2);
    assert!(run.stderr.contains("--timezone"), "{}", run.stderr);
    assert!(!dir.path().join("business.toml").exists());

    regl(
        dir.path(),
        &[
            "init",
            "--name",
            "Лада",
            "--city",
            "Урюпинск",
            "--timezone",
            "Europe/Volgograd",
        ],
    )
    .expect_code(0);
    let text = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    assert!(text.contains("id = \"uryupinsk\""));
    assert!(text.contains("эскалация-УРЮПИНСК"));

    let bad = regl(
        dir.path(),
        &["init", "--city", "Тверь", "--timezone", "Europe/Twer"],
    )
    .expect_code(2);
    assert!(
        bad.stderr.contains("not an IANA time zone"),
        "{}",
        bad.stderr
    );
}

#[test]
fn a_new_business_needs_a_name() {
    let dir = tempfile::tempdir().unwrap();
    let run = regl(dir.path(), &["init", "--city", "Омск"]).expect_code(2);
    assert!(run.stderr.contains("--name"), "{}", run.stderr);
}

#[test]
fn init_knows_every_large_russian_city_and_offers_near_misses() {
    // Sochi, Tobolsk and Petropavlovsk-Kamchatsky were unknown; now their zones come from
    // the table, and the id is the city's name in Latin letters.
    for (city, id, tz) in [
        ("Сочи", "sochi", "Europe/Moscow"),
        ("Тобольск", "tobolsk", "Asia/Yekaterinburg"),
        (
            "Петропавловск-Камчатский",
            "petropavlovsk-kamchatskiy",
            "Asia/Kamchatka",
        ),
        ("Йошкар-Ола", "yoshkar-ola", "Europe/Moscow"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let run = regl(dir.path(), &["init", "--name", "Лада", "--city", city]).expect_code(0);
        assert!(
            run.stdout
                .contains(&format!("location `{id}` ({city}, {tz})")),
            "{}",
            run.stdout
        );
    }
    let dir = tempfile::tempdir().unwrap();
    let run = regl(
        dir.path(),
        &["init", "--name", "Лада", "--city", "Екатеренбург"],
    )
    .expect_code(2);
    assert_eq!(
        run.stderr,
        "error: regl does not know the city «Екатеренбург»: did you mean «Екатеринбург»? For a city it does not know, pass the time zone with `--timezone`\n"
    );
    let run = regl(
        dir.path(),
        &[
            "init",
            "--name",
            "Лада",
            "--city",
            "Урюпинск",
            "--timezone",
            "Europe/Moskow",
        ],
    )
    .expect_code(2);
    assert_eq!(
        run.stderr,
        "error: `Europe/Moskow` is not an IANA time zone; did you mean `Europe/Moscow`?\n"
    );
    let run = regl(
        dir.path(),
        &["init", "--name", "Лада", "--city", "Урюпинск"],
    )
    .expect_code(2);
    assert_eq!(
        run.stderr,
        "error: regl does not know the time zone of «Урюпинск»: pass it with `--timezone`, e.g. --timezone Europe/Moscow for Moscow time (the IANA zone of the region's largest city)\n"
    );
    assert!(!dir.path().join("business.toml").exists());
}

#[test]
fn init_answers_a_bad_location_id_with_the_owners_own_word() {
    let dir = tempfile::tempdir().unwrap();
    let run = regl(
        dir.path(),
        &[
            "init",
            "--name",
            "Лада",
            "--city",
            "Казань",
            "--location",
            "казань",
        ],
    )
    .expect_code(2);
    assert_eq!(
        run.stderr,
        "error: location id (`--location`): `казань` is not a valid id: use 1–40 lowercase Latin letters, digits and `-` (not at the ends), e.g. \"kazan\"\n"
    );
    assert!(!dir.path().join("business.toml").exists());
}

#[test]
fn init_quotes_an_existing_name_with_its_own_quotes_nested() {
    let dir = tempfile::tempdir().unwrap();
    regl(
        dir.path(),
        &["init", "--name", "Студия красоты «Лада»", "--city", "Уфа"],
    )
    .expect_code(0);
    let run = regl(
        dir.path(),
        &["init", "--name", "Другое", "--city", "Казань"],
    )
    .expect_code(2);
    assert!(
        run.stderr
            .contains("already exists, for «Студия красоты „Лада“»: run without `--name`"),
        "{}",
        run.stderr
    );
}
