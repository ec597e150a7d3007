import GuideDocument
import GuideKnowledge

/// `client-auth-method`: the endpoint authentication method fits the client type
/// (rules EA-2, EA-3 and S-4).
struct ClientAuthMethodRule: GuideRule {
    static let description = RuleDescription(
        id: "client-auth-method",
        kind: .client,
        severity: .error,
        summary: "An endpoint authentication method does not fit a public or confidential client.",
        explanation: """
            Public clients must use `none` at every endpoint (they have no credentials). \
            Confidential clients must not use `none` (unless every response type is implicit), \
            and a confidential client with a `client_secret` must not use `none` or \
            `private_key_jwt`, which ignore the secret. Checked for the token, revocation, \
            introspection and pushed-authorization-request endpoints.
            """,
        reads: [.clients],
        basis: [.validator("validateOIDCClientTokenEndpointAuth", rules: "EA-2, EA-3, S-4")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              public: true
              token_endpoint_auth_method: ↓'client_secret_basic'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '$plaintext$x'
              token_endpoint_auth_method: ↓'none'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'spa'
              public: true
              token_endpoint_auth_method: 'none'
            - client_id: 'web'
              client_secret: '$plaintext$x'
              token_endpoint_auth_method: 'client_secret_post'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for decoded in context.clients {
            let client = decoded.client
            for endpoint in ClientEndpoint.allCases {
                guard let field = client.endpointAuthentication[endpoint]?.method, !field.value.isEmpty,
                      ClientSchema.authMethods.contains(field.value) else { continue }
                let key = "\(endpoint.rawValue)_auth_method"
                if client.isPublicClient, field.value != "none" {
                    findings.append(finding(context.guide, at: field.node,
                                            "public client \(client.displayName) must use 'none' for \(key), not '\(field.value)'",
                                            help: "set \(key): 'none', or make the client confidential"))
                } else if !client.isPublicClient, field.value == "none", !client.isImplicitOnly {
                    findings.append(finding(context.guide, at: field.node,
                                            "confidential client \(client.displayName) cannot use 'none' for \(key)",
                                            help: "use 'client_secret_basic' (the default), or set public: true"))
                } else if !client.isPublicClient, client.writtenSecret != nil, field.value == "private_key_jwt" {
                    findings.append(finding(context.guide, at: field.node,
                                            "client \(client.displayName) has a client_secret but \(key) is '\(field.value)', which does not use it",
                                            help: "remove client_secret, or use a secret-based method"))
                }
            }
        }
        return findings
    }
}
