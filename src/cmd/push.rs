//! `regl push` (SPEC §8): the Bitrix24 portal brought in step with `business.toml`.
//!
//! Preflight first, so nothing is read or changed on a portal that does not fit: the webhook
//! from `BITRIX24_WEBHOOK_URL` only, its host against `[crm].portal`, its scopes (`scope`) and
//! the portal's CRM mode against `[crm].mode`. Then the plan (exit 0 in step, 1 changes
//! pending), or with `--apply` the changes, the read-back and `OUT/bitrix24-portal.json`.
//! `--location` narrows the Open Lines to those locations' lines. `--test-leads` and
//! `--remove-test-leads` skip the plan and hand over to [`super::push_pilot`].
//!
//! The webhook's secret is never printed or written: messages carry the masked URL, and the
//! file holds only the ids the portal assigned. What is printed is [`super::push_report`]'s.

use std::io::IsTerminal as _;
use std::path::Path;

use anyhow::anyhow;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde_json::json;

use crate::bitrix24::apply;
use crate::bitrix24::client::{
    Client, Error, MAX_COMMANDS, Options, TIMEOUT_ENV, Timeouts, WebhookUrl,
};
use crate::bitrix24::desired::Desired;
use crate::bitrix24::enforcement;
use crate::bitrix24::plan::{self, Assigned, Part};
use crate::bitrix24::scope::Scope;
use crate::cli::{PushArgs, PushFormat};
use crate::i18n::{self, Lang, Text, localized::Localized, t};
use crate::model::enums::CrmMode;

use super::push_report::Report;
use super::{Failure, Outcome, print_stdout};

/// The file the portal's ids are written to after an apply.
pub const PORTAL_FILE: &str = "bitrix24-portal.json";

pub fn run(args: &PushArgs) -> Outcome {
    let (_sources, loaded) = super::load_for_output(&args.business.config)?;
    let b = &loaded.business;
    let lang = i18n::choose(Some(b.lang()));
    let desired = Desired::new(b);
    let locations: Vec<String> = super::export::select(b, &args.locations, lang)?
        .iter()
        .map(|l| l.id.as_str().to_owned())
        .collect();
    let scope = Scope::new(&args.only, &locations);
    let not_enforced = if scope.has(Part::Openlines) {
        enforcement::not_enforced(b)
    } else {
        Vec::new()
    };
    let timeouts = Timeouts::from_env().map_err(|raw| {
        localized(t!(
            "`{TIMEOUT_ENV}` is `{raw}`: give the seconds to wait for each answer of the \
             portal, from 1 to 600, or leave it unset for 75",
            "`{TIMEOUT_ENV}` = `{raw}`: укажите, сколько секунд ждать каждого ответа портала, \
             от 1 до 600, или не задавайте переменную (тогда 75)",
            raw = raw
        ))
    })?;

    let pilot_needed = if args.test_leads {
        let needed =
            crate::bitrix24::pilot::needed(b, &super::export::select(b, &args.locations, lang)?);
        let phones = b.pilot.as_ref().is_some_and(|p| !p.phones.is_empty());
        if !phones {
            return Err(localized(super::push_pilot::no_phones()));
        }
        needed
    } else {
        Vec::new()
    };

    let webhook = WebhookUrl::from_env().map_err(refused)?;
    webhook.check_portal(&desired.portal).map_err(refused)?;
    let client = Client::new(
        webhook,
        Options {
            timeouts,
            ..Options::default()
        },
    );
    if args.test_leads || args.remove_test_leads {
        preflight(&client, &[])?;
        let mode = client
            .call("crm.settings.mode.get", &json!({}))
            .map_err(refused)?;
        check_mode(mode.as_u64(), desired.mode)?;
        // `--location` narrows the pilot's records only when given.
        let only: &[String] = if args.locations.is_empty() {
            &[]
        } else {
            &locations
        };
        return if args.test_leads {
            super::push_pilot::prepare(&client, &desired, &pilot_needed, only, args.format, lang)
        } else {
            super::push_pilot::remove(&client, &desired, only, args.format, lang)
        };
    }
    preflight(&client, &scope.parts)?;
    let state = plan::read(&client, &desired, &scope.parts).map_err(refused)?;
    check_mode(state.mode, desired.mode)?;
    let planned = plan::plan(&desired, &state, &scope);
    let report = Report {
        planned: &planned,
        not_enforced: &not_enforced,
        client: &client,
        lang,
    };

    if !args.apply {
        if !args.check {
            let text = match args.format {
                PushFormat::Human => report.human(None),
                PushFormat::Json => report.json(None),
            };
            print_stdout(&text)?;
        }
        return if planned.changes() + planned.conflicts() > 0 {
            Err(Failure::Findings)
        } else {
            Ok(())
        };
    }

    let progress = progress_bar(&client, planned.changes(), args.format, lang);
    let applied = apply::apply(&client, &desired, &state, &planned, &scope);
    progress.finish_and_clear();
    let applied = applied.map_err(refused)?;
    let out_dir = args.out.clone().unwrap_or_else(|| loaded.dir().join("out"));
    write_assigned(&out_dir, &Assigned::new(&desired, &applied.after))?;
    let text = match args.format {
        PushFormat::Human => report.human(Some(&applied)),
        PushFormat::Json => report.json(Some(&applied)),
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
pub(super) fn refused(e: Error) -> Failure {
    localized(e.text())
}

pub(super) fn localized(text: Text) -> Failure {
    Failure::Other(anyhow::Error::new(Localized::new(text)))
}

fn write_assigned(dir: &Path, assigned: &Assigned) -> Outcome {
    let mut text = serde_json::to_string_pretty(assigned).map_err(|e| anyhow!(e))?;
    text.push('\n');
    crate::output::write_all_atomic(&[(dir.join(PORTAL_FILE), text.as_bytes())])?;
    Ok(())
}

/// A bar on stderr while the changes go out and the portal is read back: one step per
/// request (⌈changes / 50⌉ batches, then the read-back). Hidden unless stderr is a terminal,
/// and for `--format json`, whose reader is a program. It shows counts only, never a URL.
fn progress_bar(client: &Client, changes: usize, format: PushFormat, lang: Lang) -> ProgressBar {
    if format == PushFormat::Json || !std::io::stderr().is_terminal() {
        return ProgressBar::hidden();
    }
    let batches = changes.div_ceil(MAX_COMMANDS) as u64;
    let bar = ProgressBar::with_draw_target(Some(batches + 1), ProgressDrawTarget::stderr());
    let template = Text::new(
        "{prefix} [{bar:30}] {pos}/{len} requests",
        "{prefix} [{bar:30}] {pos}/{len} запросов",
    );
    if let Ok(style) = ProgressStyle::with_template(template.get(lang)) {
        bar.set_style(style.progress_chars("=> "));
    }
    let applying = Text::new("applying", "применение").get(lang).to_owned();
    let verifying = Text::new("verifying", "проверка").get(lang).to_owned();
    bar.set_prefix(if batches == 0 {
        verifying.clone()
    } else {
        applying
    });
    let ticks = bar.clone();
    client.on_request(move |_| {
        ticks.inc(1);
        // A retry after a refusal is a request too: the bar grows rather than overflows.
        if ticks.position() >= ticks.length().unwrap_or(0) {
            ticks.inc_length(1);
        }
        if ticks.position() >= batches {
            ticks.set_prefix(verifying.clone());
        }
    });
    bar
}
