import GuideDocument
import GuideKnowledge

/// `client-secret-public`: public clients carry no secret (rule S-3).
struct ClientSecretPublicRule: GuideRule {
    static let description = RuleDescription(
        id: "client-secret-public",
        kind: .client,
        severity: .error,
        summary: "A public client has a client_secret.",
        explanation: """
            A public client (`public: true`: single-page apps, mobile and CLI tools) cannot keep \
            a secret, so Authelia refuses one on it. Either remove `client_secret` or make the \
            client confidential (`public: false`) if the application can keep a secret.
            """,
        reads: [.clients],
        basis: [.validator("validateOIDCClientTokenEndpointAuth", rules: "S-3")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              public: true
              ↓client_secret: '$plaintext$secret'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              public: true
              token_endpoint_auth_method: 'none'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.clients.compactMap { decoded in
            let client = decoded.client
            guard client.isPublicClient, let secret = client.writtenSecret else { return nil }
            let key = client.node.keyNode("client_secret") ?? client.node.keyNode("secret") ?? secret.node
            return finding(context.guide, at: key, "public client \(client.displayName) must not have a client_secret",
                           help: "remove client_secret, or set public: false")
        }
    }
}
