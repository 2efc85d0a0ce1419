//! B319: a text that names a button («Нажмите «Даю согласие»») names one the bot still has.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::bot::fix_hint;
use crate::lint::json::{Json, Kind};
use crate::lint::want::Want;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "B319",
    name: "bot-named-button",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "a bot text names a button the bot no longer has (a renamed consent button the request still names)",
        ru: "текст бота называет кнопку, которой у бота больше нет (переименованная кнопка согласия, которую называет запрос)",
    },
    explanation: StaticText {
        en: r#"**What it checks.** A text of the bot config that quotes the text of one of regl's buttons
(`«Даю согласие»`, “I agree”, `«Перенести»` …) quotes a button the config still has: after
renaming the consent buttons, the consent request must name the new ones.

**Why it matters.** The client is told to press a button that is not there. For consent
that matters twice: the request no longer describes how consent is given, which is what
the proof of consent rests on.

**Example.**

```json
"text": "… Нажмите «Даю согласие», чтобы продолжить.",
"buttons": [ { "text": "Согласен", … }, { "text": "Нет", … } ]
```

**How to fix.** Name the buttons as they now read, or give them their texts back."#,
        ru: r#"**Что проверяет.** Текст конфигурации бота, который цитирует текст одной из кнопок regl
(«Даю согласие», “I agree”, «Перенести» …), цитирует кнопку, которая в конфигурации есть:
после переименования кнопок согласия запрос согласия должен называть новые.

**Почему это важно.** Клиенту предлагают нажать кнопку, которой нет. Для согласия это важно
вдвойне: запрос больше не описывает, как даётся согласие, а на этом держится его
доказательство.

**Пример.**

```json
"text": "… Нажмите «Даю согласие», чтобы продолжить.",
"buttons": [ { "text": "Согласен", … }, { "text": "Нет", … } ]
```

**Как исправить.** Назовите кнопки так, как они теперь называются, или верните им прежние
тексты."#,
    },
    scope: Scope::Bot,
    check,
};

/// Every button text under `v`.
fn button_texts<'a>(v: &'a Want, out: &mut Vec<&'a str>) {
    match v {
        Want::Object(m) => {
            if let Some(Want::Array(bs)) = m.get("buttons") {
                out.extend(bs.iter().filter_map(|b| b["text"].as_str()));
            }
            m.values().for_each(|x| button_texts(x, out));
        }
        Want::Array(a) => a.iter().for_each(|x| button_texts(x, out)),
        _ => {}
    }
}

fn file_buttons<'a>(v: &'a Json, out: &mut Vec<&'a str>) {
    match &v.kind {
        Kind::Object(members) => {
            for m in members {
                if m.key == "buttons" {
                    for b in m.value.as_array().unwrap_or_default() {
                        if let Some(t) = b.get("text").and_then(Json::as_str) {
                            out.push(t);
                        }
                    }
                }
                file_buttons(&m.value, out);
            }
        }
        Kind::Array(items) => items.iter().for_each(|i| file_buttons(i, out)),
        _ => {}
    }
}

/// What a text puts in quotes: «…» and “…”.
fn quoted(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for (open, close) in [('«', '»'), ('“', '”')] {
        let mut rest = text;
        while let Some(i) = rest.find(open) {
            let after = &rest[i + open.len_utf8()..];
            let Some(j) = after.find(close) else { break };
            out.push(&after[..j]);
            rest = &after[j + close.len_utf8()..];
        }
    }
    out
}

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for doc in cx.bot_docs() {
        let mut regl_buttons = Vec::new();
        button_texts(doc.expected(), &mut regl_buttons);
        let mut have = Vec::new();
        file_buttons(doc.root, &mut have);
        let loc = doc.location.id.as_str();
        for text in doc.texts() {
            for q in quoted(&text.text) {
                if regl_buttons.contains(&q) && !have.contains(&q) {
                    let path = &text.path;
                    out.push(
                        Diagnostic::finding(
                            "B319",
                            Severity::Error,
                            t!(
                                "`{path}` of the bot of `{loc}` names the button «{q}», which the bot no longer has",
                                "`{path}` бота филиала `{loc}` называет кнопку «{q}», которой у бота больше нет"
                            ),
                        )
                        .at(
                            doc.file,
                            text.span.clone(),
                            t!("names «{q}»", "называет «{q}»"),
                        )
                        .hint(t!(
                            "name the button as it now reads, or give it back its text ({fix})",
                            "назовите кнопку так, как она теперь называется, или верните ей прежний текст ({fix})",
                            fix = fix_hint(),
                        )),
                    );
                }
            }
        }
    }
}
