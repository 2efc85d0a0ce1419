//! C101: the operator's INN and OGRN/OGRNIP have the right length and check digit.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::StaticText;
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "C101",
    name: "identifier-checksum",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "INN or OGRN/OGRNIP has the wrong length or checksum",
        ru: "",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `[business].inn` has 10 digits (a company) or 12 (a sole trader) and
its check digits are right; `[business].ogrn` has 13 digits (OGRN) or 15 (OGRNIP) and its
check digit is right. A company's INN goes with an OGRN, a sole trader's with an OGRNIP.

**Why it matters.** The personal-data policy and the consent name the operator by these
identifiers (152-FZ). A typo makes every document name a company that does not exist, and
Roskomnadzor's register will not match the policy.

**Example.**

```toml
[business]
inn = "7707083894"    # the last digit should be 3
```

**How to fix.** Copy the identifiers from the extract of the register (ЕГРЮЛ/ЕГРИП) or the
tax certificate; do not retype them."#,
        ru: "",
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let info = &cx.business.business;
    let inn = info.inn.check();
    let ogrn = info.ogrn.check();
    if let Err(msg) = &inn {
        out.push(
            Diagnostic::finding("C101", Severity::Error, msg.clone())
                .at(cx.file, info.inn.span.clone(), "not a valid INN")
                .hint("copy the INN from the register extract (ЕГРЮЛ/ЕГРИП): 10 digits for a company, 12 for a sole trader"),
        );
    }
    if let Err(msg) = &ogrn {
        out.push(
            Diagnostic::finding("C101", Severity::Error, msg.clone())
                .at(cx.file, info.ogrn.span.clone(), "not a valid OGRN/OGRNIP")
                .hint("copy the OGRN from the register extract: 13 digits for a company (OGRN), 15 for a sole trader (OGRNIP)"),
        );
    }
    if let (Ok(company_inn), Ok(company_ogrn)) = (inn, ogrn)
        && company_inn != company_ogrn
    {
        let (inn_is, ogrn_is) = if company_inn {
            ("a company's", "a sole trader's")
        } else {
            ("a sole trader's", "a company's")
        };
        out.push(
            Diagnostic::finding(
                "C101",
                Severity::Error,
                format!("the INN is {inn_is} but the OGRN is {ogrn_is}"),
            )
            .at(cx.file, info.ogrn.span.clone(), format!("{ogrn_is} number"))
            .also(cx.file, info.inn.span.clone(), format!("{inn_is} number"))
            .hint("a company has a 10-digit INN and a 13-digit OGRN; a sole trader a 12-digit INN and a 15-digit OGRNIP"),
        );
    }
}
