//! Messages in Russian: every rule's `explain` page exists in both languages (the registry
//! walked), and each planted fault of the C, P, S and L rules is reported in Russian — its
//! message, every label and the hint — when `REGL_LANG=ru` or the business is Russian.

use std::fs;
use std::path::Path;

use serde_json::{Value, json};

use crate::common::{Run, regl, regl_env, repo};

/// A date inside the example's review period, so C110 stays quiet unless planted.
const TODAY: &str = "2026-12-10";

fn cyrillic(s: &str) -> bool {
    s.chars().any(|c| ('\u{0400}'..='\u{04FF}').contains(&c))
}

/// `md` without its fenced code blocks and `inline code` (which may span a line break):
/// what is left is the prose, where the language shows.
fn prose(md: &str) -> String {
    let mut outside_fences = String::new();
    let mut fenced = false;
    for line in md.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if !fenced {
            outside_fences.push_str(line);
            outside_fences.push('\n');
        }
    }
    let mut inline = false;
    outside_fences
        .chars()
        .filter(|&c| {
            if c == '`' {
                inline = !inline;
                return false;
            }
            !inline
        })
        .collect()
}

/// What is wrong with a rule's summary and `explain` page in either language.
fn documentation_problems(r: &regl::lint::Rule) -> Vec<String> {
    let mut problems = Vec::new();
    let code = r.code;
    if !cyrillic(r.summary.ru) {
        problems.push(format!("{code}: no Russian summary"));
    }
    if cyrillic(&prose(r.summary.en)) {
        problems.push(format!("{code}: Cyrillic in the English summary"));
    }
    if !cyrillic(&prose(r.explanation.ru)) {
        problems.push(format!("{code}: no Russian explanation"));
    }
    if cyrillic(&prose(r.explanation.en)) {
        problems.push(format!(
            "{code}: Cyrillic outside code in the English explanation"
        ));
    }
    let en = [
        "**What it checks.**",
        "**Why it matters.**",
        "**Example.**",
        "**How to fix.**",
    ];
    let ru = [
        "**Что проверяет.**",
        "**Почему это важно.**",
        "**Пример.**",
        "**Как исправить.**",
    ];
    for (text, headings) in [(r.explanation.en, en), (r.explanation.ru, ru)] {
        // In order, each once: the pages of both languages have the same four parts.
        let at: Vec<Option<usize>> = headings.iter().map(|h| text.find(h)).collect();
        let ordered = at.iter().all(Option::is_some) && at.windows(2).all(|w| w[0] < w[1]);
        if !ordered {
            problems.push(format!(
                "{code}: the sections {headings:?} are not all there in order"
            ));
        }
    }
    // The examples are the same in both: the Russian page translates the comments only.
    let fences = |s: &str| s.matches("```").count();
    if fences(r.explanation.en) != fences(r.explanation.ru) {
        problems.push(format!("{code}: the pages' examples differ"));
    }
    problems
}

#[test]
fn every_rule_has_its_summary_and_page_in_both_languages() {
    let problems: Vec<String> = regl::lint::RULES
        .iter()
        .flat_map(|r| documentation_problems(r))
        .collect();
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

#[test]
fn explain_speaks_the_chosen_language() {
    let ru = regl_env(&repo(), &["explain", "c101"], &[("REGL_LANG", "ru")]).expect_code(0);
    assert!(
        ru.stdout
            .starts_with("# C101 `identifier-checksum` (ошибка)\n\nИНН или ОГРН/ОГРНИП"),
        "{}",
        ru.stdout
    );
    assert!(ru.stdout.contains("**Как исправить.**"));
    let en = regl(&repo(), &["explain", "c101"]).expect_code(0);
    assert!(
        en.stdout
            .starts_with("# C101 `identifier-checksum` (error)")
    );

    // Without REGL_LANG, the business in the current folder decides.
    let dir = tempfile::tempdir().unwrap();
    fs::copy(
        repo().join("examples/salon-ufa-omsk/business.toml"),
        dir.path().join("business.toml"),
    )
    .unwrap();
    let page = regl_env(dir.path(), &["explain", "P205"], &[("REGL_LANG", "")]).expect_code(0);
    assert!(
        page.stdout
            .contains("ст. 32 Закона „О защите прав потребителей“"),
        "{}",
        page.stdout
    );

    let all = regl_env(&repo(), &["explain", "all"], &[("REGL_LANG", "ru")]).expect_code(0);
    assert!(
        all.stdout.starts_with("# Правила regl lint"),
        "{}",
        all.stdout
    );
    assert!(
        all.stdout
            .contains("| код | название | уровень | когда срабатывает |")
    );
    assert!(
        all.stdout
            .contains("| [L902](#l902) | `unused-waiver` | предупреждение |")
    );
}

#[test]
fn an_unknown_code_is_refused_in_the_chosen_language() {
    let ru = regl_env(&repo(), &["explain", "C199"], &[("REGL_LANG", "ru")]).expect_code(2);
    assert!(
        ru.stderr
            .contains("ошибка: `C199` — не код и не название правила regl; похожие: C109"),
        "{}",
        ru.stderr
    );
    let en = regl(&repo(), &["explain", "C199"]).expect_code(2);
    assert!(
        en.stderr.contains(
            "error: `C199` is not a regl rule code or name; near: C109 (`regl explain all` lists every rule)"
        ),
        "{}",
        en.stderr
    );
}

/// A fault planted in a copy of the salon example: text replaced in `business.toml` (each
/// `from` must be there), then, optionally, a change to the Ufa bot config that `regl
/// export` would have written from it.
struct Plant {
    code: &'static str,
    changes: &'static [(&'static str, &'static str)],
    bot: Option<fn(&mut Value)>,
}

const fn toml(code: &'static str, changes: &'static [(&'static str, &'static str)]) -> Plant {
    Plant {
        code,
        changes,
        bot: None,
    }
}

const WAIVERS_END: &str = "{ id = \"INSTAGRAM\", name = \"Instagram\" },\n]\n";

/// At least one plant per rule, and one per distinct message where a rule has several.
fn plants() -> Vec<Plant> {
    vec![
        toml("C101", &[("inn = \"0278097147\"", "inn = \"0278097148\"")]),
        toml("C101", &[("inn = \"0278097147\"", "inn = \"02780971a7\"")]),
        toml("C101", &[("inn = \"0278097147\"", "inn = \"02780971\"")]),
        toml(
            "C101",
            &[("ogrn = \"1180280043767\"", "ogrn = \"118028004376\"")],
        ),
        toml(
            "C101",
            &[("ogrn = \"1180280043767\"", "ogrn = \"1180280043768\"")],
        ),
        toml(
            "C101",
            &[("inn = \"0278097147\"", "inn = \"500100732259\"")],
        ),
        toml(
            "C102",
            &[(
                "timezone = \"Asia/Yekaterinburg\"",
                "timezone = \"Asia/Ufa\"",
            )],
        ),
        toml(
            "C102",
            &[(
                "timezone = \"Asia/Yekaterinburg\"",
                "timezone = \"Asia/Yekaterinbur\"",
            )],
        ),
        toml(
            "C102",
            &[(
                "timezone = \"Asia/Yekaterinburg\"",
                "timezone = \"Mars/Olympus\"",
            )],
        ),
        toml(
            "C103",
            &[("\"sat-sun 10:00-18:00\"]", "\"sat-sun 18:00-10:00\"]")],
        ),
        toml(
            "C103",
            &[("\"sat-sun 10:00-18:00\"]", "\"fri-sun 10:00-18:00\"]")],
        ),
        toml("C104", &[("id = \"styling\"", "id = \"haircut\"")]),
        toml("C104", &[("id = \"omsk\"", "id = \"ufa\"")]),
        toml("C104", &[("id = \"instagram\"", "id = \"telegram\"")]),
        toml(
            "C104",
            &[(
                "code = \"UF_CRM_REGL_TIME\"",
                "code = \"UF_CRM_REGL_SERVICE\"",
            )],
        ),
        toml("C104", &[("{ id = \"IN_PROCESS\"", "{ id = \"NEW\"")]),
        toml(
            "C105",
            &[(
                "upsell = [\"styling\", \"hair-care\"]",
                "upsell = [\"styling\", \"hair-cure\"]",
            )],
        ),
        toml(
            "C105",
            &[(
                "upsell = [\"styling\", \"hair-care\"]",
                "upsell = [\"haircut\", \"perm-wave\"]",
            )],
        ),
        toml(
            "C105",
            &[("source_id = \"WHATSAPP\"", "source_id = \"WHATSUP\"")],
        ),
        toml(
            "C105",
            &[
                ("reminders = true", "reminders = false"),
                ("reminders = true", "reminders = false"),
            ],
        ),
        toml(
            "C106",
            &[("ai_first_response = \"3s\"", "ai_first_response = \"5m\"")],
        ),
        toml(
            "C106",
            &[(
                "escalation_response = \"15m\"",
                "escalation_response = \"25h\"",
            )],
        ),
        toml("C107", &[("free_until = \"12h\"", "free_until = \"48h\"")]),
        toml(
            "C108",
            &[(
                "branches = [\"booking\", \"cancel\",",
                "branches = [\"booking\",",
            )],
        ),
        toml(
            "C108",
            &[(
                "branches = [\"booking\", \"cancel\", \"price\",",
                "branches = [\"booking\",",
            )],
        ),
        toml("C109", &[(", phone = \"+7 913 645-20-71\"", "")]),
        toml(
            "C110",
            &[("2026-12-01", "2026-01-01"), ("2026-12-01", "2026-01-01")],
        ),
        toml(
            "C111",
            &[(
                "code = \"UF_CRM_REGL_TIME\"",
                "code = \"UF_CRM_PREFERRED_VISIT_TIME\"",
            )],
        ),
        toml(
            "C111",
            &[("code = \"UF_CRM_REGL_TIME\"", "code = \"REGL_TIME\"")],
        ),
        toml(
            "C111",
            &[("code = \"UF_CRM_REGL_TIME\"", "code = \"UF_CRM_regl_time\"")],
        ),
        toml(
            "C111",
            &[(
                "{ id = \"UC_NO_SHOW\"",
                "{ id = \"UC_CLIENT_DID_NOT_COME_AT_ALL\"",
            )],
        ),
        toml(
            "C111",
            &[("{ id = \"UC_NO_SHOW\"", "{ id = \"UC NO SHOW\"")],
        ),
        toml(
            "C111",
            &[(
                "\"SOURCE_ID\", \"UF_CRM_REGL_CHANNEL\"",
                "\"SOURCE_ID\", \"UF_CRM_REGL_MOOD\"",
            )],
        ),
        toml(
            "C111",
            &[(
                "type = \"enumeration\", slot = \"location\", values = [\"Уфа\", \"Омск\"]",
                "type = \"enumeration\", slot = \"location\", values = []",
            )],
        ),
        toml("P201", &[("segment = \"salon\"", "segment = \"clinic\"")]),
        toml(
            "P201",
            &[
                ("segment = \"salon\"", "segment = \"clinic\""),
                (
                    "special_categories = []",
                    "special_categories = [\"здоровье\"]",
                ),
            ],
        ),
        toml(
            "P202",
            &[(
                "  { name = \"Telegram\", role = \"messenger\", purpose = \"переписка с клиентами\", country = \"AE\", basis = \"independent\" },\n",
                "",
            )],
        ),
        toml(
            "P202",
            &[(
                "purpose = \"переписка с клиентами\", country = \"AE\"",
                "purpose = \"переписка с клиентами\", country = \"RU\"",
            )],
        ),
        toml(
            "P203",
            &[("chat_retention = \"90d\"", "chat_retention = \"5y\"")],
        ),
        toml("P203", &[("retention = \"3y\"\n", "")]),
        Plant {
            code: "P204",
            changes: &[],
            bot: Some(|v| v["consent"]["before"] = json!(["name"])),
        },
        Plant {
            code: "P204",
            changes: &[],
            // The booking rests on the contract: a slot the bot lists as needing consent, asked
            // before the consent step.
            bot: Some(|v| {
                v["consent"]["before"] = json!(["phone"]);
                v["branches"][0]["steps"] = json!([{ "ask": "phone" }, { "ask": "consent" }]);
            }),
        },
        Plant {
            code: "P204",
            changes: &[],
            bot: Some(|v| {
                v["consent"]["before"] = json!(["name"]);
                v["branches"][0]["steps"] = json!([{ "ask": "consent" }, { "ask": "phone" }]);
            }),
        },
        // The salon's «аллергия» may be health data: no escalation text may quote it.
        Plant {
            code: "P208",
            changes: &[],
            bot: Some(|v| {
                v["escalation"]["reasons"]["keyword"] = json!("клиент написал «{keyword}»");
            }),
        },
        toml(
            "P209",
            &[(
                "phone = \"+7 347 200-45-11\" }",
                "phone = \"+7 917 452-30-18\" }",
            )],
        ),
        Plant {
            code: "P210",
            changes: &[],
            bot: Some(|v| {
                v["escalation"]["notifications"]["telegram"] =
                    json!("Эскалация: {reason}. Клиент: {client_name}, {client_phone}. {lead_url}");
            }),
        },
        toml(
            "T121",
            &[(
                ", legal_name = \"ООО «1С-Битрикс»\", address = \"г. Москва\"",
                "",
            )],
        ),
        toml("T122", &[("register_number = \"02-26-004812\"\n", "")]),
        toml("T123", &[("cross_border_filed_on = 2026-11-12\n", "")]),
        toml("T124", &[("inn = \"0278097147\"", "inn = \"0274961581\"")]),
        toml("C112", &[("version = \"1.0\"", "version = \"1.1\"")]),
        toml("C113", &[("max_bot_turns = 6", "max_bot_turns = 0")]),
        toml("C113", &[("lead_to_crm = \"30m\"", "lead_to_crm = \"0s\"")]),
        toml(
            "C114",
            &[(
                "[[channels]]\nid = \"phone\"",
                "[[channels]]\nid = \"vk\"\nbot = false\nreminders = false\ncross_border = false\n\n[[channels]]\nid = \"phone\"",
            )],
        ),
        toml(
            "T132",
            &[(
                "phone = \"+7 3812 40-27-15\"",
                "phone = \"+7 347 200-45-10\"",
            )],
        ),
        toml("T141", &[("launch_date = 2027-02-01\n", "")]),
        toml(
            "T129",
            &[("phones = [\"+7 913 000-00-11\"]", "phones = []")],
        ),
        toml(
            "P205",
            &[("no_show_fee_percent = 0", "no_show_fee_percent = 50")],
        ),
        toml("P205", &[("late_fee_percent = 0", "late_fee_percent = 30")]),
        toml(
            "P206",
            &[(
                "role = \"ai\", purpose = \"ответы ИИ-ассистента\", country = \"RU\"",
                "role = \"ai\", purpose = \"ответы ИИ-ассистента\", country = \"US\"",
            )],
        ),
        toml(
            "P206",
            &[("storage_country = \"RU\"", "storage_country = \"DE\"")],
        ),
        toml(
            "P207",
            &[
                ("website = \"https://lada-salon.example\"\n", ""),
                ("policy_url = \"https://lada-salon.example/privacy\"\n", ""),
            ],
        ),
        toml(
            "P207",
            &[
                ("website = \"https://lada-salon.example\"\n", ""),
                ("policy_url = \"https://lada-salon.example/privacy\"\n", ""),
                ("consent_url = \"https://lada-salon.example/consent\"\n", ""),
            ],
        ),
        toml(
            "S501",
            &[(
                "portal = \"lada-salon.bitrix24.ru\"",
                "portal = \"https://lada-salon.bitrix24.ru/rest/1/x8k2m9q4w7e1r5t3/\"",
            )],
        ),
        toml(
            "S501",
            &[(
                "tags = [\"бот\", \"ночь\"]",
                "tags = [\"бот\", \"ночь\", \"sk-proj-a1b2c3d4e5f6g7h8i9j0k1\"]",
            )],
        ),
        Plant {
            code: "S501",
            changes: &[],
            bot: Some(|v| v["crm"]["webhook_token"] = json!("x8k2m9q4w7e1r5t3z6y0")),
        },
        toml(
            "L901",
            &[(
                WAIVERS_END,
                "{ id = \"INSTAGRAM\", name = \"Instagram\" },\n]\n\n[[lint.waive]]\ncode = \"C107\"\nreason = \"reminders rework\"\nuntil = 2026-11-01\n\n[[lint.waive]]\ncode = \"Z999\"\nreason = \"no such code\"\nuntil = 2026-11-01\n",
            )],
        ),
        toml(
            "L902",
            &[(
                WAIVERS_END,
                "{ id = \"INSTAGRAM\", name = \"Instagram\" },\n]\n\n[[lint.waive]]\ncode = \"P205\"\nreason = \"fees under review\"\n\n[[lint.waive]]\ncode = \"P250\"\nreason = \"a typo\"\n\n[[lint.waive]]\ncode = \"X1\"\nreason = \"no such code\"\n",
            )],
        ),
    ]
}

/// A copy of the salon example with `plant` in it and the bot configs `regl export` makes.
fn planted(plant: &Plant) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("business.toml");
    let mut text =
        fs::read_to_string(repo().join("examples/salon-ufa-omsk/business.toml")).unwrap();
    for (from, to) in plant.changes {
        assert!(text.contains(from), "{}: `{from}` not in text", plant.code);
        text = text.replacen(from, to, 1);
    }
    fs::write(&path, &text).unwrap();
    let mut sources = regl::diag::Sources::default();
    let loaded = regl::model::load(&path, &mut sources).expect("the planted file loads");
    for l in &loaded.business.locations {
        let bot = dir.path().join(l.bot_config.as_str());
        fs::create_dir_all(bot.parent().unwrap()).unwrap();
        let mut config =
            serde_json::to_value(regl::export::bot_config(&loaded.business, l)).unwrap();
        if let (Some(change), "ufa") = (plant.bot, l.id.as_str()) {
            change(&mut config);
        }
        fs::write(bot, serde_json::to_string_pretty(&config).unwrap()).unwrap();
    }
    dir
}

/// The findings of `plant`'s code, in both languages, as the library makes them.
fn findings(dir: &Path, code: &str) -> Vec<regl::diag::Diagnostic> {
    let mut sources = regl::diag::Sources::default();
    let loaded = regl::model::load(&dir.join("business.toml"), &mut sources).unwrap();
    let bots = regl::lint::bot::read_all(&loaded, &mut sources, &[]);
    let today = chrono::NaiveDate::parse_from_str(TODAY, "%Y-%m-%d").unwrap();
    let cx = regl::lint::Context::of(&loaded, &sources, today, &bots, None);
    regl::lint::lint(&cx)
        .into_iter()
        .filter(|d| d.code == Some(code))
        .collect()
}

fn lint(dir: &Path, lang: &str, format: &str) -> Run {
    regl_env(
        dir,
        &["lint", "--format", format],
        &[("REGL_TODAY", TODAY), ("REGL_LANG", lang)],
    )
}

#[test]
fn every_planted_fault_of_the_c_p_s_and_l_rules_is_reported_in_russian() {
    let mut bad = Vec::new();
    let mut fired = std::collections::BTreeSet::new();
    for plant in plants() {
        let dir = planted(&plant);
        let found = findings(dir.path(), plant.code);
        if found.is_empty() {
            bad.push(format!(
                "{} did not fire for {:?}",
                plant.code, plant.changes
            ));
            continue;
        }
        fired.insert(plant.code);
        let human = lint(dir.path(), "ru", "human").stdout;
        let json: Vec<Value> =
            serde_json::from_str(&lint(dir.path(), "ru", "json").stdout).unwrap();
        // The library was given the file's full path, `regl lint` finds `business.toml`.
        let prefix = format!("{}/", dir.path().display());
        let shown = |s: &str| s.replace(&prefix, "");
        for d in &found {
            let mut texts = vec![("message", &d.message)];
            texts.extend(d.labels.iter().map(|l| ("label", &l.message)));
            texts.extend(d.hint.iter().map(|h| ("hint", h)));
            for (what, t) in texts {
                if !cyrillic(t.ru()) || t.ru() == t.en() {
                    bad.push(format!(
                        "{} {what} is not Russian: {:?}",
                        plant.code,
                        t.ru()
                    ));
                }
                if !human.contains(&shown(t.ru())) {
                    bad.push(format!(
                        "{} {what} not printed in Russian: {:?}",
                        plant.code,
                        t.ru()
                    ));
                }
            }
            if human.contains(&shown(d.message.en())) {
                bad.push(format!(
                    "{} printed in English: {:?}",
                    plant.code,
                    d.message.en()
                ));
            }
            let in_json = json.iter().any(|j| {
                j["message"] == shown(d.message.ru())
                    && j["hint"].as_str() == d.hint.as_ref().map(regl::i18n::Text::ru)
            });
            if !in_json {
                bad.push(format!(
                    "{} not in the Russian JSON: {:?}",
                    plant.code,
                    d.message.ru()
                ));
            }
        }
    }
    assert!(bad.is_empty(), "{}", bad.join("\n"));
    let mine = regl::lint::RULES
        .iter()
        // The rules of the rendered documents (D, and the to-do that nothing was rendered)
        // are planted in lint.rs and friction.rs, where documents are rendered.
        .filter(|r| !r.code.starts_with(['B', 'D']) && r.scope != regl::lint::Scope::Documents)
        .count();
    assert_eq!(
        fired.len(),
        mine,
        "a rule without a planted fault: {fired:?}"
    );
}

#[test]
fn a_russian_business_gets_russian_findings_without_regl_lang() {
    let dir = planted(&toml(
        "P205",
        &[("no_show_fee_percent = 0", "no_show_fee_percent = 50")],
    ));
    let run = regl_env(
        dir.path(),
        &["lint"],
        &[
            ("REGL_TODAY", TODAY),
            ("REGL_LANG", ""),
            ("LC_ALL", "en_US.UTF-8"),
        ],
    );
    assert!(
        run.stdout.contains(
            "предупреждение[P205]: штраф 50% за неявку: потребитель оплачивает только фактические расходы по записи"
        ),
        "{}",
        run.stdout
    );
    assert!(
        run.stdout
            .contains("(ст. 32 Закона „О защите прав потребителей“, ст. 782 ГК РФ)"),
        "{}",
        run.stdout
    );
    // REGL_LANG still wins over the business's language.
    let en = lint(dir.path(), "en", "human");
    assert!(
        en.stdout.contains("warning[P205]: a 50% no-show fee"),
        "{}",
        en.stdout
    );
}
