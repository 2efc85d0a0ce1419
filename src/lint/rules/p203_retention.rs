//! P203: card retention is set and chat transcripts are not kept longer than cards.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "P203",
    name: "retention",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "retention missing, or chat retention longer than card retention",
        ru: "срок хранения не задан, или переписка хранится дольше карточек клиентов",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `[pd].retention` (how long client cards are kept) is set, and
`[pd].chat_retention` (chat transcripts) is not longer.

**Why it matters.** The policy must state how long each kind of data is kept and how it is
destroyed (152-FZ art. 5, 18.1); data is destroyed within 30 days after its purpose is
reached. Keeping chats longer than the client's card keeps data whose purpose has ended.

**Example.**

```toml
[pd]
retention = "1y"
chat_retention = "3y"   # chats outlive the card they belong to
```

**How to fix.** Set `retention` (3 years is common for service history) and keep
`chat_retention` at or below it (90 days is common)."#,
        ru: r#"**Что проверяет.** `[pd].retention` (сколько хранятся карточки клиентов) задан, а
`[pd].chat_retention` (переписка) — не дольше.

**Почему это важно.** Политика должна говорить, сколько хранится каждый вид данных и как он
уничтожается (ст. 5 и 18.1 152‑ФЗ); данные уничтожаются в течение 30 дней после достижения
цели обработки. Если переписка хранится дольше карточки клиента, хранятся данные, цель
обработки которых уже достигнута.

**Пример.**

```toml
[pd]
retention = "1y"
chat_retention = "3y"   # переписка переживает карточку, к которой относится
```

**Как исправить.** Задайте `retention` (для истории обслуживания обычно 3 года) и держите
`chat_retention` не дольше (обычно 90 дней)."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let pd = &cx.business.pd;
    match &pd.retention {
        None => out.push(
            Diagnostic::finding(
                "P203",
                Severity::Error,
                t!(
                    "`[pd].retention` is not set: the policy cannot say how long client data is kept",
                    "`[pd].retention` не задан: политика не может сказать, сколько хранятся данные клиентов"
                ),
            )
            .at(
                cx.file,
                pd.chat_retention.span.clone(),
                t!(
                    "only chat retention is set",
                    "задан только срок хранения переписки"
                ),
            )
            .hint(t!(
                "add `retention = \"3y\"` (or your period) to [pd]",
                "добавьте `retention = \"3y\"` (или свой срок) в [pd]"
            )),
        ),
        Some(r) if pd.chat_retention.value > r.value => out.push(
            Diagnostic::finding(
                "P203",
                Severity::Error,
                t!(
                    "chats are kept {chats} but client cards only {cards}",
                    "переписка хранится {chats}, а карточки клиентов — только {cards}",
                    chats = pd.chat_retention.value,
                    cards = r.value,
                ),
            )
            .at(
                cx.file,
                pd.chat_retention.span.clone(),
                t!("chat retention", "срок хранения переписки"),
            )
            .also(
                cx.file,
                r.span.clone(),
                t!("card retention", "срок хранения карточек"),
            )
            .hint(t!(
                "keep chat transcripts no longer than the card: shorten `chat_retention`",
                "храните переписку не дольше карточки: сократите `chat_retention`"
            )),
        ),
        Some(_) => {}
    }
}
