//! `regl push --test-leads` and `--remove-test-leads` (SPEC §8): the pilot's records made
//! and removed at once, with no plan step, and what was done printed (human or json).
//!
//! Both act on the portal the preflight of [`super::push`] has checked; this file owns only
//! what to do with the pilot's records and how it reads to the owner.

use serde_json::json;

use crate::bitrix24::client::{Client, CommandError};
use crate::bitrix24::desired::Desired;
use crate::bitrix24::pilot::{self, Needed, Record};
use crate::cli::PushFormat;
use crate::i18n::{Lang, Text, t};

use super::{Outcome, print_stdout};

/// `--test-leads`: the records `needed` lacks on the portal, made.
pub fn prepare(
    client: &Client,
    desired: &Desired,
    needed: &[Needed],
    locations: &[String],
    format: PushFormat,
    lang: Lang,
) -> Outcome {
    let done = pilot::prepare(client, desired, needed, locations).map_err(super::push::refused)?;
    let webhook = client.webhook().masked();
    let text = match format {
        PushFormat::Json => json_text(&json!({
            "webhook": webhook,
            "action": "test-leads",
            "originator_id": pilot::ORIGINATOR,
            "created": done.created,
            "present": done.present,
            "failed": failed_json(&done.failed, lang),
        })),
        PushFormat::Human => {
            let mut out = heading(&webhook, lang);
            for r in &done.created {
                out.push_str(&line('+', r));
            }
            for r in &done.present {
                out.push_str(&line('=', r));
            }
            let (created, present) = (done.created.len(), done.present.len());
            out.push_str(
                t!(
                    "{created} created, {present} already there\n",
                    "создано: {created}, уже было: {present}\n",
                    created = created,
                    present = present
                )
                .get(lang),
            );
            out
        }
    };
    print_stdout(&text)?;
    stopped(&done.failed, "--test-leads")
}

/// `--remove-test-leads`: every marked record listed, then deleted.
pub fn remove(
    client: &Client,
    desired: &Desired,
    locations: &[String],
    format: PushFormat,
    lang: Lang,
) -> Outcome {
    let done = pilot::remove(client, desired, locations).map_err(super::push::refused)?;
    let webhook = client.webhook().masked();
    let text = match format {
        PushFormat::Json => json_text(&json!({
            "webhook": webhook,
            "action": "remove-test-leads",
            "originator_id": pilot::ORIGINATOR,
            "deleted": done.deleted,
            "failed": failed_json(&done.failed, lang),
        })),
        PushFormat::Human => {
            let mut out = heading(&webhook, lang);
            for r in &done.deleted {
                out.push_str(&line('-', r));
            }
            let deleted = done.deleted.len();
            out.push_str(
                t!(
                    "{deleted} deleted\n",
                    "удалено: {deleted}\n",
                    deleted = deleted
                )
                .get(lang),
            );
            out
        }
    };
    print_stdout(&text)?;
    stopped(&done.failed, "--remove-test-leads")
}

fn heading(webhook: &str, lang: Lang) -> String {
    let marker = pilot::ORIGINATOR;
    t!(
        "the pilot's records (ORIGINATOR_ID = \"{marker}\") on {webhook}\n",
        "записи пилота (ORIGINATOR_ID = \"{marker}\") на {webhook}\n",
        marker = marker,
        webhook = webhook
    )
    .get(lang)
    .to_owned()
}

fn line(sign: char, r: &Record) -> String {
    format!("{sign} {} {}  {}\n", r.entity, r.id, r.origin_id)
}

fn json_text(v: &serde_json::Value) -> String {
    let mut s = serde_json::to_string_pretty(v).unwrap_or_default();
    s.push('\n');
    s
}

fn failed_json(failed: &[CommandError], lang: Lang) -> Vec<serde_json::Value> {
    failed
        .iter()
        .map(|e| json!({"command": e.id, "method": e.method, "error": e.text().get(lang)}))
        .collect()
}

/// Exit 2 when a command failed, with the first reason and how to finish: both flags are
/// idempotent, so running again does only what is left.
fn stopped(failed: &[CommandError], flag: &str) -> Outcome {
    let Some(first) = failed.first() else {
        return Ok(());
    };
    let n = failed.len();
    Err(super::push::localized(t!(
        "{n} of the pilot's records not done: {first}; run `regl push {flag}` again once that \
         is mended — it reads the portal first and does only what is left",
        "не обработано записей пилота: {n}: {first}; когда причина устранена, запустите \
         `regl push {flag}` снова — он сначала прочтёт портал и сделает только оставшееся",
        n = n,
        first = first.text(),
        flag = flag
    )))
}

/// No `[pilot].phones`: the records would need an invented number, which regl never uses.
pub fn no_phones() -> Text {
    t!(
        "T129: `[pilot].phones` lists none of the testers' own numbers, so the pilot's records \
         have no phone to carry; add the business's test SIMs to `[pilot].phones` and run \
         `regl push --test-leads` again",
        "T129: в `[pilot].phones` не указан ни один собственный номер тестировщиков, и \
         записям пилота нечего указать телефоном; добавьте тестовые SIM-карты компании в \
         `[pilot].phones` и запустите `regl push --test-leads` снова"
    )
}
