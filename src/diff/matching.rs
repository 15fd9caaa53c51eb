//! Which code of the old version is which code of the new one.
//!
//! A code has two identities that clients depend on: its identifiers, which client code names
//! (`ErrorCode::NotFound`), and its status, which is on the wire. Codes are paired by
//! identifiers first (the same identifier in every target), then, among the codes still
//! unpaired, by status. So:
//!
//! - a code whose status changes keeps its identifiers and is paired by them: the pair shows
//!   `STATUS_CHANGED`, not a removal and an addition;
//! - a code whose `name:` or title changes keeps its status and is paired by it: the pair
//!   shows `IDENTIFIER_RENAMED`;
//! - a code whose identifiers and status both change has nothing left to pair it by: it is a
//!   removed code and an added one.
//!
//! Identifiers go first because they are what an author edits a code by: when a status is
//! renumbered onto the status of a removed code (404 deleted, 410 `Gone` moved to 404), the
//! truth is "`Gone` moved and `NotFound` went", not "404 was renamed and 410 went". In a valid
//! spec both identifiers and statuses are unique, so each pass pairs a code with at most one.
//!
//! In format v2 a code is its wire code, which clients match on and which never changes
//! meaning: codes are paired by it alone, so a code whose status, name or title changes is
//! still the same code, and one whose wire code changes is a removed code and an added one.

use crate::model::{Code, Format, Spec};

/// A code, with its index in its spec's `codes` (which is its index in the file's list).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Indexed<'a> {
    pub index: usize,
    pub code: &'a Code,
}

/// A code of the old version and its counterpart in the new one.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Pair<'a> {
    pub old: Indexed<'a>,
    pub new: Indexed<'a>,
}

/// The two versions, with their codes paired: what every rule reads.
pub(crate) struct Comparison<'a> {
    pub old: &'a Spec,
    pub new: &'a Spec,
    /// The paired codes, in the new version's order.
    pub pairs: Vec<Pair<'a>>,
    /// The old version's codes with no counterpart, in the old version's order.
    pub removed: Vec<Indexed<'a>>,
    /// The new version's codes with no counterpart, in the new version's order.
    pub added: Vec<Indexed<'a>>,
}

impl<'a> Comparison<'a> {
    /// Pairs the codes of `old` and `new`.
    pub(crate) fn new(old: &'a Spec, new: &'a Spec) -> Self {
        let mut partner: Vec<Option<usize>> = vec![None; new.codes.len()];
        let mut taken = vec![false; old.codes.len()];
        let by_identity: [fn(&Code, &Code) -> bool; 2] = [
            |a, b| a.idents == b.idents, // every target's identifier
            |a, b| a.status == b.status,
        ];
        let by_wire_code: [fn(&Code, &Code) -> bool; 1] = [|a, b| a.code == b.code];
        let passes: &[fn(&Code, &Code) -> bool] = match (old.format, new.format) {
            (Format::V2, Format::V2) => &by_wire_code,
            _ => &by_identity,
        };
        for same in passes {
            for (n, code) in new.codes.iter().enumerate() {
                if partner[n].is_some() {
                    continue;
                }
                let found = (0..old.codes.len()).find(|&o| !taken[o] && same(&old.codes[o], code));
                if let Some(o) = found {
                    partner[n] = Some(o);
                    taken[o] = true;
                }
            }
        }
        let indexed = |spec: &'a Spec, index: usize| Indexed {
            index,
            code: &spec.codes[index],
        };
        let pairs = (0..new.codes.len())
            .filter_map(|n| {
                partner[n].map(|o| Pair {
                    old: indexed(old, o),
                    new: indexed(new, n),
                })
            })
            .collect();
        let removed = (0..old.codes.len())
            .filter(|&o| !taken[o])
            .map(|o| indexed(old, o))
            .collect();
        let added = (0..new.codes.len())
            .filter(|&n| partner[n].is_none())
            .map(|n| indexed(new, n))
            .collect();
        Self {
            old,
            new,
            pairs,
            removed,
            added,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::pipeline::{Options, check};

    /// A valid spec with these codes, each `(status, title)`.
    fn spec(codes: &[(u16, &str)]) -> Spec {
        let mut text = "version: 1\napi:\n  name: Acme\ncodes:\n".to_owned();
        for (status, title) in codes {
            text.push_str(&format!(
                "  - status: {status}\n    title: {title}\n    description: d\n"
            ));
        }
        check(&text, &Options::new("spec.yaml")).unwrap().0
    }

    /// The pairs as `(old status, new status)`, the removed and the added statuses.
    fn matched(old: &Spec, new: &Spec) -> (Vec<(u16, u16)>, Vec<u16>, Vec<u16>) {
        let c = Comparison::new(old, new);
        (
            c.pairs
                .iter()
                .map(|p| (p.old.code.status, p.new.code.status))
                .collect(),
            c.removed.iter().map(|i| i.code.status).collect(),
            c.added.iter().map(|i| i.code.status).collect(),
        )
    }

    #[test]
    fn identifiers_pair_a_code_whose_status_changed() {
        let old = spec(&[(404, "Not Found"), (500, "Oops")]);
        let new = spec(&[(410, "Not Found"), (500, "Oops")]);
        assert_eq!(
            matched(&old, &new),
            (vec![(404, 410), (500, 500)], vec![], vec![])
        );
    }

    #[test]
    fn statuses_pair_a_renamed_code() {
        let old = spec(&[(404, "Not Found")]);
        let new = spec(&[(404, "Missing")]);
        assert_eq!(matched(&old, &new), (vec![(404, 404)], vec![], vec![]));
    }

    #[test]
    fn identifiers_win_over_statuses() {
        // 404 went, and `Gone` moved from 410 to 404.
        let old = spec(&[(404, "Not Found"), (410, "Gone")]);
        let new = spec(&[(404, "Gone")]);
        assert_eq!(matched(&old, &new), (vec![(410, 404)], vec![404], vec![]));
    }

    #[test]
    fn a_code_changed_in_name_and_status_is_removed_and_added() {
        let old = spec(&[(404, "Not Found")]);
        let new = spec(&[(410, "Gone")]);
        assert_eq!(matched(&old, &new), (vec![], vec![404], vec![410]));
    }

    #[test]
    fn pairs_follow_the_new_order_and_the_rest_their_own() {
        let old = spec(&[(400, "A"), (401, "B"), (402, "C"), (403, "D")]);
        let new = spec(&[(403, "D"), (405, "E"), (400, "A"), (406, "F")]);
        assert_eq!(
            matched(&old, &new),
            (vec![(403, 403), (400, 400)], vec![401, 402], vec![405, 406])
        );
    }
}
