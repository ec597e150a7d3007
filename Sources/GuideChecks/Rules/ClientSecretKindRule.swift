import GuideDocument
import GuideKnowledge

/// `client-secret-kind`: features that need the plaintext secret get one (rules S-2, SG-2, EN-2).
struct ClientSecretKindRule: GuideRule {
    static let description = RuleDescription(
        id: "client-secret-kind",
        kind: .client,
        severity: .error,
        summary: "A feature needs the plaintext client secret but the secret is a digest.",
        explanation: """
            `client_secret_jwt` authentication, HMAC-signed responses (`HS256`, `HS384`, \
            `HS512`) and symmetric response encryption all use the secret itself as a key, so \
            Authelia must know it: a digest cannot work there. Use an asymmetric algorithm or \
            `client_secret_basic`, or (rarely worth it) store the secret in plaintext.
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDCClientTokenEndpointAuth", rules: "S-2"),
            .validator("validateOIDDClientSigningAlgs", rules: "SG-2, and EN-2 for symmetric encryption (4.39.2 and later)"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
              token_endpoint_auth_method: ↓'client_secret_jwt'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '$pbkdf2-sha512$310000$c8p78n7pUMln0jzvd4aK4Q$JNRBzwAo0ek5qKn50cFzzvE9RXV88h1wJn5KGiHrD0YKtZaR/nCb2CJPOsKaPK0hjf.9yHxzQGZziziccp6Yng'
              id_token_signed_response_alg: ↓'HS256'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              client_secret: '$plaintext$a-long-random-secret'
              token_endpoint_auth_method: 'client_secret_jwt'
              id_token_signed_response_alg: 'HS256'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for (index, decoded) in context.clients.enumerated() {
            guard case .success(let digest)? = context.digests[index], !digest.isPlaintext else { continue }
            let client = decoded.client
            for endpoint in ClientEndpoint.allCases {
                if let field = client.endpointAuthentication[endpoint]?.method, field.value == "client_secret_jwt" {
                    findings.append(finding(context.guide, at: field.node,
                                            "'client_secret_jwt' needs the plaintext secret, but client \(client.displayName) stores a \(digest.familyName) digest",
                                            help: "use 'client_secret_basic' or 'private_key_jwt'"))
                }
            }
            for object in ResponseObject.allCases {
                let settings = client.responseObjects[object]
                if let alg = settings?.signedAlg, ClientSchema.hmacAlgs.contains(alg.value) {
                    findings.append(finding(context.guide, at: alg.node,
                                            "'\(alg.value)' signs with the client secret, but client \(client.displayName) stores a digest",
                                            help: "use 'RS256'"))
                }
                if let alg = settings?.encryptedAlg, ClientSchema.symmetricEncryptionAlgs.contains(alg.value) {
                    findings.append(finding(context.guide, at: alg.node,
                                            "'\(alg.value)' encrypts with the client secret, but client \(client.displayName) stores a digest",
                                            help: "use an asymmetric algorithm such as 'RSA-OAEP-256'"))
                }
            }
        }
        return findings
    }
}
