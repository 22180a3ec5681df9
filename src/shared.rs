//! [`Shared`]: how components hold the report.

use std::{fmt, ops::Deref};

/// A part of the report handed to components. The report is parsed once and lives as long as
/// the page, so components hold `'static` references to it; props compare them by address,
/// since nothing in a report changes once parsed and a deep comparison on every render would
/// cost as much as the render.
pub struct Shared<T: 'static>(pub &'static T);

impl<T> Shared<T> {
    /// Keeps `value` for the rest of the program (one report per page).
    pub fn leak(value: T) -> Self {
        Self(Box::leak(Box::new(value)))
    }
}

impl<T> Clone for Shared<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Shared<T> {}

impl<T> PartialEq for Shared<T> {
    fn eq(&self, other: &Self) -> bool {
        std::ptr::eq(self.0, other.0)
    }
}

impl<T> Deref for Shared<T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.0
    }
}

impl<T: fmt::Debug> fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.fmt(f)
    }
}
