//! A deserializer over a borrowed [`serde_json::Value`] that reports where an error
//! happened: the path of keys and indices from the root to the offending value.
//!
//! It behaves as `serde_json`'s own `&Value` deserializer (same visits, same error
//! messages: the errors *are* `serde_json::Error`s), and adds the path as an error
//! bubbles up, so a successful read costs nothing extra. One difference: a record
//! (struct) is read from a JSON object only, as the schemas say; serde_json also reads
//! it from an array, positionally — a form never documented here, and the code for it
//! (one more visitor per record type) was 12 KB of the gzipped WebAssembly module. One generic layer instead of
//! two (`serde_path_to_error` wraps every visitor, which doubled the code generated
//! per input type: about 200 KB of the WebAssembly module).

use std::fmt;

use serde::de::{self, DeserializeSeed, IntoDeserializer, Unexpected, Visitor};
use serde_json::{Map, Value};

/// One step of a path: an object key (or enum variant) or an array index.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Segment {
    Key(String),
    Index(usize),
}

/// A `serde_json::Error` with the path where it happened.
#[derive(Debug)]
pub(crate) struct Error {
    inner: serde_json::Error,
    /// Innermost segment first: errors collect their path on the way out.
    reversed: Vec<Segment>,
}

impl Error {
    fn at(mut self, segment: Segment) -> Self {
        self.reversed.push(segment);
        self
    }

    fn key(key: &str) -> impl FnOnce(Self) -> Self + '_ {
        move |e| e.at(Segment::Key(key.to_owned()))
    }

    /// The path as `a.b[2].c` (`serde_path_to_error`'s notation; `.` for the root).
    pub(crate) fn path(&self) -> String {
        if self.reversed.is_empty() {
            return ".".to_owned();
        }
        let mut out = String::new();
        for segment in self.reversed.iter().rev() {
            match segment {
                Segment::Index(i) => out.push_str(&format!("[{i}]")),
                Segment::Key(k) => {
                    if !out.is_empty() {
                        out.push('.');
                    }
                    out.push_str(k);
                }
            }
        }
        out
    }

    /// The message, exactly as `serde_json` words it.
    pub(crate) fn message(&self) -> String {
        self.inner.to_string()
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} at {}", self.inner, self.path())
    }
}

impl std::error::Error for Error {}

fn wrap(inner: serde_json::Error) -> Error {
    Error { inner, reversed: Vec::new() }
}

// Every message is worded as serde_json's own (`invalid type: null, …` rather than
// serde's default `unit value`): through its constructors, or `Worded` below.
impl de::Error for Error {
    fn custom<T: fmt::Display>(msg: T) -> Self {
        wrap(<serde_json::Error as de::Error>::custom(msg))
    }
    fn invalid_type(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::custom(format_args!("invalid type: {}, expected {}", Worded(unexp), exp))
    }
    fn invalid_value(unexp: Unexpected<'_>, exp: &dyn de::Expected) -> Self {
        Self::custom(format_args!("invalid value: {}, expected {}", Worded(unexp), exp))
    }
    fn invalid_length(len: usize, exp: &dyn de::Expected) -> Self {
        wrap(<serde_json::Error as de::Error>::invalid_length(len, exp))
    }
    fn unknown_variant(variant: &str, expected: &'static [&'static str]) -> Self {
        wrap(<serde_json::Error as de::Error>::unknown_variant(variant, expected))
    }
    fn unknown_field(field: &str, expected: &'static [&'static str]) -> Self {
        wrap(<serde_json::Error as de::Error>::unknown_field(field, expected))
    }
    fn missing_field(field: &'static str) -> Self {
        wrap(<serde_json::Error as de::Error>::missing_field(field))
    }
    fn duplicate_field(field: &'static str) -> Self {
        wrap(<serde_json::Error as de::Error>::duplicate_field(field))
    }
}

/// An unexpected value worded as serde_json words it (`null`; floats by its own float
/// writer) — written out here because serde's wording formats floats with the
/// standard float formatting, about 30 KB of the WebAssembly module for one message.
struct Worded<'a>(Unexpected<'a>);

impl fmt::Display for Worded<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Unexpected::Unit => f.write_str("null"),
            Unexpected::Float(v) => match serde_json::Number::from_f64(v) {
                Some(n) => write!(f, "floating point `{n}`"),
                None if v.is_nan() => f.write_str("floating point `NaN`"),
                None => f.write_str(if v > 0.0 { "floating point `inf`" } else { "floating point `-inf`" }),
            },
            Unexpected::Bool(b) => write!(f, "boolean `{b}`"),
            Unexpected::Unsigned(i) => write!(f, "integer `{i}`"),
            Unexpected::Signed(i) => write!(f, "integer `{i}`"),
            Unexpected::Char(c) => write!(f, "character `{c}`"),
            Unexpected::Str(s) => write!(f, "string {s:?}"),
            Unexpected::Bytes(_) => f.write_str("byte array"),
            Unexpected::Option => f.write_str("Option value"),
            Unexpected::NewtypeStruct => f.write_str("newtype struct"),
            Unexpected::Seq => f.write_str("sequence"),
            Unexpected::Map => f.write_str("map"),
            Unexpected::Enum => f.write_str("enum"),
            Unexpected::UnitVariant => f.write_str("unit variant"),
            Unexpected::NewtypeVariant => f.write_str("newtype variant"),
            Unexpected::TupleVariant => f.write_str("tuple variant"),
            Unexpected::StructVariant => f.write_str("struct variant"),
            Unexpected::Other(other) => f.write_str(other),
        }
    }
}

type Result<T> = std::result::Result<T, Error>;

/// Reads a `T` from `value`; on failure, the error knows its path.
pub(crate) fn deserialize<'de, T: de::Deserialize<'de>>(value: &'de Value) -> Result<T> {
    T::deserialize(Tracked(value))
}

/// The deserializer: a borrowed JSON value.
#[derive(Clone, Copy)]
struct Tracked<'de>(&'de Value);

fn unexpected(value: &Value) -> Unexpected<'_> {
    match value {
        Value::Null => Unexpected::Unit,
        Value::Bool(b) => Unexpected::Bool(*b),
        Value::Number(n) => number_unexpected(n),
        Value::String(s) => Unexpected::Str(s),
        Value::Array(_) => Unexpected::Seq,
        Value::Object(_) => Unexpected::Map,
    }
}

fn number_unexpected(n: &serde_json::Number) -> Unexpected<'static> {
    if let Some(u) = n.as_u64() {
        Unexpected::Unsigned(u)
    } else if let Some(i) = n.as_i64() {
        Unexpected::Signed(i)
    } else {
        Unexpected::Float(n.as_f64().unwrap_or(f64::NAN))
    }
}

fn visit_number<'de, V: Visitor<'de>>(n: &serde_json::Number, visitor: V) -> Result<V::Value> {
    if let Some(u) = n.as_u64() {
        visitor.visit_u64(u)
    } else if let Some(i) = n.as_i64() {
        visitor.visit_i64(i)
    } else {
        visitor.visit_f64(n.as_f64().unwrap_or(f64::NAN))
    }
}

fn visit_array<'de, V: Visitor<'de>>(array: &'de [Value], visitor: V) -> Result<V::Value> {
    let mut seq = Seq { items: array.iter().enumerate() };
    let read = visitor.visit_seq(&mut seq)?;
    if seq.items.len() == 0 {
        Ok(read)
    } else {
        Err(de::Error::invalid_length(array.len(), &"fewer elements in array"))
    }
}

fn visit_object<'de, V: Visitor<'de>>(object: &'de Map<String, Value>, visitor: V) -> Result<V::Value> {
    let mut map = Entries { entries: object.iter(), value: None };
    let read = visitor.visit_map(&mut map)?;
    if map.entries.len() == 0 {
        Ok(read)
    } else {
        Err(de::Error::invalid_length(object.len(), &"fewer elements in map"))
    }
}

macro_rules! numbers {
    ($($method:ident)*) => {$(
        fn $method<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
            match self.0 {
                Value::Number(n) => visit_number(n, visitor),
                other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
            }
        }
    )*};
}

impl<'de> de::Deserializer<'de> for Tracked<'de> {
    type Error = Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            Value::Bool(b) => visitor.visit_bool(*b),
            Value::Number(n) => visit_number(n, visitor),
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(a) => visit_array(a, visitor),
            Value::Object(o) => visit_object(o, visitor),
        }
    }

    numbers!(deserialize_i8 deserialize_i16 deserialize_i32 deserialize_i64 deserialize_i128
             deserialize_u8 deserialize_u16 deserialize_u32 deserialize_u64 deserialize_u128
             deserialize_f32 deserialize_f64);

    fn deserialize_option<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_none(),
            _ => visitor.visit_some(self),
        }
    }

    fn deserialize_enum<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _variants: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.0 {
            Value::Object(o) => {
                let mut entries = o.iter();
                match (entries.next(), entries.next()) {
                    (Some((variant, value)), None) => visitor.visit_enum(Variant { variant, value: Some(value) }),
                    _ => Err(de::Error::invalid_value(Unexpected::Map, &"map with a single key")),
                }
            }
            Value::String(variant) => visitor.visit_enum(Variant { variant, value: None }),
            other => Err(de::Error::invalid_type(unexpected(other), &"string or map")),
        }
    }

    fn deserialize_newtype_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value> {
        visitor.visit_newtype_struct(self)
    }

    fn deserialize_bool<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Bool(b) => visitor.visit_bool(*b),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_char<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_str<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_string<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_bytes<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::String(s) => visitor.visit_borrowed_str(s),
            Value::Array(a) => visit_array(a, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_byte_buf<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_bytes(visitor)
    }

    fn deserialize_unit<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Null => visitor.visit_unit(),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_unit_struct<V: Visitor<'de>>(self, _name: &'static str, visitor: V) -> Result<V::Value> {
        self.deserialize_unit(visitor)
    }

    fn deserialize_seq<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Array(a) => visit_array(a, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_tuple<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_tuple_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _len: usize,
        visitor: V,
    ) -> Result<V::Value> {
        self.deserialize_seq(visitor)
    }

    fn deserialize_map<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        match self.0 {
            Value::Object(o) => visit_object(o, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_struct<V: Visitor<'de>>(
        self,
        _name: &'static str,
        _fields: &'static [&'static str],
        visitor: V,
    ) -> Result<V::Value> {
        match self.0 {
            Value::Object(o) => visit_object(o, visitor),
            other => Err(de::Error::invalid_type(unexpected(other), &visitor)),
        }
    }

    fn deserialize_identifier<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        self.deserialize_str(visitor)
    }

    fn deserialize_ignored_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value> {
        visitor.visit_unit()
    }
}

/// The elements of an array, each with its index for the path.
struct Seq<'de> {
    items: std::iter::Enumerate<std::slice::Iter<'de, Value>>,
}

impl<'de> de::SeqAccess<'de> for Seq<'de> {
    type Error = Error;

    fn next_element_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<Option<T::Value>> {
        match self.items.next() {
            Some((i, value)) => seed.deserialize(Tracked(value)).map(Some).map_err(|e| e.at(Segment::Index(i))),
            None => Ok(None),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.items.len())
    }
}

/// The entries of an object, each value read under its key.
struct Entries<'de> {
    entries: serde_json::map::Iter<'de>,
    value: Option<(&'de str, &'de Value)>,
}

impl<'de> de::MapAccess<'de> for Entries<'de> {
    type Error = Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(&mut self, seed: K) -> Result<Option<K::Value>> {
        match self.entries.next() {
            Some((key, value)) => {
                self.value = Some((key, value));
                let key_de = de::value::BorrowedStrDeserializer::<Error>::new(key);
                seed.deserialize(key_de).map(Some).map_err(Error::key(key))
            }
            None => Ok(None),
        }
    }

    fn next_value_seed<T: DeserializeSeed<'de>>(&mut self, seed: T) -> Result<T::Value> {
        match self.value.take() {
            Some((key, value)) => seed.deserialize(Tracked(value)).map_err(Error::key(key)),
            None => Err(de::Error::custom("value is missing")),
        }
    }

    fn size_hint(&self) -> Option<usize> {
        Some(self.entries.len())
    }
}

/// An externally tagged enum: `"Variant"` or `{"Variant": value}`.
struct Variant<'de> {
    variant: &'de str,
    value: Option<&'de Value>,
}

impl<'de> de::EnumAccess<'de> for Variant<'de> {
    type Error = Error;
    type Variant = Self;

    fn variant_seed<V: DeserializeSeed<'de>>(self, seed: V) -> Result<(V::Value, Self)> {
        let name: de::value::StrDeserializer<'_, Error> = self.variant.into_deserializer();
        seed.deserialize(name).map(|v| (v, self))
    }
}

impl<'de> de::VariantAccess<'de> for Variant<'de> {
    type Error = Error;

    fn unit_variant(self) -> Result<()> {
        match self.value {
            Some(value) => de::Deserialize::deserialize(Tracked(value)).map_err(Error::key(self.variant)),
            None => Ok(()),
        }
    }

    fn newtype_variant_seed<T: DeserializeSeed<'de>>(self, seed: T) -> Result<T::Value> {
        match self.value {
            Some(value) => seed.deserialize(Tracked(value)).map_err(Error::key(self.variant)),
            None => Err(Error::key(self.variant)(de::Error::invalid_type(Unexpected::UnitVariant, &"newtype variant"))),
        }
    }

    fn tuple_variant<V: Visitor<'de>>(self, _len: usize, visitor: V) -> Result<V::Value> {
        match self.value {
            Some(Value::Array(a)) if a.is_empty() => visitor.visit_unit(),
            Some(Value::Array(a)) => visit_array(a, visitor).map_err(Error::key(self.variant)),
            Some(other) => Err(Error::key(self.variant)(de::Error::invalid_type(unexpected(other), &"tuple variant"))),
            None => Err(Error::key(self.variant)(de::Error::invalid_type(Unexpected::UnitVariant, &"tuple variant"))),
        }
    }

    fn struct_variant<V: Visitor<'de>>(self, _fields: &'static [&'static str], visitor: V) -> Result<V::Value> {
        match self.value {
            Some(Value::Object(o)) => visit_object(o, visitor).map_err(Error::key(self.variant)),
            Some(other) => Err(Error::key(self.variant)(de::Error::invalid_type(unexpected(other), &"struct variant"))),
            None => Err(Error::key(self.variant)(de::Error::invalid_type(Unexpected::UnitVariant, &"struct variant"))),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde::de::Error as _;

    /// Worded as serde_json words every kind of unexpected value.
    #[test]
    fn wording_is_serde_json_s() {
        let exp = &"something";
        for u in [
            Unexpected::Unit,
            Unexpected::Float(1.0),
            Unexpected::Float(-2.5e-8),
            Unexpected::Float(f64::NAN),
            Unexpected::Float(f64::NEG_INFINITY),
            Unexpected::Bool(true),
            Unexpected::Unsigned(7),
            Unexpected::Signed(-7),
            Unexpected::Char('ç'),
            Unexpected::Str("a \"b\"\n"),
            Unexpected::Bytes(b"x"),
            Unexpected::Option,
            Unexpected::NewtypeStruct,
            Unexpected::Seq,
            Unexpected::Map,
            Unexpected::Enum,
            Unexpected::UnitVariant,
            Unexpected::NewtypeVariant,
            Unexpected::TupleVariant,
            Unexpected::StructVariant,
            Unexpected::Other("other"),
        ] {
            assert_eq!(Error::invalid_type(u, exp).message(), serde_json::Error::invalid_type(u, exp).to_string());
            assert_eq!(Error::invalid_value(u, exp).message(), serde_json::Error::invalid_value(u, exp).to_string());
        }
    }
}
