//! B313: the bot config is version 2's shape — no unknown key, no value outside the known
//! ones for `when`, `action`, `ask`, `choice` and the like, every value of its type, and
//! every `goto` and button `branch` naming a branch the config has — as the runtime's
//! strict reader (and `regl schema bot`) expects.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::bot::{BOT_SCHEMA, BotDoc, fix_hint};
use crate::lint::json::{Json, Kind, Steps};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B313",
    name: "bot-config-shape",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the bot config has an unknown key, a value no runtime knows (when, action, ask …), a value of the wrong type or a goto to no branch",
        ru: "в конфигурации бота неизвестный ключ, значение, которого не знает среда выполнения (when, action, ask …), значение не того типа или переход в несуществующую ветку",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The bot config reads as version 2 (`regl schema bot`): every key is
one the schema defines (the team's own go under `x`), `when`, `action`, `ask`, `choice`,
`basis`, `record` and tag `when` hold one of their known values, and every value has its
type. The first place that does not is reported; fix it and run lint again. Every `goto`
of a step and every `branch` of a button names a branch of the config's `branches`; each
one that does not is reported at its value.

**Why it matters.** A runtime cannot execute `"action": "bok"` or `"when": "late-cancel"`:
one skips the step, another stops, and two runtimes behave differently. An unknown key is
usually a typo of a known one, which the runtime then silently goes without. A `goto` or a
button that names no branch leads the client nowhere at the moment they agreed to book.

**Example.**

```json
{ "when": "late-cancel", "say": "…", "action": "cancel" }
{ "when": "agreed", "say": "Отлично!", "goto": "bookng" }
```

**How to fix.** Correct the value to a known one (docs/bot-runtime.md lists them) or to the
id of one of the config's branches, or move the team's own key under `x`."#,
        ru: r#"**Что проверяет.** Конфигурация бота читается как версия 2 (`regl schema bot`): каждый
ключ определён схемой (собственные ключи команды — в `x`), `when`, `action`, `ask`, `choice`,
`basis`, `record` и `when` тегов принимают одно из известных значений, у каждого значения
свой тип. Сообщается первое несоответствие; исправьте его и запустите проверку снова.
Каждый `goto` шага и каждый `branch` кнопки называют ветку из `branches` конфигурации;
о каждом, который не называет, сообщается у его значения.

**Почему это важно.** Среда выполнения не может выполнить `"action": "bok"` или
`"when": "late-cancel"`: одна пропустит шаг, другая остановится, и две среды поведут себя
по-разному. Неизвестный ключ — обычно опечатка в известном, без которого среда молча
обойдётся. `goto` или кнопка, не называющие ни одной ветки, никуда не ведут клиента в тот
момент, когда он согласился записаться.

**Пример.**

```json
{ "when": "late-cancel", "say": "…", "action": "cancel" }
{ "when": "agreed", "say": "Отлично!", "goto": "bookng" }
```

**Как исправить.** Исправьте значение на известное (их перечисляет docs/bot-runtime.md) или
на id одной из веток конфигурации либо перенесите собственный ключ команды в `x`."#,
    },
    scope: Scope::Bot,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in cx.bot_docs() {
        if doc.version != BOT_SCHEMA {
            continue;
        }
        dangling_targets(&doc, out);
        let text = &cx.sources.get(doc.file).text;
        let Some(e) = doc.strict_error() else {
            continue;
        };
        let offset = offset_of(text, e.line(), e.column());
        let span = smallest_ending_at(doc.root, offset)
            .unwrap_or_else(|| offset.saturating_sub(1)..offset);
        let reason = reason(&e.to_string());
        let loc = doc.location.id.as_str();
        out.push(
            Diagnostic::finding(
                "B313",
                Severity::Error,
                t!(
                    "the bot config of `{loc}` is not version 2's shape: {reason}",
                    "конфигурация бота филиала `{loc}` не соответствует схеме версии 2: {reason}",
                    loc = loc,
                    reason = reason,
                ),
            )
            .at(doc.file, span, t!("here", "здесь"))
            .hint(t!(
                "use a value or key `regl schema bot` defines, the team's own keys under `x` ({fix})",
                "используйте значение или ключ из `regl schema bot`, собственные ключи команды — в `x` ({fix})",
                fix = fix_hint(),
            )),
        );
    }
}

/// Each `goto` and button `branch` naming a branch the config does not have. A strict
/// reader accepts any string there (the schema can list only the five known ids), so the
/// reference is checked against the file's own `branches`, where the runtime looks it up.
fn dangling_targets(doc: &BotDoc<'_>, out: &mut Vec<Diagnostic>) {
    let Some(branches) = doc.find(&["branches"]).ok().and_then(Json::as_array) else {
        return;
    };
    let ids: Vec<&str> = branches
        .iter()
        .filter_map(|b| b.get("id").and_then(Json::as_str))
        .collect();
    let mut targets = Vec::new();
    named_targets(doc.root, &mut targets);
    let loc = doc.location.id.as_str();
    for (path, value) in targets {
        let Some(named) = value.as_str().filter(|n| !ids.contains(n)) else {
            continue;
        };
        let known = ids
            .iter()
            .map(|i| format!("`{i}`"))
            .collect::<Vec<_>>()
            .join(", ");
        out.push(
            Diagnostic::finding(
                "B313",
                Severity::Error,
                t!(
                    "`{path}` of the bot of `{loc}` leads to the branch `{named}`, which the config does not have",
                    "`{path}` бота филиала `{loc}` ведёт в ветку `{named}`, которой в конфигурации нет"
                ),
            )
            .at(doc.file, value.span.clone(), t!("no such branch", "нет такой ветки"))
            .hint(t!(
                "name one of the config's branches: {known} ({fix})",
                "укажите одну из веток конфигурации: {known} ({fix})",
                known = known,
                fix = fix_hint(),
            )),
        );
    }
}

/// Every `goto` and `branch` value under `v` with its dotted path, the team's `x` aside.
fn named_targets<'a>(v: &'a Json, out: &mut Vec<(String, &'a Json)>) {
    fn walk<'a>(v: &'a Json, at: &mut Steps<'a>, out: &mut Vec<(String, &'a Json)>) {
        match &v.kind {
            Kind::Object(members) => {
                for m in members.iter().filter(|m| m.key != "x") {
                    at.push_key(&m.key);
                    if matches!(m.key.as_str(), "goto" | "branch") {
                        out.push((at.dotted(""), &m.value));
                    } else {
                        walk(&m.value, at, out);
                    }
                    at.pop();
                }
            }
            Kind::Array(items) => {
                for (i, item) in items.iter().enumerate() {
                    at.push_index(i);
                    walk(item, at, out);
                    at.pop();
                }
            }
            _ => {}
        }
    }
    walk(v, &mut Steps::default(), out);
}

/// serde's reason without its position, in both languages where it has a usual form.
fn reason(e: &str) -> Text {
    let e = e.split(" at line ").next().unwrap_or(e).to_owned();
    if let Some(rest) = e.strip_prefix("unknown field ") {
        let (name, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Text::new(
            format!("unknown key {name}; the known ones: {expected}"),
            format!("неизвестный ключ {name}; известные: {expected}"),
        );
    }
    if let Some(rest) = e.strip_prefix("unknown variant ") {
        let (name, expected) = rest.split_once(", expected ").unwrap_or((rest, ""));
        return Text::new(
            format!("unknown value {name}; the known ones: {expected}"),
            format!("неизвестное значение {name}; известные: {expected}"),
        );
    }
    if let Some(rest) = e.strip_prefix("missing field ") {
        return Text::new(
            format!("the key {rest} is missing"),
            format!("нет ключа {rest}"),
        );
    }
    Text::new(e.clone(), format!("значение не того типа ({e})"))
}

/// The byte offset of serde's 1-based line and column (a column counts bytes).
fn offset_of(text: &str, line: usize, column: usize) -> usize {
    let start: usize = text
        .split_inclusive('\n')
        .take(line.saturating_sub(1))
        .map(str::len)
        .sum();
    (start + column).min(text.len())
}

/// The smallest key or value that ends at `offset` (serde stops right after what it
/// refuses), or contains it.
fn smallest_ending_at(root: &Json, offset: usize) -> Option<std::ops::Range<usize>> {
    let mut best: Option<std::ops::Range<usize>> = None;
    let mut consider = |r: &std::ops::Range<usize>| {
        let hit = r.end == offset || (r.start < offset && offset < r.end);
        if hit && best.as_ref().is_none_or(|b| r.len() < b.len()) {
            best = Some(r.clone());
        }
    };
    walk(root, &mut consider);
    best
}

/// Calls `f` with every span of the tree: values and keys.
fn walk(v: &Json, f: &mut dyn FnMut(&std::ops::Range<usize>)) {
    f(&v.span);
    match &v.kind {
        Kind::Object(members) => {
            for m in members {
                f(&m.key_span);
                walk(&m.value, f);
            }
        }
        Kind::Array(items) => items.iter().for_each(|i| walk(i, f)),
        _ => {}
    }
}
