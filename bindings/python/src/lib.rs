//! Python binding of crm-rules (`crm_rules._native`).
//!
//! Thin on purpose: this file only converts Python values to JSON / chrono values
//! and back, calls the core and maps its errors to the Python exception classes
//! defined in `crm_rules/_errors.py`. Every rule lives in the core crate.

#[rustfmt::skip] // Written by scripts/generate.py, compared byte for byte by its --check.
mod generated;

use std::collections::BTreeMap;
use std::sync::{Arc, OnceLock};

use chrono::{Datelike, NaiveDate};
use crm_rules::schema::DateShape;
use crm_rules::{CrmError, ErrorCategory, Holiday};
use pyo3::prelude::*;
use pyo3::sync::PyOnceLock;
use pyo3::types::{PyBool, PyDate, PyDateTime, PyDict, PyFloat, PyInt, PyList, PyMapping, PyString, PyTuple, PyType};
use serde_json::{Map, Number, Value};

/// How deep a Python structure may nest before it is refused (guards against
/// self-referencing lists and stack exhaustion).
const MAX_DEPTH: usize = 64;

// Errors

/// Raises the class `name` of `crm_rules._errors` with `(code, path, message)`.
fn raise(py: Python<'_>, class: &str, code: &str, path: Option<&str>, message: String) -> PyErr {
    let ty = py
        .import("crm_rules._errors")
        .and_then(|m| m.getattr(class))
        .and_then(|c| c.cast_into::<PyType>().map_err(PyErr::from));
    match ty {
        Ok(ty) => PyErr::from_type(ty, (code.to_owned(), path.map(str::to_owned), message)),
        Err(e) => e,
    }
}

/// The Python exception for a core error, chosen by its category.
fn crm_err(e: &CrmError) -> PyErr {
    let class = match e.category() {
        ErrorCategory::Validation => "ValidationError",
        ErrorCategory::Policy => "PolicyError",
        ErrorCategory::Range => "OutOfRangeError",
        ErrorCategory::UnknownRule => "UnknownRuleError",
    };
    Python::attach(|py| raise(py, class, e.code(), e.path(), e.to_string()))
}

/// `ValidationError` with code `input.invalid` for a Python value of the wrong type.
fn invalid(py: Python<'_>, path: &str, message: String) -> PyErr {
    let shown = if path.is_empty() { None } else { Some(path) };
    let message = match shown {
        Some(p) => format!("{p}: invalid input: {message}"),
        None => format!("invalid input: {message}"),
    };
    raise(py, "ValidationError", "input.invalid", shown, message)
}

/// `OutOfRangeError` (code `calendar.out_of_range`) for a Python int too large.
fn out_of_range(py: Python<'_>, path: &str, message: String) -> PyErr {
    let message = format!("{path}: out of the supported range: {message}");
    raise(py, "OutOfRangeError", "calendar.out_of_range", Some(path), message)
}

fn type_name(obj: &Bound<'_, PyAny>) -> String {
    obj.get_type().name().map(|n| n.to_string()).unwrap_or_else(|_| "object".to_owned())
}

// Python -> JSON

/// Where a value sits in the input, rendered (`records[3].name`) only for an error:
/// converting a million records builds no path strings.
#[derive(Clone, Copy)]
enum Path<'a> {
    /// The whole argument, named.
    Root(&'a str),
    Key(&'a Path<'a>, &'a str),
    Index(&'a Path<'a>, usize),
}

impl Path<'_> {
    /// The path in an error message (`records[3].name`); the whole input is `input`.
    fn here(&self) -> String {
        match self {
            Path::Root("") => "input".to_owned(),
            Path::Root(name) => (*name).to_owned(),
            Path::Key(Path::Root(""), key) => (*key).to_owned(),
            Path::Key(parent, key) => format!("{}.{key}", parent.here()),
            Path::Index(parent, i) => format!("{}[{i}]", parent.here()),
        }
    }
}

/// A Python value as JSON: dict/Mapping → object, list/tuple → array, `datetime.date`
/// → ISO string, `Policy` → its JSON. `path` names the value in error messages.
fn to_json(obj: &Bound<'_, PyAny>, path: Path<'_>, depth: usize) -> PyResult<Value> {
    let py = obj.py();
    if depth > MAX_DEPTH {
        return Err(invalid(py, &path.here(), format!("nested deeper than {MAX_DEPTH} levels")));
    }
    if obj.is_none() {
        return Ok(Value::Null);
    }
    if let Ok(s) = obj.cast::<PyString>() {
        return Ok(Value::String(s.to_cow()?.into_owned()));
    }
    if let Ok(b) = obj.cast::<PyBool>() {
        return Ok(Value::Bool(b.is_true()));
    }
    if obj.is_instance_of::<PyInt>() {
        if let Ok(i) = obj.extract::<i64>() {
            return Ok(Value::from(i));
        }
        if let Ok(u) = obj.extract::<u64>() {
            return Ok(Value::from(u));
        }
        return Err(invalid(py, &path.here(), "integer does not fit in 64 bits".to_owned()));
    }
    if obj.is_instance_of::<PyFloat>() {
        let f: f64 = obj.extract()?;
        return Number::from_f64(f)
            .map(Value::Number)
            .ok_or_else(|| invalid(py, &path.here(), format!("{f} is not a finite number")));
    }
    if let Ok(dict) = obj.cast::<PyDict>() {
        return map_to_json(dict.iter(), path, depth);
    }
    if let Ok(list) = obj.cast::<PyList>() {
        return seq_to_json(list.iter(), path, depth);
    }
    if obj.is_instance_of::<PyDateTime>() {
        return Err(invalid(py, &path.here(), "expected a datetime.date, got a datetime.datetime".to_owned()));
    }
    if obj.is_instance_of::<PyDate>() {
        return Ok(Value::String(date_of(obj)?.to_string()));
    }
    if let Ok(p) = obj.cast::<Policy>() {
        return Ok(p.get().inner.to_value());
    }
    if let Ok(tuple) = obj.cast::<PyTuple>() {
        return seq_to_json(tuple.iter(), path, depth);
    }
    if let Ok(mapping) = obj.cast::<PyMapping>() {
        let items: Vec<(Bound<'_, PyAny>, Bound<'_, PyAny>)> = mapping.items()?.extract()?;
        return map_to_json(items.into_iter(), path, depth);
    }
    Err(invalid(py, &path.here(), format!("unsupported type `{}`", type_name(obj))))
}

fn map_to_json<'py>(
    items: impl Iterator<Item = (Bound<'py, PyAny>, Bound<'py, PyAny>)>,
    path: Path<'_>,
    depth: usize,
) -> PyResult<Value> {
    let mut map = Map::new();
    for (k, v) in items {
        let key = dict_key(&k, path)?;
        let value = to_json(&v, Path::Key(&path, &key), depth + 1)?;
        map.insert(key, value);
    }
    Ok(Value::Object(map))
}

fn dict_key(k: &Bound<'_, PyAny>, path: Path<'_>) -> PyResult<String> {
    match k.cast::<PyString>() {
        Ok(s) => Ok(s.to_cow()?.into_owned()),
        Err(_) => Err(invalid(k.py(), &path.here(), format!("keys must be str, got `{}`", type_name(k)))),
    }
}

fn seq_to_json<'py>(
    items: impl ExactSizeIterator<Item = Bound<'py, PyAny>>,
    path: Path<'_>,
    depth: usize,
) -> PyResult<Value> {
    let mut out = Vec::with_capacity(items.len());
    for (i, item) in items.enumerate() {
        out.push(to_json(&item, Path::Index(&path, i), depth + 1)?);
    }
    Ok(Value::Array(out))
}

// JSON -> Python

/// JSON as Python; strings where `shape` (read off the answer's schema) has a date
/// become `datetime.date` (a string that does not parse is left as it is).
fn to_py<'py>(py: Python<'py>, v: &Value, shape: &DateShape) -> PyResult<Bound<'py, PyAny>> {
    Ok(match v {
        Value::Null => py.None().into_bound(py),
        Value::Bool(b) => PyBool::new(py, *b).to_owned().into_any(),
        Value::Number(n) => match (n.as_i64(), n.as_u64()) {
            (Some(i), _) => i.into_pyobject(py)?.into_any(),
            (_, Some(u)) => u.into_pyobject(py)?.into_any(),
            _ => n.as_f64().unwrap_or(f64::NAN).into_pyobject(py)?.into_any(),
        },
        Value::String(s) => match (*shape == DateShape::Date).then(|| crm_rules::parse_date(s).ok()).flatten() {
            Some(d) => py_date(py, d)?,
            None => PyString::new(py, s).into_any(),
        },
        Value::Array(items) => {
            PyList::new(py, items.iter().map(|item| to_py(py, item, shape.items())).collect::<PyResult<Vec<_>>>()?)?
                .into_any()
        }
        Value::Object(map) => {
            let dict = PyDict::new(py);
            for (k, item) in map {
                dict.set_item(k, to_py(py, item, shape.field(k))?)?;
            }
            dict.into_any()
        }
    })
}

/// The date shape of every rule's answer, read once from the schemas.
fn answer_shape(rule: &str) -> &'static DateShape {
    static SHAPES: OnceLock<BTreeMap<&'static str, DateShape>> = OnceLock::new();
    SHAPES
        .get_or_init(|| {
            crm_rules::registry::rules().map(|r| (r.name, DateShape::of_answer(r.name).unwrap_or_default())).collect()
        })
        .get(rule)
        .unwrap_or(&DateShape::Nothing)
}

// Typed arguments

/// A `datetime.date` argument (not a `datetime.datetime`, not a string), in range.
fn date_arg(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<NaiveDate> {
    if obj.is_instance_of::<PyDateTime>() || !obj.is_instance_of::<PyDate>() {
        return Err(invalid(obj.py(), name, format!("expected a datetime.date, got `{}`", type_name(obj))));
    }
    crm_rules::check_range(date_of(obj)?).map_err(|e| crm_err(&e.at_path(name)))
}

/// A `datetime.date` as a `NaiveDate` through its ordinal (one call under the stable ABI).
fn date_of(obj: &Bound<'_, PyAny>) -> PyResult<NaiveDate> {
    let ordinal: i32 = obj.call_method0(pyo3::intern!(obj.py(), "toordinal"))?.extract()?;
    NaiveDate::from_num_days_from_ce_opt(ordinal).ok_or_else(|| invalid(obj.py(), "date", format!("ordinal {ordinal}")))
}

/// A `NaiveDate` as a `datetime.date`, through the cached `date.fromordinal`.
fn py_date(py: Python<'_>, d: NaiveDate) -> PyResult<Bound<'_, PyAny>> {
    static FROM_ORDINAL: PyOnceLock<Py<PyAny>> = PyOnceLock::new();
    let from_ordinal = FROM_ORDINAL
        .get_or_try_init(py, || py.import("datetime")?.getattr("date")?.getattr("fromordinal").map(Bound::unbind))?;
    from_ordinal.bind(py).call1((d.num_days_from_ce(),))
}

/// An `int` argument (not a `bool`); too large → `OutOfRangeError`.
fn int_arg(obj: &Bound<'_, PyAny>, name: &str) -> PyResult<i64> {
    if obj.is_instance_of::<PyBool>() || !obj.is_instance_of::<PyInt>() {
        return Err(invalid(obj.py(), name, format!("expected an int, got `{}`", type_name(obj))));
    }
    obj.extract::<i64>().map_err(|_| out_of_range(obj.py(), name, "the integer is too large".to_owned()))
}

/// Holidays as Python dicts, their dates `datetime.date` (as the schema says).
fn holidays_py<'py>(py: Python<'py>, holidays: &[Holiday]) -> PyResult<Bound<'py, PyAny>> {
    let value = serde_json::to_value(holidays).map_err(|e| invalid(py, "year", e.to_string()))?;
    to_py(py, &value, answer_shape("calendar.holidays_in").field("outcome"))
}

// Classes

/// A validated policy (docs/API.md, "Policy"): every field optional, seed defaults.
/// Immutable; validated at construction (raises `PolicyError`).
///
/// >>> p = Policy.from_dict({"calendar": {"states": ["SP"], "carnival": True}})
/// >>> p.to_dict()["calendar"]["states"], p.to_dict()["agendamento"]["with_contact_max_days"]
/// (['SP'], 6)
/// >>> Policy() == Policy.from_json("{}")
/// True
#[pyclass(frozen, module = "crm_rules", name = "Policy")]
struct Policy {
    inner: crm_rules::Policy,
}

impl Policy {
    fn checked(inner: crm_rules::Policy) -> PyResult<Self> {
        inner.validate().map_err(|e| crm_err(&e))?;
        Ok(Policy { inner })
    }

    /// A `Policy`, a policy mapping or `None` (defaults) as a core policy.
    fn from_any(obj: Option<&Bound<'_, PyAny>>, name: &str) -> PyResult<crm_rules::Policy> {
        let Some(obj) = obj.filter(|o| !o.is_none()) else {
            return Ok(crm_rules::Policy::default());
        };
        if let Ok(p) = obj.cast::<Policy>() {
            return Ok(p.get().inner.clone());
        }
        if let Ok(c) = obj.cast::<Calendar>() {
            return Ok(c.get().policy.clone());
        }
        if obj.is_instance_of::<PyDict>() || obj.is_instance_of::<PyMapping>() {
            let v = to_json(obj, Path::Root("policy"), 0)?;
            return crm_rules::Policy::from_value(v).map_err(|e| crm_err(&e));
        }
        Err(invalid(obj.py(), name, format!("expected a Policy, a dict or None, got `{}`", type_name(obj))))
    }
}

#[pymethods]
impl Policy {
    /// `Policy(data=None)`: the same as `Policy.from_dict(data)`; `None` gives the defaults.
    #[new]
    #[pyo3(signature = (data=None))]
    fn new(data: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        Policy::checked(Policy::from_any(data, "data")?)
    }

    /// A policy from a (partial) policy mapping; dates may be `datetime.date` or ISO strings.
    ///
    /// >>> Policy.from_dict({"agendamento": {"with_contact_max_days": 8}}).to_dict()["agendamento"]["with_contact_max_days"]
    /// 8
    /// >>> Policy.from_dict({"calendar": {"states": ["XX"]}})
    /// Traceback (most recent call last):
    /// ...
    /// crm_rules._errors.PolicyError: policy.calendar.states[0]: ...
    #[classmethod]
    fn from_dict(_cls: &Bound<'_, PyType>, data: &Bound<'_, PyAny>) -> PyResult<Self> {
        if !(data.is_instance_of::<PyDict>() || data.is_instance_of::<PyMapping>()) {
            return Err(invalid(data.py(), "data", format!("expected a dict, got `{}`", type_name(data))));
        }
        Policy::checked(Policy::from_any(Some(data), "data")?)
    }

    /// A policy from JSON text.
    ///
    /// >>> Policy.from_json('{"calendar": {"corpus_christi": true}}').to_dict()["calendar"]["corpus_christi"]
    /// True
    #[classmethod]
    fn from_json(_cls: &Bound<'_, PyType>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        Policy::checked(native(crm_rules::Policy::from_json_str(&text_arg(text, "text")?))?)
    }

    /// A policy from TOML text.
    ///
    /// >>> Policy.from_toml("[calendar]\ncarnival = true\n").to_dict()["calendar"]["carnival"]
    /// True
    #[classmethod]
    fn from_toml(_cls: &Bound<'_, PyType>, text: &Bound<'_, PyAny>) -> PyResult<Self> {
        Policy::checked(native(crm_rules::Policy::from_toml_str(&text_arg(text, "text")?))?)
    }

    /// The whole policy (defaults filled in) as JSON-shaped data (dates as ISO strings).
    ///
    /// >>> Policy().to_dict()["agendamento"]["disregard_after_days"]
    /// 7
    fn to_dict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyAny>> {
        to_py(py, &self.inner.to_value(), &DateShape::Nothing)
    }

    /// The whole policy as JSON text.
    ///
    /// >>> Policy.from_json(Policy().to_json()) == Policy()
    /// True
    fn to_json(&self) -> String {
        self.inner.to_value().to_string()
    }

    fn __eq__(&self, other: &Bound<'_, PyAny>) -> bool {
        other.cast::<Policy>().is_ok_and(|o| o.get().inner == self.inner)
    }

    fn __hash__(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        // The canonical JSON text: equal policies give equal text (fields in a fixed order).
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.inner.to_value().to_string().hash(&mut h);
        h.finish()
    }

    fn __repr__(&self) -> String {
        format!("Policy.from_json({:?})", self.inner.to_value().to_string())
    }

    fn __reduce__<'py>(slf: &Bound<'py, Self>) -> PyResult<(Bound<'py, PyAny>, (String,))> {
        let from_json = slf.get_type().getattr("from_json")?;
        Ok((from_json, (slf.get().inner.to_value().to_string(),)))
    }
}

/// A business-day calendar (CAL-BD-1..3), built once from a policy's `calendar`
/// section (national when `policy` is None); every query afterwards is cheap.
///
/// >>> import datetime
/// >>> sp = Calendar(Policy.from_dict({"calendar": {"states": ["SP"]}}))
/// >>> sp.is_business_day(datetime.date(2024, 7, 9)), Calendar().is_business_day(datetime.date(2024, 7, 9))
/// (False, True)
#[pyclass(frozen, module = "crm_rules", name = "Calendar")]
struct Calendar {
    inner: Arc<crm_rules::Calendar>,
    policy: crm_rules::Policy,
}

#[pymethods]
impl Calendar {
    #[new]
    #[pyo3(signature = (policy=None))]
    fn new(policy: Option<&Bound<'_, PyAny>>) -> PyResult<Self> {
        let policy = Policy::from_any(policy, "policy")?;
        let inner = crm_rules::Calendar::from_policy(&policy).map_err(|e| crm_err(&e))?;
        Ok(Calendar { inner, policy })
    }

    /// The policy the calendar was built from.
    #[getter]
    fn policy(&self) -> Policy {
        Policy { inner: self.policy.clone() }
    }

    /// Whether `d` (a `datetime.date`) is a business day (CAL-BD-2).
    ///
    /// >>> import datetime
    /// >>> Calendar().is_business_day(datetime.date(2024, 11, 20))
    /// False
    fn is_business_day(&self, d: &Bound<'_, PyAny>) -> PyResult<bool> {
        is_business_day_in(&self.inner, d)
    }

    /// The `n`-th business day strictly after `d` (before for `n < 0`; for `n == 0`,
    /// `d` itself if it is a business day, else the next one). CAL-BD-2.
    ///
    /// >>> import datetime
    /// >>> Calendar().add_business_days(datetime.date(2024, 11, 19), 1)
    /// datetime.date(2024, 11, 21)
    fn add_business_days<'py>(&self, d: &Bound<'py, PyAny>, n: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        add_business_days_in(&self.inner, d, n)
    }

    /// Business days in `(a, b]`; negative when `b < a`. CAL-BD-2.
    ///
    /// >>> import datetime
    /// >>> Calendar().business_days_between(datetime.date(2024, 11, 19), datetime.date(2024, 11, 22))
    /// 2
    fn business_days_between(&self, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<i64> {
        business_days_between_in(&self.inner, a, b)
    }

    /// Every holiday and closure of `year`, sorted by date: a list of dicts
    /// `{"date": datetime.date, "name", "name_en", "law", "scope"}`.
    ///
    /// >>> [h["date"].isoformat() for h in Calendar().holidays_in(2024)][:3]
    /// ['2024-01-01', '2024-03-29', '2024-04-21']
    fn holidays_in<'py>(&self, year: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
        holidays_in_of(&self.inner, year)
    }

    fn __repr__(&self) -> String {
        format!("Calendar(Policy.from_json({:?}))", self.policy.to_value().to_string())
    }
}

// Calendar functions (CAL-BD-2): direct calls, no JSON round trip

fn is_business_day_in(cal: &crm_rules::Calendar, d: &Bound<'_, PyAny>) -> PyResult<bool> {
    cal.is_business_day(date_arg(d, "d")?).map_err(|e| crm_err(&e.at_path("d")))
}

fn add_business_days_in<'py>(
    cal: &crm_rules::Calendar,
    d: &Bound<'py, PyAny>,
    n: &Bound<'py, PyAny>,
) -> PyResult<Bound<'py, PyAny>> {
    let (day, n) = (date_arg(d, "d")?, int_arg(n, "n")?);
    py_date(d.py(), cal.add_business_days(day, n).map_err(|e| crm_err(&e.at_path("n")))?)
}

fn business_days_between_in(cal: &crm_rules::Calendar, a: &Bound<'_, PyAny>, b: &Bound<'_, PyAny>) -> PyResult<i64> {
    cal.business_days_between(date_arg(a, "a")?, date_arg(b, "b")?).map_err(|e| crm_err(&e))
}

fn holidays_in_of<'py>(cal: &crm_rules::Calendar, year: &Bound<'py, PyAny>) -> PyResult<Bound<'py, PyAny>> {
    let py = year.py();
    let year = int_arg(year, "year")?;
    let year = i32::try_from(year).map_err(|_| out_of_range(py, "year", format!("year {year}")))?;
    holidays_py(py, &cal.holidays_in(year).map_err(|e| crm_err(&e.at_path("year")))?)
}

/// The calendar `calendar=` designates: a `Calendar`, a `Policy` or policy mapping
/// (its calendar, cached per calendar policy by the core), or `None` (national).
fn calendar_arg(calendar: Option<&Bound<'_, PyAny>>) -> PyResult<Arc<crm_rules::Calendar>> {
    let Some(obj) = calendar.filter(|c| !c.is_none()) else { return Ok(crm_rules::Calendar::national()) };
    if let Ok(c) = obj.cast::<Calendar>() {
        return Ok(Arc::clone(&c.get().inner));
    }
    if !(obj.is_instance_of::<Policy>() || obj.is_instance_of::<PyMapping>()) {
        let got = type_name(obj);
        return Err(invalid(
            obj.py(),
            "calendar",
            format!("expected a Calendar, a Policy, a dict or None, got `{got}`"),
        ));
    }
    crm_rules::Calendar::from_policy(&Policy::from_any(Some(obj), "calendar")?).map_err(|e| crm_err(&e))
}

/// Whether `d` is a business day (CAL-BD-2) of `calendar` (national by default).
///
/// >>> import datetime
/// >>> is_business_day(datetime.date(2024, 11, 20))  # Consciência Negra, national from 2024
/// False
/// >>> is_business_day(datetime.date(2024, 1, 25), {"calendar": {"municipal_holidays": [
/// ...     {"month": 1, "day": 25, "name": "Aniversário de São Paulo"}]}})
/// False
#[pyfunction]
#[pyo3(signature = (d, calendar=None))]
fn is_business_day(d: &Bound<'_, PyAny>, calendar: Option<&Bound<'_, PyAny>>) -> PyResult<bool> {
    is_business_day_in(&*calendar_arg(calendar)?, d)
}

/// The `n`-th business day strictly after `d` (strictly before for `n < 0`; for
/// `n == 0`, `d` itself if it is a business day, else the next one). CAL-BD-2.
///
/// >>> import datetime
/// >>> add_business_days(datetime.date(2026, 4, 2), 1)  # Good Friday and the weekend skipped
/// datetime.date(2026, 4, 6)
/// >>> add_business_days("2026-04-02", 1)
/// Traceback (most recent call last):
/// ...
/// crm_rules._errors.ValidationError: d: invalid input: expected a datetime.date, got `str`
#[pyfunction]
#[pyo3(signature = (d, n, calendar=None))]
fn add_business_days<'py>(
    d: &Bound<'py, PyAny>,
    n: &Bound<'py, PyAny>,
    calendar: Option<&Bound<'py, PyAny>>,
) -> PyResult<Bound<'py, PyAny>> {
    add_business_days_in(&*calendar_arg(calendar)?, d, n)
}

/// Business days in `(a, b]`; negative when `b < a`. CAL-BD-2.
///
/// >>> import datetime
/// >>> business_days_between(datetime.date(2024, 11, 22), datetime.date(2024, 11, 19))
/// -2
#[pyfunction]
#[pyo3(signature = (a, b, calendar=None))]
fn business_days_between(
    a: &Bound<'_, PyAny>,
    b: &Bound<'_, PyAny>,
    calendar: Option<&Bound<'_, PyAny>>,
) -> PyResult<i64> {
    business_days_between_in(&*calendar_arg(calendar)?, a, b)
}

/// Every holiday and closure of `year` in `calendar`, sorted by date.
///
/// >>> sp = Policy.from_dict({"calendar": {"states": ["SP"]}})
/// >>> [(h["date"], h["name"]) for h in holidays_in(2024, sp) if h["scope"] == "state:SP"]
/// [(datetime.date(2024, 7, 9), 'Revolução Constitucionalista')]
#[pyfunction]
#[pyo3(signature = (year, calendar=None))]
fn holidays_in<'py>(year: &Bound<'py, PyAny>, calendar: Option<&Bound<'py, PyAny>>) -> PyResult<Bound<'py, PyAny>> {
    holidays_in_of(&*calendar_arg(calendar)?, year)
}

// Functions

/// Runs `rule` on `input` (see `crm_rules.evaluate`). With `date_objects`, the
/// answer's dates (where its schema says `"format": "date"`) are `datetime.date`.
#[pyfunction]
#[pyo3(signature = (rule, input, *, date_objects=false))]
fn evaluate<'py>(
    rule: &Bound<'py, PyAny>,
    input: &Bound<'py, PyAny>,
    date_objects: bool,
) -> PyResult<Bound<'py, PyAny>> {
    let py = rule.py();
    let rule = text_arg(rule, "rule")?.into_owned();
    let input = to_json(input, Path::Root(""), 0)?;
    let shape = if date_objects { answer_shape(&rule) } else { &DateShape::Nothing };
    // The rule touches no Python object: other Python threads run meanwhile (a big
    // duplicate search is seconds of native work).
    let answer = py.detach(move || crm_rules::evaluate(&rule, input)).map_err(|e| crm_err(&e))?;
    to_py(py, &answer, shape)
}

/// The names of every rule `evaluate` knows.
#[pyfunction]
fn rule_names() -> Vec<&'static str> {
    crm_rules::rule_names()
}

// Identifiers and text (CAD-2, CAD-4): direct calls, no JSON round trip

/// A `str` argument named `name`; anything else raises `ValidationError`.
fn text_arg<'a>(value: &'a Bound<'_, PyAny>, name: &str) -> PyResult<std::borrow::Cow<'a, str>> {
    let got = || format!("expected a str, got `{}`", type_name(value));
    value.cast::<PyString>().map_err(|_| invalid(value.py(), name, got()))?.to_cow()
}

/// The `value` argument of a native function.
fn str_arg<'a>(value: &'a Bound<'_, PyAny>) -> PyResult<std::borrow::Cow<'a, str>> {
    text_arg(value, "value")
}

/// The answer of a core function called directly (a rule's `native` function).
fn native<T>(answer: impl crm_rules::registry::NativeAnswer<T>) -> PyResult<T> {
    answer.into_result().map_err(|e| crm_err(&e))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_class::<Policy>()?;
    m.add_class::<Calendar>()?;
    m.add_function(wrap_pyfunction!(evaluate, m)?)?;
    m.add_function(wrap_pyfunction!(rule_names, m)?)?;
    generated::register(m)?;
    for f in [
        wrap_pyfunction!(is_business_day, m)?,
        wrap_pyfunction!(add_business_days, m)?,
        wrap_pyfunction!(business_days_between, m)?,
        wrap_pyfunction!(holidays_in, m)?,
    ] {
        // Documented and doctested as part of the `crm_rules` package.
        f.setattr("__module__", "crm_rules")?;
        m.add_function(f)?;
    }
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add("MIN_YEAR", crm_rules::MIN_YEAR)?;
    m.add("MAX_YEAR", crm_rules::MAX_YEAR)?;
    Ok(())
}
