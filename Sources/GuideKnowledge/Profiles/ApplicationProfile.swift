import GuideDocument

/// What GuideKit knows about one application: the names of its settings and what they mean,
/// their types and allowed values, the scopes it asks for by default, and the redirect URI it
/// uses. Loaded from a data file in `Sources/GuideKnowledge/ProfileData/applications/` (docs/PROFILES.md).
public struct ApplicationProfile: Sendable {
    public struct Setting: Sendable {
        public enum ValueType: String, Sendable, CaseIterable {
            case string, url, boolean, integer
        }

        /// The setting's own name, for messages.
        public var key: String
        /// Every spelling guides use: GUI label, CLI flag, config key, environment variable.
        /// A guide's setting matches when its trailing words are one of these names' words.
        public var names: [String]
        /// `nil`: the setting is known but carries none of the meanings GuideKit compares.
        public var meaning: SettingMeaning?
        public var type: ValueType
        public var allowed: [String]?
        /// A regular expression the whole value must match, compiled once when the profile loads.
        public var pattern: Pattern?
        public var maxLength: Int?
        public var defaultValue: String?

        /// Name words, computed once for matching (every setting of every guide is matched).
        let nameWords: [[String]]

        public init(key: String, names: [String], meaning: SettingMeaning?, type: ValueType, allowed: [String]?,
                    pattern: Pattern?, maxLength: Int?, defaultValue: String?) {
            self.key = key
            self.names = names
            self.meaning = meaning
            self.type = type
            self.allowed = allowed
            self.pattern = pattern
            self.maxLength = maxLength
            self.defaultValue = defaultValue
            nameWords = names.map(SettingMeaning.words)
        }
    }

    /// A compiled regular expression with its source text (for messages). `Regex` holds no
    /// mutable state once built, so sharing it between threads is safe.
    public struct Pattern: @unchecked Sendable {
        public let source: String
        let regex: Regex<AnyRegexOutput>

        public init(_ source: String) throws {
            self.source = source
            regex = try Regex(source)
        }

        public func matchesWhole(_ value: String) -> Bool {
            (try? regex.wholeMatch(in: value)) != nil
        }
    }

    /// One redirect URI requirement: a client must register at least one of the alternatives.
    public struct RedirectRequirement: Sendable, Equatable {
        /// Templates: `{origin}` (scheme://host[:port]), `{root}` (the Application Root URL
        /// without trailing slash), `{assumption:LABEL}` (another assumption's value),
        /// `{setting:KEY}` (the profile's setting KEY as the guide writes it); RedirectTemplate.swift.
        public var alternatives: [String]
    }

    public var id: String
    public var name: String
    /// Where the profile came from, for messages.
    public var file: String
    /// File names and titles that select the profile, lower-cased (as loaded).
    public var matchFiles: [String]
    public var matchTitles: [String]
    public var redirectURIs: [RedirectRequirement]
    /// Scopes the application requests when the guide sets none, and scopes it always adds.
    public var defaultScopes: [String]?
    public var alwaysScopes: [String]
    /// The application compares the issuer with the discovery document's byte for byte, so
    /// `https://auth.example.com/` is not Authelia's `https://auth.example.com`.
    public var exactIssuer: Bool
    public var settings: [Setting]
    /// The application's documentation the profile's facts come from (`docs:`).
    public var docs: String? = nil
    /// How the application authenticates at the token endpoint (`token_auth_method:`), as
    /// Authelia's method names.
    public var tokenAuthMethod: SettingChoice? = nil
    /// Where the application reads the user's claims (`claims_from:`): `id_token` or
    /// `userinfo`. Since Authelia 4.39 profile, email and groups claims are in the userinfo
    /// response only, unless a claims policy puts them into the ID token.
    public var claimsFrom: SettingChoice? = nil
    /// The PKCE challenge the application sends (`pkce:`): `S256`, `plain` or `none`.
    public var pkce: SettingChoice? = nil
    /// Whether the application can read a signed UserInfo response (`application/jwt`);
    /// `nil`: unknown.
    public var userinfoSigned: Bool? = nil
    /// `exact_issuer` as the profile states it for the guide's releases: `nil` when unknown
    /// (then `exactIssuer` is false, and only a warning is given about a trailing slash).
    public var exactIssuerFact: Bool? = nil
    /// Settings whose value the application adds as a scope (a groups claim's name).
    public var scopesFromSettings: [String] = []

    /// The release of the application the profile's facts were read at.
    public var release: String? = nil
    /// The OpenID Connect client library the application delegates to, and the library
    /// releases it uses: the library's facts apply where the application states none.
    public var library: LibraryProfile? = nil
    public var libraryVersions: VersionRange? = nil
    /// `settings` lists every OpenID Connect setting the application has, so a name that is
    /// none of them (and close to one) is a misspelling (`profile-setting-unknown`).
    public var settingsComplete = false
    /// Every fact with its versions and sources, as loaded; the plain properties above are
    /// the values certain for the guide at hand (`resolved(for:)`).
    public var facts = Facts()
    /// Citations of facts that are not versioned values (`settings`), by fact name.
    public var sources: [String: String] = [:]
    /// Facts the research could not establish, each with what was tried: no rule uses them.
    public var unknown: [String: String] = [:]

    /// The versioned facts of a profile (application or library).
    public struct Facts: Sendable {
        public var redirectURIs: VersionedFact<[RedirectRequirement]>?
        public var scopes: VersionedFact<Scopes>?
        public var tokenAuthMethod: VersionedFact<SettingChoice>?
        public var claimsFrom: VersionedFact<SettingChoice>?
        public var pkce: VersionedFact<SettingChoice>?
        public var userinfoSigned: VersionedFact<Bool>?
        public var exactIssuer: VersionedFact<Bool>?

        public init() {}

        /// The facts by their profile key, for listings and the source test.
        public var named: [(name: String, citations: [String], library: String?)] {
            var result: [(String, [String], String?)] = []
            func add<T>(_ name: String, _ fact: VersionedFact<T>?) {
                if let fact { result.append((name, fact.citations, fact.library)) }
            }
            add("redirect_uris", redirectURIs)
            add("scopes", scopes)
            add("token_auth_method", tokenAuthMethod)
            add("claims_from", claimsFrom)
            add("pkce", pkce)
            add("userinfo_signed", userinfoSigned)
            add("exact_issuer", exactIssuer)
            return result
        }
    }

    /// Scopes the application requests when the guide sets none, and those it always adds.
    public struct Scopes: Sendable, Equatable {
        public var defaults: [String]?
        public var always: [String]
    }

    /// The profile with its plain facts set to what is certain for the releases in question:
    /// the application's `version` for its own facts, the library releases it uses for the
    /// library's. A fact whose releases disagree is unknown (`nil`), and no rule fires on it.
    public func resolved(applicationVersion version: SoftwareVersion?) -> ApplicationProfile {
        var copy = self
        let applicationRange = version.map(VersionRange.init(exactly:))
        func value<T>(_ fact: VersionedFact<T>?) -> T? {
            guard let fact else { return nil }
            return fact.value(over: fact.library == nil ? applicationRange : libraryVersions)
        }
        copy.redirectURIs = value(facts.redirectURIs) ?? []
        let scopes = value(facts.scopes)
        copy.defaultScopes = scopes?.defaults
        copy.alwaysScopes = scopes?.always ?? []
        copy.tokenAuthMethod = value(facts.tokenAuthMethod)
        copy.claimsFrom = value(facts.claimsFrom)
        copy.pkce = value(facts.pkce)
        copy.userinfoSigned = value(facts.userinfoSigned)
        copy.exactIssuerFact = value(facts.exactIssuer)
        copy.exactIssuer = copy.exactIssuerFact ?? false
        return copy
    }

    /// The same, for the application release the guide's Tested Versions names.
    public func resolved(for guide: Guide) -> ApplicationProfile {
        resolved(applicationVersion: testedVersion(in: guide))
    }

    /// The release of this application the guide says it was tested with, if any.
    public func testedVersion(in guide: Guide) -> SoftwareVersion? {
        let names = Set(([name] + matchTitles).map(TestedVersion.normalize))
        guard let entry = guide.testedVersions.first(where: { entry in names.contains { entry.isAbout($0) } }) else { return nil }
        // Several releases listed: the fact must hold for all of them; the newest decides
        // only when there is one.
        let versions = entry.versions.compactMap { SoftwareVersion($0.value) }
        return versions.count == 1 ? versions[0] : nil
    }

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
            return (defaultValue, setting.map { "the default when \($0) is not set" } ?? "always", nil)
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

    /// Every setting the guide writes for the profile's setting `key`, in the guide's order.
    public func writtenSettings(_ key: String, in guide: Guide) -> [AppSetting] {
        guide.settings.filter { setting(for: $0)?.key == key }
    }

    /// The value the guide gives the profile's setting `key` (the last one written, unquoted),
    /// or `nil` when the guide does not set it or writes a template placeholder there.
    public func settingValue(_ key: String, in guide: Guide) -> String? {
        guard let written = writtenSettings(key, in: guide).last else { return nil }
        let value = ConfigLineReader.unquoted(written.value.value)
        return value.isEmpty || TemplateSyntax.isTemplated(value) ? nil : value
    }

    /// The profile setting a guide's setting name refers to, if any. The longest matching
    /// name wins, so `GF_AUTH_GENERIC_OAUTH_API_URL` matches `api_url` rather than `url`.
    public func setting(named name: String) -> Setting? {
        setting(words: SettingMeaning.words(name))
    }

    /// The profile setting a guide's setting is, by its name or, for YAML, by the keys it is
    /// nested under (`pkce.enabled` finds `enabled:` under `pkce:`).
    public func setting(for written: AppSetting) -> Setting? {
        setting(words: written.keyWords, parents: written.parents)
    }

    /// `parents`: the keys a YAML setting is nested under, outermost first.
    public func setting(words: [String], parents: [String] = []) -> Setting? {
        var best: (Setting, Int)?
        // Split only if a longer name needs them: reading settings costs nothing for it.
        lazy var pathWords = parents.flatMap(SettingMeaning.words) + words
        for setting in settings {
            // A one-word name (`key`) must be the whole setting name: as a suffix it would also
            // match `--attribute-ssh-public-key`. Longer names match as a suffix, so `api_url`
            // finds `GF_AUTH_GENERIC_OAUTH_API_URL`, and also as a suffix of a YAML setting's
            // path, so `pkce.enabled` finds `enabled:` nested under `pkce:`.
            // `*` in a name stands for any one word (WUD's `WUD_AUTH_OIDC_*_CLIENTID`, the
            // provider's name in the middle).
            func same(_ a: some Collection<String>, _ b: [String]) -> Bool {
                a.count == b.count && zip(a, b).allSatisfy { $0 == $1 || $1 == "*" }
            }
            for candidate in setting.nameWords where !candidate.isEmpty
                && (candidate.count == 1 ? words == candidate
                    : same(words.suffix(candidate.count), candidate)
                        || (!parents.isEmpty && same(pathWords.suffix(candidate.count), candidate))) {
                if candidate.count > (best?.1 ?? 0) { best = (setting, candidate.count) }
            }
        }
        return best?.0
    }
}
