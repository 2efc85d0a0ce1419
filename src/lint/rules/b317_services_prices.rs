//! B317: the bot quotes and offers the price list of `business.toml` — its services with
//! prices and durations, the service list's rows, the upsell offers — and its price text
//! names every service.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::{BotDoc, fix_hint};
use crate::lint::bot_derived::check_path;
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B317",
    name: "bot-services-prices",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot's services, prices, service list or upsell offers differ from business.toml",
        ru: "услуги, цены, список услуг или допродажи бота расходятся с business.toml",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The bot config's `services` (id, name, price, price text, duration,
prepayment, upsell) are `[[services]]`; every step that asks for the service lists the same
rows (`options`); `upsell` offers what `services.upsell` gives; the price branch's price
list names every service.

**Why it matters.** The documents, the bot and the CRM must say the same numbers: a bot
quoting last month's prices binds the business to them (a public offer), and a service
missing from the list cannot be booked through the bot.

**Example.**

```json
"services": [ { "id": "haircut", "price_from": 1500, … } ]   // [[services]] price_from = 1800
```

**How to fix.** `regl lint --fix` puts the values back; change `[[services]]` if the price
list itself changed."#,
        ru: r#"**Что проверяет.** `services` конфигурации бота (id, название, цена, её текст,
длительность, предоплата, допродажи) совпадают с `[[services]]`; каждый шаг, где бот
спрашивает услугу, показывает те же строки (`options`); `upsell` предлагает то, что задано в
`services.upsell`; прайс-лист ветки цен называет каждую услугу.

**Почему это важно.** Документы, бот и CRM должны называть одни и те же числа: бот, который
называет цены прошлого месяца, связывает ими бизнес (публичная оферта), а услугу, которой нет
в списке, через бота не записать.

**Пример.**

```json
"services": [ { "id": "haircut", "price_from": 1500, … } ]   // в [[services]] price_from = 1800
```

**Как исправить.** `regl lint --fix` вернёт значения; если изменился сам прайс-лист, измените
`[[services]]`."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let what = Text::new("the services and prices", "Услуги и цены");
    for doc in cx.bot_docs() {
        check_path(&doc, "B317", &["services"], &[], &what, out);
        check_path(
            &doc,
            "B317",
            &["upsell"],
            &["say", "text", "words"],
            &what,
            out,
        );
        options(&doc, &what, out);
        price_list(cx, &doc, out);
    }
}

/// Each step asking for the service shows the exported rows.
fn options(doc: &BotDoc<'_>, what: &Text, out: &mut Vec<Diagnostic>) {
    let Ok(branches) = doc.find(&["branches"]) else {
        return;
    };
    let Some(want) = doc
        .expected()
        .get("branches")
        .and_then(|b| b.as_array())
        .into_iter()
        .flatten()
        .flat_map(|b| b["steps"].as_array().into_iter().flatten())
        .find(|s| s["ask"] == "service")
        .map(|s| s["options"].clone())
    else {
        return;
    };
    for (bi, br) in branches.as_array().unwrap_or_default().iter().enumerate() {
        let steps = br.get("steps").and_then(Json::as_array).unwrap_or_default();
        for (si, st) in steps.iter().enumerate() {
            if st.get("ask").and_then(Json::as_str) != Some("service") {
                continue;
            }
            let (b, s) = (bi.to_string(), si.to_string());
            let path = ["branches", b.as_str(), "steps", s.as_str(), "options"];
            let mut diffs = Vec::new();
            let dotted = path.join(".");
            match st.get("options") {
                Some(have) => {
                    crate::lint::bot_derived::differences(have, &want, &dotted, &[], &mut diffs);
                }
                None => diffs.push(crate::lint::bot_derived::Difference {
                    path: dotted,
                    span: st.span.start..st.span.start + 1,
                    want: Some(want.clone()),
                }),
            }
            let loc = doc.location.id.as_str();
            for d in diffs {
                let (p, w) = (
                    d.path,
                    d.want
                        .as_ref()
                        .map_or_else(|| "—".to_owned(), crate::lint::bot_derived::shown),
                );
                out.push(
                    Diagnostic::finding(
                        "B317",
                        Severity::Error,
                        t!(
                            "{what} of the bot of `{loc}` drifted from business.toml: `{p}` should be {w}",
                            "{what} у бота филиала `{loc}` разошлись с business.toml: `{p}` должно быть {w}",
                            what = what.clone(),
                            loc = loc,
                            p = p,
                            w = w,
                        ),
                    )
                    .at(doc.file, d.span, t!("the service list", "список услуг"))
                    .hint(t!(
                        "list the services of [[services]] ({fix})",
                        "перечислите услуги из [[services]] ({fix})",
                        fix = fix_hint(),
                    )),
                );
            }
        }
    }
}

/// The price branch's first text names every service.
fn price_list(cx: &Context<'_>, doc: &BotDoc<'_>, out: &mut Vec<Diagnostic>) {
    let Ok(branches) = doc.find(&["branches"]) else {
        return;
    };
    let Some(price) = branches
        .as_array()
        .unwrap_or_default()
        .iter()
        .find(|b| b.get("id").and_then(Json::as_str) == Some("price"))
    else {
        return;
    };
    let Some(first) = price
        .get("steps")
        .and_then(Json::as_array)
        .and_then(|s| s.first())
        .and_then(|s| s.get("say"))
    else {
        return;
    };
    let text = first.as_str().unwrap_or_default();
    let loc = doc.location.id.as_str();
    for s in &cx.business.services {
        let name = s.name.as_str();
        if text.contains(name) {
            continue;
        }
        out.push(
            Diagnostic::finding(
                "B317",
                Severity::Error,
                t!(
                    "the price list of the bot of `{loc}` does not name «{name}»",
                    "прайс-лист бота филиала `{loc}` не называет «{name}»"
                ),
            )
            .at(
                doc.file,
                first.span.clone(),
                t!("the price list", "прайс-лист"),
            )
            .also(cx.file, s.name.span.clone(), t!("the service", "услуга"))
            .hint(t!(
                "add «{name}» with its price ({fix})",
                "добавьте «{name}» с ценой ({fix})",
                name = name,
                fix = fix_hint(),
            )),
        );
    }
}
