//! `regl export`: the bot scripts and the Bitrix24 mapping, checked against the config they
//! came from; determinism, `--check`, `--location`, secrets; `init` writing bot configs.
//! The examples' committed bot configs are regenerated with
//! `REGL_UPDATE_ASSETS=1 cargo test --test cli export::`.

use std::collections::BTreeSet;
use std::fs;
use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::common::{Run, regl, replace_once, repo};

const EXAMPLES: [&str; 3] = ["salon-ufa-omsk", "clinic-omsk", "fitness-novosibirsk"];

fn load(path: &Path) -> regl::model::Business {
    let mut sources = regl::diag::Sources::default();
    regl::model::load(path, &mut sources)
        .unwrap_or_else(|d| {
            panic!(
                "{}",
                regl::report::human::render(&sources, &d, false, regl::i18n::Lang::En)
            )
        })
        .business
}

fn json(path: &Path) -> Value {
    let text = fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    serde_json::from_str(&text).unwrap()
}

fn strs(v: &Value) -> Vec<String> {
    v.as_array()
        .unwrap_or_else(|| panic!("not an array: {v}"))
        .iter()
        .map(|s| s.as_str().unwrap().to_owned())
        .collect()
}

/// A copy of an example in a temporary folder, so tests can edit and export it.
fn example_copy(name: &str) -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("business.toml");
    fs::copy(
        repo().join("examples").join(name).join("business.toml"),
        &toml,
    )
    .unwrap();
    (dir, toml)
}

/// Every string anywhere in a JSON value.
fn all_strings<'a>(v: &'a Value, out: &mut Vec<&'a str>) {
    match v {
        Value::String(s) => out.push(s),
        Value::Array(a) => a.iter().for_each(|x| all_strings(x, out)),
        Value::Object(m) => m.values().for_each(|x| all_strings(x, out)),
        _ => {}
    }
}

/// Every reply-button list and list-message row in the bot config keeps WhatsApp's limits.
fn check_channel_limits(v: &Value, at: &str) {
    match v {
        Value::Object(m) => {
            if let Some(b) = m.get("buttons") {
                let b: Vec<String> = b
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|x| x["text"].as_str().unwrap().to_owned())
                    .collect();
                assert!(b.len() <= 3, "{at}: {} buttons", b.len());
                for t in &b {
                    assert!(t.chars().count() <= 20, "{at}: button «{t}» is over 20");
                }
            }
            if let Some(rows) = m.get("options") {
                let rows = rows.as_array().unwrap();
                assert!(rows.len() <= 10, "{at}: {} rows", rows.len());
                for r in rows {
                    let title = r["title"].as_str().unwrap();
                    assert!(title.chars().count() <= 24, "{at}: row «{title}»");
                    assert!(r["description"].as_str().unwrap().chars().count() <= 72);
                }
            }
            for (k, x) in m {
                check_channel_limits(x, &format!("{at}.{k}"));
            }
        }
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                check_channel_limits(x, &format!("{at}[{i}]"));
            }
        }
        _ => {}
    }
}

/// The `{…}` placeholders of a text.
fn placeholders(s: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut rest = s;
    while let Some(i) = rest.find('{') {
        let Some(j) = rest[i..].find('}') else { break };
        out.push(rest[i + 1..i + j].to_owned());
        rest = &rest[i + j + 1..];
    }
    out
}

/// One bot-scripts file against its business and location, key by key of SPEC §4.
fn check_bot(bot: &Value, b: &regl::model::Business, loc: &regl::model::business::Location) {
    let id = loc.id.as_str();
    assert_eq!(bot["regl_bot_schema"], 2);
    assert_eq!(bot["location"], id);
    assert_eq!(bot["lang"], b.lang().as_str());
    assert_eq!(bot["timezone"], loc.timezone.0.as_str());
    for (i, day) in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        .iter()
        .enumerate()
    {
        let want: Vec<String> = loc
            .hours
            .iter()
            .filter(|h| h.covers(i))
            .map(|h| {
                let (_, range) = h.as_str().split_once(' ').unwrap();
                range.to_owned()
            })
            .collect();
        assert_eq!(strs(&bot["hours"][day]), want, "{id} {day}");
    }
    assert_eq!(bot["night_mode"], loc.night_mode());
    let bot_channels: Vec<&str> = b
        .channels
        .iter()
        .filter(|c| c.bot())
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(strs(&bot["channels"]), bot_channels);

    let strictest = b
        .channels
        .iter()
        .filter(|c| c.bot())
        .map(|c| b.channel_sla(c).ai_first_response.secs())
        .min()
        .unwrap();
    assert_eq!(bot["limits"]["first_response_s"], strictest);
    assert_eq!(
        bot["limits"]["min_confidence"],
        b.escalation.min_confidence.0
    );
    assert_eq!(bot["limits"]["max_bot_turns"], *b.escalation.max_bot_turns);

    // Consent: where the booking rests on the contract nothing waits on it, and the
    // booking asks for the optional consent last; elsewhere it comes before every
    // personal-data question. Either way it links the policy and the consent.
    let before = strs(&bot["consent"]["before"]);
    if b.booking_on_contract() {
        assert!(before.is_empty(), "{id}: {before:?}");
        let booking = &bot["branches"][0]["steps"];
        let asks: Vec<&str> = booking
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|s| s["ask"].as_str())
            .collect();
        assert_eq!(asks.last(), Some(&"consent"), "{id}: {asks:?}");
    } else {
        for s in ["name", "phone"] {
            assert!(
                before.iter().any(|x| x == s),
                "{id}: `{s}` not in consent.before"
            );
        }
    }
    let policy = b.pd.policy_url.as_ref().unwrap().0.as_str();
    let consent_url = b.pd.consent_url.as_ref().unwrap().0.as_str();
    let text = bot["consent"]["text"].as_str().unwrap();
    assert!(
        text.contains(policy) && text.contains(consent_url),
        "{text}"
    );
    assert_eq!(bot["consent"]["policy_url"], policy);

    let branches = bot["branches"].as_array().unwrap();
    let ids: Vec<&str> = branches
        .iter()
        .map(|br| br["id"].as_str().unwrap())
        .collect();
    assert_eq!(ids, ["booking", "cancel", "price", "promo", "callback"]);
    for br in branches {
        let steps = br["steps"].as_array().unwrap();
        assert!(!steps.is_empty());
        // Where the booking rests on the contract, no step waits on consent.
        let mut consented = b.booking_on_contract();
        for st in steps {
            // A consent step says consent.text; every other step says its own.
            assert!(
                st["ask"] == "consent" || !st["say"].as_str().unwrap().is_empty(),
                "{}: empty say",
                br["id"]
            );
            match st["ask"].as_str() {
                Some("consent") => consented = true,
                Some(slot) => {
                    assert!(
                        consented,
                        "{id}/{}: `{slot}` asked before consent",
                        br["id"]
                    );
                    assert!(
                        b.booking_on_contract() || before.iter().any(|x| x == slot),
                        "`{slot}` not in before"
                    );
                }
                None => {}
            }
        }
    }
    // Prices come from [[services]].
    let price = &branches[2]["steps"][0]["say"].as_str().unwrap();
    for s in &b.services {
        assert!(
            price.contains(s.name.as_str()),
            "price list lacks {}",
            s.name.as_str()
        );
        let p = regl::bottext::words::price_from(b.lang(), s.price_from.0);
        assert!(price.contains(&p), "price list lacks {p}");
    }
    // Upsell offers follow services.upsell.
    let offers = bot["upsell"]["offers"].as_array().unwrap();
    for s in b.services.iter().filter(|s| s.upsell.is_some()) {
        let o = offers
            .iter()
            .find(|o| o["service"] == s.id.as_str())
            .unwrap_or_else(|| panic!("no upsell offer for {}", s.id.as_str()));
        let want: Vec<&str> = s
            .upsell
            .as_ref()
            .unwrap()
            .iter()
            .map(|u| u.as_str())
            .collect();
        assert_eq!(strs(&o["offer"]), want);
    }

    assert_eq!(bot["fallback"]["handoff"], true);
    assert!(!bot["fallback"]["say"].as_str().unwrap().is_empty());

    let e = &bot["escalation"];
    let keywords: Vec<String> = b
        .escalation
        .keywords
        .iter()
        .map(|k| k.value.clone())
        .collect();
    assert_eq!(strs(&e["keywords"]), keywords);
    assert_eq!(e["amount_over"], b.escalation.amount_over.0);
    assert_eq!(
        e["urgent_cancel_within_s"],
        b.escalation.urgent_cancel_within.secs()
    );
    let notify: Vec<&str> = b.escalation.notify.iter().map(|n| n.as_str()).collect();
    assert_eq!(strs(&e["notify"]), notify);
    assert_eq!(e["tag"], loc.escalation_tag.as_str());
    assert_eq!(
        e["duty"][0]["phone"],
        loc.duty.first().phone.as_ref().unwrap().e164()
    );
    assert_eq!(
        e["duty"][0]["telegram"],
        loc.duty.first().telegram.as_ref().unwrap().as_str()
    );

    let offsets: Vec<u64> = b.sla.reminders.iter().map(|d| d.secs()).collect();
    let got: Vec<u64> = bot["reminders"]["offsets_s"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_u64().unwrap())
        .collect();
    assert_eq!(got, offsets);
    let texts = bot["reminders"]["texts"].as_array().unwrap();
    assert_eq!(texts.len(), offsets.len());
    let reminder_channels: Vec<&str> = b
        .channels
        .iter()
        .filter(|c| c.reminders())
        .map(|c| c.id.as_str())
        .collect();
    assert_eq!(strs(&bot["reminders"]["channels"]), reminder_channels);
    assert_eq!(
        bot["cancellation"]["free_until_s"],
        b.cancellation.free_until.secs()
    );

    let writes = bot["crm"]["writes"].as_object().unwrap();
    assert_eq!(writes["name"], "NAME");
    assert_eq!(writes["phone"], "PHONE");
    assert_eq!(writes["source"], "SOURCE_ID");
    for f in &b.crm.fields {
        assert_eq!(writes[f.slot.as_str()], f.code.as_str());
    }
    let written: BTreeSet<&str> = writes.values().map(|v| v.as_str().unwrap()).collect();
    for r in b.crm.required.iter() {
        assert!(
            written.contains(r.as_str()),
            "required `{}` not written",
            r.as_str()
        );
    }

    let nps = &bot["nps"];
    assert_eq!(nps["after_s"], b.sla.nps_survey_after.secs());
    assert!(nps["say"].as_str().unwrap().contains("10"));

    check_channel_limits(bot, id);
    let known: BTreeSet<String> = bot["placeholders"]
        .as_object()
        .unwrap()
        .keys()
        .cloned()
        .collect();
    let mut all = Vec::new();
    all_strings(bot, &mut all);
    for s in all {
        for p in placeholders(s) {
            assert!(known.contains(&p), "unknown placeholder {{{p}}} in «{s}»");
        }
    }
}

/// The mapping file against its business.
fn check_mapping(m: &Value, b: &regl::model::Business) {
    assert_eq!(m["portal"], b.crm.portal.as_str());
    assert_eq!(m["mode"], b.crm.mode.as_str());
    assert_eq!(m["webhook"]["env"], "BITRIX24_WEBHOOK_URL");
    let fields = m["fields"].as_array().unwrap();
    let field = |code: &str| fields.iter().find(|f| f["field"] == code);
    assert_eq!(field("NAME").unwrap()["slot"], "name");
    assert_eq!(field("PHONE").unwrap()["value"][0]["VALUE_TYPE"], "MOBILE");
    assert!(field("SOURCE_ID").is_some());
    let create = &m["create"]["params"]["fields"];
    for k in [
        "ORIGINATOR_ID",
        "ORIGIN_ID",
        "UTM_SOURCE",
        "UTM_MEDIUM",
        "UTM_CAMPAIGN",
    ] {
        assert!(create.get(k).is_some(), "create lacks {k}");
    }
    for c in &b.channels {
        assert!(m["sources_by_channel"].get(c.id.as_str()).is_some());
    }

    let ufs = m["userfields"].as_array().unwrap();
    assert_eq!(ufs.len(), b.crm.fields.len());
    for (f, uf) in b.crm.fields.iter().zip(ufs) {
        let code = f.code.as_str();
        assert!(code.len() <= 20, "{code} is over 20 characters");
        assert_eq!(field(code).unwrap()["slot"], f.slot.as_str());
        assert_eq!(uf["method"], "crm.lead.userfield.add");
        let p = &uf["params"]["fields"];
        assert_eq!(
            format!("UF_CRM_{}", p["FIELD_NAME"].as_str().unwrap()),
            code
        );
        assert_eq!(p["USER_TYPE_ID"], f.kind.as_str());
        assert!(p["EDIT_FORM_LABEL"]["ru"].is_string() && p["EDIT_FORM_LABEL"]["en"].is_string());
        if let Some(values) = &f.values {
            let list: Vec<&str> = p["LIST"]
                .as_array()
                .unwrap()
                .iter()
                .map(|i| i["VALUE"].as_str().unwrap())
                .collect();
            let want: Vec<&str> = values.iter().map(|v| v.as_str()).collect();
            assert_eq!(list, want);
        }
    }

    let stages = m["stages"].as_array().unwrap();
    assert_eq!(stages.len(), b.crm.stages.len());
    for s in &b.crm.stages {
        assert!(
            stages.iter().any(|x| x["id"] == s.id.as_str()),
            "stage {}",
            s.id.as_str()
        );
    }
    let rank = |sem: &str| match sem {
        "" => 0,
        "S" => 1,
        _ => 2,
    };
    let mut last = (0, 0);
    for s in stages {
        let f = &s["payload"]["params"]["fields"];
        assert_eq!(s["payload"]["method"], "crm.status.add");
        assert_eq!(f["ENTITY_ID"], "STATUS");
        assert!(f["STATUS_ID"].as_str().unwrap().len() <= 21);
        let now = (
            rank(f["SEMANTICS"].as_str().unwrap()),
            f["SORT"].as_u64().unwrap(),
        );
        assert!(now > last, "stages out of order at {}", s["id"]);
        last = now;
    }

    let commands = m["commands"].as_array().unwrap();
    let batches = m["batches"].as_array().unwrap();
    let mut in_batches = 0;
    for batch in batches {
        assert_eq!(batch["method"], "batch");
        let cmd = batch["params"]["cmd"].as_object().unwrap();
        assert!(cmd.len() <= 50, "a batch of {}", cmd.len());
        in_batches += cmd.len();
    }
    assert_eq!(in_batches, commands.len());

    let tasks = m["escalation_tasks"].as_array().unwrap();
    assert_eq!(tasks.len(), b.locations.len());
    for (loc, t) in b.locations.iter().zip(tasks) {
        assert_eq!(t["location"], loc.id.as_str());
        assert_eq!(t["task"]["method"], "tasks.task.add");
        assert_eq!(
            strs(&t["task"]["params"]["fields"]["TAGS"]),
            [loc.escalation_tag.as_str()]
        );
    }
}

#[test]
fn every_example_exports_complete_files() {
    for name in EXAMPLES {
        let toml = repo().join("examples").join(name).join("business.toml");
        let out = tempfile::tempdir().unwrap();
        let o = out.path().to_str().unwrap();
        regl(&repo(), &["export", "-c", toml.to_str().unwrap(), "-o", o]).expect_code(0);
        let b = load(&toml);
        for loc in &b.locations {
            let id = loc.id.as_str();
            let bot = json(&out.path().join(id).join(format!("bot-scripts-{id}.json")));
            check_bot(&bot, &b, loc);
        }
        check_mapping(&json(&out.path().join("bitrix24-mapping.json")), &b);
    }
}

#[test]
fn the_json_schema_validates_every_exported_file() {
    let schema: Value =
        serde_json::from_str(&regl(&repo(), &["schema", "bot"]).expect_code(0).stdout).unwrap();
    let validator = jsonschema::validator_for(&schema).unwrap();
    for name in EXAMPLES {
        let toml = repo().join("examples").join(name).join("business.toml");
        let out = tempfile::tempdir().unwrap();
        let o = out.path().to_str().unwrap();
        regl(&repo(), &["export", "-c", toml.to_str().unwrap(), "-o", o]).expect_code(0);
        for loc in &load(&toml).locations {
            let id = loc.id.as_str();
            let bot = json(&out.path().join(id).join(format!("bot-scripts-{id}.json")));
            let errors: Vec<String> = validator.iter_errors(&bot).map(|e| e.to_string()).collect();
            assert!(errors.is_empty(), "{name}/{id}: {errors:#?}");
            let mut wrong = bot.clone();
            wrong["regl_bot_schema"] = 1.into();
            assert!(!validator.is_valid(&wrong), "the schema pins the version");
        }
    }
}

#[test]
fn exports_are_byte_identical_and_check_finds_drift() {
    let (dir, toml) = example_copy("salon-ufa-omsk");
    regl(dir.path(), &["export"]).expect_code(0);
    let out = dir.path().join("out");
    let first: Vec<Vec<u8>> = [
        "ufa/bot-scripts-ufa.json",
        "omsk/bot-scripts-omsk.json",
        "bitrix24-mapping.json",
    ]
    .iter()
    .map(|p| fs::read(out.join(p)).unwrap())
    .collect();
    let again = tempfile::tempdir().unwrap();
    regl(
        dir.path(),
        &["export", "-o", again.path().to_str().unwrap()],
    )
    .expect_code(0);
    for (p, bytes) in [
        "ufa/bot-scripts-ufa.json",
        "omsk/bot-scripts-omsk.json",
        "bitrix24-mapping.json",
    ]
    .iter()
    .zip(&first)
    {
        assert_eq!(
            &fs::read(again.path().join(p)).unwrap(),
            bytes,
            "{p} differs"
        );
    }

    let run = regl(dir.path(), &["export", "--check"]).expect_code(0);
    assert!(run.stdout.contains("up to date"), "{}", run.stdout);

    let text = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        replace_once(&text, "free_until = \"12h\"", "free_until = \"24h\""),
    )
    .unwrap();
    let run = regl(dir.path(), &["export", "--check"]).expect_code(1);
    assert!(
        run.stderr.contains("bot-scripts-ufa.json"),
        "{}",
        run.stderr
    );
    assert_eq!(
        fs::read(out.join("ufa/bot-scripts-ufa.json")).unwrap(),
        first[0],
        "--check wrote"
    );

    regl(dir.path(), &["export"]).expect_code(0);
    let bot = json(&out.join("ufa/bot-scripts-ufa.json"));
    assert_eq!(bot["cancellation"]["free_until_s"], 86_400);
    regl(dir.path(), &["export", "--check"]).expect_code(0);
}

#[test]
fn location_filters_and_refuses_unknown_ids() {
    let (dir, _) = example_copy("salon-ufa-omsk");
    regl(dir.path(), &["export", "--location", "omsk"]).expect_code(0);
    let out = dir.path().join("out");
    assert!(out.join("omsk/bot-scripts-omsk.json").exists());
    assert!(out.join("bitrix24-mapping.json").exists());
    assert!(!out.join("ufa").exists(), "ufa was not asked for");

    let run = regl(dir.path(), &["export", "--location", "omks"]).expect_code(2);
    assert!(
        run.stderr.contains("unknown location `omks`"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("did you mean `omsk`"), "{}", run.stderr);
}

#[test]
fn no_secret_reaches_an_output() {
    let (dir, _) = example_copy("clinic-omsk");
    let secret = "abcdef123456";
    let webhook = format!("https://x.bitrix24.ru/rest/1/{secret}/");
    let env = [
        ("BITRIX24_WEBHOOK_URL", webhook.as_str()),
        ("BITRIX24_TOKEN", secret),
    ];
    crate::common::regl_env(dir.path(), &["export"], &env).expect_code(0);
    let mut files = vec![dir.path().join("out/bitrix24-mapping.json")];
    files.push(dir.path().join("out/omsk/bot-scripts-omsk.json"));
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        assert!(!text.contains(secret), "{} carries the secret", f.display());
        assert!(
            !text.contains("/rest/1/"),
            "{} carries a webhook",
            f.display()
        );
    }
}

#[test]
fn a_webhook_in_the_portal_is_refused_before_anything_is_written() {
    let (dir, toml) = example_copy("clinic-omsk");
    let text = fs::read_to_string(&toml).unwrap();
    let bad = replace_once(
        &text,
        "portal = \"irtysh-dent.bitrix24.ru\"",
        "portal = \"irtysh-dent.bitrix24.ru/rest/1/abcdef123456\"",
    );
    fs::write(&toml, bad).unwrap();
    let run = regl(dir.path(), &["export"]).expect_code(2);
    assert!(run.stderr.contains("S501"), "{}", run.stderr);
    assert!(!dir.path().join("out").exists());
}

#[test]
fn bitrix24_limits_are_checked_with_line_and_column() {
    let (dir, toml) = example_copy("fitness-novosibirsk");
    let text = fs::read_to_string(&toml).unwrap();
    let bad = replace_once(
        &text,
        "\"UF_CRM_REGL_TIME\"",
        "\"UF_CRM_REGL_PREFERRED_TIME\"",
    );
    let bad = replace_once(&bad, "id = \"UC_TRIAL\"", "id = \"UC_ЗАПИСАН\"");
    fs::write(&toml, &bad).unwrap();
    let run: Run = regl(dir.path(), &["export"]).expect_code(2);
    assert!(run.stderr.contains("C111"), "{}", run.stderr);
    assert!(
        run.stderr.contains("UF_CRM_REGL_PREFERRED_TIME"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("UC_ЗАПИСАН"), "{}", run.stderr);
    let (line, _) = crate::common::line_col_of(&bad, "\"UF_CRM_REGL_PREFERRED_TIME\"");
    assert!(
        run.stderr.contains(&format!("business.toml:{line}:")),
        "{}",
        run.stderr
    );
}

#[test]
fn many_commands_are_split_into_batches_of_fifty() {
    let (dir, toml) = example_copy("salon-ufa-omsk");
    let text = fs::read_to_string(&toml).unwrap();
    let extra: Vec<String> = (1..=60)
        .map(|i| format!("  {{ id = \"UC_STEP_{i}\", name = \"Шаг {i}\" }},\n"))
        .collect();
    let text = replace_once(
        &text,
        "stages = [\n",
        &format!("stages = [\n{}", extra.concat()),
    );
    fs::write(&toml, text).unwrap();
    regl(dir.path(), &["export"]).expect_code(0);
    let m = json(&dir.path().join("out/bitrix24-mapping.json"));
    check_mapping(&m, &load(&toml));
    let sizes: Vec<usize> = m["batches"]
        .as_array()
        .unwrap()
        .iter()
        .map(|b| b["params"]["cmd"].as_object().unwrap().len())
        .collect();
    assert_eq!(
        sizes.iter().sum::<usize>(),
        m["commands"].as_array().unwrap().len()
    );
    assert!(sizes.len() >= 2 && sizes[0] == 50, "{sizes:?}");
}

#[test]
fn a_simple_mode_portal_gets_deals_and_contacts() {
    let (dir, toml) = example_copy("salon-ufa-omsk");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        replace_once(&text, "mode = \"leads\"", "mode = \"simple\""),
    )
    .unwrap();
    regl(dir.path(), &["export"]).expect_code(0);
    let m = json(&dir.path().join("out/bitrix24-mapping.json"));
    assert_eq!(m["entity"], "deal");
    assert_eq!(m["create"]["method"], "crm.deal.add");
    assert_eq!(m["userfields"][0]["method"], "crm.deal.userfield.add");
    assert_eq!(m["fields"][0]["entity"], "contact");
    assert_eq!(
        m["stages"][0]["payload"]["params"]["fields"]["ENTITY_ID"],
        "DEAL_STAGE"
    );
}

#[test]
fn an_unusable_config_exits_two_with_its_load_errors() {
    let (dir, toml) = example_copy("salon-ufa-omsk");
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(&toml, replace_once(&text, "timezone = ", "timezon = ")).unwrap();
    let run = regl(dir.path(), &["export"]).expect_code(2);
    assert!(
        run.stderr.contains("did you mean `timezone`"),
        "{}",
        run.stderr
    );
    regl(dir.path(), &["export", "-c", "missing.toml"]).expect_code(2);
}

#[test]
fn english_businesses_get_english_texts() {
    let dir = tempfile::tempdir().unwrap();
    regl(
        dir.path(),
        &[
            "init",
            "--name",
            "Glow",
            "--city",
            "Омск",
            "--lang",
            "en",
            "--segment",
            "clinic",
        ],
    )
    .expect_code(0);
    regl(dir.path(), &["export"]).expect_code(0);
    let bot = json(&dir.path().join("out/omsk/bot-scripts-omsk.json"));
    assert_eq!(bot["lang"], "en");
    assert!(
        bot["greeting"]["say"]
            .as_str()
            .unwrap()
            .starts_with("Hello")
    );
    assert!(
        bot["consent"]["text"].as_str().unwrap().contains("health"),
        "clinic: no health data in chat"
    );
    let b = load(&dir.path().join("business.toml"));
    check_bot(&bot, &b, &b.locations[0]);
}

#[test]
fn init_writes_the_bot_config_of_each_new_location_and_never_overwrites_one() {
    let dir = tempfile::tempdir().unwrap();
    regl(
        dir.path(),
        &["init", "--name", "Студия «Лада»", "--city", "Уфа"],
    )
    .expect_code(0);
    regl(dir.path(), &["init", "--city", "Омск"]).expect_code(0);
    let b = load(&dir.path().join("business.toml"));
    for loc in &b.locations {
        let path = dir.path().join(loc.bot_config.as_str());
        let written = fs::read(&path).unwrap();
        let want = regl::export::to_json(&regl::export::bot_config(&b, loc));
        assert_eq!(
            written,
            want,
            "{} is not what export writes",
            path.display()
        );
    }

    fs::write(dir.path().join("bot/kazan.json"), "{\"mine\": true}").unwrap();
    let before = fs::read_to_string(dir.path().join("business.toml")).unwrap();
    let run = regl(dir.path(), &["init", "--city", "Казань"]).expect_code(2);
    assert!(run.stderr.contains("already exists"), "{}", run.stderr);
    assert_eq!(
        fs::read_to_string(dir.path().join("bot/kazan.json")).unwrap(),
        "{\"mine\": true}"
    );
    assert_eq!(
        fs::read_to_string(dir.path().join("business.toml")).unwrap(),
        before
    );
}

#[test]
fn examples_carry_their_bot_configs() {
    for name in EXAMPLES {
        let toml = repo().join("examples").join(name).join("business.toml");
        let b = load(&toml);
        for loc in &b.locations {
            let path = toml.parent().unwrap().join(loc.bot_config.as_str());
            let want = regl::export::to_json(&regl::export::bot_config(&b, loc));
            if std::env::var_os("REGL_UPDATE_ASSETS").is_some() {
                fs::create_dir_all(path.parent().unwrap()).unwrap();
                fs::write(&path, &want).unwrap();
                continue;
            }
            let committed = fs::read(&path).unwrap_or_default();
            assert!(
                committed == want,
                "{} is stale: run `REGL_UPDATE_ASSETS=1 cargo test --test cli export::` and commit it",
                path.display()
            );
            let parsed: regl::model::bot_v2::BotConfigV2 =
                serde_json::from_slice(&committed).unwrap();
            assert_eq!(parsed.location, loc.id.as_str());
        }
    }
}
