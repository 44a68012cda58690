//! The rows of a listing (ATD-4), their texts kept in one buffer: a list of 100 000
//! atendimentos costs a few allocations, not five per row (measured: BENCHMARKS.md).
//! Written out as the array of [`AtendimentoRow`] objects it stands for — the same
//! JSON and the same schema; [`Rows::iter`] reads it without copying, and
//! [`Row::to_owned`] gives an [`AtendimentoRow`].

use std::ops::Range;

use chrono::NaiveDate;
use serde::de::Deserializer;
use serde::ser::{SerializeMap, SerializeSeq, Serializer};
use serde::{Deserialize, Serialize};

use super::types::AtendimentoRow;
use crate::model::Atendimento;

/// Where a row's texts and tags are.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Spans {
    /// id, reference, title, contact, status: ranges of [`Rows::text`].
    texts: [Range<usize>; 5],
    /// Its tags: a range of [`Rows::tags`].
    tags: Range<usize>,
    value_centavos: Option<u64>,
    updated_on: NaiveDate,
    created_on: NaiveDate,
}

/// The rows of `atendimento.list`, filtered and sorted.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Rows {
    text: String,
    tags: Vec<Range<usize>>,
    rows: Vec<Spans>,
}

/// One row of [`Rows`], borrowed.
#[derive(Debug, Clone, Copy)]
pub struct Row<'a> {
    of: &'a Rows,
    spans: &'a Spans,
}

impl Rows {
    /// No rows, with room for `n`.
    pub(crate) fn with_capacity(n: usize) -> Rows {
        Rows { text: String::new(), tags: Vec::new(), rows: Vec::with_capacity(n) }
    }

    fn put(&mut self, s: &str) -> Range<usize> {
        let start = self.text.len();
        self.text.push_str(s);
        start..self.text.len()
    }

    fn push_parts<'s>(
        &mut self,
        texts: [&str; 5],
        tags: impl Iterator<Item = &'s str>,
        value_centavos: Option<u64>,
        updated_on: NaiveDate,
        created_on: NaiveDate,
    ) {
        let texts = texts.map(|t| self.put(t));
        let first = self.tags.len();
        for tag in tags {
            let at = self.put(tag);
            self.tags.push(at);
        }
        let tags = first..self.tags.len();
        self.rows.push(Spans { texts, tags, value_centavos, updated_on, created_on });
    }

    /// Adds the row of `a`, whose value is `value`.
    pub(crate) fn push(&mut self, a: &Atendimento, value: Option<u64>) {
        let texts = [a.id.as_str(), &a.reference, &a.title, &a.contact.name, &a.status];
        self.push_parts(texts, a.tags.iter().map(String::as_str), value, a.updated_on, a.created_on);
    }

    /// How many rows.
    pub fn len(&self) -> usize {
        self.rows.len()
    }

    /// Whether there is none.
    pub fn is_empty(&self) -> bool {
        self.rows.is_empty()
    }

    /// The row at `index`, if any.
    pub fn get(&self, index: usize) -> Option<Row<'_>> {
        self.rows.get(index).map(|spans| Row { of: self, spans })
    }

    /// The rows, in order.
    pub fn iter(&self) -> impl Iterator<Item = Row<'_>> + '_ {
        self.rows.iter().map(move |spans| Row { of: self, spans })
    }
}

impl<'a> Row<'a> {
    fn text(&self, k: usize) -> &'a str {
        self.spans.texts.get(k).and_then(|r| self.of.text.get(r.clone())).unwrap_or_default()
    }

    /// The atendimento's id.
    pub fn id(&self) -> &'a str {
        self.text(0)
    }

    /// Referência.
    pub fn reference(&self) -> &'a str {
        self.text(1)
    }

    /// Título.
    pub fn title(&self) -> &'a str {
        self.text(2)
    }

    /// Nome de contato.
    pub fn contact(&self) -> &'a str {
        self.text(3)
    }

    /// Situação.
    pub fn status(&self) -> &'a str {
        self.text(4)
    }

    /// Valor, in centavos (see [`AtendimentoRow::value_centavos`]).
    pub fn value_centavos(&self) -> Option<u64> {
        self.spans.value_centavos
    }

    /// Última atualização.
    pub fn updated_on(&self) -> NaiveDate {
        self.spans.updated_on
    }

    /// Data de criação.
    pub fn created_on(&self) -> NaiveDate {
        self.spans.created_on
    }

    /// Its tags.
    pub fn tags(&self) -> impl Iterator<Item = &'a str> + 'a {
        let of = self.of;
        of.tags.get(self.spans.tags.clone()).unwrap_or_default().iter().filter_map(move |r| of.text.get(r.clone()))
    }

    /// The row as an owned [`AtendimentoRow`].
    pub fn to_owned(&self) -> AtendimentoRow {
        AtendimentoRow {
            id: self.id().to_owned(),
            reference: self.reference().to_owned(),
            title: self.title().to_owned(),
            contact: self.contact().to_owned(),
            status: self.status().to_owned(),
            value_centavos: self.value_centavos(),
            updated_on: self.updated_on(),
            created_on: self.created_on(),
            tags: self.tags().map(str::to_owned).collect(),
        }
    }
}

/// The tags of a row, written as a JSON array.
struct Tags<'a>(Row<'a>);

impl Serialize for Tags<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_seq(self.0.tags())
    }
}

impl Serialize for Row<'_> {
    /// As [`AtendimentoRow`] derives it: the same keys in the same order.
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut m = s.serialize_map(Some(9))?;
        m.serialize_entry("id", self.id())?;
        m.serialize_entry("reference", self.reference())?;
        m.serialize_entry("title", self.title())?;
        m.serialize_entry("contact", self.contact())?;
        m.serialize_entry("status", self.status())?;
        m.serialize_entry("value_centavos", &self.value_centavos())?;
        m.serialize_entry("updated_on", &self.updated_on())?;
        m.serialize_entry("created_on", &self.created_on())?;
        m.serialize_entry("tags", &Tags(*self))?;
        m.end()
    }
}

impl Serialize for Rows {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut seq = s.serialize_seq(Some(self.len()))?;
        for row in self.iter() {
            seq.serialize_element(&row)?;
        }
        seq.end()
    }
}

impl<'de> Deserialize<'de> for Rows {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Rows, D::Error> {
        let owned = Vec::<AtendimentoRow>::deserialize(d)?;
        Ok(owned.iter().collect())
    }
}

impl<'r> FromIterator<&'r AtendimentoRow> for Rows {
    fn from_iter<I: IntoIterator<Item = &'r AtendimentoRow>>(rows: I) -> Rows {
        let mut out = Rows::default();
        for r in rows {
            let texts = [r.id.as_str(), &r.reference, &r.title, &r.contact, &r.status];
            out.push_parts(texts, r.tags.iter().map(String::as_str), r.value_centavos, r.updated_on, r.created_on);
        }
        out
    }
}

/// The schema of the array of [`AtendimentoRow`] it is written as.
impl schemars::JsonSchema for Rows {
    fn inline_schema() -> bool {
        <Vec<AtendimentoRow>>::inline_schema()
    }

    fn schema_name() -> std::borrow::Cow<'static, str> {
        <Vec<AtendimentoRow>>::schema_name()
    }

    fn json_schema(g: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <Vec<AtendimentoRow>>::json_schema(g)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn row(id: &str, tags: &[&str], value: Option<u64>) -> AtendimentoRow {
        let d = NaiveDate::from_ymd_opt(2026, 3, 5).unwrap_or_default();
        AtendimentoRow {
            id: id.into(),
            reference: format!("ref-{id}"),
            title: "Título; \"x\"".into(),
            contact: "Zé".into(),
            status: String::new(),
            value_centavos: value,
            updated_on: d,
            created_on: d,
            tags: tags.iter().map(|t| (*t).to_owned()).collect(),
        }
    }

    #[test]
    fn written_as_the_owned_rows_and_read_back() {
        let owned = vec![row("a", &["Quente", "Frio"], Some(10)), row("b", &[], None), row("", &[""], Some(0))];
        let rows: Rows = owned.iter().collect();
        assert_eq!(serde_json::to_string(&rows).ok(), serde_json::to_string(&owned).ok());
        let back: Vec<AtendimentoRow> = rows.iter().map(|r| r.to_owned()).collect();
        assert_eq!(back, owned);
        let read: Option<Rows> = serde_json::to_string(&owned).ok().and_then(|t| serde_json::from_str(&t).ok());
        assert_eq!(read, Some(rows.clone()));
        assert_eq!((rows.len(), rows.get(1).map(|r| r.id()), rows.get(3).is_none()), (3, Some("b"), true));
    }
}
