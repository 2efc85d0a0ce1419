//! P207: the policy and the consent document have an address where clients can read them.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "P207",
    name: "published-documents",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "the personal-data policy or the consent document has no published address",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** The personal-data policy and the consent document each have a web
address: `[pd].policy_url` and `[pd].consent_url`, or `[business].website` (regl then uses
its `/privacy` and `/consent` pages).

**Why it matters.** An operator that collects data online must publish its policy online
(152-FZ art. 18.1 p. 2; up to 60,000 ₽ fine when it is not), and the bot's consent request
must link both documents so the client's consent is informed. Without an address the bot
cannot ask for consent lawfully, so regl exports no bot scripts.

**Example.**

```toml
[business]
# website = "https://lada.example"   # removed, and [pd] has no policy_url
```

**How to fix.** Set `[business].website`, or `policy_url` and `consent_url` in `[pd]`, to the
pages where the rendered policy and consent are published."#,
        ru: "",
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    let (policy, consent) = b.published_urls();
    let missing: Vec<&str> = [(policy, "the policy"), (consent, "the consent document")]
        .into_iter()
        .filter(|(url, _)| url.is_none())
        .map(|(_, what)| what)
        .collect();
    if missing.is_empty() {
        return;
    }
    out.push(
        Diagnostic::finding(
            "P207",
            Severity::Error,
            format!("{} has no published address", missing.join(" and ")),
        )
        .at(
            cx.file,
            b.business.name.span.clone(),
            "no `website` for this business",
        )
        .hint("set `[business].website`, or `policy_url` and `consent_url` in [pd]"),
    );
}
