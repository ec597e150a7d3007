import GuideChecks
import GuideDocument

/// The named definitions Authelia clients depend on, as guides write them in their Authelia
/// YAML: claims policies and custom scopes (`identity_providers.oidc.claims_policies`,
/// `.scopes`) and user attributes (`definitions.user_attributes`). A site's combined
/// configuration needs every one its clients use: Authelia refuses to start when a client
/// names a claims policy that is not defined (`validateOIDCClientScopes`,
/// internal/configuration/validator/identity_providers.go: "option 'claims_policy' is not the
/// name of a configured claims policy").
public struct OIDCDefinitions: Sendable {
    public enum Kind: String, Sendable, CaseIterable {
        case userAttribute = "user attribute"
        case claimsPolicy = "claims policy"
        case scope = "scope"

        /// Where the kind lives in Authelia's configuration.
        var path: [String] {
            switch self {
            case .userAttribute: ["definitions", "user_attributes"]
            case .claimsPolicy: ["identity_providers", "oidc", "claims_policies"]
            case .scope: ["identity_providers", "oidc", "scopes"]
            }
        }
    }

    public struct Definition: Sendable {
        public var kind: Kind
        public var name: String
        public var node: YAMLNode
    }

    /// By kind, then name: the definition and the guide (application) that gave it first.
    public private(set) var entries: [Kind: [String: (node: YAMLNode, application: String)]] = [:]

    public init() {}

    /// Every definition in a guide's YAML blocks.
    public static func read(_ guide: Guide) -> [Definition] {
        var found: [Definition] = []
        for block in guide.codeBlocks where block.isYAML {
            guard case .success(let documents)? = block.yaml else { continue }
            for document in documents {
                for kind in Kind.allCases {
                    var node: YAMLNode? = document
                    for key in kind.path { node = node?[key] }
                    for pair in node?.pairs ?? [] {
                        if let name = pair.key.string { found.append(Definition(kind: kind, name: name, node: pair.value)) }
                    }
                }
            }
        }
        return found
    }

    /// Adds an application's definitions; one name defined twice differently is an error
    /// naming both applications (the same definition twice is one).
    public mutating func add(_ definitions: [Definition], from application: String) -> [String] {
        var conflicts: [String] = []
        for definition in definitions {
            if let existing = entries[definition.kind]?[definition.name] {
                if !existing.node.hasSameContent(as: definition.node) {
                    conflicts.append("the \(definition.kind.rawValue) '\(definition.name)' is defined differently by \(existing.application) and \(application); give one of them another name")
                }
                continue
            }
            entries[definition.kind, default: [:]][definition.name] = (definition.node, application)
        }
        return conflicts
    }

    /// The claims policies clients name that no definition gives, as messages.
    public func undefinedPolicies(of clients: [(client: AutheliaClient, application: String)]) -> [String] {
        clients.compactMap { client, application in
            guard let policy = client.node["claims_policy"]?.string, !policy.isEmpty, entries[.claimsPolicy]?[policy] == nil else { return nil }
            let id = client.clientID?.string ?? "?"
            return "client '\(id)' of \(application) names the claims policy '\(policy)', which no guide of this site defines; Authelia refuses to start with it (validateOIDCClientScopes: \"option 'claims_policy' is not the name of a configured claims policy\")"
        }
    }

    /// The YAML lines of one kind's mapping at `indent` (name, then its definition).
    func lines(_ kind: Kind, indent: Int) -> [String] {
        let pad = String(repeating: " ", count: indent)
        return (entries[kind] ?? [:]).sorted { $0.key < $1.key }.flatMap { name, entry in
            [pad + YAMLWriter.key(name) + ":"] + YAMLWriter.lines(entry.node, indent: indent + 2)
        }
    }
}
