import GuideDocument

/// The description of one key of an Authelia OpenID Connect client, as data: its name, the
/// type Authelia accepts, the values it allows, the release that added or renamed it, and
/// where `ClientDecoder` stores it in `OIDCClient`. A key is one entry of `ClientSchema.keys`;
/// nothing else needs to know about it.
public struct ClientKey: Sendable {
    public enum ValueType: Sendable, Equatable {
        case string, boolean, stringList, uriList, digest, duration, url, jwks

        package var noun: String {
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

    /// Where a decoded value lives in `OIDCClient`. The case fixes the Swift type, so a key
    /// cannot be stored in a field of the wrong shape, and every key has a place: there is no
    /// fallback that drops a value.
    public enum Storage: Sendable {
        case text(WritableKeyPath<OIDCClient, Field<String>?> & Sendable)
        case flag(WritableKeyPath<OIDCClient, Field<Bool>?> & Sendable)
        /// A list that is empty when absent (`redirect_uris`).
        case list(WritableKeyPath<OIDCClient, [Field<String>]> & Sendable)
        /// A list whose absence matters (Authelia applies a default to `scopes`).
        case optionalList(WritableKeyPath<OIDCClient, [Field<String>]?> & Sendable)
        case keys(WritableKeyPath<OIDCClient, [ClientJWK]?> & Sendable)
        /// No typed field: the value is kept by key name in `OIDCClient.otherValues`, still
        /// checked for its type and allowed values. A new key starts here — one row in
        /// `ClientSchema.keys` — and gets a typed field only when a rule needs one.
        case untyped
    }

    /// A value allowed for the key, from a release on.
    public struct AllowedValue: Sendable {
        public var value: String
        public var since: AutheliaVersion
    }

    public var name: String
    public var type: ValueType
    public var storage: Storage
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

    /// What Authelia makes of this name in `version`.
    public enum Status: Equatable, Sendable {
        /// The name is current: values are stored under it.
        case current
        /// The old name of `current`, deprecated since `renamedIn` (still read).
        case renamed(current: String, renamedIn: AutheliaVersion)
        /// Not known yet in that release (added in `since`).
        case notYetAdded(since: AutheliaVersion)
    }

    public func status(in version: AutheliaVersion) -> Status {
        if let current = renamedTo, let renamedIn, version >= renamedIn { return .renamed(current: current, renamedIn: renamedIn) }
        if since > version { return .notYetAdded(since: since) }
        return .current
    }
}

extension OIDCClient {
    /// The value stored for `key`, as the scalar fields that hold it (one for a single
    /// value, one per item for lists; a `jwks` entry gives its `key_id`s). Reads the table,
    /// so the extract report and the tests see every key the decoder stores.
    public func fields(for key: ClientKey) -> [Field<String>] {
        switch key.storage {
        case .text(let path): return self[keyPath: path].map { [$0] } ?? []
        case .flag(let path): return self[keyPath: path].map { [Field(value: String($0.value), node: $0.node)] } ?? []
        case .list(let path): return self[keyPath: path]
        case .optionalList(let path): return self[keyPath: path] ?? []
        case .keys(let path): return (self[keyPath: path] ?? []).compactMap(\.keyID)
        case .untyped: return otherValues[key.renamedTo ?? key.name] ?? []
        }
    }
}
