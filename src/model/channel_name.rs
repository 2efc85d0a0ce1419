//! The name of an `other` channel (SPEC §3): the one kind a business names itself, so the
//! documents, the CRM list, the processors' match and the Bitrix24 source can call it as
//! clients do. The named kinds (MAX, VK, …) carry their own, and a second would contradict it.

use super::business::Channel;
use super::enums::ChannelKind;
use super::read::Cx;
use crate::i18n::t;

impl Channel {
    /// The owner's name of an `other` channel.
    pub fn own_name(&self) -> Option<&str> {
        self.name.as_ref().map(|n| n.value.trim())
    }
}

/// `c` when its `name` fits its kind; otherwise the load error, and `None`.
pub(super) fn checked(c: Channel, cx: &mut Cx) -> Option<Channel> {
    match (c.id.value, &c.name) {
        (ChannelKind::Other, None) => cx.error(
            c.id.span.clone(),
            t!(
                "channel `other` needs a `name`",
                "каналу `other` нужно название `name`"
            ),
            Some(t!(
                "add the name clients know it by, e.g. `name = \"Авито\"`",
                "добавьте название, под которым его знают клиенты, например `name = \"Авито\"`"
            )),
        ),
        (ChannelKind::Other, Some(n)) if n.value.trim().is_empty() => cx.error(
            n.span.clone(),
            t!(
                "channel `other` needs a name, not an empty one",
                "у канала `other` должно быть непустое название"
            ),
            None,
        ),
        (kind, Some(n)) if kind != ChannelKind::Other => cx.error(
            n.span.clone(),
            t!(
                "`name` is only for a channel with `id = \"other\"`: `{kind}` has a name of its own",
                "`name` задаётся только каналу с `id = \"other\"`: у `{kind}` есть своё название",
                kind = kind.as_str(),
            ),
            Some(t!("remove `name`", "удалите `name`")),
        ),
        _ => return Some(c),
    }
    None
}
