//! S501: no secret in `business.toml` or a bot config.

use crate::diag::{Diagnostic, FileId, Severity};
use crate::i18n::StaticText;
use crate::lint::bot::BotState;
use crate::lint::secrets::{random_value, scan, secret_key};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "S501",
    name: "secret-in-config",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a secret (Bitrix24 webhook token, API key) in `business.toml` or the bot config",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The text of `business.toml` and of every bot config holds no Bitrix24
inbound-webhook URL with its secret (`https://<portal>/rest/<user>/<secret>/`), no
OpenAI-style `sk-…` key, no Yandex Cloud `AQVN…` key or `y0_…` OAuth token, no Telegram
bot token (`7012345678:AAH…`), and (in bot configs) no long random value under a key named like `token`, `secret`, `api_key` or
`password`. A plain portal domain (`lada.bitrix24.ru`) is fine.

**Why it matters.** These files live in git and are copied to documents and exports. A
webhook secret grants its creator's full rights on the portal: anyone who reads the
repository can read and delete every client card — a personal-data breach to report to
Roskomnadzor within 24 hours.

**Example.**

```toml
[crm]
portal = "https://lada.bitrix24.ru/rest/1/x8k2m9q4w7e1r5t3/"
```

**How to fix.** Keep only the portal domain in the file; give the bot its secret through
the environment (e.g. `BITRIX24_WEBHOOK`). Then revoke the leaked webhook in Bitrix24 and
create a new one: it stays in the git history."#,
        ru: "",
    },
    scope: Scope::Config,
    check,
};

fn report(
    out: &mut Vec<Diagnostic>,
    file: FileId,
    span: std::ops::Range<usize>,
    what: &str,
    path: &str,
) {
    out.push(
        Diagnostic::finding("S501", Severity::Error, format!("{what} in `{path}`"))
            .at(file, span, "a secret: it must not be in this file")
            .hint("remove it and pass it through the environment; revoke it and issue a new one, since it stays in git history"),
    );
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let toml = cx.sources.get(cx.file);
    let shown = toml.path.display().to_string();
    for hit in scan(&toml.text) {
        report(out, cx.file, hit.span, hit.what, &shown);
    }
    for bot in cx.bots {
        let BotState::Parsed { file, root } = &bot.state else {
            continue;
        };
        let src = cx.sources.get(*file);
        let shown = src.path.display().to_string();
        let hits = scan(&src.text);
        for hit in &hits {
            report(out, *file, hit.span.clone(), hit.what, &shown);
        }
        let mut strings = Vec::new();
        root.strings(None, &mut strings);
        for (key, v) in strings {
            let covered = hits
                .iter()
                .any(|h| h.span.start < v.span.end && v.span.start < h.span.end);
            if let (Some(k), Some(s)) = (key, v.as_str())
                && !covered
                && secret_key(k)
                && random_value(s)
            {
                report(
                    out,
                    *file,
                    v.span.clone(),
                    &format!("a credential under `{k}`"),
                    &shown,
                );
            }
        }
    }
}
