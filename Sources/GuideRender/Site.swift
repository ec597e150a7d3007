import GuideChecks
import GuideDocument
import GuideKnowledge

/// One reader's site: the values that replace a guide's example assumptions.
public struct Site: Sendable {
    /// A value the site gives, with where it was written (for messages).
    public struct Value: Sendable {
        public var text: String
        public var location: SourceLocation
    }

    public enum SecretRequest: Sendable, Equatable {
        /// Generate a random secret (absent, or `generate`).
        case generate
        case given(String)
        /// The secret and digest an earlier render generated or `secrets import` stored
        /// (the site state): used as they are, no digest is computed.
        case kept(secret: String, digest: String)
    }

    /// The site's name: its file name without extension; names the output folder.
    public var name: String
    public var file: String
    /// Common values, by their one key (every spelling of a label is the same `AssumptionKey`).
    public var values: [AssumptionKey: Value]
    public var secret: SecretRequest
    public var autheliaVersion: AutheliaVersion?
    /// A homelab's domain (`domain: home.arpa`, as the upstream guides' `domain` site
    /// variable): host names a guide builds on its own example domain are derived from it.
    public var domain: Value?
    /// Authelia's subdomain of `domain` (`authelia_subdomain`, default: the guide's own).
    public var autheliaSubdomain: Value?
    /// Per-application sections (`apps:`), keyed by guide name: values for that guide only.
    public var apps: [String: Section] = [:]

    /// What one application's section sets.
    public struct Section: Sendable {
        public var values: [AssumptionKey: Value] = [:]
        public var secret: SecretRequest?
        /// Where the section starts (for "unknown application" errors).
        public var location: SourceLocation
    }

    public func value(for key: AssumptionKey) -> Value? {
        values[key]
    }

    /// The site as the guide named `guide` sees it: the common values, overlaid with that
    /// guide's section (its own client id, URL, secret, ...).
    public func resolved(for guide: String) -> Site {
        guard let section = apps[guide] else { return self }
        var site = self
        site.values.merge(section.values) { _, own in own }
        if let secret = section.secret { site.secret = secret }
        return site
    }
}

