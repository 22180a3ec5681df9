//! Reading comfort settings: type size and colour theme, remembered between visits.

/// Type size steps (MIIT 适老化: body ≥ 18 px at the large step, ≥ 30 px at the largest).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum FontSize {
    #[default]
    Standard,
    Large,
    Largest,
}

/// Colour themes. `Auto` follows the system's light or dark preference.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Theme {
    #[default]
    Auto,
    Light,
    Dark,
    HighContrast,
}

impl FontSize {
    pub const ALL: [FontSize; 3] = [FontSize::Standard, FontSize::Large, FontSize::Largest];
    pub const STORAGE_KEY: &'static str = "gongkai.font-size";

    /// Stored and used as a CSS class suffix.
    pub fn key(self) -> &'static str {
        match self {
            FontSize::Standard => "standard",
            FontSize::Large => "large",
            FontSize::Largest => "largest",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            FontSize::Standard => "标准",
            FontSize::Large => "大",
            FontSize::Largest => "特大",
        }
    }

    pub fn from_key(key: &str) -> Option<FontSize> {
        Self::ALL.into_iter().find(|size| size.key() == key)
    }
}

impl Theme {
    pub const ALL: [Theme; 4] = [Theme::Auto, Theme::Light, Theme::Dark, Theme::HighContrast];
    pub const STORAGE_KEY: &'static str = "gongkai.theme";

    pub fn key(self) -> &'static str {
        match self {
            Theme::Auto => "auto",
            Theme::Light => "light",
            Theme::Dark => "dark",
            Theme::HighContrast => "contrast",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Theme::Auto => "跟随系统",
            Theme::Light => "浅色",
            Theme::Dark => "深色",
            Theme::HighContrast => "高对比",
        }
    }

    pub fn from_key(key: &str) -> Option<Theme> {
        Self::ALL.into_iter().find(|theme| theme.key() == key)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_round_trip_and_unknown_keys_are_none() {
        for size in FontSize::ALL {
            assert_eq!(FontSize::from_key(size.key()), Some(size));
        }
        for theme in Theme::ALL {
            assert_eq!(Theme::from_key(theme.key()), Some(theme));
        }
        assert_eq!(Theme::from_key("<script>"), None);
        assert_eq!(FontSize::from_key(""), None);
    }
}
