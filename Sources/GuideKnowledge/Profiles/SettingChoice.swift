import GuideDocument

extension ApplicationProfile {
    /// A fact about the application that one of its settings may select: the value its
    /// `setting` selects (the setting's values mapped to GuideKit's terms), else `default`.
    /// A value with no mapping, or no default, means "any": not checked. `any` says so
    /// explicitly, for a fact the source documents as "either works" (Go's oauth2 AutoDetect
    /// tries HTTP Basic, then the request body).
    public struct SettingChoice: Sendable, Equatable {
        public var defaultValue: String?
        public var setting: String?
        public var values: [String: String]
        /// `claims_from` only: the claims the application reads whatever its settings say
        /// (Argo CD's `groups`), beside those its claim settings name.
        public var claims: [String] = []

        /// The term for "the application works with every registration": never checked.
        public static let any = "any"
        /// The token auth term for an application that sends the secret in an HTTP Basic
        /// header and in the request body at once.
        public static let basicAndPost = "basic_and_post"
        /// The `values` key for "the setting is set, to whatever value".
        public static let anyValue = "*"

        /// What the guide makes the application do, and why ("its client_auth_method is
        /// 'client_secret_post'", "the default when user_profile_method is not set"). A
        /// boolean setting is read as `true`/`false` whatever the guide writes (1, yes,
        /// Enabled, a GUI switch), so `values` of such a setting are keyed `true` and `false`.
        public func resolve(in guide: Guide, profile: ApplicationProfile) -> (value: String, because: String, setting: AppSetting?)? {
            if let key = setting {
                let isBoolean = profile.settings.first { $0.key == key }?.type == .boolean
                let chosen = profile.writtenSettings(key, in: guide).last { !TemplateSyntax.isTemplated($0.value.value) }
                if let chosen {
                    var value = ConfigLineReader.unquoted(chosen.value.value)
                    if isBoolean, let on = Self.boolean(value) { value = on ? "true" : "false" }
                    // `*` stands for any value the guide writes (Proxmox: a client-key, whatever it
                    // is); such a value is not repeated in the reason (it may be a secret).
                    let exact = values[value]
                    guard let mapped = exact ?? (value.isEmpty ? nil : values[Self.anyValue]), mapped != Self.any
                    else { return nil }  // any, or a value other rules judge
                    let written = exact == nil ? "set" : "'\(ConfigLineReader.unquoted(chosen.value.value))'"
                    return (mapped, "its \(chosen.key.value) is \(written)", chosen)
                }
                if isBoolean, let toggle = guide.toggles.last(where: { profile.setting(words: $0.labelWords)?.key == key }) {
                    guard let mapped = values[toggle.isOn ? "true" : "false"], mapped != Self.any else { return nil }
                    return (mapped, "its \(toggle.label.value) is \(toggle.isOn ? "on" : "off")", nil)
                }
            }
            guard let defaultValue, defaultValue != Self.any else { return nil }
            // A default chosen by a setting holds only where the guide shows the application's
            // configuration and leaves that setting out: a guide that shows none of it says
            // nothing about the setting, so no verdict comes from its silence.
            if setting != nil, guide.settings.isEmpty, guide.toggles.isEmpty { return nil }
            // Name where the guide shows the configuration that leaves the setting out.
            let shown = (guide.settings.map(\.key.location.line) + guide.toggles.map(\.label.location.line)).min()
            return (defaultValue, setting.map { key in
                "the default when \(key) is not set\(shown.map { ": the application's settings at line \($0) leave it out" } ?? "")"
            } ?? "always", nil)
        }

        /// The remedy a finding suggests on the application's side: "set KEY to 'VALUE', or "
        /// for the first of `terms` one of the setting's values selects (values in sorted
        /// order, so the choice is the same in every run); "" when none does.
        public func remedy(selecting terms: [String]) -> String {
            guard let key = setting else { return "" }
            let sorted = values.keys.sorted()
            for term in terms {
                if let value = sorted.first(where: { values[$0] == term }) { return "set \(key) to '\(value)', or " }
            }
            return ""
        }

        /// `1`/`0`, or a word `AppToggle.state` reads as on or off (which covers every word
        /// `ClientDecoder.bool` knows).
        static func boolean(_ text: String) -> Bool? {
            text == "1" ? true : text == "0" ? false : AppToggle.state(text)
        }
    }
}
