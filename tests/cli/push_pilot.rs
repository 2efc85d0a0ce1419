//! `regl push --test-leads` and `--remove-test-leads` against the stand-in portal: the pilot's
//! records made from the plan's rows and removed by their marker alone — a real client's lead
//! untouched even with a tester's phone, a lead the runtime made from a pilot phone removed —
//! batches and pages past 50, a second run that makes nothing, no phones refused, the
//! flags kept apart from `--apply`/`--check`, the secret in no output, Russian messages.

use std::fs;
use std::path::{Path, PathBuf};

use serde_json::{Map, Value, json};

use crate::common::{Run, regl_env, replace_once, repo};
use crate::standin::{SECRET, Standin};

const MARKER: &str = "regl-pilot";
/// The example's `[pilot].phones`, as the portal stores it.
const PILOT_PHONE: &str = "+79130000011";

fn example_copy() -> (tempfile::TempDir, PathBuf) {
    let dir = tempfile::tempdir().unwrap();
    let toml = dir.path().join("business.toml");
    fs::copy(repo().join("examples/salon-ufa-omsk/business.toml"), &toml).unwrap();
    (dir, toml)
}

/// `regl push args…` in English, with nothing printed holding the secret.
fn push(dir: &Path, url: &str, args: &[&str]) -> Run {
    push_lang(dir, url, args, "en")
}

fn push_lang(dir: &Path, url: &str, args: &[&str], lang: &str) -> Run {
    let mut all = vec!["push"];
    all.extend_from_slice(args);
    let run = regl_env(
        dir,
        &all,
        &[("BITRIX24_WEBHOOK_URL", url), ("REGL_LANG", lang)],
    );
    for text in [&run.stdout, &run.stderr] {
        assert!(!text.contains(SECRET), "the secret is shown: {text}");
    }
    run
}

fn json_of(run: &Run) -> Value {
    serde_json::from_str(&run.stdout).unwrap_or_else(|e| panic!("{e}: {}", run.stdout))
}

/// A lead as a person or the runtime would have made it on the portal.
fn lead(s: &Standin, id: u64, originator: Option<&str>, origin: &str, phone: &str) {
    let mut l = Map::new();
    l.insert("ID".into(), json!(id.to_string()));
    l.insert("TITLE".into(), json!(format!("lead {id}")));
    l.insert("STATUS_ID".into(), json!("NEW"));
    l.insert(
        "ORIGINATOR_ID".into(),
        originator.map_or(Value::Null, |o| json!(o)),
    );
    l.insert("ORIGIN_ID".into(), json!(origin));
    l.insert(
        "PHONE".into(),
        json!([{"VALUE": phone, "VALUE_TYPE": "MOBILE"}]),
    );
    s.state().portal.leads.push(l);
}

fn lead_ids(s: &Standin) -> Vec<String> {
    s.state()
        .portal
        .leads
        .iter()
        .map(|l| l["ID"].as_str().unwrap().to_owned())
        .collect()
}

#[test]
fn prepared_then_removed_leaves_the_portal_as_it_was_and_real_clients_untouched() {
    let s = Standin::start();
    let (dir, _) = example_copy();
    // A real client writing from a tester's phone, a client of another system, one of none.
    lead(&s, 1, None, "", PILOT_PHONE);
    lead(&s, 2, Some("1c-erp"), "ufa-tp-001", PILOT_PHONE);
    lead(&s, 3, None, "", "+79130000099");
    // What the runtime made from a pilot phone during the pilot's dialogues.
    lead(&s, 4, Some(MARKER), "ufa:whatsapp:17", PILOT_PHONE);
    let before: Vec<_> = s.state().portal.leads[..3].to_vec();

    let made = push(dir.path(), &s.url(), &["--test-leads"]).expect_code(0);
    assert!(made.stdout.contains("created"), "{}", made.stdout);
    let created: Vec<Map<String, Value>> = s
        .state()
        .portal
        .leads
        .iter()
        .filter(|l| l["ORIGINATOR_ID"] == MARKER && l["ID"] != "4")
        .cloned()
        .collect();
    assert!(!created.is_empty(), "no record prepared:\n{}", made.stdout);
    for l in &created {
        let origin = l["ORIGIN_ID"].as_str().unwrap();
        assert!(
            origin.starts_with("ufa-tp-") || origin.starts_with("omsk-tp-"),
            "{l:?}"
        );
        assert_eq!(l["PHONE"][0]["VALUE"], PILOT_PHONE, "{l:?}");
        assert!(made.stdout.contains(origin), "{origin}:\n{}", made.stdout);
    }
    // Only the rows that start with a booking need a record.
    assert!(created.len() < 200, "{}", created.len());

    let gone = push(dir.path(), &s.url(), &["--remove-test-leads"]).expect_code(0);
    assert!(gone.stdout.contains("ufa:whatsapp:17"), "{}", gone.stdout);
    assert!(
        gone.stdout
            .contains(&format!("{} deleted", created.len() + 1)),
        "{}",
        gone.stdout
    );
    assert_eq!(s.state().portal.leads, before);
}

#[test]
fn a_second_run_creates_nothing_and_json_says_so() {
    let s = Standin::start();
    let (dir, _) = example_copy();
    let first =
        json_of(&push(dir.path(), &s.url(), &["--test-leads", "--format", "json"]).expect_code(0));
    let n = first["created"].as_array().unwrap().len();
    assert!(n > 0, "{first}");
    assert_eq!(first["originator_id"], MARKER);
    let leads = lead_ids(&s);

    s.state().requests.clear();
    let second =
        json_of(&push(dir.path(), &s.url(), &["--test-leads", "--format", "json"]).expect_code(0));
    assert_eq!(second["created"], json!([]), "{second}");
    assert_eq!(second["present"].as_array().unwrap().len(), n, "{second}");
    assert_eq!(lead_ids(&s), leads);
    assert_eq!(s.requests_to("crm.lead.add"), 0);

    let human = push(dir.path(), &s.url(), &["--test-leads"]).expect_code(0);
    assert!(
        human
            .stdout
            .contains(&format!("0 created, {n} already there")),
        "{}",
        human.stdout
    );
}

#[test]
fn location_limits_what_is_prepared_and_removed() {
    let s = Standin::start();
    let (dir, _) = example_copy();
    push(
        dir.path(),
        &s.url(),
        &["--test-leads", "--location", "omsk"],
    )
    .expect_code(0);
    let origins = |s: &Standin| -> Vec<String> {
        s.state()
            .portal
            .leads
            .iter()
            .map(|l| l["ORIGIN_ID"].as_str().unwrap_or_default().to_owned())
            .collect()
    };
    assert!(!origins(&s).is_empty());
    assert!(
        origins(&s).iter().all(|o| o.starts_with("omsk-")),
        "{:?}",
        origins(&s)
    );
    push(dir.path(), &s.url(), &["--test-leads"]).expect_code(0);
    assert!(origins(&s).iter().any(|o| o.starts_with("ufa-")));
    // The runtime's own records name their location before a colon.
    lead(&s, 900, Some(MARKER), "ufa:whatsapp:4", PILOT_PHONE);
    lead(&s, 901, Some(MARKER), "omsk:whatsapp:3", PILOT_PHONE);
    push(
        dir.path(),
        &s.url(),
        &["--remove-test-leads", "--location", "ufa"],
    )
    .expect_code(0);
    assert!(!origins(&s).is_empty());
    assert!(
        origins(&s).iter().all(|o| o.starts_with("omsk")),
        "{:?}",
        origins(&s)
    );
    assert!(origins(&s).contains(&"omsk:whatsapp:3".to_owned()));
}

#[test]
fn more_than_fifty_records_are_read_in_pages_and_deleted_in_batches() {
    let s = Standin::start();
    let (dir, _) = example_copy();
    for i in 0..120 {
        lead(
            &s,
            1000 + i,
            Some(MARKER),
            &format!("ufa:telegram:{i}"),
            PILOT_PHONE,
        );
    }
    lead(&s, 5000, None, "", PILOT_PHONE);
    push(dir.path(), &s.url(), &["--test-leads"]).expect_code(0);
    let marked = s.state().portal.leads.len() - 1;
    assert!(marked > 120, "{marked}");

    s.state().requests.clear();
    let gone = json_of(
        &push(
            dir.path(),
            &s.url(),
            &["--remove-test-leads", "--format", "json"],
        )
        .expect_code(0),
    );
    assert_eq!(gone["deleted"].as_array().unwrap().len(), marked, "{gone}");
    assert_eq!(lead_ids(&s), vec!["5000".to_owned()]);
    // The first page alone, the rest of the pages in one batch, then ⌈n/50⌉ batches of deletes.
    assert_eq!(s.requests_to("crm.lead.list"), 1);
    assert_eq!(s.requests_to("batch"), 1 + marked.div_ceil(50));
}

#[test]
fn simple_mode_prepares_contacts_with_deals_and_removes_both() {
    let s = Standin::start();
    let (dir, toml) = example_copy();
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        replace_once(&text, "mode = \"leads\"", "mode = \"simple\""),
    )
    .unwrap();
    s.state().portal.mode = 2;
    let mut real = Map::new();
    real.insert("ID".into(), json!("7"));
    real.insert("NAME".into(), json!("A real client"));
    real.insert("ORIGINATOR_ID".into(), Value::Null);
    s.state().portal.contacts.push(real.clone());

    push(dir.path(), &s.url(), &["--test-leads"]).expect_code(0);
    {
        let st = s.state();
        let deals = &st.portal.deals;
        assert!(!deals.is_empty());
        assert!(st.portal.leads.is_empty(), "no leads in simple mode");
        assert_eq!(st.portal.contacts.len(), deals.len() + 1);
        for d in deals {
            assert_eq!(d["ORIGINATOR_ID"], MARKER);
            let contact = d["CONTACT_ID"].as_str().unwrap();
            let c = st
                .portal
                .contacts
                .iter()
                .find(|c| c["ID"] == contact)
                .unwrap();
            assert_eq!(c["ORIGIN_ID"], d["ORIGIN_ID"]);
            assert_eq!(c["PHONE"][0]["VALUE"], PILOT_PHONE);
        }
    }
    let n = s.state().portal.deals.len();
    push(dir.path(), &s.url(), &["--test-leads"]).expect_code(0);
    assert_eq!(
        s.state().portal.deals.len(),
        n,
        "a second run makes nothing"
    );

    push(dir.path(), &s.url(), &["--remove-test-leads"]).expect_code(0);
    assert!(s.state().portal.deals.is_empty());
    assert_eq!(s.state().portal.contacts, vec![real]);
}

#[test]
fn no_pilot_phones_is_refused_naming_t129_and_the_key() {
    let s = Standin::start();
    let (dir, toml) = example_copy();
    let text = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        replace_once(&text, "phones = [\"+7 913 000-00-11\"]", "phones = []"),
    )
    .unwrap();
    let run = push(dir.path(), &s.url(), &["--test-leads"]).expect_code(2);
    assert!(run.stderr.contains("T129"), "{}", run.stderr);
    assert!(run.stderr.contains("[pilot].phones"), "{}", run.stderr);
    assert!(s.state().requests.is_empty(), "nothing asked of the portal");
    assert!(s.state().portal.leads.is_empty());
    // Removal needs no phone.
    push(dir.path(), &s.url(), &["--remove-test-leads"]).expect_code(0);
}

#[test]
fn the_flags_exclude_apply_check_and_each_other() {
    let s = Standin::start();
    let (dir, _) = example_copy();
    for args in [
        ["--test-leads", "--apply"],
        ["--test-leads", "--check"],
        ["--remove-test-leads", "--apply"],
        ["--remove-test-leads", "--check"],
        ["--test-leads", "--remove-test-leads"],
    ] {
        let run = push(dir.path(), &s.url(), &args).expect_code(2);
        assert!(
            run.stderr.contains("cannot be used with"),
            "{args:?}: {}",
            run.stderr
        );
    }
    assert!(s.state().requests.is_empty());
}

#[test]
fn the_messages_are_in_russian_too() {
    let s = Standin::start();
    let (dir, toml) = example_copy();
    let made = push_lang(dir.path(), &s.url(), &["--test-leads"], "ru").expect_code(0);
    assert!(made.stdout.contains("записи пилота"), "{}", made.stdout);
    assert!(made.stdout.contains("создано:"), "{}", made.stdout);
    let gone = push_lang(dir.path(), &s.url(), &["--remove-test-leads"], "ru").expect_code(0);
    assert!(gone.stdout.contains("удалено:"), "{}", gone.stdout);

    let text = fs::read_to_string(&toml).unwrap();
    fs::write(
        &toml,
        replace_once(&text, "phones = [\"+7 913 000-00-11\"]", "phones = []"),
    )
    .unwrap();
    let run = push_lang(dir.path(), &s.url(), &["--test-leads"], "ru").expect_code(2);
    assert!(run.stderr.contains("T129"), "{}", run.stderr);
    assert!(run.stderr.contains("тестировщиков"), "{}", run.stderr);
}

#[test]
fn a_run_cut_short_by_a_500_is_finished_by_the_next_without_twins() {
    let s = Standin::start();
    let (dir, _) = example_copy();
    let all =
        json_of(&push(dir.path(), &s.url(), &["--test-leads", "--format", "json"]).expect_code(0));
    let n = all["created"].as_array().unwrap().len();
    push(dir.path(), &s.url(), &["--remove-test-leads"]).expect_code(0);
    assert!(s.state().portal.leads.is_empty());

    s.state().faults.fail_batch_after = Some(2);
    let cut = push(dir.path(), &s.url(), &["--test-leads"]).expect_code(2);
    assert!(cut.stderr.contains("--test-leads` again"), "{}", cut.stderr);
    let made = s.state().portal.leads.len();
    assert!(made < n, "{made} of {n}");
    push(dir.path(), &s.url(), &["--test-leads"]).expect_code(0);
    let mut origins: Vec<String> = s
        .state()
        .portal
        .leads
        .iter()
        .map(|l| l["ORIGIN_ID"].as_str().unwrap().to_owned())
        .collect();
    origins.sort();
    origins.dedup();
    assert_eq!(origins.len(), n);
    assert_eq!(s.state().portal.leads.len(), n);
}
