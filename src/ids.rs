//! `FromStr` and `Display` for the ids: [`Provider`], [`Lang`], [`Code`], [`Severity`],
//! [`ChangeCode`]. `Display` writes the id; `FromStr` reads it back, and an unknown id is an
//! [`Error::UnknownId`] that carries it.

use crate::{ChangeCode, Code, Error, Lang, Provider, Severity};
use std::fmt;
use std::str::FromStr;

macro_rules! id_traits {
    ($ty:ty, $what:literal, $known:literal, $id:expr, $parse:expr) => {
        impl fmt::Display for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str($id(*self))
            }
        }

        impl FromStr for $ty {
            type Err = Error;
            fn from_str(s: &str) -> Result<$ty, Error> {
                $parse(s).ok_or_else(|| Error::unknown($what, s, $known))
            }
        }
    };
}

id_traits!(Provider, "provider", "zenlayer, tencent, openstack, nova, huawei", Provider::id, Provider::parse);
id_traits!(Lang, "language", "en, zh (also zh-CN, zh-Hans)", Lang::id, Lang::parse);
id_traits!(Code, "code", "the snake_case names of Code::ALL", Code::as_str, Code::parse);
id_traits!(Severity, "severity", "error, warning", Severity::as_str, Severity::parse);
id_traits!(
    ChangeCode,
    "change code",
    "trim, fold_width, remove_zero_width, canonical_enum, number_from_string, flattened_to_array, remove_duplicate",
    ChangeCode::as_str,
    |s: &str| ChangeCode::ALL.into_iter().find(|c| c.as_str() == s)
);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_id_round_trips_and_unknown_ids_are_errors() {
        for p in Provider::ALL {
            assert_eq!(p.to_string().parse::<Provider>().unwrap(), p);
        }
        for l in Lang::ALL {
            assert_eq!(l.to_string().parse::<Lang>().unwrap(), l);
        }
        for c in Code::ALL {
            assert_eq!(c.to_string().parse::<Code>().unwrap(), *c);
        }
        for s in [Severity::Error, Severity::Warning] {
            assert_eq!(s.to_string().parse::<Severity>().unwrap(), s);
        }
        for c in ChangeCode::ALL {
            assert_eq!(c.to_string().parse::<ChangeCode>().unwrap(), c);
        }
        for (e, what, id) in [
            ("Tencent".parse::<Provider>().unwrap_err(), "provider", "Tencent"),
            ("fr".parse::<Lang>().unwrap_err(), "language", "fr"),
            ("too-long".parse::<Code>().unwrap_err(), "code", "too-long"),
            ("".parse::<Severity>().unwrap_err(), "severity", ""),
            ("trim ".parse::<ChangeCode>().unwrap_err(), "change code", "trim "),
        ] {
            match &e {
                Error::UnknownId { what: w, id: i, .. } => assert_eq!((*w, i.as_str()), (what, id)),
                other => panic!("{other:?}"),
            }
            assert!(e.to_string().starts_with(&format!("unknown {what} \"{id}\" (known: ")), "{e}");
        }
        assert_eq!("zh-CN".parse::<Lang>().unwrap(), Lang::Zh);
    }
}
