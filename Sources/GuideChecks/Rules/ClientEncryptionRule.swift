import GuideDocument
import GuideKnowledge

/// `client-encryption`: encrypted responses have keys to encrypt to and are signed first
/// (rules EN-3, EN-4).
struct ClientEncryptionRule: GuideRule {
    static let description = RuleDescription(
        id: "client-encryption",
        kind: .client,
        severity: .error,
        summary: "An encrypted response lacks client keys or a signature.",
        explanation: """
            Asymmetric response encryption (`RSA-OAEP-256`, `ECDH-ES`, ...) needs the client's \
            public keys (`jwks` or `jwks_uri`), and Authelia only encrypts signed responses: \
            the matching `*_signed_response_alg` must not be `none` or empty (for userinfo, \
            access token and introspection responses the default is `none`).
            """,
        reads: [.clients],
        basis: [RuleBasis(.autheliaValidator, "the response-object encryption checks of internal/configuration/validator/identity_providers.go from 4.39.2 (authelia/authelia); rules EN-1 to EN-5")],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              userinfo_signed_response_alg: 'RS256'
              userinfo_encrypted_response_alg: ↓'RSA-OAEP-256'
            ```
            """,
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              jwks_uri: 'https://app.example.com/jwks.json'
              userinfo_encrypted_response_alg: ↓'RSA-OAEP-256'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              jwks_uri: 'https://app.example.com/jwks.json'
              id_token_encrypted_response_alg: 'RSA-OAEP-256'
              userinfo_encrypted_response_alg: 'none'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        var findings: [Finding] = []
        for decoded in context.clients {
            let client = decoded.client
            for object in ResponseObject.allCases {
                guard let settings = client.responseObjects[object], let alg = settings.encryptedAlg,
                      !alg.value.isEmpty, alg.value != "none" else { continue }
                let defaultSigned = object == .idToken || object == .authorization ? "RS256" : "none"
                let signed = settings.signedAlg?.value.isEmpty == false ? settings.signedAlg!.value : defaultSigned
                if signed == "none" {
                    findings.append(finding(context.guide, at: alg.node,
                                            "\(object.rawValue) responses are encrypted but not signed; Authelia encrypts only signed responses",
                                            help: "set \(object.rawValue)_signed_response_alg: 'RS256'"))
                } else if !ClientSchema.symmetricEncryptionAlgs.contains(alg.value), client.jwks == nil, client.jwksURI == nil {
                    findings.append(finding(context.guide, at: alg.node,
                                            "'\(alg.value)' encrypts to the client's public key, but the client has no jwks or jwks_uri",
                                            help: "add jwks_uri"))
                }
            }
        }
        return findings
    }
}
