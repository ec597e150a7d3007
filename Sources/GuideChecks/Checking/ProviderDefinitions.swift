import GuideDocument
import GuideKnowledge

/// Names a client may refer to that are defined at provider level
/// (`identity_providers.oidc.*`), collected from every Authelia block of a guide.
public struct ProviderDefinitions: Sendable, Equatable {
    public var authorizationPolicies: Set<String> = []
    public var customLifespans: Set<String> = []
    /// Claims policy name → the claims it puts into the ID token (`id_token:`, empty when the
    /// policy lists none); its keys are the policies the guide defines.
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
                idTokenClaims.merge(Self.lists(in: oidc["claims_policies"], under: "id_token")) { _, new in new }
                customScopes.merge(Self.lists(in: oidc["scopes"], under: "claims")) { _, new in new }
            }
        }
    }

    /// Entry name → the strings listed under `key` in it (`scopes: {name: {claims: [...]}}`).
    private static func lists(in node: YAMLNode?, under key: String) -> [String: [String]] {
        var result: [String: [String]] = [:]
        for pair in node?.pairs ?? [] {
            guard let name = pair.key.string else { continue }
            result[name] = pair.value[key]?.items?.compactMap(\.string) ?? []
        }
        return result
    }

    private static func keys(of node: YAMLNode?) -> [String] {
        node?.pairs?.compactMap { $0.key.string } ?? []
    }
}
