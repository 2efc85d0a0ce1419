//! What `regl export` writes for a location, as lint compares a bot config with it: a JSON
//! value made straight from the export's types by a serde serializer of its own.
//!
//! It holds what `serde_json::to_value` would, member for member and number for number
//! (`1` stays a whole number, `1.0` does not), so a rule reads it as it read
//! `serde_json::Value`. It differs in what lint does not need: an object is a list of
//! members looked up by walking it, as the file's own objects are, and the export's field
//! names are borrowed, not copied. `to_value` hashed every key into an index map; making and
//! dropping those values was a fifth of lint's instructions (callgrind, 100 locations).

use std::borrow::Cow;
use std::fmt;

use serde::ser::{self, Serialize};

/// A JSON value as the export writes it.
#[derive(Debug, Clone, PartialEq)]
pub enum Want {
    Null,
    Bool(bool),
    Number(Number),
    String(String),
    Array(Vec<Want>),
    Object(Members),
}

/// A number as `serde_json` tells them apart: whole (unsigned or negative) or not.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Number {
    PosInt(u64),
    NegInt(i64),
    Float(f64),
}

/// An object's members in the order they were written; no key twice.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Members(Vec<(Cow<'static, str>, Want)>);

static NULL: Want = Want::Null;

/// `value` as the export's JSON.
pub fn to_want<T: Serialize + ?Sized>(value: &T) -> Result<Want, Error> {
    value.serialize(Serializer)
}

impl Members {
    /// The value of `key`.
    pub fn get(&self, key: &str) -> Option<&Want> {
        self.0.iter().find(|(k, _)| k == key).map(|(_, v)| v)
    }

    pub fn contains_key(&self, key: &str) -> bool {
        self.get(key).is_some()
    }

    /// Each member as (key, value), in order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &Want)> {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }

    pub fn values(&self) -> impl ExactSizeIterator<Item = &Want> {
        self.0.iter().map(|(_, v)| v)
    }

    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Sets `key`, where it stands if it is there (as `serde_json`'s map does), else last.
    fn insert(&mut self, key: Cow<'static, str>, value: Want) {
        match self.0.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => *v = value,
            None => self.0.push((key, value)),
        }
    }
}

impl<'m> IntoIterator for &'m Members {
    type Item = (&'m str, &'m Want);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'m, (Cow<'static, str>, Want)>,
        fn(&'m (Cow<'static, str>, Want)) -> (&'m str, &'m Want),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.0.iter().map(|(k, v)| (k.as_ref(), v))
    }
}

impl Want {
    /// The member `key` of an object.
    pub fn get(&self, key: &str) -> Option<&Want> {
        self.as_object()?.get(key)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Want::String(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_array(&self) -> Option<&Vec<Want>> {
        match self {
            Want::Array(a) => Some(a),
            _ => None,
        }
    }

    pub fn as_object(&self) -> Option<&Members> {
        match self {
            Want::Object(m) => Some(m),
            _ => None,
        }
    }

    pub fn as_u64(&self) -> Option<u64> {
        match self {
            Want::Number(Number::PosInt(n)) => Some(*n),
            Want::Number(Number::NegInt(n)) => u64::try_from(*n).ok(),
            _ => None,
        }
    }

    pub fn as_i64(&self) -> Option<i64> {
        match self {
            Want::Number(Number::PosInt(n)) => i64::try_from(*n).ok(),
            Want::Number(Number::NegInt(n)) => Some(*n),
            _ => None,
        }
    }

    /// A whole number as the nearest float, as `serde_json` gives it.
    #[allow(clippy::cast_precision_loss)]
    pub fn as_f64(&self) -> Option<f64> {
        match self {
            Want::Number(Number::PosInt(n)) => Some(*n as f64),
            Want::Number(Number::NegInt(n)) => Some(*n as f64),
            Want::Number(Number::Float(f)) => Some(*f),
            _ => None,
        }
    }

    /// As `serde_json`'s value, for what is written out: hints, fixes.
    pub fn to_json(&self) -> serde_json::Value {
        serde_json::to_value(self).expect("a JSON value serialises")
    }
}

/// Compact JSON, as `serde_json::Value` displays it.
impl fmt::Display for Want {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        f.write_str(&s)
    }
}

/// `want["key"]`: the member, or null when there is none (as `serde_json`'s index).
impl std::ops::Index<&str> for Want {
    type Output = Want;
    fn index(&self, key: &str) -> &Want {
        self.get(key).unwrap_or(&NULL)
    }
}

impl PartialEq<&str> for Want {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == Some(*other)
    }
}

impl PartialEq<str> for Want {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == Some(other)
    }
}

impl Serialize for Want {
    fn serialize<S: ser::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use ser::{SerializeMap, SerializeSeq};
        match self {
            Want::Null => s.serialize_unit(),
            Want::Bool(b) => s.serialize_bool(*b),
            Want::Number(Number::PosInt(n)) => s.serialize_u64(*n),
            Want::Number(Number::NegInt(n)) => s.serialize_i64(*n),
            Want::Number(Number::Float(n)) => s.serialize_f64(*n),
            Want::String(v) => s.serialize_str(v),
            Want::Array(items) => {
                let mut seq = s.serialize_seq(Some(items.len()))?;
                for i in items {
                    seq.serialize_element(i)?;
                }
                seq.end()
            }
            Want::Object(m) => {
                let mut map = s.serialize_map(Some(m.len()))?;
                for (k, v) in m.iter() {
                    map.serialize_entry(k, v)?;
                }
                map.end()
            }
        }
    }
}

/// Why a value is not JSON (a map key that is no string or number).
#[derive(Debug)]
pub struct Error(String);

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

impl ser::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        Error(msg.to_string())
    }
}

/// Makes a [`Want`] of any serialisable value, as `serde_json::to_value` does.
struct Serializer;

fn number(n: Number) -> Want {
    match n {
        Number::Float(f) if !f.is_finite() => Want::Null,
        n => Want::Number(n),
    }
}

fn signed(n: i64) -> Want {
    Want::Number(u64::try_from(n).map_or(Number::NegInt(n), Number::PosInt))
}

impl ser::Serializer for Serializer {
    type Ok = Want;
    type Error = Error;
    type SerializeSeq = Seq;
    type SerializeTuple = Seq;
    type SerializeTupleStruct = Seq;
    type SerializeTupleVariant = Variant<Seq>;
    type SerializeMap = Map;
    type SerializeStruct = Map;
    type SerializeStructVariant = Variant<Map>;

    fn serialize_bool(self, v: bool) -> Result<Want, Error> {
        Ok(Want::Bool(v))
    }
    fn serialize_i8(self, v: i8) -> Result<Want, Error> {
        Ok(signed(v.into()))
    }
    fn serialize_i16(self, v: i16) -> Result<Want, Error> {
        Ok(signed(v.into()))
    }
    fn serialize_i32(self, v: i32) -> Result<Want, Error> {
        Ok(signed(v.into()))
    }
    fn serialize_i64(self, v: i64) -> Result<Want, Error> {
        Ok(signed(v))
    }
    fn serialize_i128(self, v: i128) -> Result<Want, Error> {
        if let Ok(n) = u64::try_from(v) {
            Ok(Want::Number(Number::PosInt(n)))
        } else if let Ok(n) = i64::try_from(v) {
            Ok(signed(n))
        } else {
            Err(Error("number out of range".into()))
        }
    }
    fn serialize_u8(self, v: u8) -> Result<Want, Error> {
        Ok(Want::Number(Number::PosInt(v.into())))
    }
    fn serialize_u16(self, v: u16) -> Result<Want, Error> {
        Ok(Want::Number(Number::PosInt(v.into())))
    }
    fn serialize_u32(self, v: u32) -> Result<Want, Error> {
        Ok(Want::Number(Number::PosInt(v.into())))
    }
    fn serialize_u64(self, v: u64) -> Result<Want, Error> {
        Ok(Want::Number(Number::PosInt(v)))
    }
    fn serialize_u128(self, v: u128) -> Result<Want, Error> {
        u64::try_from(v)
            .map(|n| Want::Number(Number::PosInt(n)))
            .map_err(|_| Error("number out of range".into()))
    }
    fn serialize_f32(self, v: f32) -> Result<Want, Error> {
        Ok(number(Number::Float(v.into())))
    }
    fn serialize_f64(self, v: f64) -> Result<Want, Error> {
        Ok(number(Number::Float(v)))
    }
    fn serialize_char(self, v: char) -> Result<Want, Error> {
        Ok(Want::String(v.to_string()))
    }
    fn serialize_str(self, v: &str) -> Result<Want, Error> {
        Ok(Want::String(v.to_owned()))
    }
    fn serialize_bytes(self, v: &[u8]) -> Result<Want, Error> {
        Ok(Want::Array(
            v.iter()
                .map(|b| Want::Number(Number::PosInt((*b).into())))
                .collect(),
        ))
    }
    fn serialize_none(self) -> Result<Want, Error> {
        Ok(Want::Null)
    }
    fn serialize_some<T: Serialize + ?Sized>(self, value: &T) -> Result<Want, Error> {
        value.serialize(self)
    }
    fn serialize_unit(self) -> Result<Want, Error> {
        Ok(Want::Null)
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<Want, Error> {
        Ok(Want::Null)
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        v: &'static str,
    ) -> Result<Want, Error> {
        Ok(Want::String(v.to_owned()))
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<Want, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<Want, Error> {
        let mut m = Members::default();
        m.0.push((Cow::Borrowed(variant), to_want(value)?));
        Ok(Want::Object(m))
    }
    fn serialize_seq(self, len: Option<usize>) -> Result<Seq, Error> {
        Ok(Seq(Vec::with_capacity(len.unwrap_or(0))))
    }
    fn serialize_tuple(self, len: usize) -> Result<Seq, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_struct(self, _: &'static str, len: usize) -> Result<Seq, Error> {
        self.serialize_seq(Some(len))
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Seq>, Error> {
        Ok(Variant(variant, self.serialize_seq(Some(len))?))
    }
    fn serialize_map(self, len: Option<usize>) -> Result<Map, Error> {
        Ok(Map {
            members: Members(Vec::with_capacity(len.unwrap_or(0))),
            key: None,
        })
    }
    fn serialize_struct(self, _: &'static str, len: usize) -> Result<Map, Error> {
        self.serialize_map(Some(len))
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Variant<Map>, Error> {
        Ok(Variant(variant, self.serialize_map(Some(len))?))
    }
}

/// A list being made.
pub struct Seq(Vec<Want>);

impl ser::SerializeSeq for Seq {
    type Ok = Want;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        self.0.push(to_want(value)?);
        Ok(())
    }
    fn end(self) -> Result<Want, Error> {
        Ok(Want::Array(self.0))
    }
}

impl ser::SerializeTuple for Seq {
    type Ok = Want;
    type Error = Error;
    fn serialize_element<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Want, Error> {
        ser::SerializeSeq::end(self)
    }
}

impl ser::SerializeTupleStruct for Seq {
    type Ok = Want;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(self, value)
    }
    fn end(self) -> Result<Want, Error> {
        ser::SerializeSeq::end(self)
    }
}

/// An object being made; `key` waits for its value.
pub struct Map {
    members: Members,
    key: Option<String>,
}

impl ser::SerializeMap for Map {
    type Ok = Want;
    type Error = Error;
    fn serialize_key<T: Serialize + ?Sized>(&mut self, key: &T) -> Result<(), Error> {
        self.key = Some(key.serialize(KeySerializer)?);
        Ok(())
    }
    fn serialize_value<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        let key = self
            .key
            .take()
            .ok_or_else(|| Error("a value without a key".into()))?;
        self.members.insert(Cow::Owned(key), to_want(value)?);
        Ok(())
    }
    fn end(self) -> Result<Want, Error> {
        Ok(Want::Object(self.members))
    }
}

impl ser::SerializeStruct for Map {
    type Ok = Want;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        // A struct names each field once (serde's derive refuses two of one name).
        self.members.0.push((Cow::Borrowed(key), to_want(value)?));
        Ok(())
    }
    fn end(self) -> Result<Want, Error> {
        ser::SerializeMap::end(self)
    }
}

/// An enum variant holding a list or an object: `{"variant": …}`.
pub struct Variant<T>(&'static str, T);

fn wrapped(variant: &'static str, value: Want) -> Want {
    let mut m = Members::default();
    m.0.push((Cow::Borrowed(variant), value));
    Want::Object(m)
}

impl ser::SerializeTupleVariant for Variant<Seq> {
    type Ok = Want;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(&mut self, value: &T) -> Result<(), Error> {
        ser::SerializeSeq::serialize_element(&mut self.1, value)
    }
    fn end(self) -> Result<Want, Error> {
        Ok(wrapped(self.0, ser::SerializeSeq::end(self.1)?))
    }
}

impl ser::SerializeStructVariant for Variant<Map> {
    type Ok = Want;
    type Error = Error;
    fn serialize_field<T: Serialize + ?Sized>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(&mut self.1, key, value)
    }
    fn end(self) -> Result<Want, Error> {
        Ok(wrapped(self.0, ser::SerializeMap::end(self.1)?))
    }
}

/// A map key: a string, or a number, character or bool written as one (as `serde_json` does).
struct KeySerializer;

/// A float key, written as `serde_json` writes the number (an `f32` in its own shortest
/// form: `0.1`, not `0.10000000149011612`); NaN and infinities are no key.
fn float_key<F: Serialize>(v: F, finite: bool) -> Result<String, Error> {
    if finite {
        serde_json::to_string(&v).map_err(|e| Error(e.to_string()))
    } else {
        Err(Error("a float key must be finite".into()))
    }
}

fn not_a_key() -> Error {
    Error("key must be a string".into())
}

impl ser::Serializer for KeySerializer {
    type Ok = String;
    type Error = Error;
    type SerializeSeq = ser::Impossible<String, Error>;
    type SerializeTuple = ser::Impossible<String, Error>;
    type SerializeTupleStruct = ser::Impossible<String, Error>;
    type SerializeTupleVariant = ser::Impossible<String, Error>;
    type SerializeMap = ser::Impossible<String, Error>;
    type SerializeStruct = ser::Impossible<String, Error>;
    type SerializeStructVariant = ser::Impossible<String, Error>;

    fn serialize_str(self, v: &str) -> Result<String, Error> {
        Ok(v.to_owned())
    }
    fn serialize_char(self, v: char) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_bool(self, v: bool) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i8(self, v: i8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i16(self, v: i16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i32(self, v: i32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i64(self, v: i64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u8(self, v: u8) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u16(self, v: u16) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u32(self, v: u32) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u64(self, v: u64) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_i128(self, v: i128) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_u128(self, v: u128) -> Result<String, Error> {
        Ok(v.to_string())
    }
    fn serialize_f32(self, v: f32) -> Result<String, Error> {
        float_key(v, v.is_finite())
    }
    fn serialize_f64(self, v: f64) -> Result<String, Error> {
        float_key(v, v.is_finite())
    }
    fn serialize_bytes(self, _: &[u8]) -> Result<String, Error> {
        Err(not_a_key())
    }
    fn serialize_none(self) -> Result<String, Error> {
        Err(not_a_key())
    }
    fn serialize_some<T: Serialize + ?Sized>(self, _: &T) -> Result<String, Error> {
        Err(not_a_key())
    }
    fn serialize_unit(self) -> Result<String, Error> {
        Err(not_a_key())
    }
    fn serialize_unit_struct(self, _: &'static str) -> Result<String, Error> {
        Err(not_a_key())
    }
    fn serialize_unit_variant(
        self,
        _: &'static str,
        _: u32,
        v: &'static str,
    ) -> Result<String, Error> {
        Ok(v.to_owned())
    }
    fn serialize_newtype_struct<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        value: &T,
    ) -> Result<String, Error> {
        value.serialize(self)
    }
    fn serialize_newtype_variant<T: Serialize + ?Sized>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<String, Error> {
        Err(not_a_key())
    }
    fn serialize_seq(self, _: Option<usize>) -> Result<Self::SerializeSeq, Error> {
        Err(not_a_key())
    }
    fn serialize_tuple(self, _: usize) -> Result<Self::SerializeTuple, Error> {
        Err(not_a_key())
    }
    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleStruct, Error> {
        Err(not_a_key())
    }
    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeTupleVariant, Error> {
        Err(not_a_key())
    }
    fn serialize_map(self, _: Option<usize>) -> Result<Self::SerializeMap, Error> {
        Err(not_a_key())
    }
    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Self::SerializeStruct, Error> {
        Err(not_a_key())
    }
    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Self::SerializeStructVariant, Error> {
        Err(not_a_key())
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use super::{Want, to_want};

    /// Every preset's export, in both languages, is what `serde_json` makes of it: the same
    /// members in the same order, each number as whole or not as `serde_json` takes it.
    #[test]
    fn an_export_is_what_serde_json_makes_of_it() {
        use crate::model::enums::{Lang, Segment};
        for s in Segment::ALL {
            for l in Lang::ALL {
                let text = crate::model::presets::preset(*s, *l);
                let b = crate::model::load::parse(text, crate::diag::FileId(0)).unwrap();
                for loc in &b.locations {
                    let config = crate::export::bot_config(&b, loc);
                    let json = serde_json::to_value(&config).unwrap();
                    let want = to_want(&config).unwrap();
                    assert_eq!(want.to_json(), json, "{s:?} {l:?}");
                    assert_eq!(want.to_string(), json.to_string());
                    same_numbers(&want, &json);
                }
            }
        }
    }

    fn same_numbers(w: &Want, j: &serde_json::Value) {
        match (w, j) {
            (Want::Number(_), serde_json::Value::Number(n)) => {
                assert_eq!(
                    (w.as_u64(), w.as_i64(), w.as_f64()),
                    (n.as_u64(), n.as_i64(), n.as_f64())
                );
            }
            (Want::Array(a), serde_json::Value::Array(b)) => {
                a.iter().zip(b).for_each(|(x, y)| same_numbers(x, y));
            }
            (Want::Object(a), serde_json::Value::Object(b)) => {
                let keys: Vec<&str> = a.iter().map(|(k, _)| k).collect();
                let theirs: Vec<&str> = b.keys().map(String::as_str).collect();
                assert_eq!(keys, theirs);
                a.values()
                    .zip(b.values())
                    .for_each(|(x, y)| same_numbers(x, y));
            }
            _ => {}
        }
    }

    #[derive(serde::Serialize)]
    enum E {
        Unit,
        New(u8),
        Tuple(i32, f64),
        Struct { a: Option<i8>, b: char },
    }

    /// Bytes, serialised as bytes.
    struct Bytes(Vec<u8>);

    impl serde::Serialize for Bytes {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.serialize_bytes(&self.0)
        }
    }

    #[derive(serde::Serialize)]
    struct Shapes {
        n: i64,
        neg: i64,
        big: u128,
        f: f32,
        nan: f64,
        bytes: Bytes,
        unit: (),
        t: (u8, &'static str),
        es: Vec<E>,
        keys: BTreeMap<u32, bool>,
        flags: BTreeMap<bool, u8>,
    }

    /// A map of one member whose key is `K`.
    struct Key<K>(K);

    impl<K: serde::Serialize> serde::Serialize for Key<K> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            use serde::ser::SerializeMap;
            let mut m = s.serialize_map(None)?;
            m.serialize_entry(&self.0, &1)?;
            m.end()
        }
    }

    /// A map written pair by pair, a key perhaps twice.
    struct Pairs<'p>(&'p [(&'static str, i32)]);

    impl serde::Serialize for Pairs<'_> {
        fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
            s.collect_map(self.0.iter().map(|(k, v)| (k, v)))
        }
    }

    /// The shapes the export does not use today, each as `serde_json` makes it.
    #[test]
    fn every_shape_is_what_serde_json_makes_of_it() {
        let s = Shapes {
            n: 7,
            neg: -7,
            big: u128::from(u64::MAX),
            f: 0.5,
            nan: f64::NAN,
            bytes: Bytes(vec![1, 255]),
            unit: (),
            t: (1, "x"),
            es: vec![
                E::Unit,
                E::New(3),
                E::Tuple(-1, 1.0),
                E::Struct { a: None, b: 'ё' },
            ],
            keys: BTreeMap::from([(2, true), (10, false)]),
            flags: BTreeMap::from([(true, 1)]),
        };
        let want = to_want(&s).unwrap();
        let json = serde_json::to_value(&s).unwrap();
        assert_eq!(want.to_json(), json);
        assert_eq!(want.to_string(), json.to_string());
        same_numbers(&want, &json);
        assert_eq!(want["es"].as_array().unwrap()[3]["Struct"]["b"], "ё");
        assert_eq!(want["missing"], Want::Null);
        // A float key is written as its number; NaN is no key to either; nor is a list.
        let json = serde_json::to_value(Key(1.5f64)).unwrap();
        assert_eq!(to_want(&Key(1.5f64)).unwrap().to_json(), json);
        assert_eq!(
            to_want(&Key(0.1f32)).unwrap().to_json(),
            serde_json::to_value(Key(0.1f32)).unwrap()
        );
        assert!(serde_json::to_value(Key(f64::NAN)).is_err());
        assert!(to_want(&Key(f64::NAN)).is_err());
        assert!(serde_json::to_value(Key(vec![1])).is_err());
        assert!(to_want(&Key(vec![1])).is_err());
    }

    /// A key written twice keeps its first place and its last value, as in `serde_json`.
    #[test]
    fn a_key_twice_keeps_its_place_and_last_value() {
        let pairs = [("a", 1), ("b", 2), ("a", 3)];
        let want = to_want(&Pairs(&pairs)).unwrap();
        assert_eq!(want.to_json(), serde_json::to_value(Pairs(&pairs)).unwrap());
        assert_eq!(want.to_string(), r#"{"a":3,"b":2}"#);
    }
}
