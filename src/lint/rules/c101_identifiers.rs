//! C101: the operator's INN and OGRN/OGRNIP have the right length and check digit.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, Text, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "C101",
    name: "identifier-checksum",
    severities: &[Severity::Error],
    summary: StaticText {
        en: "INN or OGRN/OGRNIP has the wrong length or checksum",
        ru: "ИНН или ОГРН/ОГРНИП неверной длины или с неверной контрольной цифрой",
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

**How to fix.** Copy the identifiers from the extract of the state register (EGRUL/EGRIP)
or the tax certificate; do not retype them."#,
        ru: r#"**Что проверяет.** В `[business].inn` 10 цифр (организация) или 12 (индивидуальный
предприниматель), и контрольные цифры верны; в `[business].ogrn` 13 цифр (ОГРН) или 15
(ОГРНИП), и контрольная цифра верна. ИНН организации идёт в паре с ОГРН, ИНН
предпринимателя — с ОГРНИП.

**Почему это важно.** Политика обработки персональных данных и согласие называют оператора
по этим реквизитам (152‑ФЗ). Из-за опечатки каждый документ называет организацию, которой
нет, а сведения в реестре операторов Роскомнадзора не совпадут с политикой.

**Пример.**

```toml
[business]
inn = "7707083894"    # последняя цифра должна быть 3
```

**Как исправить.** Скопируйте реквизиты из выписки ЕГРЮЛ/ЕГРИП или из свидетельства о
постановке на налоговый учёт; не набирайте их заново."#,
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
                .at(cx.file, info.inn.span.clone(), t!("not a valid INN", "неверный ИНН"))
                .hint(t!(
                    "copy the INN from the register extract (ЕГРЮЛ/ЕГРИП): 10 digits for a company, 12 for a sole trader",
                    "скопируйте ИНН из выписки ЕГРЮЛ/ЕГРИП: 10 цифр у организации, 12 — у индивидуального предпринимателя"
                )),
        );
    }
    if let Err(msg) = &ogrn {
        out.push(
            Diagnostic::finding("C101", Severity::Error, msg.clone())
                .at(
                    cx.file,
                    info.ogrn.span.clone(),
                    t!("not a valid OGRN/OGRNIP", "неверный ОГРН/ОГРНИП"),
                )
                .hint(t!(
                    "copy the OGRN from the register extract: 13 digits for a company (OGRN), 15 for a sole trader (OGRNIP)",
                    "скопируйте ОГРН из выписки из реестра: 13 цифр у организации (ОГРН), 15 — у индивидуального предпринимателя (ОГРНИП)"
                )),
        );
    }
    if let (Ok(company_inn), Ok(company_ogrn)) = (inn, ogrn)
        && company_inn != company_ogrn
    {
        // Whose number each is: the genitive in Russian, «номер организации».
        let company = Text::new("a company's", "организации");
        let trader = Text::new("a sole trader's", "индивидуального предпринимателя");
        let (inn_is, ogrn_is) = if company_inn {
            (company, trader)
        } else {
            (trader, company)
        };
        out.push(
            Diagnostic::finding(
                "C101",
                Severity::Error,
                t!(
                    "the INN is {inn_is} but the OGRN is {ogrn_is}",
                    "это ИНН {inn_is}, а ОГРН — {ogrn_is}",
                    inn_is = inn_is,
                    ogrn_is = ogrn_is,
                ),
            )
            .at(
                cx.file,
                info.ogrn.span.clone(),
                t!("{ogrn_is} number", "номер {ogrn_is}", ogrn_is = ogrn_is),
            )
            .also(
                cx.file,
                info.inn.span.clone(),
                t!("{inn_is} number", "номер {inn_is}", inn_is = inn_is),
            )
            .hint(t!(
                "a company has a 10-digit INN and a 13-digit OGRN; a sole trader a 12-digit INN and a 15-digit OGRNIP",
                "у организации ИНН из 10 цифр и ОГРН из 13; у индивидуального предпринимателя ИНН из 12 цифр и ОГРНИП из 15"
            )),
        );
    }
}
