/// Names a client may refer to that are defined at provider level
/// (`identity_providers.oidc.*`), collected from every Authelia block of a guide.
public struct ProviderDefinitions: Sendable, Equatable {
    public var authorizationPolicies: Set<String> = []
    public var customLifespans: Set<String> = []
    public var claimsPolicies: Set<String> = []
    /// Claims policy name → the claims it puts into the ID token (`id_token:`).
    public var idTokenClaims: [String: [String]] = [:]
    /// Custom scope name → the claims it grants.
    public var customScopes: [String: [String]] = [:]

    init(guide: Guide) {
        for block in guide.clientBlocks {
            guard case .success(let documents)? = block.yaml else { continue }
            for document in documents {
                guard let oidc = document["identity_providers"]?["oidc"] else { continue }
                authorizationPolicies.formUnion(Self.keys(of: oidc["authorization_policies"]))
                customLifespans.formUnion(Self.keys(of: oidc["lifespans"]?["custom"]))
                claimsPolicies.formUnion(Self.keys(of: oidc["claims_policies"]))
                for pair in oidc["claims_policies"]?.pairs ?? [] {
                    guard let name = pair.key.string else { continue }
                    idTokenClaims[name] = pair.value["id_token"]?.items?.compactMap(\.string) ?? []
                }
                for pair in oidc["scopes"]?.pairs ?? [] {
                    guard let name = pair.key.string else { continue }
                    customScopes[name] = pair.value["claims"]?.items?.compactMap(\.string) ?? []
                }
            }
        }
    }

    private static func keys(of node: YAMLNode?) -> [String] {
        node?.pairs?.compactMap { $0.key.string } ?? []
    }
}
