import GuideDocument
import GuideKnowledge

/// `client-secret-plaintext`: secrets are stored as digests (rule S-5).
struct ClientPlaintextSecretRule: GuideRule {
    static let description = RuleDescription(
        id: "client-secret-plaintext",
        kind: .client,
        severity: .warning,
        summary: "A client secret is written in plaintext instead of as a digest.",
        explanation: """
            Authelia accepts `$plaintext$...` secrets (and bare values, which it treats the same) \
            but deprecates them: anyone who can read configuration.yml can log in as the \
            client. Store a pbkdf2-sha512 or argon2id digest instead. Plaintext is required \
            for `client_secret_jwt`, HMAC-signed responses and HMAC-signed request objects \
            (`request_object_signing_alg: HS256`: Authelia verifies the request object with \
            the secret itself, which a digest cannot give back), where this rule stays silent.
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDCClientTokenEndpointAuth", rules: "S-5 (a warning)"),
            RuleBasis(.autheliaRequest, "HMAC request objects: authelia/oauth2-provider v0.2.31 (Authelia v4.39.20) token/jwt/util.go NewClientSecretJWKFromClient needs the plaintext secret (internal/oidc/client.go GetClientSecretPlainText has none for a digest)"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: ↓'$plaintext$insecure_secret'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: ↓insecure_secret
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '$plaintext$insecure_secret'
              token_endpoint_auth_method: 'client_secret_jwt'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '$plaintext$insecure_secret'
              request_object_signing_alg: 'HS256'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.clients.indices.compactMap { index in
            let client = context.clients[index].client
            guard case .success(let digest)? = context.digests[index], digest.isPlaintext,
                  let secret = client.writtenSecret else { return nil }
            let usesJWT = ClientEndpoint.allCases.contains { client.effectiveAuthMethod($0) == "client_secret_jwt" }
            let usesHMAC = client.responseObjects.values.contains { ClientSchema.hmacAlgs.contains($0.signedAlg?.value ?? "") }
                || ClientSchema.hmacAlgs.contains(client.requestObjectSigningAlg?.value ?? "")
            guard !usesJWT, !usesHMAC else { return nil }
            return finding(context.guide, at: secret.node,
                           "the client secret of \(client.displayName) is stored in plaintext; plaintext secrets are deprecated",
                           help: "store a digest: authelia crypto hash generate pbkdf2 --variant sha512 --password '...'")
        }
    }
}
