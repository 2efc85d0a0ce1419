//! The Bitrix24 client against the stand-in portal: batches of 50, answers per command, the
//! portal's limits, and every way a call fails — each with its message, none showing the
//! webhook's secret.

#[path = "support/bitrix24_standin/mod.rs"]
mod standin;

use std::fmt::{Debug, Display};
use std::time::{Duration, Instant};

use regl::bitrix24::client::{
    Client, Command, CommandError, CommandFailure, Error, Options, RateLimit, TimeoutPhase,
    Timeouts, Unreachable, WebhookUrl,
};
use serde_json::{Value, json};
use standin::{RateBucket, SECRET, Standin};

/// Short timeouts and the portal's own bucket size: the tests want answers fast.
fn fast() -> Options {
    Options {
        timeouts: Timeouts {
            connect: Duration::from_secs(2),
            answer: Duration::from_secs(2),
        },
        rate: RateLimit::PORTAL,
        attempts: 8,
        max_backoff: Duration::from_secs(2),
        max_budget_wait: Duration::from_secs(6),
    }
}

fn client(s: &Standin) -> Client {
    Client::new(WebhookUrl::parse(&s.url()).unwrap(), fast())
}

/// Everything a person could be shown of `x` — its message in both languages, `Display`,
/// `Debug` — checked for the secret.
fn shown<T: Debug + Display + Bilingual>(x: &T) -> String {
    let text = format!("{}\n{}\n{x}\n{x:?}\n{x:#?}", x.en(), x.ru());
    assert!(!text.contains(SECRET), "the secret is shown: {text}");
    text
}

trait Bilingual {
    fn en(&self) -> String;
    fn ru(&self) -> String;
}

impl Bilingual for Error {
    fn en(&self) -> String {
        self.text().en().to_owned()
    }
    fn ru(&self) -> String {
        self.text().ru().to_owned()
    }
}

impl Bilingual for CommandError {
    fn en(&self) -> String {
        self.text().en().to_owned()
    }
    fn ru(&self) -> String {
        self.text().ru().to_owned()
    }
}

impl Bilingual for WebhookUrl {
    fn en(&self) -> String {
        self.masked()
    }
    fn ru(&self) -> String {
        self.masked()
    }
}

fn add_source(id: &str) -> Command {
    Command::new(
        id,
        "crm.status.add",
        json!({"fields": {"ENTITY_ID": "SOURCE", "STATUS_ID": id.to_uppercase(), "NAME": format!("Источник {id}"), "SORT": 500}}),
    )
}

#[test]
fn a_call_reads_the_result_out_of_the_envelope() {
    let s = Standin::start();
    let c = client(&s);
    assert_eq!(c.call("profile", &json!({})).unwrap()["ADMIN"], json!(true));
    assert_eq!(
        c.call("crm.settings.mode.get", &json!({})).unwrap(),
        json!(1)
    );
    let scopes = c.call("scope", &json!({})).unwrap();
    assert!(scopes.as_array().unwrap().contains(&json!("crm")));
    let reply = c
        .call_reply(
            "crm.status.list",
            &json!({"filter": {"ENTITY_ID": "STATUS"}}),
        )
        .unwrap();
    assert_eq!(reply.total, Some(5));
    assert!(reply.time.unwrap().operating_reset_at.is_some());
    shown(c.webhook());
}

#[test]
fn a_batch_goes_out_in_requests_of_fifty() {
    let s = Standin::start();
    let c = client(&s);
    let commands: Vec<Command> = (0..120).map(|i| add_source(&format!("src_{i}"))).collect();
    let answers = c.batch(&commands);
    assert_eq!(answers.len(), 120);
    assert!(answers.iter().all(Result::is_ok));
    assert_eq!(s.requests_to("batch"), 3, "⌈120/50⌉ batch requests");
    assert_eq!(c.usage().requests, 3);
    let st = s.state();
    let added = st
        .portal
        .statuses
        .iter()
        .filter(|x| x.status_id.starts_with("SRC_"))
        .count();
    assert_eq!(added, 120);
    // Cyrillic and spaces survive the query-string encoding of a batch command.
    assert!(
        st.portal
            .statuses
            .iter()
            .any(|x| x.name == "Источник src_7")
    );
}

#[test]
fn with_halt_off_every_command_runs_and_is_answered_on_its_own() {
    let s = Standin::start();
    let c = client(&s);
    let answers = c.batch(&[
        add_source("first"),
        add_source("first_again").with_status_id("FIRST"),
        Command::new("nowhere", "crm.nothing.here", json!({})),
        add_source("after"),
        Command::new(
            "stages",
            "crm.status.list",
            json!({"filter": {"ENTITY_ID": "STATUS"}}),
        ),
    ]);
    assert!(answers[0].is_ok());
    let dup = answers[1].as_ref().unwrap_err();
    assert_eq!(dup.id, "first_again");
    assert!(
        matches!(&dup.failure, CommandFailure::NotRun(Error::Refused { code, .. }) if code == "ERROR_CORE"),
        "{dup:?}"
    );
    assert!(shown(dup).contains("The specified status ID already exists"));
    assert!(matches!(
        answers[2].as_ref().unwrap_err().error(),
        Error::MethodNotFound { .. }
    ));
    assert!(answers[3].is_ok(), "the command after the failures ran");
    let stages = answers[4].as_ref().unwrap();
    assert_eq!(stages.total, Some(5));
    assert_eq!(s.requests_to("batch"), 1);
}

trait WithStatusId {
    fn with_status_id(self, id: &str) -> Self;
}

impl WithStatusId for Command {
    fn with_status_id(mut self, id: &str) -> Self {
        self.params["fields"]["STATUS_ID"] = json!(id);
        self
    }
}

#[test]
fn list_all_reads_the_remaining_pages_in_one_batch() {
    let s = Standin::start();
    {
        let mut st = s.state();
        for i in 0..130 {
            let marker = if i % 13 == 0 {
                "someone-else"
            } else {
                "regl-pilot"
            };
            st.portal
                .call(
                    "crm.lead.add",
                    &json!({"fields": {"TITLE": format!("lead {i}"), "ORIGINATOR_ID": marker}}),
                )
                .unwrap();
        }
    }
    let c = client(&s);
    let leads = c
        .list_all(
            "crm.lead.list",
            &json!({"filter": {"ORIGINATOR_ID": "regl-pilot"}, "select": ["ID", "TITLE"]}),
        )
        .unwrap();
    assert_eq!(leads.len(), 120);
    assert_eq!(leads[0]["TITLE"], json!("lead 1"));
    assert_eq!(leads[119]["TITLE"], json!("lead 129"));
    // The first page, then pages 2 and 3 together.
    assert_eq!(s.requests_to("crm.lead.list"), 1);
    assert_eq!(s.requests_to("batch"), 1);
}

#[test]
fn a_burst_past_the_portals_bucket_backs_off_and_succeeds_within_its_timing() {
    let s = Standin::start();
    // The documented bucket scaled down: 5 requests, draining 10 a second.
    s.state().rate = RateBucket::new(5, 10.0);
    let mut options = fast();
    options.rate = RateLimit {
        burst: 50,
        per_second: 10.0,
    };
    let c = Client::new(WebhookUrl::parse(&s.url()).unwrap(), options);
    let started = Instant::now();
    for _ in 0..25 {
        c.call("profile", &json!({})).unwrap();
    }
    let took = started.elapsed();
    let refusals = s.state().rate_refusals;
    assert!(refusals >= 1, "the burst was refused at least once");
    assert_eq!(c.usage().rate_refusals, refusals);
    // 20 requests past the bucket drain in 2 s: the client keeps to that, give or take.
    assert!(
        took >= Duration::from_millis(1800) && took <= Duration::from_secs(4),
        "{took:?}"
    );
}

#[test]
fn a_client_keeping_to_the_bucket_is_never_refused() {
    let s = Standin::start();
    s.state().rate = RateBucket::new(5, 10.0);
    // Two slots short of the portal's bucket, as push's own limit is short of 50: room for
    // requests that arrive closer together than they were sent.
    let mut options = fast();
    options.rate = RateLimit {
        burst: 3,
        per_second: 10.0,
    };
    let c = Client::new(WebhookUrl::parse(&s.url()).unwrap(), options);
    let started = Instant::now();
    for _ in 0..15 {
        c.call("profile", &json!({})).unwrap();
    }
    assert_eq!(s.state().rate_refusals, 0);
    // 12 requests past the burst of 3 at 10 a second take at least 1.2 s, however fast the
    // portal answers; a slow (busy) machine only adds to it, so this bound never flakes,
    // while `waited` alone shrinks when the answers themselves are slow.
    let took = started.elapsed();
    assert!(took >= Duration::from_millis(1150), "{took:?}");
}

#[test]
fn a_spent_time_budget_is_waited_out_until_the_portal_says() {
    let s = Standin::start();
    let until = now() + 2;
    s.state()
        .faults
        .budget_spent
        .insert("crm.status.list".into(), until);
    let c = client(&s);
    let started = Instant::now();
    let r = c.call("crm.status.list", &json!({})).unwrap();
    assert!(r.is_array());
    let took = started.elapsed();
    assert_eq!(c.usage().budget_refusals, 1);
    assert!(
        took >= Duration::from_millis(1500) && took <= Duration::from_secs(5),
        "{took:?}"
    );
}

#[test]
fn a_budget_spent_for_long_fails_with_the_time_to_run_again() {
    let s = Standin::start();
    s.state()
        .faults
        .budget_spent
        .insert("crm.lead.list".into(), now() + 3600);
    let started = Instant::now();
    let e = client(&s).call("crm.lead.list", &json!({})).unwrap_err();
    assert!(started.elapsed() < Duration::from_secs(1));
    assert!(
        matches!(
            &e,
            Error::OperationTimeLimit {
                reset_at: Some(_),
                ..
            }
        ),
        "{e:?}"
    );
    assert!(shown(&e).contains("UTC"));
}

#[test]
fn a_wrong_or_expired_webhook_says_to_copy_it_again() {
    let s = Standin::start();
    let wrong = WebhookUrl::parse(&s.url_with(1, "n0tth3s3cr3t000")).unwrap();
    let e = Client::new(wrong, fast())
        .call("profile", &json!({}))
        .unwrap_err();
    assert!(matches!(&e, Error::BadCredentials { .. }), "{e:?}");
    let text = shown(&e);
    assert!(text.contains("BITRIX24_WEBHOOK_URL"), "{text}");
    assert!(!text.contains("n0tth3s3cr3t000"), "{text}");
    assert!(text.contains("/rest/1/***/"), "{text}");

    s.state().faults.expired = true;
    let e = client(&s).call("profile", &json!({})).unwrap_err();
    assert!(matches!(&e, Error::BadCredentials { .. }), "{e:?}");
    shown(&e);
}

#[test]
fn a_missing_scope_names_the_scope_to_add() {
    let s = Standin::start();
    s.state().portal.scopes = vec!["crm".into()];
    let c = client(&s);
    let e = c
        .call("imopenlines.config.list.get", &json!({}))
        .unwrap_err();
    assert!(
        matches!(&e, Error::MissingScope { scope, .. } if scope == "imopenlines"),
        "{e:?}"
    );
    assert!(shown(&e).contains("add `imopenlines`"));
    assert!(
        e.text().ru().contains("добавьте `imopenlines`"),
        "{}",
        e.text().ru()
    );
    let answers = c.batch(&[
        Command::new("lines", "imopenlines.config.list.get", json!({})),
        Command::new("mode", "crm.settings.mode.get", json!({})),
    ]);
    assert!(matches!(
        answers[0].as_ref().unwrap_err().error(),
        Error::MissingScope { scope, .. } if scope == "imopenlines"
    ));
    assert_eq!(answers[1].as_ref().unwrap().result, json!(1));
}

#[test]
fn an_unknown_method_a_refused_value_and_missing_rights_are_told_apart() {
    let s = Standin::start();
    let c = client(&s);
    let e = c.call("crm.nothing.here", &json!({})).unwrap_err();
    assert!(matches!(&e, Error::MethodNotFound { method } if method == "crm.nothing.here"));
    shown(&e);

    let e = c
        .call(
            "crm.status.add",
            &json!({"fields": {"ENTITY_ID": "STATUS", "STATUS_ID": "UC_BOOKED"}}),
        )
        .unwrap_err();
    assert!(matches!(&e, Error::Refused { .. }), "{e:?}");
    assert!(shown(&e).contains("The field Title is required"));

    s.state().portal.admin = false;
    let e = c
        .call(
            "crm.status.add",
            &json!({"fields": {"ENTITY_ID": "STATUS", "STATUS_ID": "UC_BOOKED", "NAME": "Записан"}}),
        )
        .unwrap_err();
    assert!(
        matches!(&e, Error::InsufficientRights { user_id: 1, .. }),
        "{e:?}"
    );
    assert!(shown(&e).contains("administrator"));
}

#[test]
fn a_500_in_the_middle_of_a_batch_leaves_its_commands_unknown_and_the_rest_unsent() {
    let s = Standin::start();
    s.state().faults.fail_batch_after = Some(20);
    let c = client(&s);
    let commands: Vec<Command> = (0..60)
        .map(|i| {
            Command::new(
                format!("lead_{i}"),
                "crm.lead.add",
                json!({"fields": {"TITLE": format!("lead {i}")}}),
            )
        })
        .collect();
    let answers = c.batch(&commands);
    for a in &answers[..50] {
        let e = a.as_ref().unwrap_err();
        assert!(e.may_have_run());
        assert!(matches!(
            &e.failure,
            CommandFailure::MaybeRun(Error::ServerError { status: 500, .. })
        ));
        assert!(shown(e).contains("may or may not have run"));
    }
    for a in &answers[50..] {
        let e = a.as_ref().unwrap_err();
        assert!(matches!(&e.failure, CommandFailure::NotSent(_)), "{e:?}");
        assert!(!e.may_have_run());
    }
    assert_eq!(
        s.requests_to("batch"),
        1,
        "nothing is sent after the failure"
    );
    assert_eq!(
        s.state().portal.leads.len(),
        20,
        "the portal did part of it"
    );
}

#[test]
fn a_slow_answer_times_out_instead_of_hanging() {
    let s = Standin::start();
    s.state().faults.slow = Some(Duration::from_secs(3));
    let mut options = fast();
    options.timeouts.answer = Duration::from_millis(400);
    let c = Client::new(WebhookUrl::parse(&s.url()).unwrap(), options);
    let started = Instant::now();
    let e = c.call("crm.status.list", &json!({})).unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert!(
        matches!(
            &e,
            Error::Timeout {
                phase: TimeoutPhase::Answer,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(e.may_have_run());
    shown(&e);
}

#[test]
fn a_redirect_from_a_renamed_portal_is_reported_not_followed() {
    let s = Standin::start();
    // To the stand-in itself: had the client followed, it would show as a second request.
    s.state().faults.redirect_to = Some(s.addr().to_string());
    let e = client(&s).call("profile", &json!({})).unwrap_err();
    assert!(
        matches!(&e, Error::Redirected { to_host: Some(h), .. } if h == "127.0.0.1"),
        "{e:?}"
    );
    assert!(shown(&e).contains("renamed"));
    assert_eq!(s.state().requests.len(), 1);
}

#[test]
fn a_deleted_portal_is_gone() {
    let s = Standin::start();
    s.state().faults.deleted = true;
    let e = client(&s).call("profile", &json!({})).unwrap_err();
    assert!(matches!(&e, Error::PortalGone { .. }), "{e:?}");
    shown(&e);
}

#[test]
fn nothing_listening_is_refused_at_once() {
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let url = format!("http://127.0.0.1:{port}/rest/1/{SECRET}/");
    let e = Client::new(WebhookUrl::parse(&url).unwrap(), fast())
        .call("profile", &json!({}))
        .unwrap_err();
    assert!(
        matches!(
            &e,
            Error::Unreachable {
                reason: Unreachable::Refused,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(!e.may_have_run());
    shown(&e);
}

#[test]
fn a_host_that_never_completes_the_handshake_times_out_on_connect() {
    // Accepts the TCP connection, then says nothing: TLS never completes.
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!(
        "https://{}/rest/1/{SECRET}/",
        listener.local_addr().unwrap()
    );
    let mut options = fast();
    options.timeouts.connect = Duration::from_millis(500);
    let started = Instant::now();
    let e = Client::new(WebhookUrl::parse(&url).unwrap(), options)
        .call("profile", &json!({}))
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(2),
        "{:?}",
        started.elapsed()
    );
    assert!(
        matches!(
            &e,
            Error::Timeout {
                phase: TimeoutPhase::Connect,
                ..
            }
        ),
        "{e:?}"
    );
    assert!(!e.may_have_run());
    assert!(shown(&e).contains("no connection to `127.0.0.1:"));
    drop(listener);
}

#[test]
fn an_unreachable_host_fails_within_the_connect_timeout() {
    // A non-routable address (TEST-NET-3): no answer comes, or the network says so at once,
    // or (behind an intercepting proxy) a certificate that is not the portal's.
    let url = format!("https://203.0.113.1/rest/1/{SECRET}/");
    let mut options = fast();
    options.timeouts.connect = Duration::from_millis(500);
    let started = Instant::now();
    let e = Client::new(WebhookUrl::parse(&url).unwrap(), options)
        .call("profile", &json!({}))
        .unwrap_err();
    assert!(
        started.elapsed() < Duration::from_secs(3),
        "{:?}",
        started.elapsed()
    );
    assert!(
        matches!(
            &e,
            Error::Timeout {
                phase: TimeoutPhase::Connect,
                ..
            } | Error::Unreachable { .. }
                | Error::Tls { .. }
        ),
        "{e:?}"
    );
    assert!(!e.may_have_run());
    shown(&e);
}

#[test]
fn list_items_keep_their_ids_through_a_batch_update() {
    let s = Standin::start();
    let c = client(&s);
    let id = c
        .call(
            "crm.lead.userfield.add",
            &json!({"fields": {
                "FIELD_NAME": "REGL_CHANNEL", "USER_TYPE_ID": "enumeration", "LABEL": "Канал",
                "EDIT_FORM_LABEL": {"ru": "Канал", "en": "Channel"},
                "LIST": [
                    {"VALUE": "Телеграм", "XML_ID": "telegram", "SORT": 10},
                    {"VALUE": "WhatsApp", "XML_ID": "whatsapp", "SORT": 20},
                ],
            }}),
        )
        .unwrap();
    let listed = |lang: &str| -> Value {
        c.call(
            "crm.lead.userfield.list",
            &json!({"filter": {"FIELD_NAME": "UF_CRM_REGL_CHANNEL", "LANG": lang}}),
        )
        .unwrap()[0]
            .clone()
    };
    let before = listed("en");
    assert_eq!(before["EDIT_FORM_LABEL"], json!("Channel"));
    assert_eq!(
        listed("de")["EDIT_FORM_LABEL"],
        json!("Канал"),
        "LABEL fills the rest"
    );
    let telegram = before["LIST"][0]["ID"].as_str().unwrap().to_owned();
    // Through a batch, so the LIST travels as `fields[LIST][0][ID]=…`.
    let answers = c.batch(&[Command::new(
        "rename",
        "crm.lead.userfield.update",
        json!({"id": id, "fields": {"LIST": [
            {"ID": telegram, "VALUE": "Telegram"},
            {"VALUE": "ВКонтакте", "XML_ID": "vk", "SORT": 30},
        ]}}),
    )]);
    assert_eq!(answers[0].as_ref().unwrap().result, json!(true));
    let after = listed("ru");
    let items = after["LIST"].as_array().unwrap();
    assert_eq!(items.len(), 3);
    assert_eq!(items[0]["ID"].as_str(), Some(telegram.as_str()));
    assert_eq!(items[0]["VALUE"], json!("Telegram"));
    assert_eq!(items[2]["XML_ID"], json!("vk"));
}

#[test]
fn an_open_line_update_of_an_unknown_line_answers_false() {
    let s = Standin::start();
    let c = client(&s);
    let id = c
        .call(
            "imopenlines.config.add",
            &json!({"PARAMS": {"LINE_NAME": "Уфа", "KPI_FIRST_ANSWER_TIME": 180}}),
        )
        .unwrap();
    let lines = c
        .call(
            "imopenlines.config.list.get",
            &json!({"PARAMS": {"select": ["ID", "LINE_NAME"]}}),
        )
        .unwrap();
    assert_eq!(lines[0]["LINE_NAME"], json!("Уфа"));
    assert_eq!(lines[0]["ID"], json!(id.to_string()));
    let r = c
        .call(
            "imopenlines.config.update",
            &json!({"CONFIG_ID": 999_999, "PARAMS": {"LINE_NAME": "x"}}),
        )
        .unwrap();
    assert_eq!(r, json!(false));
}

#[test]
fn usage_and_the_client_itself_show_no_secret() {
    let s = Standin::start();
    let c = client(&s);
    c.call("profile", &json!({})).unwrap();
    let usage = format!("{:?}", c.usage());
    assert!(!usage.contains(SECRET));
    assert!(usage.contains("profile"));
    let client = format!("{c:?}");
    assert!(!client.contains(SECRET));
    assert!(client.contains("/rest/1/***/"), "{client}");
}

fn now() -> u64 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_secs()
}
