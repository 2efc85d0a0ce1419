//! P205: cancellation terms a consumer court would void.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "P205",
    name: "cancellation-fee",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "a late-cancellation or no-show fee beyond the provider's actual costs (consumer law)",
        ru: "",
    },
    explanation: StaticText {
        en: r"**What it checks.** `[cancellation].late_fee_percent` and `no_show_fee_percent` are 0.

**Why it matters.** A consumer may refuse a service at any time and pays only the
provider's actual, documented expenses for that booking (ZoZPP art. 32, Civil Code art.
782). A flat percentage fee is such a limit and is void; charging it invites complaints to
Rospotrebnadzor.

**Example.**

```toml
[cancellation]
no_show_fee_percent = 50
```

**How to fix.** Set the fees to 0 and let the cancellation policy say what is lawful:
refund a prepayment minus documented expenses (materials bought for the visit), free
rescheduling, prepayment for future bookings after repeated no-shows.",
        ru: "",
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let c = &cx.business.cancellation;
    for (fee, what) in [
        (&c.late_fee_percent, "late-cancellation"),
        (&c.no_show_fee_percent, "no-show"),
    ] {
        if let Some(f) = fee
            && f.value.0 > 0
        {
            out.push(
                Diagnostic::finding(
                    "P205",
                    Severity::Warning,
                    format!("a {}% {what} fee: a consumer pays only the actual costs of the booking", f.value.0),
                )
                .at(cx.file, f.span.clone(), "a flat fee")
                .hint("set it to 0; keep only documented expenses from a prepayment (ZoZPP art. 32, Civil Code art. 782)"),
            );
        }
    }
}
