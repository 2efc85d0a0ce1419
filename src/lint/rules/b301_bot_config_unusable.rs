//! B301: each location's bot config exists, reads, has the known schema and is its own.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::{BOT_SCHEMA, BotInput, BotState};
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B301",
    name: "bot-config-unusable",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "bot config missing, unreadable, wrong schema version, or for another location",
        ru: "конфигурации бота нет, она не читается, у неё другая версия схемы или она от другого филиала",
    },
    explanation: StaticText {
        en: r#"**What it checks.** For each location, the file named by `bot_config` (or each `--bot FILE`)
exists, is JSON, has `"regl_bot_schema": 1` and a `"location"` equal to the location's id.

**Why it matters.** The bot runtime answers clients from this file. If it is missing or is
another city's copy, the bot tells Omsk clients Ufa's hours and escalates to Ufa's duty
phone; every other bot check (B302–B310) depends on reading it.

**Example.**

```json
{ "regl_bot_schema": 1, "location": "ufa", … }   // in bot/omsk.json
```

**How to fix.** Run `regl export` and copy `OUT/<loc>/bot-scripts-<loc>.json` to the
`bot_config` path (or point `bot_config` at it); keep one file per location."#,
        ru: r#"**Что проверяет.** Для каждого филиала файл, указанный в `bot_config` (или каждый
`--bot FILE`), существует, является JSON, содержит `"regl_bot_schema": 1` и `"location"`,
равный идентификатору филиала.

**Почему это важно.** По этому файлу среда выполнения бота отвечает клиентам. Если его нет
или это копия другого города, бот называет омским клиентам часы работы Уфы и передаёт
эскалации на дежурный телефон Уфы; все остальные проверки бота (B302–B310) опираются на
этот файл.

**Пример.**

```json
{ "regl_bot_schema": 1, "location": "ufa", … }   // в bot/omsk.json
```

**Как исправить.** Запустите `regl export` и скопируйте `OUT/<loc>/bot-scripts-<loc>.json`
по пути `bot_config` (или укажите этот файл в `bot_config`); держите по одному файлу на
филиал."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for input in cx.bots {
        if let Some(d) = problem(cx, input) {
            out.push(d);
        }
    }
}

fn problem(cx: &Context<'_>, input: &BotInput) -> Option<Diagnostic> {
    let shown = input.path.display();
    let owner = input.owner.map(|i| &cx.business.locations[i]);
    let at_owner = |d: Diagnostic, label: Text| match owner {
        Some(l) => d.at(cx.file, l.bot_config.span.clone(), label),
        None => d,
    };
    let finding = |msg: Text| Diagnostic::finding("B301", Severity::Error, msg);
    let regenerate = || {
        t!(
            "regenerate it with `regl export`",
            "пересоздайте её командой `regl export`"
        )
    };
    let (file, root) = match &input.state {
        BotState::Missing => {
            let d = finding(t!(
                "bot config `{shown}` does not exist",
                "конфигурации бота `{shown}` нет"
            ));
            return Some(
                at_owner(d, t!("this file is missing", "этого файла нет")).hint(t!(
                    "run `regl export` and put the location's bot-scripts JSON here, or fix the path",
                    "запустите `regl export` и положите сюда JSON со сценариями бота этого филиала или исправьте путь"
                )),
            );
        }
        BotState::Unreadable(why) => {
            let d = finding(t!(
                "bot config `{shown}` cannot be read: {why}",
                "конфигурацию бота `{shown}` не удаётся прочитать: {why}",
                shown = shown,
                why = *why,
            ));
            return Some(at_owner(d, t!("unreadable", "не читается")).hint(regenerate()));
        }
        BotState::Syntax {
            file,
            span,
            message,
        } => {
            return Some(
                finding(t!(
                    "bot config `{shown}` is not valid JSON: {message}",
                    "конфигурация бота `{shown}` — не корректный JSON: {message}",
                    shown = shown,
                    message = *message,
                ))
                .at(*file, span.clone(), message.clone())
                .hint(t!(
                    "fix the JSON (no comments or trailing commas), or regenerate it with `regl export`",
                    "исправьте JSON (без комментариев и висячих запятых) или пересоздайте её командой `regl export`"
                )),
            );
        }
        BotState::Parsed { file, root } => (*file, root),
    };
    if !root.is_object() {
        return Some(
            finding(t!(
                "bot config `{shown}` is {kind}, not a JSON object",
                "конфигурация бота `{shown}` — {kind}, а не объект JSON",
                shown = shown,
                kind = root.kind_name(),
            ))
            .at(
                file,
                root.span.start..root.span.start + 1,
                t!("expected `{{`", "ожидается `{{`"),
            )
            .hint(regenerate()),
        );
    }
    let brace = root.span.start..root.span.start + 1;
    match root.member("regl_bot_schema") {
        None => {
            return Some(
                finding(t!(
                    "bot config `{shown}` has no `regl_bot_schema`",
                    "в конфигурации бота `{shown}` нет `regl_bot_schema`"
                ))
                .at(
                    file,
                    brace,
                    t!("not a regl bot config", "это не конфигурация бота regl"),
                )
                .hint(t!(
                    "add \"regl_bot_schema\": {BOT_SCHEMA}, or regenerate it with `regl export`",
                    "добавьте \"regl_bot_schema\": {BOT_SCHEMA} или пересоздайте её командой `regl export`"
                )),
            );
        }
        Some(m) if m.value.as_u64() != Some(BOT_SCHEMA) => {
            return Some(
                finding(t!(
                    "bot config `{shown}` has schema version {version}, this regl reads {BOT_SCHEMA}",
                    "у конфигурации бота `{shown}` версия схемы {version}, а эта версия regl читает {BOT_SCHEMA}",
                    shown = shown,
                    version = text(&m.value),
                ))
                .at(
                    file,
                    m.value.span.clone(),
                    t!("unsupported schema version", "неподдерживаемая версия схемы"),
                )
                .hint(t!(
                    "regenerate it with this regl's `regl export`",
                    "пересоздайте её командой `regl export` этой версии regl"
                )),
            );
        }
        Some(_) => {}
    }
    let Some(loc) = root.member("location") else {
        return Some(
            at_owner(
                finding(t!(
                    "bot config `{shown}` does not say which location it is for",
                    "в конфигурации бота `{shown}` не сказано, для какого она филиала"
                ))
                .at(file, brace, t!("no `location`", "нет `location`")),
                t!(
                    "the location it should be for",
                    "филиал, для которого она должна быть"
                ),
            )
            .hint(t!(
                "add \"location\": \"<id>\", or regenerate it with `regl export`",
                "добавьте \"location\": \"<id>\" или пересоздайте её командой `regl export`"
            )),
        );
    };
    let named = loc.value.as_str().unwrap_or_default();
    let known = cx
        .business
        .locations
        .iter()
        .position(|l| l.id.as_str() == named);
    match (known, owner) {
        (None, _) => {
            let ids: Vec<&str> = cx
                .business
                .locations
                .iter()
                .map(|l| l.id.as_str())
                .collect();
            let ids = ids.join(", ");
            Some(
                finding(t!(
                    "bot config `{shown}` is for location `{named}`, which business.toml does not have",
                    "конфигурация бота `{shown}` — для филиала `{named}`, которого нет в business.toml"
                ))
                .at(
                    file,
                    loc.value.span.clone(),
                    t!("unknown location", "неизвестный филиал"),
                )
                .hint(t!("the locations are: {ids}", "филиалы: {ids}")),
            )
        }
        (Some(i), Some(o)) if cx.business.locations[i].id.as_str() != o.id.as_str() => {
            let user = o.id.as_str();
            Some(
                finding(t!(
                    "bot config `{shown}` is for `{named}` but location `{user}` uses it",
                    "конфигурация бота `{shown}` — для `{named}`, а использует её филиал `{user}`"
                ))
                .at(
                    file,
                    loc.value.span.clone(),
                    t!("`{named}`'s config", "конфигурация `{named}`"),
                )
                .also(
                    cx.file,
                    o.bot_config.span.clone(),
                    t!("`{user}` points here", "`{user}` ссылается сюда"),
                )
                .hint(t!(
                    "give `{user}` its own bot config (`regl export` writes one per location)",
                    "дайте `{user}` собственную конфигурацию бота (`regl export` пишет по одной на филиал)"
                )),
            )
        }
        _ => None,
    }
}

fn text(v: &Json) -> Text {
    v.as_f64()
        .map_or_else(|| v.kind_name(), |n| Text::same(n.to_string()))
}
