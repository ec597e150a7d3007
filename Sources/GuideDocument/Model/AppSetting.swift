/// A switch the guide sets in the application's GUI: `- Map Groups: Disabled`. Its value is
/// plain text (a setting's value is code), one of the words GUIs use for on and off.
public struct AppToggle: Sendable, Equatable {
    public var label: Located<String>
    public var isOn: Bool
    /// The label's words (`SettingMeaning.words`), for matching against related settings.
    public var labelWords: [String]

    /// `nil` when `value` is not an on/off word.
    public init?(label: Located<String>, value: String) {
        guard let isOn = Self.state(value) else { return nil }
        self.isOn = isOn
        self.label = label
        labelWords = SettingMeaning.words(label.value)
    }

    /// On or off, for the words GUIs and settings use (`Enabled`, `checked`, `no`, ...);
    /// `nil` for anything else.
    public static func state(_ value: String) -> Bool? {
        switch value.trimmingCharacters(in: .whitespaces).lowercased() {
        case "enabled", "on", "yes", "true", "checked", "enable": true
        case "disabled", "off", "no", "false", "unchecked", "disable": false
        default: nil
        }
    }
}

/// One setting the guide tells the reader to configure in the application.
public struct AppSetting: Sendable, Equatable {
    public enum Origin: Sendable, Equatable {
        /// A `- Label: \`value\`` list item in the application's steps.
        case listItem
        /// A line of an `app-settings` block (or `.env` style `KEY=value` in a shell block).
        case configLine(block: Int)
        /// A `--flag value` option (or a known positional argument) of a command line.
        case commandOption(block: Int, command: String)
    }

    /// The setting's name as written (`Issuer URL`, `client-id`, `OIDC_CLIENT_ID`).
    public let key: Located<String>
    public var value: Located<String>
    public var origin: Origin

    /// What the setting's name means to GuideKit's general recognition, ignoring application
    /// profiles. Rules, render and output ask `SettingMeanings`, which lets a profile decide.
    public let nameMeaning: SettingMeaning?
    /// The name's words, for matching against application profiles.
    public let keyWords: [String]
    /// The keys the setting is nested under in a YAML file, outermost first (`oidc:` /
    /// `pkce:` for `enabled:`): a profile may name a setting by that path (`pkce.enabled`).
    public let parents: [String]

    /// The setting whose value this one is written inside (Argo CD's `oidc.config`, an
    /// environment variable holding JSON), or nil.
    public let container: String?

    public init(key: Located<String>, value: Located<String>, origin: Origin, parents: [String] = [], container: String? = nil) {
        self.key = key
        self.value = value
        self.origin = origin
        self.container = container
        keyWords = SettingMeaning.words(key.value)
        self.parents = parents
        nameMeaning = SettingMeaning(words: keyWords)
    }
}
