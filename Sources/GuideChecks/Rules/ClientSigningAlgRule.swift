import GuideDocument
import GuideKnowledge

/// `client-signing-alg`: ID tokens and JARM responses are signed (rule SG-1).
struct ClientSigningAlgRule: GuideRule {
    static let description = RuleDescription(
        id: "client-signing-alg",
        kind: .client,
        severity: .error,
        summary: "id_token or authorization responses are set to be unsigned ('none').",
        explanation: """
            `id_token_signed_response_alg` and `authorization_signed_response_alg` cannot be \
            `none`: an unsigned ID token proves nothing. `none` is valid (and the default) for \
            `userinfo_signed_response_alg`, `access_token_signed_response_alg` and \
            `introspection_signed_response_alg`; a guide probably meant one of those.
            """,
        reads: [.clients],
        basis: [
            .validator("validateOIDDClientSigningAlgsIDToken", rules: "SG-1"),
            .validator("validateOIDDClientSigningAlgsJARM", rules: "SG-1 (authorization since 4.39.6)"),
        ],
        triggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              id_token_signed_response_alg: ↓'none'
            ```
            """,
        ],
        nonTriggeringExamples: [
            """
            ```yaml {guide="authelia-client"}
            - client_id: 'app'
              id_token_signed_response_alg: 'RS256'
              userinfo_signed_response_alg: 'none'
              access_token_signed_response_alg: 'none'
            ```
            """,
        ])

    func check(_ context: CheckContext) -> [Finding] {
        context.clients.flatMap { decoded in
            [ResponseObject.idToken, .authorization].compactMap { object in
                guard let alg = decoded.client.responseObjects[object]?.signedAlg, alg.value == "none" else { return nil }
                return finding(context.guide, at: alg.node, "\(object.rawValue)_signed_response_alg cannot be 'none'",
                               help: "use 'RS256' (the default), or remove the key")
            }
        }
    }
}
