//! B301: each location's bot config exists, reads, has the known schema and is its own; a
//! version-1 file is read through the upgrade, with a warning that says how to upgrade it.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::{BOT_SCHEMA, BOT_SCHEMA_V1, BotInput, BotState};
use crate::lint::json::Json;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B301",
    name: "bot-config-unusable",
    severities: &[Severity::Error, Severity::Warning],
    summary: StaticText {
        en: "bot config missing, unreadable, wrong schema version, or for another location (warning: version 1, read through the upgrade)",
        ru: "конфигурации бота нет, она не читается, у неё другая версия схемы или она от другого филиала (предупреждение: версия 1, прочитанная через обновление)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** For each location, the file named by `bot_config` (or each `--bot FILE`)
exists, is JSON, has `"regl_bot_schema": 2` and a `"location"` equal to the location's id.
A version-1 file is still read, upgraded as docs/bot-runtime.md ("Upgrading from version 1")
describes, with a warning: every other rule then checks the upgraded content, pointing at the
values in the file.

**Why it matters.** The bot runtime answers clients from this file. If it is missing or is
another city's copy, the bot tells Omsk clients Ufa's hours and escalates to Ufa's duty
phone; every other bot check (B302–B310) depends on reading it.

**Example.**

```json
{ "regl_bot_schema": 2, "location": "ufa", … }   // in bot/omsk.json
```

**How to fix.** `regl export --bot-configs` writes each location's `bot_config` from
`business.toml`; `regl lint --fix` upgrades a version-1 file in place, keeping the team's
texts. Keep one file per location."#,
        ru: r#"**Что проверяет.** Для каждого филиала файл, указанный в `bot_config` (или каждый
`--bot FILE`), существует, является JSON, содержит `"regl_bot_schema": 2` и `"location"`,
равный идентификатору филиала. Файл версии 1 по-прежнему читается — через обновление,
описанное в docs/bot-runtime.md («Upgrading from version 1»), — с предупреждением: остальные
правила проверяют обновлённое содержимое и указывают на значения в самом файле.

**Почему это важно.** По этому файлу среда выполнения бота отвечает клиентам. Если его нет
или это копия другого города, бот называет омским клиентам часы работы Уфы и передаёт
эскалации на дежурный телефон Уфы; все остальные проверки бота (B302–B310) опираются на
этот файл.

**Пример.**

```json
{ "regl_bot_schema": 2, "location": "ufa", … }   // в bot/omsk.json
```

**Как исправить.** `regl export --bot-configs` пишет `bot_config` каждого филиала по
`business.toml`; `regl lint --fix` обновляет файл версии 1 на месте, сохраняя тексты команды.
Держите по одному файлу на филиал."#,
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
            "write it anew with `regl export --bot-configs`",
            "запишите её заново командой `regl export --bot-configs`"
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
                    "run `regl export --bot-configs` to write it, or fix the path",
                    "запустите `regl export --bot-configs`, чтобы записать её, или исправьте путь"
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
                    "конфигурация бота `{shown}` — некорректный JSON: {message}",
                    shown = shown,
                    message = *message,
                ))
                .at(*file, span.clone(), message.clone())
                .hint(t!(
                    "fix the JSON (no comments or trailing commas), or write the file anew with `regl export --bot-configs`",
                    "исправьте JSON (без комментариев и висячих запятых) или запишите файл заново командой `regl export --bot-configs`"
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
                    "add \"regl_bot_schema\": {BOT_SCHEMA}, or write the file anew with `regl export --bot-configs`",
                    "добавьте \"regl_bot_schema\": {BOT_SCHEMA} или запишите файл заново командой `regl export --bot-configs`"
                )),
            );
        }
        Some(m) if m.value.as_u64() == Some(BOT_SCHEMA_V1) => {
            if let Some(d) = version_1(input, file, m) {
                return Some(d);
            }
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
                    "write it anew with this regl's `regl export --bot-configs`",
                    "запишите её заново командой `regl export --bot-configs` этой версии regl"
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
                "add \"location\": \"<id>\", or write the file anew with `regl export --bot-configs`",
                "добавьте \"location\": \"<id>\" или запишите файл заново командой `regl export --bot-configs`"
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
                    "give `{user}` its own bot config (`regl export --bot-configs` writes one per location)",
                    "дайте `{user}` собственную конфигурацию бота (`regl export --bot-configs` пишет по одной на филиал)"
                )),
            )
        }
        _ => upgrade_warning(input, file, root),
    }
}

/// A version-1 file: an error where a value has no meaning in version 1 (the upgrade
/// stops there), else the warning that it is read through the upgrade. The warning comes
/// after the location checks, so `None` here lets those run.
fn version_1(
    input: &BotInput,
    file: crate::diag::FileId,
    m: &crate::lint::json::Member,
) -> Option<Diagnostic> {
    let shown = input.path.display();
    match &input.upgraded {
        Some(Err(f)) => {
            let (path, value) = (&f.path, &f.value);
            Some(
                Diagnostic::finding(
                    "B301",
                    Severity::Error,
                    t!(
                        "bot config `{shown}` (version 1) has `{path}` = `{value}`, which version 1 does not define",
                        "в конфигурации бота `{shown}` (версия 1) `{path}` = `{value}`, а версия 1 такого значения не знает"
                    ),
                )
                .at(file, f.span.clone(), t!("unknown value", "неизвестное значение"))
                .hint(t!(
                    "correct the value (docs/bot-runtime.md lists the known ones), then upgrade with `regl lint --fix`; or write the file anew with `regl export --bot-configs`",
                    "исправьте значение (известные перечислены в docs/bot-runtime.md), затем обновите файл командой `regl lint --fix` или запишите его заново командой `regl export --bot-configs`"
                )),
            )
        }
        Some(Ok(_)) => None,
        None => Some(
            Diagnostic::finding(
                "B301",
                Severity::Error,
                t!(
                    "bot config `{shown}` says version 1 but is not a version-1 bot config",
                    "конфигурация бота `{shown}` заявляет версию 1, но не соответствует ей"
                ),
            )
            .at(file, m.value.span.clone(), t!("version 1", "версия 1"))
            .hint(t!(
                "write the file anew with `regl export --bot-configs`",
                "запишите файл заново командой `regl export --bot-configs`"
            )),
        ),
    }
}

/// The warning for a usable version-1 file.
fn upgrade_warning(input: &BotInput, file: crate::diag::FileId, root: &Json) -> Option<Diagnostic> {
    if !matches!(input.upgraded, Some(Ok(_))) {
        return None;
    }
    let m = root.member("regl_bot_schema")?;
    let shown = input.path.display();
    Some(
        Diagnostic::finding(
            "B301",
            Severity::Warning,
            t!(
                "bot config `{shown}` has schema version 1: it is read through the upgrade to version 2",
                "у конфигурации бота `{shown}` версия схемы 1: она читается через обновление до версии 2"
            ),
        )
        .at(
            file,
            m.value.span.clone(),
            t!("version 1", "версия 1"),
        )
        .hint(t!(
            "upgrade it in place with `regl lint --fix` (the team's texts are kept), or write it anew with `regl export --bot-configs` when the team has no edits to keep",
            "обновите её на месте командой `regl lint --fix` (тексты команды сохранятся) или запишите заново командой `regl export --bot-configs`, если правки команды сохранять не нужно"
        )),
    )
}

fn text(v: &Json) -> Text {
    v.as_f64()
        .map_or_else(|| v.kind_name(), |n| Text::same(n.to_string()))
}
