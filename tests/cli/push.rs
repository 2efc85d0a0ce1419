//! `regl push` against the stand-in portal: the plan on a fresh portal, the apply in batches
//! of 50, idempotence, renamed stages and new list items kept by id, a field of another type
//! left alone, the preflight refusals, `--location`, each line's settings and what Open Lines
//! cannot enforce, a burst past the rate limit, hosts that refuse or never answer — and the
//! webhook's secret in no output or file.

use std::fmt::Write as _;
use std::fs;
use std::net::TcpListener;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::common::{Run, regl_env, replace_once, repo};
use crate::standin::{RateBucket, SECRET, Standin, portal::UserField};

fn example_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("business.toml");
    fs::copy(repo().join("examples/salon-ufa-omsk/business.toml"), &toml).unwrap();
    (dir, toml)
}

/// Runs `regl push args…` with `url` as the webhook, checking that nothing it printed or
/// wrote holds the secret.
fn push(dir: &Path, url: &str, args: &[&str]) -> Run {
    let mut all = vec!["push"];
    all.extend_from_slice(args);
    let run = regl_env(dir, &all, &[("BITRIX24_WEBHOOK_URL", url)]);
    let secret = url.trim_end_matches('/').rsplit('/').next().unwrap();
    for text in [&run.stdout, &run.stderr] {
        assert!(!text.contains(secret), "the secret is shown: {text}");
    }
    let file = dir.join("out/bitrix24-portal.json");
    if let Ok(text) = fs::read_to_string(file) {
        assert!(!text.contains(secret), "the secret is written: {text}");
    }
    run
}

fn json(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

fn portal_file(dir: &Path) -> Value {
    serde_json::from_str(&fs::read_to_string(dir.join("out/bitrix24-portal.json")).unwrap())
        .unwrap()
}

#[test]
fn a_fresh_portal_is_planned_applied_in_batches_and_then_in_step() {
    let s = Standin::start();
    let (dir, _) = example_copy();
    let plan = push(dir.path(), &s.url(), &[]).expect_code(1);
    for id in [
        "+ UF_CRM_REGL_CHANNEL",
        "+ UF_CRM_REGL_AMOUNT",
        "+ UC_BOOKED",
        "+ WHATSAPP",
    ] {
        assert!(plan.stdout.contains(id), "{id} missing:\n{}", plan.stdout);
    }
    assert!(plan.stdout.contains("~ NEW"), "{}", plan.stdout);
    assert!(plan.stdout.contains("+ ufa"), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("not enforced by Open Lines"),
        "{}",
        plan.stdout
    );
    // Reads: `scope`, then one batch with the mode and every part.
    assert_eq!(s.requests_to("batch"), 1);
    assert_eq!(
        s.state().portal.user_fields.len(),
        0,
        "a plan changes nothing"
    );

    let data = json(&push(dir.path(), &s.url(), &["--format", "json"]).expect_code(1));
    let n = usize::try_from(data["changes"].as_u64().unwrap()).unwrap();
    assert!(n > 10, "{data}");

    s.state().requests.clear();
    let applied = push(dir.path(), &s.url(), &["--apply"]).expect_code(0);
    assert!(applied.stdout.contains("verified"), "{}", applied.stdout);
    // No terminal, no progress bar: stderr stays empty for a piped run.
    assert_eq!(applied.stderr, "");
    // The read, ⌈n/50⌉ batches of changes, the read-back.
    assert_eq!(s.requests_to("batch"), 2 + n.div_ceil(50), "{n} changes");
    assert_eq!(s.requests_to("scope"), 1);
    assert_eq!(s.state().requests.len(), 3 + n.div_ceil(50));

    let ids = portal_file(dir.path());
    let channel = &ids["fields"]["UF_CRM_REGL_CHANNEL"];
    assert!(
        channel["id"].as_str().is_some_and(|x| !x.is_empty()),
        "{ids}"
    );
    assert_eq!(channel["items"].as_object().unwrap().len(), 5, "{ids}");
    assert!(ids["stages"]["UC_BOOKED"].is_string(), "{ids}");
    assert!(ids["sources"]["WHATSAPP"].is_string(), "{ids}");
    assert!(ids["lines"]["ufa"].is_string(), "{ids}");
    {
        let lines = &s.state().portal.lines;
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["KPI_FIRST_ANSWER_ALERT"], "Y");
        assert_eq!(lines[0]["WORKTIME_ENABLE"], "Y");
    }

    let again = push(dir.path(), &s.url(), &[]).expect_code(0);
    assert!(again.stdout.contains("in step"), "{}", again.stdout);
    push(dir.path(), &s.url(), &["--check"]).expect_code(0);
    push(dir.path(), &s.url(), &["--apply"]).expect_code(0);
    assert_eq!(
        portal_file(dir.path()),
        ids,
        "a second apply keeps every id"
    );
}

#[test]
fn a_renamed_stage_and_a_new_item_are_updates_that_keep_the_old_ids() {
    let s = Standin::start();
    let (dir, toml) = example_copy();
    push(dir.path(), &s.url(), &["--apply"]).expect_code(0);
    let before = portal_file(dir.path());

    let text = fs::read_to_string(&toml).unwrap();
    let text = replace_once(&text, "name = \"Записан\"", "name = \"Записан на визит\"");
    let text = replace_once(
        &text,
        "\"Сайт\", \"Телефон\"]",
        "\"Сайт\", \"Телефон\", \"ВКонтакте\"]",
    );
    fs::write(&toml, text).unwrap();

    let plan = push(dir.path(), &s.url(), &[]).expect_code(1);
    assert!(plan.stdout.contains("~ UC_BOOKED"), "{}", plan.stdout);
    assert!(
        plan.stdout.contains("\"Записан\" → \"Записан на визит\""),
        "{}",
        plan.stdout
    );
    assert!(
        plan.stdout.contains("~ UF_CRM_REGL_CHANNEL"),
        "{}",
        plan.stdout
    );
    assert!(
        !plan.stdout.contains("+ UF_CRM_REGL_CHANNEL"),
        "{}",
        plan.stdout
    );
    push(dir.path(), &s.url(), &["--check"]).expect_code(1);

    push(dir.path(), &s.url(), &["--apply"]).expect_code(0);
    let after = portal_file(dir.path());
    let (old, new) = (
        before["fields"]["UF_CRM_REGL_CHANNEL"]["items"]
            .as_object()
            .unwrap(),
        after["fields"]["UF_CRM_REGL_CHANNEL"]["items"]
            .as_object()
            .unwrap(),
    );
    assert_eq!(new.len(), old.len() + 1, "{after}");
    for (key, id) in old {
        assert_eq!(&new[key], id, "item {key} kept its id");
    }
    assert_eq!(after["stages"]["UC_BOOKED"], before["stages"]["UC_BOOKED"]);
    let names: Vec<String> = s
        .state()
        .portal
        .statuses
        .iter()
        .map(|x| x.name.clone())
        .collect();
    assert!(names.iter().any(|n| n == "Записан на визит"), "{names:?}");
    push(dir.path(), &s.url(), &[]).expect_code(0);
}

#[test]
fn a_field_of_another_type_is_reported_and_left() {
    let s = Standin::start();
    s.state().portal.user_fields.push(UserField {
        id: 7,
        entity: "CRM_LEAD".into(),
        field_name: "UF_CRM_REGL_SERVICE".into(),
        user_type_id: "integer".into(),
        xml_id: None,
        sort: 100,
        multiple: false,
        mandatory: false,
        show_filter: "N".into(),
        settings: serde_json::json!({}),
        labels: std::collections::BTreeMap::new(),
        list: Vec::new(),
    });
    let (dir, _) = example_copy();
    let plan = push(dir.path(), &s.url(), &[]).expect_code(1);
    assert!(
        plan.stdout
            .contains("! UF_CRM_REGL_SERVICE: the portal's field is `integer`"),
        "{}",
        plan.stdout
    );
    push(dir.path(), &s.url(), &["--apply"]).expect_code(1);
    let state = s.state();
    let kept: Vec<&UserField> = state
        .portal
        .user_fields
        .iter()
        .filter(|f| f.field_name == "UF_CRM_REGL_SERVICE")
        .collect();
    assert_eq!(kept.len(), 1);
    assert_eq!(kept[0].user_type_id, "integer");
    assert_eq!(kept[0].id, 7);
}

#[test]
fn the_preflight_refuses_what_does_not_fit() {
    let s = Standin::start();
    let (dir, _) = example_copy();

    s.state().portal.mode = 2;
    let run = push(dir.path(), &s.url(), &[]).expect_code(2);
    assert!(run.stderr.contains("simple mode"), "{}", run.stderr);
    assert!(run.stderr.contains("mode = \"simple\""), "{}", run.stderr);
    s.state().portal.mode = 1;

    let wrong = s.url_with(1, "wr0ngs3cr3tzz");
    let run = push(dir.path(), &wrong, &[]).expect_code(2);
    assert!(
        run.stderr.contains("does not accept the webhook"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("update `BITRIX24_WEBHOOK_URL`"),
        "what to do: {}",
        run.stderr
    );
    assert!(!run.stderr.contains(SECRET));

    s.state().portal.scopes = vec!["imopenlines".into()];
    let run = push(dir.path(), &s.url(), &[]).expect_code(2);
    assert!(
        run.stderr.contains("lacks the `crm` scope"),
        "{}",
        run.stderr
    );
    assert!(
        run.stderr.contains("add `crm`"),
        "what to do: {}",
        run.stderr
    );
    assert_eq!(s.state().portal.user_fields.len(), 0);

    s.state().portal.scopes = vec!["crm".into()];
    let run = push(dir.path(), &s.url(), &[]).expect_code(2);
    assert!(
        run.stderr.contains("lacks the `imopenlines` scope"),
        "{}",
        run.stderr
    );
    push(dir.path(), &s.url(), &["--only", "fields,stages,sources"]).expect_code(1);

    let run = regl_env(dir.path(), &["push"], &[("BITRIX24_WEBHOOK_URL", "")]).expect_code(2);
    assert!(run.stderr.contains("Incoming webhook"), "{}", run.stderr);
    regl_env(dir.path(), &["push", "--apply", "--check"], &[]).expect_code(2);
}

#[test]
fn the_messages_are_in_russian_for_a_russian_business() {
    let s = Standin::start();
    s.state().portal.mode = 2;
    let (dir, _) = example_copy();
    let run = regl_env(
        dir.path(),
        &["push"],
        &[("BITRIX24_WEBHOOK_URL", &s.url()), ("REGL_LANG", "")],
    )
    .expect_code(2);
    assert!(run.stderr.contains("простом режиме"), "{}", run.stderr);
    assert!(!run.stderr.contains(SECRET));
}

#[test]
fn more_than_fifty_changes_go_in_batches_of_fifty() {
    let s = Standin::start();
    let (dir, toml) = example_copy();
    let mut extra = String::new();
    for n in 1..=60 {
        writeln!(extra, "  {{ id = \"UC_SRC_{n}\", name = \"Source {n}\" }},").unwrap();
    }
    let text = fs::read_to_string(&toml).unwrap();
    let from = "  { id = \"INSTAGRAM\", name = \"Instagram\" },\n";
    fs::write(&toml, replace_once(&text, from, &format!("{from}{extra}"))).unwrap();

    let data = json(&push(dir.path(), &s.url(), &["--format", "json"]).expect_code(1));
    let n = usize::try_from(data["changes"].as_u64().unwrap()).unwrap();
    assert!(n > 50, "{data}");
    s.state().requests.clear();
    let applied =
        json(&push(dir.path(), &s.url(), &["--apply", "--format", "json"]).expect_code(0));
    assert_eq!(applied["applied"]["done"], n);
    assert_eq!(s.requests_to("batch"), 2 + n.div_ceil(50), "{n} changes");
    assert!(
        s.state()
            .requests
            .iter()
            .all(|r| r.method != "batch"
                || r.params["cmd"].as_object().is_none_or(|c| c.len() <= 50))
    );
    push(dir.path(), &s.url(), &[]).expect_code(0);
}

#[test]
fn an_apply_cut_by_a_500_is_finished_by_the_next_without_duplicates() {
    let s = Standin::start();
    let (dir, _) = example_copy();
    // The read takes one batch of five commands; the apply's batch fails at its ninth.
    s.state().faults.fail_batch_after = Some(8);
    let run = push(dir.path(), &s.url(), &["--apply"]).expect_code(2);
    assert!(
        run.stderr.contains("run `regl push --apply` again"),
        "{}",
        run.stderr
    );
    assert!(
        !s.state().portal.user_fields.is_empty(),
        "the first commands ran"
    );

    push(dir.path(), &s.url(), &["--apply"]).expect_code(0);
    push(dir.path(), &s.url(), &[]).expect_code(0);
    let state = s.state();
    assert_eq!(state.portal.user_fields.len(), 6);
    let mut ids: Vec<(&str, &str)> = state
        .portal
        .statuses
        .iter()
        .map(|x| (x.entity_id.as_str(), x.status_id.as_str()))
        .collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "no status twice");
}

/// The example with a third location, Kazan, whose bot does not answer at night.
fn three_locations(toml: &Path) {
    let text = fs::read_to_string(toml).unwrap();
    let kazan = "bot_config = \"bot/omsk.json\"\n\n[[locations]]\nid = \"kazan\"\ncity = \"Казань\"\n\
                 address = \"ул. Баумана, д. 5\"\ntimezone = \"Europe/Moscow\"\n\
                 phone = \"+7 843 200-10-10\"\nhours = [\"daily 10:00-20:00\"]\nnight_mode = false\n\
                 duty = { name = \"Гарипова Алсу Ильдаровна, администратор филиала\", phone = \"+7 917 200-30-40\" }\n\
                 escalation_tag = \"эскалация-КАЗАНЬ\"\nbot_config = \"bot/kazan.json\"\n";
    let text = replace_once(&text, "bot_config = \"bot/omsk.json\"\n", kazan);
    let text = replace_once(
        &text,
        "[\"Уфа\", \"Омск\"]",
        "[\"Уфа\", \"Омск\", \"Казань\"]",
    );
    fs::write(toml, text).unwrap();
}

#[test]
fn location_narrows_the_open_lines_and_an_unknown_one_is_refused() {
    let s = Standin::start();
    let (dir, toml) = example_copy();
    three_locations(&toml);

    let run = push(dir.path(), &s.url(), &["--location", "omks"]).expect_code(2);
    assert!(run.stderr.contains("did you mean `omsk`"), "{}", run.stderr);
    assert!(s.state().requests.is_empty(), "nothing asked of the portal");

    let plan = push(dir.path(), &s.url(), &["--location", "omsk"]).expect_code(1);
    assert!(plan.stdout.contains("+ omsk"), "{}", plan.stdout);
    assert!(!plan.stdout.contains("+ ufa"), "{}", plan.stdout);
    // Shared parts are planned whole.
    assert!(
        plan.stdout.contains("+ UF_CRM_REGL_CHANNEL"),
        "{}",
        plan.stdout
    );

    push(
        dir.path(),
        &s.url(),
        &["--apply", "--location", "omsk", "--location", "kazan"],
    )
    .expect_code(0);
    let names: Vec<String> = s
        .state()
        .portal
        .lines
        .iter()
        .map(|l| l["LINE_NAME"].as_str().unwrap().to_owned())
        .collect();
    assert_eq!(names.len(), 2, "{names:?}");
    assert!(names.iter().all(|n| !n.ends_with("Уфа")), "{names:?}");
    let ids = portal_file(dir.path());
    assert!(
        ids["lines"]["omsk"].is_string() && ids["lines"]["ufa"].is_null(),
        "{ids}"
    );

    // The other locations' lines are the business's, never "on the portal only".
    let only = push(dir.path(), &s.url(), &["--location", "omsk"]).expect_code(0);
    let lines = &json(
        &push(
            dir.path(),
            &s.url(),
            &["--location", "omsk", "--format", "json"],
        )
        .expect_code(0),
    )["parts"][3];
    assert_eq!(lines["part"], "openlines");
    assert_eq!(lines["unchanged"], serde_json::json!(["omsk"]), "{lines}");
    assert_eq!(lines["portal_only"], serde_json::json!([]), "{lines}");
    assert!(only.stdout.contains("= 1 unchanged"), "{}", only.stdout);
    let all = push(dir.path(), &s.url(), &[]).expect_code(1);
    assert!(
        all.stdout.contains("+ ufa") && !all.stdout.contains("+ omsk"),
        "{}",
        all.stdout
    );
    push(dir.path(), &s.url(), &["--apply"]).expect_code(0);
    assert_eq!(
        portal_file(dir.path())["lines"].as_object().unwrap().len(),
        3
    );
}

#[test]
fn each_line_carries_the_sla_and_the_bots_texts() {
    let s = Standin::start();
    let (dir, toml) = example_copy();
    three_locations(&toml);
    let plan = json(&push(dir.path(), &s.url(), &["--format", "json"]).expect_code(1));
    let lines = plan["parts"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["part"] == "openlines")
        .unwrap()
        .clone();
    assert_eq!(
        lines["without_bot"],
        serde_json::json!(["ufa", "omsk", "kazan"]),
        "{lines}"
    );
    push(dir.path(), &s.url(), &["--apply"]).expect_code(0);

    let by_city = |city: &str| -> serde_json::Map<String, Value> {
        s.state()
            .portal
            .lines
            .iter()
            .find(|l| l["LINE_NAME"].as_str().unwrap().ends_with(city))
            .unwrap()
            .clone()
    };
    let ufa = by_city("Уфа");
    assert_eq!(ufa["WORKTIME_FROM"], "9");
    assert_eq!(ufa["WORKTIME_TO"], "21");
    assert_eq!(ufa["WORKTIME_TIMEZONE"], "Asia/Yekaterinburg");
    assert_eq!(ufa["KPI_FIRST_ANSWER_TIME"], "180");
    assert_eq!(ufa["NO_ANSWER_RULE"], "text");
    assert_eq!(ufa["NO_ANSWER_TIME"], "180");
    assert!(
        ufa["NO_ANSWER_TEXT"]
            .as_str()
            .unwrap()
            .contains("+7 347 200-45-10"),
        "{ufa:?}"
    );
    assert_eq!(
        ufa["AUTO_CLOSE_TIME"], "86400",
        "[sla].booking_confirmation"
    );
    assert_eq!(ufa["CRM"], "Y");
    assert_eq!(ufa["CRM_CREATE"], "none", "the bot makes the card");
    // Night mode: the bot answers at night and says the after-hours text itself.
    assert_eq!(ufa["WORKTIME_DAYOFF_RULE"], "none");
    let kazan = by_city("Казань");
    assert_eq!(kazan["WORKTIME_DAYOFF_RULE"], "text");
    assert!(
        kazan["WORKTIME_DAYOFF_TEXT"]
            .as_str()
            .unwrap()
            .starts_with("Сейчас мы закрыты"),
        "{kazan:?}"
    );
    assert_eq!(
        (
            kazan["WORKTIME_FROM"].as_str(),
            kazan["WORKTIME_TO"].as_str()
        ),
        (Some("10"), Some("20"))
    );

    // The owner picks the registered bot in the line's settings; push then sets the rest of
    // the bot's group, in one call with WELCOME_BOT_ENABLE.
    for line in &mut s.state().portal.lines {
        line.insert("WELCOME_BOT_ENABLE".into(), "Y".into());
        line.insert("WELCOME_BOT_ID".into(), "77".into());
    }
    let plan = push(dir.path(), &s.url(), &[]).expect_code(1);
    assert!(
        plan.stdout.contains("WELCOME_BOT_TIME: \"600\" → \"0\""),
        "{}",
        plan.stdout
    );
    assert!(
        plan.stdout
            .contains("WELCOME_BOT_JOIN: \"first\" → \"always\""),
        "{}",
        plan.stdout
    );
    assert!(!plan.stdout.contains("no welcome bot"), "{}", plan.stdout);
    push(dir.path(), &s.url(), &["--apply"]).expect_code(0);
    let ufa = by_city("Уфа");
    assert_eq!(
        (
            ufa["WELCOME_BOT_ID"].as_str(),
            ufa["WELCOME_BOT_TIME"].as_str()
        ),
        (Some("77"), Some("0"))
    );
    push(dir.path(), &s.url(), &[]).expect_code(0);
}

#[test]
fn what_open_lines_cannot_enforce_is_listed_in_both_forms() {
    let s = Standin::start();
    let (dir, _) = example_copy();
    let human = push(dir.path(), &s.url(), &[]).expect_code(1);
    let data = json(&push(dir.path(), &s.url(), &["--format", "json"]).expect_code(1));
    let list = data["not_enforced"].as_array().unwrap();
    let ids: Vec<&str> = list.iter().map(|g| g["id"].as_str().unwrap()).collect();
    for id in [
        "hours_per_day",
        "ai_first_response",
        "reminders",
        "escalation_response",
    ] {
        assert!(ids.contains(&id), "{id}: {ids:?}");
    }
    for g in list {
        let text = g["text"].as_str().unwrap();
        assert!(
            human.stdout.contains(text),
            "{text} not in\n{}",
            human.stdout
        );
        assert!(!g["enforced_by"].as_array().unwrap().is_empty(), "{g}");
    }
    let ai = list
        .iter()
        .find(|g| g["id"] == "ai_first_response")
        .unwrap();
    let words = ai["text"].as_str().unwrap().replace('\u{a0}', " ");
    assert!(words.contains("within 3 seconds"), "{ai}");
    let esc = list
        .iter()
        .find(|g| g["id"] == "escalation_response")
        .unwrap();
    assert_eq!(
        esc["enforced_by"],
        serde_json::json!(["bitrix24_robot", "duty_roster"])
    );
    // Without the lines, no list.
    let fields = json(
        &push(
            dir.path(),
            &s.url(),
            &["--only", "fields", "--format", "json"],
        )
        .expect_code(1),
    );
    assert_eq!(fields["not_enforced"], serde_json::json!([]));
}

/// Runs `regl push args…` like [`push`], killed if it has not ended within `limit`: a hang
/// fails the test instead of stalling the suite.
fn push_within(dir: &Path, url: &str, args: &[&str], env: &[(&str, &str)], limit: Duration) -> Run {
    use std::process::{Command, Stdio};
    let mut child = Command::new(env!("CARGO_BIN_EXE_regl"))
        .arg("push")
        .args(args)
        .current_dir(dir)
        .env("NO_COLOR", "1")
        .env("REGL_LANG", "en")
        .env("BITRIX24_WEBHOOK_URL", url)
        .envs(env.iter().copied())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("regl push still running after {limit:?}: it hangs");
        }
        std::thread::sleep(Duration::from_millis(50));
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

#[test]
fn a_port_nobody_listens_on_fails_at_once_with_what_to_check() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let (dir, _) = example_copy();
    let url = format!("http://127.0.0.1:{port}/rest/1/{SECRET}/");
    for lang in ["en", "ru"] {
        let run = push_within(
            dir.path(),
            &url,
            &[],
            &[("REGL_LANG", lang)],
            Duration::from_secs(60),
        )
        .expect_code(2);
        let wanted = if lang == "en" {
            "cannot reach `127.0.0.1"
        } else {
            "не удаётся связаться с `127.0.0.1"
        };
        assert!(run.stderr.contains(wanted), "{}", run.stderr);
        assert!(!run.stderr.contains(SECRET) && !run.stdout.contains(SECRET));
        assert!(!run.stderr.contains("panicked"), "{}", run.stderr);
    }
}

#[test]
fn a_host_that_accepts_and_never_answers_times_out_instead_of_hanging() {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    // Accepts, reads nothing, says nothing; holds every connection until the test ends.
    std::thread::spawn(move || {
        let mut held = Vec::new();
        for stream in listener.incoming() {
            held.push(stream);
        }
    });
    let (dir, _) = example_copy();
    let url = format!("http://{addr}/rest/1/{SECRET}/");
    let started = Instant::now();
    let run = push_within(
        dir.path(),
        &url,
        &[],
        &[("BITRIX24_TIMEOUT", "2")],
        Duration::from_secs(60),
    )
    .expect_code(2);
    assert!(
        run.stderr.contains("did not answer `scope` within 2.0 s"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("run again later"), "{}", run.stderr);
    assert!(!run.stderr.contains(SECRET));
    assert!(
        started.elapsed() < Duration::from_secs(30),
        "{:?}",
        started.elapsed()
    );
    let ru = push_within(
        dir.path(),
        &url,
        &[],
        &[("BITRIX24_TIMEOUT", "1"), ("REGL_LANG", "ru")],
        Duration::from_secs(60),
    )
    .expect_code(2);
    assert!(
        ru.stderr.contains("не ответил на `scope` за 1"),
        "{}",
        ru.stderr
    );
    let bad = push_within(
        dir.path(),
        &url,
        &[],
        &[("BITRIX24_TIMEOUT", "soon")],
        Duration::from_secs(60),
    )
    .expect_code(2);
    assert!(
        bad.stderr.contains("`BITRIX24_TIMEOUT` is `soon`"),
        "{}",
        bad.stderr
    );
}

/// The stand-in's log as (arrival, refused) pairs.
fn arrivals(s: &Standin) -> Vec<(Instant, bool)> {
    s.state()
        .requests
        .iter()
        .map(|r| (r.at, r.rate_refused))
        .collect()
}

#[test]
fn a_burst_past_the_rate_limit_backs_off_and_keeps_to_the_limits_timing() {
    let s = Standin::start();
    // A bucket of 3 draining 2 a second: push's own pace (bursts of 10) overruns it.
    let (limit, per_second) = (3.0, 2.0);
    s.state().rate = RateBucket::new(3, per_second);
    let (dir, toml) = example_copy();
    three_locations(&toml);
    let mut extra = String::new();
    for n in 1..=120 {
        writeln!(extra, "  {{ id = \"UC_SRC_{n}\", name = \"Source {n}\" }},").unwrap();
    }
    let text = fs::read_to_string(&toml).unwrap();
    let from = "  { id = \"INSTAGRAM\", name = \"Instagram\" },\n";
    fs::write(&toml, replace_once(&text, from, &format!("{from}{extra}"))).unwrap();

    let applied =
        json(&push(dir.path(), &s.url(), &["--apply", "--format", "json"]).expect_code(0));
    let plan = json(&push(dir.path(), &s.url(), &["--format", "json"]).expect_code(0));
    assert_eq!(plan["changes"], 0);
    let log = arrivals(&s);
    let refused = log.iter().filter(|(_, r)| *r).count();
    assert!(refused > 0, "the burst went past the bucket");
    assert_eq!(
        applied["rate_limit"]["refusals"].as_u64().unwrap()
            + plan["rate_limit"]["refusals"].as_u64().unwrap(),
        u64::try_from(refused).unwrap()
    );
    assert!(
        applied["rate_limit"]["waited_ms"].as_u64().unwrap() > 0,
        "{applied}"
    );

    // Admitted requests in any window of w seconds: never more than the bucket plus what
    // drains in w, the documented limit.
    let admitted: Vec<Instant> = log.iter().filter(|(_, r)| !*r).map(|(t, _)| *t).collect();
    for (i, &t0) in admitted.iter().enumerate() {
        for w in [0.5_f64, 1.0, 2.0, 5.0] {
            let end = t0 + Duration::from_secs_f64(w);
            let n = admitted[i..].iter().take_while(|&&t| t < end).count();
            assert!(
                f64::from(u32::try_from(n).unwrap()) <= limit + per_second * w + 1e-9,
                "{n} requests within {w} s"
            );
        }
    }
    // After a refusal push does not hammer: every request of that run waits at least one
    // drain interval (less a little for timer slack) after the one before.
    for pair in log.windows(2) {
        if pair[0].1 {
            let gap = pair[1].0.duration_since(pair[0].0);
            assert!(gap >= Duration::from_millis(450), "resent after {gap:?}");
        }
    }
    // Refused, then admitted: each command went through once.
    let state = s.state();
    let mut ids: Vec<&str> = state
        .portal
        .statuses
        .iter()
        .map(|x| x.status_id.as_str())
        .collect();
    let all = ids.len();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), all, "no status twice");
    eprintln!(
        "burst: {} requests, {refused} refused, waited {} ms in the apply; requests by method {}",
        log.len(),
        applied["rate_limit"]["waited_ms"],
        applied["requests_by_method"]
    );
}

#[test]
fn the_secret_is_in_nothing_push_prints_or_writes() {
    let s = Standin::start();
    let (dir, _) = example_copy();
    let url = s.url();
    let mut printed = String::new();
    let mut take = |run: Run| {
        printed.push_str(&run.stdout);
        printed.push_str(&run.stderr);
    };
    take(push(dir.path(), &url, &[]).expect_code(1));
    take(push(dir.path(), &url, &["--format", "json"]).expect_code(1));
    s.state().faults.fail_batch_after = Some(3);
    take(push(dir.path(), &url, &["--apply"]).expect_code(2));
    take(push(dir.path(), &url, &["--apply", "--format", "json"]).expect_code(0));
    take(push(dir.path(), &url, &["--apply"]).expect_code(0));
    take(push(dir.path(), &url, &["--check"]).expect_code(0));
    for lang in ["en", "ru"] {
        let env = |extra: (&'static str, &'static str)| vec![("REGL_LANG", lang), extra];
        let runs = [
            (env(("BITRIX24_TIMEOUT", "1")), true),
            (env(("NO_COLOR", "1")), false),
        ];
        for (vars, slow) in runs {
            s.state().faults.slow = slow.then_some(Duration::from_secs(3));
            take(push_within(
                dir.path(),
                &url,
                &[],
                &vars,
                Duration::from_secs(60),
            ));
        }
    }
    s.state().faults.slow = None;
    s.state().faults.redirect_to = Some("lada-new.bitrix24.ru".into());
    take(push(dir.path(), &url, &["--format", "json"]).expect_code(2));
    s.state().faults.redirect_to = None;
    s.state().faults.deleted = true;
    take(push(dir.path(), &url, &[]).expect_code(2));
    s.state().faults.deleted = false;
    s.state().faults.expired = true;
    take(push(dir.path(), &url, &["--format", "json"]).expect_code(2));
    s.state().faults.expired = false;
    s.state().portal.scopes = vec!["crm".into()];
    take(push(dir.path(), &url, &["--apply"]).expect_code(2));
    // A webhook URL pasted with the method on its end, and one for another portal.
    take(push(dir.path(), &format!("{url}profile.json"), &[]).expect_code(2));
    let other = format!("https://other.bitrix24.ru/rest/1/{SECRET}/");
    take(push(dir.path(), &other, &[]).expect_code(2));

    assert!(!printed.contains(SECRET), "the secret is shown:\n{printed}");
    assert!(
        printed.contains("/rest/1/***/"),
        "the masked URL is shown instead"
    );
    for entry in fs::read_dir(dir.path().join("out")).unwrap() {
        let text = fs::read_to_string(entry.unwrap().path()).unwrap_or_default();
        assert!(!text.contains(SECRET), "the secret is written: {text}");
    }
}

/// Text as the documents set it, compared as words: no-break spaces and word joiners are
/// typography, not wording.
fn as_words(s: &str) -> String {
    s.replace(['\u{a0}', '\u{202f}'], " ")
        .replace('\u{2060}', "")
}

#[test]
fn the_sops_bitrix24_section_lists_what_push_does() {
    let s = Standin::start();
    for example in ["salon-ufa-omsk", "clinic-omsk"] {
        let dir = tempfile::tempdir().unwrap();
        let toml = dir.path().join("business.toml");
        let src = repo().join("examples").join(example);
        fs::copy(src.join("business.toml"), &toml).unwrap();
        crate::common::regl(dir.path(), &["render", "--format", "md"]).expect_code(0);
        let data = json(&push(
            dir.path(),
            &s.url(),
            &["--format", "json", "--location", "omsk"],
        ));
        // The SOP is in the business's language (Russian): so is push's list here.
        let ru = regl_env(
            dir.path(),
            &["push", "--format", "json"],
            &[("BITRIX24_WEBHOOK_URL", &s.url()), ("REGL_LANG", "ru")],
        );
        let ru = json(&ru);
        assert_eq!(
            data["not_enforced"].as_array().unwrap().len(),
            ru["not_enforced"].as_array().unwrap().len()
        );
        let sop = fs::read_to_string(dir.path().join("out/omsk/lead-handling-omsk.md")).unwrap();
        let sop = as_words(&sop);
        let section = &sop[sop.find("### 3.5.").expect("the Open Line section")..];
        let section = &section[..section.find("\n## ").unwrap()];
        let listed: Vec<&str> = section
            .lines()
            .filter_map(|l| l.strip_prefix("- "))
            .collect();
        let pushed: Vec<String> = ru["not_enforced"]
            .as_array()
            .unwrap()
            .iter()
            .map(|g| as_words(g["text"].as_str().unwrap()))
            .collect();
        assert_eq!(
            listed, pushed,
            "{example}: the SOP and push disagree:\n{section}"
        );
        assert!(section.contains("открытую линию"), "{section}");
    }
}

#[test]
fn requests_per_operation_stay_at_the_minimum_for_three_locations() {
    let s = Standin::start();
    let (dir, toml) = example_copy();
    three_locations(&toml);
    let mut seen = Vec::new();
    let mut measure = |what: &str, args: &[&str], code: i32| {
        s.state().requests.clear();
        let data = json(&push(dir.path(), &s.url(), args).expect_code(code));
        let log: Vec<String> = s
            .state()
            .requests
            .iter()
            .map(|r| r.method.clone())
            .collect();
        seen.push(format!("{what}: {} requests {log:?}", log.len()));
        (data, log.len())
    };
    let (plan, reads) = measure("plan, fresh portal", &["--format", "json"], 1);
    let n = usize::try_from(plan["changes"].as_u64().unwrap()).unwrap();
    // `scope`, then one batch reading the mode and all four parts.
    assert_eq!(reads, 2);
    let (_, apply) = measure("apply, fresh portal", &["--apply", "--format", "json"], 0);
    // The reads, ⌈changes / 50⌉ batches, one batch reading back.
    assert_eq!(apply, reads + n.div_ceil(50) + 1, "{n} changes");
    let (_, again) = measure("plan, second run", &["--format", "json"], 0);
    assert_eq!(again, reads);
    let (_, noop) = measure("apply, second run", &["--apply", "--format", "json"], 0);
    // Nothing to send, so nothing to read back: the reads alone.
    assert_eq!(noop, reads);
    eprintln!("{n} changes\n{}", seen.join("\n"));
}

/// A run on a terminal (a pseudo-terminal from util-linux `script`, skipped where there is
/// none): the apply shows its progress bar, without the secret; `--format json` shows none.
#[test]
fn on_a_terminal_an_apply_shows_progress_without_the_secret() {
    use std::process::Command;
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("no `script` here: the terminal run is not tried");
        return;
    }
    let s = Standin::start();
    // A slow portal, so that the bar is drawn at least once.
    s.state().faults.slow = Some(Duration::from_millis(300));
    let (dir, _) = example_copy();
    let on_terminal = |args: &str| {
        let out = Command::new("script")
            .args([
                "-qec",
                &format!("{} push {args}", env!("CARGO_BIN_EXE_regl")),
                "/dev/null",
            ])
            .current_dir(dir.path())
            .env("BITRIX24_WEBHOOK_URL", s.url())
            .env("REGL_LANG", "en")
            .env("TERM", "xterm")
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = on_terminal("--apply");
    assert!(
        shown.contains("applying") || shown.contains("verifying"),
        "{shown}"
    );
    assert!(shown.contains("requests"), "{shown}");
    assert!(shown.contains("/rest/1/***/"), "{shown}");
    assert!(!shown.contains(SECRET), "{shown}");
    let mut extra = s.state();
    extra.portal.statuses.retain(|x| x.status_id != "UC_BOOKED");
    drop(extra);
    let json_run = on_terminal("--apply --format json");
    assert!(!json_run.contains("applying"), "{json_run}");
    assert!(!json_run.contains(SECRET), "{json_run}");
}
