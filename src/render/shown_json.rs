//! The JSON the CLI shows (`evaluate --format json`), written by a
//! serializer of its own: the same bytes as serde_json's pretty printer
//! through [`escape::JsonShown`] (two spaces a level, hidden characters as
//! `\uXXXX`), but a string that is printable ASCII without `"` or `\` (as
//! nearly every key and value is) is tested a word at a time and written
//! whole, and a key's line break, indent and quotes take no per-byte scan.
//! Everything else (numbers, `null`, strings that need escaping) is
//! written by serde_json itself, through the compact formatter, whose
//! scalars and strings are the pretty printer's.
//!
//! Map keys must be strings (or newtypes of them, chars, unit variants):
//! the keys of the evaluation's views and of `serde_json::Value`. Other
//! keys are an error here, where serde_json would quote numbers and bools.

use serde::ser::{self, Impossible, Serialize, SerializeMap as _, SerializeSeq as _};

use crate::render::escape;

type Error = serde_json::Error;

/// A pretty, escaped JSON writer over `out`.
pub struct ShownJson<W> {
    out: W,
    level: usize,
}

impl<W: std::io::Write> ShownJson<W> {
    pub fn new(out: W) -> Self {
        ShownJson { out, level: 0 }
    }

    fn write(&mut self, bytes: &[u8]) -> Result<(), Error> {
        self.out.write_all(bytes).map_err(Error::io)
    }

    /// A line break (after a comma when `comma`) and the current indent.
    fn line(&mut self, comma: bool) -> Result<(), Error> {
        escape::line_break(&mut self.out, self.level, comma).map_err(Error::io)
    }

    /// serde_json's own serializer (compact: its scalars and strings are
    /// the pretty printer's) on the same output, hidden characters escaped.
    fn serde_json(
        &mut self,
    ) -> serde_json::Serializer<&mut W, escape::JsonShown<serde_json::ser::CompactFormatter>> {
        serde_json::Serializer::with_formatter(
            &mut self.out,
            escape::JsonShown(serde_json::ser::CompactFormatter),
        )
    }

    /// A string: written whole when nothing in it is escaped.
    fn text(&mut self, s: &str) -> Result<(), Error> {
        if escape::written_whole(s) {
            self.write(b"\"")?;
            self.write(s.as_bytes())?;
            return self.write(b"\"");
        }
        ser::Serializer::serialize_str(&mut self.serde_json(), s)
    }

    /// `[` or `{`: one level deeper; closed at once when it will stay
    /// empty (`len` 0), as serde_json does.
    fn open(&mut self, bracket: &'static [u8], len: Option<usize>) -> Result<State, Error> {
        self.write(bracket)?;
        self.level = self.level.saturating_add(1);
        if len == Some(0) {
            self.close(State::First, closing(bracket))?;
            return Ok(State::Empty);
        }
        Ok(State::First)
    }

    /// `]` or `}`: a level up, on a line of its own after any value.
    fn close(&mut self, state: State, bracket: &'static [u8]) -> Result<(), Error> {
        self.level = self.level.saturating_sub(1);
        if state == State::Rest {
            self.line(false)?;
        }
        self.write(bracket)
    }

    /// `{` and the variant's name as its one key, before the variant's
    /// value (serde_json's externally tagged enums).
    fn open_variant(&mut self, variant: &str) -> Result<(), Error> {
        self.write(b"{")?;
        self.level = self.level.saturating_add(1);
        self.line(false)?;
        self.text(variant)?;
        self.write(b": ")
    }
}

/// The bracket that closes `open`.
fn closing(open: &[u8]) -> &'static [u8] {
    if open == b"[" {
        b"]"
    } else {
        b"}"
    }
}

/// Where a compound is: nothing written and closed already (`Empty`),
/// before its first value, or after one.
#[derive(Clone, Copy, PartialEq, Eq)]
enum State {
    Empty,
    First,
    Rest,
}

/// An array or object being written; `variant` when it is the value of
/// an enum variant's object, closed after it.
pub struct Compound<'a, W> {
    ser: &'a mut ShownJson<W>,
    state: State,
    variant: bool,
}

impl<W: std::io::Write> Compound<'_, W> {
    /// Before a value of an array or a key of an object.
    fn next(&mut self) -> Result<(), Error> {
        let comma = self.state != State::First;
        self.state = State::Rest;
        self.ser.line(comma)
    }

    fn finish(self, bracket: &'static [u8]) -> Result<(), Error> {
        if self.state != State::Empty {
            self.ser.close(self.state, bracket)?;
        }
        if self.variant {
            self.ser.close(State::Rest, b"}")?;
        }
        Ok(())
    }
}

/// Scalars written by serde_json, as its pretty printer writes them.
macro_rules! by_serde_json {
    ($($name:ident($ty:ty);)*) => {$(
        fn $name(self, v: $ty) -> Result<(), Error> {
            ser::Serializer::$name(&mut self.serde_json(), v)
        }
    )*};
}

impl<'a, W: std::io::Write> ser::Serializer for &'a mut ShownJson<W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Compound<'a, W>;
    type SerializeTuple = Compound<'a, W>;
    type SerializeTupleStruct = Compound<'a, W>;
    type SerializeTupleVariant = Compound<'a, W>;
    type SerializeMap = Compound<'a, W>;
    type SerializeStruct = Compound<'a, W>;
    type SerializeStructVariant = Compound<'a, W>;

    by_serde_json! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_f32(f32);
        serialize_f64(f64);
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.text(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.text(v)
    }

    /// An array of numbers, as serde_json writes bytes.
    fn serialize_bytes(self, v: &[u8]) -> Result<(), Error> {
        let mut seq = self.serialize_seq(Some(v.len()))?;
        v.iter().try_for_each(|b| seq.serialize_element(b))?;
        ser::SerializeSeq::end(seq)
    }

    fn serialize_none(self) -> Result<(), Error> {
        self.write(b"null")
    }

    fn serialize_some<T: ?Sized + Serialize>(self, value: &T) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_unit(self) -> Result<(), Error> {
        self.write(b"null")
    }

    fn serialize_unit_struct(self, _name: &'static str) -> Result<(), Error> {
        self.write(b"null")
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.text(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        let mut map = self.serialize_map(Some(1))?;
        map.serialize_entry(variant, value)?;
        ser::SerializeMap::end(map)
    }

    fn serialize_seq(self, len: Option<usize>) -> Result<Compound<'a, W>, Error> {
        let state = self.open(b"[", len)?;
        Ok(Compound {
            ser: self,
            state,
            variant: false,
        })
    }

    fn serialize_tuple(self, len: usize) -> Result<Compound<'a, W>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_struct(
        self,
        _name: &'static str,
        len: usize,
    ) -> Result<Compound<'a, W>, Error> {
        self.serialize_seq(Some(len))
    }

    fn serialize_tuple_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, W>, Error> {
        self.open_variant(variant)?;
        let state = self.open(b"[", Some(len))?;
        Ok(Compound {
            ser: self,
            state,
            variant: true,
        })
    }

    fn serialize_map(self, len: Option<usize>) -> Result<Compound<'a, W>, Error> {
        let state = self.open(b"{", len)?;
        Ok(Compound {
            ser: self,
            state,
            variant: false,
        })
    }

    fn serialize_struct(self, _name: &'static str, len: usize) -> Result<Compound<'a, W>, Error> {
        self.serialize_map(Some(len))
    }

    fn serialize_struct_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
        len: usize,
    ) -> Result<Compound<'a, W>, Error> {
        self.open_variant(variant)?;
        let state = self.open(b"{", Some(len))?;
        Ok(Compound {
            ser: self,
            state,
            variant: true,
        })
    }
}

impl<W: std::io::Write> ser::SerializeSeq for Compound<'_, W> {
    type Ok = ();
    type Error = Error;

    fn serialize_element<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.next()?;
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result<(), Error> {
        Compound::finish(self, b"]")
    }
}

/// Tuples, tuple structs and tuple variants are written as sequences, as
/// serde_json writes them: the same two methods under the names each
/// trait gives them.
macro_rules! as_a_sequence {
    ($($trait:ident :: $method:ident),*) => {$(
        impl<W: std::io::Write> ser::$trait for Compound<'_, W> {
            type Ok = ();
            type Error = Error;

            fn $method<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
                ser::SerializeSeq::serialize_element(self, value)
            }

            fn end(self) -> Result<(), Error> {
                Compound::finish(self, b"]")
            }
        }
    )*};
}

as_a_sequence!(
    SerializeTuple::serialize_element,
    SerializeTupleStruct::serialize_field,
    SerializeTupleVariant::serialize_field
);

impl<W: std::io::Write> ser::SerializeMap for Compound<'_, W> {
    type Ok = ();
    type Error = Error;

    fn serialize_key<T: ?Sized + Serialize>(&mut self, key: &T) -> Result<(), Error> {
        self.next()?;
        key.serialize(Key(&mut *self.ser))
    }

    fn serialize_value<T: ?Sized + Serialize>(&mut self, value: &T) -> Result<(), Error> {
        self.ser.write(b": ")?;
        value.serialize(&mut *self.ser)
    }

    fn end(self) -> Result<(), Error> {
        Compound::finish(self, b"}")
    }
}

impl<W: std::io::Write> ser::SerializeStruct for Compound<'_, W> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        self.next()?;
        self.ser.text(key)?;
        ser::SerializeMap::serialize_value(self, value)
    }

    fn end(self) -> Result<(), Error> {
        Compound::finish(self, b"}")
    }
}

impl<W: std::io::Write> ser::SerializeStructVariant for Compound<'_, W> {
    type Ok = ();
    type Error = Error;

    fn serialize_field<T: ?Sized + Serialize>(
        &mut self,
        key: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        ser::SerializeStruct::serialize_field(self, key, value)
    }

    fn end(self) -> Result<(), Error> {
        Compound::finish(self, b"}")
    }
}

/// A map key: a string, or what serializes as one.
struct Key<'a, W>(&'a mut ShownJson<W>);

fn key_must_be_a_string() -> Error {
    ser::Error::custom("key must be a string")
}

/// Key types that are not strings: refused.
macro_rules! not_a_key {
    ($($name:ident($($ty:ty),*);)*) => {$(
        fn $name(self $(, _: $ty)*) -> Result<(), Error> {
            Err(key_must_be_a_string())
        }
    )*};
}

impl<W: std::io::Write> ser::Serializer for Key<'_, W> {
    type Ok = ();
    type Error = Error;
    type SerializeSeq = Impossible<(), Error>;
    type SerializeTuple = Impossible<(), Error>;
    type SerializeTupleStruct = Impossible<(), Error>;
    type SerializeTupleVariant = Impossible<(), Error>;
    type SerializeMap = Impossible<(), Error>;
    type SerializeStruct = Impossible<(), Error>;
    type SerializeStructVariant = Impossible<(), Error>;

    fn serialize_str(self, v: &str) -> Result<(), Error> {
        self.0.text(v)
    }

    fn serialize_char(self, v: char) -> Result<(), Error> {
        self.0.text(v.encode_utf8(&mut [0; 4]))
    }

    fn serialize_unit_variant(
        self,
        _name: &'static str,
        _index: u32,
        variant: &'static str,
    ) -> Result<(), Error> {
        self.0.text(variant)
    }

    fn serialize_newtype_struct<T: ?Sized + Serialize>(
        self,
        _name: &'static str,
        value: &T,
    ) -> Result<(), Error> {
        value.serialize(self)
    }

    not_a_key! {
        serialize_bool(bool);
        serialize_i8(i8);
        serialize_i16(i16);
        serialize_i32(i32);
        serialize_i64(i64);
        serialize_i128(i128);
        serialize_u8(u8);
        serialize_u16(u16);
        serialize_u32(u32);
        serialize_u64(u64);
        serialize_u128(u128);
        serialize_f32(f32);
        serialize_f64(f64);
        serialize_bytes(&[u8]);
        serialize_none();
        serialize_unit();
        serialize_unit_struct(&'static str);
    }

    fn serialize_some<T: ?Sized + Serialize>(self, _: &T) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_newtype_variant<T: ?Sized + Serialize>(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: &T,
    ) -> Result<(), Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_seq(self, _: Option<usize>) -> Result<Impossible<(), Error>, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple(self, _: usize) -> Result<Impossible<(), Error>, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_struct(
        self,
        _: &'static str,
        _: usize,
    ) -> Result<Impossible<(), Error>, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_tuple_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Impossible<(), Error>, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_map(self, _: Option<usize>) -> Result<Impossible<(), Error>, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct(self, _: &'static str, _: usize) -> Result<Impossible<(), Error>, Error> {
        Err(key_must_be_a_string())
    }

    fn serialize_struct_variant(
        self,
        _: &'static str,
        _: u32,
        _: &'static str,
        _: usize,
    ) -> Result<Impossible<(), Error>, Error> {
        Err(key_must_be_a_string())
    }
}
