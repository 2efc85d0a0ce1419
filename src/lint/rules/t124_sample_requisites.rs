//! T124 (to-do): the business still carries a preset's sample requisites or an address
//! `regl init` left for the owner to give.

use crate::diag::{Diagnostic, Severity};
use crate::i18n::{StaticText, t};
use crate::lint::{Context, Rule, Scope};
use crate::model::presets::sample_requisites;

pub const RULE: Rule = Rule {
    code: "T124",
    name: "sample-requisites-to-replace",
    severities: &[Severity::Warning],
    summary: StaticText {
        en: "to-do: the INN, OGRN or an address is still the preset's sample",
        ru: "сделать: ИНН, ОГРН или адрес всё ещё взяты из образца",
    },
    explanation: StaticText {
        en: r#"**What it checks.** `[business].inn` and `ogrn` differ from every preset's sample, and
neither `legal_address` nor a location's `address` is the preset's or the marker `regl init`
writes (`укажите адрес`, "give the address").

**Why it matters.** The presets' identifiers pass every checksum, so nothing else would stop
a policy from being published in the name of a company that is not the operator — possibly
a real one. A fresh business renders at once; this to-do keeps the sample from reaching a
client.

**Example.**

```toml
inn = "0274961581"      # the salon preset's sample INN
legal_address = "г. Казань, укажите адрес организации"
```

**How to fix.** Write the operator's own INN, OGRN, KPP and legal address as the state
register has them, and each location's street address."#,
        ru: r#"**Что проверяет.** `[business].inn` и `ogrn` не совпадают с образцами, а ни
`legal_address`, ни `address` филиала не взяты из образца и не содержат пометку, которую
пишет `regl init` («укажите адрес»).

**Почему это важно.** Реквизиты образцов проходят все проверки контрольных цифр, и больше
ничто не помешает опубликовать политику от имени компании, которая не является оператором, —
возможно, реально существующей. Новый бизнес сразу формирует документы; это дело не даёт
образцу дойти до клиента.

**Пример.**

```toml
inn = "0274961581"      # ИНН из образца салона
legal_address = "г. Казань, укажите адрес организации"
```

**Как исправить.** Укажите ИНН, ОГРН, КПП и юридический адрес оператора, как в
государственном реестре, и адрес каждого филиала."#,
    },
    scope: Scope::Config,
    check,
};

fn check(cx: &Context<'_>, out: &mut Vec<Diagnostic>) {
    let b = cx.business;
    // Two locations may carry the same marker: each finding points at its own.
    let mut pointed: Vec<usize> = Vec::new();
    for (key, value) in sample_requisites(b) {
        let span = match key {
            "inn" => b.business.inn.span.clone(),
            "ogrn" => b.business.ogrn.span.clone(),
            "legal_address" => b.business.legal_address.span.clone(),
            _ => {
                let at = b
                    .locations
                    .iter()
                    .enumerate()
                    .find(|(i, l)| l.address.value == value && !pointed.contains(i));
                if let Some((i, _)) = at {
                    pointed.push(i);
                }
                at.map_or(b.business.name.span.clone(), |(_, l)| {
                    l.address.span.clone()
                })
            }
        };
        out.push(
            Diagnostic::finding(
                "T124",
                Severity::Warning,
                t!(
                    "to-do: `{key}` is still the sample «{value}»",
                    "сделать: `{key}` всё ещё из образца — «{value}»"
                ),
            )
            .at(
                cx.file,
                span,
                t!("replace it with yours", "замените своим"),
            )
            .hint(t!(
                "write the operator's own requisites and addresses before the documents are published",
                "укажите реквизиты и адреса своей организации до публикации документов"
            )),
        );
    }
}
