//! P203: card retention is set and chat transcripts are not kept longer than cards.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "P203",
    name: "retention",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "retention missing, or chat retention longer than card retention",
        ru: "",
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
        ru: "",
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
                "`[pd].retention` is not set: the policy cannot say how long client data is kept",
            )
            .at(
                cx.file,
                pd.chat_retention.span.clone(),
                "only chat retention is set",
            )
            .hint("add `retention = \"3y\"` (or your period) to [pd]"),
        ),
        Some(r) if pd.chat_retention.value > r.value => out.push(
            Diagnostic::finding(
                "P203",
                Severity::Error,
                format!(
                    "chats are kept {} but client cards only {}",
                    pd.chat_retention.value, r.value
                ),
            )
            .at(cx.file, pd.chat_retention.span.clone(), "chat retention")
            .also(cx.file, r.span.clone(), "card retention")
            .hint("keep chat transcripts no longer than the card: shorten `chat_retention`"),
        ),
        Some(_) => {}
    }
}
