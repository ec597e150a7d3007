/// The description of one key of an Authelia OpenID Connect client, as data.
public struct ClientKey: Sendable {
    public enum ValueType: Sendable, Equatable {
        case string, boolean, stringList, uriList, digest, duration, url, jwks

        var noun: String {
            switch self {
            case .string: "a string"
            case .boolean: "a boolean (true or false)"
            case .stringList: "a list of strings"
            case .uriList: "a URI or a list of URIs"
            case .digest: "a secret digest string"
            case .duration: "a duration (seconds, or text such as '1 week')"
            case .url: "a URL string"
            case .jwks: "a list of keys (key_id, use, algorithm, key, certificate_chain)"
            }
        }
    }

    /// A value allowed for the key, from a release on.
    public struct AllowedValue: Sendable {
        public var value: String
        public var since: AutheliaVersion
    }

    public var name: String
    public var type: ValueType
    /// `nil` when any value of the type is allowed.
    public var allowed: [AllowedValue]?
    /// First release whose configuration has the key.
    public var since: AutheliaVersion
    /// For old names: the key that replaced this one and the release that renamed it.
    public var renamedTo: String?
    public var renamedIn: AutheliaVersion?

    /// The allowed values in `version`.
    public func allowedValues(in version: AutheliaVersion) -> [String]? {
        allowed?.filter { $0.since <= version }.map(\.value)
    }
}
