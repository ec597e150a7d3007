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
