import GuideDocument
import GuideKnowledge

/// `client-secret-required`: confidential clients that authenticate with a secret have one (rule S-1).
struct ClientSecretRequiredRule: GuideRule {
    static let description = RuleDescription(
        id: "client-secret-required",
        kind: .client,
        severity: .error,
        summary: "A confidential client authenticates with a secret but has none.",
        explanation: """
            A confidential client (the default, `public: false`) whose endpoints use \
            `client_secret_basic` (the default), `client_secret_post` or `client_secret_jwt` \
            needs a `client_secret`. Authelia refuses the configuration without one (a later \
            block that repeats a client only to add settings is not required to repeat it). Add the \
            digest of a generated secret, or make the client public if the application cannot \
            keep a secret.
            """,
        reads: [.clients],
        basis: [.validator("validateOIDCClientTokenEndpointAuth", rules: "S-1")],
        pages: [.guide],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: ↓'app'
              redirect_uris: ['https://app.example.com/cb']
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              public: true
            - client_id: 'service'
              client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
            - client_id: 'jwt'
              token_endpoint_auth_method: 'private_key_jwt'
              token_endpoint_auth_signing_alg: 'RS256'
              jwks_uri: 'https://app.example.com/jwks.json'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'forgejo'
              client_secret: '$plaintext$x'
            ```

            ```yaml {guide="authelia-client"}
            - client_id: 'forgejo'
              claims_policy: 'forgejo'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        // A guide may show the same client again in a later block that only adds settings
        // (forgejo adds a claims policy); the secret given in the first block counts, and so
        // does a first block that makes the client public.
        let idsWithSecret = Set(context.clients.filter { $0.client.writtenSecret != nil || $0.client.isPublicClient }
            .compactMap { $0.client.clientID?.value })
        return context.clients.compactMap { decoded in
            let client = decoded.client
            guard !client.isPublicClient, client.writtenSecret == nil,
                  !idsWithSecret.contains(client.clientID?.value ?? "") else { return nil }
            let methods = ClientEndpoint.allCases.map { client.effectiveAuthMethod($0) }
            guard let method = methods.first(where: { ClientSchema.secretAuthMethods.contains($0) }) else { return nil }
            return finding(context.guide, at: client.anchor,
                           "confidential client \(client.displayName) authenticates with '\(method)' but has no client_secret",
                           help: "add client_secret with a digest (guidekit can generate one), or set public: true")
        }
    }
}
