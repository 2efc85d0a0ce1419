//! `regl push` (SPEC §8): the Bitrix24 portal brought in step with `business.toml`.
//!
//! Preflight first, so nothing is read or changed on a portal that does not fit: the webhook
//! from `BITRIX24_WEBHOOK_URL` only, its host against `[crm].portal`, its scopes (`scope`) and
//! the portal's CRM mode against `[crm].mode`. Then the plan (exit 0 in step, 1 changes
//! pending), or with `--apply` the changes, the read-back and `OUT/bitrix24-portal.json`.
//!
//! The webhook's secret is never printed or written: messages carry the masked URL, and the
//! file holds only the ids the portal assigned.

use std::fmt::Write as _;
use std::path::Path;

use anyhow::anyhow;
use serde_json::json;

use crate::bitrix24::apply::{self, Applied};
use crate::bitrix24::client::{Client, Error, Options, WebhookUrl};
use crate::bitrix24::desired::Desired;
use crate::bitrix24::plan::{self, Action, Assigned, Part, PartPlan, Plan};
use crate::cli::{PushArgs, PushFormat};
use crate::i18n::{self, Lang, Text, localized::Localized, t};
use crate::model::enums::CrmMode;

use super::{Failure, Outcome, print_stdout};

/// The file the portal's ids are written to after an apply.
pub const PORTAL_FILE: &str = "bitrix24-portal.json";

pub fn run(args: &PushArgs) -> Outcome {
    let (_sources, loaded) = super::load_for_output(&args.config)?;
    let b = &loaded.business;
    let lang = i18n::choose(Some(b.lang()));
    let desired = Desired::new(b);
    let mut parts: Vec<Part> = if args.only.is_empty() {
        Part::ALL.to_vec()
    } else {
        args.only.clone()
    };
    parts.sort();
    parts.dedup();

    let webhook = WebhookUrl::from_env().map_err(refused)?;
    webhook.check_portal(&desired.portal).map_err(refused)?;
    let client = Client::new(webhook, Options::default());
    preflight(&client, &parts)?;
    let state = plan::read(&client, &desired, &parts).map_err(refused)?;
    check_mode(state.mode, desired.mode)?;
    let planned = plan::plan(&desired, &state, &parts);

    if !args.apply {
        if !args.check {
            let text = match args.format {
                PushFormat::Human => human_plan(&planned, &client, lang),
                PushFormat::Json => json_out(&planned, None, &client),
            };
            print_stdout(&text)?;
        }
        return if planned.changes() + planned.conflicts() > 0 {
            Err(Failure::Findings)
        } else {
            Ok(())
        };
    }

    let applied = apply::apply(&client, &desired, &planned, &parts).map_err(refused)?;
    let out_dir = args.out.clone().unwrap_or_else(|| loaded.dir().join("out"));
    write_assigned(&out_dir, &Assigned::new(&desired, &applied.after))?;
    let text = match args.format {
        PushFormat::Human => human_applied(&planned, &applied, &client, lang),
        PushFormat::Json => json_out(&planned, Some(&applied), &client),
    };
    print_stdout(&text)?;
    if !applied.failed.is_empty() {
        let first = applied.failed[0].text();
        let (done, failed) = (applied.done, applied.failed.len());
        return Err(localized(t!(
            "{done} changes made, {failed} not: {first}; run `regl push --apply` again once \
             that is mended — it reads the portal first and makes only what is missing",
            "изменений сделано: {done}, не сделано: {failed}: {first}; когда причина \
             устранена, запустите `regl push --apply` снова — он сначала прочтёт портал и \
             сделает только недостающее",
            done = done,
            failed = failed,
            first = first
        )));
    }
    if applied.remaining.changes() > 0 {
        let left = applied.remaining.changes();
        return Err(localized(t!(
            "the portal, read back after the apply, still differs in {left} places: it \
             accepted the changes without keeping them; see `regl push` for which",
            "портал, прочитанный после применения, всё ещё расходится в {left} местах: он \
             принял изменения, но не сохранил их; подробности покажет `regl push`",
            left = left
        )));
    }
    if applied.remaining.conflicts() > 0 {
        return Err(Failure::Findings);
    }
    Ok(())
}

/// The webhook must have `crm` for the CRM's parts and `imopenlines` for the lines.
fn preflight(client: &Client, parts: &[Part]) -> Outcome {
    let scopes = client.call("scope", &json!({})).map_err(refused)?;
    let has = |s: &str| {
        scopes
            .as_array()
            .is_some_and(|a| a.iter().any(|x| x.as_str() == Some(s)))
    };
    if !has("crm") {
        return Err(refused(Error::MissingScope {
            method: "crm.status.list".into(),
            scope: "crm".into(),
        }));
    }
    if parts.contains(&Part::Openlines) && !has("imopenlines") {
        return Err(refused(Error::MissingScope {
            method: "imopenlines.config.list.get".into(),
            scope: "imopenlines".into(),
        }));
    }
    Ok(())
}

/// `crm.settings.mode.get`: 1 is classic (with leads), 2 simple (deals only).
fn check_mode(portal: Option<u64>, wanted: CrmMode) -> Outcome {
    let found = match portal {
        Some(1) => CrmMode::Leads,
        Some(2) => CrmMode::Simple,
        _ => return Ok(()),
    };
    if found == wanted {
        return Ok(());
    }
    Err(localized(match found {
        CrmMode::Simple => t!(
            "the portal's CRM works in simple mode (deals, no leads) but `[crm].mode` is \
             `leads`: set `mode = \"simple\"` in `[crm]`, or switch the portal to classic mode \
             (CRM → Settings → CRM mode) and run again",
            "CRM портала работает в простом режиме (сделки без лидов), а в `[crm].mode` \
             указано `leads`: укажите `mode = \"simple\"` в `[crm]` или переключите портал в \
             классический режим (CRM → Настройки → Режим работы CRM) и запустите снова"
        ),
        CrmMode::Leads => t!(
            "the portal's CRM works in classic mode (with leads) but `[crm].mode` is \
             `simple`: set `mode = \"leads\"` in `[crm]`, or switch the portal to simple mode \
             (CRM → Settings → CRM mode) and run again",
            "CRM портала работает в классическом режиме (с лидами), а в `[crm].mode` \
             указано `simple`: укажите `mode = \"leads\"` в `[crm]` или переключите портал в \
             простой режим (CRM → Настройки → Режим работы CRM) и запустите снова"
        ),
    }))
}

#[expect(
    clippy::needless_pass_by_value,
    reason = "the shape `map_err` hands the error over in"
)]
fn refused(e: Error) -> Failure {
    localized(e.text())
}

fn localized(text: Text) -> Failure {
    Failure::Other(anyhow::Error::new(Localized::new(text)))
}

fn write_assigned(dir: &Path, assigned: &Assigned) -> Outcome {
    let mut text = serde_json::to_string_pretty(assigned).map_err(|e| anyhow!(e))?;
    text.push('\n');
    crate::output::write_all_atomic(&[(dir.join(PORTAL_FILE), text.as_bytes())])?;
    Ok(())
}

fn human_plan(p: &Plan, client: &Client, lang: Lang) -> String {
    let mut s = String::new();
    let webhook = client.webhook().masked();
    let _ = writeln!(
        s,
        "{}",
        t!("portal: {webhook}", "портал: {webhook}").get(lang)
    );
    for part in &p.parts {
        write_part(&mut s, part, lang);
    }
    let (n, c) = (p.changes(), p.conflicts());
    let reads = client.usage().requests;
    let tail = if n == 0 && c == 0 {
        t!(
            "the portal is in step with business.toml (read in {reads} requests)",
            "портал соответствует business.toml (прочитан за {reads} запросов)"
        )
    } else if n == 0 {
        t!(
            "nothing to apply; {c} conflicts need a decision (read in {reads} requests)",
            "применять нечего; {c} расхождений требуют решения (прочитан за {reads} запросов)"
        )
    } else {
        t!(
            "{n} changes pending: `regl push --apply` makes them (read in {reads} requests)",
            "ожидают изменений: {n}; их внесёт `regl push --apply` (прочитан за {reads} запросов)"
        )
    };
    let _ = writeln!(s, "{}", tail.get(lang));
    s
}

fn write_part(s: &mut String, part: &PartPlan, lang: Lang) {
    let name = part.part.as_str();
    let _ = writeln!(s, "{name}");
    for a in &part.actions {
        match a {
            Action::Create { id, summary } => {
                let _ = writeln!(s, "  + {id}  {summary}");
            }
            Action::Update { id, changes } => {
                let _ = writeln!(s, "  ~ {id}");
                for c in changes {
                    let _ = writeln!(s, "      {}: {:?} → {:?}", c.attribute, c.old, c.new);
                }
            }
            Action::Conflict { id, portal, wanted } => {
                let line = t!(
                    "  ! {id}: the portal's field is `{portal}`, business.toml asks for \
                     `{wanted}`; Bitrix24 cannot change a field's type, so it is left as it \
                     is: give the field another `code` in business.toml, or delete the \
                     portal's field by hand",
                    "  ! {id}: на портале поле типа `{portal}`, а business.toml требует \
                     `{wanted}`; тип поля в Битрикс24 не меняется, поэтому поле оставлено как \
                     есть: задайте полю другой `code` в business.toml или удалите поле на \
                     портале вручную"
                );
                let _ = writeln!(s, "{}", line.get(lang));
            }
        }
    }
    if part.part == Part::Openlines {
        let _ = writeln!(
            s,
            "{}",
            t!(
                "  not enforced by Open Lines, and where it is instead:",
                "  что открытые линии не обеспечивают и где это обеспечено:"
            )
            .get(lang)
        );
        for gap in crate::bitrix24::openlines::gaps() {
            let _ = writeln!(s, "    - {}", gap.get(lang));
        }
    }
    if !part.unchanged.is_empty() {
        let n = part.unchanged.len();
        let _ = writeln!(
            s,
            "{}",
            t!("  = {n} unchanged", "  = без изменений: {n}").get(lang)
        );
    }
    if !part.portal_only.is_empty() {
        let list = part.portal_only.join(", ");
        let line = t!(
            "  on the portal only (left as they are): {list}",
            "  только на портале (оставлены как есть): {list}"
        );
        let _ = writeln!(s, "{}", line.get(lang));
    }
}

fn human_applied(planned: &Plan, a: &Applied, client: &Client, lang: Lang) -> String {
    let mut s = String::new();
    let webhook = client.webhook().masked();
    let _ = writeln!(
        s,
        "{}",
        t!("portal: {webhook}", "портал: {webhook}").get(lang)
    );
    for part in &planned.parts {
        write_part(&mut s, part, lang);
    }
    let usage = client.usage();
    let (done, requests) = (a.done, usage.requests);
    let batches = usage.by_method.get("batch").copied().unwrap_or_default();
    let line = t!(
        "applied {done} changes; {requests} requests in all, {batches} of them batches; read \
         back and verified; ids written to `{PORTAL_FILE}`",
        "внесено изменений: {done}; всего запросов: {requests}, из них пакетных: {batches}; \
         портал прочитан заново и проверен; идентификаторы записаны в `{PORTAL_FILE}`"
    );
    let _ = writeln!(s, "{}", line.get(lang));
    s
}

fn json_out(planned: &Plan, applied: Option<&Applied>, client: &Client) -> String {
    let usage = client.usage();
    let mut v = json!({
        "webhook": client.webhook().masked(),
        "changes": planned.changes(),
        "conflicts": planned.conflicts(),
        "parts": planned.parts,
        "requests": usage.requests,
        "requests_by_method": usage.by_method,
    });
    if let Some(a) = applied {
        v["applied"] = json!({
            "done": a.done,
            "failed": a.failed.iter().map(|e| e.text().en().to_owned()).collect::<Vec<_>>(),
            "remaining": a.remaining.changes(),
            "conflicts": a.remaining.conflicts(),
        });
    }
    let mut text = serde_json::to_string_pretty(&v).unwrap_or_default();
    text.push('\n');
    text
}
