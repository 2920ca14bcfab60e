//! [`Timestamp`]: when something happened to a trace request, to the second, in UTC.

use std::fmt;
use std::str::FromStr;

use serde::{Deserialize, Serialize};

use crate::error::{Error, Result};
use crate::record::Date;

/// A moment in UTC, to the second, written as RFC 3339 (`2024-03-01T10:15:00Z`).
///
/// Parsing accepts `YYYY-MM-DDTHH:MM:SS` with `Z` or a `±HH:MM` offset (converted to
/// UTC), a space instead of `T`, fractional seconds (dropped), and a plain date
/// (midnight UTC). Years 1000–9999, like [`Date`].
///
/// ```
/// use armsmatch::trace::Timestamp;
/// let t: Timestamp = "2024-03-01T12:30:00+02:00".parse()?;
/// assert_eq!(t.to_string(), "2024-03-01T10:30:00Z");
/// let later: Timestamp = "2024-03-04T22:30:00Z".parse()?;
/// assert_eq!(later.days_since(t), 3.5);
/// assert_eq!(t.date().to_string(), "2024-03-01");
/// # Ok::<(), armsmatch::Error>(())
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Timestamp {
    secs: i64,
}

/// Seconds since 1970-01-01T00:00:00Z of 1000-01-01 and of 10000-01-01.
const MIN_SECS: i64 = -30_610_224_000;
const MAX_SECS: i64 = 253_402_300_800;

impl Timestamp {
    /// The current time (the system clock, to the second).
    ///
    /// ```
    /// assert!(armsmatch::trace::Timestamp::now().unix() > 1_700_000_000);
    /// ```
    pub fn now() -> Timestamp {
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs() as i64);
        Timestamp {
            secs: secs.clamp(MIN_SECS, MAX_SECS - 1),
        }
    }

    /// The moment `secs` seconds after 1970-01-01T00:00:00Z; an error outside years
    /// 1000–9999.
    ///
    /// ```
    /// use armsmatch::trace::Timestamp;
    /// assert_eq!(Timestamp::from_unix(86_400)?.to_string(), "1970-01-02T00:00:00Z");
    /// assert!(Timestamp::from_unix(i64::MAX).is_err());
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn from_unix(secs: i64) -> Result<Timestamp> {
        if (MIN_SECS..MAX_SECS).contains(&secs) {
            Ok(Timestamp { secs })
        } else {
            Err(Error::InvalidInput {
                field: "timestamp".into(),
                message: format!("{secs} seconds since 1970 is outside years 1000-9999"),
            })
        }
    }

    /// Midnight UTC at the start of `date`.
    ///
    /// ```
    /// use armsmatch::{Date, trace::Timestamp};
    /// let t = Timestamp::from_date(Date::new(2024, 1, 31)?);
    /// assert_eq!(t.to_string(), "2024-01-31T00:00:00Z");
    /// # Ok::<(), armsmatch::Error>(())
    /// ```
    pub fn from_date(date: Date) -> Timestamp {
        Timestamp {
            secs: date.days_since_epoch() * 86_400,
        }
    }

    /// Seconds since 1970-01-01T00:00:00Z.
    pub fn unix(self) -> i64 {
        self.secs
    }

    /// The UTC calendar date.
    pub fn date(self) -> Date {
        let (y, m, d) = civil_from_days(self.secs.div_euclid(86_400));
        // Always in range: the constructors keep years within 1000–9999.
        Date::new(y as u16, m as u8, d as u8).unwrap_or(Date {
            year: 1970,
            month: 1,
            day: 1,
        })
    }

    /// Days from `earlier` to `self` (fractional; negative if `earlier` is later).
    pub fn days_since(self, earlier: Timestamp) -> f64 {
        (self.secs - earlier.secs) as f64 / 86_400.0
    }
}

/// Howard Hinnant's civil_from_days: (year, month, day) of a day count since 1970-01-01.
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = doy - (153 * mp + 2) / 5 + 1;
    let m = if mp < 10 { mp + 3 } else { mp - 9 };
    (yoe + era * 400 + i64::from(m <= 2), m, d)
}

impl fmt::Display for Timestamp {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let day = self.secs.div_euclid(86_400);
        let s = self.secs.rem_euclid(86_400);
        let (y, m, d) = civil_from_days(day);
        write!(
            f,
            "{y:04}-{m:02}-{d:02}T{:02}:{:02}:{:02}Z",
            s / 3600,
            s / 60 % 60,
            s % 60
        )
    }
}

impl FromStr for Timestamp {
    type Err = Error;
    fn from_str(s: &str) -> Result<Timestamp> {
        let t = s.trim();
        let bad = || Error::InvalidInput {
            field: "timestamp".into(),
            message: format!("{t:?} is not a timestamp (YYYY-MM-DDTHH:MM:SSZ)"),
        };
        if t.len() <= 10 {
            return t
                .parse::<Date>()
                .map(Timestamp::from_date)
                .map_err(|_| bad());
        }
        let (date, rest) = t.split_at_checked(10).ok_or_else(bad)?;
        let date: Date = date.parse().map_err(|_| bad())?;
        let rest = rest.strip_prefix(['T', 't', ' ']).ok_or_else(bad)?;
        // HH:MM:SS, then optional .fraction, then Z / ±HH:MM / nothing (UTC).
        let (hms, zone) = rest.split_at_checked(8).ok_or_else(bad)?;
        let num = |p: &str, max: i64| -> Result<i64> {
            if p.len() != 2 || !p.bytes().all(|b| b.is_ascii_digit()) {
                return Err(bad());
            }
            let v: i64 = p.parse().map_err(|_| bad())?;
            if v > max {
                return Err(bad());
            }
            Ok(v)
        };
        let parts: Vec<&str> = hms.split(':').collect();
        let [h, mi, se] = parts.as_slice() else {
            return Err(bad());
        };
        let clock = num(h, 23)? * 3600 + num(mi, 59)? * 60 + num(se, 60)?.min(59);
        let zone = match zone.strip_prefix('.') {
            Some(frac) => frac.trim_start_matches(|c: char| c.is_ascii_digit()),
            None => zone,
        };
        let offset = match zone {
            "" | "Z" | "z" => 0,
            z if z.len() == 6 && (z.starts_with('+') || z.starts_with('-')) => {
                let sign = if z.starts_with('-') { -1 } else { 1 };
                let part = |r: std::ops::Range<usize>| z.get(r).ok_or_else(bad);
                if part(3..4)? != ":" {
                    return Err(bad());
                }
                let (oh, om) = (num(part(1..3)?, 23)?, num(part(4..6)?, 59)?);
                sign * (oh * 3600 + om * 60)
            }
            _ => return Err(bad()),
        };
        Timestamp::from_unix(date.days_since_epoch() * 86_400 + clock - offset).map_err(|_| bad())
    }
}

impl Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for Timestamp {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Timestamp, D::Error> {
        let s = String::deserialize(d)?;
        s.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn round_trips_across_the_range() {
        for secs in [
            MIN_SECS,
            -1,
            0,
            951_782_400,
            1_709_251_199,
            4_102_444_800,
            MAX_SECS - 1,
        ] {
            let t = Timestamp::from_unix(secs).unwrap();
            let back: Timestamp = t.to_string().parse().unwrap();
            assert_eq!(back, t, "{t}");
        }
        assert_eq!(
            Timestamp::from_unix(MIN_SECS).unwrap().to_string(),
            "1000-01-01T00:00:00Z"
        );
        assert!(Timestamp::from_unix(MAX_SECS).is_err());
    }

    #[test]
    fn parses_forms_and_refuses_garbage() {
        let t: Timestamp = "2024-02-29 23:59:59.123-01:00".parse().unwrap();
        assert_eq!(t.to_string(), "2024-03-01T00:59:59Z");
        assert_eq!(
            "2024-02-29".parse::<Timestamp>().unwrap().to_string(),
            "2024-02-29T00:00:00Z"
        );
        for bad in [
            "",
            "2024-02-30T00:00:00Z",
            "2024-01-01T24:00:00Z",
            "2024-01-01T10:00Z",
            "2024-01-01T10:00:00+0100",
            "2024-01-01X10:00:00Z",
            "2024-01-01T10:00:00Zjunk",
            "2024-01-01T1é:00:00Z",
            "2024-01-01T10:00:00+1é00",
        ] {
            assert!(bad.parse::<Timestamp>().is_err(), "{bad}");
        }
    }
}
