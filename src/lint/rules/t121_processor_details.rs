//! T121 (to-do): a processor under the operator's instruction without its legal name or
//! address.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};

pub const RULE: Rule = Rule {
    code: "T121",
    name: "processor-details-to-fill",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "to-do: a processor under the operator's instruction has no legal name or address",
        ru: "сделать: у обработчика по поручению оператора не указаны наименование или адрес",
    },
    explanation: StaticText {
        en: r#"**What it checks.** Every entry of `[pd].processors` that works under the operator's
instruction (`basis = "instruction"`, the default for everything but messengers) gives its
`legal_name` and `address` (and, for a Russian company, its `inn`).

**Why it matters.** The policy lists the processors, and a written consent must name each
company that processes the data with its name and address (152-FZ art. 9 part 4 item 6). A
product name such as `Битрикс24` is not a legal entity. Until the details are filled in,
the documents print the product name and a dash.

**Example.**

```toml
processors = [ { name = "Битрикс24", role = "crm", purpose = "учёт заявок", country = "RU" } ]
```

**How to fix.** Take the details from the vendor's contract or offer: `legal_name = "ООО
«…»"`, `inn = "…"`, `address = "…"`."#,
        ru: r#"**Что проверяет.** У каждой записи `[pd].processors`, которая работает по поручению
оператора (`basis = "instruction"`, так по умолчанию для всех, кроме мессенджеров), указаны
`legal_name` и `address` (а у российской компании — `inn`).

**Почему это важно.** Политика перечисляет обработчиков, а письменное согласие должно
называть каждую компанию, которая обрабатывает данные, с наименованием и адресом (п. 6 ч. 4
ст. 9 152-ФЗ). Название продукта вроде «Битрикс24» — не юридическое лицо. Пока реквизиты не
заполнены, документы печатают название продукта и прочерк.

**Пример.**

```toml
processors = [ { name = "Битрикс24", role = "crm", purpose = "учёт заявок", country = "RU" } ]
```

**Как исправить.** Возьмите реквизиты из договора или оферты поставщика: `legal_name =
"ООО «…»"`, `inn = "…"`, `address = "…"`."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    for p in &cx.business.pd.processors {
        if !p.is_instructed() || (p.legal_name.is_some() && p.address.is_some()) {
            continue;
        }
        let name = p.name.as_str();
        out.push(
            Diagnostic::finding(
                "T121",
                Severity::Warning,
                t!(
                    "to-do: give the legal name and address of processor «{name}»",
                    "сделать: укажите наименование и адрес обработчика «{name}»"
                ),
            )
            .at(
                cx.file,
                p.span.clone(),
                t!("a product, not a legal entity yet", "пока продукт, а не юридическое лицо"),
            )
            .hint(t!(
                "add `legal_name`, `inn` and `address` from the vendor's contract; a written consent names them (152-FZ art. 9 part 4 item 6)",
                "добавьте `legal_name`, `inn` и `address` из договора с поставщиком: их называет письменное согласие (п. 6 ч. 4 ст. 9 152-ФЗ)"
            )),
        );
    }
}
