//! S501: no secret in `business.toml` or a bot config.

use crate::diag::{Diagnostic, FileId, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::BotState;
use crate::lint::secrets::{random_value, scan, secret_key};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "S501",
    name: "secret-in-config",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a secret (Bitrix24 webhook token, API key) in `business.toml` or the bot config",
        ru: "секрет (токен вебхука Битрикс24, API-ключ) в `business.toml` или в конфигурации бота",
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
the environment (e.g. `BITRIX24_WEBHOOK_URL`, which `regl push` reads). Then revoke the leaked webhook in Bitrix24 and
create a new one: it stays in the git history."#,
        ru: r#"**Что проверяет.** В тексте `business.toml` и каждой конфигурации бота нет URL входящего
вебхука Битрикс24 с секретом (`https://<portal>/rest/<user>/<secret>/`), ключа `sk-…` в
формате OpenAI, ключа Yandex Cloud `AQVN…` или OAuth-токена `y0_…`, токена Telegram-бота
(`7012345678:AAH…`) и (в конфигурациях бота) длинного случайного значения под ключом с
именем вроде `token`, `secret`, `api_key` или `password`. Домен портала сам по себе
(`lada.bitrix24.ru`) допустим.

**Почему это важно.** Эти файлы лежат в git и копируются в документы и экспорт. Секрет
вебхука даёт все права его создателя на портале: любой, кто читает репозиторий, может
прочитать и удалить каждую карточку клиента — это утечка персональных данных, о которой
нужно сообщить в Роскомнадзор в течение 24 часов.

**Пример.**

```toml
[crm]
portal = "https://lada.bitrix24.ru/rest/1/x8k2m9q4w7e1r5t3/"
```

**Как исправить.** Оставьте в файле только домен портала; секрет передавайте боту через
переменную окружения (например, `BITRIX24_WEBHOOK_URL`, её читает `regl push`). Затем отзовите утёкший вебхук в
Битрикс24 и создайте новый: в истории git старый останется."#,
    },
    scope: Scope::Config,
    check,
};

fn report(
    out: &mut Vec<Diagnostic>,
    file: FileId,
    span: std::ops::Range<usize>,
    what: &Text,
    path: &str,
) {
    out.push(
        Diagnostic::finding(
            "S501",
            Severity::Error,
            t!(
                "{what} in `{path}`",
                "{what} в файле `{path}`",
                what = *what,
                path = path,
            ),
        )
        .at(
            file,
            span,
            t!(
                "a secret: it must not be in this file",
                "секрет: ему не место в этом файле"
            ),
        )
        .hint(t!(
            "remove it and pass it through the environment; revoke it and issue a new one, since it stays in git history",
            "уберите его и передавайте через переменную окружения; отзовите его и выпустите новый: в истории git он останется"
        )),
    );
}

/// What a hit looks like, as a message names it.
fn looks_like(hit_what: StaticText) -> Text {
    Text::new(hit_what.en, hit_what.ru)
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let toml = cx.sources.get(cx.file);
    let shown = toml.path.display().to_string();
    for hit in scan(&toml.text) {
        report(out, cx.file, hit.span, &looks_like(hit.what), &shown);
    }
}

/// S501 over the bot configs of `cx`: run with the bot rules, on each config as it is
/// read ([`crate::lint::bot_findings`]), not with the rules of `business.toml`.
pub fn check_bots(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for bot in cx.bots {
        let BotState::Parsed { file, root } = &bot.state else {
            continue;
        };
        let src = cx.sources.get(*file);
        let shown = src.path.display().to_string();
        let hits = scan(&src.text);
        for hit in &hits {
            report(out, *file, hit.span.clone(), &looks_like(hit.what), &shown);
        }
        let mut strings = Vec::new();
        root.strings(None, &mut strings);
        for (key, v) in strings {
            let covered = || {
                hits.iter()
                    .any(|h| h.span.start < v.span.end && v.span.start < h.span.end)
            };
            // Cheapest first: most values are short or hold a space.
            if let (Some(k), Some(s)) = (key, v.as_str())
                && random_value(s)
                && secret_key(k)
                && !covered()
            {
                report(
                    out,
                    *file,
                    v.span.clone(),
                    &t!("a credential under `{k}`", "секрет под ключом `{k}`"),
                    &shown,
                );
            }
        }
    }
}
