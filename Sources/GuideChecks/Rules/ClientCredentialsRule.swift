import GuideDocument
import GuideKnowledge

/// `client-credentials-grant`: client-credentials clients follow Authelia's constraints
/// (rules AP-1, SC-2, G-3).
struct ClientCredentialsRule: GuideRule {
    static let description = RuleDescription(
        id: "client-credentials-grant",
        kind: .client,
        severity: .error,
        summary: "A client-credentials client is public, not one_factor, or asks for user scopes.",
        explanation: """
            The `client_credentials` grant is for machines: no user logs in. Authelia requires \
            such clients to be confidential, to use `authorization_policy: one_factor` (or leave \
            it empty), and refuses the user-facing scopes `openid`, `offline` and \
            `offline_access` on them.
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDCClient", rules: "AP-1"),
            .validator("validateOIDCClientScopesClientCredentialsGrant", rules: "SC-2"),
            .validator("validateOIDCClientGrantTypesCheckRelated", rules: "G-3"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'robot'
              client_secret: '$plaintext$x'
              grant_types: ['client_credentials']
              authorization_policy: ↓'two_factor'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'robot'
              client_secret: '$plaintext$x'
              grant_types: ['client_credentials']
              scopes: [↓'openid']
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'robot'
              public: true
              grant_types: [↓'client_credentials']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'robot'
              client_secret: '$plaintext$x'
              grant_types: ['client_credentials']
              authorization_policy: 'one_factor'
              scopes: ['backup.read']
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for decoded in context.clients where decoded.client.usesClientCredentials {
            let client = decoded.client
            if client.isPublicClient, let grant = client.grantTypes?.first(where: { $0.value == "client_credentials" }) {
                findings.append(finding(context.guide, at: grant.node,
                                        "the client_credentials grant is for confidential clients only, but \(client.displayName) is public",
                                        help: "set public: false and give the client a secret"))
            }
            if let policy = client.authorizationPolicy, !policy.value.isEmpty, policy.value != "one_factor" {
                findings.append(finding(context.guide, at: policy.node,
                                        "client-credentials clients must use authorization_policy 'one_factor', not '\(policy.value)'",
                                        help: "set authorization_policy: 'one_factor'"))
            }
            for scope in client.scopes ?? [] where ["openid", "offline", "offline_access"].contains(scope.value) {
                findings.append(finding(context.guide, at: scope.node,
                                        "scope '\(scope.value)' is not allowed with the client_credentials grant (no user is involved)",
                                        help: "remove it"))
            }
        }
        return findings
    }
}
