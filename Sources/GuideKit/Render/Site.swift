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
    }

    /// The site's name: its file name without extension; names the output folder.
    public var name: String
    public var file: String
    /// Values by their one key (every spelling of a label is the same `SiteKey`).
    public var values: [SiteKey: Value]
    public var secret: SecretRequest
    public var autheliaVersion: AutheliaVersion?

    public func value(for key: SiteKey) -> Value? {
        values[key]
    }
}

