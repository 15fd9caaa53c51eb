//! A safe interface to the YAML parser's event stream: the one module of errspec with
//! `unsafe` code.
//!
//! errspec reads values with serde_yaml (yaml_serde), which runs libyaml-rs, libyaml
//! translated to Rust. Positions come from the same parser: this module runs it once more and
//! hands out its events with their start and end marks, so a value and its position cannot
//! disagree about where a node is. libyaml-rs has libyaml's C interface, so the calls below
//! are `unsafe`; each says why it holds. The pattern (a parser that never moves, fed a string
//! that outlives it, every event deleted after it is copied) is yaml_serde's own
//! (`libyaml/parser.rs`).

use std::marker::PhantomData;
use std::mem::MaybeUninit;
use std::ptr::{NonNull, addr_of_mut};

use libyaml_rs as sys;

/// A place in the text, as the parser marks it: a byte offset from the start. Lines and
/// columns are derived from it (see `LineIndex`), so they count lines as editors do.
pub(crate) type Offset = usize;

/// One event of the stream, with the byte offsets where it starts and ends.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Event {
    pub kind: EventKind,
    pub start: Offset,
    pub end: Offset,
}

/// What an event is. Stream and document boundaries carry nothing errspec needs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum EventKind {
    StreamStart,
    StreamEnd,
    DocumentStart,
    DocumentEnd,
    /// `*name`: a reference to an earlier anchored node.
    Alias {
        anchor: String,
    },
    Scalar {
        anchor: Option<String>,
        tag: Option<String>,
        value: String,
        style: ScalarStyle,
    },
    /// A list's tag is not kept: errspec's types have no use for one, and serde_yaml
    /// decides what a tagged list is.
    SequenceStart {
        anchor: Option<String>,
    },
    SequenceEnd,
    MappingStart {
        anchor: Option<String>,
    },
    MappingEnd,
}

/// How a scalar is written; a plain scalar is the only kind YAML may read as a number, a
/// boolean or null.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    Literal,
    Folded,
}

/// The parser's own account of why the text is not YAML: its words, and the offset it marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SyntaxError {
    /// What is wrong, in libyaml's words, e.g. "did not find expected ',' or ']'".
    pub problem: String,
    /// What the parser was reading, e.g. "while parsing a flow sequence", and where that began.
    pub context: Option<(String, Offset)>,
    /// Where the problem is.
    pub at: Offset,
}

/// The events of one text, in order. Ends after the stream's end or the first syntax error.
pub(crate) struct Parser<'input> {
    /// Boxed so that it never moves: libyaml keeps a pointer to the parser in its own read
    /// handler's data.
    sys: Box<MaybeUninit<sys::yaml_parser_t>>,
    done: bool,
    /// The parser reads the text through a raw pointer; this ties its lifetime to the text's.
    input: PhantomData<&'input str>,
}

impl<'input> Parser<'input> {
    /// A parser over `input`.
    pub(crate) fn new(input: &'input str) -> Self {
        let mut sys = Box::new(MaybeUninit::<sys::yaml_parser_t>::uninit());
        let parser = sys.as_mut_ptr();
        // SAFETY: `parser` points to boxed memory the size of a parser, which
        // `yaml_parser_initialize` zeroes and fills; it fails only when allocation fails,
        // which aborts in Rust's allocator before it returns. The input pointer and length
        // describe `input`, which outlives the parser (`PhantomData<&'input str>`), and the
        // box keeps the parser at one address for the read handler's self-pointer.
        unsafe {
            let initialized = sys::yaml_parser_initialize(parser).ok;
            assert!(initialized, "libyaml could not allocate a parser");
            sys::yaml_parser_set_encoding(parser, sys::YAML_UTF8_ENCODING);
            sys::yaml_parser_set_input_string(parser, input.as_ptr(), input.len() as _);
        }
        Self {
            sys,
            done: false,
            input: PhantomData,
        }
    }

    fn raw(&mut self) -> *mut sys::yaml_parser_t {
        self.sys.as_mut_ptr()
    }
}

impl Iterator for Parser<'_> {
    type Item = Result<Event, SyntaxError>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.done {
            return None;
        }
        let parser = self.raw();
        let mut event = MaybeUninit::<sys::yaml_event_t>::uninit();
        // SAFETY: the parser was initialised in `new` and is deleted only in `drop`.
        // `yaml_parser_parse` fills `event` when it succeeds; the event is copied into owned
        // Rust values, then deleted once, so no pointer into it outlives this call.
        let result = unsafe {
            if sys::yaml_parser_parse(parser, event.as_mut_ptr()).fail {
                Err(syntax_error(&*parser))
            } else {
                let event = event.as_mut_ptr();
                let copied = copy_event(&*event);
                sys::yaml_event_delete(event);
                Ok(copied)
            }
        };
        self.done = match &result {
            Ok(event) => event.kind == EventKind::StreamEnd,
            Err(_) => true,
        };
        Some(result)
    }
}

impl Drop for Parser<'_> {
    fn drop(&mut self) {
        // SAFETY: the parser was initialised in `new`, and this is the only place it is
        // deleted.
        unsafe { sys::yaml_parser_delete(addr_of_mut!(*self.raw())) }
    }
}

/// The parser's error, read from the parser itself: the one place errspec reads a position
/// the parser chose, rather than one of a node it reported.
///
/// The scanner marks a problem with `problem_mark`; the reader (a character YAML does not
/// allow) leaves that at the start and gives a byte offset in `problem_offset` instead.
fn syntax_error(parser: &sys::yaml_parser_t) -> SyntaxError {
    // SAFETY: libyaml sets `problem` and `context` to static C strings, or null.
    let (problem, context) = unsafe { (c_text(parser.problem), c_text(parser.context)) };
    let mark = parser.problem_mark;
    let at = if mark.index == 0 && parser.problem_offset != 0 {
        parser.problem_offset as Offset
    } else {
        mark.index as Offset
    };
    SyntaxError {
        problem: problem.unwrap_or_else(|| "the YAML parser failed".to_owned()),
        context: context.map(|context| (context, parser.context_mark.index as Offset)),
        at,
    }
}

/// Copies one event out of libyaml's memory.
///
/// # Safety
/// `event` must be an event that `yaml_parser_parse` filled and that is not yet deleted.
unsafe fn copy_event(event: &sys::yaml_event_t) -> Event {
    // SAFETY (for every union read below): libyaml fills the union member that `type_`
    // names, and its pointers are null or point to NUL-terminated text (anchors, tags) or to
    // `length` bytes (a scalar's value) owned by the event.
    let kind = unsafe {
        match event.type_ {
            sys::YAML_STREAM_START_EVENT => EventKind::StreamStart,
            sys::YAML_STREAM_END_EVENT => EventKind::StreamEnd,
            sys::YAML_DOCUMENT_START_EVENT => EventKind::DocumentStart,
            sys::YAML_DOCUMENT_END_EVENT => EventKind::DocumentEnd,
            sys::YAML_ALIAS_EVENT => EventKind::Alias {
                anchor: c_text(event.data.alias.anchor.cast()).unwrap_or_default(),
            },
            sys::YAML_SCALAR_EVENT => {
                let scalar = event.data.scalar;
                let bytes = match NonNull::new(scalar.value) {
                    Some(value) => std::slice::from_raw_parts(value.as_ptr(), scalar.length as _),
                    None => &[],
                };
                EventKind::Scalar {
                    anchor: c_text(scalar.anchor.cast()),
                    tag: c_text(scalar.tag.cast()),
                    value: String::from_utf8_lossy(bytes).into_owned(),
                    style: scalar_style(scalar.style),
                }
            }
            sys::YAML_SEQUENCE_START_EVENT => EventKind::SequenceStart {
                anchor: c_text(event.data.sequence_start.anchor.cast()),
            },
            sys::YAML_SEQUENCE_END_EVENT => EventKind::SequenceEnd,
            sys::YAML_MAPPING_START_EVENT => EventKind::MappingStart {
                anchor: c_text(event.data.mapping_start.anchor.cast()),
            },
            sys::YAML_MAPPING_END_EVENT => EventKind::MappingEnd,
            // A successful parse always produces one of the events above.
            _ => EventKind::StreamEnd,
        }
    };
    Event {
        kind,
        start: event.start_mark.index as Offset,
        end: event.end_mark.index as Offset,
    }
}

fn scalar_style(style: sys::yaml_scalar_style_t) -> ScalarStyle {
    match style {
        sys::YAML_SINGLE_QUOTED_SCALAR_STYLE => ScalarStyle::SingleQuoted,
        sys::YAML_DOUBLE_QUOTED_SCALAR_STYLE => ScalarStyle::DoubleQuoted,
        sys::YAML_LITERAL_SCALAR_STYLE => ScalarStyle::Literal,
        sys::YAML_FOLDED_SCALAR_STYLE => ScalarStyle::Folded,
        _ => ScalarStyle::Plain,
    }
}

/// A NUL-terminated C string as owned text, or `None` for a null pointer.
///
/// # Safety
/// `text` must be null or point to a NUL-terminated string that lives for this call.
unsafe fn c_text(text: *const std::ffi::c_char) -> Option<String> {
    let text = NonNull::new(text.cast_mut())?;
    // SAFETY: non-null, and NUL-terminated by the caller's contract.
    let text = unsafe { std::ffi::CStr::from_ptr(text.as_ptr()) };
    Some(text.to_string_lossy().into_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(text: &str) -> Vec<EventKind> {
        Parser::new(text).map(|event| event.unwrap().kind).collect()
    }

    #[test]
    fn a_document_is_a_stream_of_events_with_offsets() {
        let events: Vec<Event> = Parser::new("a: [1, 'x']\n").map(Result::unwrap).collect();
        let scalar = |value: &str, style| EventKind::Scalar {
            anchor: None,
            tag: None,
            value: value.to_owned(),
            style,
        };
        let kinds: Vec<&EventKind> = events.iter().map(|e| &e.kind).collect();
        assert_eq!(
            kinds,
            [
                &EventKind::StreamStart,
                &EventKind::DocumentStart,
                &EventKind::MappingStart { anchor: None },
                &scalar("a", ScalarStyle::Plain),
                &EventKind::SequenceStart { anchor: None },
                &scalar("1", ScalarStyle::Plain),
                &scalar("x", ScalarStyle::SingleQuoted),
                &EventKind::SequenceEnd,
                &EventKind::MappingEnd,
                &EventKind::DocumentEnd,
                &EventKind::StreamEnd,
            ]
        );
        // `a` at 0..1, the list at 3..11, `'x'` at 7..10: byte offsets, end exclusive.
        assert_eq!((events[3].start, events[3].end), (0, 1));
        assert_eq!((events[4].start, events[7].end), (3, 11));
        assert_eq!((events[6].start, events[6].end), (7, 10));
    }

    #[test]
    fn offsets_count_bytes_past_multibyte_text() {
        let events: Vec<Event> = Parser::new("é: ü\n").map(Result::unwrap).collect();
        assert_eq!((events[3].start, events[3].end), (0, 2));
        assert_eq!((events[4].start, events[4].end), (4, 6));
    }

    #[test]
    fn anchors_aliases_and_tags_are_kept() {
        let kinds = kinds("a: &x !t 1\nb: *x\n");
        assert!(kinds.contains(&EventKind::Scalar {
            anchor: Some("x".to_owned()),
            tag: Some("!t".to_owned()),
            value: "1".to_owned(),
            style: ScalarStyle::Plain,
        }));
        assert!(kinds.contains(&EventKind::Alias {
            anchor: "x".to_owned()
        }));
    }

    #[test]
    fn a_syntax_error_is_the_parser_s_words_and_offset() {
        let error = Parser::new("a: [1,\nb: 2\n")
            .find_map(Result::err)
            .expect("an unclosed list is an error");
        assert_eq!(error.problem, "did not find expected ',' or ']'");
        assert_eq!(
            error.context,
            Some(("while parsing a flow sequence".to_owned(), 3))
        );
        assert_eq!(
            error.at, 12,
            "where the parser gave up: the end of the text"
        );
    }

    #[test]
    fn a_character_yaml_forbids_is_located_by_the_reader_s_offset() {
        let error = Parser::new("a: b\nc: \u{1}\n")
            .find_map(Result::err)
            .unwrap();
        assert_eq!(error.problem, "control characters are not allowed");
        assert_eq!(error.at, 8);
    }

    #[test]
    fn the_stream_ends_after_its_end_or_an_error() {
        let mut parser = Parser::new("a: [\n");
        assert!(parser.by_ref().any(|event| event.is_err()));
        assert!(parser.next().is_none());
        let mut parser = Parser::new("");
        assert_eq!(parser.by_ref().count(), 2, "stream start and end");
        assert!(parser.next().is_none());
    }
}
