

impl {{ helpers_type }} {
{%- if params.helpers.templated %}
    /// The body of `code` with `params`, its message rendered from the code's template.
    fn templated(code: ErrorCode, params: {{ map_type }}) -> ErrorBody {
        let message = params.render(code.message_template().unwrap_or_default());
        Self::with_message(code, message, params)
    }
{% endif %}
    /// The body of `code` with `message` and `params`.
{%- if map_type == "Self" %}
    fn with_message(code: ErrorCode, message: ::std::string::String, params: Self) -> ErrorBody {
{%- else %}
    fn with_message(
        code: ErrorCode,
        message: ::std::string::String,
        params: {{ map_type }},
    ) -> ErrorBody {
{%- endif %}
        let mut body = ErrorBody::new(code, message);
        body.{{ params_field }} = params;
        body
    }
}

/// The parameters of an error by name, in the order they were sent: what {{ params_place }} holds.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ParamMap {
    entries: ::std::vec::Vec<(::std::string::String, ParamValue)>,
}

impl ParamMap {
    /// No parameters.
    #[must_use]
    pub const fn new() -> Self {
        Self {
            entries: ::std::vec::Vec::new(),
        }
    }

    /// The value of the parameter `name`, if the map has it.
    #[must_use]
    pub fn get(&self, name: &str) -> ::core::option::Option<&ParamValue> {
        self.entries
            .iter()
            .find(|(key, _)| key == name)
            .map(|(_, value)| value)
    }

    /// Sets the parameter `name` to `value`: in its place if the map has it, returning the value
    /// it had, else after the others.
    pub fn insert(
        &mut self,
        name: impl ::core::convert::Into<::std::string::String>,
        value: impl ::core::convert::Into<ParamValue>,
    ) -> ::core::option::Option<ParamValue> {
        let (name, value) = (name.into(), value.into());
        if let ::core::option::Option::Some((_, old)) =
            self.entries.iter_mut().find(|(key, _)| *key == name)
        {
            return ::core::option::Option::Some(::core::mem::replace(old, value));
        }
        self.entries.push((name, value));
        ::core::option::Option::None
    }

    /// The number of parameters.
    #[must_use]
    pub const fn len(&self) -> usize {
        self.entries.len()
    }

    /// Whether the map has no parameter.
    #[must_use]
    pub const fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Each parameter's name and value, in order.
    pub fn iter(&self) -> ::core::slice::Iter<'_, (::std::string::String, ParamValue)> {
        self.entries.iter()
    }
{%- if params.helpers.put_string %}

    /// Sets the string parameter `name`.
    fn put_string(&mut self, name: &str, value: impl ::core::convert::Into<::std::string::String>) {
        self.insert(name, ParamValue::String(value.into()));
    }
{%- endif %}
{%- if params.helpers.put_some %}

    /// Sets the optional parameter `name`, if it is given.
    fn put_some(
        &mut self,
        name: &str,
        value: ::core::option::Option<impl ::core::convert::Into<ParamValue>>,
    ) {
        if let ::core::option::Option::Some(value) = value {
            self.insert(name, value);
        }
    }
{%- endif %}
{%- if params.helpers.required %}

    /// The parameter `name` as `read` reads it; `None` when it is missing or of another type.
    fn required<'a, T, U: ::core::convert::From<T>>(
        &'a self,
        name: &str,
        read: fn(&'a ParamValue) -> ::core::option::Option<T>,
    ) -> ::core::option::Option<U> {
        self.get(name).and_then(read).map(U::from)
    }
{%- endif %}
{%- if params.helpers.optional %}

    /// The optional parameter `name` as `read` reads it: `Some(None)` when it is absent or null,
    /// `None` when it is of another type.
    #[allow(clippy::option_option)]
    fn optional<'a, T, U: ::core::convert::From<T>>(
        &'a self,
        name: &str,
        read: fn(&'a ParamValue) -> ::core::option::Option<T>,
    ) -> ::core::option::Option<::core::option::Option<U>> {
        match self.get(name) {
            ::core::option::Option::None | ::core::option::Option::Some(ParamValue::Null) => {
                ::core::option::Option::Some(::core::option::Option::None)
            }
            ::core::option::Option::Some(value) => {
                read(value).map(|value| ::core::option::Option::Some(U::from(value)))
            }
        }
    }
{%- endif %}
{%- if params.helpers.templated %}

    /// `template` with each placeholder `{name}` replaced by the value of the parameter `name`
    /// as text, and each doubled brace by one.
    fn render(&self, template: &str) -> ::std::string::String {
        let mut message = ::std::string::String::with_capacity(template.len());
        let mut rest = template;
        while let ::core::option::Option::Some(at) = rest.find(['{', '}']) {
            message.push_str(&rest[..at]);
            let brace = &rest[at..];
            let end = if brace.get(1..2) == brace.get(..1) {
                message.push_str(&brace[..1]);
                2
            } else {
                let end = brace.find('}').map_or(brace.len(), |end| end + 1);
                if let ::core::option::Option::Some(value) =
                    brace.get(1..end - 1).and_then(|name| self.get(name))
                {
                    message.push_str(&::std::string::ToString::to_string(value));
                }
                end
            };
            rest = &brace[end..];
        }
        message.push_str(rest);
        message
    }
{%- endif %}
{%- if serde %}

    /// Reads a JSON object's entries in order; a name sent twice keeps its first place and its
    /// last value, as JavaScript's `JSON.parse` does.
    fn read_map<'de, A: ::serde::de::MapAccess<'de>>(
        mut map: A,
    ) -> ::core::result::Result<Self, A::Error> {
        let mut params = Self::new();
        let mut places = ::std::collections::BTreeMap::new();
        while let ::core::option::Option::Some((name, value)) =
            map.next_entry::<::std::string::String, ParamValue>()?
        {
            if let ::core::option::Option::Some(&place) = places.get(&name) {
                params.entries[place] = (name, value);
            } else {
                places.insert(name.clone(), params.entries.len());
                params.entries.push((name, value));
            }
        }
        ::core::result::Result::Ok(params)
    }
{%- endif %}
}

impl<'a> ::core::iter::IntoIterator for &'a ParamMap {
    type Item = &'a (::std::string::String, ParamValue);
    type IntoIter = ::core::slice::Iter<'a, (::std::string::String, ParamValue)>;

    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter()
    }
}

/// The value of a parameter: one of the types a spec declares (`String`, `Integer`, `Number`,
/// `Boolean`), or any other JSON value, which a newer version of the API may send.
#[derive(Debug, Clone, PartialEq)]
pub enum ParamValue {
    /// `null`.
    Null,
    /// `true` or `false`: a `boolean` parameter.
    Boolean(bool),
    /// A number without fraction or exponent that fits in an `i64`: an `integer` parameter.
    Integer(i64),
    /// Any other number: a `number` parameter, whatever it is written as.
    Number(f64),
    /// A string: a `string` parameter.
    String(::std::string::String),
    /// An array.
    Array(::std::vec::Vec<Self>),
    /// An object.
    Object(ParamMap),
}

impl ParamValue {
    /// The string, if the value is one.
    #[must_use]
    pub const fn as_str(&self) -> ::core::option::Option<&str> {
        match self {
            Self::String(text) => ::core::option::Option::Some(text.as_str()),
            _ => ::core::option::Option::None,
        }
    }

    /// The integer, if the value is an `Integer`.
    #[must_use]
    pub const fn as_i64(&self) -> ::core::option::Option<i64> {
        match self {
            Self::Integer(value) => ::core::option::Option::Some(*value),
            _ => ::core::option::Option::None,
        }
    }

    /// The number, if the value is a `Number` or an `Integer` (a whole number is one in JSON).
    #[must_use]
    #[allow(clippy::cast_precision_loss)] // An integer beyond 2^53 is a number rounded.
    pub const fn as_f64(&self) -> ::core::option::Option<f64> {
        match self {
            Self::Number(value) => ::core::option::Option::Some(*value),
            Self::Integer(value) => ::core::option::Option::Some(*value as f64),
            _ => ::core::option::Option::None,
        }
    }

    /// The boolean, if the value is one.
    #[must_use]
    pub const fn as_bool(&self) -> ::core::option::Option<bool> {
        match self {
            Self::Boolean(value) => ::core::option::Option::Some(*value),
            _ => ::core::option::Option::None,
        }
    }

    /// Whether the value is `null`.
    #[must_use]
    pub const fn is_null(&self) -> bool {
        ::core::matches!(self, Self::Null)
    }

    /// Writes `number` as JavaScript's `String(number)` does (ECMAScript's
    /// `Number::toString`): its shortest digits, in full from 1e-6 to below 1e21 and with an
    /// exponent beyond (`1e+21`, `1e-7`); `0` for `-0`, `NaN`, `Infinity`, `-Infinity`.
    fn write_number(f: &mut ::core::fmt::Formatter<'_>, number: f64) -> ::core::fmt::Result {
        if number.is_nan() {
            return f.write_str("NaN");
        }
        if number == 0.0 {
            return f.write_str("0");
        }
        if number.is_sign_negative() {
            f.write_str("-")?;
        }
        if number.is_infinite() {
            return f.write_str("Infinity");
        }
        let (digits, exponent) = Self::shortest_digits(number.abs());
        // ECMAScript's `n`: the point's place, counted from the first digit.
        let point = exponent + 1;
        let count = i32::try_from(digits.len()).unwrap_or(i32::MAX);
        let zeros = |n: i32| "0".repeat(usize::try_from(n).unwrap_or(0));
        if count <= point && point <= 21 {
            ::core::write!(f, "{digits}{}", zeros(point - count))
        } else if 0 < point && point <= 21 {
            let (whole, fraction) = digits.split_at(usize::try_from(point).unwrap_or(0));
            ::core::write!(f, "{whole}.{fraction}")
        } else if -6 < point && point <= 0 {
            ::core::write!(f, "0.{}{digits}", zeros(-point))
        } else {
            let (first, rest) = digits.split_at(1);
            let dot = if rest.is_empty() { "" } else { "." };
            let sign = if point > 0 { "+" } else { "-" };
            ::core::write!(f, "{first}{dot}{rest}e{sign}{}", (point - 1).abs())
        }
    }
}

impl ParamValue {
    /// The fewest digits that read back as `number` (positive and finite), and the exponent of
    /// the first, as ECMAScript's `Number::toString` chooses them. `{:e}` writes the same
    /// digits, but for a number exactly halfway between two candidates, where ECMAScript
    /// takes the even one.
    fn shortest_digits(number: f64) -> (::std::string::String, i32) {
        let split = |text: ::std::string::String| {
            let (mantissa, exponent) = text.split_once('e').unwrap_or((&text, "0"));
            (
                mantissa.replace('.', ""),
                exponent.parse::<i32>().unwrap_or(0),
            )
        };
        let (digits, exponent) = split(::std::format!("{number:e}"));
        // Every double's decimal expansion ends within 767 digits: the number is halfway when
        // it ends at a 5 right after the shortest digits.
        let (exact, exact_exponent) = split(::std::format!("{number:.800e}"));
        let tail = exact.get(digits.len()..).unwrap_or_default();
        let halfway = tail.starts_with('5') && tail.bytes().skip(1).all(|digit| digit == b'0');
        if !halfway || exact_exponent != exponent {
            return (digits, exponent);
        }
        let mut even = exact
            .get(..digits.len())
            .unwrap_or_default()
            .as_bytes()
            .to_vec();
        if even.last().is_some_and(|digit| digit % 2 == 1) {
            // The candidate below ends in an odd digit: the one above, one more, is even.
            for digit in even.iter_mut().rev() {
                if *digit == b'9' {
                    *digit = b'0';
                } else {
                    *digit += 1;
                    break;
                }
            }
        }
        let even = ::std::string::String::from_utf8(even).unwrap_or_default();
        if even.is_empty() || even.starts_with('0') {
            // All nines carried into a digit more: no such tie reads back.
            return (digits, exponent);
        }
        let (first, rest) = even.split_at(1);
        let reads_back = ::std::format!("{first}.{rest}0e{exponent}").parse::<f64>();
        if reads_back == ::core::result::Result::Ok(number) {
            (even, exponent)
        } else {
            (digits, exponent)
        }
    }
}

impl ::core::fmt::Display for ParamValue {
    /// The value as a message writes it, as JavaScript's `String(value)` does: a string as it
    /// is, `true` or `false`, a number's shortest digits (`0.1`, `1e+21`, `0` for `-0`), `null`,
    /// an array's items joined by commas, `[object Object]` for an object.
    fn fmt(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
        match self {
            Self::Null => f.write_str("null"),
            Self::Boolean(value) => ::core::write!(f, "{value}"),
            Self::Integer(value) => ::core::write!(f, "{value}"),
            Self::Number(value) => Self::write_number(f, *value),
            Self::String(value) => f.write_str(value),
            Self::Array(items) => {
                for (index, item) in items.iter().enumerate() {
                    if index > 0 {
                        f.write_str(",")?;
                    }
                    if !item.is_null() {
                        ::core::write!(f, "{item}")?;
                    }
                }
                ::core::result::Result::Ok(())
            }
            Self::Object(_) => f.write_str("[object Object]"),
        }
    }
}

impl ::core::convert::From<bool> for ParamValue {
    fn from(value: bool) -> Self {
        Self::Boolean(value)
    }
}

impl ::core::convert::From<i64> for ParamValue {
    fn from(value: i64) -> Self {
        Self::Integer(value)
    }
}

impl ::core::convert::From<f64> for ParamValue {
    fn from(value: f64) -> Self {
        Self::Number(value)
    }
}

impl ::core::convert::From<::std::string::String> for ParamValue {
    fn from(value: ::std::string::String) -> Self {
        Self::String(value)
    }
}

impl ::core::convert::From<&str> for ParamValue {
    fn from(value: &str) -> Self {
        Self::String(::std::string::String::from(value))
    }
}
{%- if serde %}

impl ::serde::Serialize for ParamMap {
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::core::result::Result<S::Ok, S::Error> {
        serializer.collect_map(self.entries.iter().map(|(name, value)| (name, value)))
    }
}

impl<'de> ::serde::Deserialize<'de> for ParamMap {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        /// Reads a JSON object of parameters.
        struct Visitor;

        impl<'de> ::serde::de::Visitor<'de> for Visitor {
            type Value = ParamMap;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("an object of parameters")
            }

            fn visit_map<A: ::serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> ::core::result::Result<ParamMap, A::Error> {
                ParamMap::read_map(map)
            }
        }

        deserializer.deserialize_map(Visitor)
    }
}

impl ::serde::Serialize for ParamValue {
    /// Writes the value as JSON. A whole `Number` within `i64`'s range is written as an integer,
    /// as JavaScript writes it (`1` for `1.0`, `0` for `-0`); one that is not finite is written
    /// as the serializer writes such a float (`null` in `serde_json`, as in JavaScript).
    #[allow(clippy::cast_possible_truncation)] // The value is whole and within range.
    fn serialize<S: ::serde::Serializer>(
        &self,
        serializer: S,
    ) -> ::core::result::Result<S::Ok, S::Error> {
        match self {
            Self::Null => serializer.serialize_unit(),
            Self::Boolean(value) => serializer.serialize_bool(*value),
            Self::Integer(value) => serializer.serialize_i64(*value),
            Self::Number(value)
                if value.fract() == 0.0 && value.abs() < 9_223_372_036_854_775_808.0 =>
            {
                serializer.serialize_i64(*value as i64)
            }
            Self::Number(value) => serializer.serialize_f64(*value),
            Self::String(value) => serializer.serialize_str(value),
            Self::Array(items) => serializer.collect_seq(items),
            Self::Object(params) => ::serde::Serialize::serialize(params, serializer),
        }
    }
}

impl<'de> ::serde::Deserialize<'de> for ParamValue {
    fn deserialize<D: ::serde::Deserializer<'de>>(
        deserializer: D,
    ) -> ::core::result::Result<Self, D::Error> {
        /// Reads any JSON value.
        struct Visitor;

        impl<'de> ::serde::de::Visitor<'de> for Visitor {
            type Value = ParamValue;

            fn expecting(&self, f: &mut ::core::fmt::Formatter<'_>) -> ::core::fmt::Result {
                f.write_str("a JSON value")
            }

            fn visit_unit<E: ::serde::de::Error>(self) -> ::core::result::Result<ParamValue, E> {
                ::core::result::Result::Ok(ParamValue::Null)
            }

            fn visit_none<E: ::serde::de::Error>(self) -> ::core::result::Result<ParamValue, E> {
                ::core::result::Result::Ok(ParamValue::Null)
            }

            fn visit_some<Inner: ::serde::Deserializer<'de>>(
                self,
                deserializer: Inner,
            ) -> ::core::result::Result<ParamValue, Inner::Error> {
                <ParamValue as ::serde::Deserialize>::deserialize(deserializer)
            }

            fn visit_bool<E: ::serde::de::Error>(
                self,
                value: bool,
            ) -> ::core::result::Result<ParamValue, E> {
                ::core::result::Result::Ok(ParamValue::Boolean(value))
            }

            fn visit_i64<E: ::serde::de::Error>(
                self,
                value: i64,
            ) -> ::core::result::Result<ParamValue, E> {
                ::core::result::Result::Ok(ParamValue::Integer(value))
            }

            #[allow(clippy::cast_precision_loss)] // Beyond i64, a JSON number is a double.
            fn visit_u64<E: ::serde::de::Error>(
                self,
                value: u64,
            ) -> ::core::result::Result<ParamValue, E> {
                let number = ParamValue::Number(value as f64);
                ::core::result::Result::Ok(i64::try_from(value).map_or(number, ParamValue::Integer))
            }

            fn visit_f64<E: ::serde::de::Error>(
                self,
                value: f64,
            ) -> ::core::result::Result<ParamValue, E> {
                ::core::result::Result::Ok(ParamValue::Number(value))
            }

            fn visit_str<E: ::serde::de::Error>(
                self,
                value: &str,
            ) -> ::core::result::Result<ParamValue, E> {
                ::core::result::Result::Ok(ParamValue::String(::std::string::String::from(value)))
            }

            fn visit_string<E: ::serde::de::Error>(
                self,
                value: ::std::string::String,
            ) -> ::core::result::Result<ParamValue, E> {
                ::core::result::Result::Ok(ParamValue::String(value))
            }

            fn visit_seq<A: ::serde::de::SeqAccess<'de>>(
                self,
                mut seq: A,
            ) -> ::core::result::Result<ParamValue, A::Error> {
                let mut items = ::std::vec::Vec::new();
                while let ::core::option::Option::Some(item) = seq.next_element()? {
                    items.push(item);
                }
                ::core::result::Result::Ok(ParamValue::Array(items))
            }

            fn visit_map<A: ::serde::de::MapAccess<'de>>(
                self,
                map: A,
            ) -> ::core::result::Result<ParamValue, A::Error> {
                ParamMap::read_map(map).map(ParamValue::Object)
            }
        }

        deserializer.deserialize_any(Visitor)
    }
}
{%- endif %}

/// An error of a code of the spec with its parameters, typed as the spec declares them: what
/// [`ErrorBody::known`] reads.
#[derive(Debug, Clone, PartialEq{{ params.known_eq }})]
#[non_exhaustive]
pub enum KnownError {
{%- for variant in params.known_variants %}
{%- for line in variant.lines %}
{{ line }}
{%- endfor %}
{%- endfor %}
}
{%- for s in params.structs %}

{% for line in s.doc -%}
{{ line }}
{% endfor -%}
#[derive(Debug, Clone, {{ s.eq }})]
#[non_exhaustive]
{%- for line in s.attrs %}
{{ line }}
{%- endfor %}
pub struct {{ s.name }} {
{%- for field in s.fields %}
{%- for line in field %}
{{ line }}
{%- endfor %}
{%- endfor %}
}

impl {{ s.name }} {
    /// The error of `body` with these parameters: `None` when one is missing or of another
    /// type.
{%- for line in s.read_attrs %}
{{ line }}
{%- endfor %}
    fn read(body: &ErrorBody) -> ::core::option::Option<KnownError> {
{%- for line in s.read_body %}
{{ line }}
{%- endfor %}
    }
}
{%- endfor %}
