import GuideDocument

/// The versioned facts of a profile, and their resolution for the releases a guide names.
extension ApplicationProfile {
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
}
